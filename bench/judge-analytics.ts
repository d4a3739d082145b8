import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { JudgeAnalytics, seededRng, type JudgedCell } from '@ashyq/shared';
import { milliseconds, percentile } from './stats';

/**
 * Judge analytics for a national championship: 45 competitions × 30 competitors, 22 judgement
 * aspects each (10 % of 220), 5 judges a cell: every judge's figures from scratch, then one new
 * score (a re-score replacing a cell) on the running figures. The floor, timed in the same run and
 * interleaved with it, is a bare loop reading every score of the same cells: the machine is
 * shared, so the ratio to it says more than the milliseconds.
 */
const competitions = 45;
const competitors = 30;
const judgementAspects = 22;
const judges = 5;
const rounds = 15;

function championship(): JudgedCell[] {
  const rng = seededRng(17);
  const cells: JudgedCell[] = [];
  for (let c = 0; c < competitions; c++) {
    for (let p = 0; p < competitors; p++) {
      for (let a = 0; a < judgementAspects; a++) {
        const low = Math.floor(rng() * 3);
        cells.push({
          competitor: `k${c}-p${p}`,
          aspect: `k${c}-J${a}`,
          scores: Array.from({ length: judges }, (_, j) => ({
            judge: `k${c}-e${j}`,
            score: low + (rng() < 0.5 ? 0 : 1),
            at: `2026-05-1${(a % 3) + 1}T0${(p % 6) + 3}:00:00.000Z`,
          })),
        });
      }
    }
  }
  return cells;
}

/** Reads every score of every cell once, keeping a sum so that the loop is not optimised away. */
function floor(cells: readonly JudgedCell[]): number {
  let total = 0;
  for (const cell of cells) {
    for (const score of cell.scores) total += score.score + score.judge.length + score.at.length;
  }
  return total;
}

export function run(): void {
  const cells = championship();
  const fromScratch: number[] = [];
  const floors: number[] = [];
  let sink = 0;
  let analytics = new JudgeAnalytics();
  for (let round = 0; round < rounds; round++) {
    const floorStart = performance.now();
    sink += floor(cells);
    floors.push(performance.now() - floorStart);
    const start = performance.now();
    analytics = new JudgeAnalytics((competitor) => `r${competitor.length % 7}`);
    for (const cell of cells) analytics.setCell(cell);
    analytics.all();
    fromScratch.push(performance.now() - start);
  }
  const updates: number[] = [];
  for (let i = 0; i < 2_000; i++) {
    const cell = cells[(i * 7919) % cells.length]!;
    const rescored = {
      ...cell,
      scores: cell.scores.map((s, j) =>
        j === i % judges ? { ...s, score: (s.score + 1) % 4 } : s,
      ),
    };
    const start = performance.now();
    analytics.setCell(rescored);
    analytics.judge(rescored.scores[i % judges]!.judge);
    updates.push(performance.now() - start);
  }
  console.log(
    `${competitions} competitions × ${competitors} competitors × ${judgementAspects} judgement aspects × ${judges} judges = ${cells.length} cells; load average ${loadavg()[0]!.toFixed(2)}`,
  );
  console.log(
    `from scratch: median ${milliseconds(percentile(fromScratch, 0.5))}, p99 ${milliseconds(percentile(fromScratch, 0.99))} (${rounds} rounds; target < 200 ms)`,
  );
  console.log(
    `floor (every score read once): median ${milliseconds(percentile(floors, 0.5))}; from scratch / floor ${(percentile(fromScratch, 0.5) / percentile(floors, 0.5)).toFixed(1)}× (checksum ${sink % 997})`,
  );
  console.log(
    `one new score and its judge's figures: median ${(percentile(updates, 0.5) * 1000).toFixed(1)} µs, p99 ${(percentile(updates, 0.99) * 1000).toFixed(1)} µs (target < 1 ms)`,
  );
}
