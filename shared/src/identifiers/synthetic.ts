import { centuryDigit, type Century, type Sex } from './iin';
import { checkDigitOf } from './twelve-digits';

/** A source of uniform numbers in [0, 1), like Math.random. */
export type Rng = () => number;

/** mulberry32: small, fast and good enough for test data; the same seed gives the same stream. */
export function seededRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticIinOptions {
  /** Earliest birth date, YYYY-MM-DD (default 1960-01-01). */
  from?: string;
  /** Latest birth date, YYYY-MM-DD (default 2009-12-31). */
  to?: string;
  sex?: Sex | 'any';
}

const DAY_MS = 86_400_000;
const SERIALS = 10_000;

function parseBirthDate(iso: string, name: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const time = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  const year = new Date(time).getUTCFullYear();
  if (!match || new Date(time).toISOString().slice(0, 10) !== iso || year < 1800 || year > 2099) {
    throw new RangeError(
      `syntheticIin: ${name} must be a date YYYY-MM-DD in 1800-2099, got "${iso}"`,
    );
  }
  return time;
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]!;
}

/**
 * A valid IIN that belongs to nobody on record: random birth date in [from, to], sex and serial,
 * with the right check digit. Deterministic: the same seed (or the same rng state) and options
 * give the same IIN. Pass an rng to draw many different IINs from one seed.
 * A synthetic IIN can still coincide with a real person's by chance, so it is treated as
 * personal data like any other.
 */
export function syntheticIin(source: number | Rng, options: SyntheticIinOptions = {}): string {
  const rng = typeof source === 'number' ? seededRng(source) : source;
  const from = parseBirthDate(options.from ?? '1960-01-01', 'from');
  const to = parseBirthDate(options.to ?? '2009-12-31', 'to');
  if (from > to) throw new RangeError('syntheticIin: from is after to');

  const birth = new Date(from + Math.floor(rng() * ((to - from) / DAY_MS + 1)) * DAY_MS);
  const year = birth.getUTCFullYear();
  const sex =
    options.sex && options.sex !== 'any' ? options.sex : pick(rng, ['male', 'female'] as const);
  const century = (Math.floor(year / 100) * 100) as Century;
  const first7 =
    String(year % 100).padStart(2, '0') +
    String(birth.getUTCMonth() + 1).padStart(2, '0') +
    String(birth.getUTCDate()).padStart(2, '0') +
    centuryDigit(century, sex);

  // About 1 in 121 serials has no check digit; the next serial then does.
  const firstSerial = Math.floor(rng() * SERIALS);
  for (let step = 0; step < SERIALS; step++) {
    const first11 = first7 + String((firstSerial + step) % SERIALS).padStart(4, '0');
    const check = checkDigitOf(first11);
    if (check !== null) return first11 + check;
  }
  throw new Error('unreachable: every birth date has serials with a check digit');
}
