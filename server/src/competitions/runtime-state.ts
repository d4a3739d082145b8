import {
  CompetitionProjection,
  emptyResultsRecord,
  followResults,
  getProfile,
  publicationBlockers,
  resultsStage,
  type PublicationBlocker,
  type ResultsStage,
  type ResultsRecord,
  type ApplyOutcome,
  type MarkingScheme,
  type PersonName,
  RescoreRequests,
  type RescoreRequest,
  rescoreRequestedSchema,
  type ProjectionSnapshot,
  type RulesProfile,
  type ScoringEvent,
  type ScoringEventType,
  scoringEventSchema,
  markEntrySchema,
  type MarkEntry,
} from '@ashyq/shared';
import { z } from 'zod';
import type { JsonValue } from '../events/canonical-json';
import { toJson } from '../store/json';
import type { EventDraft } from '../events/chain';
import type { Projection } from '../events/event-log';
import type { StoredEvent } from '../store/port';
import { TraineeBook, traineeMarkSchema, traineeScoredSchema, type TraineeMark } from './trainees';

/**
 * A competition's state as its log describes it: the scoring engine's projection, plus what the
 * server enforces around it and keeps in the same tamper-evident log because it decides which
 * marks count: the panel of each sub-criterion, the experts' declared conflicts, and each
 * competitor's public profile (name as last corrected, college, region; never the IIN).
 */
export interface RuntimeState {
  scoring: CompetitionProjection;
  /** Sub-criterion id -> expert ids allowed to mark it. */
  panels: Map<string, string[]>;
  /** Expert id -> competitor ids it declared a conflict of interest with. */
  conflicts: Map<string, Set<string>>;
  people: Map<string, PublicProfile>;
  /** The chief's open re-score requests and who still has to score again. */
  rescore: RescoreRequests;
  /** Trainees' scores: recorded and analysed, never scored (docs/judge-analytics.md). */
  trainees: TraineeBook;
  /** Publications and the unlocks after them: whether the results are final or corrected. */
  results: ResultsRecord;
  /** What the engine said about the last scoring event applied (acks read it). */
  lastOutcome: ApplyOutcome | null;
  /** Set by `competition.closed` (a demo exam session deleted): the log takes nothing more. */
  closed: CompetitionClosed | null;
  /**
   * Whether the log holds a mark (even one later superseded or withdrawn): from then on the
   * scheme and the rules profile are frozen (docs/scoring.md).
   */
  marked: boolean;
}

export interface CompetitionClosed {
  at: string;
  actor: string;
  reason: string;
}

export interface PublicProfile {
  name: PersonName;
  collegeId?: string;
  regionId: string;
}

/** Events only the server interprets; the engine ignores them. */
export const runtimeEventTypes = [
  'panel.set',
  'conflict.declared',
  'rescore.requested',
  'competitor.renamed',
  'competition.closed',
  // The calibration round (docs/judge-analytics.md): kept in the log, never scored.
  'calibration.opened',
  'calibration.recorded',
  'calibration.closed',
  // A trainee's score (docs/judge-analytics.md): kept beside the engine, never counted.
  'trainee.scored',
] as const;

/** The data of the server's own events, parsed when the log is replayed. */
export const panelSetSchema = z.object({ subCriterion: z.string(), experts: z.array(z.string()) });
export type PanelSet = z.infer<typeof panelSetSchema>;

export const conflictDeclaredSchema = z.object({ expert: z.string(), competitor: z.string() });
export type ConflictDeclared = z.infer<typeof conflictDeclaredSchema>;

/** Loose on the name's text: the event was checked when it was appended. */
const storedNameSchema = z.object({
  last: z.string(),
  first: z.string(),
  middle: z.string().optional(),
});

export const competitorRenamedSchema = z.object({
  competitor: z.string(),
  name: storedNameSchema,
  reason: z.string(),
});
export type CompetitorRenamed = { competitor: string; name: PersonName; reason: string };

const scoringTypes = new Set<string>([
  'competitor.registered',
  'competitor.status',
  'mark.recorded',
  'mark.superseded',
  'mark.withdrawn',
  'discrepancy.resolved',
  'subCriterion.locked',
  'subCriterion.unlocked',
  'subCriterion.signedOff',
  'results.published',
] satisfies ScoringEventType[]);

/** Every event type a competition's log holds, for the audit trail's filters. */
export const eventTypes = [...scoringTypes, ...runtimeEventTypes];

/** A scoring event ready to append, and the same event as the engine will see it. */
export interface CheckedDraft {
  draft: EventDraft;
  event: ScoringEvent;
}

/**
 * A scoring event to append, checked against the engine's event schema first so that replay can
 * trust the types. `data` may carry more than the engine reads (a registration's public profile).
 * The log stamps the real time on append; `at` here only completes the envelope for the check.
 */
