import {
  type Aspect,
  type Competitor,
  delegationKeysOf,
  type DelegationKind,
  eligibleExperts,
  type Expert,
  type MarkEntry,
  type MarkingScheme,
  type MarkValue,
  type Rng,
} from '@ashyq/shared';

/**
 * Marks already recorded in the demo, drawn from a simple model: each competitor has an ability
 * in [0, 1] that sets the odds of achieving a measurement and the band its judges score in.
 * Judges of one competitor score within one point of each other, so no discrepancy appears by
 * chance; the demo adds the one it wants on purpose.
 */

/** The marking team of one sub-criterion: the experts who enter its marks. */
export interface DemoPanel {
  subCriterionId: string;
  experts: string[];
}

/** A mark with the time it was recorded (ISO, Astana time). */
export interface DemoMark extends MarkEntry {
  at: string;
}

/** Marks of one sub-criterion for the listed competitors, in that order. */
export interface MarkingRound {
  subCriterionId: string;
  competitors: readonly Competitor[];
}

const JUDGES_PER_ASPECT = 3;

/** Panels of `size` markers, rotating through the team so each expert sits on most panels. */
export function rotatingPanels(
  scheme: MarkingScheme,
  markers: readonly Expert[],
  size: number,
): DemoPanel[] {
  const subCriteria = scheme.criteria.flatMap((c) => c.subCriteria);
  return subCriteria.map((sc, index) => ({
    subCriterionId: sc.id,
    experts: Array.from({ length: size }, (_, k) => markers[(index + k) % markers.length]!.id),
  }));
}

/** Panel members who may mark this competitor, in panel order. */
export function eligibleMembers(
  panel: DemoPanel,
  experts: readonly Expert[],
  competitor: Competitor,
  compatriotKey: DelegationKind,
): Expert[] {
  const members = panel.experts.map((id) => experts.find((e) => e.id === id)!);
  const parties = members.map((expert) => ({
    id: expert.id,
    delegations: delegationKeysOf(expert),
    expert,
  }));
  return eligibleExperts(
    { id: competitor.id, delegations: delegationKeysOf(competitor) },
    parties,
    compatriotKey,
  ).map((party) => party.expert);
}

/** An ability in [0.5, 0.95] per competitor: the field has no hopeless and no perfect entrant. */
export function drawAbilities(rng: Rng, competitors: readonly Competitor[]): Map<string, number> {
  return new Map(competitors.map((c) => [c.id, 0.5 + 0.45 * rng()]));
}

/** Astana time (UTC+5, no daylight saving) as an ISO string with its offset. */
export function astanaTime(epochMs: number): string {
  return new Date(epochMs + 5 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, '+05:00');
}

/**
 * A plausible reading for a deduction aspect: on target with probability `ability`, otherwise
 * one or two units off. Non-negative quantities (target 0: counts, deformation, minutes late)
 * only go up, a score out of 100 only goes down; readings are in tenths where the unit is a
 * millimetre or less and whole numbers for counts, degrees Celsius, grams and minutes.
 */
function reading(spec: { target: number; unit: number }, ability: number, rng: Rng): number {
  const units = rng() < ability ? 0 : rng() < 0.7 ? 1 : 2;
  const offset = (units + rng() * 0.9) * spec.unit;
  const sign = spec.target === 0 ? 1 : spec.target === 100 ? -1 : rng() < 0.5 ? -1 : 1;
  const tenths = spec.unit < 1 || (spec.unit === 1 && spec.target !== 0);
  const value = spec.target + sign * offset;
  return tenths ? Math.round(value * 10) / 10 : Math.round(value);
}

function measurementValue(aspect: Aspect, ability: number, rng: Rng): MarkValue {
  const spec = aspect.measurement;
  if (spec?.kind === 'deduction')
    return { kind: 'deduction', measured: reading(spec, ability, rng) };
  if (spec?.kind === 'choice') {
    const option = rng() < ability ? 0 : rng() < 0.75 ? 1 : spec.options.length - 1;
    return { kind: 'choice', option };
  }
  return { kind: 'binary', achieved: rng() < ability + 0.05 };
}

/** Scores of one competitor's judges: all within one point, around the competitor's ability. */
function judgeScores(ability: number, rng: Rng, judges: number): number[] {
  const low = Math.min(2, Math.max(0, Math.floor(ability * 3 - 0.6 + rng())));
  return Array.from({ length: judges }, () => low + (rng() < 0.5 ? 0 : 1));
}

