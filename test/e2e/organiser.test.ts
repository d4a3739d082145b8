import { spawnSync } from 'node:child_process';
import path from 'node:path';
import ExcelJS from 'exceljs';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  earnsMedallion,
  getProfile,
  medalForPosition,
  percentOf,
  roundHalfUp,
  seededRng,
  standardPositions,
  syntheticIin,
  type MarkingScheme,
} from '@ashyq/shared';
import { syntheticBin } from '../../seeds/people';
import { cisWorkbook } from '../fixtures/cis-workbook';
import {
  browserAvailable,
  launchBrowser,
  policyRefusals,
  screenshotPath,
} from '../support/browser';
import { removeDataDir, startServer, tempDataDir, type RunningServer } from '../support/server';

/**
 * An organiser starts from an empty database: signs in, registers a college, creates a
 * championship and a competency, imports the marking scheme workbook and the people lists,
 * names the chief expert; marking goes through the API; the organiser publishes in the console
 * and downloads the results workbook, whose positions, medals and totals are checked against
 * the shared scoring engine's own functions.
 */

const email = 'organiser@e2e.kz';
const password = 'Organiser-E2E-2026';
const championshipId = 'e2e-2026-astana';
const competitionId = 'e2e-2026-astana-web';
const rng = seededRng(7);

const scheme: MarkingScheme = {
  skill: { number: '17', name: 'Web Technologies' },
  sections: [
    { id: '1', name: 'Work organisation', weight: 40 },
    { id: '2', name: 'Design', weight: 60 },
  ],
  criteria: [
    {
      id: 'A',
      name: 'Layout',
      maxMark: 4,
      subCriteria: [
        {
          id: 'A1',
          name: 'Page layout',
          day: 1,
          aspects: [
            { code: 'A1.M1', type: 'M', description: 'Header present', section: '1', maxMark: 1 },
            { code: 'A1.M2', type: 'M', description: 'Grid used', section: '2', maxMark: 1 },
            { code: 'A1.M3', type: 'M', description: 'Responsive', section: '2', maxMark: 2 },
          ],
        },
      ],
    },
    {
      id: 'B',
      name: 'Code',
      maxMark: 3,
      subCriteria: [
        {
          id: 'B1',
          name: 'Code quality',
          day: 2,
          aspects: [
            { code: 'B1.M1', type: 'M', description: 'Valid HTML', section: '1', maxMark: 1.5 },
            {
              code: 'B1.M2',
              type: 'M',
              description: 'No console errors',
              section: '2',
              maxMark: 1.5,
            },
          ],
        },
      ],
    },
  ],
};
const aspects = scheme.criteria.flatMap((c) => c.subCriteria.flatMap((s) => s.aspects));

/** Aspects each competitor misses: totals 7, 6, 5.5, 5.5 (a tie for bronze), 1. */
const competitors = [
  { last: 'Әлиев', first: 'Дәурен', missed: [] as string[] },
  { last: 'Бекова', first: 'Аружан', missed: ['A1.M1'] },
  { last: 'Жұмабаев', first: 'Ерлан', missed: ['B1.M1'] },
  { last: 'Қасымова', first: 'Дана', missed: ['B1.M2'] },
  {
    last: 'Нұрланов',
    first: 'Тимур',
    missed: ['A1.M2', 'A1.M3', 'B1.M1', 'B1.M2'],
  },
].map((c) => ({ ...c, iin: syntheticIin(rng, { from: '2004-01-01', to: '2007-12-31' }) }));
const experts = ['Сарсенова Гүлнар', 'Омаров Бауыржан', 'Ким Виктор'].map((name) => ({
  name,
  iin: syntheticIin(rng, { from: '1975-01-01', to: '1990-12-31' }),
}));

/** Added by hand in the console rather than from the list. */
const independent = { iin: syntheticIin(rng, { from: '1975-01-01', to: '1990-12-31' }) };

const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(';')).join('\r\n'), 'utf8');

