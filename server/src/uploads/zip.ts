import { inflateRaw } from 'node:zlib';
import { promisify } from 'node:util';

/**
 * Just enough of the zip format to look inside an upload before exceljs does: the entry names
 * (is it a workbook?) and their sizes (does it unpack to something reasonable?). exceljs
 * inflates every entry in memory, so a 5 MiB zip bomb would otherwise take gigabytes.
 */

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; nothing else appears in workbooks. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const END_OF_DIRECTORY_SIZE = 22;
const MAX_COMMENT = 0xffff;
/** Fields set to all ones mean the real value is in a zip64 record; workbooks never need it. */
const ZIP64_MARK_32 = 0xffffffff;
const ZIP64_MARK_16 = 0xffff;

export function hasZipMagic(data: Uint8Array): boolean {
  return data.length >= 4 && readUint32(data, 0) === LOCAL_HEADER;
}

function readUint16(data: Uint8Array, at: number): number {
  return data[at]! | (data[at + 1]! << 8);
}

function readUint32(data: Uint8Array, at: number): number {
  return (readUint16(data, at) | (readUint16(data, at + 2) << 16)) >>> 0;
}

function findEndOfDirectory(data: Uint8Array): number | undefined {
  const lowest = Math.max(0, data.length - END_OF_DIRECTORY_SIZE - MAX_COMMENT);
  for (let at = data.length - END_OF_DIRECTORY_SIZE; at >= lowest; at--) {
    if (readUint32(data, at) === END_OF_DIRECTORY) return at;
  }
  return undefined;
}

/** The central directory of a zip archive, or undefined when it is missing, damaged or zip64. */
export function readZipDirectory(data: Uint8Array): ZipEntry[] | undefined {
  const end = findEndOfDirectory(data);
  if (end === undefined) return undefined;
  const count = readUint16(data, end + 10);
  const directorySize = readUint32(data, end + 12);
  let at = readUint32(data, end + 16);
  if (count === ZIP64_MARK_16 || at === ZIP64_MARK_32 || at + directorySize > end) return undefined;
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || readUint32(data, at) !== CENTRAL_HEADER) return undefined;
    const nameLength = readUint16(data, at + 28);
    const entry: ZipEntry = {
      method: readUint16(data, at + 10),
      compressedSize: readUint32(data, at + 20),
      uncompressedSize: readUint32(data, at + 24),
      localHeaderOffset: readUint32(data, at + 42),
      name: decoder.decode(data.subarray(at + 46, at + 46 + nameLength)),
    };
    if ([entry.compressedSize, entry.uncompressedSize].includes(ZIP64_MARK_32)) return undefined;
    entries.push(entry);
    at += 46 + nameLength + readUint16(data, at + 30) + readUint16(data, at + 32);
  }
  return entries;
}

const inflate = promisify(inflateRaw);

/**
 * True when every entry unpacks to no more than it declares and all of them together to at most
 * `limit` bytes. Declared sizes alone can lie, so each entry is inflated with its declared size
 * as a hard cap (zlib stops there instead of filling memory).
 */
export async function unpacksWithin(
  data: Uint8Array,
  entries: readonly ZipEntry[],
  limit: number,
): Promise<boolean> {
  const declared = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (declared > limit) return false;
  for (const entry of entries) {
    const header = entry.localHeaderOffset;
    if (header + 30 > data.length || readUint32(data, header) !== LOCAL_HEADER) return false;
    const start = header + 30 + readUint16(data, header + 26) + readUint16(data, header + 28);
    const packed = data.subarray(start, start + entry.compressedSize);
    if (packed.length !== entry.compressedSize) return false;
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.uncompressedSize) return false;
      continue;
    }
    if (entry.method !== 8) return false;
    try {
      const unpacked = await inflate(packed, {
        maxOutputLength: Math.max(entry.uncompressedSize, 1),
      });
      if (unpacked.length !== entry.uncompressedSize) return false;
    } catch {
      return false;
    }
  }
  return true;
}
