import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  filterRows,
  noFilter,
  positionsOf,
  rankMoves,
  screenPages,
  type Board,
} from '@ashyq/shared';
import {
  browserAvailable,
  launchBrowser,
  policyRefusals,
  screenshotPath,
} from '../support/browser';
import { pinSignIn, sendMarks, unmarkedMeasurements } from '../support/demo-marks';
import { decodeQr } from '../support/pdf';
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
      api('PATCH', `/api/organiser/competitions/${id}`, organiser, { publication });

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
    /** A total as the Russian board writes it: two decimals after a comma. */
    const marksRu = (value: number) => value.toFixed(2).replace('.', ',');

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
      // Nothing marked yet: everyone ranked shares the first place, written "=1".
      const ranked = (await publicBoard(cooking)).rows!.filter((row) => row.position !== null);
      expect(ranked.length).toBeGreaterThan(1);
      const firstPlaces = page.locator('table.ranking tbody td.position');
      expect(await firstPlaces.first().textContent()).toBe('=11-е место, поделено');
      const seen = page.locator('table.ranking tbody td.position > span[aria-hidden="true"]');
      expect((await seen.allTextContents()).slice(0, ranked.length)).toEqual(
        ranked.map(() => '=1'),
      );
      // A competitor's own page says the same: the place is shared, "=1", not a lone "1".
      await page.locator('table.ranking tbody tr').first().locator('a').first().click();
      await expect
        .poll(() => page.locator('.board-state').textContent())
        .toContain('Место: =11-е место, поделено');
      await page.goBack();
      await page.waitForSelector('.live-badge.on');
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
        .toBe(marksRu(expected.rows![0]!.total));
      await page.close();

      // Web counts locked sub-criteria only: locking A2 changes the public totals.
      const webPage = await openBoard(web);
      const before = await totalsOn(webPage);
      const beforeRows = (await publicBoard(web)).rows!;
      // No arrows on the ranking the page opened with: nothing to compare it with.
      expect(await webPage.locator('table.ranking .move').count()).toBe(0);
      const chief = await pinSignIn(server.url, web, '352389');
      await api('POST', `/api/chief/competitions/${web}/sub-criteria/A2/lock`, chief);
      const locked = await publicBoard(web);
      expect(locked.counted).toContain('A2');
      const after = locked.rows!.map((row) => marksRu(row.total));
      expect(after).not.toEqual(before);
      await expect.poll(() => totalsOn(webPage)).toEqual(after);
      // The lock reorders the field: each competitor who moved shows an arrow and the places.
      const moves = rankMoves(positionsOf(beforeRows), locked.rows!);
      expect(moves.size).toBeGreaterThan(0);
      const [mover, move] = [...moves][0]!;
      const moverRow = webPage
        .locator('table.ranking tbody tr')
        .filter({ has: webPage.locator(`a[href$="/competitors/${mover}"]`) });
      await expect
        .poll(() => moverRow.locator('.move').textContent())
        .toBe(
          `${move.direction === 'up' ? '▲' : '▼'}${move.by} ${move.direction === 'up' ? 'вверх' : 'вниз'} на ${move.by}`,
        );
      expect(await webPage.locator('table.ranking .move').count()).toBe(moves.size);
      expect(await webPage.locator('.updated-ago').textContent()).toMatch(/^Обновлено /);
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
      // A banner says the board stopped and when, instead of a table that silently stands still.
      await expect
        .poll(() => page.locator('.frozen-banner').textContent())
        .toMatch(/^Табло остановлено в \d\d:\d\dРезультаты объявят на церемонии закрытия$/);
      await page.screenshot({ path: screenshotPath('board-frozen-ru-1280x900') });
      const shown = await page.locator('.board-state').textContent();
      const shownTotals = await totalsOn(page);

      const chief = await pinSignIn(server.url, cooking, '260463');
      const staffBoard = `/api/chief/competitions/${cooking}/board`;
      const staffTotals = (board: Board) => board.rows!.map((row) => marksRu(row.total));
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
      expect(await page.locator('.updated-ago').count()).toBe(0);
      expect(await totalsOn(page)).toEqual(shownTotals);
      await standings.close();
      await page.close();
    });

    // The reveal itself (two boards, same step) is tested on final results in
    // test/integration/boards.test.ts; the demo's Web Technologies is not finished.
    it('ceremony: refused on an unfinished competition, the board stays as it was', async () => {
      const page = await openBoard(web);
      const before = await page.locator('.board-state').textContent();
      const res = await fetch(`${server.url}/api/organiser/competitions/${web}/ceremony`, {
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
      const weldingRows = (await publicBoard(welding)).rows!;
      expect(await page.locator('table.ranking tbody td.position').first().textContent()).toBe(
        weldingRows.filter((row) => row.position === 1).length > 1 ? '=11-е место, поделено' : '1',
      );

      const overview = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      overview.setDefaultTimeout(60_000);
      await overview.goto(`${server.url}/championships/wsk-2026-astana`);
      await overview.getByRole('button', { name: 'Русский' }).click();
      const card = overview.locator('.competition-cards li').filter({ hasText: 'Сварочные' });
      await expect
        .poll(() => card.locator('.label').textContent())
        .toBe('Предварительно (в реальном времени): данные ещё могут измениться');
      // Progress in whole percent, as the competition's own board says it (not "44.93 %").
      for (const progress of await overview
        .locator('.competition-cards .bars small')
        .allTextContents())
        expect(progress).toMatch(/^Оценено \d+ % · Заблокировано \d+ %$/);
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

    it('big screen 1920x1080 in kk and ru: fills the screen, nothing cut, even pages, a QR code phones can follow', async () => {
      // The first board of the rotation (cooking) shows its figures again after the embargo test.
      await setPublication(cooking, { policy: 'live' });
      const rows = (await publicBoard(cooking)).rows!;
      // The demo's cooking has more competitors than a screen's 8 rows, and a guest.
      expect(rows.length).toBeGreaterThan(8);
      expect(rows.some((row) => row.position === null)).toBe(true);
      const pages = screenPages(rows, 8);
      const screen = `${server.url}/championships/wsk-2026-astana/screen`;
      const tv = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      tv.setDefaultTimeout(60_000);
      const places = () => tv.locator('.big-board td.position').allTextContents();
      for (const language of ['kk', 'ru'] as const) {
        await tv.goto(`${screen}?seconds=60&langs=${language}`);
        await tv.waitForSelector('.big-board table.ranking tbody tr');
        // Polled from here: waitForFunction's in-page polling evaluates a string, which the
        // page's Content-Security-Policy (no 'unsafe-eval') refuses once the first check fails.
        await expect
          .poll(
            () =>
              tv.evaluate(
                `(() => { const img = document.querySelector('.big-qr img'); return !!img && img.complete && img.naturalWidth > 0; })()`,
              ),
            { timeout: 60_000 },
          )
          .toBe(true);
        expect(await tv.locator('html').getAttribute('lang')).toBe(language);
        // One number format per language: the decimal comma in Kazakh as in Russian.
        expect(await tv.locator('.big-board td.total').first().textContent()).toBe(
          marksRu(pages[0]![0]!.total),
        );
        // Ranked rows first: the guest's row (no place) is not above the first place.
        expect((await places())[0]).toMatch(/^=?1/);
        expect(await places()).toHaveLength(pages[0]!.length);
        // The table takes the screen's height, not a strip of it, and nothing runs off it.
        const box = (await tv.locator('.big-board table.ranking').boundingBox())!;
        expect(box.y + box.height).toBeGreaterThan(1080 * 0.85);
        expect(box.y + box.height).toBeLessThanOrEqual(1080);
        expect(box.height).toBeGreaterThan(1080 * 0.6);
        expect(box.x + box.width).toBeLessThanOrEqual(1920);
        expect(await tv.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1920);
        // No heading or figure cut by its cell (the Russian "Медаль" once was).
        const cut =
          await tv.evaluate(`[...document.querySelectorAll('.big-board th, .big-board td')]
          .filter((cell) => cell.scrollWidth > cell.clientWidth + 1)
          .map((cell) => cell.textContent)`);
        expect(cut).toEqual([]);
        // A college and its region stay within two lines under the name.
        const subLines = (await tv.evaluate(`[...document.querySelectorAll('.big-board .sub-line')]
          .map((el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)))`)) as number[];
        expect(Math.max(...subLines)).toBeLessThanOrEqual(2);
        // Criterion columns say what they are and out of how much.
        const criterion = (await publicBoard(cooking)).criteria[0]!;
        const heading = tv.locator('.big-board th.criterion').first();
        expect(await heading.getAttribute('title')).toContain(criterion.name);
        expect(await heading.innerText()).toContain(String(criterion.max));
        const shot = screenshotPath(`board-big-screen-${language}-1920x1080`);
        const png = await tv.screenshot({ path: shot });
        // The code on the screen, read from the picture as a phone's camera would.
        const link = decodeQr(png);
        expect(link).toMatch(new RegExp(`^https?://[^/]+/competitions/${cooking}$`));
        expect(await tv.locator('.big-qr figcaption').textContent()).toBe(
          language === 'kk'
            ? 'Нәтижелерді телефоннан бақылаңыз'
            : 'Следите за результатами с телефона',
        );
      }
      // Short turns: the rest of the rows come on the next page, the guest last; the pages are
      // even, so the last one is never a single row.
      expect(pages.length).toBe(2);
      expect(Math.abs(pages[0]!.length - pages[1]!.length)).toBeLessThanOrEqual(1);
      await tv.goto(`${screen}?seconds=5&langs=ru`);
      await expect
        .poll(() => tv.locator('.screen-page').textContent(), { timeout: 60_000 })
        .toMatch(new RegExp(`^Участники ${pages[0]!.length + 1}–`));
      const lastPage = await places();
      expect(lastPage).toHaveLength(pages[1]!.length);
      expect(lastPage.at(-1)).toBe('—');
      await tv.screenshot({ path: screenshotPath('board-big-screen-page-2-1920x1080') });
      await tv.close();
    });

    it('phone 360x640 in kk and ru: search and region filter narrow the rows, nothing wider than the phone', async () => {
      const board = await publicBoard(web);
      const rows = board.rows!;
      for (const language of ['kk', 'ru'] as const) {
        const phone = await browser.newPage({ viewport: { width: 360, height: 640 } });
        phone.setDefaultTimeout(60_000);
        await phone.goto(`${server.url}/competitions/${web}`);
        await phone
          .getByRole('button', { name: language === 'kk' ? 'Қазақша' : 'Русский' })
          .click();
        await phone.waitForSelector('.live-badge.on');
        await phone.waitForSelector('table.ranking tbody tr');
        expect(await phone.locator('table.ranking tbody tr').count()).toBe(rows.length);
        const width = (await phone.evaluate('document.documentElement.scrollWidth')) as number;
        expect(width).toBeLessThanOrEqual(360);
        await phone.screenshot({ path: screenshotPath(`board-phone-${language}-360x640`) });

        // A region: only its competitors stay, and the page says how many of how many.
        const region = rows.find((row) => row.regionId)!.regionId!;
        const inRegion = filterRows(rows, { ...noFilter, regionId: region });
        expect(inRegion.length).toBeLessThan(rows.length);
        const regionPicker = phone.getByLabel(language === 'kk' ? 'Өңір' : 'Регион', {
          exact: true,
        });
        await regionPicker.selectOption(region);
        await expect
          .poll(() => phone.locator('table.ranking tbody tr').count())
          .toBe(inRegion.length);
        expect(await phone.locator('.search-count').innerText()).toContain(
          language === 'kk'
            ? `Көрсетілді: ${rows.length} ішінен ${inRegion.length}`
            : `Показано: ${inRegion.length} из ${rows.length}`,
        );
        await phone.screenshot({
          path: screenshotPath(`board-phone-filtered-${language}-360x640`),
          fullPage: true,
        });
        await phone.locator('.search-count button').click();

        // A surname typed as on a phone keyboard: lower case, part of the word.
        const someone = rows.at(-1)!;
        const typed = someone.name!.last.slice(0, 4).toLowerCase();
        const found = filterRows(rows, { ...noFilter, query: typed });
        await phone.getByRole('searchbox').fill(typed);
        await expect.poll(() => phone.locator('table.ranking tbody tr').count()).toBe(found.length);
        expect(await phone.locator('table.ranking tbody').innerText()).toContain(
          `${someone.name!.last} ${someone.name!.first}`,
        );
        await phone.close();
      }
      const overview = await browser.newPage({ viewport: { width: 360, height: 640 } });
      await overview.goto(`${server.url}/championships/wsk-2026-astana`);
      await overview.waitForSelector('.competition-cards li');
      await overview.screenshot({ path: screenshotPath('overview-phone-360x640'), fullPage: true });
      await overview.close();
    });

    it('met no Content-Security-Policy refusal in any page it opened', () => {
      expect(policyRefusals(browser)).toEqual([]);
    });
  },
);
