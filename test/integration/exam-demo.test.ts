import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from '../../seeds/demo';
import { removeDataDir, startServer, type RunningServer } from '../support/server';
import { Client } from './api-support';

/**
 * The demo exam session of the seed, after a first start: the exam officer sees it with its
 * college's printed details, and the commission's marking members sign in to it with the PINs
 * the README prints and get the same tablet view as in a championship.
 */

let server: RunningServer;
const session = demo.examSession;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
  if (server) removeDataDir(server.dataDir);
});

describe('the demo exam session', () => {
  it('is the exam officer’s, with 20 students and no marks yet', async () => {
    const officer = new Client(server.url);
    const login = await officer.post('/api/auth/login', {
      email: 'exam@ashyq.kz',
      password: 'Ashyq-Demo-2026',
    });
    expect(login.status).toBe(200);
    const { sessions } = (await officer.get('/api/exam/sessions')).body;
    expect(sessions.map((s: { id: string }) => s.id)).toEqual([session.id]);
    expect(sessions[0].college.bin).toMatch(/^\d{12}$/);
    const { results } = (await officer.get(`/api/exam/sessions/${session.id}/results`)).body;
    expect(results).toHaveLength(20);
    expect(results.every((r: { total: number; complete: boolean }) => r.total === 0)).toBe(true);
  });

  it('lets the chief expert sign in with the README PIN and open the marking grid', async () => {
    const chief = session.commission.find((member) => member.role === 'chief')!;
    const tablet = new Client(server.url);
    const signedIn = await tablet.post('/api/auth/pin', {
      competitionId: session.id,
      pin: demo.expertPins[chief.id],
    });
    expect(signedIn.status).toBe(200);
    const view = await tablet.get('/api/expert/competition');
    expect(view.status, JSON.stringify(view.body)).toBe(200);
  });

  it('keeps the exam off the public boards and listings', async () => {
    const anonymous = new Client(server.url);
    expect((await anonymous.get(`/api/public/competitions/${session.id}/board`)).status).toBe(404);
    const { championships } = (await anonymous.get('/api/public/championships')).body;
    expect(JSON.stringify(championships)).not.toContain(session.id);
  });
});
