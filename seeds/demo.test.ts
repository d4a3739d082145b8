import { describe, expect, it } from 'vitest';
import {
  championshipSchema,
  collegeSchema,
  compatriotKeyFor,
  competitionSchema,
  competitorSchema,
  conflictOf,
  delegationKeysOf,
  expertSchema,
  getGradeScale,
  getProfile,
  isDiscrepant,
  isValidBin,
  markEntrySchema,
  markingSchemeSchema,
  type PersonName,
  regionIdSchema,
  specialtyQualificationSchema,
  validateIin,
  validateMarkAgainstScheme,
} from '@ashyq/shared';
import { buildDemo, demo, type DemoCompetition } from './demo';
import { eligibleMembers, type DemoMark } from './marks';

const profile = getProfile(demo.championship.profileId)!;
const compatriotKey = compatriotKeyFor(profile, demo.championship.level);
const [web, welding, cooking] = demo.competitions as [
  DemoCompetition,
  DemoCompetition,
  DemoCompetition,
];

const people = [
  ...demo.competitions.flatMap((c) => [...c.competitors, ...c.experts]),
  ...demo.examSession.commission,
  ...demo.examSession.students,
];

const subCriteriaOf = (c: DemoCompetition) =>
  c.competition.scheme.criteria.flatMap((cr) => cr.subCriteria);
const aspectsOf = (c: DemoCompetition, subCriterionId: string) =>
  subCriteriaOf(c).find((sc) => sc.id === subCriterionId)!.aspects;
const subCriterionOfAspect = (code: string) => code.split('.')[0]!;
const entriesFor = (c: DemoCompetition, aspect: string, competitor: string) =>
  c.marks.filter((m) => m.aspect === aspect && m.competitor === competitor);

/** Entries of one form: one aspect of one competitor (Map.groupBy needs Node 21). */
function byForm<M extends { aspect: string; competitor: string }>(
  marks: readonly M[],
): Map<string, M[]> {
  const forms = new Map<string, M[]>();
  for (const mark of marks) {
    const key = `${mark.aspect} ${mark.competitor}`;
    forms.set(key, [...(forms.get(key) ?? []), mark]);
  }
  return forms;
}

/** Patronymics say the sex in both naming traditions: -ұлы / -вич for men, -қызы / -вна for women. */
function sexOfName(name: PersonName): 'male' | 'female' {
  return /(ұлы|вич)$/.test(name.middle ?? '') ? 'male' : 'female';
}

describe('demo identifiers', () => {
  it('gives everyone a valid, distinct IIN whose sex digit agrees with the patronymic', () => {
    for (const person of people) {
      const check = validateIin(person.iin);
      expect(check.ok ? check.sex : check).toBe(sexOfName(person.name));
    }
    expect(new Set(people.map((p) => p.iin)).size).toBe(people.length);
  });

  it('gives competitors of the 2026 championship ages 16 to 22 and experts adult ages', () => {
    const birthYear = (iin: string) => {
      const check = validateIin(iin);
      return check.ok ? Number(check.birthDate.slice(0, 4)) : NaN;
    };
    for (const c of demo.competitions) {
      for (const competitor of c.competitors)
        expect(2026 - birthYear(competitor.iin)).toBeGreaterThanOrEqual(16);
      for (const competitor of c.competitors)
        expect(2026 - birthYear(competitor.iin)).toBeLessThanOrEqual(22);
      for (const expert of c.experts)
        expect(2026 - birthYear(expert.iin)).toBeGreaterThanOrEqual(25);
    }
  });

  it('gives every college a valid, distinct BIN and a known region', () => {
    for (const college of demo.colleges) {
      expect([college.id, isValidBin(college.bin!)]).toEqual([college.id, true]);
      expect(regionIdSchema.safeParse(college.regionId).success).toBe(true);
    }
    expect(new Set(demo.colleges.map((c) => c.bin)).size).toBe(demo.colleges.length);
  });

  it('keeps every id unique', () => {
    const ids = [
      ...demo.colleges.map((c) => c.id),
      demo.championship.id,
      ...demo.competitions.map((c) => c.competition.id),
      ...people.map((p) => p.id),
      demo.examSession.id,
    ];
    expect(new Set(ids).size).toBe(ids.length);
    const markIds = demo.competitions.flatMap((c) => c.marks.map((m) => m.id));
    expect(new Set(markIds).size).toBe(markIds.length);
  });

  it('issues a distinct six-digit PIN to every expert who signs in, and to no one else', () => {
    const signingIn = [
      ...demo.competitions.flatMap((c) => c.experts.map((e) => e.id)),
      ...demo.examSession.commission.filter((m) => m.marks).map((m) => m.id),
    ];
    expect(Object.keys(demo.expertPins).sort()).toEqual([...signingIn].sort());
    const pins = Object.values(demo.expertPins);
    for (const pin of pins) expect(pin).toMatch(/^\d{6}$/);
    expect(new Set(pins).size).toBe(pins.length);
  });

  it('is the same on every build and follows the seed', () => {
    expect(buildDemo()).toEqual(demo);
    expect(buildDemo(1).competitions[0]!.competitors[0]!.iin).not.toBe(web.competitors[0]!.iin);
  });
});

