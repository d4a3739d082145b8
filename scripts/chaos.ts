/**
 * `npm run chaos -- [--cycles 20] [--seconds 3] [--writers 40]`: the server is killed with
 * SIGKILL over and over while tablets mark, and nothing acknowledged may be lost or doubled.
 *
 * Each cycle starts the real server on the same DATA_DIR, signs the experts in, resends every
 * mark not yet acknowledged (as a tablet's queue does), lets the writers post new marks (one per
 * request, each under its own id) and kills the server at a random moment. After the last cycle
 * every outstanding mark is resent until acknowledged; then the SQLite file must hold every
 * acknowledged mark exactly once, and every competition's hash chain must verify.
 * Exits 0 when that holds, 1 otherwise, printing the figures for docs/benchmarks.md.
 */
import { parseArgs } from 'node:util';
import {
  aspectCount,
  competitorCount,
  competitorId,
  seedMarking,
  storedMarks,
  verifyStoredChains,
} from '../bench/marking-setup';
import { pinCookie } from '../test/integration/competition-harness';
import { freePort, removeDataDir, startServer, tempDataDir } from '../test/support/server';

const { values } = parseArgs({
  options: {
    cycles: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '3' },
    writers: { type: 'string', default: '40' },
  },
});
const [cycles, seconds, writerCount] = [values.cycles, values.seconds, values.writers].map(Number);
if (![cycles, seconds, writerCount].every((n) => Number.isFinite(n) && n! > 0)) {
  console.error('usage: npm run chaos -- [--cycles N] [--seconds S] [--writers W]');
  process.exit(2);
}

interface Mark {
  id: string;
  competitor: string;
  aspect: string;
  value: { kind: 'binary'; achieved: boolean };
}
interface Outstanding {
  competitionId: string;
  expertId: string;
  mark: Mark;
}

const dataDir = tempDataDir('ashyq-chaos-');
const pins = await seedMarking(dataDir);
const experts = Object.entries(pins).flatMap(([competitionId, byExpert]) =>
  Object.entries(byExpert).map(([expertId, pin]) => ({ competitionId, expertId, pin })),
);
const port = await freePort();
/** Marks sent and not yet acknowledged: resent after every restart. */
const outstanding = new Map<string, Outstanding>();
/** Acknowledged marks (accepted, or a resend found already stored) by id. */
const acknowledged = new Map<string, string>();
let sent = 0;
let resentAcknowledged = 0;
let refused = 0;
let next = 0;

async function post(url: string, cookie: string, marks: Mark[]) {
  const res = await fetch(`${url}/api/expert/marks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, origin: url },
    body: JSON.stringify({ marks }),
  });
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
  return (await res.json()) as { results: { id: string; status: string }[] };
}

function settle(results: { id: string; status: string }[], resend: boolean): void {
  for (const { id, status } of results) {
    const item = outstanding.get(id);
    if (!item) continue;
    if (status === 'accepted' || status === 'duplicate') {
      acknowledged.set(id, item.competitionId);
      if (resend) resentAcknowledged++;
    } else refused++;
    outstanding.delete(id);
  }
}

async function cycle(kill: boolean): Promise<void> {
  const server = await startServer({ dataDir, port });
  const cookies = new Map<string, string>();
  for (const { competitionId, expertId, pin } of experts)
    cookies.set(expertId, await pinCookie(server.url, competitionId, pin));
  // The tablets' queues: everything unacknowledged goes again, under the same id.
  for (const item of [...outstanding.values()]) {
    settle((await post(server.url, cookies.get(item.expertId)!, [item.mark])).results, true);
  }
  if (!kill) {
    await server.stop();
    return;
  }
  let running = true;
  const writers = Array.from({ length: writerCount! }, async (_, w) => {
    const { competitionId, expertId } = experts[w % experts.length]!;
    const competition = Number(competitionId.split('-')[1]);
    while (running) {
      const n = next++;
      const mark: Mark = {
        id: `chaos-${String(n).padStart(8, '0')}`,
        competitor: competitorId(competition, n % competitorCount),
        aspect: `A1.M${(n % aspectCount) + 1}`,
        value: { kind: 'binary', achieved: n % 2 === 0 },
      };
      outstanding.set(mark.id, { competitionId, expertId, mark });
      sent++;
      try {
        settle((await post(server.url, cookies.get(expertId)!, [mark])).results, false);
      } catch {
        return; // the server is gone: the mark stays outstanding
      }
    }
  });
  await new Promise((resolve) =>
    setTimeout(resolve, (0.3 + Math.random() * 0.7) * seconds! * 1000),
  );
  await server.stop('SIGKILL');
  running = false;
  await Promise.all(writers);
}

const started = Date.now();
for (let c = 1; c <= cycles!; c++) {
  await cycle(true);
  console.log(
    `cycle ${c}/${cycles}: ${acknowledged.size} acknowledged, ${outstanding.size} outstanding`,
  );
}
await cycle(false);

const stored = storedMarks(dataDir).filter(({ id }) => id?.startsWith('chaos-'));
const times = new Map<string, number>();
for (const { id } of stored) times.set(id, (times.get(id) ?? 0) + 1);
const lost = [...acknowledged.keys()].filter((id) => !times.has(id));
const doubled = [...times].filter(([, n]) => n > 1).map(([id]) => id);
const chains = verifyStoredChains(dataDir);
const broken = chains.filter(({ verdict }) => !verdict.ok);
console.log(
  `${cycles} kill -9 cycles in ${((Date.now() - started) / 1000).toFixed(0)} s: ${sent} marks sent, ` +
    `${acknowledged.size} acknowledged (${resentAcknowledged} on a resend after a crash), ` +
    `${refused} refused, ${outstanding.size} still outstanding; ` +
    `lost ${lost.length}, doubled ${doubled.length}; ${chains.length - broken.length} of ${chains.length} chains verify`,
);
const ok =
  lost.length === 0 && doubled.length === 0 && broken.length === 0 && outstanding.size === 0;
if (ok) removeDataDir(dataDir);
else
  console.error(`kept for inspection: ${dataDir}`, {
    lost: lost.slice(0, 5),
    doubled: doubled.slice(0, 5),
    broken,
  });
process.exit(ok ? 0 : 1);
