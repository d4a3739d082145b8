import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { RulesProfile } from '../profiles/profile';
import { listProfiles } from '../profiles/registry';
import type { CompetitorEntry, ScoringEvent } from './events';
import { sampleScheme } from './fixtures';
import type { MarkEntry, MarkValue } from './marks';
import { CompetitionProjection as ReferenceProjection } from './oracle/projection';
import { CompetitionProjection } from './projection';
import { indexScheme } from './scheme-index';
import { schemeMaxima } from './totals';

/**
 * Properties docs/scoring.md asks of the engine, over random logs on the sample scheme: small id
 * pools make resends, reused ids, corrections of missing marks and locks on unmarked
 * sub-criteria common, so refused events are exercised as much as accepted ones.
 */
const scheme = sampleScheme();
const index = indexScheme(scheme);
const maxima = schemeMaxima(scheme);
const at = '2026-05-14T10:00:00+05:00';
const competitors: CompetitorEntry[] = [
  { id: 'c0', guest: false },
  { id: 'c1', guest: false },
  { id: 'c2', guest: true },
  { id: 'c3', guest: false, status: 'absent' },
];
const competitorIds = ['c0', 'c1', 'c2', 'c3', 'c4'];
const markIdOf = (n: number) => `mk_${String(n).padStart(8, '0')}`;
const subCriteria = index.subCriteria.map((s) => s.id);

const markIdArb = fc.integer({ min: 0, max: 60 }).map(markIdOf);
const aspectArb = fc.constantFrom(...index.aspects);

function valueArb(kind: MarkValue['kind']): fc.Arbitrary<MarkValue> {
  switch (kind) {
    case 'judgement':
      return fc.integer({ min: 0, max: 3 }).map((score) => ({ kind, score }));
    case 'binary':
      return fc.boolean().map((achieved) => ({ kind, achieved }));
    case 'deduction':
      return fc.integer({ min: 9000, max: 10000 }).map((n) => ({ kind, measured: n / 10 }));
    case 'choice':
      return fc.integer({ min: 0, max: 3 }).map((option) => ({ kind, option }));
  }
}

const markArb: fc.Arbitrary<MarkEntry> = aspectArb.chain((aspect) =>
  fc.record({
    id: markIdArb,
    competitor: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('c0', 'c1', 'c2') },
      fc.constantFrom(...competitorIds),
    ),
    aspect: fc.constant(aspect.code),
    expert: fc.constantFrom('e1', 'e2', 'e3', 'e4'),
    value: fc.oneof(
      { weight: 9, arbitrary: valueArb(aspect.kind) },
      { weight: 1, arbitrary: valueArb('binary') },
    ),
  }),
);

const reasonArb = fc.constantFrom('typo', 'appeal');
const subArb = fc.constantFrom(...subCriteria);

/** The slots of a fully marked start: every active competitor, aspect and judge. */
const startSlots = ['c0', 'c1', 'c2'].flatMap((competitor) =>
  index.aspects.flatMap((aspect) =>
    (aspect.kind === 'judgement' ? ['e1', 'e2', 'e3'] : ['e1']).map((expert) => ({
      competitor,
      aspect,
      expert,
    })),
  ),
);

/**
 * Most logs start with every active competitor fully marked (ids 0..29, which later events
 * reuse), so that locks succeed and corrections find their marks; the rest start empty.
 */
const fullyMarkedArb: fc.Arbitrary<ScoringEvent[]> = fc
  .tuple(...startSlots.map((slot) => valueArb(slot.aspect.kind)))
  .map((values) =>
    startSlots.map(({ competitor, aspect, expert }, n) => ({
      type: 'mark.recorded' as const,
      at,
      actor: expert,
      mark: { id: markIdOf(n), competitor, aspect: aspect.code, expert, value: values[n]! },
    })),
  );

/** A correction aimed at a mark of the fully marked start, in its own place. */
const correctionArb: fc.Arbitrary<ScoringEvent> = fc
  .integer({ min: 0, max: startSlots.length - 1 })
  .chain((n) =>
    fc
      .record({ id: markIdArb, value: valueArb(startSlots[n]!.aspect.kind), reason: reasonArb })
      .map(({ id, value, reason }) => {
        const { competitor, aspect, expert } = startSlots[n]!;
        const mark = { id, competitor, aspect: aspect.code, expert, value };
        return {
          type: 'mark.superseded' as const,
          at,
          actor: 'chief',
          markId: markIdOf(n),
          mark,
          reason,
        };
      }),
  );

