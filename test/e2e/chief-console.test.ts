import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import {
  browserAvailable,
  launchBrowser,
  policyRefusals,
  screenshotPath,
} from '../support/browser';
import { seededRng, syntheticIin } from '@ashyq/shared';
import { removeDataDir, startServer, type RunningServer } from '../support/server';

const competitionId = 'wsk-2026-astana-web';
const chiefPin = '352389';
/** Demo PINs of the web experts web-e1, web-e2, web-e3 (README). */
const judgePins = { 'web-e1': '950246', 'web-e2': '810854', 'web-e3': '378731' };

async function pinSession(server: RunningServer, pin: string): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/pin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ competitionId, pin }),
  });
  expect(res.status).toBe(200);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** A judge's score sent through the tablet's REST route, as a tablet would. */
async function score(
  server: RunningServer,
  expert: keyof typeof judgePins,
  competitor: string,
  aspect: string,
  value: number,
) {
  const cookie = await pinSession(server, judgePins[expert]);
  const res = await fetch(`${server.url}/api/expert/marks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({
      marks: [
        {
          id: `e2e-${expert}-${competitor}-${aspect.replace('.', '')}-${value}`,
          competitor,
          aspect,
          value: { kind: 'judgement', score: value },
        },
      ],
    }),
  });
  const reply = (await res.json()) as { results: { status: string }[] };
  expect(reply.results[0]?.status).toBe('accepted');
}

interface RosterNames {
  experts: { id: string; name: { last: string; first: string; middle?: string } }[];
  competitors: { id: string; name: { last: string; first: string; middle?: string } }[];
}

const joined = (name: { last: string; first: string; middle?: string }) =>
  [name.last, name.first, name.middle].filter(Boolean).join(' ');

/** A button by its visible text inside a part of the page. */
const button = (scope: Page | Locator, name: string | RegExp) =>
  scope.getByRole('button', { name, exact: typeof name === 'string' });

describe.runIf(browserAvailable())('chief expert console in Chromium (demo data)', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let expertName: (id: string) => string;
  let competitorName: (id: string) => string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en' });
    page = await context.newPage();
    const cookie = await pinSession(server, chiefPin);
    const roster = (await (
      await fetch(`${server.url}/api/chief/competitions/${competitionId}/roster`, {
        headers: { cookie },
      })
    ).json()) as RosterNames;
    const experts = new Map(roster.experts.map((e) => [e.id, joined(e.name)]));
    const competitors = new Map(roster.competitors.map((c) => [c.id, joined(c.name)]));
    expertName = (id) => experts.get(id)!;
    competitorName = (id) => competitors.get(id)!;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    removeDataDir(server.dataDir);
  });

  /** A console section's tab; the sections' landmark is named in the page's language. */
  const tab = (name: string) => button(page.locator('nav.chief-tabs'), new RegExp(`^${name}`));
  const dialog = () => page.getByRole('dialog');

  it('signs the chief in with its PIN and shows the progress matrix by name', async () => {
    await page.goto(`${server.url}/expert/login`);
    await button(page, 'English').click();
    await page.getByLabel('Competition', { exact: true }).selectOption(competitionId);
    await page.getByLabel('PIN (6 digits)').fill(chiefPin);
    await button(page, 'Sign in').click();
    await page.waitForURL(`${server.url}/chief`);
    await expect.poll(() => page.locator('.connection').textContent()).toBe('Live');
    expect(await page.getByRole('navigation', { name: 'Console sections' }).count()).toBe(1);
    // Where the results stand, before anything else: the demo's day 2 is not marked yet.
    expect(await page.locator('.results-stage').textContent()).toBe(
      'results provisional: marking under way',
    );

    const matrix = page.locator('table.matrix');
    const firstRow = matrix.locator('tbody tr').first();
    expect(await firstRow.locator('th').textContent()).toContain(competitorName('web-01'));
    // Day 1 is fully marked in the demo, day 2 not started.
    expect(await firstRow.locator('td').first().textContent()).toBe('100%');
    expect(await firstRow.locator('td').nth(4).textContent()).toBe('0%');
    await firstRow.locator('td').first().getByRole('button').click();
    const detail = page.getByRole('region', { name: 'Cell details' });
    expect(await detail.textContent()).toContain(expertName('web-e2'));
    await page.screenshot({ path: screenshotPath('chief-progress-1280x800') });
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: screenshotPath('chief-progress-1024x768') });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('alerts a discrepancy live, and asks the panel to re-score until it agrees', async () => {
    await score(server, 'web-e1', 'web-05', 'C1.J1', 0);
    await score(server, 'web-e2', 'web-05', 'C1.J1', 3);
    await score(server, 'web-e3', 'web-05', 'C1.J1', 3);
    const toast = page.locator('.toast');
    await expect.poll(() => toast.first().textContent()).toContain(competitorName('web-05'));
    expect(await toast.first().textContent()).toContain('C1.J1');
    await page.screenshot({ path: screenshotPath('chief-alert-1280x800') });

    await button(toast.first(), 'Show').click();
    const item = page.locator(
      'li.chief-discrepancy[data-competitor="web-05"][data-aspect="C1.J1"]',
    );
    expect(await item.textContent()).toContain(`${expertName('web-e1')}: 0`);
    await button(item, 'Request a re-score').click();
    await dialog().getByLabel('Reason (optional)').fill('Scores 0 and 3: look at the layout again');
    await button(dialog(), 'Request a re-score').click();
    await expect
      .poll(() => item.locator('.rescore-pending').textContent())
      .toContain(expertName('web-e1'));
    await page.screenshot({ path: screenshotPath('chief-discrepancies-1280x800') });

    // The judge who was apart re-scores: the discrepancy closes by itself.
    await score(server, 'web-e1', 'web-05', 'C1.J1', 3);
    await expect.poll(() => item.count()).toBe(0);
  });

  it('refuses a lock with the list of what is missing, then locks, shows sign-off and unlocks only with a reason', async () => {
    // An absent competitor needs no marks: it leaves the lists of what is missing.
    await tab('Competitors').click();
    const absentee = page.locator('tr[data-competitor="web-10"]');
    await button(absentee, 'Mark absent').click();
    await button(dialog(), 'Mark absent').click();
    await expect.poll(() => absentee.getAttribute('data-status')).toBe('absent');
    const leaving = page.locator('tr[data-competitor="web-09"]');
    await button(leaving, 'Mark withdrawn').click();
    await button(dialog(), 'Mark withdrawn').click();
    await expect.poll(() => leaving.getAttribute('data-status')).toBe('withdrawn');

    await tab('Locks and sign-off').click();
    const c2 = page.locator('li.lock-row[data-sub-criterion="C2"]');
    await button(c2, 'Lock').click();
    await button(dialog(), 'Lock').click();
    const c2Refusal = c2.getByRole('alert');
    await expect.poll(() => c2Refusal.textContent()).toContain('C2.M1 (not marked)');
    expect(await c2Refusal.textContent()).toContain(competitorName('web-01'));
    expect(await c2Refusal.textContent()).not.toContain(competitorName('web-10'));
    expect(await c2Refusal.textContent()).not.toContain(competitorName('web-09'));

    const b1 = page.locator('li.lock-row[data-sub-criterion="B1"]');
    await button(b1, 'Lock').click();
    await button(dialog(), 'Lock').click();
    const refusal = b1.getByRole('alert');
    await expect
      .poll(() => refusal.textContent())
      .toContain(`${competitorName('web-04')}: B1.J1 (open discrepancy)`);
    await page.screenshot({ path: screenshotPath('chief-lock-refused-1280x800') });

    await tab('Discrepancies').click();
    const open = page.locator(
      'li.chief-discrepancy[data-competitor="web-04"][data-aspect="B1.J1"]',
    );
    await button(open, 'Record a resolution').click();
    const resolve = button(dialog(), 'Record a resolution');
    expect(await resolve.isDisabled()).toBe(true);
    await dialog().getByLabel('Reason (required)').fill('Panel agreed on score 2 after review');
    await resolve.click();
    await expect.poll(() => open.count()).toBe(0);

    await tab('Locks and sign-off').click();
    await button(b1, 'Lock').click();
    await button(dialog(), 'Lock').click();
    await expect.poll(() => b1.getAttribute('data-locked')).toBe('true');
    const panel = ['web-e3', 'web-e4', 'web-e5', 'web-e1'];
    await expect
      .poll(() => b1.locator('.not-signed').textContent())
      .toContain(expertName('web-e1'));

    // web-e1 signs off on its tablet with its PIN: the console stops listing it.
    const e1 = await pinSession(server, judgePins['web-e1']);
    const signed = await fetch(`${server.url}/api/expert/sign-off/B1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: e1 },
      body: JSON.stringify({ pin: judgePins['web-e1'] }),
    });
    expect(signed.status).toBe(200);
    await expect.poll(() => b1.locator('.sign-offs').textContent()).toContain('Signed off: 1 of 4');
    const notSigned = await b1.locator('.not-signed').textContent();
    expect(notSigned).not.toContain(expertName('web-e1'));
    for (const expert of panel.slice(0, 3)) expect(notSigned).toContain(expertName(expert));
    expect(await b1.locator('.summary-links a').first().getAttribute('href')).toBe(
      `/api/chief/competitions/${competitionId}/sub-criteria/B1/summary.pdf?lang=kk`,
    );
    await page.screenshot({ path: screenshotPath('chief-locks-1280x800') });

    await button(b1, 'Unlock').click();
    const unlock = button(dialog(), 'Unlock');
    expect(await unlock.isDisabled()).toBe(true);
    await dialog().getByLabel('Reason (required)').fill('B1.M2 entered for the wrong competitor');
    await page.screenshot({ path: screenshotPath('chief-unlock-dialog-1280x800') });
    await unlock.click();
    await expect.poll(() => b1.getAttribute('data-locked')).toBe('false');
  });

  it('shows how each judge marks, with the demo’s lenient and severe markers flagged in words', async () => {
    await tab('Judges').click();
    const table = page.locator('table.judges-table');
    await table.waitFor();
    const row = (id: string) => table.locator(`tr[data-judge="${id}"]`);
    expect(await row('web-e2').locator('th').textContent()).toContain(expertName('web-e2'));
    expect(await row('web-e2').locator('td').last().textContent()).toMatch(
      /^Lenient: \+0\.\d\d points on average above the others$/,
    );
    expect(await row('web-e4').locator('td').last().textContent()).toMatch(/^Severe: −0\.\d\d/);
    expect(await page.getByRole('note').first().textContent()).toContain('never shown on a board');
    // The chart beside the table draws the lenient judge's bar in its colour and the severe one's.
    const chart = page.locator('figure.judges-chart');
    expect(await chart.locator('figcaption').textContent()).toMatch(/^Each judge’s lean/);
    const drawn = PNG.sync.read(await chart.locator('canvas').screenshot());
    const pixels = (r: number, g: number, b: number) => {
      let count = 0;
      for (let i = 0; i < drawn.data.length; i += 4) {
        const [pr, pg, pb] = [drawn.data[i]!, drawn.data[i + 1]!, drawn.data[i + 2]!];
        if (Math.abs(pr - r) + Math.abs(pg - g) + Math.abs(pb - b) < 30) count += 1;
      }
      return count;
    };
    expect(pixels(0xc2, 0x41, 0x0c)).toBeGreaterThan(50);
    expect(pixels(0x1d, 0x4e, 0xd8)).toBeGreaterThan(50);
    // The re-score asked of the panel above: web-e1 answered it and changed its score (0 -> 3);
    // web-e2 was asked too but the scores agreed before it scored again.
    const rescores = (id: string) => page.locator(`table.rescores-table tr[data-judge="${id}"] td`);
    expect(await rescores('web-e1').allTextContents()).toEqual(['1', '1 of 1', '1 of 1', '1']);
    expect(await rescores('web-e2').allTextContents()).toEqual(['1', '0 of 1', '0 of 0', '0']);
    await page.screenshot({ path: screenshotPath('chief-judges-1280x800'), fullPage: true });

    // A new score arrives while the tab is open: the figures follow without a reload.
    await score(server, 'web-e2', 'web-05', 'C1.J1', 2);
    await expect.poll(() => rescores('web-e2').last().textContent()).toBe('1');
  });

  it('lists a trainee in a table of its own, and the trainee’s tablet says its scores do not count', async () => {
    const trainee = 'web-trainee-e2e';
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@ashyq.kz', password: 'Ashyq-Demo-2026' }),
    });
    const organiser = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const added = await fetch(`${server.url}/api/organiser/competitions/${competitionId}/experts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: organiser },
      body: JSON.stringify({
        id: trainee,
        name: { last: 'Стажёрова', first: 'Дана' },
        iin: syntheticIin(seededRng(3), { from: '1990-01-01', to: '1999-12-31' }),
        regionId: 'mangystau',
        role: 'trainee',
      }),
    });
    expect(added.status).toBe(201);
    const issued = await fetch(
      `${server.url}/api/chief/competitions/${competitionId}/credentials/${trainee}`,
      { method: 'POST', headers: { cookie: await pinSession(server, chiefPin) } },
    );
    const { pin } = (await issued.json()) as { pin: string };
    const cookie = await pinSession(server, pin);
    const scored = await fetch(`${server.url}/api/expert/marks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({
        marks: ['web-01', 'web-02'].map((competitor) => ({
          id: `e2e-trainee-${competitor}`,
          competitor,
          aspect: 'B2.J1',
          value: { kind: 'judgement', score: 3 },
        })),
      }),
    });
    expect(((await scored.json()) as { results: { status: string }[] }).results).toEqual([
      { id: 'e2e-trainee-web-01', status: 'accepted' },
      { id: 'e2e-trainee-web-02', status: 'accepted' },
    ]);

    // The chief's Judges tab follows the log: the trainee appears in its own table only.
    const trainees = page.locator('table[aria-labelledby="trainees-title"]');
    await expect
      .poll(() => trainees.locator(`tr[data-judge="${trainee}"] th`).textContent())
      .toBe('Стажёрова Дана');
    expect(await trainees.locator(`tr[data-judge="${trainee}"] td`).first().textContent()).toBe(
      '2',
    );
    expect(
      await page
        .locator(`table.judges-table:not([aria-labelledby]) tr[data-judge="${trainee}"]`)
        .count(),
    ).toBe(0);

    const tablet = await browser.newPage({ viewport: { width: 768, height: 1024 }, locale: 'en' });
    await tablet.goto(`${server.url}/expert/login`);
    await tablet.locator('select[name="competitionChoice"]').selectOption(competitionId);
    await tablet.locator('input[name="pin"]').fill(pin);
    await tablet.locator('form button[type="submit"]').click();
    await expect
      .poll(() => tablet.locator('.trainee-badge').textContent())
      .toBe('Trainee: your scores are recorded for your training and do not count');
    await tablet.screenshot({ path: screenshotPath('trainee-tablet-768x1024') });
    await tablet.close();
  });

  it('filters the audit trail by expert and kind and shows the log check', async () => {
    await tab('Audit trail').click();
    await expect
      .poll(() => page.locator('.verification p').textContent())
      .toMatch(/^Log verified: the hash chain of \d+ events is intact\.$/);
    await button(page.locator('.verification'), 'Check again').click();
    await expect.poll(() => page.locator('.verification p').textContent()).toMatch(/^Log verified/);
    await page.getByLabel('Expert').selectOption({ label: expertName('web-e1') });
    await page.getByLabel('Event').selectOption({ label: 'Mark' });
    const rows = page.locator('table.audit tbody tr');
    await expect
      .poll(
        async () =>
          new Set(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-type')))),
      )
      .toEqual(new Set(['mark.recorded']));
    const actors = await rows.evaluateAll((trs) => trs.map((tr) => tr.children[3]!.textContent));
    expect(actors.length).toBeGreaterThan(3);
    expect(new Set(actors)).toEqual(new Set([expertName('web-e1')]));
    // The newest first: the re-score this test sent.
    expect(await rows.first().textContent()).toContain(
      `${competitorName('web-05')} · C1.J1 · value 3`,
    );
    await page.screenshot({ path: screenshotPath('chief-audit-1280x800') });

    await page.getByLabel('Expert').selectOption({ label: 'Any' });
    await page.getByLabel('Event').selectOption({ label: 'Unlocked' });
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(
      'reason: B1.M2 entered for the wrong competitor',
    );
  });

  it('issues a PIN with a printable QR card, and revokes it', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await tab('Experts and panels').click();
    const row = page.locator('tr[data-expert="web-e4"]');
    await button(row, 'Issue a PIN and QR link').click();
    expect(await dialog().textContent()).toContain('The current PIN and link stop working.');
    await button(dialog(), 'Issue a PIN and QR link').click();
    const card = page.getByRole('region', { name: 'Sign-in card' });
    const pin = (await card.locator('[data-pin]').textContent()) ?? '';
    expect(pin).toMatch(/^\d{6}$/);
    expect(await card.textContent()).toContain(expertName('web-e4'));
    const qr = card.getByRole('img', { name: 'QR code of the sign-in link' });
    await expect
      .poll(() =>
        qr.evaluate(
          (img) =>
            (img as { complete: boolean }).complete &&
            (img as { naturalWidth: number }).naturalWidth > 0,
        ),
      )
      .toBe(true);
    const png = PNG.sync.read(await qr.screenshot());
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    // The link carries PUBLIC_URL (here the default, http://localhost:<port>), as tablets reach it.
    expect(decoded?.data).toMatch(
      new RegExp(`^http://localhost:${server.port}/login/[A-Za-z0-9_-]{16,}$`),
    );
    expect(await card.textContent()).toContain(decoded!.data);
    await page.screenshot({ path: screenshotPath('chief-credential-card-1024x768') });
    // The old demo PIN is replaced by the new one.
    expect(
      (
        await fetch(`${server.url}/api/auth/pin`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ competitionId, pin }),
        })
      ).status,
    ).toBe(200);

    await button(card, 'Close').click();
    await button(row, 'Revoke').click();
    await button(dialog(), 'Revoke').click();
    await expect.poll(() => row.locator('.credential-state').textContent()).toBe('No PIN');
    const refused = await fetch(`${server.url}/api/auth/pin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ competitionId, pin }),
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);

    const conflictForm = page.locator('.conflict-form');
    await conflictForm.getByLabel('Expert').selectOption({ label: expertName('web-e4') });
    await page.getByLabel('Competitor').selectOption({ label: competitorName('web-01') });
    await button(page, 'Declare the conflict').click();
    await button(dialog(), 'Declare the conflict').click();
    await expect
      .poll(() => page.locator('.conflict-list').textContent())
      .toBe(`${expertName('web-e4')}: ${competitorName('web-01')}`);
  });

  it('speaks the user language, down to the server refusal of a marking team too small', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await button(page, 'Русский').click();
    await tab('Эксперты и группы').click();
    const c2 = page.locator('li.panel-row[data-sub-criterion="C2"]');
    const team = c2.getByRole('group', { name: 'Группа оценки C2' });
    await button(team, expertName('web-e1')).click();
    await button(team, expertName('web-e2')).click();
    await button(c2, 'Сохранить группу').click();
    await expect
      .poll(() => c2.getByRole('alert').textContent())
      .toBe('В группе оценки подкритерия C2 должно быть от 3 до 5 экспертов, а не 2');
    await c2.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('chief-panels-ru-1024x768') });
    await button(c2, 'Отмена').click();

    await button(page, 'Қазақша').click();
    await tab('Бағалау барысы').click();
    await page.screenshot({ path: screenshotPath('chief-progress-kk-1024x768') });
    expect(await page.locator('table.matrix thead th').first().textContent()).toBe('Қатысушы');
    expect(await page.locator('.results-stage').textContent()).toBe(
      'нәтижелер алдын ала: бағалау жүріп жатыр',
    );
  });

  it('lets an organiser pick the competition it runs the console for', async () => {
    const organiser = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'en',
    });
    const signedIn = await organiser.request.post(`${server.url}/api/auth/login`, {
      data: { email: 'admin@ashyq.kz', password: 'Ashyq-Demo-2026' },
    });
    expect(signedIn.status()).toBe(200);
    const tab = await organiser.newPage();
    await tab.goto(`${server.url}/chief`);
    await button(tab, 'English').click();
    await tab.getByRole('link', { name: /Web Technologies/ }).click();
    await tab.waitForURL(`${server.url}/chief/${competitionId}`);
    await expect.poll(() => tab.locator('.connection').textContent()).toBe('Live');
    expect(await tab.locator('table.matrix tbody tr').count()).toBe(10);
    await organiser.close();
  });

  it('catches up after a dropped connection: every event once, none missed', async () => {
    const console2 = await context.newPage();
    const sockets: { close: () => Promise<void> }[] = [];
    await console2.routeWebSocket(/\/socket\.io\//, (ws) => {
      ws.connectToServer();
      sockets.push(ws);
    });
    await console2.goto(`${server.url}/chief`);
    await button(console2, 'English').click();
    await expect.poll(() => console2.locator('.connection').textContent()).toBe('Live');
    await button(console2.locator('nav.chief-tabs'), 'Audit trail').click();

    // Every socket of the page drops, as when the Wi-Fi goes.
    await Promise.all(sockets.map((socket) => socket.close()));
    await expect.poll(() => console2.locator('.connection').textContent()).not.toBe('Live');
    await score(server, 'web-e2', 'web-07', 'C1.J1', 2);
    await score(server, 'web-e3', 'web-07', 'C1.J1', 2);
    // Socket.IO waits 0.5–1.5 s before its first reconnection attempt, longer after a failed one.
    await expect
      .poll(() => console2.locator('.connection').textContent(), { timeout: 15_000 })
      .toBe('Live');

    const cookie = await pinSession(server, chiefPin);
    const overview = (await (
      await fetch(`${server.url}/api/chief/competitions/${competitionId}/overview`, {
        headers: { cookie },
      })
    ).json()) as { head: { seq: number } };
    const seqs = () =>
      console2
        .locator('table.audit tbody tr td.number')
        .evaluateAll((cells) => cells.map((cell) => Number(cell.textContent)));
    await expect.poll(async () => (await seqs())[0]).toBe(overview.head.seq);
    const shown = await seqs();
    expect(shown).toEqual(shown.map((_, i) => overview.head.seq - i));
    await console2.close();
  });

  it('met no Content-Security-Policy refusal in any page it opened', () => {
    expect(policyRefusals(browser)).toEqual([]);
  });
});
