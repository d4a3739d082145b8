import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Board } from '@ashyq/shared';
import {
  browserAvailable,
  launchBrowser,
  policyRefusals,
  screenshotPath,
} from '../support/browser';
import { pinSignIn, sendMarks, unmarkedMeasurements } from '../support/demo-marks';
import { removeDataDir, startServer, type RunningServer } from '../support/server';

const web = 'wsk-2026-astana-web';
const cooking = 'wsk-2026-astana-cooking';
const welding = 'wsk-2026-astana-welding';

describe.runIf(browserAvailable())(
  'public boards in Chromium (demo data)',
  { timeout: 180_000 },
  () => {
    let server: RunningServer;
    let browser: Browser;
    let organiser: string;

    const api = async (method: string, path: string, cookie: string, body?: unknown) => {
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      expect(res.status, `${method} ${path}: ${res.status}`).toBeLessThan(300);
      return res.status === 204 ? undefined : res.json();
    };
    const publicBoard = async (id: string) =>
      (await (await fetch(`${server.url}/api/public/competitions/${id}/board`)).json()) as Board;
    const setPublication = (id: string, publication: object) =>
      api('PATCH', `/api/admin/competitions/${id}`, organiser, { publication });

    async function openBoard(id: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
      const page = await browser.newPage({ viewport });
      // The machine is shared: a first page load may take long, which is not what is tested.
      page.setDefaultTimeout(60_000);
      await page.goto(`${server.url}/competitions/${id}`);
      await page.getByRole('button', { name: 'Русский' }).click();
      await page.waitForSelector('.live-badge.on');
      return page;
    }
    const totalsOn = (page: Page) => page.locator('table.ranking tbody td.total').allTextContents();

    beforeAll(async () => {
      server = await startServer();
      browser = await launchBrowser();
      const res = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@ashyq.kz', password: 'Ashyq-Demo-2026' }),
      });
      organiser = res.headers.getSetCookie()[0]!.split(';')[0]!;
    }, 90_000);

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      if (server) removeDataDir(server.dataDir);
    });

    it('updates live while an expert marks (live policy) and while the chief locks', async () => {
      await setPublication(cooking, { policy: 'live' });
      const page = await openBoard(cooking);
      await expect
        .poll(() => page.locator('.label.provisional').textContent())
        .toBe('Предварительно (в реальном времени): данные ещё могут измениться');
      const expert = await pinSignIn(server.url, cooking, '696851');
      const marks = await unmarkedMeasurements(server.url, expert, 4, 'e2e');
      const { results } = await sendMarks(server.url, expert, marks);
      expect(results.every((r) => r.status === 'accepted')).toBe(true);
      const expected = await publicBoard(cooking);
      expect(expected.rows![0]!.total).toBeGreaterThan(0);
      await expect
        .poll(() =>
          page.locator('table.ranking tbody tr').first().locator('td.total').textContent(),
        )
        .toBe(expected.rows![0]!.total.toFixed(2));
      await page.close();

      // Web counts locked sub-criteria only: locking A2 changes the public totals.
      const webPage = await openBoard(web);
      const before = await totalsOn(webPage);
      const chief = await pinSignIn(server.url, web, '352389');
      await api('POST', `/api/chief/competitions/${web}/sub-criteria/A2/lock`, chief);
      const locked = await publicBoard(web);
      expect(locked.counted).toContain('A2');
      const after = locked.rows!.map((row) => row.total.toFixed(2));
      expect(after).not.toEqual(before);
      await expect.poll(() => totalsOn(webPage)).toEqual(after);
      await expect
        .poll(() => webPage.locator('.label.provisional').textContent())
        .toMatch(/^Предварительно: только заблокированные подкритерии, заблокировано 2 из \d+$/);
      await webPage.close();
    });

    it("freeze stops the public board but not the chief's", async () => {
      // A freeze time in the past: the board shows what stood then, whatever arrives now.
      const freezeAt = new Date(Date.now() - 1_000).toISOString();
      await setPublication(cooking, { policy: 'live', freezeAt });
      const page = await openBoard(cooking);
      await expect.poll(() => page.locator('.label.frozen').count()).toBe(1);
      const shown = await page.locator('.board-state').textContent();
      const shownTotals = await totalsOn(page);

      const chief = await pinSignIn(server.url, cooking, '260463');
      const staffBoard = `/api/chief/competitions/${cooking}/board`;
      const staffTotals = (board: Board) => board.rows!.map((row) => row.total.toFixed(2));
      const staffBefore = (await api('GET', staffBoard, chief)) as Board;
      const standings = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      standings.setDefaultTimeout(60_000);
      const [name, ...value] = chief.split('=');
      await standings
        .context()
        .addCookies([{ name: name!, value: value.join('='), url: server.url }]);
      await standings.goto(`${server.url}/chief`);
      await standings.getByRole('button', { name: 'Русский' }).click();
      await standings.getByRole('button', { name: 'Текущий рейтинг' }).click();
      const standingTotals = () =>
        standings.locator('.standings table.ranking tbody td.total').allTextContents();
      await expect.poll(standingTotals).toEqual(staffTotals(staffBefore));
      expect(await standings.getByRole('note').textContent()).toContain('Только для экспертов');

      const expert = await pinSignIn(server.url, cooking, '696851');
      const marks = await unmarkedMeasurements(server.url, expert, 3, 'frz');
      await sendMarks(server.url, expert, marks);
      const staffAfter = (await api('GET', staffBoard, chief)) as Board;
      expect(staffAfter.progress.marked).toBeGreaterThan(staffBefore.progress.marked);
      expect(staffTotals(staffAfter)).not.toEqual(staffTotals(staffBefore));
      // The chief's page follows the new marks without a reload.
      await expect.poll(standingTotals).toEqual(staffTotals(staffAfter));
      await standings.screenshot({ path: screenshotPath('chief-standings-frozen-1280x900') });
      // Longer than a coalescing interval and a periodic check: the public page has not moved.
      await page.waitForTimeout(2_500);
      expect(await page.locator('.board-state').textContent()).toBe(shown);
      expect(await totalsOn(page)).toEqual(shownTotals);
      await standings.close();
      await page.close();
    });

    // The reveal itself (two boards, same step) is tested on final results in
    // test/integration/boards.test.ts; the demo's Web Technologies is not finished.
    it('ceremony: refused on an unfinished competition, the board stays as it was', async () => {
      const page = await openBoard(web);
      const before = await page.locator('.board-state').textContent();
      const res = await fetch(`${server.url}/api/admin/competitions/${web}/ceremony`, {
        method: 'POST',
        headers: { cookie: organiser, 'content-type': 'application/json', 'accept-language': 'ru' },
        body: JSON.stringify({ mode: 'ascending' }),
      });
      expect(res.status).toBe(409);
      const body = (await res.json()) as { error: { details: { code: string }[] } };
      expect(body.error.details[0]!.code).toBe('results_not_final');
      await page.waitForTimeout(1_500);
      expect(await page.locator('.label.ceremony').count()).toBe(0);
      expect(await page.locator('.board-state').textContent()).toBe(before);
      await page.close();
    });

    it('locked policy with nothing locked says so instead of a table of zeros; live is provisional, without medals', async () => {
      await setPublication(welding, { policy: 'locked' });
      const page = await openBoard(welding);
      await expect
        .poll(() => page.locator('.board-state .label').textContent())
        .toMatch(/^Предварительно: пока нечего показать, заблокировано 0 из \d+ подкритериев$/);
      expect(await page.locator('table.ranking').count()).toBe(0);
      await page.screenshot({ path: screenshotPath('board-nothing-locked-1280') });

      await setPublication(welding, { policy: 'live' });
      await expect
        .poll(() => page.locator('.board-state .label').textContent(), { timeout: 30_000 })
        .toBe('Предварительно (в реальном времени): данные ещё могут измениться');
      await expect.poll(() => page.locator('table.ranking tbody tr').count()).toBeGreaterThan(0);
      // Positions are shown, medals are not: the results are not final.
      expect(await page.locator('table.ranking .medal-badge').count()).toBe(0);
      expect(await page.locator('table.ranking tbody td.position').first().textContent()).toBe('1');

      const overview = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      overview.setDefaultTimeout(60_000);
      await overview.goto(`${server.url}/championships/wsk-2026-astana`);
      await overview.getByRole('button', { name: 'Русский' }).click();
      const card = overview.locator('.competition-cards li').filter({ hasText: 'Сварочные' });
      await expect
        .poll(() => card.locator('.label').textContent())
        .toBe('Предварительно (в реальном времени): данные ещё могут измениться');
      await expect
        .poll(() => overview.locator('.label.provisional').last().textContent())
        .toBe('Только окончательные результаты: не все компетенции завершены');
      await overview.close();
      await page.close();
    });

    it('embargo: the board shows progress and no totals', async () => {
      await setPublication(cooking, { policy: 'embargo' });
      const page = await openBoard(cooking);
      await expect.poll(() => page.locator('.label.embargo').count()).toBe(1);
      expect(await page.locator('table.ranking').count()).toBe(0);
      expect(await page.locator('.board-state').textContent()).toContain('Оценено');
      await page.close();
    });

    it('big screen 1920x1080 and phone 360x640, kept as screenshots', async () => {
      // The first board of the rotation (cooking) shows its figures again after the embargo test.
      await setPublication(cooking, { policy: 'live' });
      const rows = (await publicBoard(cooking)).rows!;
      // The demo's cooking has more competitors than a screen's 8 rows, and a guest.
      expect(rows.length).toBeGreaterThan(8);
      expect(rows.some((row) => row.position === null)).toBe(true);
      const screen = `${server.url}/championships/wsk-2026-astana/screen`;
      const tv = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      tv.setDefaultTimeout(60_000);
      await tv.goto(`${screen}?seconds=60&langs=kk,ru`);
      await tv.waitForSelector('.big-board table.ranking tbody tr');
      expect(await tv.locator('html').getAttribute('lang')).not.toBeNull();
      const places = () => tv.locator('.big-board td.position').allTextContents();
      // Ranked rows first: the guest's row (no place) is not above the first place.
      expect((await places())[0]).toBe('1');
      expect(await places()).toHaveLength(8);
      expect(await tv.locator('.big-board td.college').first().isVisible()).toBe(true);
      await tv.screenshot({ path: screenshotPath('board-big-screen-1920x1080') });
      // Short turns: the rest of the rows come on the next page, the guest last.
      await tv.goto(`${screen}?seconds=5&langs=ru`);
      await expect
        .poll(() => tv.locator('.screen-page').textContent(), { timeout: 60_000 })
        .toMatch(/^Участники 9–/);
      const lastPage = await places();
      expect(lastPage).toHaveLength(rows.length - 8);
      expect(lastPage.at(-1)).toBe('—');
      await tv.screenshot({ path: screenshotPath('board-big-screen-page-2-1920x1080') });
      await tv.close();
      const phone = await openBoard(web, { width: 360, height: 640 });
      await phone.waitForSelector('table.ranking tbody tr');
      // Nothing wider than the phone: no sideways scrolling.
      const width = (await phone.evaluate('document.documentElement.scrollWidth')) as number;
      expect(width).toBeLessThanOrEqual(360);
      await phone.screenshot({ path: screenshotPath('board-phone-360x640') });
      const overview = await browser.newPage({ viewport: { width: 360, height: 640 } });
      await overview.goto(`${server.url}/championships/wsk-2026-astana`);
      await overview.waitForSelector('.competition-cards li');
      await overview.screenshot({ path: screenshotPath('overview-phone-360x640'), fullPage: true });
      await overview.close();
      await phone.close();
    });

    it('met no Content-Security-Policy refusal in any page it opened', () => {
      expect(policyRefusals(browser)).toEqual([]);
    });
  },
);
