import { Readable } from 'node:stream';
import PDFDocument from 'pdfkit';
import type { Language } from '@ashyq/shared';
import {
  forgetGlyphsWithoutCharacters,
  registerFonts,
  useFont,
  type FontFamily,
  type FontStyle,
} from './fonts';
import { documentText } from './format';
import { drawQrCode } from './qr';

/**
 * The one way Ashyq prints: an A4 document in DejaVu (pdfkit's built-in Helvetica has no Cyrillic,
 * let alone Ә Ғ Қ Ң Ө Ұ Ү Һ І), with a title block, tables that continue across pages under a
 * repeated header row, signature lines, and on every page a footer with "page / pages", the
 * verification code and a QR code to `<PUBLIC_URL>/verify/<code>`.
 *
 * Usage (see marks-summary.ts for a whole document):
 * ```ts
 * const pdf = new PdfWriter({ language: 'kk', title, verification: { code, url } });
 * pdf.titleBlock({ lines: [college], title, subtitle });
 * pdf.fields([[pdf.t('marksSummary.day'), 'C1']]);
 * pdf.table([{ header: '№', width: 1 }, { header: 'Name', width: 6 }], rows);
 * pdf.signatures([{ role, name, signedAt }]);
 * const bytes = await pdf.toBuffer();   // or pdf.toStream().pipe(res)
 * ```
 * A writer is used once. Fonts are read from disk once per process and shared by every document.
 */

export type { FontFamily, FontStyle };
export type Align = 'left' | 'center' | 'right';

export interface PdfOptions {
  language: Language;
  /** The document's title in its metadata (what a PDF viewer shows as the window title). */
  title: string;
  /** Sans (default) for tables and forms; serif for formal letters. */
  family?: FontFamily;
  landscape?: boolean;
  /** Printed in every page's footer; a document without it is a working copy, not issued. */
  verification?: { code: string; url: string };
  /** Prints the documents namespace's "draft" diagonally across every page. */
  draft?: boolean;
}

export interface TableColumn {
  header: string;
  /**
   * Relative width: the room left once every column holds its longest word and its unwrapped
   * lines is shared in proportion to these.
   */
  width: number;
  align?: Align;
}

export type TableCell = string | { text: string; bold?: boolean; align?: Align; fill?: string };

export interface TableOptions {
  /** The preferred size; the table shrinks it when its longest words do not fit. */
  fontSize?: number;
  /** The smallest size the table may shrink to (default 6.5 pt, or fontSize if smaller). */
  minFontSize?: number;
  /** Rows whose cells all print bold and shaded (a totals row). */
  emphasise?: (rowIndex: number) => boolean;
}

export interface SignatureLine {
  role: string;
  name: string;
  /** ISO time when the person signed in the app; the printed line is still signed by hand. */
  signedAt?: string;
  /** How `signedAt` prints; defaults to the ISO text. */
  signedAtText?: string;
}

export interface TitleBlock {
  /** Small lines above the title: organisation, event, two-language headers. */
  lines?: string[];
  title: string;
  subtitle?: string;
}

const margin = { top: 42, left: 42, right: 42 };
/** Room under the text for the footer: page number, verification line and QR code. */
const footerHeight = 74;

/** Every page of every document: A4, the same margins, above the footer. */
const pageOptions = (layout: 'portrait' | 'landscape') => ({
  size: 'A4',
  layout,
  margins: { ...margin, bottom: footerHeight + 12 },
});
const qrSize = 58;
const cellPadding = 3;
const ruleColour = '#8a8a8a';
const headerFill = '#e9ecef';
const emphasisFill = '#f4f4f4';

export class PdfWriter {
  /** The pdfkit document, for drawing this class does not offer; leave doc.x/doc.y at the left margin after. */
  readonly doc: PDFKit.PDFDocument;
  readonly language: Language;
  private readonly family: FontFamily;
  private finished = false;

  constructor(private readonly options: PdfOptions) {
    this.language = options.language;
    this.family = options.family ?? 'sans';
    this.doc = new PDFDocument({
      ...pageOptions(options.landscape ? 'landscape' : 'portrait'),
      // Page numbers "n / N" need N: pages stay in memory until finish() stamps the footers.
      bufferPages: true,
      // An empty name skips pdfkit's default Helvetica, which could not print Cyrillic anyway.
      font: '',
      info: { Title: options.title, Creator: 'Ashyq', Producer: 'Ashyq' },
      lang: options.language,
      displayTitle: true,
    });
    registerFonts(this.doc);
    this.font('regular', 10);
  }

