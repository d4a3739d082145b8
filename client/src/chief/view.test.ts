import { describe, expect, it } from 'vitest';
import type { MarkingScheme } from '@ashyq/shared';
import type { Overview, Roster, StoredEvent } from './types';
import {
  auditQuery,
  blockersFromDetails,
  correctionLines,
  cellState,
  eventSubjects,
  formatTime,
  groupBlockers,
  leanBars,
  isFiltered,
  matrixByCompetitor,
  mergeEvents,
  readLatest,
  namesOf,
  noFilter,
  pendingSignOffs,
  percentMarked,
  resultsStatus,
} from './view';
import { localized } from '../lib/localized';

const event = (seq: number, type = 'mark.recorded', data: Record<string, unknown> = {}) =>
  ({
    seq,
    type,
    actor: 'web-e1',
    at: '2026-03-11T05:00:00.000Z',
    data,
    hash: `h${seq}`,
  }) as StoredEvent;

function overview(partial: Partial<Overview>): Overview {
  return {
    competitionId: 'web',
    progress: { subCriteria: [], marked: 0, required: 0 },
    openDiscrepancies: [],
    locks: [],
    blockers: {},
    panels: {},
    conflicts: {},
    published: null,
    stage: 'marking',
    corrections: [],
    head: { seq: 0 },
    matrix: [],
    rescoreRequests: [],
    ...partial,
  };
}

describe('percentMarked', () => {
  it('rounds down so that 100 % only means complete', () => {
    expect(percentMarked(79, 80)).toBe(98);
    expect(percentMarked(199, 200)).toBe(99);
    expect(percentMarked(80, 80)).toBe(100);
    expect(percentMarked(0, 80)).toBe(0);
  });

  it('counts nothing to mark as complete and never exceeds 100', () => {
    expect(percentMarked(0, 0)).toBe(100);
    expect(percentMarked(5, 4)).toBe(100);
  });
});

describe('cellState', () => {
  it('tells empty, partial, complete and nothing required apart', () => {
    expect(cellState({ marked: 0, required: 8 })).toBe('empty');
    expect(cellState({ marked: 3, required: 8 })).toBe('partial');
    expect(cellState({ marked: 8, required: 8 })).toBe('complete');
    expect(cellState({ marked: 0, required: 0 })).toBe('none');
    expect(cellState(undefined)).toBe('none');
  });
});

describe('matrixByCompetitor', () => {
  it('indexes the cells by competitor, then sub-criterion', () => {
    const rows = matrixByCompetitor(
      overview({
        matrix: [
          { subCriterion: 'A1', competitor: 'c1', marked: 2, required: 4, experts: ['e1'] },
          { subCriterion: 'B1', competitor: 'c1', marked: 4, required: 4, experts: ['e1', 'e2'] },
          { subCriterion: 'A1', competitor: 'c2', marked: 0, required: 4, experts: [] },
        ],
      }),
    );
    expect(rows.get('c1')?.get('B1')?.experts).toEqual(['e1', 'e2']);
    expect(rows.get('c2')?.get('A1')?.marked).toBe(0);
    expect(rows.get('c2')?.get('B1')).toBeUndefined();
  });
});

describe('pendingSignOffs', () => {
  const locks = [
    {
      subCriterion: 'A1',
      locked: true,
      at: '2026-03-11T05:00:00Z',
      actor: 'chief',
      signOffs: [{ expert: 'e2', at: '2026-03-11T05:10:00Z', actor: 'e2' }],
    },
    { subCriterion: 'B1', locked: false, at: null, actor: null, signOffs: [] },
  ];
  const panels = { A1: ['e1', 'e2', 'e3'], B1: ['e1'] };

  it('lists the marking team members who have not signed a lock, in panel order', () => {
    expect(pendingSignOffs(overview({ locks, panels }), 'A1')).toEqual(['e1', 'e3']);
  });

  it('asks nobody to sign an unlocked sub-criterion', () => {
    expect(pendingSignOffs(overview({ locks, panels }), 'B1')).toEqual([]);
    expect(pendingSignOffs(overview({ locks, panels }), 'Z9')).toEqual([]);
  });
});

