import {
  almatyStamp,
  fullName,
  personNameSchema,
  type Aspect,
  type JudgeFigures,
  type PersonName,
  type ProgressCell,
} from '@ashyq/shared';
import type { EventPage, Overview, Roster, StoredEvent } from './types';

/** A person's name as the roster gives it: already joined, or in parts. */
export function personName(name: string | PersonName | undefined): string | undefined {
  if (name === undefined) return undefined;
  return typeof name === 'string' ? name : fullName(name);
}

/** The names behind the ids the overview and the log use; an unknown id shows as itself. */
export interface Names {
  expert: (id: string) => string;
  competitor: (id: string) => string;
  aspect: (code: string) => Aspect | undefined;
  subCriterionName: (id: string) => string;
}

export function namesOf(roster: Roster): Names {
  const experts = new Map(roster.experts.map((e) => [e.id, personName(e.name) ?? e.id]));
  const competitors = new Map(roster.competitors.map((c) => [c.id, personName(c.name) ?? c.id]));
  const aspects = new Map<string, Aspect>();
  const subCriteria = new Map<string, string>();
  for (const criterion of roster.scheme.criteria) {
    for (const sub of criterion.subCriteria) {
      subCriteria.set(sub.id, sub.name);
      for (const aspect of sub.aspects) aspects.set(aspect.code, aspect);
    }
  }
  return {
    expert: (id) => experts.get(id) ?? id,
    competitor: (id) => competitors.get(id) ?? id,
    aspect: (code) => aspects.get(code),
    subCriterionName: (id) => subCriteria.get(id) ?? '',
  };
}

/**
 * Whole percent marked, rounded down so that "100 %" only ever means complete; nothing required
 * (every competitor absent) counts as complete.
 */
export function percentMarked(marked: number, required: number): number {
  if (required <= 0) return 100;
  return Math.floor((100 * Math.min(marked, required)) / required);
}

export type CellState = 'empty' | 'partial' | 'complete' | 'none';

export function cellState(cell: Pick<ProgressCell, 'marked' | 'required'> | undefined): CellState {
  if (!cell || cell.required === 0) return 'none';
  if (cell.marked >= cell.required) return 'complete';
  return cell.marked === 0 ? 'empty' : 'partial';
}

/** The matrix as rows of competitors by sub-criterion id; cells missing from the overview are undefined. */
export function matrixByCompetitor(overview: Overview): Map<string, Map<string, ProgressCell>> {
  const rows = new Map<string, Map<string, ProgressCell>>();
  for (const cell of overview.matrix) {
    let row = rows.get(cell.competitor);
    if (!row) rows.set(cell.competitor, (row = new Map()));
    row.set(cell.subCriterion, cell);
  }
  return rows;
}

/** The experts of a sub-criterion's marking team who have not signed off its lock yet. */
export function pendingSignOffs(overview: Overview, subCriterion: string): string[] {
  const lock = overview.locks.find((candidate) => candidate.subCriterion === subCriterion);
  if (!lock?.locked) return [];
  const signed = new Set(lock.signOffs.map((signOff) => signOff.expert));
  return (overview.panels[subCriterion] ?? []).filter((expert) => !signed.has(expert));
}

/** One thing that keeps a sub-criterion from locking, as a refused lock lists it. */
export interface Blocker {
  reason: string;
  competitor: string;
  aspect: string;
}

/**
 * The blockers in a refused lock's error details: after the summary line, each detail's path is
 * `competitor.aspect` (aspect codes hold a dot, competitor ids do not) and its code the reason.
 */
export function blockersFromDetails(
  details: readonly { path: string; code?: string }[],
): Blocker[] {
  const blockers: Blocker[] = [];
  for (const detail of details) {
    const dot = detail.path.indexOf('.');
    if (dot <= 0 || !detail.code) continue;
    blockers.push({
      reason: detail.code,
      competitor: detail.path.slice(0, dot),
      aspect: detail.path.slice(dot + 1),
    });
  }
  return blockers;
}

/** Blockers grouped by competitor, in the order they first appear, for a short readable list. */
export function groupBlockers(blockers: readonly Blocker[]): [string, Blocker[]][] {
  const groups = new Map<string, Blocker[]>();
  for (const blocker of blockers) {
    const group = groups.get(blocker.competitor) ?? [];
    group.push(blocker);
    groups.set(blocker.competitor, group);
  }
  return [...groups];
}

/**
 * Adds pushed events to those held: in seq order, each once, so a catch-up overlapping what the
 * console already has (a reconnect, a page fetched while a push was on its way) repeats nothing.
 */
