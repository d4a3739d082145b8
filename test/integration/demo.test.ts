import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from '../../seeds/demo';
import { removeDataDir, startServer, type RunningServer } from '../support/server';
import { Client } from './api-support';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
  if (server) removeDataDir(server.dataDir);
});

describe('the demo on an empty DATA_DIR', () => {
  it('is loaded at start-up and shown to the public with its marking progress', async () => {
    const anonymous = new Client(server.url);
    const { status, body } = await anonymous.get('/api/public/championships');
    expect(status).toBe(200);
    expect(body.championships).toHaveLength(1);
    const [championship] = body.championships;
    expect(championship.id).toBe(demo.championship.id);
    const web = championship.competitions.find((c: { id: string }) => c.id.endsWith('-web'));
    expect(web.progress.marked).toBeGreaterThan(0);
  });

  it('signs in the demo organiser and a chief expert with the PIN the README prints', async () => {
    const admin = new Client(server.url);
    const login = await admin.post('/api/auth/login', {
      email: 'admin@ashyq.kz',
      password: 'Ashyq-Demo-2026',
    });
    expect(login.status).toBe(200);
    const listed = await admin.get('/api/organiser/championships');
    expect(listed.body.championships.map((c: { id: string }) => c.id)).toEqual([
      demo.championship.id,
    ]);
    const [first] = demo.competitions;
    const competitors = await admin.get(
      `/api/organiser/competitions/${first!.competition.id}/competitors`,
    );
    expect(competitors.body.competitors).toHaveLength(first!.competitors.length);

    const chief = first!.experts.find((expert) => expert.role === 'chief')!;
    const expert = new Client(server.url);
    const pin = await expert.post('/api/auth/pin', {
      competitionId: first!.competition.id,
      pin: demo.expertPins[chief.id],
    });
    expect(pin.status).toBe(200);
  });
});