export function scoringDraft(
  type: ScoringEventType,
  actor: string,
  data: Record<string, JsonValue>,
): CheckedDraft {
  const checked = scoringEventSchema.safeParse({
    ...data,
    type,
    actor,
    at: new Date().toISOString(),
  });
  if (!checked.success) throw new RangeError(`invalid ${type} event: ${checked.error.message}`);
  return { draft: { type, actor, data }, event: checked.data };
}

/**
 * A new mark's event, the one append a marking tablet makes hundreds of times a second. The
 * same guarantee as scoringDraft at a sixth of its cost: the mark is checked against the
 * event's own mark schema, the actor is the mark's expert (checked with it) and the log stamps
 * the time, so the whole event is valid without building it and parsing the union of event
 * types again.
 */
export function markRecordedDraft(mark: MarkEntry): EventDraft {
  const checked = markEntrySchema.safeParse(mark);
  if (!checked.success) {
    throw new RangeError(`invalid mark.recorded event: ${checked.error.message}`);
  }
  return { type: 'mark.recorded', actor: mark.expert, data: { mark: toJson(mark) } };
}

/** The stored event as the engine takes it; validated before it was appended. */
export function asScoringEvent(event: StoredEvent): ScoringEvent | undefined {
  // The event of nearly every append, built field by field: spreading data objects of every
  // event type's shape made the copy a slow, shape-generic one.
  if (event.type === 'mark.recorded') {
    const { mark } = event.data as { mark: MarkEntry };
    return { type: 'mark.recorded', at: event.at, actor: event.actor, mark };
  }
  if (!scoringTypes.has(event.type)) return undefined;
  return {
    ...(event.data as object),
    type: event.type,
    at: event.at,
    actor: event.actor,
  } as ScoringEvent;
}

interface RuntimeSnapshot {
  scoring: ProjectionSnapshot;
  panels: [string, string[]][];
  conflicts: [string, string[]][];
  people: [string, PublicProfile][];
  rescore: RescoreRequest[];
  trainees?: TraineeMark[];
  results?: ResultsRecord;
  closed: CompetitionClosed | null;
  marked: boolean;
}

/**
 * A kept snapshot read back. The log checked its content hash before handing it over; this
 * checks its shape, and CompetitionProjection.restore parses the scoring part itself.
 */
const runtimeSnapshotSchema = z.object({
  scoring: z.unknown(),
  panels: z.array(z.tuple([z.string(), z.array(z.string())])),
  conflicts: z.array(z.tuple([z.string(), z.array(z.string())])),
  people: z.array(
    z.tuple([
      z.string(),
      z.object({
        name: storedNameSchema,
        collegeId: z.string().optional(),
        regionId: z.string(),
      }),
    ]),
  ),
  rescore: z.array(
    z.object({
      competitor: z.string(),
      aspect: z.string(),
      subCriterion: z.string(),
      at: z.string(),
      actor: z.string(),
      reason: z.string().nullable(),
      pending: z.array(z.string()),
    }),
  ),
  trainees: z.array(traineeMarkSchema).optional(),
  results: z
    .object({
      published: z.object({ at: z.string(), actor: z.string() }).nullable(),
      firstPublishedAt: z.string().nullable(),
      corrections: z.array(
        z.object({
          at: z.string(),
          actor: z.string(),
          subCriterion: z.string(),
          reason: z.string(),
        }),
      ),
    })
    .optional(),
  closed: z.object({ at: z.string(), actor: z.string(), reason: z.string() }).nullable(),
  marked: z.boolean(),
});

export interface RuntimeSetup {
  scheme: MarkingScheme;
  profile: RulesProfile;
  schemeVersion: number;
  judgesPerAspect?: number;
}

