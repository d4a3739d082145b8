/**
 * Scoring engine benchmark (`node --import tsx bench/scoring.ts`, or `npm run bench -- scoring`):
 * (a) full recompute of a synthetic national championship from its event logs;
 * (b) one mark applied to a live competition, including the re-rank it causes.
 */
import { CompetitionProjection, getProfile, type ScoringEvent, seededRng } from '@ashyq/shared';
import {
  nationalChampionship,
  syntheticChampionship,
  type SyntheticCompetition,
} from './synthetic';
import { percentile } from './stats';

const wsiCis2024 = getProfile('wsi-cis@2024')!;

function summary(samples: number[]): { median: number; p99: number } {
  return { median: percentile(samples, 0.5), p99: percentile(samples, 0.99) };
}

const elapsedMs = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

function recomputeAll(championship: SyntheticCompetition[]): CompetitionProjection[] {
  return championship.map((c) =>
    CompetitionProjection.recompute(
      { scheme: c.scheme, profile: wsiCis2024, competitors: c.competitors },
      c.events,
    ),
  );
}

function benchFullRecompute(): void {
  const championship = syntheticChampionship(nationalChampionship);
  const events = championship.reduce((sum, c) => sum + c.events.length, 0);
  const marks = championship.reduce(
    (sum, c) => sum + c.events.filter((e) => e.type === 'mark.recorded').length,
    0,
  );
  const { competencies, competitors, aspects, judgementShare, judges } = nationalChampionship;
  console.log(
    `(a) full recompute: ${competencies} competencies x ${competitors} competitors x ${aspects} aspects ` +
      `(${judgementShare * 100} % judgement, ${judges} judges): ${events} events, ${marks} marks`,
  );
  for (let warm = 0; warm < 2; warm++) recomputeAll(championship);
  const runs: number[] = [];
  for (let run = 0; run < 15; run++) {
    const start = process.hrtime.bigint();
    recomputeAll(championship);
    runs.push(elapsedMs(start));
  }
  const { median, p99 } = summary(runs);
  console.log(
    `    ${runs.length} runs: median ${median.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms (target < 300 ms)`,
  );
  console.log(`    ${((events / median) * 1000).toFixed(0)} events/s replayed`);
}

/** New marks for a fully marked competition: re-marks of measurement aspects and judges' re-scores. */
function corrections(competition: SyntheticCompetition, count: number): ScoringEvent[] {
  const random = seededRng(7);
  const marks = competition.events.filter((e) => e.type === 'mark.recorded');
  return Array.from({ length: count }, (_, n) => {
    const original = marks[Math.floor(random() * marks.length)]!.mark;
    const value =
      original.value.kind === 'judgement'
        ? { kind: 'judgement' as const, score: Math.floor(random() * 4) }
        : original.value.kind === 'binary'
          ? { kind: 'binary' as const, achieved: random() < 0.5 }
          : original.value;
    return {
      type: 'mark.recorded',
      at: new Date(Date.UTC(2025, 4, 14, 4, 0) + n * 1000).toISOString(),
      actor: original.expert,
      mark: { ...original, id: `mkb${String(n).padStart(8, '0')}`, value },
    };
  });
}

function benchApplyOneMark(): void {
  const [competition] = syntheticChampionship({
    ...nationalChampionship,
    competencies: 1,
    lock: false,
  });
  const setup = {
    scheme: competition!.scheme,
    profile: wsiCis2024,
    competitors: competition!.competitors,
  };
  const live = CompetitionProjection.recompute(setup, competition!.events);
  const events = corrections(competition!, 60_000);
  const warmup = 10_000;
  const applyOnly: number[] = [];
  const checkThenApply: number[] = [];
  events.forEach((event, n) => {
    const withCheck = n % 2 === 1;
    const start = process.hrtime.bigint();
    if (withCheck && live.check(event)) throw new Error('benchmark mark refused');
    const outcome = live.apply(event);
    const took = Number(process.hrtime.bigint() - start) / 1e3;
    if (!outcome.ok) throw new Error(`benchmark mark refused: ${outcome.reason}`);
    if (n >= warmup) (withCheck ? checkThenApply : applyOnly).push(took);
  });
  console.log(
    `(b) one mark + re-rank: ${setup.competitors.length} competitors x ${setup.scheme.criteria.flatMap((c) => c.subCriteria).flatMap((s) => s.aspects).length} aspects, ` +
      `${applyOnly.length + checkThenApply.length} marks after ${warmup} warm-up`,
  );
  for (const [label, samples] of [
    ['apply', applyOnly],
    ['check + apply (server path)', checkThenApply],
  ] as const) {
    const { median, p99 } = summary(samples);
    console.log(
      `    ${label}: median ${median.toFixed(1)} µs, p99 ${p99.toFixed(1)} µs (target: median < 50 µs, p99 < 500 µs)`,
    );
  }
}

export function run(): void {
  benchFullRecompute();
  benchApplyOneMark();
}

if (import.meta.url === `file://${process.argv[1]}`) run();
