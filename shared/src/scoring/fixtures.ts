import type { Aspect, MarkingScheme } from '../scheme/schema';
import type { ScoringEvent } from './events';
import type { MarkValue } from './marks';

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
              {
                code: 'A1.M1',
                type: 'M',
                description: 'Header present',
                section: 'S1',
                maxMark: 1,
              },
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

const minute = (n: number) =>
  new Date(Date.UTC(2026, 4, 14, 4, 0) + n * 60_000).toISOString().replace('Z', '+00:00');
let clock = 0;
/** A strictly increasing timestamp for hand-written logs. */
export const tick = () => minute(clock++);

export function recorded(
  id: string,
  competitor: string,
  aspect: string,
  expert: string,
  value: MarkValue,
): ScoringEvent {
  return {
    type: 'mark.recorded',
    at: tick(),
    actor: expert,
    mark: { id: `mk_${id.padStart(8, '0')}`, competitor, aspect, expert, value },
  };
}

export const judged = (
  id: string,
  competitor: string,
  aspect: string,
  expert: string,
  score: number,
) => recorded(id, competitor, aspect, expert, { kind: 'judgement', score });

export const binary = (id: string, competitor: string, aspect: string, achieved = true) =>
  recorded(id, competitor, aspect, 'e1', { kind: 'binary', achieved });

export const markId = (id: string) => `mk_${id.padStart(8, '0')}`;

export function event<T extends ScoringEvent['type']>(
  type: T,
  fields: Omit<Extract<ScoringEvent, { type: T }>, 'type' | 'at' | 'actor'>,
  actor = 'chief',
): ScoringEvent {
  return { type, at: tick(), actor, ...fields } as ScoringEvent;
}

export interface SampleMarks {
  header?: boolean;
  /** Page width; 960 is the target, each 10 off costs 0.25 of 0.5. */
  width?: number;
  /** Uniform score of the three judges on A1.J1 (max 1.5). */
  layout?: number;
  /** Contrast option: 0 full, 1 partial, 2 none. */
  contrast?: number;
  form?: boolean;
  /** Uniform score of the three judges on B1.J1 (max 1). */
  forms?: number;
}

/** Marks for every aspect of the sample scheme; with no options, full marks (7). */
export function fullMarks(
  competitor: string,
  prefix: string,
  marks: SampleMarks = {},
): ScoringEvent[] {
  const { header = true, width = 960, layout = 3, contrast = 0, form = true, forms = 3 } = marks;
  return [
    binary(`${prefix}1`, competitor, 'A1.M1', header),
    recorded(`${prefix}2`, competitor, 'A1.M2', 'e1', { kind: 'deduction', measured: width }),
    ...['e1', 'e2', 'e3'].map((e, i) => judged(`${prefix}3${i}`, competitor, 'A1.J1', e, layout)),
    recorded(`${prefix}4`, competitor, 'A2.M1', 'e1', { kind: 'choice', option: contrast }),
    binary(`${prefix}5`, competitor, 'B1.M1', form),
    ...['e1', 'e2', 'e3'].map((e, i) => judged(`${prefix}6${i}`, competitor, 'B1.J1', e, forms)),
  ];
}