describe('demo championship', () => {
  it('stores as the domain entities', () => {
    for (const college of demo.colleges) expect(collegeSchema.parse(college)).toEqual(college);
    expect(championshipSchema.parse(demo.championship)).toEqual(demo.championship);
    for (const c of demo.competitions) {
      expect(competitionSchema.parse(c.competition)).toEqual(c.competition);
      for (const competitor of c.competitors)
        expect(competitorSchema.parse(competitor)).toEqual(competitor);
      for (const expert of c.experts) expect(expertSchema.parse(expert)).toEqual(expert);
      for (const { at: _, ...mark } of c.marks) expect(markEntrySchema.parse(mark)).toEqual(mark);
    }
  });

  it('is a regional WSK championship whose competitions pin a shipped profile', () => {
    expect(demo.championship).toMatchObject({ level: 'regional', track: 'wsk', season: 2026 });
    expect(compatriotKey).toBe('college');
    for (const c of demo.competitions) {
      expect(getProfile(c.competition.profileId)?.id).toBe('wsk-championship@2024');
    }
  });

  it.each(demo.competitions.map((c) => [c.competition.id, c] as const))(
    '%s has a field from several colleges and regions with one guest, and 5-7 experts with one chief',
    (_id, c) => {
      expect(c.competitors.length).toBeGreaterThanOrEqual(8);
      expect(c.competitors.length).toBeLessThanOrEqual(12);
      expect(new Set(c.competitors.map((p) => p.collegeId)).size).toBeGreaterThanOrEqual(4);
      expect(new Set(c.competitors.map((p) => p.regionId)).size).toBeGreaterThanOrEqual(3);
      expect(c.competitors.filter((p) => p.guest)).toHaveLength(1);
      expect(c.experts.length).toBeGreaterThanOrEqual(5);
      expect(c.experts.length).toBeLessThanOrEqual(7);
      expect(c.experts.filter((e) => e.role === 'chief')).toHaveLength(1);
      for (const person of [...c.competitors, ...c.experts])
        expect(person.competitionId).toBe(c.competition.id);
    },
  );

  it.each(demo.competitions.map((c) => [c.competition.id, c] as const))(
    '%s has a panel per sub-criterion; compatriots bite, yet every competitor keeps 3 eligible judges',
    (_id, c) => {
      expect(c.panels.map((p) => p.subCriterionId)).toEqual(subCriteriaOf(c).map((sc) => sc.id));
      const markers = new Set(c.experts.filter((e) => e.role !== 'chief').map((e) => e.id));
      let excluded = 0;
      for (const panel of c.panels) {
        expect(panel.experts.every((id) => markers.has(id))).toBe(true);
        expect(new Set(panel.experts).size).toBe(panel.experts.length);
        for (const competitor of c.competitors) {
          const eligible = eligibleMembers(panel, c.experts, competitor, compatriotKey);
          expect(eligible.length).toBeGreaterThanOrEqual(3);
          excluded += panel.experts.length - eligible.length;
        }
      }
      expect(excluded).toBeGreaterThan(0);
    },
  );
});

