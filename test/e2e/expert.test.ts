import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  browserAvailable,
  launchBrowser,
  policyRefusals,
  screenshotPath,
} from '../support/browser';
import { removeDataDir, startServer, type RunningServer } from '../support/server';

const competitionId = 'wsk-2026-astana-web';
const expertPin = '950246';

interface MarkEvent {
  actor: string;
  data: { mark: { id: string; competitor: string; aspect: string } };
}

/** The competition's mark.recorded events, read as the organiser through the chief audit route. */
async function recordedMarks(server: RunningServer): Promise<MarkEvent[]> {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@ashyq.kz', password: 'Ashyq-Demo-2026' }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const res = await fetch(
    `${server.url}/api/chief/competitions/${competitionId}/events?type=mark.recorded`,
    { headers: { cookie } },
  );
  expect(res.status).toBe(200);
  return ((await res.json()) as { events: MarkEvent[] }).events;
}

async function signIn(page: Page, server: RunningServer) {
  await page.goto(`${server.url}/expert/login`);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByLabel('Competition', { exact: true }).selectOption(competitionId);
  await page.getByLabel('PIN (6 digits)').fill(expertPin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${server.url}/expert`);
}

async function openSubCriterion(page: Page, day: number, subCriterion: string) {
  await page.getByRole('button', { name: `Day ${day}` }).click();
  await page.getByRole('button', { name: new RegExp(`^${subCriterion} `) }).click();
}

/** The tablet's Socket.IO connection never gets through, so marks go over REST (routable). */
const unreachableSocket = (page: Page) =>
  page.route('**/socket.io/**', (route) => route.abort('connectionrefused'));

/** The grid cell of the n-th competitor row for an aspect. */
const cell = (page: Page, row: number, aspect: string) =>
  page.locator('table.mark-grid tbody tr').nth(row).locator(`button[data-aspect="${aspect}"]`);

describe.runIf(browserAvailable())('expert tablet in Chromium (demo data)', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await newTablet();
  });

  /** A tablet of its own: cookies, storage and service worker apart from the others. */
  const newTablet = (options: { serviceWorkers?: 'block' } = {}) =>
    browser.newContext({ viewport: { width: 768, height: 1024 }, locale: 'en', ...options });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    removeDataDir(server.dataDir);
  });

  it('saves a mark, keeps marks on the tablet offline and through a reload, sends each once', async () => {
    const before = await recordedMarks(server);
    const page = await context.newPage();
    await signIn(page, server);
    // The service worker must hold the app before the tablet loses the network.
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    // Installable: Chromium's own check of the manifest, its icons and the service worker (a
    // test's browser context is always incognito, which Chromium also reports).
    const devtools = await context.newCDPSession(page);
    const { installabilityErrors } = await devtools.send('Page.getInstallabilityErrors');
    expect(installabilityErrors.filter((e) => e.errorId !== 'in-incognito')).toEqual([]);
    await devtools.detach();
    await openSubCriterion(page, 2, 'C1');

    await cell(page, 0, 'C1.J1').click();
    expect(await page.locator('.entry-choices.judgement .descriptor').count()).toBe(4);
    await page.screenshot({ path: screenshotPath('expert-judgement-768x1024') });
    await page.getByRole('button', { name: 'Score 2' }).click();
    await expect.poll(() => cell(page, 0, 'C1.J1').getAttribute('data-state')).toBe('saved');
    expect(await cell(page, 0, 'C1.J1').textContent()).toBe('2');

    await context.setOffline(true);
    await expect.poll(() => page.locator('.sync-bar').textContent()).toContain('Offline');
    // After a save the next competitor of the same aspect is selected.
    await page.getByRole('button', { name: 'Score 3' }).click();
    await cell(page, 0, 'C1.M1').click();
    await page.getByRole('button', { name: /^Achieved/ }).click();
    // Queued once the tablet's own store has it, a moment after the tap.
    await expect.poll(() => cell(page, 1, 'C1.J1').getAttribute('data-state')).toBe('queued');
    await expect.poll(() => cell(page, 0, 'C1.M1').getAttribute('data-state')).toBe('queued');
    await expect
      .poll(() => page.locator('.sync-bar').textContent())
      .toContain('Waiting to be sent: 2');
    await page.screenshot({ path: screenshotPath('expert-grid-768x1024-offline') });

    await page.reload();
    expect(await page.locator('.sync-bar').textContent()).toContain('Offline');
    await expect.poll(() => cell(page, 1, 'C1.J1').getAttribute('data-state')).toBe('queued');
    expect(await cell(page, 0, 'C1.M1').getAttribute('data-state')).toBe('queued');
    expect(await cell(page, 0, 'C1.J1').getAttribute('data-state')).toBe('saved');

    await context.setOffline(false);
    // Back online the queue syncs at once or at the next retry; a busy machine may take a while.
    const synced = { timeout: 15_000 };
    await expect
      .poll(() => cell(page, 1, 'C1.J1').getAttribute('data-state'), synced)
      .toBe('saved');
    await expect
      .poll(() => cell(page, 0, 'C1.M1').getAttribute('data-state'), synced)
      .toBe('saved');
    expect(await page.locator('.sync-bar').textContent()).toContain('All marks are saved');

    const added = (await recordedMarks(server)).slice(before.length);
    expect(added.map((e) => `${e.actor} ${e.data.mark.aspect}`).sort()).toEqual([
      'web-e1 C1.J1',
      'web-e1 C1.J1',
      'web-e1 C1.M1',
    ]);
    expect(new Set(added.map((e) => e.data.mark.id)).size).toBe(3);
    await page.close();
  });

  it('keeps a mark through a closed page while the server is unreachable', async () => {
    const before = await recordedMarks(server);
    // Page routes do not see requests a service worker could handle, so this tablet has none.
    const tablet = await newTablet({ serviceWorkers: 'block' });
    const page = await tablet.newPage();
    let refused = 0;
    await page.route('**/api/expert/marks', (route) => {
      refused += 1;
      return route.abort('connectionrefused');
    });
    await unreachableSocket(page);
    await signIn(page, server);
    await openSubCriterion(page, 2, 'C1');
    await cell(page, 2, 'C1.M6').click();
    const choice = page.locator('.entry-choices button').nth(1);
    const preview = await choice.locator('.mark').textContent();
    await choice.click();
    await expect.poll(() => refused).toBeGreaterThan(0);
    expect(await cell(page, 2, 'C1.M6').getAttribute('data-state')).toBe('queued');
    await page.close();

    const reopened = await tablet.newPage();
    await reopened.goto(`${server.url}/expert`);
    await openSubCriterion(reopened, 2, 'C1');
    await expect.poll(() => cell(reopened, 2, 'C1.M6').getAttribute('data-state')).toBe('saved');
    expect(`Mark ${await cell(reopened, 2, 'C1.M6').textContent()}`).toBe(preview);
    const added = (await recordedMarks(server)).slice(before.length);
    expect(added.map((e) => e.data.mark.aspect)).toEqual(['C1.M6']);
    await tablet.close();
  });

  it('keeps marks entered after the session ended and sends them after a new sign-in', async () => {
    const before = await recordedMarks(server);
    const tablet = await newTablet();
    const page = await tablet.newPage();
    await signIn(page, server);
    await openSubCriterion(page, 2, 'D2');
    await page.evaluate("fetch('/api/auth/logout', { method: 'POST' })");
    await cell(page, 0, 'D2.M1').click();
    await page.getByRole('button', { name: /^Achieved/ }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('sign in again');
    expect(await cell(page, 0, 'D2.M1').getAttribute('data-state')).toBe('queued');

    await signIn(page, server);
    await expect.poll(() => cell(page, 0, 'D2.M1').getAttribute('data-state')).toBe('saved');
    const added = (await recordedMarks(server)).slice(before.length);
    expect(added.map((e) => e.data.mark.aspect)).toEqual(['D2.M1']);
    await tablet.close();
  });

  it('warns when the browser refuses to store marks, and still sends them', async () => {
    const before = await recordedMarks(server);
    const tablet = await newTablet();
    // As in a private window on some tablets: IndexedDB exists but will not open.
    await tablet.addInitScript(
      "indexedDB.open = () => { throw new DOMException('IndexedDB is disabled', 'InvalidStateError'); };",
    );
    const page = await tablet.newPage();
    await signIn(page, server);
    await page.getByRole('alert').filter({ hasText: 'do not reload' }).waitFor();
    await openSubCriterion(page, 2, 'D2');
    await cell(page, 1, 'D2.M1').click();
    await page.getByRole('button', { name: /^Achieved/ }).click();
    await expect.poll(() => cell(page, 1, 'D2.M1').getAttribute('data-state')).toBe('saved');
    const added = (await recordedMarks(server)).slice(before.length);
    expect(added.map((e) => e.data.mark.aspect)).toEqual(['D2.M1']);
    await tablet.close();
  });

  it('keeps a mark entered while the server restarts, and sends it once the server is back', async () => {
    const before = await recordedMarks(server);
    const tablet = await newTablet();
    const page = await tablet.newPage();
    await signIn(page, server);
    // Without the server the page reloads from the service worker, once it holds the app.
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    await openSubCriterion(page, 2, 'D2');
    await server.stop();
    try {
      await cell(page, 2, 'D2.M1').click();
      await page.getByRole('button', { name: /^Achieved/ }).click();
      // On the tablet once IndexedDB has it: the write is asynchronous.
      await expect.poll(() => cell(page, 2, 'D2.M1').getAttribute('data-state')).toBe('queued');
      await page.reload();
      await expect.poll(() => cell(page, 2, 'D2.M1').getAttribute('data-state')).toBe('queued');
    } finally {
      // Back on the same data and port whatever happened, for the tests after this one.
      server = await startServer({ dataDir: server.dataDir, port: server.port });
    }
    // The queue retries with backoff; the socket reconnects on its own schedule.
    await expect
      .poll(() => cell(page, 2, 'D2.M1').getAttribute('data-state'), { timeout: 40_000 })
      .toBe('saved');
    const added = (await recordedMarks(server)).slice(before.length);
    expect(added.map((e) => e.data.mark.aspect)).toEqual(['D2.M1']);
    await tablet.close();
  }, 60_000);

  it("shows a rejected mark with the server's reason in the expert's language", async () => {
    const tablet = await newTablet({ serviceWorkers: 'block' });
    const page = await tablet.newPage();
    // The UI never offers a mark the server would refuse, so the refusal is staged here, on the
    // REST route the tablet falls back to without its socket.
    await unreachableSocket(page);
    await page.route('**/api/expert/marks', (route) => {
      const { marks } = route.request().postDataJSON() as { marks: { id: string }[] };
      return route.fulfill({
        json: {
          results: marks.map(({ id }) => ({
            id,
            status: 'rejected',
            reason: 'sub_criterion_locked',
            params: { subCriterion: 'C2' },
          })),
        },
      });
    });
    await signIn(page, server);
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.getByRole('button', { name: 'День 2' }).click();
    await page.getByRole('button', { name: /^C2 / }).click();
    await cell(page, 0, 'C2.M1').click();
    await page.getByRole('button', { name: /^Выполнено/ }).click();
    await expect.poll(() => cell(page, 0, 'C2.M1').getAttribute('data-state')).toBe('rejected');
    await cell(page, 0, 'C2.M1').click();
    expect(await page.locator('.cell-status').textContent()).toContain(
      'Отклонено: Подкритерий C2 заблокирован; сначала главный эксперт должен его разблокировать',
    );
    // A rejected cell takes a new entry.
    expect(await page.getByRole('button', { name: /^Выполнено/ }).count()).toBe(1);
    await tablet.close();
  });

  it('shows who in the team measured a cell, and a measured value as the mark before saving; fits 800x1280', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 800, height: 1280 });
    await page.goto(`${server.url}/expert`);
    await openSubCriterion(page, 1, 'B1');
    // Day 1 is fully marked in the demo: the teammates' measurements show as theirs, so nobody
    // measures a cell again; a different reading goes through a correction.
    const measured = page.locator('table.mark-grid button[data-aspect="B1.M4"].team');
    await measured.first().click();
    await expect
      .poll(() => page.locator('.entry .cell-status').textContent())
      .toMatch(/entered by \S+/);
    await page.getByRole('button', { name: 'Correct the mark' }).click();
    await page.getByLabel('Measured value').fill('3');
    expect(await page.locator('.entry-measured .preview').textContent()).toMatch(/^Mark: [\d.]+$/);
    await page.screenshot({ path: screenshotPath('expert-grid-800x1280') });
    await page.close();
  });

  it('shows a locked sub-criterion as closed to marks and signed off by this expert', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/expert`);
    await openSubCriterion(page, 1, 'A1');
    expect(await page.locator('.locked').textContent()).toContain(
      'You have signed off this sub-criterion',
    );
    await cell(page, 0, 'A1.M1').click();
    // Nothing to enter or change: only the panel's close button is left.
    expect(await page.locator('.entry button:not(.close)').count()).toBe(0);
    await page.close();
  });

  it("shows a judge the panel's scores only where it has scored, with the discrepancy", async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 800, height: 1280 });
    await page.goto(`${server.url}/expert`);
    // Day 2 is not marked yet: a judgement there waits for this judge, the panel unseen.
    await openSubCriterion(page, 2, 'C1');
    await page
      .locator('table.mark-grid button[data-aspect="C1.J1"][data-state="empty"]')
      .first()
      .click();
    expect(await page.locator('.entry').textContent()).toContain(
      "The other judges' scores appear once yours is saved",
    );
    await openSubCriterion(page, 1, 'B1');
    const judged = page.locator('table.mark-grid button[data-aspect="B1.J1"]');
    // Where the panel already has its judges' scores, the cell asks for nothing and says only so.
    await judged.and(page.locator('[data-state="notNeeded"]')).first().click();
    const entry = await page.locator('.entry').textContent();
    expect(entry).toContain('no score is needed from you');
    expect(entry).not.toContain('appear once yours is saved');
    expect(await page.locator('.entry .entry-choices').count()).toBe(0);
    // The demo holds B1 on an open judge discrepancy.
    await judged.and(page.locator('.discrepant')).first().click();
    expect(await page.locator('.panel-scores').textContent()).toMatch(/Panel's scores: \d( · \d)+/);
    expect(await page.locator('.discrepancy').textContent()).toContain('Discrepancy');
    await page.getByRole('button', { name: 'Қазақша' }).click();
    await page.screenshot({ path: screenshotPath('expert-discrepancy-800x1280-kk') });
    await page.close();
  });

  it('met no Content-Security-Policy refusal in any page it opened', () => {
    expect(policyRefusals(browser)).toEqual([]);
  });
});
