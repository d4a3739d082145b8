import type { Aspect, MarkingScheme } from '../scheme/schema';

/** Test data shared by the scoring tests (synthetic names only; not exported from the package). */
const descriptors: [string, string, string, string] = ['none', 'some', 'good', 'excellent'];

const judgement = (code: string, maxMark: number, section: string): Aspect => ({
  code,
  type: 'J',
  description: `judged ${code}`,
  section,
  maxMark,
  descriptors,
});

/**
 * A two-criterion scheme with every aspect kind; maxima: A1 3, A2 1, A 4, B1 3, B 3, total 7.
 * Sections: S1 = A1.M1 + A1.J1 + B1.M1 (4.5), S2 = the rest (2.5).
 */
export function sampleScheme(): MarkingScheme {
  return {
    skill: { number: '17', name: 'Web Technologies' },
    sections: [
      { id: 'S1', name: 'Work organisation', weight: 60 },
      { id: 'S2', name: 'Design', weight: 40 },
    ],
    criteria: [
      {
        id: 'A',
        name: 'Layout',
        maxMark: 4,
        subCriteria: [
          {
            id: 'A1',
            name: 'Page structure',
            day: 1,
            aspects: [
              { code: 'A1.M1', type: 'M', description: 'Header present', section: 'S1', maxMark: 1 },
              {
                code: 'A1.M2',
                type: 'M',
                description: 'Width within tolerance',
                section: 'S2',
                maxMark: 0.5,
                measurement: { kind: 'deduction', target: 960, unit: 10, deduction: 0.25 },
              },
              judgement('A1.J1', 1.5, 'S1'),
            ],
          },
          {
            id: 'A2',
            name: 'Accessibility',
            day: 1,
            aspects: [
              {
                code: 'A2.M1',
                type: 'M',
                description: 'Contrast',
                section: 'S2',
                maxMark: 1,
                measurement: {
                  kind: 'choice',
                  options: [
                    { label: 'Full Marks', deduction: 0 },
                    { label: 'Partial', deduction: 0.5 },
                    { label: 'No Marks', deduction: 1 },
                  ],
                },
              },
            ],
          },
        ],
      },
      {
        id: 'B',
        name: 'Function',
        maxMark: 3,
        subCriteria: [
          {
            id: 'B1',
            name: 'Forms',
            day: 2,
            aspects: [
              { code: 'B1.M1', type: 'M', description: 'Form submits', section: 'S1', maxMark: 2 },
              judgement('B1.J1', 1, 'S2'),
            ],
          },
        ],
      },
    ],
  };
}
