import { readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Download, Locator, Page } from 'playwright-core';
import { seededRng, syntheticIin, type MarkValue } from '@ashyq/shared';
import {
  browserAvailable,
  launchBrowser,
  policyRefusals,
  screenshotPath,
} from '../support/browser';
import { exportWorkbook } from '../../server/src/cis/export';
import { sampleScheme } from '@ashyq/shared/exam/sample';
import { sqliteFileName } from '../../server/src/store/sqlite';
import { decodeQr, draftMarkShare, pdfPagePng, pdfText, pdfToolsAvailable } from '../support/pdf';
import { removeDataDir, startServer, type RunningServer } from '../support/server';

/**
 * The exam officer's whole flow in Chromium on the demo data: sign in at /login, see
 * the demo session, create a session reusing its marking scheme, register the commission (the
 * independence rule shown on the member's row), import students (a bad file refused with every
 * row, column and reason and nothing imported, then a clean one), see results after the
 * commission marks on tablets, and download the documents and the NOBD CSV.
 */

const demoSessionId = 'demo-exam-2026-po-22-1';
const rng = seededRng(606);
const adult = { from: '1975-01-01', to: '1990-12-31' } as const;
const young = { from: '2006-01-01', to: '2007-12-31' } as const;
const students = [
  { name: 'Ахметов Нұрлан Серікұлы', iin: syntheticIin(rng, young) },
  { name: 'Бекова Әсел Маратқызы', iin: syntheticIin(rng, young) },
  { name: 'Жұмабаев Дәурен Ерланұлы', iin: syntheticIin(rng, young) },
];
const wrongCheckDigit = (iin: string) => iin.slice(0, 11) + String((Number(iin[11]) + 1) % 10);

const csv = (rows: string[][]) =>
  Buffer.from(['ФИО;ИИН;Группа;Вариант', ...rows.map((row) => row.join(';'))].join('\r\n'));

const button = (scope: Page | Locator, name: string | RegExp) =>
  scope.getByRole('button', { name, exact: typeof name === 'string' });