export interface RecordingInput {
  /** Short prefix that keeps mark ids unique across competitions. */
  idPrefix: string;
  scheme: MarkingScheme;
  experts: readonly Expert[];
  panels: readonly DemoPanel[];
  rounds: readonly MarkingRound[];
  abilities: ReadonlyMap<string, number>;
  compatriotKey: DelegationKind;
  /** When the first mark is entered (epoch ms). */
  startsAt: number;
  rng: Rng;
}

/**
 * Marks round by round, competitor by competitor, as a marking team works through its forms:
 * a measurement is entered by one eligible panel member (taking turns), a judgement aspect is
 * scored by three eligible members. Entries are a few seconds to a minute apart.
 */
export function recordMarks(input: RecordingInput): DemoMark[] {
  const { scheme, rng } = input;
  const subCriteria = new Map(
    scheme.criteria.flatMap((c) => c.subCriteria).map((sc) => [sc.id, sc]),
  );
  const marks: DemoMark[] = [];
  let clock = input.startsAt;
  for (const round of input.rounds) {
    const subCriterion = subCriteria.get(round.subCriterionId)!;
    const panel = input.panels.find((p) => p.subCriterionId === round.subCriterionId)!;
    round.competitors.forEach((competitor, turn) => {
      const eligible = eligibleMembers(panel, input.experts, competitor, input.compatriotKey);
      const inTurn = (k: number) => eligible[(turn + k) % eligible.length]!;
      const ability = input.abilities.get(competitor.id)!;
      for (const aspect of subCriterion.aspects) {
        const entries: [Expert, MarkValue][] =
          aspect.type === 'J'
            ? judgeScores(ability, rng, JUDGES_PER_ASPECT).map((score, k) => [
                inTurn(k),
                { kind: 'judgement', score },
              ])
            : [[inTurn(0), measurementValue(aspect, ability, rng)]];
        for (const [expert, value] of entries) {
          clock += 5_000 + Math.floor(rng() * 55_000);
          marks.push({
            id: `${input.idPrefix}-${aspect.code.replace('.', '')}-${competitor.id}-${expert.id}`,
            competitor: competitor.id,
            aspect: aspect.code,
            expert: expert.id,
            value,
            at: astanaTime(clock),
          });
        }
      }
    });
    clock += 10 * 60_000;
  }
  return marks;
}

/** The judges' scores of one competitor on one aspect replaced, in the order they were entered. */
export function withJudgeScores(
  marks: readonly DemoMark[],
  aspect: string,
  competitor: string,
  scores: readonly number[],
): DemoMark[] {
  let next = 0;
  return marks.map((mark) =>
    mark.aspect === aspect && mark.competitor === competitor && mark.value.kind === 'judgement'
      ? { ...mark, value: { kind: 'judgement', score: scores[next++]! } }
      : mark,
  );
}

/**
 * Two judges with a tendency, for the judge analytics to show on first start: on every
 * judgement cell the lenient judge takes the higher score and the severe judge the lower, always
 * within one point of the others, so no discrepancy is made.
 */
export function withJudgeTendencies(
  marks: readonly DemoMark[],
  lenient: string,
  severe: string,
): DemoMark[] {
  const cells = new Map<string, DemoMark[]>();
  for (const mark of marks) {
    if (mark.value.kind !== 'judgement') continue;
    const key = `${mark.competitor}|${mark.aspect}`;
    cells.set(key, [...(cells.get(key) ?? []), mark]);
  }
  const replaced = new Map<string, number>();
  for (const cell of cells.values()) {
    const scores = cell.map((mark) => (mark.value.kind === 'judgement' ? mark.value.score : 0));
    let low = Math.min(...scores);
    let high = Math.max(...scores);
    const judges = new Set(cell.map((mark) => mark.expert));
    if (low === high) {
      // Everyone agrees: the lenient judge goes a point up, or the severe one a point down.
      if (judges.has(lenient) && high < 3) high += 1;
      else if (judges.has(severe) && low > 0) low -= 1;
    }
    for (const mark of cell) {
      if (mark.expert === lenient) replaced.set(mark.id, high);
      if (mark.expert === severe) replaced.set(mark.id, low);
    }
  }
  return marks.map((mark) =>
    replaced.has(mark.id)
      ? { ...mark, value: { kind: 'judgement', score: replaced.get(mark.id)! } }
      : mark,
  );
}

/** The last entry for one competitor's aspect removed: a judge who has not scored yet. */
export function withoutLastEntry(
  marks: readonly DemoMark[],
  aspect: string,
  competitor: string,
): DemoMark[] {
  const last = marks.findLastIndex((m) => m.aspect === aspect && m.competitor === competitor);
  return marks.filter((_, index) => index !== last);
}
