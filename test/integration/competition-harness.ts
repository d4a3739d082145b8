import {
  getProfile,
  type Championship,
  type Competition,
  type Competitor,
  type Expert,
  type MarkingScheme,
  type MarkInput,
} from '@ashyq/shared';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { collections } from '../../server/src/collections';
import { loadConfig } from '../../server/src/config';
import { createApp } from '../../server/src/http/app';
import { removeDataDir, tempDataDir } from '../support/server';
import type { CompetitionRuntime } from '../../server/src/competitions/runtime';
import { createServices, type Services } from '../../server/src/services';
import type { StoredDocument } from '../../server/src/store/port';

/**
 * A competition set up through the store and the registry, the way the organiser routes and
 * seeds do it, so the expert and chief routes can be tested on their own. Synthetic people;
 * the IINs are 12-digit strings that must never reach a public payload.
 */
export interface SeededCompetition {
  championshipId: string;
  competitionId: string;
  competitors: Competitor[];
  experts: Expert[];
}

export interface SeedOptions {
  scheme: MarkingScheme;
  competitionId?: string;
  publication?: Championship['publication'];
  level?: Championship['level'];
  /** Competitor ids and regions (default p1 almaty, p2 abai); the experts are `expertRegions`. */
  competitors?: { id: string; regionId: string }[];
  /** A second competition of a championship already seeded: joins it, without experts of its own. */
  championshipId?: string;
}

export const expertRegions: Record<string, string> = {
  e1: 'almaty',
  e2: 'astana',
  e3: 'shymkent',
  e4: 'pavlodar',
  chief: 'karaganda',
  deputy: 'turkistan',
};

const roleOf = (id: string): Expert['role'] =>
  id === 'chief' ? 'chief' : id === 'deputy' ? 'deputy-chief' : 'expert';

const syntheticIin = (n: number) => String(900101300000 + n);

export async function seedCompetition(
  services: Services,
  options: SeedOptions,
): Promise<SeededCompetition> {
  const competitionId = options.competitionId ?? 'web-1';
  const championshipId = options.championshipId ?? `champ-${competitionId}`;
  const now = new Date().toISOString();
  const profileId = 'wsk-championship@2024';
  const championship: Championship = {
    id: championshipId,
    name: { kk: 'Өңірлік чемпионат', ru: 'Региональный чемпионат' },
    level: options.level ?? 'national',
    track: 'wsk',
    season: 2026,
    hostRegionId: 'astana',
    startsOn: '2026-05-12',
    endsOn: '2026-05-15',
    // As the organiser route defaults it.
    publication: options.publication ?? { policy: getProfile(profileId)!.publicationDefault },
    profileId,
    createdAt: now,
  };
  const competition: Competition = {
    id: competitionId,
    championshipId,
    skill: { number: '17', name: { kk: 'Веб-технологиялар', ru: 'Веб-технологии' } },
    profileId,
    scheme: options.scheme,
    schemeVersion: 1,
    createdAt: now,
  };
  const people = options.competitors ?? [
    { id: 'p1', regionId: 'almaty' },
    { id: 'p2', regionId: 'abai' },
  ];
  const competitors: Competitor[] = people.map(({ id, regionId }, n) => ({
    id,
    competitionId,
    name: { last: `Сатпаев${n}`, first: 'Арман' },
    iin: syntheticIin(n),
    collegeId: 'college-1',
    regionId,
    guest: false,
  }));
  const experts: Expert[] = Object.entries(expertRegions).map(([id, regionId], n) => ({
    id,
    competitionId,
    name: { last: `Сарапшы${n}`, first: 'Айгүл' },
    iin: syntheticIin(500 + n),
    regionId,
    role: roleOf(id),
  }));
  const put = (collection: string, document: object) =>
    services.store.putDocument(collection, document as StoredDocument);
  if (!options.championshipId) await put(collections.championships, championship);
  await put(collections.competitions, competition);
  await put(collections.colleges, {
    id: 'college-1',
    name: { kk: 'Жоғары колледж', ru: 'Высший колледж' },
    regionId: 'almaty',
  });
  for (const competitor of competitors) await put(collections.competitors, competitor);
  if (!options.championshipId) for (const expert of experts) await put(collections.experts, expert);
  const runtime = await services.competitions.open(competitionId);
  await runtime.registerCompetitors('organiser-1', competitors);
  return { championshipId, competitionId, competitors, experts };
}

/** Signs an expert in with a fresh PIN and returns the session cookie. */
export async function expertCookie(
  services: Services,
  base: string,
  competitionId: string,
  expert: Expert,
): Promise<string> {
  return (await expertSignIn(services, base, competitionId, expert)).cookie;
}

/** Signs an expert in with a fresh PIN; the PIN is kept for what asks for it again (sign-off). */
export async function expertSignIn(
  services: Services,
  base: string,
  competitionId: string,
  expert: Expert,
): Promise<{ cookie: string; pin: string }> {
  const issued = await services.accounts.issueCredential(competitionId, expert.id, expert.role, {
    kind: 'user',
    userId: 'organiser-1',
  });
  return { cookie: await pinCookie(base, competitionId, issued.pin), pin: issued.pin };
}

