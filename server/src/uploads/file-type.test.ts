import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { buildZip } from '../../../test/fixtures/zip';
import { MAX_UPLOAD_BYTES, sniffFileType } from './file-type';
import { readZipDirectory, unpacksWithin } from './zip';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201b2a1e4a50000000049454e44ae426082',
  'hex',
);

async function workbookBytes(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Студенты').addRow(['ФИО', 'ИИН']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('sniffFileType', () => {
  it('recognises an xlsx workbook by its zip entries', async () => {
    expect(sniffFileType(await workbookBytes())).toEqual({ ok: true, type: 'xlsx' });
  });

  it('recognises UTF-8 text as CSV, with or without a BOM', () => {
    expect(sniffFileType(Buffer.from('ФИО;ИИН\r\nӘлия;1\r\n'))).toEqual({ ok: true, type: 'csv' });
    expect(sniffFileType(Buffer.from('\uFEFFa,b\n'))).toEqual({ ok: true, type: 'csv' });
  });

  it('refuses images, other zip archives and binary files whatever their name', async () => {
    const docx = buildZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: '<w:document/>' },
    ]);
    const notWorkbook = buildZip([{ name: 'list.csv', data: 'ФИО;ИИН\n' }]);
    const truncatedWorkbook = (await workbookBytes()).subarray(0, 200);
    for (const data of [PNG, docx, notWorkbook, truncatedWorkbook, Buffer.from([1, 2, 3, 0, 65])]) {
      expect(sniffFileType(data)).toMatchObject({
        ok: false,
        issue: { code: 'file_type_unsupported', row: null },
      });
    }
  });

  it('tells an old .xls (or password-protected) workbook and a Windows-1251 CSV apart', () => {
    const compoundFile = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]);
    expect(sniffFileType(compoundFile)).toMatchObject({
      ok: false,
      issue: { code: 'file_legacy_xls' },
    });
    // "ФИО;ИИН" in Windows-1251.
    const cp1251 = Buffer.from([0xd4, 0xc8, 0xce, 0x3b, 0xc8, 0xc8, 0xcd, 0x0d, 0x0a]);
    expect(sniffFileType(cp1251)).toMatchObject({ ok: false, issue: { code: 'file_not_utf8' } });
  });

  it('refuses an empty file and one over the size limit', () => {
    expect(sniffFileType(Buffer.alloc(0))).toMatchObject({
      ok: false,
      issue: { code: 'file_empty' },
    });
    expect(sniffFileType(Buffer.alloc(MAX_UPLOAD_BYTES + 1, 0x61))).toEqual({
      ok: false,
      issue: {
        row: null,
        column: null,
        field: null,
        code: 'file_too_large',
        params: { limit: '5 MiB' },
      },
    });
    expect(sniffFileType(Buffer.alloc(MAX_UPLOAD_BYTES, 0x61))).toEqual({ ok: true, type: 'csv' });
  });
});

describe('zip directory and unpacked size', () => {
  it('lists the entries of a workbook written by exceljs and accepts its size', async () => {
    const data = await workbookBytes();
    const entries = readZipDirectory(data)!;
    expect(entries.map((e) => e.name)).toEqual(
      expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml']),
    );
    expect(await unpacksWithin(data, entries, 10 * 1024 * 1024)).toBe(true);
  });

  it('refuses an archive that declares more than the limit', async () => {
    const data = buildZip([{ name: 'xl/big.xml', data: Buffer.alloc(2 * 1024 * 1024) }]);
    expect(data.length).toBeLessThan(10_000);
    expect(await unpacksWithin(data, readZipDirectory(data)!, 1024 * 1024)).toBe(false);
  });

  it('refuses an entry that unpacks to more than it declares (a zip bomb)', async () => {
    const data = buildZip([
      { name: 'xl/bomb.xml', data: Buffer.alloc(8 * 1024 * 1024), declaredSize: 100 },
    ]);
    const entries = readZipDirectory(data)!;
    expect(entries[0]!.uncompressedSize).toBe(100);
    expect(await unpacksWithin(data, entries, 1024 * 1024)).toBe(false);
  });

  it('accepts stored and deflated entries that tell the truth, and refuses damaged data', async () => {
    const honest = buildZip([
      { name: 'a.xml', data: 'stored', deflate: false },
      { name: 'b.xml', data: 'deflated '.repeat(100) },
    ]);
    expect(await unpacksWithin(honest, readZipDirectory(honest)!, 10_000)).toBe(true);
    const damaged = Buffer.from(honest);
    const entry = readZipDirectory(damaged)![1]!;
    damaged.fill(0xff, entry.localHeaderOffset + 30 + 'b.xml'.length, entry.localHeaderOffset + 40);
    expect(await unpacksWithin(damaged, readZipDirectory(damaged)!, 10_000)).toBe(false);
    expect(readZipDirectory(Buffer.from('PK\x03\x04 no directory here'))).toBeUndefined();
  });
});
