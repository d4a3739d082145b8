import {
  type Aspect,
  type CompetitorEntry,
  type MarkingScheme,
  type MarkValue,
  type ScoringEvent,
  seededRng,
} from '@ashyq/shared';

/**
 * A synthetic championship for benchmarks and load tests: made-up competencies, competitors and
 * marks (no real names), deterministic for a given seed.
 */
export interface SyntheticOptions {
  competencies: number;
  competitors: number;
  aspects: number;
  /** Share of judgement aspects (0.1 = every tenth aspect). */
  judgementShare: number;
  judges: number;
  /** Resolve discrepancies and lock every sub-criterion after marking. */
  lock: boolean;
  seed: number;
}

export const nationalChampionship: SyntheticOptions = {
  competencies: 45,
  competitors: 30,
  aspects: 220,
  judgementShare: 0.1,
  judges: 3,
  lock: true,
  seed: 2025,
};

export interface SyntheticCompetition {
  id: string;
  scheme: MarkingScheme;
  competitors: CompetitorEntry[];
  events: ScoringEvent[];
}

const ASPECTS_PER_SUB_CRITERION = 11;
const SUB_CRITERIA_PER_CRITERION = 4;
const SECTIONS = 6;
const descriptors: [string, string, string, string] = [
  'not shown',
  'partly',
  'well',
  'excellently',
];

/**
 * A scheme of the requested size: criteria A, B, ... of four sub-criteria of eleven aspects;
 * nine aspects of each sub-criterion carry 0.5 and two carry 0.25, so 220 aspects total 100.
 */
export function syntheticScheme(
  aspectCount: number,
  judgementShare: number,
  random: () => number,
): MarkingScheme {
  const judgementEvery = judgementShare > 0 ? Math.round(1 / judgementShare) : Infinity;
  const aspects: Aspect[] = [];
  for (let n = 0; n < aspectCount; n++) {
    const maxMark = n % ASPECTS_PER_SUB_CRITERION < 9 ? 0.5 : 0.25;
    const section = String((n % SECTIONS) + 1);
    const judged = (n + 1) % judgementEvery === 0;
    const base = { description: `Synthetic aspect ${n + 1}`, section, maxMark };
    if (judged) {
      aspects.push({ ...base, code: '', type: 'J', descriptors });
      continue;
    }
    const kind = random();
    const measurement: Aspect['measurement'] =
      kind < 0.7
        ? undefined
        : kind < 0.85
          ? { kind: 'deduction', target: 100, unit: 0.5, deduction: 0.1 }
          : {
              kind: 'choice',
              options: [
                { label: 'Full Marks', deduction: 0 },
                { label: 'Partial', deduction: maxMark / 2 },
                { label: 'No Marks', deduction: maxMark },
              ],
            };
    aspects.push({ ...base, code: '', type: 'M', measurement });
  }

  const criteria: MarkingScheme['criteria'] = [];
  const perCriterion = ASPECTS_PER_SUB_CRITERION * SUB_CRITERIA_PER_CRITERION;
  for (let c = 0; c * perCriterion < aspectCount; c++) {
    const id = String.fromCharCode(65 + c);
    const subCriteria: MarkingScheme['criteria'][number]['subCriteria'] = [];
    for (let s = 0; s < SUB_CRITERIA_PER_CRITERION; s++) {
      const first = c * perCriterion + s * ASPECTS_PER_SUB_CRITERION;
      if (first >= aspectCount) break;
      const subId = `${id}${s + 1}`;
      const counters = { M: 0, J: 0 };
      const subAspects = aspects.slice(first, first + ASPECTS_PER_SUB_CRITERION).map((aspect) => ({
        ...aspect,
        code: `${subId}.${aspect.type}${++counters[aspect.type]}`,
      }));
      subCriteria.push({ id: subId, name: `Module ${subId}`, day: s + 1, aspects: subAspects });
    }
    const maxMark = subCriteria.flatMap((s) => s.aspects).reduce((sum, a) => sum + a.maxMark, 0);
    criteria.push({ id, name: `Criterion ${id}`, maxMark, subCriteria });
  }
  const sections = Array.from({ length: SECTIONS }, (_, i) => ({
    id: String(i + 1),
    name: `Section ${i + 1}`,
    weight: 100 / SECTIONS,
  }));
  return { skill: { number: '0', name: 'Synthetic competency' }, sections, criteria };
}

