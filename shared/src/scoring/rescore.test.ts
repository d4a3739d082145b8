import { describe, expect, it } from 'vitest';
import { wskChampionship2024 } from '../profiles/wsk-championship@2024';
import { event, judged, recorded, sampleScheme, tick } from './fixtures';
import { CompetitionProjection } from './projection';
import { RescoreRequests, rescoreTargets } from './rescore';
import type { ScoringEvent } from './events';

function disputed() {
  const projection = CompetitionProjection.create({
    scheme: sampleScheme(),
    profile: wskChampionship2024,
    competitors: [
      { id: 'c1', guest: false },
      { id: 'c2', guest: false },
    ],
  });
  const apply = (...events: ScoringEvent[]) => {
    for (const e of events) expect(projection.apply(e)).toMatchObject({ ok: true });
  };
  // c1's A1.J1 is 0, 2, 3: a spread of 3 over the allowed 1.
  apply(
    judged('1', 'c1', 'A1.J1', 'e1', 0),
    judged('2', 'c1', 'A1.J1', 'e2', 2),
    judged('3', 'c1', 'A1.J1', 'e3', 3),
    judged('4', 'c2', 'A1.J1', 'e1', 2),
    judged('5', 'c2', 'A1.J1', 'e2', 2),
    judged('6', 'c2', 'A1.J1', 'e3', 3),
  );
  return { projection, apply };
}

const envelope = () => ({ at: tick(), actor: 'chief' });

describe('rescoreTargets', () => {
  it('asks the judges whose scores make the open discrepancy', () => {
    const { projection } = disputed();
    expect(rescoreTargets(projection, 'c1', 'A1.J1')).toEqual({
      subCriterion: 'A1',
      experts: ['e1', 'e2', 'e3'],
    });
  });

  it('refuses an aspect without an open discrepancy: agreed, resolved, unknown, inactive', () => {
    const { projection, apply } = disputed();
    const refused = (competitor: string, aspect: string) =>
      rescoreTargets(projection, competitor, aspect);
    expect(refused('c2', 'A1.J1')).toEqual({
      reason: 'no_open_discrepancy',
      params: { competitor: 'c2', aspect: 'A1.J1' },
    });
    expect(refused('c1', 'Z9.J1')).toMatchObject({ reason: 'no_open_discrepancy' });
    expect(refused('nobody', 'A1.J1')).toMatchObject({ reason: 'no_open_discrepancy' });
    apply(event('competitor.status', { competitor: 'c1', status: 'absent' }));
    expect(refused('c1', 'A1.J1')).toMatchObject({ reason: 'no_open_discrepancy' });
    apply(event('competitor.status', { competitor: 'c1', status: 'active' }));
    apply(event('discrepancy.resolved', { competitor: 'c1', aspect: 'A1.J1', reason: 'agreed' }));
    expect(refused('c1', 'A1.J1')).toMatchObject({ reason: 'no_open_discrepancy' });
  });
});

/** Feeds an event to the requests; `stillOpen` is whether the discrepancy is open after it. */
function follow(requests: RescoreRequests, event: ScoringEvent, stillOpen = true) {
  requests.follow(event, () => stillOpen);
}

describe('RescoreRequests', () => {
  const request = { competitor: 'c1', aspect: 'A1.J1', experts: ['e1', 'e2', 'e3'] };

  it('keeps a judge pending until it scores again, and closes when nobody is', () => {
    const requests = new RescoreRequests();
    requests.requested({ ...request, reason: 'Check the header again' }, 'A1', envelope());
    expect(requests.pendingFor('e2')).toHaveLength(1);
    follow(requests, judged('7', 'c1', 'A1.J1', 'e2', 1));
    expect(requests.get('c1', 'A1.J1')).toMatchObject({
      reason: 'Check the header again',
      subCriterion: 'A1',
      pending: ['e1', 'e3'],
    });
    expect(requests.pendingFor('e2')).toEqual([]);
    // Another competitor's or another aspect's score changes nothing.
    follow(requests, judged('8', 'c2', 'A1.J1', 'e1', 1));
    follow(requests, recorded('9', 'c1', 'A1.M1', 'e1', { kind: 'binary', achieved: true }));
    expect(requests.get('c1', 'A1.J1')!.pending).toEqual(['e1', 'e3']);
    follow(requests, judged('10', 'c1', 'A1.J1', 'e1', 1));
    follow(requests, judged('11', 'c1', 'A1.J1', 'e3', 2));
    expect(requests.list()).toEqual([]);
  });

  it('counts a correction as a new score, and closes on a resolution', () => {
    const requests = new RescoreRequests();
    requests.requested(request, 'A1', envelope());
    follow(
      requests,
      event('mark.superseded', {
        markId: 'mk_00000001',
        mark: {
          id: 'mk_00000012',
          competitor: 'c1',
          aspect: 'A1.J1',
          expert: 'e1',
          value: { kind: 'judgement', score: 2 },
        },
        reason: 'Re-scored on request',
      }),
    );
    expect(requests.get('c1', 'A1.J1')).toMatchObject({ reason: null, pending: ['e2', 'e3'] });
    follow(
      requests,
      event('discrepancy.resolved', { competitor: 'c1', aspect: 'A1.J1', reason: 'agreed' }),
    );
    expect(requests.get('c1', 'A1.J1')).toBeUndefined();
  });

  it('lets a repeated request ask everyone again, and lists requests oldest first', () => {
    const requests = new RescoreRequests();
    requests.requested(request, 'A1', envelope());
    requests.requested({ ...request, competitor: 'c2' }, 'A1', envelope());
    follow(requests, judged('13', 'c1', 'A1.J1', 'e1', 1));
    requests.requested({ ...request, reason: 'Once more' }, 'A1', envelope());
    expect(requests.get('c1', 'A1.J1')!.pending).toEqual(['e1', 'e2', 'e3']);
    expect(requests.list().map((r) => r.competitor)).toEqual(['c2', 'c1']);
    // What it hands out is a copy: changing it changes nothing inside.
    requests.list()[0]!.pending.length = 0;
    expect(new RescoreRequests(requests.list()).get('c2', 'A1.J1')!.pending).toHaveLength(3);
  });

  it('closes once the new scores agree, though judges were still pending', () => {
    const requests = new RescoreRequests();
    requests.requested(request, 'A1', envelope());
    follow(requests, judged('14', 'c1', 'A1.J1', 'e1', 2), false);
    expect(requests.list()).toEqual([]);
  });
});
