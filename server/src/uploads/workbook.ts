import ExcelJS from 'exceljs';
import { formatBytes, MAX_XLSX_UNPACKED_BYTES } from './file-type';
import { readZipDirectory, unpacksWithin } from './zip';

/** Far more parts than any workbook has (a list or a marking scheme has a few dozen). */
export const MAX_XLSX_ENTRIES = 5_000;

export type GuardedWorkbook =
  | { ok: true; workbook: ExcelJS.Workbook }
  | { ok: false; problem: 'unreadable' | 'too_large'; limit: string };

/**
 * The one way an uploaded .xlsx is opened, whatever route or command it came by: its zip
 * directory is read first, and a file with too many parts or that unpacks to more than
 * MAX_XLSX_UNPACKED_BYTES (a zip bomb: a few MiB that inflate to gigabytes) is refused before
 * exceljs, which inflates every part in memory, ever sees it.
 */
export async function openUploadedWorkbook(data: Uint8Array): Promise<GuardedWorkbook> {
  const limit = formatBytes(MAX_XLSX_UNPACKED_BYTES);
  const entries = readZipDirectory(data);
  if (!entries) return { ok: false, problem: 'unreadable', limit };
  if (
    entries.length > MAX_XLSX_ENTRIES ||
    !(await unpacksWithin(data, entries, MAX_XLSX_UNPACKED_BYTES))
  )
    return { ok: false, problem: 'too_large', limit };
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its Buffer as an ArrayBuffer (it hands it to JSZip, which reads either):
    // a copy of exactly the upload's bytes is one.
    await workbook.xlsx.load(new Uint8Array(data).buffer);
  } catch {
    return { ok: false, problem: 'unreadable', limit };
  }
  return { ok: true, workbook };
}
