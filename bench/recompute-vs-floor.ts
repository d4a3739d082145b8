/**
 * `npm run bench -- recompute-vs-floor`: the national recompute through Ashyq's engine and, back
 * to back in the same process, two floors over the very same events — a tight loop interning ids
 * through Maps and a loop over the events pre-decoded into typed arrays. Both floors keep one
 * value per competitor × aspect (a later mark replaces it), judges' scores averaged, totals updated
 * by difference and a rank sort at the end: the least any engine must do. Rounds alternate
 * engine / Map / typed so a drift of the machine's speed hits all three alike; quote the ratios.
 */
import { loadavg } from 'node:os';
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { CompetitionProjection, getProfile } from '@ashyq/shared';
import {
  nationalChampionship,
  syntheticChampionship,
  type SyntheticCompetition,
} from './synthetic';
import { percentile } from './stats';

const wsiCis2024 = getProfile('wsi-cis@2024')!;

const elapsedMs = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

function engine(championship: SyntheticCompetition[]): number {
  let ranked = 0;
  for (const c of championship) {
    const projection = CompetitionProjection.recompute(
      { scheme: c.scheme, profile: wsiCis2024, competitors: c.competitors },
      c.events,
    );
    if (projection) ranked++;
  }
  return ranked;
}

function aspectsOf(c: SyntheticCompetition) {
  return c.scheme.criteria.flatMap((k) => k.subCriteria).flatMap((s) => s.aspects);
}

/** Points a value gives out of the aspect's maximum (simplified but of the same cost). */
function points(value: { kind: string } & Record<string, unknown>, max: number): number {
  switch (value.kind) {
    case 'judgement':
      return ((value.score as number) / 3) * max;
    case 'binary':
      return value.achieved ? max : 0;
    case 'choice':
      return max / (1 + (value.option as number));
    default:
      return Math.max(0, max - Math.abs(value.measured as number));
  }
}

function mapFloor(championship: SyntheticCompetition[]): number {
  let checksum = 0;
  for (const c of championship) {
    const aspects = aspectsOf(c);
    const aspectIndex = new Map<string, number>();
    const max = new Float64Array(aspects.length);
    aspects.forEach((a, n) => {
      aspectIndex.set(a.code, n);
      max[n] = a.maxMark;
    });
    const competitorIndex = new Map<string, number>();
    c.competitors.forEach((entry, n) => competitorIndex.set(entry.id, n));
    const width = aspects.length;
    const value = new Float64Array(c.competitors.length * width);
    const judged = new Uint8Array(c.competitors.length * width);
    const total = new Float64Array(c.competitors.length);
    for (const event of c.events) {
      if (event.type !== 'mark.recorded' && event.type !== 'mark.superseded') continue;
      const { competitor, aspect, value: v } = event.mark;
      const a = aspectIndex.get(aspect)!;
      const cell = competitorIndex.get(competitor)! * width + a;
      const p = points(v as never, max[a]!);
      const n = v.kind === 'judgement' ? ++judged[cell]! : 1;
      const next = v.kind === 'judgement' ? value[cell]! + (p - value[cell]!) / n : p;
      total[(cell / width) | 0]! += next - value[cell]!;
      value[cell] = next;
    }
    const order = Array.from(total.keys()).sort((x, y) => total[y]! - total[x]!);
    checksum += order[0]!;
  }
  return checksum;
}

interface Decoded {
  cells: Int32Array;
  kinds: Uint8Array;
  values: Float64Array;
  width: number;
  competitors: number;
  max: Float64Array;
}

function decode(c: SyntheticCompetition): Decoded {
  const aspects = aspectsOf(c);
  const aspectIndex = new Map(aspects.map((a, n) => [a.code, n]));
  const competitorIndex = new Map(c.competitors.map((e, n) => [e.id, n]));
  const marks = c.events.filter((e) => e.type === 'mark.recorded' || e.type === 'mark.superseded');
  const cells = new Int32Array(marks.length);
  const kinds = new Uint8Array(marks.length);
  const values = new Float64Array(marks.length);
  const kindCode = { judgement: 0, binary: 1, choice: 2, deduction: 3 } as const;
  marks.forEach((event, n) => {
    const { competitor, aspect, value } = event.mark;
    cells[n] = competitorIndex.get(competitor)! * aspects.length + aspectIndex.get(aspect)!;
    kinds[n] = kindCode[value.kind];
    values[n] =
      value.kind === 'judgement'
        ? value.score
        : value.kind === 'binary'
          ? Number(value.achieved)
          : value.kind === 'choice'
            ? value.option
            : value.measured;
  });
  return {
    cells,
    kinds,
    values,
    width: aspects.length,
    competitors: c.competitors.length,
    max: Float64Array.from(aspects, (a) => a.maxMark),
  };
}