export async function pinCookie(base: string, competitionId: string, pin: string) {
  const res = await fetch(`${base}/api/auth/pin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ competitionId, pin }),
  });
  if (!res.ok) throw new Error(`PIN sign-in failed: ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie()[0]!.split(';')[0]!;
}

/** A reply: JSON of many shapes, so each test reads the fields it checks. */
export interface Reply {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** A JSON request with a session cookie; resolves with the status and the parsed body. */
export async function call(
  base: string,
  cookie: string | undefined,
  method: string,
  path: string,
  body?: unknown,
): Promise<Reply> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(cookie ? { cookie } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** One sub-criterion of `count` pass/fail aspects: many marks, no judges needed. */
export function binaryScheme(count: number): MarkingScheme {
  const aspects = Array.from({ length: count }, (_, i) => ({
    code: `A1.M${i + 1}`,
    type: 'M' as const,
    description: `Check ${i + 1} passes`,
    section: 'S1',
    maxMark: 0.5,
  }));
  return {
    skill: { number: '17', name: 'Web Technologies' },
    sections: [{ id: 'S1', name: 'Work organisation', weight: count * 0.5 }],
    criteria: [
      {
        id: 'A',
        name: 'Checks',
        maxMark: count * 0.5,
        subCriteria: [{ id: 'A1', name: 'Checks', day: 1, aspects }],
      },
    ],
  };
}

/**
 * Finishes a competition through the same rules as the chief console: every panel expert marks
 * every aspect of every registered competitor (judges agree), then each sub-criterion is locked
 * and signed off by its whole panel. Sub-criteria without a panel get `defaultPanel`.
 */
export async function finishCompetition(
  runtime: CompetitionRuntime,
  defaultPanel: readonly string[] = ['e2', 'e3', 'e4'],
): Promise<void> {
  const { index } = runtime.state.scoring;
  let serial = 0;
  for (const sub of index.subCriteria) {
    if (!runtime.state.panels.get(sub.id)?.length) {
      await runtime.setPanel('organiser-1', sub.id, [...defaultPanel]);
    }
    const panel = runtime.state.panels.get(sub.id)!;
    const barred = new Map(
      await Promise.all(
        panel.map(async (expert) => [expert, await runtime.barredCompetitors(expert)] as const),
      ),
    );
    for (const blocker of runtime.state.scoring.lockBlockers(sub.id)) {
      if (blocker.reason !== 'aspect_unmarked') continue;
      const { competitor } = blocker;
      const aspect = index.aspectByCode.get(blocker.aspect)!;
      const done = new Set(
        (runtime.state.scoring.aspectState(competitor, aspect.code)?.current ?? []).map(
          (mark) => mark.expert,
        ),
      );
      const allowed = panel.filter(
        (expert) => !barred.get(expert)!.has(competitor) && !done.has(expert),
      );
      const markers =
        aspect.kind === 'judgement'
          ? allowed.slice(0, runtime.state.scoring.judgesPerAspect - done.size)
          : allowed.slice(0, 1);
      const measurement = aspect.aspect.measurement;
      const value: MarkInput['value'] =
        aspect.kind === 'judgement'
          ? { kind: 'judgement', score: 2 }
          : aspect.kind === 'choice'
            ? { kind: 'choice', option: 0 }
            : aspect.kind === 'deduction'
              ? {
                  kind: 'deduction',
                  measured: measurement && 'target' in measurement ? measurement.target : 0,
                }
              : { kind: 'binary', achieved: true };
      for (const expert of markers) {
        const id = `finish_${competitor}_${aspect.code}_${expert}_${++serial}`.replace(
          /[^A-Za-z0-9_-]/g,
          '_',
        );
        const [result] = await runtime.recordMarks(expert, [
          { id, competitor, aspect: aspect.code, value },
        ]);
        if (result!.status === 'rejected') {
          throw new Error(`finishing ${aspect.code} for ${competitor}: ${result!.reason}`);
        }
      }
    }
    for (const blocker of runtime.state.scoring.lockBlockers(sub.id)) {
      if (blocker.reason !== 'discrepancy_open') {
        throw new Error(`finishing ${sub.id}: ${blocker.reason} ${blocker.aspect}`);
      }
      await runtime.resolveDiscrepancy('chief', blocker.competitor, blocker.aspect, 'agreed');
    }
    const lock = runtime.state.scoring.lockState().find((l) => l.subCriterion === sub.id)!;
    if (!lock.locked) await runtime.lock('organiser-1', sub.id);
    for (const expert of panel) await runtime.signOff(expert, sub.id);
  }
}

/** A seeded competition served over HTTP on a loopback port, with every expert signed in. */
export interface SeededServer {
  services: Services;
  seeded: SeededCompetition;
  base: string;
  /** Each expert's session cookie and PIN, by expert id. */
  cookies: Record<string, string>;
  pins: Record<string, string>;
  close(): Promise<void>;
}

/** A fresh data directory, services, the seeded competition and the app on a free port. */
export async function startSeededServer(options: SeedOptions): Promise<SeededServer> {
  const dataDir = tempDataDir();
  const services = await createServices(loadConfig({ DATA_DIR: dataDir }));
  const seeded = await seedCompetition(services, options);
  const server = createServer(createApp(services));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const cookies: Record<string, string> = {};
  const pins: Record<string, string> = {};
  for (const expert of seeded.experts) {
    const session = await expertSignIn(services, base, seeded.competitionId, expert);
    cookies[expert.id] = session.cookie;
    pins[expert.id] = session.pin;
  }
  return {
    services,
    seeded,
    base,
    cookies,
    pins,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await services.close();
      removeDataDir(dataDir);
    },
  };
}
