import { afterEach, describe, expect, it } from 'vitest';
import { sampleScheme } from '@ashyq/shared/scoring/fixtures';
import { collections } from '../../server/src/collections';
import { runtimeProjection } from '../../server/src/competitions/runtime-state';
import { RegistrationRefusedError } from '../../server/src/competitions/runtime-types';
import { loadConfig } from '../../server/src/config';
import { stateText } from '../../server/src/events/state-check';
import { createServices, type Services } from '../../server/src/services';
import { removeDataDir, tempDataDir } from '../support/server';
import { finishCompetition, seedCompetition, type SeedOptions } from './competition-harness';

const open: Services[] = [];
const dataDirs = new Set<string>();

async function started(dataDir = tempDataDir()) {
  dataDirs.add(dataDir);
  const services = await createServices(loadConfig({ DATA_DIR: dataDir }));
  open.push(services);
  return services;
}

async function closeAll() {
  for (const services of open.splice(0)) await services.close();
}

afterEach(async () => {
  await closeAll();
  for (const dir of dataDirs) removeDataDir(dir);
  dataDirs.clear();
});

let serial = 0;
const id = () => `mark_${String(++serial).padStart(6, '0')}`;
const binary = (competitor: string, aspect: string, achieved = true) => ({
  id: id(),
  competitor,
  aspect,
  value: { kind: 'binary' as const, achieved },
});
const choice = (competitor: string, option: number) => ({
  id: id(),
  competitor,
  aspect: 'A2.M1',
  value: { kind: 'choice' as const, option },
});

async function runningCompetition(options: Partial<SeedOptions> = {}, dataDir?: string) {
  const services = await started(dataDir);
  const seeded = await seedCompetition(services, { scheme: sampleScheme(), ...options });
  const runtime = await services.competitions.open(seeded.competitionId);
  await runtime.setPanel('organiser-1', 'A1', ['e2', 'e3', 'e4']);
  await runtime.setPanel('organiser-1', 'A2', ['e2']);
  return { services, runtime, seeded };
}

describe('the runtime across restarts', () => {
  it('comes back from a snapshot with the same board, panels, conflicts and people', async () => {
    const dataDir = tempDataDir();
    const { services, runtime, seeded } = await runningCompetition({}, dataDir);
    await runtime.declareConflict('organiser-1', 'e3', 'p2');
    const corrected = { last: 'Сейітова', first: 'Дана' };
    await runtime.renameCompetitor('organiser-1', 'p1', corrected, 'typo in the list');
    await runtime.recordMarks('e2', [binary('p1', 'A1.M1'), choice('p1', 1), choice('p2', 0)]);
    await runtime.lock('organiser-1', 'A2');
    const before = { board: runtime.board('staff'), overview: runtime.overview() };
    const { competition } = runtime.context;
    const projection = runtimeProjection({
      scheme: competition.scheme!,
      profile: runtime.context.profile,
      schemeVersion: competition.schemeVersion,
    });
    // The served state is the replay's byte for byte, so log/verify compares it without sorting.
    const replayed = await services.log.replay(seeded.competitionId, projection, {
      snapshotEvery: 1,
    });
    expect(stateText(projection, runtime.state)).toBe(stateText(projection, replayed.state));
    expect(await runtime.verifyLog()).toMatchObject({ ok: true });
    await closeAll();

    const again = await started(dataDir);
    const snapshot = await again.store.latestSnapshot(seeded.competitionId, projection.name);
    expect(snapshot?.seq).toBe(before.overview.head.seq);
    const restored = again.competitions.get(seeded.competitionId)!;
    expect(restored.board('staff')).toEqual(before.board);
    expect(restored.overview()).toEqual(before.overview);
    expect(restored.state.people.get('p1')?.name).toEqual(corrected);
    expect(await restored.verifyLog()).toEqual({
      ok: true,
      events: before.overview.head.seq,
      head: before.overview.head.hash,
    });
  });
});

describe('registering competitors', () => {
  it('registers a batch whole or not at all, and a refusal cannot be overlooked', async () => {
    const { runtime, seeded } = await runningCompetition();
    const [p1] = seeded.competitors;
    const newcomer = { ...p1!, id: 'p3', iin: '900101300099' };
    const head = runtime.head;

    // p1 again with another region is refused: newcomer p3 is not registered either.
    const attempt = runtime.registerCompetitors('organiser-1', [
      newcomer,
      { ...p1!, regionId: 'abai' },
    ]);
    await expect(attempt).rejects.toBeInstanceOf(RegistrationRefusedError);
    await expect(attempt).rejects.toMatchObject({
      refused: [{ id: 'p1', status: 'rejected', reason: 'competitor_exists' }],
    });
    expect(runtime.head).toEqual(head);
    expect(runtime.state.people.has('p3')).toBe(false);
    expect(runtime.registrationRefusals([newcomer])).toEqual([]);

    const results = await runtime.registerCompetitors('organiser-1', [newcomer, p1!]);
    expect(results.map((result) => result.status)).toEqual(['accepted', 'duplicate']);
    expect(runtime.state.people.has('p3')).toBe(true);
  });
});