  /** A string of the documents namespace in the document's language. */
  t(key: string, params?: Record<string, string | number>): string {
    return documentText(this.language, key, params);
  }

  get contentWidth(): number {
    return this.doc.page.width - margin.left - margin.right;
  }

  /** The lowest y text may reach on this page (the footer is below it). */
  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  font(style: FontStyle, size?: number, family: FontFamily = this.family): this {
    useFont(this.doc, family, style, size);
    return this;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensureSpace(height: number): this {
    if (this.doc.y + height > this.bottom) this.newPage();
    return this;
  }

  /**
   * A new page laid out as the current one: pdfkit's own `addPage()` would go back to the first
   * page's layout, and a table that moved to landscape pages must stay on them.
   */
  private newPage(layout: 'portrait' | 'landscape' = this.layout): void {
    this.doc.addPage(pageOptions(layout));
  }

  private get layout(): 'portrait' | 'landscape' {
    return this.doc.page.width > this.doc.page.height ? 'landscape' : 'portrait';
  }

  space(points = 8): this {
    this.doc.y += points;
    return this;
  }

  titleBlock(block: TitleBlock): this {
    const doc = this.doc;
    for (const line of block.lines ?? []) {
      this.font('regular', 9);
      doc.text(line, margin.left, doc.y, { width: this.contentWidth, align: 'center' });
    }
    if (block.lines?.length) this.space(6);
    this.font('bold', 14);
    doc.text(block.title, margin.left, doc.y, { width: this.contentWidth, align: 'center' });
    if (block.subtitle) {
      this.font('regular', 11);
      doc.text(block.subtitle, margin.left, doc.y + 2, {
        width: this.contentWidth,
        align: 'center',
      });
    }
    this.font('regular', 10);
    return this.space(10);
  }

  paragraph(text: string, options: { size?: number; style?: FontStyle; align?: Align } = {}): this {
    this.font(options.style ?? 'regular', options.size ?? 10);
    this.doc.text(text, margin.left, this.doc.y, {
      width: this.contentWidth,
      align: options.align ?? 'left',
    });
    this.font('regular', 10);
    return this;
  }

  /** Label: value lines, labels bold in a left column of a fixed share of the width. */
  fields(rows: readonly (readonly [string, string])[], labelShare = 0.3): this {
    const doc = this.doc;
    const labelWidth = this.contentWidth * labelShare;
    const valueWidth = this.contentWidth - labelWidth - 8;
    for (const [label, value] of rows) {
      this.font('bold', 10);
      const labelHeight = doc.heightOfString(label, { width: labelWidth });
      this.font('regular', 10);
      const height = Math.max(labelHeight, doc.heightOfString(value, { width: valueWidth }));
      this.ensureSpace(height);
      const y = doc.y;
      this.font('bold', 10);
      doc.text(label, margin.left, y, { width: labelWidth });
      this.font('regular', 10);
      doc.text(value, margin.left + labelWidth + 8, y, { width: valueWidth });
      doc.y = y + height + 2;
    }
    doc.x = margin.left;
    return this.space(6);
  }

  /**
   * A ruled table across the text width. A row that does not fit starts a new page, which
   * repeats the header row first, so every page of a long list reads on its own.
   */
  table(
    columns: readonly TableColumn[],
    rows: readonly TableCell[][],
    options: TableOptions = {},
  ): this {
    const doc = this.doc;
    const header: TableCell[] = columns.map((column) => ({
      text: column.header,
      bold: true,
      align: 'center',
      fill: headerFill,
    }));
    let fitted = this.columnWidths(columns, header, rows, options);
    if (!fitted && this.layout === 'portrait') {
      // Too wide for a portrait page even at the smallest type: rather than split a word or an
      // IIN, the table moves to landscape pages (and the document goes on there).
      this.newPage('landscape');
      fitted = this.columnWidths(columns, header, rows, options);
    }
    if (!fitted) {
      const headers = columns.map((c) => c.header.replace(/\n/g, ' ')).join(' | ');
      throw new Error(`table does not fit a landscape page at the smallest type: ${headers}`);
    }
    const { size, widths } = fitted;

    const cellOf = (cell: TableCell, column: number) => {
      const base = typeof cell === 'string' ? { text: cell } : cell;
      return { ...base, align: base.align ?? columns[column]!.align ?? 'left' };
    };
    const heightOf = (cells: readonly TableCell[], bold: boolean) => {
      let height = 0;
      cells.forEach((raw, i) => {
        const cell = cellOf(raw, i);
        this.font(cell.bold || bold ? 'bold' : 'regular', size);
        const text = doc.heightOfString(cell.text || ' ', { width: widths[i]! - 2 * cellPadding });
        height = Math.max(height, text + 2 * cellPadding);
      });
      return height;
    };
    const drawRow = (cells: readonly TableCell[], bold: boolean, fill?: string) => {
      const height = heightOf(cells, bold);
      const y = doc.y;
      let x = margin.left;
      cells.forEach((raw, i) => {
        const cell = cellOf(raw, i);
        const width = widths[i]!;
        const background = cell.fill ?? fill;
        if (background) doc.rect(x, y, width, height).fill(background);
        doc.rect(x, y, width, height).lineWidth(0.5).strokeColor(ruleColour).stroke();
        doc.fillColor('#000000');
        this.font(cell.bold || bold ? 'bold' : 'regular', size);
        doc.text(cell.text, x + cellPadding, y + cellPadding, {
          width: width - 2 * cellPadding,
          align: cell.align,
        });
        x += width;
      });
      doc.x = margin.left;
      doc.y = y + height;
    };

    const headerHeight = heightOf(header, true);
    const firstRowHeight = rows[0] ? heightOf(rows[0], false) : 0;
    this.ensureSpace(headerHeight + firstRowHeight);
    drawRow(header, true);
    rows.forEach((row, index) => {
      const emphasised = options.emphasise?.(index) ?? false;
      if (doc.y + heightOf(row, emphasised) > this.bottom) {
        this.newPage();
        drawRow(header, true);
      }
      drawRow(row, emphasised, emphasised ? emphasisFill : undefined);
    });
    this.font('regular', 10);
    return this.space(8);
  }

  /**
   * Column widths from the content, so that no word, number or IIN is ever split: each column is
   * at least as wide as its longest word (pdfkit wraps only at spaces then), the room left goes
   * to columns whose lines would otherwise wrap (the narrowest need first, so the fewest wrap),
   * then by the columns' relative widths. When
   * the longest words do not fit across the page, the font shrinks in half points down to
   * `minFontSize`; below that there is no layout on this page's width (undefined).
   */
  private columnWidths(
    columns: readonly TableColumn[],
    header: readonly TableCell[],
    rows: readonly TableCell[][],
    options: TableOptions,
  ): { size: number; widths: number[] } | undefined {
    const doc = this.doc;
    const floor = options.minFontSize ?? Math.min(6.5, options.fontSize ?? 9);
    const all = [header, ...rows];
    for (let size = options.fontSize ?? 9; size >= floor; size -= 0.5) {
      const min = columns.map(() => 0);
      const wanted = columns.map(() => 0);
      all.forEach((cells, rowIndex) =>
        cells.forEach((raw, i) => {
          const cell = typeof raw === 'string' ? { text: raw } : raw;
          this.font(rowIndex === 0 || cell.bold ? 'bold' : 'regular', size);
          for (const line of cell.text.split('\n')) {
            // +1: pdfkit compares against the width with rounding; a word exactly as wide may wrap.
            const lineWidth = doc.widthOfString(line) + 2 * cellPadding + 1;
            wanted[i] = Math.max(wanted[i]!, lineWidth);
            for (const word of line.split(/\s+/)) {
              min[i] = Math.max(min[i]!, doc.widthOfString(word) + 2 * cellPadding + 1);
            }
          }
        }),
      );
      const total = this.contentWidth;
      const minSum = min.reduce((a, b) => a + b, 0);
      if (minSum > total) continue;
      const widths = [...min];
      let spare = total - minSum;
      // Fewest wrapped cells: the columns that need least to print on one line get it first.
      const want = wanted.map((w, i) => Math.max(0, w - min[i]!));
      for (const i of want.map((_, i) => i).sort((a, b) => want[a]! - want[b]!)) {
        const given = Math.min(spare, want[i]!);
        widths[i] = widths[i]! + given;
        spare -= given;
      }
      if (spare > 0) {
        const weight = columns.reduce((sum, column) => sum + column.width, 0);
        columns.forEach((column, i) => (widths[i] = widths[i]! + (spare * column.width) / weight));
      }
      return { size, widths };
    }
    return undefined;
  }

  /**
   * One line per signatory: role, name, a rule to sign on, and the date; where the person already
   * signed in the app, the time of that sign-off prints beside the rule.
   */
  signatures(lines: readonly SignatureLine[]): this {
    const doc = this.doc;
    const width = this.contentWidth;
    const columns = [0.25, 0.31, 0.2, 0.24].map((share) => share * width);
    const lineHeight = 30;
    for (const line of lines) {
      this.ensureSpace(lineHeight);
      const y = doc.y;
      let x = margin.left;
      this.font('bold', 9);
      doc.text(line.role, x, y + 8, { width: columns[0]! - 6 });
      x += columns[0]!;
      this.font('regular', 9);
      doc.text(line.name, x, y + 8, { width: columns[1]! - 6 });
      x += columns[1]!;
      const ruleY = y + 20;
      doc
        .moveTo(x, ruleY)
        .lineTo(x + columns[2]! - 10, ruleY)
        .lineWidth(0.6)
        .strokeColor('#000000')
        .stroke();
      this.font('regular', 6.5);
      doc.fillColor('#555555').text(this.t('signature.sign'), x, ruleY + 1.5, {
        width: columns[2]! - 10,
        align: 'center',
      });
      doc.fillColor('#000000');
      x += columns[2]!;
      if (line.signedAt) {
        this.font('regular', 7.5);
        doc.text(
          this.t('signature.signedInApp', { at: line.signedAtText ?? line.signedAt }),
          x,
          y + 6,
          { width: columns[3]! },
        );
      } else {
        doc
          .moveTo(x, ruleY)
          .lineTo(x + columns[3]!, ruleY)
          .lineWidth(0.6)
          .stroke();
        this.font('regular', 6.5);
        doc.fillColor('#555555').text(this.t('signature.date'), x, ruleY + 1.5, {
          width: columns[3]!,
          align: 'center',
        });
        doc.fillColor('#000000');
      }
      doc.x = margin.left;
      doc.y = y + lineHeight;
    }
    this.font('regular', 10);
    return this.space(6);
  }

  /** Ends the document (footers, watermark) and returns its bytes. */
  async toBuffer(): Promise<Buffer> {
    const stream = this.toStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  /** Ends the document and returns it as a stream (to pipe into an HTTP response or a zip). */
  toStream(): Readable {
    this.finish();
    // pdfkit's document is a Readable at run time; its type declares only part of one.
    if (!(this.doc instanceof Readable)) throw new TypeError('pdfkit document is not a stream');
    return this.doc;
  }

  private finish(): void {
    if (this.finished) throw new Error('this document is already finished');
    this.finished = true;
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      if (this.options.draft) this.drawDraftMark();
      this.drawFooter(i - range.start + 1, range.count);
    }
    // end() embeds the font subsets synchronously, so no other document runs in between.
    this.doc.end();
    forgetGlyphsWithoutCharacters();
  }

  private drawFooter(page: number, pages: number): void {
    const doc = this.doc;
    const { height } = doc.page;
    // Text below the bottom margin would otherwise make pdfkit start a new page.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const top = height - footerHeight + 4;
    doc
      .moveTo(margin.left, top)
      .lineTo(margin.left + this.contentWidth, top)
      .lineWidth(0.5)
      .strokeColor(ruleColour)
      .stroke();
    const verification = this.options.verification;
    const textWidth = this.contentWidth - (verification ? qrSize + 10 : 0);
    this.font('regular', 8);
    doc.fillColor('#000000');
    doc.text(this.t('page', { page, pages }), margin.left, top + 6, {
      width: textWidth,
      lineBreak: false,
    });
    if (verification) {
      this.font('bold', 9);
      doc.text(this.t('footer.code', { code: verification.code }), margin.left, top + 20, {
        width: textWidth,
        lineBreak: false,
      });
      this.font('regular', 7.5);
      doc.text(this.t('footer.check', { url: verification.url }), margin.left, top + 34, {
        width: textWidth,
      });
      drawQrCode(doc, verification.url, margin.left + this.contentWidth - qrSize, top + 6, qrSize);
    }
    doc.page.margins.bottom = bottomMargin;
  }

  private drawDraftMark(): void {
    const doc = this.doc;
    const { width, height } = doc.page;
    doc.save();
    this.font('bold', 96);
    doc.fillColor('#d0d0d0').opacity(0.45);
    doc.rotate(-40, { origin: [width / 2, height / 2] });
    const text = this.t('draft');
    const textWidth = doc.widthOfString(text);
    doc.text(text, width / 2 - textWidth / 2, height / 2 - 48, { lineBreak: false });
    doc.restore();
    doc.fillColor('#000000').opacity(1);
  }
}