const eventArb: fc.Arbitrary<ScoringEvent> = fc.oneof(
  {
    weight: 12,
    arbitrary: markArb.map((mark) => ({
      type: 'mark.recorded' as const,
      at,
      actor: mark.expert,
      mark,
    })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ markId: markIdArb, mark: markArb, reason: reasonArb })
      .map((e) => ({ type: 'mark.superseded' as const, at, actor: 'chief', ...e })),
  },
  { weight: 2, arbitrary: correctionArb },
  {
    weight: 1,
    arbitrary: fc
      .record({ markId: markIdArb, reason: reasonArb })
      .map((e) => ({ type: 'mark.withdrawn' as const, at, actor: 'chief', ...e })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({
        competitor: fc.constantFrom(...competitorIds),
        aspect: fc.constantFrom('A1.J1', 'B1.J1'),
        reason: reasonArb,
      })
      .map((e) => ({ type: 'discrepancy.resolved' as const, at, actor: 'chief', ...e })),
  },
  {
    weight: 3,
    arbitrary: subArb.map((subCriterion) => ({
      type: 'subCriterion.locked' as const,
      at,
      actor: 'chief',
      subCriterion,
    })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ subCriterion: subArb, reason: reasonArb })
      .map((e) => ({ type: 'subCriterion.unlocked' as const, at, actor: 'chief', ...e })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ subCriterion: subArb, expert: fc.constantFrom('e1', 'e2') })
      .map((e) => ({ type: 'subCriterion.signedOff' as const, at, actor: e.expert, ...e })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({
        competitor: fc.constantFrom(...competitorIds),
        status: fc.constantFrom('active' as const, 'absent' as const, 'withdrawn' as const),
      })
      .map((e) => ({ type: 'competitor.status' as const, at, actor: 'chief', ...e })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ id: fc.constantFrom('c4', 'c5'), guest: fc.boolean() })
      .map((competitor) => ({
        type: 'competitor.registered' as const,
        at,
        actor: 'organiser',
        competitor,
      })),
  },
  { weight: 1, arbitrary: fc.constant({ type: 'results.published' as const, at, actor: 'chief' }) },
);

const profileArb = fc.constantFrom(...listProfiles());
const logArb = fc
  .tuple(
    fc.oneof(fullyMarkedArb, fc.constant([])),
    fc.array(eventArb, { minLength: 20, maxLength: 120 }),
  )
  .map(([start, rest]) => [...start, ...rest]);

function observable(p: CompetitionProjection) {
  return {
    snapshot: p.snapshot(),
    results: p.results(),
    progress: p.progress(),
    discrepancies: p.openDiscrepancies(),
    locks: p.lockState(),
  };
}

function lockedMarks(p: CompetitionProjection): Map<string, unknown> {
  const frozen = new Map<string, unknown>();
  for (const lock of p.lockState()) {
    if (!lock.locked) continue;
    const sub = index.subCriterionById.get(lock.subCriterion)!;
    const codes = index.aspects.slice(sub.firstAspect, sub.endAspect).map((a) => a.code);
    frozen.set(
      lock.subCriterion,
      p
        .results()
        .sort((a, b) => a.competitor.localeCompare(b.competitor))
        .map((r) => [
          r.competitor,
          r.subCriteria[lock.subCriterion],
          codes.map((code) => p.aspectState(r.competitor, code)!.current),
        ]),
    );
  }
  return frozen;
}

/** Scores of a discrepancy listed by judge: arrival order is the one thing that may differ. */
const byExpert = (open: ReturnType<CompetitionProjection['openDiscrepancies']>) =>
  open.map((d) => ({
    ...d,
    scores: [...d.scores].sort((a, b) => a.expert.localeCompare(b.expert)),
  }));

