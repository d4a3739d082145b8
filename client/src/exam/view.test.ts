import { describe, expect, it } from 'vitest';
import { defaultNobdTemplate, syntheticIin, type NobdTemplate } from '@ashyq/shared';
import { sampleExamSession } from '@ashyq/shared/exam/sample';
import { currentAcademicYear, draftOf, emptyDraft, inputOf, withStart } from './session-draft';
import {
  checkCommission,
  checkTemplate,
  codeReasons,
  formatCodes,
  fromLocalInput,
  gradeDistribution,
  moveColumn,
  parseCodes,
  parseGroups,
  percentText,
  toLocalInput,
  type MemberDraft,
} from './view';

const session = sampleExamSession();

describe('exam times typed in Kazakhstan time', () => {
  it('shows an instant as local UTC+5 and sends it back with the offset', () => {
    expect(toLocalInput('2026-05-19T04:00:00Z')).toBe('2026-05-19T09:00');
    expect(toLocalInput('2026-05-19T09:00:00+05:00')).toBe('2026-05-19T09:00');
    expect(fromLocalInput('2026-05-19T09:00')).toBe('2026-05-19T09:00:00+05:00');
    expect(toLocalInput('not a date')).toBe('');
  });
});

describe('inline reasons of the session form', () => {
  it('accepts current and legacy classifier codes, and locates a foreign qualification', () => {
    expect(codeReasons('06130100', '4S06130105', 'en')).toEqual({
      specialty: null,
      qualification: null,
    });
    expect(codeReasons('1304000', '1304043', 'en')).toEqual({
      specialty: null,
      qualification: null,
    });
    const foreign = codeReasons('06130100', '4S07150105', 'en');
    expect(foreign.specialty).toBeNull();
    expect(foreign.qualification).not.toBeNull();
    expect(codeReasons('0613010', '', 'en').specialty).not.toBeNull();
  });

  it('reads groups separated by commas or lines without blanks and repeats', () => {
    expect(parseGroups('ПО-22-1, ПО-22-2\nПО-22-1,, ')).toEqual(['ПО-22-1', 'ПО-22-2']);
  });
});

describe('session form round trip', () => {
  it('gives back the session’s fields unchanged', () => {
    const input = inputOf(draftOf(session));
    // The college is the server's to print, from its own record: the form never sends it.
    expect(input).not.toHaveProperty('college');
    expect(input).not.toHaveProperty('regionId');
    expect(input).toMatchObject({
      academicYear: session.academicYear,
      specialty: session.specialty,
      qualification: session.qualification,
      groups: session.groups,
      startsAt: '2026-05-19T09:00:00+05:00',
      endsAt: '2026-05-19T16:00:00+05:00',
      variants: 2,
      protocolNumber: '7-ДЭ',
      gradeScaleId: 'kz-letter@2022',
      scheme: session.scheme,
    });
    expect(input).not.toHaveProperty('gradeSettings');
  });

  it('sends grade settings only when set, and leaves blanks for the server to name', () => {
    const draft = { ...emptyDraft(new Date('2026-02-01T00:00:00Z')), passPercent: '55' };
    expect(draft.academicYear).toBe('2025-2026');
    const input = inputOf({ ...draft, cPlusTraditional: 'good' });
    expect(input.gradeSettings).toEqual({ cPlusTraditional: 'good', passPercent: 55 });
    expect(input.scheme).toBeNull();
    expect(input).not.toHaveProperty('protocolNumber');
  });

  it('takes the academic year from the exam’s start until the officer types one', () => {
    const draft = emptyDraft(new Date('2026-11-23T00:00:00Z'));
    expect(draft.academicYear).toBe('2026-2027');
    expect(withStart(draft, '2026-06-02T09:00', false).academicYear).toBe('2025-2026');
    expect(withStart(draft, '2026-06-02T09:00', true).academicYear).toBe('2026-2027');
    expect(withStart(draft, '', false)).toMatchObject({ startsAt: '', academicYear: '2026-2027' });
  });

  it('starts a new academic year in September', () => {
    expect(currentAcademicYear(new Date('2026-08-31T12:00:00Z'))).toBe('2025-2026');
    expect(currentAcademicYear(new Date('2026-09-01T12:00:00Z'))).toBe('2026-2027');
  });
});