describe('closing a competition', () => {
  it('refuses every mark and change after the close, also once the log is replayed', async () => {
    const dataDir = tempDataDir();
    const { runtime, seeded } = await runningCompetition({}, dataDir);
    const refusal = new Error('marked');
    await runtime.recordMarks('e2', [choice('p1', 1)]);
    // The guard sees the state in the same step as the close: a marked competition stays open.
    await expect(
      runtime.close('organiser-1', 'exam session deleted', () => {
        throw refusal;
      }),
    ).rejects.toBe(refusal);
    expect(runtime.state.closed).toBeNull();

    await runtime.close('organiser-1', 'exam session deleted');
    await runtime.close('organiser-1', 'exam session deleted');
    expect(runtime.state.closed).toMatchObject({
      actor: 'organiser-1',
      reason: 'exam session deleted',
    });
    const head = runtime.head;
    expect(await runtime.recordMarks('e2', [choice('p2', 0)])).toEqual([
      expect.objectContaining({ status: 'rejected', reason: 'competition_closed' }),
    ]);
    await expect(runtime.lock('organiser-1', 'A2')).rejects.toMatchObject({
      reason: 'competition_closed',
    });
    await expect(
      runtime.registerCompetitors('organiser-1', [{ ...seeded.competitors[0]!, id: 'p3' }]),
    ).rejects.toBeInstanceOf(RegistrationRefusedError);
    expect(runtime.head).toEqual(head);

    await closeAll();
    const again = await started(dataDir);
    const replayed = await again.competitions.open(seeded.competitionId);
    expect(replayed.state.closed).toMatchObject({ reason: 'exam session deleted' });
    expect((await replayed.recordMarks('e2', [choice('p2', 0)]))[0]!.reason).toBe(
      'competition_closed',
    );
  });
});

describe('judgement panels', () => {
  it('takes no more judges per aspect than the competition has, however large the panel', async () => {
    const { runtime } = await runningCompetition();
    await runtime.setPanel('organiser-1', 'A1', ['e1', 'e2', 'e3', 'e4']);
    const score = (expert: string) =>
      runtime.recordMarks(expert, [
        { id: id(), competitor: 'p2', aspect: 'A1.J1', value: { kind: 'judgement', score: 2 } },
      ]);
    for (const judge of ['e1', 'e2', 'e3'])
      expect((await score(judge))[0]!.status).toBe('accepted');
    expect((await score('e4'))[0]).toMatchObject({
      status: 'rejected',
      reason: 'panel_full',
      params: { judges: 3 },
    });
  });
});

describe('compatriots by championship level', () => {
  it('compares colleges at a regional championship, not regions', async () => {
    const { services, runtime } = await runningCompetition({ level: 'regional' });
    const e2 = await services.store.getDocument(collections.experts, 'e2');
    // e2 is from another region but teaches at p1's college.
    await services.store.putDocument(collections.experts, {
      ...e2!.document,
      regionId: 'abai',
      collegeId: 'college-1',
    });
    await runtime.setPanel('organiser-1', 'A2', ['e2']);
    const [result] = await runtime.recordMarks('e2', [choice('p1', 0)]);
    expect(result).toMatchObject({ status: 'rejected', reason: 'compatriot' });
    expect(result!.params).toMatchObject({ delegation: 'college' });
  });
});