export function mergeEvents(
  held: readonly StoredEvent[],
  incoming: readonly StoredEvent[],
): StoredEvent[] {
  const last = held.at(-1)?.seq ?? 0;
  const inOrderAfter = incoming.every((e, i) => e.seq > (i === 0 ? last : incoming[i - 1]!.seq));
  if (inOrderAfter) return [...held, ...incoming];
  const bySeq = new Map(held.map((event) => [event.seq, event]));
  for (const event of incoming) bySeq.set(event.seq, event);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** What an audit row says an event is about; ids only, the view turns them into names. */
export interface EventSubjects {
  expert?: string;
  competitor?: string;
  /** The competitor's name as the event wrote it: at registration, or a correction. */
  name?: string;
  aspect?: string;
  subCriterion?: string;
  reason?: string;
  status?: string;
  score?: string;
  experts?: string[];
}

/** An event's payload as named fields: the log keeps any JSON, the known events carry objects. */
function eventFields(data: unknown): Readonly<Record<string, unknown>> {
  const isObject = typeof data === 'object' && data !== null && !Array.isArray(data);
  return isObject ? Object.fromEntries(Object.entries(data)) : {};
}

export function eventSubjects(event: StoredEvent): EventSubjects {
  const data = eventFields(event.data);
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const mark = data.mark as
    { expert?: string; competitor?: string; aspect?: string; value?: unknown } | undefined;
  const competitor =
    text(data.competitor) ?? text((data.competitor as { id?: unknown } | undefined)?.id);
  const profile = data.profile as { name?: unknown } | undefined;
  return {
    expert: mark?.expert ?? text(data.expert),
    competitor: mark?.competitor ?? competitor,
    name: nameText(data.name) ?? nameText(profile?.name),
    aspect: mark?.aspect ?? text(data.aspect),
    subCriterion: text(data.subCriterion),
    reason: text(data.reason),
    status: text(data.status),
    score: mark ? markValueText(mark.value) : undefined,
    experts: Array.isArray(data.experts)
      ? data.experts.filter((id): id is string => typeof id === 'string')
      : undefined,
  };
}

function nameText(value: unknown): string | undefined {
  const parsed = personNameSchema.safeParse(value);
  return parsed.success ? fullName(parsed.data) : undefined;
}

/** A mark's value in a few characters: a judgement score, a measured value, a choice. */
function markValueText(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.score === 'number') return String(v.score);
  if (typeof v.achieved === 'boolean') return v.achieved ? '✓' : '✗';
  if (typeof v.measured === 'number') return String(v.measured);
  if (typeof v.option === 'string' || typeof v.option === 'number') return String(v.option);
  return undefined;
}

/** A log time as people in Kazakhstan read it: Asia/Almaty, dd.mm.yyyy hh:mm:ss. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Almaty',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.day}.${parts.month}.${parts.year} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** Audit trail filters as the server's `GET .../events` query takes them; empty means any. */
export interface AuditFilter {
  expert: string;
  aspect: string;
  competitor: string;
  type: string;
}

export const noFilter: AuditFilter = { expert: '', aspect: '', competitor: '', type: '' };

export function isFiltered(filter: AuditFilter): boolean {
  return Object.values(filter).some((value) => value !== '');
}

/** What a narrowed audit trail has read (in log order, each event once) and where to read on. */
export interface ReadEvents {
  events: StoredEvent[];
  /** Set when reading back must start again from this page. */
  before?: number | null;
}

/**
 * A narrowed audit trail's read of the latest page, for a new filter (`read` null) or a
 * refresh: a refresh adds the newest matches to what was read, unless more arrived than a page
 * holds and left a gap, when reading back starts again from the newest page.
 */
export function readLatest(read: readonly StoredEvent[] | null, page: EventPage): ReadEvents {
  const newestRead = read?.at(-1)?.seq ?? 0;
  const joins =
    read !== null && (page.nextBefore === null || (page.events[0]?.seq ?? 0) <= newestRead);
  if (!joins) return { events: page.events, before: page.nextBefore };
  return { events: mergeEvents(read, page.events) };
}

export function auditQuery(filter: AuditFilter, limit: number): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) query.set(key, value);
  query.set('limit', String(limit));
  return `?${query.toString()}`;
}

/**
 * The results' stage as the console's header words it (a key of the chief namespace and its
 * parameters): the chief sees that a publication stands, or that an unlock reopened it.
 */
export function resultsStatus(overview: Pick<Overview, 'stage' | 'published'>): {
  key: string;
  params: { at?: string };
} {
  const at = overview.published ? almatyStamp(overview.published.at) : undefined;
  return { key: `app.stage.${overview.stage}`, params: at ? { at } : {} };
}

/** The corrections after publication, newest first, as the console lists them. */
export function correctionLines(
  overview: Pick<Overview, 'corrections'>,
  expertName: (id: string) => string,
) {
  return [...overview.corrections].reverse().map((correction) => ({
    at: almatyStamp(correction.at),
    subCriterion: correction.subCriterion,
    by: expertName(correction.actor),
    reason: correction.reason,
  }));
}

/** The colour a judge's bar takes: a flag stands out, a small sample is faint. */
export type LeanTone = 'lenient' | 'severe' | 'inLine' | 'smallSample';

/**
 * The judges' lean as the Judges tab charts it: one bar a judge, in the table's order, the mean
 * signed distance from the other judges (docs/judge-analytics.md), and the bar's tone.
 */
export function leanBars(
  judges: readonly Pick<JudgeFigures, 'flag' | 'smallSample' | 'severity'>[],
): { values: number[]; tones: LeanTone[] } {
  return {
    values: judges.map((judge) => judge.severity.mean),
    tones: judges.map((judge) => (judge.smallSample ? 'smallSample' : (judge.flag ?? 'inLine'))),
  };
}
