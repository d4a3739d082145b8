import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyseScheme, criterionMismatches, markDifference, sumMarks } from './analysis';
import type { Aspect, MarkingScheme } from './schema';

const descriptors: [string, string, string, string] = ['none', 'some', 'most', 'all'];

function measurement(code: string, section: string, maxMark: number): Aspect {
  return { code, type: 'M', description: `check ${code}`, section, maxMark };
}

function judgement(code: string, section: string, maxMark: number): Aspect {
  return { code, type: 'J', description: `judge ${code}`, section, maxMark, descriptors };
}

const scheme: MarkingScheme = {
  skill: { number: '17', name: 'Web Technologies' },
  sections: [
    { id: '1', name: 'Work organisation', weight: 1.5 },
    { id: '2', name: 'Design', weight: 2 },
  ],
  criteria: [
    {
      id: 'A',
      name: 'Front end',
      maxMark: 3,
      subCriteria: [
        {
          id: 'A1',
          name: 'Layout',
          day: 1,
          aspects: [measurement('A1.M1', '1', 0.1), measurement('A1.M2', '2', 0.2)],
        },
        {
          id: 'A2',
          name: 'Design',
          day: 2,
          aspects: [judgement('A2.J1', '2', 1.5), measurement('A2.M1', '1', 1.2)],
        },
      ],
    },
    {
      id: 'B',
      name: 'Back end',
      maxMark: 0.5,
      subCriteria: [{ id: 'B1', name: 'API', day: 2, aspects: [measurement('B1.M1', '1', 0.25)] }],
    },
    { id: 'C', name: 'Spare', maxMark: 0, subCriteria: [] },
  ],
};

describe('analyseScheme', () => {
  const report = analyseScheme(scheme);

  it('counts criteria, sub-criteria, aspects by type and days', () => {
    expect(report.counts).toEqual({
      criteria: 3,
      subCriteria: 3,
      aspects: 5,
      measurement: 4,
      judgement: 1,
      days: 2,
    });
    expect(report.days).toEqual({ '1': 1, '2': 2 });
  });

  it('adds marks without floating-point noise (0.1 + 0.2 is 0.3)', () => {
    expect(report.subCriteria.find((s) => s.id === 'A1')).toMatchObject({
      total: 0.3,
      aspects: 2,
      measurement: 2,
      judgement: 0,
    });
    expect(report.criteria.map((c) => [c.id, c.maxMark, c.aspectTotal])).toEqual([
      ['A', 3, 3],
      ['B', 0.5, 0.25],
      ['C', 0, 0],
    ]);
    expect(report.total).toBe(3.25);
    expect(report.criteriaTotal).toBe(3.5);
  });

  it('recomputes each section from its aspects and reports the variation', () => {
    expect(report.sections).toEqual([
      { id: '1', name: 'Work organisation', weight: 1.5, aspectMarks: 1.55, variation: 0.05 },
      { id: '2', name: 'Design', weight: 2, aspectMarks: 1.7, variation: 0.3 },
    ]);
    expect(report.totalVariation).toBe(0.35);
    expect(report.sectionWeightTotal).toBe(3.5);
  });

  it('lists the criteria whose block mark differs from their aspects', () => {
    expect(criterionMismatches(report).map((c) => c.id)).toEqual(['B']);
  });

  it('keeps its sums consistent for any scheme (property)', () => {
    const mark = fc.integer({ min: 1, max: 400 }).map((n) => n / 20);
    const aspects = fc.array(fc.tuple(fc.boolean(), fc.constantFrom('1', '2', '3'), mark), {
      maxLength: 6,
    });
    const subCriteria = fc.array(fc.tuple(fc.integer({ min: -1, max: 3 }), aspects), {
      maxLength: 4,
    });
    const arbitraryScheme = fc
      .array(subCriteria, { minLength: 1, maxLength: 5 })
      .map((criteria): MarkingScheme => ({
        skill: { number: '1', name: 'Generated' },
        sections: ['1', '2', '3'].map((id) => ({ id, name: id, weight: 10 })),
        criteria: criteria.map((subs, c) => {
          const id = String.fromCharCode(65 + c);
          return {
            id,
            name: id,
            maxMark: 10,
            subCriteria: subs.map(([day, list], s) => ({
              id: `${id}${s + 1}`,
              name: '',
              day,
              aspects: list.map(([isJudgement, section, maxMark], a) =>
                (isJudgement ? judgement : measurement)(
                  `${id}${s + 1}.${isJudgement ? 'J' : 'M'}${a + 1}`,
                  section,
                  maxMark,
                ),
              ),
            })),
          };
        }),
      }));
    fc.assert(
      fc.property(arbitraryScheme, (s) => {
        const r = analyseScheme(s);
        expect(sumMarks(r.criteria.map((c) => c.aspectTotal))).toBe(r.total);
        expect(sumMarks(r.sections.map((x) => x.aspectMarks))).toBe(r.total);
        expect(sumMarks(r.subCriteria.map((x) => x.total))).toBe(r.total);
        expect(r.counts.measurement + r.counts.judgement).toBe(r.counts.aspects);
        expect(Object.values(r.days).reduce((a, b) => a + b, 0)).toBe(r.counts.subCriteria);
        for (const section of r.sections)
          expect(section.variation).toBe(markDifference(section.weight, section.aspectMarks));
      }),
    );
  });
});