describe('the public board and the publication policy', () => {
  it("'locked' counts only locked sub-criteria and gives no medals before publication", async () => {
    const { runtime } = await runningCompetition({ publication: { policy: 'locked' } });
    await runtime.recordMarks('e2', [binary('p1', 'A1.M1'), choice('p1', 0), choice('p2', 2)]);
    const unlocked = runtime.board('public');
    // Nothing locked: no table of zeros with everyone first, the board says 0 of 3 locked.
    expect(unlocked).toMatchObject({
      counted: [],
      rows: null,
      stage: 'marking',
      locked: { count: 0, of: 3 },
    });

    await runtime.lock('organiser-1', 'A2');
    const board = runtime.board('public');
    expect(board).toMatchObject({
      provisional: true,
      counted: ['A2'],
      published: false,
      locked: { count: 1, of: 3 },
    });
    expect(board.rows!.map((row) => [row.competitor, row.position, row.total])).toEqual([
      ['p1', 1, 1],
      ['p2', 2, 0],
    ]);
    expect(board.rows!.every((row) => row.medal === null)).toBe(true);
    expect(runtime.board('staff').rows![0]).toMatchObject({ competitor: 'p1', total: 2 });
  });

  it("'embargo' shows only progress until the results are published", async () => {
    const { runtime } = await runningCompetition({ publication: { policy: 'embargo' } });
    await runtime.recordMarks('e2', [choice('p1', 0)]);
    expect(runtime.board('public')).toMatchObject({ rows: null, progress: { marked: 1 } });
    await finishCompetition(runtime);
    expect(runtime.board('public').rows).toBeNull();
    await runtime.publish('chief');
    const board = runtime.board('public');
    expect(board).toMatchObject({ published: true, provisional: false });
    expect(board.rows).toHaveLength(2);
  });

  it('follows a policy the organiser changed once the registry refreshes the competition', async () => {
    const { services, runtime, seeded } = await runningCompetition({
      publication: { policy: 'live' },
    });
    await runtime.recordMarks('e2', [choice('p1', 0)]);
    expect(runtime.board('public').rows).toHaveLength(2);
    const stored = await services.store.getDocument(
      collections.championships,
      seeded.championshipId,
    );
    await services.store.putDocument(collections.championships, {
      ...stored!.document,
      publication: { policy: 'embargo' },
    });
    const refreshed = await services.competitions.refresh(seeded.competitionId);
    expect(refreshed).toBe(runtime);
    expect(runtime.board('public').rows).toBeNull();
  });

  it('stops the spectators board at the freeze time until the results are published', async () => {
    const { services, runtime, seeded } = await runningCompetition();
    await runtime.recordMarks('e2', [choice('p1', 0)]);
    const [lastBeforeFreeze] = await runtime.events({ aspect: 'A2.M1' });
    // The next append must carry a later millisecond than the freeze time.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await runtime.recordMarks('e2', [choice('p2', 0)]);
    const stored = await services.store.getDocument(collections.competitions, seeded.competitionId);
    await services.store.putDocument(collections.competitions, {
      ...stored!.document,
      publication: { policy: 'live', freezeAt: lastBeforeFreeze!.at },
    });
    await services.competitions.refresh(seeded.competitionId);

    const spectators = () => services.boards.data.competitionBoard(seeded.competitionId);
    const frozen = (await spectators())!;
    expect(frozen.frozenAt).toBe(lastBeforeFreeze!.at);
    expect(frozen.rows!.map((row) => [row.competitor, row.total])).toEqual([
      ['p1', 1],
      ['p2', 0],
    ]);
    expect(runtime.board('public').rows!.map((row) => row.total)).toEqual([1, 1]);
    await finishCompetition(runtime);
    await runtime.publish('chief');
    expect((await spectators())!.frozenAt).toBeNull();
  });

  it("keeps the championship's freeze time when the competition overrides only the policy", async () => {
    const { services, runtime, seeded } = await runningCompetition();
    await runtime.recordMarks('e2', [choice('p1', 0)]);
    const [lastBeforeFreeze] = await runtime.events({ aspect: 'A2.M1' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await runtime.recordMarks('e2', [choice('p2', 0)]);
    const championship = await services.store.getDocument(
      collections.championships,
      seeded.championshipId,
    );
    await services.store.putDocument(collections.championships, {
      ...championship!.document,
      publication: { policy: 'embargo', freezeAt: lastBeforeFreeze!.at },
    });
    const competition = await services.store.getDocument(
      collections.competitions,
      seeded.competitionId,
    );
    await services.store.putDocument(collections.competitions, {
      ...competition!.document,
      publication: { policy: 'live' },
    });
    await services.competitions.refresh(seeded.competitionId);

    const frozen = (await services.boards.data.competitionBoard(seeded.competitionId))!;
    expect(frozen).toMatchObject({ policy: 'live', frozenAt: lastBeforeFreeze!.at });
    expect(frozen.rows!.map((row) => [row.competitor, row.total])).toEqual([
      ['p1', 1],
      ['p2', 0],
    ]);
  });
});

describe('the results lifecycle', () => {
  it('refuses to publish an unfinished competition, listing what is missing, and changes nothing', async () => {
    const { runtime } = await runningCompetition({ publication: { policy: 'live' } });
    await runtime.recordMarks('e2', [choice('p1', 0), choice('p2', 1)]);
    await runtime.lock('organiser-1', 'A2');
    const head = runtime.head.seq;
    const refusal = await runtime.publish('chief').then(
      () => null,
      (error: unknown) => error,
    );
    expect(refusal).toMatchObject({
      reason: 'publication_blocked',
      params: { count: 3 },
      blockers: [
        { reason: 'not_locked', subCriterion: 'A1' },
        { reason: 'sign_off_missing', subCriterion: 'A2', expert: 'e2' },
        { reason: 'not_locked', subCriterion: 'B1' },
      ],
    });
    expect(runtime.head.seq).toBe(head);
    expect(runtime.state.results.published).toBeNull();
    const board = runtime.board('public');
    expect(board).toMatchObject({ published: false, provisional: true, stage: 'marking' });
    // A provisional board keeps positions but shows no medal.
    expect(board.rows!.map((row) => row.position)).toEqual([1, 2]);
    expect(board.rows!.every((row) => row.medal === null && !row.medallion)).toBe(true);
  });

  it('publishes once everything is locked and signed off; then refuses marks and status changes', async () => {
    const { runtime } = await runningCompetition({ publication: { policy: 'live' } });
    await finishCompetition(runtime);
    expect(runtime.resultsStage).toBe('locked');
    await runtime.publish('chief');
    expect(runtime.resultsStage).toBe('final');
    const board = runtime.board('public');
    expect(board).toMatchObject({ published: true, provisional: false, stage: 'final' });
    expect(board.rows!.some((row) => row.medal !== null)).toBe(true);

    const head = runtime.head.seq;
    const [mark] = await runtime.recordMarks('e2', [choice('p1', 2)]);
    expect(mark).toMatchObject({ status: 'rejected', reason: 'results_published' });
    await expect(
      runtime.setCompetitorStatus('chief', 'p2', 'withdrawn', 'ill'),
    ).rejects.toMatchObject({ reason: 'results_published' });
    // Publishing again while the results stand is acknowledged and appends nothing.
    await runtime.publish('chief');
    expect(runtime.head.seq).toBe(head);
    expect(runtime.board('public')).toEqual(board);
  });

  it('an unlock after publication reopens the results; re-published, the board says corrected', async () => {
    const { runtime } = await runningCompetition({ publication: { policy: 'live' } });
    await finishCompetition(runtime);
    await runtime.publish('chief');
    const first = runtime.state.results.published!.at;

    await runtime.unlock('chief', 'A2', 'contrast measured on the wrong screen');
    const reopened = runtime.board('public');
    expect(reopened).toMatchObject({ published: false, provisional: true, stage: 'correcting' });
    expect(reopened.rows!.every((row) => row.medal === null)).toBe(true);
    await expect(runtime.publish('chief')).rejects.toMatchObject({
      reason: 'publication_blocked',
      blockers: [{ reason: 'not_locked', subCriterion: 'A2' }],
    });

    const [current] = runtime.state.scoring.aspectState('p1', 'A2.M1')!.current;
    const corrected = await runtime.correctMark(
      'e2',
      current!.id,
      { id: id(), competitor: 'p1', aspect: 'A2.M1', value: { kind: 'choice', option: 1 } },
      'remeasured',
    );
    expect(corrected.status).toBe('accepted');
    await runtime.lock('organiser-1', 'A2');
    await runtime.signOff('e2', 'A2');
    await new Promise((resolve) => setTimeout(resolve, 2));
    await runtime.publish('organiser-1');

    const board = runtime.board('public');
    const again = runtime.state.results.published!.at;
    expect(again > first).toBe(true);
    expect(board).toMatchObject({
      published: true,
      stage: 'corrected',
      correctedAt: again,
    });
    expect(runtime.state.results).toMatchObject({
      firstPublishedAt: first,
      corrections: [
        { subCriterion: 'A2', reason: 'contrast measured on the wrong screen', actor: 'chief' },
      ],
    });
    const [unlocked] = await runtime.events({ type: 'subCriterion.unlocked' });
    expect(unlocked!.data).toMatchObject({ reason: 'contrast measured on the wrong screen' });
    expect(await runtime.events({ type: 'results.published' })).toHaveLength(2);
  });

  it('a publication stored before the rule, on an unfinished competition, does not stand', async () => {
    const dataDir = tempDataDir();
    const { services, runtime, seeded } = await runningCompetition({}, dataDir);
    await runtime.recordMarks('e2', [choice('p1', 0)]);
    await services.log.append(seeded.competitionId, runtime.head.seq, [
      { type: 'results.published', actor: 'organiser-1', data: {} },
    ]);
    await closeAll();

    const again = await started(dataDir);
    const reopened = await again.competitions.open(seeded.competitionId);
    expect(await reopened.events({ type: 'results.published' })).toHaveLength(1);
    expect(reopened.resultsStage).toBe('marking');
    expect(reopened.board('public')).toMatchObject({ published: false, provisional: true });
    const [mark] = await reopened.recordMarks('e2', [choice('p2', 1)]);
    expect(mark!.status).toBe('accepted');
  });
});