/** The projection the competition's LiveProjection keeps; its name pins the scheme version. */
export function runtimeProjection(setup: RuntimeSetup): Projection<RuntimeState> {
  const { scheme, profile, judgesPerAspect } = setup;
  // The snapshot thread builds the same projection from plain data: a profile of the registry
  // by its id (a profile made up elsewhere, as tests do, keeps its snapshots on this thread).
  const threadSetup: ThreadSetup = {
    scheme,
    profileId: profile.id,
    schemeVersion: setup.schemeVersion,
    judgesPerAspect,
  };
  return {
    // The version changes with the state's shape: a snapshot of an older shape is not restored.
    name: `competition-runtime@6/${profile.id}/scheme-${setup.schemeVersion}`,
    recipe:
      getProfile(profile.id) === profile
        ? { module: import.meta.url, name: 'threadRuntimeProjection', args: [threadSetup] }
        : undefined,
    initial: () => ({
      scoring: CompetitionProjection.create({ scheme, profile, competitors: [], judgesPerAspect }),
      panels: new Map(),
      conflicts: new Map(),
      people: new Map(),
      rescore: new RescoreRequests(),
      trainees: new TraineeBook(),
      results: emptyResultsRecord(),
      lastOutcome: null,
      closed: null,
      marked: false,
    }),
    apply(state, event) {
      if (event.type === 'mark.recorded') state.marked = true;
      const scoringEvent = asScoringEvent(event);
      if (scoringEvent) {
        state.lastOutcome = state.scoring.apply(scoringEvent);
        if (state.lastOutcome.ok && !state.lastOutcome.duplicate) {
          // A publication stored before the rule (every sub-criterion locked and signed off) does
          // not stand: the log keeps it, the results stay provisional and marking can go on.
          if (scoringEvent.type !== 'results.published' || blockersOf(state).length === 0) {
            state.results = followResults(state.results, event);
          }
          state.rescore.follow(
            scoringEvent,
            (competitor, aspect) =>
              state.scoring.aspectState(competitor, aspect)?.discrepancy === 'open',
          );
        }
        if (state.lastOutcome.ok && scoringEvent.type === 'competitor.registered') {
          const { profile: person } = event.data as { profile?: PublicProfile };
          if (person) state.people.set(scoringEvent.competitor.id, person);
        }
        return state;
      }
      if (event.type === 'panel.set') {
        const { subCriterion, experts } = panelSetSchema.parse(event.data);
        state.panels.set(subCriterion, [...experts]);
      } else if (event.type === 'conflict.declared') {
        const { expert, competitor } = conflictDeclaredSchema.parse(event.data);
        const declared = state.conflicts.get(expert) ?? new Set<string>();
        declared.add(competitor);
        state.conflicts.set(expert, declared);
      } else if (event.type === 'rescore.requested') {
        const request = rescoreRequestedSchema.parse(event.data);
        const aspect = state.scoring.index.aspectByCode.get(request.aspect)!;
        const subCriterion = state.scoring.index.subCriteria[aspect.subCriterion]!.id;
        state.rescore.requested(request, subCriterion, event);
      } else if (event.type === 'trainee.scored') {
        const { mark } = traineeScoredSchema.parse(event.data);
        state.trainees.add({ ...mark, trainee: event.actor, at: event.at });
      } else if (event.type === 'competition.closed') {
        const { reason } = event.data as { reason: string };
        state.closed ??= { at: event.at, actor: event.actor, reason };
      } else if (event.type === 'competitor.renamed') {
        const { competitor, name } = competitorRenamedSchema.parse(event.data);
        const person = state.people.get(competitor);
        if (person) state.people.set(competitor, { ...person, name });
      }
      return state;
    },
    toSnapshot(state): JsonValue {
      const snapshot: RuntimeSnapshot = {
        scoring: state.scoring.snapshot(),
        panels: [...state.panels],
        conflicts: [...state.conflicts].map(([expert, set]) => [expert, [...set]]),
        people: [...state.people],
        rescore: state.rescore.list(),
        trainees: state.trainees.list(),
        results: state.results,
        closed: state.closed,
        marked: state.marked,
      };
      return toJson(snapshot);
    },
    fromSnapshot(json) {
      const snapshot = runtimeSnapshotSchema.parse(json);
      return {
        scoring: CompetitionProjection.restore({ scheme, profile }, snapshot.scoring),
        panels: new Map(snapshot.panels),
        conflicts: new Map(snapshot.conflicts.map(([expert, ids]) => [expert, new Set(ids)])),
        people: new Map(snapshot.people),
        rescore: new RescoreRequests(snapshot.rescore),
        trainees: new TraineeBook(snapshot.trainees),
        results: snapshot.results ?? emptyResultsRecord(),
        lastOutcome: null,
        closed: snapshot.closed,
        marked: snapshot.marked,
      };
    },
  };
}

/** A RuntimeSetup as plain data: the rules profile named by its id. */
interface ThreadSetup extends Omit<RuntimeSetup, 'profile'> {
  profileId: string;
}

/** runtimeProjection on the snapshot thread (its recipe). */
export function threadRuntimeProjection(setup: ThreadSetup): Projection<RuntimeState> {
  const profile = getProfile(setup.profileId);
  if (!profile) throw new Error(`No rules profile ${setup.profileId}`);
  return runtimeProjection({ ...setup, profile });
}

/** What still keeps the competition's results from being published (empty when nothing). */
export function blockersOf(state: RuntimeState): PublicationBlocker[] {
  return publicationBlockers(state.scoring.lockState(), state.panels);
}

/** Where the competition's results stand in their lifecycle. */
export function stageOfResults(state: RuntimeState): ResultsStage {
  return resultsStage(state.results, blockersOf(state).length);
}
