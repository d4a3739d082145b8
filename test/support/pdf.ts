import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** poppler-utils: reads PDFs the way a person's viewer does, not the way we wrote them. */
const pdftotext = '/usr/bin/pdftotext';
const pdftoppm = '/usr/bin/pdftoppm';

/**
 * Whether PDF content tests can run. Without poppler-utils they are skipped with one loud line,
 * unless REQUIRE_BROWSER=1 (CI), where its absence is a failure like a missing Chromium.
 */
export function pdfToolsAvailable(): boolean {
  if (existsSync(pdftotext) && existsSync(pdftoppm)) return true;
  if (process.env.REQUIRE_BROWSER === '1') {
    throw new Error(
      'REQUIRE_BROWSER=1 but pdftotext/pdftoppm are missing (apt-get install poppler-utils)',
    );
  }
  console.warn(
    'SKIPPED: PDF content tests — pdftotext/pdftoppm not found (apt-get install poppler-utils)',
  );
  return false;
}

function withTempPdf<T>(pdf: Buffer, use: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'ashyq-pdf-'));
  const file = path.join(dir, 'document.pdf');
  writeFileSync(file, pdf);
  try {
    return use(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The document's text, pages separated by form feeds (`\f`), columns kept apart by spacing. */
export function pdfText(pdf: Buffer): string {
  return withTempPdf(pdf, (file) =>
    execFileSync(pdftotext, ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }),
  );
}

/** Renders one page (1-based) to PNG bytes; `outFile` also keeps it for a person to look at. */
export function pdfPagePng(pdf: Buffer, page = 1, dpi = 150, outFile?: string): Buffer {
  return withTempPdf(pdf, (file, dir) => {
    const prefix = path.join(dir, 'page');
    execFileSync(pdftoppm, [
      '-png',
      '-r',
      String(dpi),
      '-f',
      String(page),
      '-l',
      String(page),
      '-singlefile',
      file,
      prefix,
    ]);
    const png = readFileSync(`${prefix}.png`);
    if (outFile) writeFileSync(outFile, png);
    return png;
  });
}

/** The text of the first QR code found on a page image, or null. */
export function decodeQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  const found = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  return found?.data ?? null;
}

/**
 * The text in reading order, one printed line per line (`pdftotext -raw`): a word or an IIN split
 * by a wrap shows as two lines here, which `-layout` would hide by keeping columns apart.
 */
export function pdfRawText(pdf: Buffer): string {
  return withTempPdf(pdf, (file) =>
    execFileSync(pdftotext, ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }),
  );
}

/** Renders every page to `<dir>/<name>-<page>.png` for a person to look at; the page count. */
export function pdfPagesToPng(pdf: Buffer, dir: string, name: string, dpi = 110): number {
  mkdirSync(dir, { recursive: true });
  return withTempPdf(pdf, (file) => {
    execFileSync(pdftoppm, ['-png', '-r', String(dpi), file, path.join(dir, name)]);
    writeFileSync(path.join(dir, `${name}.pdf`), pdf);
    return execFileSync('/usr/bin/pdfinfo', [file], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.startsWith('Pages:'))
      .map((line) => Number(line.split(/\s+/)[1]))[0]!;
  });
}

/** Each page's orientation, in order, as pdfinfo reads the page boxes. */
export function pdfPageLayouts(pdf: Buffer): ('portrait' | 'landscape')[] {
  return withTempPdf(pdf, (file) =>
    execFileSync('/usr/bin/pdfinfo', ['-f', '1', '-l', '9999', file], { encoding: 'utf8' })
      .split('\n')
      .map((line) => /^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/.exec(line))
      .filter((match) => match !== null)
      .map((match) => (Number(match[1]) > Number(match[2]) ? 'landscape' : 'portrait')),
  );
}

/**
 * The share of light grey pixels in the middle of a rendered page: the diagonal DRAFT mark. Its
 * letters are drawn rotated, which pdftotext reads as scattered single letters, so a test looks.
 */
export function draftMarkShare(png: Buffer): number {
  const image = PNG.sync.read(png);
  let grey = 0;
  let all = 0;
  for (let y = Math.floor(image.height * 0.4); y < image.height * 0.7; y++) {
    for (let x = Math.floor(image.width * 0.2); x < image.width * 0.8; x++) {
      const i = (y * image.width + x) * 4;
      const [r, g, b] = [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!];
      if (r > 150 && r < 245 && Math.abs(r - g) < 8 && Math.abs(g - b) < 8) grey++;
      all++;
    }
  }
  return grey / all;
}