describe('blockers of a refused lock', () => {
  const details = [
    { path: '', code: 'lock_blocked', message: 'B1 cannot be locked: 3 things missing' },
    { path: 'web-04.B1.J1', code: 'discrepancy_open', message: '…' },
    { path: 'web-02.B1.M1', code: 'aspect_unmarked', message: '…' },
    { path: 'web-04.B1.M2', code: 'aspect_unmarked', message: '…' },
    { path: 'body.reason', message: 'no code: not a blocker' },
  ];

  it('reads competitor, aspect and reason from each detail after the summary', () => {
    expect(blockersFromDetails(details)).toEqual([
      { reason: 'discrepancy_open', competitor: 'web-04', aspect: 'B1.J1' },
      { reason: 'aspect_unmarked', competitor: 'web-02', aspect: 'B1.M1' },
      { reason: 'aspect_unmarked', competitor: 'web-04', aspect: 'B1.M2' },
    ]);
  });

  it('groups them by competitor in the order they first appear', () => {
    const groups = groupBlockers(blockersFromDetails(details));
    expect(groups.map(([competitor, list]) => [competitor, list.map((b) => b.aspect)])).toEqual([
      ['web-04', ['B1.J1', 'B1.M2']],
      ['web-02', ['B1.M1']],
    ]);
  });
});

