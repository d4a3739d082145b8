import { describe, expect, it } from 'vitest';
import {
  decodeQr,
  pdfPageLayouts,
  pdfPagePng,
  pdfRawText,
  pdfText,
  draftMarkShare,
  pdfToolsAvailable,
} from '../../../test/support/pdf';
import { PdfWriter } from './pdf';

const kazakhLetters = 'ӘҒҚҢӨҰҮҺІ әғқңөұүһі';
const url = 'https://ashyq.example.kz/verify/7K2M9QX4TB';

function longDocument(language: 'kk' | 'ru', draft = false) {
  const pdf = new PdfWriter({
    language,
    title: 'Тест',
    verification: { code: '7K2M9-QX4TB', url },
    draft,
  });
  pdf.titleBlock({
    lines: ['Астана қаласының жоғары колледжі', 'Высший колледж города Астаны'],
    title: 'Хаттама / Протокол',
    subtitle: kazakhLetters,
  });
  pdf.fields([['Құзырет', 'Веб-технологиялар']]);
  const rows = Array.from({ length: 90 }, (_, i) => [String(i + 1), `Қатысушы ${i + 1}`, '12,50']);
  pdf.table(
    [
      { header: '№', width: 1, align: 'right' },
      { header: 'Аты-жөні', width: 6 },
      { header: 'Барлығы', width: 2, align: 'right' },
    ],
    rows,
  );
  pdf.signatures([
    { role: 'Бас сарапшы', name: 'Әбілқасымова Гүлнұр' },
    { role: 'Сарапшы', name: 'Өмірзақ Ұлан', signedAt: 'x', signedAtText: '23.11.2026 14:05' },
  ]);
  return pdf.toBuffer();
}

describe.runIf(pdfToolsAvailable())('PdfWriter', () => {
  it('prints every Kazakh letter, numbers pages "n / N" and repeats the table header on each page', async () => {
    const text = pdfText(await longDocument('kk'));
    expect(text).toContain(kazakhLetters);
    expect(text).toContain('Әбілқасымова Гүлнұр');
    const pages = text.split('\f').filter((page) => page.trim() !== '');
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, i) => {
      expect(page).toContain(`${i + 1} / ${pages.length} бет`);
      expect(page).toContain('Аты-жөні');
      expect(page).toContain('Тексеру коды: 7K2M9-QX4TB');
    });
    // every row exactly once, none lost at a page break
    for (let i = 1; i <= 90; i++) {
      expect(text.match(new RegExp(`Қатысушы ${i}(?!\\d)`, 'g'))).toHaveLength(1);
    }
    expect(text).toMatch(/қосымшада қол қойылды\s+23\.11\.2026 14:05/);
  });

  it('words the page numbers in Russian', async () => {
    const text = pdfText(await longDocument('ru'));
    expect(text).toContain('Страница 1 / 3');
    expect(text).toContain('Страница 3 / 3');
    expect(text).toContain('Код проверки: 7K2M9-QX4TB');
  });

  it('shades a draft watermark across the page only when asked', async () => {
    const draft = draftMarkShare(pdfPagePng(await longDocument('ru', true), 3, 40));
    const issued = draftMarkShare(pdfPagePng(await longDocument('ru'), 3, 40));
    expect(issued).toBeLessThan(0.01);
    expect(draft).toBeGreaterThan(0.05);
  });

  it('draws a QR code that decodes to the verification URL', async () => {
    const png = pdfPagePng(await longDocument('kk'), 2);
    expect(decodeQr(png)).toBe(url);
  });

  it('keeps every letter searchable when documents share the parsed fonts', async () => {
    // DejaVu composes ы from ь: subsetting the first document must not spoil ь for the next.
    for (const title of ['бағалардың жиынтық ведомосы', 'Сводная ведомость оценок']) {
      const pdf = new PdfWriter({ language: 'ru', title });
      pdf.titleBlock({ title });
      expect(pdfText(await pdf.toBuffer())).toContain(title);
    }
  });

  it('moves a table too wide for portrait to landscape pages rather than split a number', async () => {
    const pdf = new PdfWriter({ language: 'ru', title: 'Широкая таблица' });
    pdf.titleBlock({ title: 'Широкая таблица' });
    const columns = Array.from({ length: 12 }, (_, i) => ({ header: `ИИН ${i + 1}`, width: 1 }));
    const iin = (row: number, column: number) => String(100000000000 + row * 100 + column);
    const rows = Array.from({ length: 70 }, (_, row) => columns.map((_, c) => iin(row, c)));
    pdf.table(columns, rows);
    pdf.paragraph('Конец');
    const bytes = await pdf.toBuffer();
    // The title stays on its portrait page; the table and what follows are on landscape pages.
    const layouts = pdfPageLayouts(bytes);
    expect(layouts[0]).toBe('portrait');
    expect(layouts.length).toBeGreaterThan(2);
    expect(layouts.slice(1).every((layout) => layout === 'landscape')).toBe(true);
    const words = pdfRawText(bytes).split(/\s+/);
    for (const [row, cells] of rows.entries()) {
      for (const number of cells) expect(words, `row ${row}`).toContain(number);
    }
  });

  it('refuses to finish a document twice', async () => {
    const pdf = new PdfWriter({ language: 'en', title: 'Once' });
    pdf.paragraph('Hello');
    const bytes = await pdf.toBuffer();
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    await expect(pdf.toBuffer()).rejects.toThrow('already finished');
  });
});