describe('projection properties', () => {
  it('replaying the log, or restoring a snapshot, gives the state built event by event', () => {
    fc.assert(
      fc.property(profileArb, logArb, (profile, events) => {
        const live = CompetitionProjection.create({ scheme, profile, competitors });
        for (const event of events) live.apply(event);
        const replayed = CompetitionProjection.recompute({ scheme, profile, competitors }, events);
        expect(observable(replayed)).toStrictEqual(observable(live));
        const restored = CompetitionProjection.restore(
          { scheme, profile },
          JSON.parse(JSON.stringify(live.snapshot())),
        );
        expect(observable(restored)).toEqual(observable(live));
      }),
      { numRuns: 150 },
    );
  });

  it('answers every event, query and snapshot exactly as the reference engine does', () => {
    const everything = (p: CompetitionProjection | ReferenceProjection) => ({
      ...observable(p as CompetitionProjection),
      rows: p.rankingRows(),
      scale: p.scaleInfo(),
      matrix: p.progressMatrix(),
      version: p.version,
      published: p.published,
      blockers: subCriteria.map((sub) => p.lockBlockers(sub)),
      cells: competitorIds.flatMap((c) => index.aspects.map((a) => p.aspectState(c, a.code))),
      marks: Array.from({ length: 61 }, (_, n) => p.markById(markIdOf(n))),
    });
    fc.assert(
      fc.property(profileArb, logArb, (profile, events) => {
        const live = CompetitionProjection.create({ scheme, profile, competitors });
        const reference = ReferenceProjection.create({ scheme, profile, competitors });
        for (const event of events) {
          expect(live.check(event)).toStrictEqual(reference.check(event));
          expect(live.apply(event)).toStrictEqual(reference.apply(event));
        }
        expect(everything(live)).toStrictEqual(everything(reference));
        const replayed = CompetitionProjection.recompute({ scheme, profile, competitors }, events);
        const referenceReplay = ReferenceProjection.recompute(
          { scheme, profile, competitors },
          events,
        );
        expect(everything(replayed)).toStrictEqual(everything(referenceReplay));
        expect(everything(replayed)).toStrictEqual(everything(live));
      }),
      { numRuns: 150 },
    );
  });

  it('keeps every aspect mark within [0, max] and no total above the scheme maxima', () => {
    fc.assert(
      fc.property(profileArb, logArb, (profile, events) => {
        const p = CompetitionProjection.recompute({ scheme, profile, competitors }, events);
        for (const result of p.results()) {
          for (const aspect of index.aspects) {
            const mark = result.aspects[aspect.code];
            if (mark === null) continue;
            expect(mark).toBeGreaterThanOrEqual(0);
            expect(mark).toBeLessThanOrEqual(aspect.aspect.maxMark);
          }
          for (const [id, value] of Object.entries(result.subCriteria))
            expect(value).toBeLessThanOrEqual(maxima.subCriteria[id]!);
          for (const [id, value] of Object.entries(result.criteria))
            expect(value).toBeLessThanOrEqual(maxima.criteria[id]!);
          expect(result.total).toBeLessThanOrEqual(maxima.total);
          expect(result.percent).toBeLessThanOrEqual(100);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('ranks consistently with rounded totals: ties share, unranked take no place', () => {
    fc.assert(
      fc.property(profileArb, logArb, (profile, events) => {
        const rows = CompetitionProjection.recompute(
          { scheme, profile, competitors },
          events,
        ).rankingRows();
        const ranked = rows.filter((r) => r.status === 'active' && !r.guest);
        for (const row of rows) {
          if (row.status !== 'active' || row.guest) {
            expect(row.position).toBeNull();
            expect(row.medal).toBeNull();
            expect(row.medallion).toBe(false);
            continue;
          }
          expect(row.position).toBe(1 + ranked.filter((r) => r.total > row.total).length);
        }
        const active = rows.filter((r) => r.status === 'active');
        for (let i = 1; i < active.length; i++)
          expect(active[i - 1]!.total).toBeGreaterThanOrEqual(active[i]!.total);
        expect(rows.slice(active.length).every((r) => r.status !== 'active')).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('never changes a locked sub-criterion', () => {
    fc.assert(
      fc.property(profileArb, logArb, (profile, events) => {
        const p = CompetitionProjection.create({ scheme, profile, competitors });
        for (const event of events) {
          const before = lockedMarks(p);
          p.apply(event);
          const after = lockedMarks(p);
          for (const [sub, marks] of before)
            if (after.has(sub)) expect(after.get(sub)).toEqual(marks);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same results whatever order independent marks arrive in', () => {
    const slot = fc.record({
      competitor: fc.constantFrom('c0', 'c1', 'c2'),
      aspect: aspectArb,
      expert: fc.constantFrom('e1', 'e2', 'e3'),
    });
    const marksArb = fc
      .uniqueArray(slot, {
        maxLength: 40,
        selector: (s) =>
          `${s.competitor}|${s.aspect.code}|${s.aspect.kind === 'judgement' ? s.expert : ''}`,
      })
      .chain((slots) =>
        fc.tuple(...slots.map((s) => valueArb(s.aspect.kind))).map((values) =>
          slots.map((s, i): ScoringEvent => ({
            type: 'mark.recorded',
            at,
            actor: s.expert,
            mark: {
              id: `mk_${String(i).padStart(8, '0')}`,
              competitor: s.competitor,
              aspect: s.aspect.code,
              expert: s.expert,
              value: values[i]!,
            },
          })),
        ),
      );
    const results = (profile: RulesProfile, events: ScoringEvent[]) => {
      const p = CompetitionProjection.create({ scheme, profile, competitors });
      for (const event of events) p.apply(event);
      return { results: p.results(), progress: p.progress(), discrepancies: p.openDiscrepancies() };
    };
    fc.assert(
      fc.property(
        profileArb,
        marksArb.chain((events) =>
          fc.tuple(
            fc.constant(events),
            fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
          ),
        ),
        (profile, [events, shuffled]) => {
          const inOrder = results(profile, events);
          const reordered = results(profile, shuffled);
          expect(reordered.results).toStrictEqual(inOrder.results);
          expect(reordered.progress).toStrictEqual(inOrder.progress);
          expect(byExpert(reordered.discrepancies)).toEqual(byExpert(inOrder.discrepancies));
        },
      ),
      { numRuns: 150 },
    );
  });
});