describe('mergeEvents', () => {
  it('appends later events', () => {
    expect(mergeEvents([event(1), event(2)], [event(3), event(4)]).map((e) => e.seq)).toEqual([
      1, 2, 3, 4,
    ]);
  });

  it('keeps each seq once when a catch-up overlaps what is held', () => {
    const merged = mergeEvents([event(1), event(2), event(3)], [event(2), event(3), event(4)]);
    expect(merged.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
  });

  it('puts events arriving out of order in seq order', () => {
    expect(mergeEvents([event(1), event(5)], [event(3)]).map((e) => e.seq)).toEqual([1, 3, 5]);
  });
});

describe('readLatest (a narrowed audit trail)', () => {
  const seqs = (events: StoredEvent[]) => events.map((e) => e.seq);
  const page = (from: number, to: number, nextBefore: number | null) => ({
    events: Array.from({ length: to - from + 1 }, (_, i) => event(from + i)),
    nextBefore,
  });

  it('starts a new filter at the latest page, reading back from its first event', () => {
    expect(readLatest(null, page(8, 10, 8))).toEqual({ events: page(8, 10, 8).events, before: 8 });
  });

  it('adds a refresh to what was read, earlier pages included, and keeps reading back', () => {
    const read = readLatest(null, page(3, 10, 3)).events;
    const withEarlier = mergeEvents(page(1, 2, null).events, read);
    const refreshed = readLatest(withEarlier, page(5, 12, 5));
    expect(seqs(refreshed.events)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(refreshed.before).toBeUndefined();
  });

  it('starts again from the newest page when more arrived than a page holds', () => {
    const read = readLatest(null, page(1, 10, null)).events;
    const refreshed = readLatest(read, page(20, 30, 20));
    expect(seqs(refreshed.events)).toEqual(seqs(page(20, 30, 20).events));
    expect(refreshed.before).toBe(20);
  });
});

describe('eventSubjects', () => {
  it('reads a mark: its expert, competitor, aspect and value', () => {
    const mark = event(7, 'mark.recorded', {
      mark: {
        expert: 'web-e2',
        competitor: 'web-04',
        aspect: 'B1.J1',
        value: { kind: 'judgement', score: 3 },
      },
    });
    expect(eventSubjects(mark)).toMatchObject({
      expert: 'web-e2',
      competitor: 'web-04',
      aspect: 'B1.J1',
      score: '3',
    });
  });

  it('reads a registration, an unlock reason and a panel', () => {
    expect(
      eventSubjects(event(1, 'competitor.registered', { competitor: { id: 'web-01' } })),
    ).toMatchObject({ competitor: 'web-01' });
    expect(
      eventSubjects(event(2, 'subCriterion.unlocked', { subCriterion: 'A1', reason: 'typo' })),
    ).toMatchObject({ subCriterion: 'A1', reason: 'typo' });
    expect(
      eventSubjects(event(3, 'panel.set', { subCriterion: 'A1', experts: ['e1', 'e2'] })),
    ).toMatchObject({ subCriterion: 'A1', experts: ['e1', 'e2'] });
  });

  it('reads the name a registration or a correction wrote, so the trail keeps the old one', () => {
    const registered = event(1, 'competitor.registered', {
      competitor: { id: 'web-01' },
      profile: { name: { last: 'Ахметов', first: 'Ержан' }, regionId: 'astana' },
    });
    const renamed = event(9, 'competitor.renamed', {
      competitor: 'web-01',
      name: { last: 'Ахметова', first: 'Айгерим', middle: 'Болатқызы' },
      reason: 'typo in the list',
    });
    expect(eventSubjects(registered)).toMatchObject({
      competitor: 'web-01',
      name: 'Ахметов Ержан',
    });
    expect(eventSubjects(renamed)).toMatchObject({
      competitor: 'web-01',
      name: 'Ахметова Айгерим Болатқызы',
      reason: 'typo in the list',
    });
  });
});

describe('formatTime', () => {
  it('prints Astana time as dd.mm.yyyy hh:mm:ss', () => {
    expect(formatTime('2026-03-11T11:13:09.000Z')).toBe('11.03.2026 16:13:09');
    expect(formatTime('2026-12-31T20:00:00Z')).toBe('01.01.2027 01:00:00');
  });

  it('leaves an unreadable time as it came', () => {
    expect(formatTime('soon')).toBe('soon');
  });
});

describe('audit filter', () => {
  it('sends only the filters set, with the page size', () => {
    expect(isFiltered(noFilter)).toBe(false);
    const filter = { ...noFilter, expert: 'web-e1', type: 'mark.recorded' };
    expect(isFiltered(filter)).toBe(true);
    expect(auditQuery(filter, 2000)).toBe('?expert=web-e1&type=mark.recorded&limit=2000');
  });
});

describe('names', () => {
  const scheme = {
    criteria: [
      {
        id: 'A',
        name: 'Design',
        maxMark: 10,
        subCriteria: [
          {
            id: 'A1',
            name: 'Layout',
            day: 1,
            aspects: [{ code: 'A1.M1', type: 'M', description: 'Header present' }],
          },
        ],
      },
    ],
  } as unknown as MarkingScheme;
  const roster = {
    scheme,
    experts: [{ id: 'e1', name: { last: 'Ахметов', first: 'Ерлан' } }],
    competitors: [{ id: 'c1', name: 'Сейтқали Аружан' }],
    colleges: [],
  } as unknown as Roster;
  const names = namesOf(roster);

  it('shows names where the roster has them and the id otherwise', () => {
    expect(names.expert('e1')).toBe('Ахметов Ерлан');
    expect(names.competitor('c1')).toBe('Сейтқали Аружан');
    expect(names.expert('e9')).toBe('e9');
    expect(names.aspect('A1.M1')?.description).toBe('Header present');
    expect(names.subCriterionName('A1')).toBe('Layout');
  });

  it('picks the user language of localized text, falling back to Russian', () => {
    expect(localized({ kk: 'Веб', ru: 'Веб-рус', en: 'Web' }, 'kk')).toBe('Веб');
    expect(localized({ ru: 'Веб-рус' }, 'en')).toBe('Веб-рус');
    expect(localized('plain', 'en')).toBe('plain');
  });
});

describe('resultsStatus and correctionLines', () => {
  const expertName = (id: string) => (id === 'chief' ? 'Қасымов Нұрислам' : id);

  it('says when the publication it rests on was made, in Almaty time', () => {
    expect(resultsStatus(overview({}))).toEqual({ key: 'app.stage.marking', params: {} });
    const published = { at: '2026-03-11T10:05:00.000Z', actor: 'organiser-1' };
    expect(resultsStatus(overview({ stage: 'corrected', published }))).toEqual({
      key: 'app.stage.corrected',
      params: { at: '11.03.2026 15:05' },
    });
  });

  it('lists the corrections newest first, with who unlocked and why', () => {
    const corrections = [
      { at: '2026-03-11T10:00:00.000Z', actor: 'chief', subCriterion: 'A1', reason: 'апелляция' },
      { at: '2026-03-11T11:00:00.000Z', actor: 'chief', subCriterion: 'B2', reason: 'опечатка' },
    ];
    const lines = correctionLines(overview({ corrections }), expertName);
    expect(lines.map((line) => line.subCriterion)).toEqual(['B2', 'A1']);
    expect(lines[1]).toEqual({
      at: '11.03.2026 15:00',
      subCriterion: 'A1',
      by: 'Қасымов Нұрислам',
      reason: 'апелляция',
    });
  });
});

describe('leanBars', () => {
  const judge = (mean: number, flag: 'lenient' | 'severe' | null, smallSample = false) => ({
    severity: { mean, spread: 0.3, n: 12 },
    flag,
    smallSample,
  });

  it('gives each judge its lean in the table’s order, a flag its own colour, a small sample faint', () => {
    expect(
      leanBars([
        judge(0.65, 'lenient'),
        judge(-0.69, 'severe'),
        judge(0.1, null),
        judge(0.9, null, true),
      ]),
    ).toEqual({
      values: [0.65, -0.69, 0.1, 0.9],
      tones: ['lenient', 'severe', 'inLine', 'smallSample'],
    });
  });
});
