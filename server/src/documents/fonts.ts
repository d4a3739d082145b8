import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * DejaVu for every document (pdfkit's built-in Helvetica has no Cyrillic, let alone the Kazakh
 * letters), read from disk once per process and parsed once per font: a thousand documents then
 * cost their layout and compression, not a thousand font parses.
 */
export type FontFamily = 'sans' | 'serif';
export type FontStyle = 'regular' | 'bold' | 'italic';

const fontFiles: Record<FontFamily, Record<FontStyle, string>> = {
  sans: {
    regular: 'DejaVuSans.ttf',
    bold: 'DejaVuSans-Bold.ttf',
    italic: 'DejaVuSans-Oblique.ttf',
  },
  serif: {
    regular: 'DejaVuSerif.ttf',
    bold: 'DejaVuSerif-Bold.ttf',
    italic: 'DejaVuSerif-Italic.ttf',
  },
};

let fontDirectory: string | undefined;
const fontBuffers = new Map<string, Buffer>();

/** The TTF bytes, read once: a thousand documents then parse fonts from memory, not disk. */
function fontBuffer(file: string): Buffer {
  let buffer = fontBuffers.get(file);
  if (!buffer) {
    fontDirectory ??= path.join(
      path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')),
      'ttf',
    );
    buffer = readFileSync(path.join(fontDirectory, file));
    fontBuffers.set(file, buffer);
  }
  return buffer;
}

/**
 * The pdfkit 0.17 internals the font cache relies on. Parsing a TTF (fontkit) costs about
 * 40 ms per font per document, most of a one-page document's time; the parsed font is read-only
 * once loaded, so every document shares it and gets only its own EmbeddedFont (its own subset).
 */
interface EmbeddedFontLike {
  font: object;
  constructor: new (doc: PDFKit.PDFDocument, font: object, id: string) => EmbeddedFontLike;
}
interface PdfkitFontState {
  _font: EmbeddedFontLike;
  _fontFamilies: Record<string, EmbeddedFontLike>;
  _fontCount: number;
}

const parsedFonts = new Map<string, EmbeddedFontLike>();

/** pdfkit's private font fields, which its types do not declare. */
function hasFontState(doc: object): doc is PdfkitFontState {
  return '_fontFamilies' in doc && '_fontCount' in doc && typeof doc._fontCount === 'number';
}

/**
 * Subsetting reads the parts of composite glyphs (DejaVu builds ы from ь and a stem) without their
 * characters, and fontkit caches the glyph that way; the next document to print ь would then map
 * it to no character, and its text could not be searched or copied. Dropping those cached glyphs
 * after each document makes fontkit read them again, with their characters, when text uses them.
 */
export function forgetGlyphsWithoutCharacters(): void {
  for (const embedded of parsedFonts.values()) {
    const glyphs = (embedded.font as { _glyphs: Record<string, { codePoints: number[] }> })._glyphs;
    for (const id of Object.keys(glyphs)) {
      if (glyphs[id]!.codePoints.length === 0) delete glyphs[id];
    }
  }
}

/** Makes every family and style known to a new document under the name `family-style`. */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const family of Object.keys(fontFiles) as FontFamily[]) {
    for (const [style, file] of Object.entries(fontFiles[family])) {
      doc.registerFont(`${family}-${style}`, fontBuffer(file));
    }
  }
}

/** Switches the document's font, giving it its own EmbeddedFont over the shared parsed font. */
export function useFont(
  doc: PDFKit.PDFDocument,
  family: FontFamily,
  style: FontStyle,
  size?: number,
): void {
  const name = `${family}-${style}`;
  if (!hasFontState(doc)) throw new TypeError('pdfkit keeps its fonts elsewhere than expected');
  const state = doc;
  const parsed = parsedFonts.get(name);
  if (parsed && !state._fontFamilies[name]) {
    const EmbeddedFont = parsed.constructor;
    state._fontFamilies[name] = new EmbeddedFont(doc, parsed.font, `F${++state._fontCount}`);
  }
  doc.font(name, size);
  if (!parsed) parsedFonts.set(name, state._font);
}
