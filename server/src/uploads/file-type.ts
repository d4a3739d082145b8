import { fileIssue, type ImportIssue } from '@ashyq/shared';
import { hasZipMagic, readZipDirectory } from './zip';

/** The largest upload accepted: a list of a few thousand people is well under 1 MiB. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/** The most an accepted workbook may unpack to (xlsx is XML, typically 5-15 times its size). */
export const MAX_XLSX_UNPACKED_BYTES = 64 * 1024 * 1024;

export type UploadFileType = 'xlsx' | 'csv';

export type SniffResult = { ok: true; type: UploadFileType } | { ok: false; issue: ImportIssue };

/** Compound File Binary: Excel 97-2003 workbooks, and password-protected .xlsx files too. */
const COMPOUND_FILE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(data: Uint8Array, magic: readonly number[]): boolean {
  return data.length >= magic.length && magic.every((byte, i) => data[i] === byte);
}

export function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0
    ? `${bytes / (1024 * 1024)} MiB`
    : `${Math.ceil(bytes / 1024)} KiB`;
}

/**
 * Decides by content, never by the file name or the declared media type: an xlsx workbook is a
 * zip archive holding `[Content_Types].xml` and the `xl/` part; CSV is UTF-8 text without NUL
 * or other control bytes. Everything else is refused with a reason the user can act on.
 */
export function sniffFileType(data: Uint8Array): SniffResult {
  if (data.length === 0) return { ok: false, issue: fileIssue('file_empty') };
  if (data.length > MAX_UPLOAD_BYTES) {
    return {
      ok: false,
      issue: fileIssue('file_too_large', { limit: formatBytes(MAX_UPLOAD_BYTES) }),
    };
  }
  if (hasZipMagic(data)) {
    const names = readZipDirectory(data)?.map((entry) => entry.name) ?? [];
    const isWorkbook =
      names.includes('[Content_Types].xml') && names.some((name) => name.startsWith('xl/'));
    return isWorkbook
      ? { ok: true, type: 'xlsx' }
      : { ok: false, issue: fileIssue('file_type_unsupported') };
  }
  if (startsWith(data, COMPOUND_FILE_MAGIC))
    return { ok: false, issue: fileIssue('file_legacy_xls') };
  if (hasControlBytes(data)) return { ok: false, issue: fileIssue('file_type_unsupported') };
  // Text without control bytes that is not UTF-8 is almost always a CSV saved by Excel in the
  // Windows-1251 code page: say how to save it, rather than "unknown type".
  if (decodeUtf8(data) === undefined) return { ok: false, issue: fileIssue('file_not_utf8') };
  return { ok: true, type: 'csv' };
}

/** NUL and the other C0 controls besides tab, line feed, form feed and carriage return. */
function hasControlBytes(data: Uint8Array): boolean {
  return data.some(
    (byte) => byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d,
  );
}

/** The text of UTF-8 bytes without a leading byte order mark, or undefined if not UTF-8. */
export function decodeUtf8(data: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return undefined;
  }
}
