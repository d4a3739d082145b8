import type { LockState } from '../scoring/views';
import type { Board, BoardLabel, ResultsStage } from './types';

/** What the log says about publication: every publication and every unlock after the first. */
export interface ResultsRecord {
  /** The latest publication, while it still stands (null while marking or correcting). */
  published: { at: string; actor: string } | null;
  /** The first publication, kept through corrections. */
  firstPublishedAt: string | null;
  /** Unlocks after the first publication, with the chief's reason, oldest first. */
  corrections: { at: string; actor: string; subCriterion: string; reason: string }[];
}

export const emptyResultsRecord = (): ResultsRecord => ({
  published: null,
  firstPublishedAt: null,
  corrections: [],
});

/** The record after one accepted event of the competition's log; other events change nothing. */
export function followResults(
  record: ResultsRecord,
  event: { type: string; at: string; actor: string; data?: unknown },
): ResultsRecord {
  if (event.type === 'results.published') {
    return {
      ...record,
      published: { at: event.at, actor: event.actor },
      firstPublishedAt: record.firstPublishedAt ?? event.at,
    };
  }
  if (event.type === 'subCriterion.unlocked' && record.firstPublishedAt !== null) {
    const { subCriterion, reason } = (event.data ?? {}) as {
      subCriterion?: string;
      reason?: string;
    };
    return {
      ...record,
      published: null,
      corrections: [
        ...record.corrections,
        {
          at: event.at,
          actor: event.actor,
          subCriterion: subCriterion ?? '',
          reason: reason ?? '',
        },
      ],
    };
  }
  return record;
}

/** Why the results cannot be published yet: one entry per sub-criterion and what it lacks. */
export type PublicationBlocker =
  | { reason: 'not_locked'; subCriterion: string }
  | { reason: 'sign_off_missing'; subCriterion: string; expert: string };

/**
 * What keeps the results from being published, in scheme order: every sub-criterion must be
 * locked and signed off by every expert on its panel (at least one sign-off where no panel is set).
 */
export function publicationBlockers(
  locks: readonly Pick<LockState, 'subCriterion' | 'locked' | 'signOffs'>[],
  panels: ReadonlyMap<string, readonly string[]>,
): PublicationBlocker[] {
  return locks.flatMap((lock): PublicationBlocker[] => {
    if (!lock.locked) return [{ reason: 'not_locked', subCriterion: lock.subCriterion }];
    const signed = new Set(lock.signOffs.map((signOff) => signOff.expert));
    const panel = panels.get(lock.subCriterion) ?? [];
    if (panel.length === 0 && signed.size === 0) {
      return [{ reason: 'sign_off_missing', subCriterion: lock.subCriterion, expert: '' }];
    }
    return panel
      .filter((expert) => !signed.has(expert))
      .map((expert) => ({ reason: 'sign_off_missing', subCriterion: lock.subCriterion, expert }));
  });
}

/**
 * The blockers as a person reads them: one line per sub-criterion, not locked, or locked and
 * missing this many sign-offs, in scheme order.
 */
export function blockersBySubCriterion(
  blockers: readonly PublicationBlocker[],
): { subCriterion: string; notLocked: boolean; signOffsMissing: number }[] {
  const lines = new Map<
    string,
    { subCriterion: string; notLocked: boolean; signOffsMissing: number }
  >();
  for (const blocker of blockers) {
    const line = lines.get(blocker.subCriterion) ?? {
      subCriterion: blocker.subCriterion,
      notLocked: false,
      signOffsMissing: 0,
    };
    if (blocker.reason === 'not_locked') line.notLocked = true;
    else line.signOffsMissing += 1;
    lines.set(blocker.subCriterion, line);
  }
  return [...lines.values()];
}

/** Where the results stand, from the log's record and whether anything still blocks publishing. */
export function resultsStage(record: ResultsRecord, blockers: number): ResultsStage {
  if (record.published) return record.corrections.length > 0 ? 'corrected' : 'final';
  if (record.firstPublishedAt !== null) return 'correcting';
  return blockers === 0 ? 'locked' : 'marking';
}

/** Final results: published and not reopened since. Only these show medals and count in tables. */
export function isFinal(stage: ResultsStage): boolean {
  return stage === 'final' || stage === 'corrected';
}

/**
 * Kazakhstan has kept one time zone (UTC+5, the zone database's Asia/Almaty) since March 2024;
 * the log keeps UTC, boards and paper show local time.
 */
const almatyParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Almaty',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "dd.mm.yyyy HH:mm" in Asia/Almaty, as boards and documents print times. */
export function almatyStamp(iso: string): string {
  const parts: Record<string, string> = {};
  for (const part of almatyParts.formatToParts(new Date(iso))) parts[part.type] = part.value;
  return `${parts.day}.${parts.month}.${parts.year} ${parts.hour}:${parts.minute}`;
}

/** The label of a board payload (times as dd.mm.yyyy HH:mm or HH:mm in Asia/Almaty). */
export function boardLabel(
  board: Pick<
    Board,
    'published' | 'stage' | 'correctedAt' | 'policy' | 'rows' | 'locked' | 'frozenAt'
  >,
): BoardLabel {
  if (board.published) {
    return board.correctedAt
      ? { key: 'corrected', time: almatyStamp(board.correctedAt) }
      : { key: 'final' };
  }
  if (board.frozenAt) return { key: 'frozen', time: almatyStamp(board.frozenAt).slice(11) };
  if (board.stage === 'correcting') return { key: 'correcting' };
  if (board.policy === 'embargo') return { key: 'embargo' };
  if (board.policy === 'locked') {
    return board.locked.count === 0
      ? { key: 'nothingLocked', of: board.locked.of }
      : { key: 'locked', count: board.locked.count, of: board.locked.of };
  }
  return { key: 'live' };
}