/** Expected rows from the engine's own functions: rounded totals, 1224 ranking, medals. */
function expectedResults() {
  const profile = getProfile('wsk-championship@2024')!;
  const maxTotal = aspects.reduce((sum, a) => sum + a.maxMark, 0);
  const totals = competitors
    .map((c) => ({
      last: c.last,
      total: roundHalfUp(
        aspects.filter((a) => !c.missed.includes(a.code)).reduce((sum, a) => sum + a.maxMark, 0),
        2,
      ),
    }))
    .sort((a, b) => b.total - a.total);
  const positions = standardPositions(totals.map((t) => t.total));
  const words = { gold: 'Gold', silver: 'Silver', bronze: 'Bronze' } as const;
  return totals.map((row, i) => {
    const medal = medalForPosition(positions[i]!, totals.length, profile.medals);
    const medallion = earnsMedallion(profile.medallion, {
      ranked: true,
      medal,
      scaled: null,
      percent: percentOf(row.total, maxTotal),
    });
    const cell = medal ? words[medal] : medallion ? 'Medallion for Excellence' : '';
    return [positions[i], row.last, cell, row.total];
  });
}

async function api(
  server: RunningServer,
  cookie: string,
  method: string,
  url: string,
  body?: unknown,
) {
  const res = await fetch(`${server.url}${url}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

async function signInCookie(server: RunningServer, url: string, body: unknown): Promise<string> {
  const res = await fetch(`${server.url}${url}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return res.headers.getSetCookie()[0]!.split(';')[0]!;
}

/** Marking as the chief's API and the tablets do it: a panel, a PIN, every mark, the locks. */
async function markEverything(server: RunningServer) {
  const organiser = await signInCookie(server, '/api/auth/login', { email, password });
  const base = `/api/organiser/competitions/${competitionId}`;
  const people = (await api(server, organiser, 'GET', `${base}/competitors`)).competitors as {
    id: string;
    iin: string;
  }[];
  const staff = (await api(server, organiser, 'GET', `${base}/experts`)).experts as {
    id: string;
    role: string;
  }[];
  const marker = staff.find((e) => e.role === 'expert')!;
  const chief = `/api/chief/competitions/${competitionId}`;
  for (const sub of ['A1', 'B1']) {
    await api(server, organiser, 'PUT', `${chief}/panels/${sub}`, { expertIds: [marker.id] });
  }
  const { pin } = await api(server, organiser, 'POST', `${chief}/credentials/${marker.id}`);
  const expert = await signInCookie(server, '/api/auth/pin', { competitionId, pin });
  const marks = competitors.flatMap((c) => {
    const id = people.find((p) => p.iin === c.iin)!.id;
    return aspects.map((a) => ({
      id: `e2e-${id.slice(0, 8)}-${a.code.replace('.', '-')}`,
      competitor: id,
      aspect: a.code,
      value: { kind: 'binary', achieved: !c.missed.includes(a.code) },
    }));
  });
  const reply = await api(server, expert, 'POST', '/api/expert/marks', { marks });
  expect(reply.results.every((r: { status: string }) => r.status === 'accepted')).toBe(true);
  for (const sub of ['A1', 'B1']) {
    await api(server, organiser, 'POST', `${chief}/sub-criteria/${sub}/lock`);
    // Publishing needs every sub-criterion signed off by its panel (docs/results-lifecycle.md).
    await api(server, expert, 'POST', `/api/expert/sign-off/${sub}`, { pin });
  }
}

async function rowsOf(file: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const rows: unknown[][] = [];
  workbook.getWorksheet('Results')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe.runIf(browserAvailable())('organiser console in Chromium, from an empty database', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const dataDir = tempDataDir('ashyq-organiser-');
    // The first account of an empty deployment comes from the CLI, as an operator would do it.
    const created = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'server/src/cli/main.ts',
        'organiser',
        'add',
        '--email',
        email,
        '--name',
        'Организатор',
      ],
      {
        cwd: path.resolve(import.meta.dirname, '../..'),
        env: { ...process.env, DATA_DIR: dataDir, ASHYQ_PASSWORD: password },
        encoding: 'utf8',
      },
    );
    expect(created.status, created.stderr).toBe(0);
    server = await startServer({ dataDir, env: { ASHYQ_DEMO: '0' } });
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

  it('starts empty: no demo championship', async () => {
    const res = await fetch(`${server.url}/api/public/championships`);
    expect(((await res.json()) as { championships: unknown[] }).championships).toEqual([]);
  });

  it('signs in, registers a college and creates a championship with a competency', async () => {
    await page.goto(`${server.url}/login`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.screenshot({ path: screenshotPath('organiser-login-1280x800') });
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.url}/organiser`);
    await page.getByText('No championships yet').waitFor();

    await page.getByRole('link', { name: 'Colleges' }).click();
    const college = page.getByRole('form', { name: 'Register a college' });
    await college.getByLabel('Identifier').fill('astana-poly');
    await college.getByLabel('Name in Kazakh').fill('Астана политехникалық колледжі');
    await college.getByLabel('Name in Russian').fill('Астанинский политехнический колледж');
    await college.getByLabel('BIN').fill(syntheticBin(rng, { year: 2001, month: 9 }));
    await college.getByRole('button', { name: 'Add' }).click();
    await page.getByRole('cell', { name: 'Астанинский политехнический колледж' }).waitFor();

    await page.getByRole('link', { name: 'Championships' }).click();
    await page.getByLabel('Identifier').fill(championshipId);
    await page.getByLabel('Name in Kazakh').fill('Астана өңірлік чемпионаты 2026');
    await page.getByLabel('Name in Russian').fill('Региональный чемпионат Астаны 2026');
    await page.getByLabel('Name in English').fill('Astana Regional Championship 2026');
    await page.getByLabel('Starts on').fill('2026-04-14');
    await page.getByLabel('Ends on').fill('2026-04-16');
    await page.getByLabel('Publication policy').selectOption('live');
    await page.getByRole('button', { name: 'New championship' }).click();
    await page.waitForURL(`${server.url}/organiser/championships/${championshipId}`);

    const add = page.getByRole('form', { name: 'Add a competency' });
    await add.getByLabel('Identifier').fill(competitionId);
    await add.getByLabel('Skill number').fill('17');
    await add.getByLabel('Name in Kazakh').fill('Веб-технологиялар');
    await add.getByLabel('Name in Russian').fill('Веб-технологии');
    await add.getByLabel('Name in English').fill('Web Technologies');
    await add.getByRole('button', { name: 'Add' }).click();
    await page.getByRole('link', { name: 'Web Technologies' }).click();
    await page.waitForURL(`${server.url}/organiser/competitions/${competitionId}`);
  });

  it('edits the competency’s details, its own publication and back to the championship’s', async () => {
    const details = page.getByRole('form', { name: 'Competency details' });
    await details.getByLabel('Name in Russian').fill('Веб-технологии (сайты)');
    await details.getByLabel('Publication policy').selectOption('locked');
    await details.getByLabel('Freeze the public board at').fill('2026-04-16T15:00');
    await details.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await page.screenshot({
      path: screenshotPath('organiser-competition-details-1280x800'),
      fullPage: true,
    });

    await page.reload();
    const reloaded = page.getByRole('form', { name: 'Competency details' });
    await expect(reloaded.getByLabel('Name in Russian').inputValue()).resolves.toBe(
      'Веб-технологии (сайты)',
    );
    await expect(reloaded.getByLabel('Publication policy').inputValue()).resolves.toBe('locked');
    await expect(reloaded.getByLabel('Freeze the public board at').inputValue()).resolves.toBe(
      '2026-04-16T15:00',
    );
    // No marks yet: the rules profile may still change.
    await expect(reloaded.getByLabel('Rules profile').inputValue()).resolves.toBe(
      'wsk-championship@2024',
    );

    await reloaded.getByLabel('Publication policy').selectOption({ label: 'As the championship' });
    await reloaded.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await page.reload();
    const inherited = page.getByRole('form', { name: 'Competency details' });
    await expect(inherited.getByLabel('Publication policy').inputValue()).resolves.toBe(
      'championship',
    );
    await expect(inherited.getByLabel('Freeze the public board at').count()).resolves.toBe(0);
  });

  it('edits the championship: sets a venue and a freeze time, then clears both', async () => {
    await page.goto(`${server.url}/organiser/championships/${championshipId}`);
    const details = page.getByRole('form', { name: 'Championship details' });
    await details.getByLabel('Venue').fill('Astana, QazExpoCongress');
    await details.getByLabel('Freeze the public board at').fill('2026-04-16T18:00');
    await details.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();

    await page.reload();
    let reloaded = page.getByRole('form', { name: 'Championship details' });
    await expect(reloaded.getByLabel('Venue').inputValue()).resolves.toBe(
      'Astana, QazExpoCongress',
    );
    await expect(reloaded.getByLabel('Freeze the public board at').inputValue()).resolves.toBe(
      '2026-04-16T18:00',
    );
    await page.screenshot({
      path: screenshotPath('organiser-championship-details-1280x800'),
      fullPage: true,
    });

    await reloaded.getByLabel('Venue').fill('');
    await reloaded.getByLabel('Freeze the public board at').fill('');
    await reloaded.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await page.reload();
    reloaded = page.getByRole('form', { name: 'Championship details' });
    await expect(reloaded.getByLabel('Venue').inputValue()).resolves.toBe('');
    await expect(reloaded.getByLabel('Freeze the public board at').inputValue()).resolves.toBe('');
    await page.getByRole('link', { name: 'Web Technologies' }).click();
    await page.waitForURL(`${server.url}/organiser/competitions/${competitionId}`);
  });

  it('says what it read and derived from a workbook without a title, and asks for the skill', async () => {
    await page.setInputFiles('input[name="scheme-file"]', {
      name: 'untitled.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await cisWorkbook(scheme, {
        omitColumns: ['day'],
        edit: (sheet) => (sheet.getCell('A1').value = null),
      }),
    });
    // The field speaks the page's language (the browser's own button would not) and names the file.
    const picker = page.locator('label.file-picker', {
      has: page.locator('input[name="scheme-file"]'),
    });
    expect(await picker.locator('.file-picker-row').textContent()).toBe(
      'Choose a fileuntitled.xlsx',
    );
    await page.getByRole('button', { name: 'Check the workbook' }).click();
    const report = page.getByLabel('Import report: check before accepting');
    await report.waitFor();
    const text = await report.textContent();
    expect(text).toContain(
      'Sheet "CIS Marking Scheme Import", older CIS layout (no day of marking)',
    );
    expect(text).toContain('Derived from the aspects: skill name, days of marking');
    expect(text).toContain('No skill title (such as "17 Web Technologies") above the blocks');
    const accept = page.getByRole('button', { name: 'Accept this scheme' });
    await expect(accept.isDisabled()).resolves.toBe(true);
    await page.getByLabel('Skill name').fill('Web Technologies');
    await expect(accept.isDisabled()).resolves.toBe(false);
    await page.screenshot({
      path: screenshotPath('organiser-scheme-untitled-1280x800'),
      fullPage: true,
    });
  });

  it('shows the scheme import report before accepting, then accepts it', async () => {
    await page.setInputFiles('input[name="scheme-file"]', {
      name: 'web-technologies.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await cisWorkbook(scheme),
    });
    await page.getByRole('button', { name: 'Check the workbook' }).click();
    const report = page.getByLabel('Import report: check before accepting');
    await report.waitFor();
    await expect(report.textContent()).resolves.toContain('2 criteria, 2 sub-criteria, 5 aspects');
    await page.screenshot({
      path: screenshotPath('organiser-scheme-report-1280x800'),
      fullPage: true,
    });
    // The check kept nothing: the competition still has no scheme until it is accepted.
    await page.getByText('No scheme uploaded yet').waitFor();
    await page.getByRole('button', { name: 'Accept this scheme' }).click();
    await page.getByText('Scheme accepted as version 1').waitFor();
    await page.getByRole('link', { name: 'Download the scheme as a CIS workbook' }).waitFor();
    // A typo fixed before marking starts: a new version, no reason needed yet.
    await page.getByText('Edit names, descriptions and max marks').click();
    await page.getByLabel('Criterion B', { exact: true }).fill('Code quality');
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    await page.getByText('Saved as version 2').waitFor();
  });

  it('refuses a people list with the row and column of each problem, then imports the right ones', async () => {
    const header = ['ФИО', 'ИИН', 'Колледж', 'Регион'];
    const broken = csv([header, ['Әлиев Дәурен', '123456789012', 'astana-poly', 'Астана']]);
    await page.setInputFiles('input[name="competitors-file"]', {
      name: 'competitors.csv',
      mimeType: 'text/csv',
      buffer: broken,
    });
    const refusal = page.getByRole('alert').filter({ hasText: 'IIN' });
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toMatch(/Row 2/);
    await page.screenshot({ path: screenshotPath('organiser-people-refused-1280x800') });

    const rows = competitors.map((c) => [`${c.last} ${c.first}`, c.iin, 'astana-poly', 'Астана']);
    await page.setInputFiles('input[name="competitors-file"]', {
      name: 'competitors.csv',
      mimeType: 'text/csv',
      buffer: csv([header, ...rows]),
    });
    await page.getByText('Imported: 5').waitFor();
    // A column the reader does not know is ignored, and the organiser is told where it was.
    const expertRows = experts.map((e) => [e.name, e.iin, 'Астана', 'эксперт', '+7 701 000 00 00']);
    await page.setInputFiles('input[name="experts-file"]', {
      name: 'experts.csv',
      mimeType: 'text/csv',
      buffer: csv([['ФИО', 'ИИН', 'Регион', 'Роль', 'Телефон'], ...expertRows]),
    });
    const imported = page.getByRole('status').filter({ hasText: 'Imported: 3' });
    await imported.waitFor();
    await expect(imported.textContent()).resolves.toContain(
      'Row 1, column E (Телефон): This column was not recognised and is ignored',
    );
    await page.getByRole('button', { name: 'Make chief expert' }).first().click();
    await page.getByRole('cell', { name: /Chief expert/ }).waitFor();

    // A name corrected by hand, with the reason the log keeps.
    await page
      .getByRole('row', { name: /Қасымова/ })
      .getByRole('button', { name: 'Edit' })
      .click();
    const correction = page.getByRole('form', { name: 'Correct: Қасымова Дана' });
    await correction.getByLabel('Middle name').fill('Ерланқызы');
    await correction.getByLabel('Reason').fill('The middle name was missing from the list');
    await page.screenshot({ path: screenshotPath('organiser-person-edit-1280x800') });
    await correction.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('cell', { name: 'Қасымова Дана Ерланқызы' }).waitFor();

    // One expert added by hand: a mistyped IIN is refused and nothing is added.
    const single = page.getByRole('form', { name: 'Add an expert' });
    await single.getByLabel('Last name').fill('Ахметова');
    await single.getByLabel('First name').fill('Сая');
    await single.getByLabel('IIN').fill('123456789012');
    await single.getByLabel('Role').selectOption('independent');
    await single.getByLabel('Expert certificate No.').fill('WSK-KZ-2025-0311');
    await single.getByLabel('Employer').fill('ТОО «Astana Web Studio»');
    await single.getByRole('button', { name: 'Add' }).click();
    await single.getByRole('alert').filter({ hasText: 'IIN' }).waitFor();
    await expect(page.getByRole('cell', { name: 'Ахметова Сая' }).count()).resolves.toBe(0);
    await single.getByLabel('IIN').fill(independent.iin);
    await single.getByRole('button', { name: 'Add' }).click();
    await page.getByRole('cell', { name: 'Ахметова Сая' }).waitFor();

    // An expert's role and papers corrected: another expert's IIN is the server's refusal.
    const kim = page.getByRole('row', { name: /Ким Виктор/ });
    await kim.getByRole('button', { name: 'Edit' }).click();
    const papers = page.getByRole('form', { name: 'Correct: Ким Виктор' });
    await papers.getByLabel('IIN').fill(experts[1]!.iin);
    await papers.getByRole('button', { name: 'Save' }).click();
    await papers.getByRole('alert').waitFor();
    await papers.getByLabel('IIN').fill(experts[2]!.iin);
    await papers.getByLabel('Role').selectOption('deputy-chief');
    await papers.getByLabel('Expert certificate No.').fill('WSK-KZ-2024-0158');
    await papers.getByLabel('Employer').fill('Astana IT University');
    await papers.getByLabel('Delegation').fill('Астана');
    await page.screenshot({ path: screenshotPath('organiser-expert-edit-1280x800') });
    await papers.getByRole('button', { name: 'Save' }).click();
    await kim.getByRole('cell', { name: /Deputy chief expert/ }).waitFor();
    await kim.getByRole('button', { name: 'Edit' }).click();
    await expect(papers.getByLabel('Employer').inputValue()).resolves.toBe('Astana IT University');
    await expect(papers.getByLabel('Delegation').inputValue()).resolves.toBe('Астана');
    await papers.getByRole('button', { name: 'Cancel' }).click();

    // She declares that she taught one competitor: the conflict is listed by name.
    const conflict = page.getByRole('form', { name: 'Declare a conflict' });
    await conflict.getByLabel('Expert').selectOption({ label: 'Ахметова Сая' });
    await conflict.getByLabel('Competitor').selectOption({ label: 'Нұрланов Тимур' });
    await conflict.getByRole('button', { name: 'Declare a conflict' }).click();
    await page.getByText('Ахметова Сая must not mark Нұрланов Тимур').waitFor();
    await page.screenshot({ path: screenshotPath('organiser-people-1280x800'), fullPage: true });
  });

  it('prints the experts’ PIN and QR cards on an A4 sheet', async () => {
    await page.getByRole('button', { name: 'Issue PINs and print QR cards' }).click();
    // One card per expert: the three from the list and the one added by hand.
    await page.locator('.org-card').nth(experts.length).waitFor();
    expect(await page.locator('.org-card-qr svg').count()).toBe(experts.length + 1);
    const pins = await page.locator('.org-card-pin span').allTextContents();
    expect(pins.every((pin) => /^\d{6}$/.test(pin))).toBe(true);
    // A card's QR code is the expert's sign-in link: it opens the expert app on a fresh tablet.
    const expertCard = page
      .locator('.org-card')
      .filter({ has: page.getByText('Expert', { exact: true }) })
      .first();
    // The sheet draws the code with a one-module margin; the card's white padding is the rest.
    const box = (await expertCard.locator('.org-card-qr').boundingBox())!;
    const clip = { x: box.x - 12, y: box.y - 12, width: box.width + 24, height: box.height + 24 };
    const png = PNG.sync.read(await page.screenshot({ clip }));
    const link = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? '';
    expect(link).toMatch(/\/login\/[A-Za-z0-9_-]{16,}$/);
    const tablet = await browser.newContext({ viewport: { width: 768, height: 1024 } });
    const tabletPage = await tablet.newPage();
    await tabletPage.goto(`${server.url}${new URL(link).pathname}`);
    await tabletPage.waitForURL(`${server.url}/expert`);
    await tablet.close();
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: screenshotPath('organiser-pin-cards-print-1280x800') });
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: 'Back to the competition' }).click();
  });

  it('publishes after marking and downloads results that match the engine', async () => {
    await page.goto(`${server.url}/organiser/championships/${championshipId}`);
    const row = page.locator(`tr[data-competition="${competitionId}"]`);
    // Nothing locked yet: no Publish button, the row says what is missing, by name.
    const missing = row.getByText(
      'Cannot be published yet: 2 sub-criteria not locked or not signed off',
    );
    await missing.waitFor();
    await missing.click();
    expect(await row.getByRole('listitem').allTextContents()).toEqual([
      'A1: not locked',
      'B1: not locked',
    ]);
    expect(await row.getByRole('button', { name: 'Publish' }).count()).toBe(0);
    expect(await row.textContent()).toContain('Provisional: marking');
    await markEverything(server);
    await page.reload();
    await row.getByText('25 / 25').waitFor();
    // The confirmation names what is published and what follows from it.
    let asked = '';
    page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.accept();
    });
    await row.getByRole('button', { name: 'Publish' }).click();
    await row.getByText(/^Final, published \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/).waitFor();
    expect(asked).toContain('17 Web Technologies');
    expect(asked).toContain('chief expert to unlock with a reason');
    // The boards' ceremony reveal, driven from the console.
    const ceremony = page.getByLabel('Award ceremony reveal on the public boards');
    await ceremony.getByRole('button', { name: 'Start: medals last' }).click();
    await ceremony.getByText('Step 0').waitFor();
    await ceremony.getByRole('button', { name: 'Reveal next' }).click();
    await ceremony.getByText('Step 1').waitFor();
    await page.screenshot({ path: screenshotPath('organiser-run-1280x800'), fullPage: true });
    await ceremony.getByRole('button', { name: 'End the reveal' }).click();
    await ceremony.getByText('No reveal running').waitFor();
    await expect(
      row.getByRole('link', { name: 'Chief expert console' }).getAttribute('href'),
    ).resolves.toBe(`/chief/${competitionId}`);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Results 17 Web Technologies (XLSX)' }).click(),
    ]);
    const rows = await rowsOf((await download.path())!);
    expect(rows[0]).toEqual([
      'Position',
      'Member',
      'Member Name',
      'Skill Number',
      'Skill Name',
      'First Name',
      'Last Name',
      'Medal',
      'Total',
    ]);
    const byPlace = (a: unknown[], b: unknown[]) =>
      Number(a[0]) - Number(b[0]) || String(a[1]).localeCompare(String(b[1]));
    const got = rows.slice(1).map((r) => [r[0], r[6], r[7] ?? '', r[8]]);
    expect(got.sort(byPlace)).toEqual(expectedResults().sort(byPlace));
    expect(rows[1]!.slice(1, 5)).toEqual(['astana', 'Astana', '17', 'Web Technologies']);

    // The best-of-delegation report as shown, downloaded: Astana's best is the winner.
    const [report] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download this report (XLSX)' }).click(),
    ]);
    const best = new ExcelJS.Workbook();
    await best.xlsx.readFile((await report.path())!);
    const bestRows: unknown[][] = [];
    best
      .getWorksheet('Best of delegation')!
      .eachRow((row) => bestRows.push((row.values as unknown[]).slice(1)));
    expect(bestRows.slice(1)).toEqual([
      ['Astana', 'Әлиев Дәурен', '17', 'Web Technologies', 1, 7, 100],
    ]);
  });

  it('proposes advancement and reports the tie at the top-3 line', async () => {
    // The next level, as another organiser's console would have made it: the national
    // championship with the same competency.
    const organiser = await signInCookie(server, '/api/auth/login', { email, password });
    await api(server, organiser, 'POST', '/api/organiser/championships', {
      id: 'e2e-2026-national',
      name: { kk: 'Республикалық чемпионат 2026', ru: 'Республиканский чемпионат 2026' },
      level: 'national',
      track: 'wsk',
      season: 2026,
      hostRegionId: 'astana',
      startsOn: '2026-10-01',
      endsOn: '2026-10-05',
      profileId: 'wsk-championship@2024',
    });
    await api(
      server,
      organiser,
      'POST',
      '/api/organiser/championships/e2e-2026-national/competitions',
      {
        id: 'e2e-2026-national-web',
        skill: { number: '17', name: { kk: 'Веб-технологиялар', ru: 'Веб-технологии' } },
      },
    );

    await page.getByRole('link', { name: 'Advancement to the next level' }).click();
    await page.getByText('No advancement has been applied yet').waitFor();
    await page.getByRole('button', { name: 'Propose' }).click();
    await page.getByText('Tied: to decide').first().waitFor();
    expect(await page.getByText('Selected by the rule').count()).toBe(2);

    // The competency's own rule: its medal winners (two share bronze), at most 3 per region.
    // All four are from Astana, so the quota's line falls between the equal bronzes: reported.
    await page.getByLabel('Rule: 17 Web Technologies').selectOption('medalists');
    await page.getByLabel('Quota').selectOption('region');
    await page.getByLabel('At most').fill('3');
    await page.getByText('The rules have changed since this proposal').waitFor();
    await page.getByRole('button', { name: 'Propose' }).click();
    await page.getByText('2 equal for 1 place(s) at Astana').waitFor();
    expect(await page.getByText('Selected by the rule').count()).toBe(2);
    expect(await page.getByText('Tied: to decide').count()).toBe(2);
    await page.screenshot({
      path: screenshotPath('organiser-advancement-1280x800'),
      fullPage: true,
    });

    const decide = async (last: string, reason: string, action: 'Send' | 'Do not send') => {
      const row = page.getByRole('row', { name: new RegExp(last) });
      await row.getByLabel('Reason').fill(reason);
      await row.getByRole('button', { name: action, exact: true }).click();
      await page.getByRole('cell', { name: reason }).waitFor();
    };
    await decide('Қасымова', 'Higher mark for criterion B', 'Send');
    await decide('Жұмабаев', 'Decided by the organising committee', 'Do not send');
    await page.getByText('2 equal for 1 place(s) at Astana — decided').waitFor();

    // A national selection's quota is 5 to 30 per region: the server refuses 3 and sends nobody.
    await page.getByLabel('Next-level championship').selectOption('e2e-2026-national');
    await page.getByRole('button', { name: 'Create the competitor lists' }).click();
    await page.getByRole('alert').filter({ hasText: '5 to 30' }).waitFor();
    await page.getByLabel('At most').fill('5');
    await page.getByRole('button', { name: 'Propose' }).click();
    await page.getByText('Sent by decision').first().waitFor();
    await page.getByRole('button', { name: 'Create the competitor lists' }).click();
    await page.getByText('Registered: 3; already registered: 0').waitFor();

    const decision = page.getByRole('listitem').filter({ hasText: 'sent 3, registered 3' });
    await decision.waitFor();
    await expect(decision.textContent()).resolves.toContain(
      'Every competency: Top 3; 17 Web Technologies: Medal winners; Quota: at most 5 per region',
    );
    await expect(decision.textContent()).resolves.toContain(
      'Жұмабаев Ерлан (17 Web Technologies): Not sent by decision — Decided by the organising committee',
    );
    await page.screenshot({
      path: screenshotPath('organiser-advancement-applied-1280x800'),
      fullPage: true,
    });
  });

  it('opens the public page and the chief expert console of a competency from the console', async () => {
    await page.goto(`${server.url}/organiser/championships/${championshipId}`);
    await page.getByRole('link', { name: /^Public page/ }).click();
    await page.waitForURL(`${server.url}/championships/${championshipId}`);
    await page.goBack();
    // The exam office's annual report is open to organisers too.
    await page.getByRole('link', { name: 'Demo exams' }).click();
    await page.getByRole('link', { name: 'Annual report' }).click();
    await page.getByRole('heading', { name: 'Annual report on demonstration exams' }).waitFor();
    await page.goto(`${server.url}/organiser/championships/${championshipId}`);
    const row = page.locator(`tr[data-competition="${competitionId}"]`);
    await row.getByRole('link', { name: 'Chief expert console' }).click();
    await page.waitForURL(`${server.url}/chief/${competitionId}`);
    await page
      .getByRole('heading', { name: /Chief expert console: 17 Web Technologies/ })
      .waitFor();
  });

  it('lists the championship with its track and status, and clones it under a new name', async () => {
    await page.goto(`${server.url}/organiser`);
    const listed = page.getByRole('row', { name: /Astana Regional Championship 2026/ });
    await listed.getByRole('cell', { name: 'WorldSkills Kazakhstan' }).waitFor();
    await listed.getByRole('cell', { name: 'Results published' }).waitFor();
    await listed.getByRole('button', { name: 'Clone for a new season' }).click();

    const clone = page.getByRole('form', { name: 'Clone for a new season' });
    // The season's year moves on in the id and the names; the organiser renames the rest.
    await expect(clone.getByLabel('Identifier').inputValue()).resolves.toBe('e2e-2027-astana');
    await expect(clone.getByLabel('Name in Russian').inputValue()).resolves.toBe(
      'Региональный чемпионат Астаны 2027',
    );
    await clone.getByLabel('Name in English').fill('Astana Spring Championship 2027');
    await page.screenshot({ path: screenshotPath('organiser-clone-1280x800'), fullPage: true });
    await clone.getByRole('button', { name: 'Clone for a new season' }).click();
    await page.waitForURL(`${server.url}/organiser/championships/e2e-2027-astana`);
    await page.getByRole('heading', { name: 'Astana Spring Championship 2027' }).waitFor();

    await page.getByRole('link', { name: 'Championships' }).click();
    const copy = page.getByRole('row', { name: /Astana Spring Championship 2027/ });
    await copy.getByRole('cell', { name: 'Being set up' }).waitFor();
    await page.screenshot({
      path: screenshotPath('organiser-championships-1280x800'),
      fullPage: true,
    });
  });

  it('met no Content-Security-Policy refusal in any page it opened', () => {
    expect(policyRefusals(browser)).toEqual([]);
  });
});