function typedFloor(decoded: Decoded[]): number {
  let checksum = 0;
  for (const d of decoded) {
    const value = new Float64Array(d.competitors * d.width);
    const judged = new Uint8Array(d.competitors * d.width);
    const total = new Float64Array(d.competitors);
    for (let n = 0; n < d.cells.length; n++) {
      const cell = d.cells[n]!;
      const max = d.max[cell % d.width]!;
      const raw = d.values[n]!;
      const kind = d.kinds[n]!;
      const p =
        kind === 0
          ? (raw / 3) * max
          : kind === 1
            ? raw * max
            : kind === 2
              ? max / (1 + raw)
              : Math.max(0, max - Math.abs(raw));
      const count = kind === 0 ? ++judged[cell]! : 1;
      const next = kind === 0 ? value[cell]! + (p - value[cell]!) / count : p;
      total[(cell / d.width) | 0]! += next - value[cell]!;
      value[cell] = next;
    }
    const order = Array.from(total.keys()).sort((x, y) => total[y]! - total[x]!);
    checksum += order[0]!;
  }
  return checksum;
}

export async function run(): Promise<void> {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 15);
  const championship = syntheticChampionship(nationalChampionship);
  const events = championship.reduce((sum, c) => sum + c.events.length, 0);
  const decoded = championship.map(decode);
  const { competencies, competitors, aspects } = nationalChampionship;
  console.log(
    `national recompute ${competencies} x ${competitors} x ${aspects}: ${events} events; ` +
      `${rounds} rounds of engine / Map floor / typed floor in turn; loadavg ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
  );
  for (let warm = 0; warm < 2; warm++) {
    engine(championship);
    mapFloor(championship);
    typedFloor(decoded);
  }
  // Garbage collections during the engine's runs: a count the machine's load does not move (the
  // young generation's size is fixed per process; run with --max-semi-space-size=16 to compare).
  const engineWindows: [number, number][] = [];
  const gcEntries: { startTime: number; duration: number; kind?: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const { detail } = entry as unknown as { detail?: { kind?: number } };
      gcEntries.push({ startTime: entry.startTime, duration: entry.duration, kind: detail?.kind });
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  const times = { engine: [] as number[], map: [] as number[], typed: [] as number[] };
  const ratios = { map: [] as number[], typed: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    const windowStart = performance.now();
    let start = process.hrtime.bigint();
    engine(championship);
    const e = elapsedMs(start);
    engineWindows.push([windowStart, performance.now()]);
    start = process.hrtime.bigint();
    mapFloor(championship);
    const m = elapsedMs(start);
    start = process.hrtime.bigint();
    typedFloor(decoded);
    const t = elapsedMs(start);
    times.engine.push(e);
    times.map.push(m);
    times.typed.push(t);
    ratios.map.push(e / m);
    ratios.typed.push(e / t);
  }
  // GC entries are delivered asynchronously: let the last ones arrive, then keep the engine's.
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  const collections = { scavenges: 0, other: 0, ms: 0 };
  for (const entry of gcEntries) {
    if (!engineWindows.some(([from, to]) => entry.startTime >= from && entry.startTime <= to))
      continue;
    if (entry.kind === constants.NODE_PERFORMANCE_GC_MINOR) collections.scavenges++;
    else collections.other++;
    collections.ms += entry.duration;
  }
  console.log(
    `    engine garbage collection per run: ${(collections.scavenges / rounds).toFixed(1)} scavenges, ` +
      `${(collections.other / rounds).toFixed(1)} other, ${(collections.ms / rounds).toFixed(0)} ms`,
  );
  for (const [label, samples] of Object.entries(times)) {
    console.log(
      `    ${label.padEnd(6)} median ${percentile(samples, 0.5).toFixed(1)} ms, p99 ${percentile(samples, 0.99).toFixed(1)} ms`,
    );
  }
  console.log(
    `    ratio engine / Map floor: median ${percentile(ratios.map, 0.5).toFixed(1)}x (target <= 5x); ` +
      `engine / typed floor: median ${percentile(ratios.typed, 0.5).toFixed(1)}x; ` +
      `engine p99 target < 300 ms; loadavg after ${loadavg()[0].toFixed(2)}`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
