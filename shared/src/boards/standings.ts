import type { Localized } from '../domain/entities';
import { getRegion } from '../reference/regions';
import type { Language } from '../i18n/messages';
import type { BoardRow } from './types';

/**
 * What a results board shows beside the figures, as sports results do (docs/boards.md):
 * shared places written "=1", the places gained or lost since the ranking last changed, how
 * long ago the figures changed, and the phone board's search and filters.
 */

type Placed = Pick<BoardRow, 'competitor' | 'position'>;

/**
 * The place column's text for each row, in order: a place two or more rows share is written
 * "=1", a place held alone "1", no place (guest, absent, withdrawn) an empty string.
 */
export function placeLabels(rows: readonly Pick<BoardRow, 'position'>[]): string[] {
  const held = new Map<number, number>();
  for (const { position } of rows)
    if (position !== null) held.set(position, (held.get(position) ?? 0) + 1);
  return rows.map(({ position }) =>
    position === null ? '' : held.get(position)! > 1 ? `=${position}` : String(position),
  );
}

/** Each competitor's place, to compare the next ranking with. */
export function positionsOf(rows: readonly Placed[]): Map<string, number | null> {
  return new Map(rows.map((row) => [row.competitor, row.position]));
}

export interface RankMove {
  direction: 'up' | 'down';
  /** Places gained or lost. */
  by: number;
}

/**
 * Who moved between two rankings: up when the place number fell, down when it rose. A
 * competitor new to the board, or without a place in either, did not move; nor did anyone
 * on the first ranking a page receives (nothing to compare with).
 */
export function rankMoves(
  previous: ReadonlyMap<string, number | null>,
  rows: readonly Placed[],
): Map<string, RankMove> {
  const moves = new Map<string, RankMove>();
  for (const { competitor, position } of rows) {
    const before = previous.get(competitor);
    if (before === undefined || before === null || position === null || before === position)
      continue;
    moves.set(competitor, {
      direction: position < before ? 'up' : 'down',
      by: Math.abs(before - position),
    });
  }
  return moves;
}

/** Whether two rankings place everyone alike (an update that moved no one keeps the arrows). */
export function samePlaces(
  a: ReadonlyMap<string, number | null>,
  b: ReadonlyMap<string, number | null>,
) {
  if (a.size !== b.size) return false;
  for (const [competitor, position] of a) if (b.get(competitor) !== position) return false;
  return true;
}

/** "Updated …" as the `board` namespace's `updated.<key>` phrases say it. */
export type UpdatedAgo =
  | { key: 'justNow' }
  | { key: 'seconds'; count: number }
  | { key: 'minutes'; count: number }
  | { key: 'hours'; count: number };

/**
 * How long ago the figures changed, in the unit a reader takes in at a glance: under 5 s
 * "just now", then whole seconds, minutes (from 60 s) and hours (from 60 min), rounded down.
 */
export function updatedAgo(sinceMs: number, nowMs: number): UpdatedAgo {
  const seconds = Math.max(0, Math.floor((nowMs - sinceMs) / 1000));
  if (seconds < 5) return { key: 'justNow' };
  if (seconds < 60) return { key: 'seconds', count: seconds };
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return { key: 'minutes', count: minutes };
  return { key: 'hours', count: Math.floor(minutes / 60) };
}

export interface RowFilter {
  /** Words to find in the name, college, region or competitor number. */
  query: string;
  regionId: string | null;
  collegeId: string | null;
}

export const noFilter: RowFilter = { query: '', regionId: null, collegeId: null };

type Filterable = Pick<BoardRow, 'competitor' | 'name' | 'collegeId' | 'college' | 'regionId'>;

/** Lower case, "ё" as "е", one space between words: how a person types a name on a phone. */
function folded(text: string): string {
  return text.toLocaleLowerCase('ru').replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

function localizedTexts(text: Localized | null): string[] {
  return text ? [text.kk, text.ru, text.en ?? ''].filter(Boolean) : [];
}

function regionNames(regionId: string | null): string[] {
  const region = regionId ? getRegion(regionId) : undefined;
  return region ? [region.name.kk, region.name.ru, region.name.en] : [];
}

/**
 * The rows a search and the region and college filters keep, in their order. Every word of
 * the query must appear in the competitor's name, number, college (any language) or region
 * (any language), so "Ахметов Астана" finds Akhmetov from Astana.
 */
export function filterRows<Row extends Filterable>(rows: readonly Row[], filter: RowFilter): Row[] {
  const words = folded(filter.query).split(' ').filter(Boolean);
  return rows.filter((row) => {
    if (filter.regionId && row.regionId !== filter.regionId) return false;
    if (filter.collegeId && row.collegeId !== filter.collegeId) return false;
    if (words.length === 0) return true;
    const haystack = folded(
      [
        row.competitor,
        row.name ? `${row.name.last} ${row.name.first}` : '',
        ...localizedTexts(row.college),
        ...regionNames(row.regionId),
      ].join(' '),
    );
    return words.every((word) => haystack.includes(word));
  });
}

export interface FilterOption {
  id: string;
  label: string;
}

/**
 * The regions and colleges present on the board, each once, by name in the reader's language
 * (its alphabet's order), for the phone board's two pickers.
 */
export function filterOptions(
  rows: readonly Filterable[],
  language: Language,
): { regions: FilterOption[]; colleges: FilterOption[] } {
  const regions = new Map<string, string>();
  const colleges = new Map<string, string>();
  for (const row of rows) {
    const region = row.regionId ? getRegion(row.regionId) : undefined;
    if (region && !regions.has(region.id)) regions.set(region.id, region.name[language]);
    if (row.collegeId && !colleges.has(row.collegeId)) {
      const name = row.college ? row.college[language] || row.college.ru : row.collegeId;
      colleges.set(row.collegeId, name);
    }
  }
  const collator = new Intl.Collator(language);
  const sorted = (map: Map<string, string>) =>
    [...map]
      .map(([id, label]) => ({ id, label }))
      .sort((a, b) => collator.compare(a.label, b.label));
  return { regions: sorted(regions), colleges: sorted(colleges) };
}

/**
 * A criterion's name short enough for a column heading: the whole name up to `room`
 * characters, else its first word, else that word cut with a full stop ("Безопасн.").
 */
export function shortCriterionName(name: string, room = 12): string {
  const whole = name.trim().replace(/\s+/g, ' ');
  if (whole.length <= room) return whole;
  const first = whole.split(' ')[0]!.replace(/[,;:]$/, '');
  return first.length <= room ? first : `${first.slice(0, room - 1)}.`;
}

/**
 * Short names for a scheme's criteria, one per criterion in order: `shortCriterionName`, and
 * where two would read alike ("Горячее", "Горячее") each adds the first word that sets it apart
 * ("Горячее птицы", "Горячее говядины").
 */
export function shortCriterionNames(names: readonly string[], room = 12): string[] {
  const short = names.map((name) => shortCriterionName(name, room));
  return short.map((base, i) => {
    const alike = names.filter((_, j) => j !== i && short[j] === base);
    if (alike.length === 0) return base;
    const others = alike.map((name) => new Set(name.toLowerCase().split(/\s+/)));
    const distinct = names[i]!.split(/\s+/)
      .slice(1)
      .find((word) => others.some((words) => !words.has(word.toLowerCase())));
    return distinct ? `${base} ${shortCriterionName(distinct, room)}` : base;
  });
}