describe.runIf(browserAvailable())('exam office in Chromium (demo data)', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let sessionId: string;
  let protocolPdf: Buffer;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'en',
      acceptDownloads: true,
    });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
  });

  const shot = (name: string) => page.screenshot({ path: screenshotPath(`exam-${name}`) });
  const tab = (name: string) =>
    page.getByRole('navigation', { name: 'Steps of the exam' }).getByRole('link', { name });

  async function downloaded(trigger: () => Promise<void>): Promise<Download> {
    const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
    return download;
  }

  it('sends the exam officer from /exam to sign in, and back to the sessions after', async () => {
    await page.goto(`${server.url}/exam`);
    await page.waitForURL(`${server.url}/login`);
    await page.getByLabel('Email').fill('exam@ashyq.kz');
    await page.getByLabel('Password').fill('Ashyq-Demo-2026');
    await page.getByRole('button', { name: /sign in/i }).click();
    await page.waitForURL(`${server.url}/exam`);
    const demo = page.getByRole('row').filter({ hasText: '4S06130105' });
    await expect.poll(() => demo.count()).toBe(1);
    expect(await demo.textContent()).toContain('ПО-22-1');
    await shot('sessions-1280x800');
  });

  it('creates a session: the college as the reference records it, code reasons inline, the scheme reused from the demo', async () => {
    await page.getByRole('link', { name: 'New session' }).click();
    await page.waitForURL(`${server.url}/exam/new`);
    // The documents are the account's college's: its name, BIN and region are shown, not typed.
    const issuer = page.locator('dl.exam-issuer');
    await expect.poll(() => issuer.textContent()).toMatch(/BIN\s*\d{12}/);
    expect(await issuer.textContent()).toContain('Astana');
    expect(await page.locator('input[name="bin"]').count()).toBe(0);
    await expect.poll(() => page.getByText(/issued in the name of your college/).count()).toBe(1);
    await shot('session-form-college-1280x800');

    await page.locator('select[name="examType"]').selectOption('intermediate');
    await page.locator('input[name="protocolNumber"]').fill('12-ДЭ');
    await page.locator('input[name="groups"]').fill('ПО-23-2');
    await page.locator('input[name="site"]').fill('Аудитория 210');
    await page.locator('input[name="startsAt"]').fill('2026-06-02T09:00');
    await page.locator('input[name="endsAt"]').fill('2026-06-02T15:00');
    // A June exam belongs to the academic year that ends then.
    await expect
      .poll(() => page.locator('input[name="academicYear"]').inputValue())
      .toBe('2025-2026');
    await page.locator('input[name="specialtyCode"]').fill('06130100');
    await page.locator('input[name="qualificationCode"]').fill('4S07150105');
    const qualification = page.locator('label.exam-field', {
      has: page.locator('input[name="qualificationCode"]'),
    });
    await expect.poll(() => qualification.getByRole('alert').textContent()).toContain('07150100');
    await page.locator('input[name="qualificationCode"]').fill('3W06130102');
    await expect.poll(() => qualification.getByRole('alert').count()).toBe(0);
    await page.locator('input[name="specialtyKk"]').fill('Бағдарламалық қамтамасыз ету');
    await page.locator('input[name="specialtyRu"]').fill('Программное обеспечение');
    await page.locator('input[name="qualificationKk"]').fill('Бағдарламашы');
    await page.locator('input[name="qualificationRu"]').fill('Программист');
    await page.locator('input[name="taskKk"]').fill('Өтінімдерді есепке алу жүйесі');
    await page.locator('input[name="taskRu"]').fill('Система учёта заявок');
    // The students file gives variants 1 and 2: a variant the session lacks would be refused.
    await page.locator('input[name="variants"]').fill('2');
    // A file that is not a workbook is refused where it was chosen...
    const schemeInput = page.locator('input[name="schemeWorkbook"]');
    await schemeInput.setInputFiles({
      name: 'scheme.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from('not a workbook'),
    });
    await expect.poll(() => page.locator('.exam-scheme [role="alert"]').count()).toBe(1);
    expect(
      await page
        .locator('label.file-picker', { has: schemeInput })
        .locator('.file-picker-row')
        .textContent(),
    ).toMatch(/^(Выбрать файл|Файлды таңдау|Choose a file)scheme\.xlsx$/);
    // ...a CIS workbook is read by the server and shown before anything is saved...
    const workbook = await exportWorkbook(sampleScheme, 'ru');
    await schemeInput.setInputFiles({
      name: 'scheme.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: workbook,
    });
    const schemeSummary = page.locator('fieldset', { has: page.locator('.exam-scheme') });
    await expect
      .poll(() => schemeSummary.textContent())
      .toContain('2 criteria, 100 points at most');
    // ...and a scheme the college used before can be taken instead.
    await page.locator('select[name="schemeFrom"]').selectOption(demoSessionId);
    await expect.poll(() => schemeSummary.textContent()).toContain('3 criteria, 50 points at most');
    await expect.poll(() => page.locator('.exam-scheme strong').textContent()).toContain('09');
    await shot('session-form-1280x800');
    await button(page, 'Create the session').click();
    await page.waitForURL(/\/exam\/sessions\/[^/]+\/commission$/);
    sessionId = page.url().split('/').at(-2)!;
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toContain('12-ДЭ');
  });

  it('shows the independence rule broken on the member’s row, and saves a valid commission', async () => {
    const members = [
      { role: 'chair', last: 'Захаров', first: 'Артём', employer: 'ТОО «Qazaq Code Lab»' },
      { role: 'chief', last: 'Қасымова', first: 'Айгерім', employer: 'Колледж «Сарыарка»' },
      { role: 'employer-expert', last: 'Омаров', first: 'Ерлан', employer: 'АО «Kaspi»' },
      { role: 'employer-expert', last: 'Ли', first: 'Виктория', employer: 'ТОО «Astana Hub»' },
    ];
    for (const [index, member] of members.entries()) {
      await button(page, 'Add a member').click();
      const n = index + 1;
      await page.getByLabel(`Role ${n}`, { exact: true }).selectOption(member.role);
      await page.getByLabel(`Last name ${n}`, { exact: true }).fill(member.last);
      await page.getByLabel(`First name ${n}`, { exact: true }).fill(member.first);
      await page.getByLabel(`IIN ${n}`, { exact: true }).fill(syntheticIin(rng, adult));
      await page.getByLabel(`Employer ${n}`, { exact: true }).fill(member.employer);
      await page.getByLabel(`Expert certificate No. ${n}`, { exact: true }).fill(`WSK-E-${n}`);
    }
    expect(await page.locator('.exam-violations').count()).toBe(0);
    // Entered IINs are masked once the field loses focus.
    await page.getByLabel('Last name 1', { exact: true }).focus();
    expect(await page.getByLabel('IIN 3', { exact: true }).inputValue()).toMatch(/^\*{8}\d{4}$/);

    await page.getByLabel('Staff of this college 2', { exact: true }).check();
    const problems = page.locator('tr.exam-problems');
    await expect.poll(() => problems.count()).toBe(1);
    expect(await problems.textContent()).toMatch(/independent/);
    await shot('commission-violation-1280x800');
    await button(page, 'Save the commission').click();
    const refusal = page.locator('.org-error');
    await expect.poll(() => refusal.textContent()).toMatch(/commission\.1\.collegeId/);

    await page.getByLabel('Staff of this college 2', { exact: true }).uncheck();
    await expect.poll(() => problems.count()).toBe(0);
    await button(page, 'Save the commission').click();
    await expect.poll(() => page.locator('main [role="status"]').textContent()).toBe('Saved');
    await shot('commission-1280x800');
  });

  it('refuses a students file with bad rows, listing each, and imports nothing; then a clean one', async () => {
    await tab('Students').click();
    const [a, b, c] = students as [
      (typeof students)[0],
      (typeof students)[0],
      (typeof students)[0],
    ];
    const bad = csv([
      [a.name, wrongCheckDigit(a.iin), 'ПО-23-2', '1'],
      [b.name, '071332512345', 'ПО-23-2', '2'],
      [c.name, c.iin, 'ПО-23-2', '1'],
      ['Сейтқали Дана', c.iin, 'ПО-23-2', '2'],
    ]);
    const input = page.locator('input[name="studentsFile"]');
    await input.setInputFiles({ name: 'students-bad.csv', mimeType: 'text/csv', buffer: bad });
    const refused = page.locator('.exam-refused');
    await expect.poll(() => refused.count()).toBe(1);
    const rows = refused.locator('tbody tr');
    expect(await rows.count()).toBe(3);
    expect(await rows.nth(0).textContent()).toMatch(/Row 2.*column B/i);
    expect(await rows.nth(1).textContent()).toMatch(/Row 3.*column B/i);
    expect(await rows.nth(2).textContent()).toMatch(/Row 5.*column B/i);
    expect(await refused.textContent()).toContain('Nothing was imported');
    expect(await page.getByRole('heading', { name: 'Students (0)' }).count()).toBe(1);
    await shot('students-refused-1280x800');

    const clean = csv(students.map((s, i) => [s.name, s.iin, 'ПО-23-2', String((i % 2) + 1)]));
    await input.setInputFiles({ name: 'students.csv', mimeType: 'text/csv', buffer: clean });
    await expect.poll(() => page.getByRole('heading', { name: 'Students (3)' }).count()).toBe(1);
    expect(await page.locator('.exam-ok').textContent()).toContain('3 students imported');
    const listed = await page.locator('td.exam-iin').allTextContents();
    expect(listed).toHaveLength(3);
    for (const iin of listed) expect(iin).toMatch(/^\*{8}\d{4}$/);
    await shot('students-1280x800');
  });

  it('shows results per student once the commission has marked on its tablets', async () => {
    await tab('Commission').click();
    const pins: string[] = [];
    for (const n of [2, 3, 4]) {
      const row = page
        .locator('tbody tr')
        .filter({ has: page.getByLabel(`Role ${n}`, { exact: true }) });
      await button(row, 'Tablet PIN').click();
      await expect.poll(() => row.locator('.exam-pin').count()).toBe(1);
      pins.push((await row.locator('.exam-pin').textContent())!);
    }
    // Each member gets a printable card with all a tablet needs to sign in.
    const cards = page.getByRole('article', { name: 'Tablet sign-in card' });
    await expect.poll(() => cards.count()).toBe(3);
    const card = cards.filter({ hasText: 'Омаров' });
    const code = (await card.locator('[data-sign-in-code]').textContent())!;
    const pin = (await card.locator('[data-pin]').textContent())!;
    expect(code).toBe(sessionId);
    expect(pin).toBe(pins[1]);
    expect(await card.locator('[data-link]').textContent()).toMatch(/\/login\/[\w-]{16,}$/);
    expect(await card.getByRole('img', { name: 'QR code of the sign-in link' }).count()).toBe(1);
    await page.getByRole('region', { name: 'Tablet sign-in card' }).scrollIntoViewIfNeeded();
    await shot('commission-cards-1280x800');
    // Printed, the sheet holds the cards alone: the commission's IINs stay on the screen.
    await page.emulateMedia({ media: 'print' });
    expect(await card.isVisible()).toBe(true);
    expect(await page.getByLabel('IIN 3', { exact: true }).isVisible()).toBe(false);
    expect(await button(page, 'Print the cards').isVisible()).toBe(false);
    await page.screenshot({ path: screenshotPath('exam-commission-cards-print'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    // An employer's expert signs in on a tablet with exactly what the card shows, and marks.
    const tablet = await browser.newContext({
      viewport: { width: 768, height: 1024 },
      locale: 'en',
    });
    const expert = await tablet.newPage();
    await expert.goto(`${server.url}/expert/login`);
    await expert.getByRole('button', { name: 'English' }).click();
    // A demo exam is not in the public list of competitions: its code is typed.
    await expert
      .getByLabel('Competition', { exact: true })
      .selectOption({ label: 'Another competition: type its code' });
    await expert.getByLabel('Competition code').fill(code);
    await expert.getByLabel('PIN (6 digits)').fill(pin);
    await expert.getByRole('button', { name: 'Sign in' }).click();
    await expert.waitForURL(`${server.url}/expert`);
    await expert.getByRole('button', { name: /^A1 / }).click();
    const bekova = expert.locator('table.mark-grid tbody tr').filter({ hasText: 'Бекова' });
    const firstAspect = bekova.locator('button[data-aspect="A1.M1"]');
    await firstAspect.click();
    await expert.getByRole('button', { name: /^Achieved/ }).click();
    await expect.poll(() => firstAspect.getAttribute('data-state')).toBe('saved');
    await expert.screenshot({ path: screenshotPath('exam-tablet-768x1024') });
    await tablet.close();

    await markStudent(server, sessionId, pins, 'Ахметов');

    await tab('Results').click();
    const table = page.locator('table.exam-results');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(3);
    const first = table.locator('tbody tr').filter({ hasText: 'Ахметов' });
    const total = Number((await first.locator('td.num').nth(4).textContent())!.replace(',', '.'));
    expect(total).toBeGreaterThan(0);
    // The mark entered on the tablet counts for the second student.
    const second = table.locator('tbody tr').filter({ hasText: 'Бекова' });
    expect(Number((await second.locator('td.num').nth(4).textContent())!.replace(',', '.'))).toBe(
      2,
    );
    // Marked on one aspect only, her result is not final: "not marked", never failed.
    const secondRow = (await second.textContent())!;
    expect(secondRow).toMatch(/Not marked|Не оценён|Бағаланбаған/);
    expect(secondRow).not.toMatch(/Failed|Не сдал|Тапсырмады/);
    // Until she is marked, the documents are drafts, and the office is told why before printing.
    await tab('Documents').click();
    const notice = page.getByRole('status').filter({ hasText: 'DRAFT' });
    expect(await notice.textContent()).toMatch(/Not final yet: .*Бекова/);
    const draft = await downloaded(() =>
      page.getByRole('link', { name: 'PDF Kazakh' }).first().click(),
    );
    if (pdfToolsAvailable()) {
      const draftPdf = readFileSync((await draft.path())!);
      expect(pdfText(draftPdf)).not.toContain('Тексеру коды');
      const png = pdfPagePng(draftPdf, 1, 80, screenshotPath('exam-protocol-draft-kk-e2e'));
      expect(draftMarkShare(png)).toBeGreaterThan(0.03);
    }
    await tab('Results').click();
    // The commission finishes her marking, so that the documents below are final.
    await markStudent(server, sessionId, pins, 'Бекова');
    await page.reload();
    await tab('Results').click();
    const third = table.locator('tbody tr').filter({ hasText: 'Жұмабаев' });
    await third.getByRole('combobox').selectOption('absent');
    // The reason goes to the protocol's remarks.
    await third.getByLabel(/^Reason/).fill('Справка о болезни № 17');
    await third.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => third.textContent()).toContain('Келмеді');
    expect(await third.textContent()).toContain('Не явился');
    expect(await page.locator('.exam-summary').textContent()).toContain('absent 1');
    await shot('results-1280x800');
  });

  it('downloads the protocol PDF and the NOBD CSV, and logs the export', async () => {
    await tab('Documents').click();
    const protocolLink = page.getByRole('link', { name: 'PDF Kazakh' }).first();
    expect(await protocolLink.getAttribute('href')).toBe(
      `/api/exam/sessions/${sessionId}/documents/protocol.pdf?language=kk`,
    );
    const pdf = await downloaded(() => protocolLink.click());
    const bytes = readFileSync((await pdf.path())!);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    protocolPdf = bytes;
    if (pdfToolsAvailable()) {
      const text = pdfText(bytes);
      expect(text).toContain('12-ДЭ');
      for (const student of students) expect(text).toContain(student.name.split(' ')[0]!);
      expect(text.replace(/\s+/g, ' ')).toContain('Справка о болезни № 17');
      pdfPagePng(bytes, 1, 80, screenshotPath('exam-protocol-kk-e2e'));
    }

    // Every student's result sheet in one file: a page each.
    const allSheets = page
      .getByRole('row', { name: /All sheets in one file/ })
      .getByRole('link', { name: 'PDF Russian' });
    const sheets = readFileSync((await (await downloaded(() => allSheets.click())).path())!);
    expect(sheets.subarray(0, 5).toString()).toBe('%PDF-');
    if (pdfToolsAvailable()) {
      const text = pdfText(sheets);
      for (const student of students) expect(text).toContain(student.name.split(' ')[0]!);
      expect(text.match(/\f/g)?.length).toBeGreaterThanOrEqual(students.length);
    }

    const csvFile = await downloaded(() =>
      page.getByRole('link', { name: 'Download CSV' }).click(),
    );
    expect(csvFile.suggestedFilename()).toBe(`nobd-${sessionId}.csv`);
    const text = readFileSync((await csvFile.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + students.length);
    expect(lines[0]!.split(';').slice(0, 3)).toEqual(['№ п/п', 'Номер протокола', 'Дата экзамена']);
    expect(lines[1]).toContain('02.06.2026');
    for (const student of students) expect(text).toContain(student.iin);

    // Back and forth within the app: the panel asks for the export log again.
    await tab('Session').click();
    await tab('Documents').click();
    const log = page.locator('table.exam-table').last();
    await expect.poll(() => log.textContent()).toContain('exam@ashyq.kz');
    // The protocol and the sheets printed above carry IINs too: they are in the log.
    expect(await log.textContent()).toContain('Protocol · PDF · Kazakh');
    expect(await log.textContent()).toContain('Result sheets · PDF · Russian');
    await shot('documents-1280x800');
  }, 60_000);

  it('opens the protocol’s QR code on the public check: words, masked IINs, then a tampered record', async () => {
    const qr = decodeQr(pdfPagePng(protocolPdf, 1, 150));
    expect(qr).toMatch(/\/verify\/[A-Z0-9]+$/);
    const code = qr!.split('/').pop()!;
    const visitor = await browser.newPage({ viewport: { width: 1000, height: 900 }, locale: 'en' });
    await visitor.goto(`${server.url}${new URL(qr!).pathname}`);
    await visitor.getByRole('button', { name: 'English' }).click();
    const verdict = visitor.locator('.verify-verdict');
    await expect
      .poll(() => verdict.textContent())
      .toContain('The document matches the server record');
    const text = (await visitor.locator('main').textContent())!;
    expect(text).toContain('Protocol of the demonstration exam');
    for (const label of ['College', 'Protocol No.', 'Qualification', 'Sat the exam', 'Passed']) {
      expect(text).toContain(label);
    }
    const headers = await visitor.locator('.verify-table th').allTextContents();
    expect(headers).toEqual(expect.arrayContaining(['Name', 'IIN', 'Letter grade', 'Result']));
    const ahmetov = visitor.locator('.verify-table tbody tr').filter({ hasText: 'Ахметов' });
    expect(await ahmetov.textContent()).toMatch(/passed|failed/);
    const absent = visitor.locator('.verify-table tbody tr').filter({ hasText: 'Жұмабаев' });
    expect(await absent.textContent()).toContain('absent');
    // No raw key of the summary, and never a whole IIN on a public page.
    expect(text).not.toMatch(/exam-protocol|outcome|qualification|students/);
    for (const student of students) expect(text).not.toContain(student.iin);
    expect(text).toContain(`********${students[0]!.iin.slice(8)}`);
    await visitor.screenshot({ path: screenshotPath('exam-verify-protocol-en'), fullPage: true });

    // Someone with access to the database rewrites a total in the issued record.
    const db = new Database(path.join(server.dataDir, sqliteFileName));
    try {
      const row = db
        .prepare("SELECT json FROM documents WHERE col = 'issuedDocuments' AND id = ?")
        .get(code) as { json: string };
      const record = JSON.parse(row.json) as { content: { rows: { total: number | null }[] } };
      record.content.rows[0]!.total = (record.content.rows[0]!.total ?? 0) + 7.5;
      db.prepare("UPDATE documents SET json = ? WHERE col = 'issuedDocuments' AND id = ?").run(
        JSON.stringify(record),
        code,
      );
    } finally {
      db.close();
    }
    await visitor.reload();
    await expect
      .poll(() => verdict.textContent())
      .toContain('The stored record of this document was altered after issue.');
    expect(await verdict.getAttribute('class')).toContain('verify-changed');
    await visitor.screenshot({ path: screenshotPath('exam-verify-tampered-en'), fullPage: true });
    await visitor.close();
  });

  it('shows the NOBD template with a located problem, and the annual report', async () => {
    const nav = page.getByRole('navigation', { name: 'Exam office' });
    await nav.getByRole('link', { name: 'NOBD template' }).click();
    await page.getByLabel('Header (ru) 3', { exact: true }).fill('Номер протокола');
    const problems = page.getByRole('alert', { name: 'Problems of the template' });
    await expect.poll(() => problems.textContent()).toMatch(/Column 3:.*header\.ru.*column 2/);
    expect(await button(page, 'Save the template').isDisabled()).toBe(true);
    await shot('nobd-template-1280x800');
    await page.getByLabel('Header (ru) 3', { exact: true }).fill('Дата экзамена');
    await expect.poll(() => page.locator('.exam-ok').textContent()).toBe('The template is valid.');

    await nav.getByRole('link', { name: 'Annual report' }).click();
    await page.getByLabel('Academic year').fill('2025-2026');
    await expect.poll(() => page.locator('.exam-figures').count()).toBe(1);
    await expect.poll(() => page.locator('canvas').count()).toBe(1);
    await shot('report-1280x800');
    await page.getByRole('button', { name: 'Русский' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toContain('Годовой отчёт');
    await shot('report-ru-1280x800');
  });

  it('met no Content-Security-Policy refusal in any page it opened', () => {
    expect(policyRefusals(browser)).toEqual([]);
  });
});

/**
 * The first student's marks from two tablets signed in with the PINs the officer issued: full
 * marks on every binary, choice and judgement aspect (deduction aspects are left unmarked).
 */
/** Every aspect of one student, marked by the whole commission through the tablets' API. */
async function markStudent(
  server: RunningServer,
  sessionId: string,
  pins: string[],
  lastName: string,
) {
  const officer = await signIn(server, '/api/auth/login', {
    email: 'exam@ashyq.kz',
    password: 'Ashyq-Demo-2026',
  });
  const { session } = (await (
    await fetch(`${server.url}/api/exam/sessions/${sessionId}`, { headers: { cookie: officer } })
  ).json()) as {
    session: {
      students: { id: string; name: { last: string } }[];
      scheme: {
        criteria: {
          subCriteria: {
            aspects: { code: string; type: 'M' | 'J'; measurement?: { kind: string } }[];
          }[];
        }[];
      };
    };
  };
  const student = session.students.find((s) => s.name.last === lastName)!;
  const aspects = session.scheme.criteria.flatMap((c) => c.subCriteria.flatMap((s) => s.aspects));
  for (const [index, pin] of pins.entries()) {
    const tablet = await signIn(server, '/api/auth/pin', { competitionId: sessionId, pin });
    const marks = aspects.flatMap((aspect) => {
      const value = fullMark(aspect, index === 0);
      if (!value) return [];
      const id = `e2e-${student.id}-${index}-${aspect.code.replace('.', '-')}`;
      return [{ id, competitor: student.id, aspect: aspect.code, value }];
    });
    const res = await fetch(`${server.url}/api/expert/marks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: tablet },
      body: JSON.stringify({ marks }),
    });
    const reply = (await res.json()) as { results: { status: string }[] };
    expect(res.status, JSON.stringify(reply)).toBe(200);
    expect(reply.results.filter((r) => r.status !== 'accepted')).toEqual([]);
  }
}

/**
 * Full marks for an aspect: every judge scores judgement aspects, the first tablet alone enters
 * binary and choice measurements (option 0 is full marks); deduction aspects stay unmarked.
 */
function fullMark(
  aspect: { type: 'M' | 'J'; measurement?: { kind: string } },
  measures: boolean,
): MarkValue | null {
  if (aspect.type === 'J') return { kind: 'judgement', score: 3 };
  if (!measures) return null;
  const kind = aspect.measurement?.kind ?? 'binary';
  if (kind === 'binary') return { kind: 'binary', achieved: true };
  if (kind === 'choice') return { kind: 'choice', option: 0 };
  // On target: no deduction.
  const target = (aspect.measurement as { target?: number } | undefined)?.target ?? 0;
  return { kind: 'deduction', measured: target };
}

async function signIn(server: RunningServer, url: string, body: unknown): Promise<string> {
  const res = await fetch(`${server.url}${url}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}
