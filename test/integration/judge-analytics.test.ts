import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullName, judgeFigures, type JudgedCell } from '@ashyq/shared';
import { demo } from '../../seeds/demo';
import type { StoredEvent } from '../../server/src/store/port';
import { removeDataDir, startServer, type RunningServer } from '../support/server';
import { Client } from './api-support';
import { iinShapedNumbers } from '../support/privacy';

const web = demo.competitions.find((c) => c.competition.id.endsWith('-web'))!;
const competitionId = web.competition.id;
const chief = web.experts.find((expert) => expert.role === 'chief')!;
const marker = web.experts.find((expert) => expert.role === 'expert')!;
const path = `/api/chief/competitions/${competitionId}/judges`;

let server: RunningServer;
const signedIn = async (expertId: string) => {
  const client = new Client(server.url);
  const reply = await client.post('/api/auth/pin', {
    competitionId,
    pin: demo.expertPins[expertId],
  });
  expect(reply.status).toBe(200);
  return client;
};

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
  if (server) removeDataDir(server.dataDir);
});

describe('judge analytics of a competition', () => {
  it('gives the chief every judge’s figures, as the shared functions compute them from the log', async () => {
    const client = await signedIn(chief.id);
    const { status, body } = await client.get(path);
    expect(status).toBe(200);
    expect(body.judges.length).toBeGreaterThan(0);

    // The same figures from the judgement scores the chief's log shows, latest per judge.
    const events = (
      await client.get(
        `/api/chief/competitions/${competitionId}/events?type=mark.recorded&limit=2000`,
      )
    ).body.events as StoredEvent[];
    const cells = new Map<string, JudgedCell & { scores: JudgedCell['scores'][number][] }>();
    for (const event of events) {
      const { mark } = event.data as {
        mark: { competitor: string; aspect: string; value: { kind: string; score?: number } };
      };
      if (mark.value.kind !== 'judgement') continue;
      const key = `${mark.competitor}|${mark.aspect}`;
      const cell = cells.get(key) ?? {
        competitor: mark.competitor,
        aspect: mark.aspect,
        scores: [],
      };
      cell.scores = [
        ...cell.scores.filter((s) => s.judge !== event.actor),
        { judge: event.actor, score: mark.value.score!, at: event.at },
      ];
      cells.set(key, cell);
    }
    const region = new Map(web.competitors.map((c) => [c.id, c.regionId]));
    const expected = judgeFigures([...cells.values()], (id) => region.get(id));
    // The reply is the shared figures with each judge's name and role beside them.
    expect(body.judges).toEqual(
      expected.map((figures) => {
        const expert = web.experts.find((e) => e.id === figures.judge)!;
        return { ...figures, name: fullName(expert.name), role: expert.role };
      }),
    );
    expect(iinShapedNumbers(body)).toEqual([]);
  });

  it('is refused to a judge, to the public and to a bad grouping', async () => {
    expect((await (await signedIn(marker.id)).get(path)).status).toBe(403);
    expect((await new Client(server.url).get(path)).status).toBe(401);
    const bad = await (await signedIn(chief.id)).get(`${path}?group=city`);
    expect(bad.status).toBe(400);
  });
});