function markValue(aspect: Aspect, random: () => number, base: number): MarkValue {
  if (aspect.type === 'J') {
    const score = base + Math.floor(random() * 3) - 1;
    return { kind: 'judgement', score: Math.max(0, Math.min(3, score)) };
  }
  switch (aspect.measurement?.kind) {
    case 'deduction':
      return { kind: 'deduction', measured: 100 + Math.round((random() - 0.5) * 8) / 2 };
    case 'choice':
      return { kind: 'choice', option: Math.floor(random() * 3) };
    default:
      return { kind: 'binary', achieved: random() < 0.75 };
  }
}

/**
 * One competition's log in marking order: aspect by aspect, every competitor, every judge; then,
 * when asked, a resolution for each discrepancy and a lock for each sub-criterion.
 */
export function syntheticCompetition(
  id: string,
  options: SyntheticOptions,
  random: () => number,
): SyntheticCompetition {
  const scheme = syntheticScheme(options.aspects, options.judgementShare, random);
  const competitors: CompetitorEntry[] = Array.from({ length: options.competitors }, (_, i) => ({
    id: `${id}-c${String(i + 1).padStart(2, '0')}`,
    guest: false,
    delegations: { region: `region-${String((i % 20) + 1).padStart(2, '0')}` },
  }));
  const events: ScoringEvent[] = [];
  const start = Date.UTC(2025, 4, 12, 4, 0);
  const at = () => new Date(start + events.length * 1000).toISOString();
  let markCount = 0;
  const markId = () => `mk${String(++markCount).padStart(8, '0')}`;
  const discrepancies: { competitor: string; aspect: string }[] = [];

  for (const criterion of scheme.criteria) {
    for (const sub of criterion.subCriteria) {
      for (const aspect of sub.aspects) {
        for (const competitor of competitors) {
          const judges = aspect.type === 'J' ? options.judges : 1;
          const base = 1 + Math.floor(random() * 3);
          const scores: number[] = [];
          for (let j = 1; j <= judges; j++) {
            const expert = `${id}-e${j}`;
            const value = markValue(aspect, random, base);
            if (value.kind === 'judgement') scores.push(value.score);
            events.push({
              type: 'mark.recorded',
              at: at(),
              actor: expert,
              mark: { id: markId(), competitor: competitor.id, aspect: aspect.code, expert, value },
            });
          }
          if (scores.length > 0 && Math.max(...scores) - Math.min(...scores) > 1) {
            discrepancies.push({ competitor: competitor.id, aspect: aspect.code });
          }
        }
      }
    }
  }
  if (options.lock) {
    for (const d of discrepancies) {
      events.push({
        type: 'discrepancy.resolved',
        at: at(),
        actor: `${id}-chief`,
        ...d,
        reason: 'Panel confirmed the scores',
      });
    }
    for (const criterion of scheme.criteria) {
      for (const sub of criterion.subCriteria) {
        events.push({
          type: 'subCriterion.locked',
          at: at(),
          actor: `${id}-chief`,
          subCriterion: sub.id,
        });
      }
    }
  }
  return { id, scheme, competitors, events };
}

export function syntheticChampionship(
  options: SyntheticOptions = nationalChampionship,
): SyntheticCompetition[] {
  const random = seededRng(options.seed);
  return Array.from({ length: options.competencies }, (_, i) =>
    syntheticCompetition(`k${String(i + 1).padStart(2, '0')}`, options, random),
  );
}