describe('demo marks', () => {
  it.each(demo.competitions.map((c) => [c.competition.id, c] as const))(
    '%s marks fit the scheme and come from eligible panel members, in time order',
    (_id, c) => {
      const competitors = new Map(c.competitors.map((p) => [p.id, p]));
      const experts = new Map(c.experts.map((e) => [e.id, e]));
      for (const mark of c.marks) {
        expect(validateMarkAgainstScheme(c.competition.scheme, mark)).toBeNull();
        const competitor = competitors.get(mark.competitor)!;
        const expert = experts.get(mark.expert)!;
        const panel = c.panels.find((p) => p.subCriterionId === subCriterionOfAspect(mark.aspect))!;
        expect(panel.experts).toContain(expert.id);
        const parties = [expert, competitor].map((p) => ({
          id: p.id,
          delegations: delegationKeysOf(p),
        }));
        expect(conflictOf(parties[0]!, parties[1]!, compatriotKey)).toBeNull();
      }
      const times = c.marks.map((m) => Date.parse(m.at));
      expect(times).toEqual([...times].sort((x, y) => x - y));
    },
  );

  it('gives each measurement one entry and each judgement at most three distinct judges', () => {
    for (const c of demo.competitions) {
      const groups = byForm(c.marks);
      for (const entries of groups.values()) {
        const judges = new Set(entries.map((m) => m.expert));
        expect(judges.size).toBe(entries.length);
        expect(entries.length).toBe(
          entries[0]!.value.kind === 'judgement' ? Math.min(3, entries.length) : 1,
        );
      }
    }
  });

  it('has Web Technologies day 1 fully marked, A1 locked and signed off, one discrepancy open', () => {
    const day1 = subCriteriaOf(web).filter((sc) => sc.day === 1);
    for (const sc of day1) {
      for (const aspect of sc.aspects) {
        for (const competitor of web.competitors) {
          expect(entriesFor(web, aspect.code, competitor.id)).toHaveLength(
            aspect.type === 'J' ? 3 : 1,
          );
        }
      }
    }
    expect(
      web.marks.every((m) => day1.some((sc) => sc.id === subCriterionOfAspect(m.aspect))),
    ).toBe(true);

    const scoresOf = (entries: DemoMark[]) =>
      entries.flatMap((m) => (m.value.kind === 'judgement' ? [m.value.score] : []));
    const discrepancies = [...byForm(web.marks.filter((m) => m.value.kind === 'judgement'))]
      .filter(([, entries]) => isDiscrepant(scoresOf(entries), profile.discrepancyThreshold))
      .map(([form]) => form);
    expect(discrepancies).toEqual([`B1.J1 ${web.competitors[3]!.id}`]);

    const chief = web.experts.find((e) => e.role === 'chief')!;
    expect(web.locks).toEqual([{ subCriterionId: 'A1', by: chief.id, at: expect.any(String) }]);
    const lockedAt = Date.parse(web.locks[0]!.at);
    const a1Marks = web.marks.filter((m) => subCriterionOfAspect(m.aspect) === 'A1');
    expect(Math.max(...a1Marks.map((m) => Date.parse(m.at)))).toBeLessThan(lockedAt);
    const a1Panel = web.panels.find((p) => p.subCriterionId === 'A1')!;
    expect(web.signOffs.map((s) => s.expertId)).toEqual(a1Panel.experts);
    for (const signOff of web.signOffs) expect(Date.parse(signOff.at)).toBeGreaterThan(lockedAt);
  });

  it('has Welding partly marked with one judge still to score, and Cooking not started', () => {
    const marked = new Set(welding.marks.map((m) => `${m.aspect} ${m.competitor}`));
    const day1Forms = subCriteriaOf(welding)
      .filter((sc) => sc.day === 1)
      .flatMap((sc) =>
        sc.aspects.flatMap((a) => welding.competitors.map((p) => `${a.code} ${p.id}`)),
      );
    expect(marked.size).toBeGreaterThan(0);
    expect(marked.size).toBeLessThan(day1Forms.length);
    expect(
      aspectsOf(welding, 'A1').every((a) =>
        welding.competitors.every((p) => marked.has(`${a.code} ${p.id}`)),
      ),
    ).toBe(true);
    expect(entriesFor(welding, 'A2.J1', welding.competitors[4]!.id)).toHaveLength(2);
    expect(welding.locks).toEqual([]);
    expect(cooking.marks).toEqual([]);
  });

  it('records marks during the championship days, in Astana time', () => {
    for (const c of demo.competitions) {
      for (const event of [...c.marks, ...c.locks, ...c.signOffs]) {
        expect(event.at).toMatch(/^2026-03-1[12]T\d{2}:\d{2}:\d{2}\+05:00$/);
      }
    }
  });
});

describe('demo exam session', () => {
  const session = demo.examSession;

  it('is a final exam of 20 students in one group with valid specialty and qualification codes', () => {
    expect(session.students).toHaveLength(20);
    expect(new Set(session.students.map((s) => s.group))).toEqual(new Set(session.groups));
    const codes = { specialty: session.specialty.code, qualification: session.qualification.code };
    expect(specialtyQualificationSchema.safeParse(codes).success).toBe(true);
    expect(getGradeScale(session.gradeScaleId)?.id).toBe(session.gradeScaleId);
    expect(getProfile(session.profileId)?.id).toBe('kz-demo-exam@2022');
    const college = demo.colleges.find((c) => c.id === session.collegeId)!;
    expect(session.regionId).toBe(college.regionId);
  });

  it('has a small valid scheme whose criteria add up to the max points', () => {
    expect(markingSchemeSchema.safeParse(session.scheme).success).toBe(true);
    const aspects = session.scheme.criteria.flatMap((c) =>
      c.subCriteria.flatMap((sc) => sc.aspects),
    );
    expect(aspects.length).toBeLessThan(40);
    for (const criterion of session.scheme.criteria) {
      const sum = criterion.subCriteria
        .flatMap((sc) => sc.aspects)
        .reduce((s, a) => s + a.maxMark, 0);
      expect([criterion.id, sum]).toEqual([criterion.id, criterion.maxMark]);
    }
    expect(session.maxPoints).toBe(50);
  });

  it('marks only with members independent of the college, at least three of them', () => {
    const marking = session.commission.filter((m) => m.marks);
    expect(marking.length).toBeGreaterThanOrEqual(3);
    for (const member of marking) expect(member.collegeId).not.toBe(session.collegeId);
    expect(session.commission.filter((m) => m.role === 'chair')).toHaveLength(1);
    expect(session.commission.filter((m) => m.role === 'chief')).toHaveLength(1);
  });
});
