import {
  importPeople,
  type ImportedPersonOf,
  type PeopleImportOptions,
  type PeopleImportResult,
  type PersonKind,
} from '@ashyq/shared';
import { readTable } from './read-table';

/**
 * An uploaded file of competitors, experts or students, all or nothing: either every row is a
 * valid person, or the result lists every problem by row and column and nothing is imported.
 * Birth dates are checked against today in Kazakhstan unless `options.today` says otherwise.
 * Render the problems with describeImportIssue in the caller's language.
 */
export async function importPeopleFile<K extends PersonKind>(
  kind: K,
  data: Uint8Array,
  options: PeopleImportOptions = {},
): Promise<PeopleImportResult<ImportedPersonOf[K]>> {
  const read = await readTable(data, { kind });
  if (!read.ok) return { ok: false, errors: read.errors, warnings: [] };
  return importPeople(kind, read.table, { today: todayInKazakhstan(), ...options });
}

/** YYYY-MM-DD in Asia/Almaty, the one time zone of Kazakhstan since March 2024. */
function todayInKazakhstan(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(new Date());
}