describe('the commission’s independence rule, shown per member', () => {
  const members: MemberDraft[] = session.commission.map((member) => ({ ...member }));

  it('has nothing to say about a valid commission', () => {
    const check = checkCommission(session, members, 'en');
    expect(check.general).toEqual([]);
    expect([...check.byRow.keys()]).toEqual([]);
  });

  it('puts an own-staff marker on its row and a missing chair in the general list', () => {
    const changed = members.map((member, index) =>
      index === 2 ? { ...member, collegeId: session.collegeId } : member,
    );
    const withoutChair = changed.filter((member) => member.role !== 'chair');
    const check = checkCommission(session, withoutChair, 'ru');
    const row = withoutChair.findIndex(
      (member) => member.collegeId === session.collegeId && member.marks,
    );
    expect(check.byRow.get(row)?.join(' ')).toMatch(/независим/);
    expect(check.general.join(' ')).toMatch(/ровно одна роль «Председатель комиссии»/);
    expect(check.byRow.get(row)?.join(' ')).toContain('Эксперт от работодателя');
  });

  it('reports a bad IIN of a new member on that member', () => {
    const iin = syntheticIin(7);
    const wrong = iin.slice(0, 11) + ((Number(iin[11]) + 1) % 10);
    const added: MemberDraft = {
      name: { last: 'Сейтқали', first: 'Дәурен' },
      iin: wrong,
      role: 'expert',
      employer: 'ТОО «Дала»',
      marks: true,
    };
    const check = checkCommission(session, [...members, added], 'en');
    expect(check.byRow.get(members.length)?.join(' ')).toMatch(/check digit/i);
  });
});

describe('NOBD template editing', () => {
  it('locates each problem on its 1-based column', () => {
    const template: NobdTemplate = {
      ...defaultNobdTemplate,
      columns: [
        ...defaultNobdTemplate.columns,
        { field: 'criterionPoints', header: { kk: 'Балл', ru: 'Итоговый балл' } },
      ],
    };
    const problems = checkTemplate(template, 'en');
    const at = defaultNobdTemplate.columns.length + 1;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ column: at, option: 'criterion' }),
        expect.objectContaining({ column: at, option: 'header.ru' }),
      ]),
    );
    expect(checkTemplate(defaultNobdTemplate, 'en')).toEqual([]);
  });

  it('moves columns within bounds only', () => {
    const moved = moveColumn(defaultNobdTemplate, 1, -1);
    expect(moved.columns[0]!.field).toBe(defaultNobdTemplate.columns[1]!.field);
    expect(moveColumn(defaultNobdTemplate, 0, -1)).toBe(defaultNobdTemplate);
  });

  it('reads and writes code lists as “value=code” pairs', () => {
    expect(parseCodes('pass=1; fail=2;absent = 3')).toEqual({ pass: '1', fail: '2', absent: '3' });
    expect(parseCodes(' ')).toBeUndefined();
    expect(formatCodes({ final: '2', intermediate: '1' })).toBe('final=2; intermediate=1');
  });
});

describe('annual report figures', () => {
  it('keeps every grade of the scale in order, zeros included', () => {
    const data = gradeDistribution({ 'kz-letter@2022': { B: 2, A: 1 } }, 'kz-letter@2022', [
      'A',
      'A-',
      'B',
    ]);
    expect(data).toEqual({ labels: ['A', 'A-', 'B'], counts: [1, 0, 2] });
    expect(gradeDistribution({}, 'kz-letter@2022', ['A']).counts).toEqual([0]);
  });

  it('prints percents with two decimals and a dash for none', () => {
    expect(percentText(89.5, 'en')).toBe('89.50');
    expect(percentText(89.5, 'kk')).toBe('89,50');
    expect(percentText(null, 'ru')).toBe('—');
  });
});
