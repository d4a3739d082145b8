import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import {
  browserAvailable,
  launchBrowser,
  policyRefusals,
  screenshotPath,
} from '../support/browser';
import { removeDataDir, startServer, type RunningServer } from '../support/server';

describe.runIf(browserAvailable())('public pages in Chromium (demo data)', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    removeDataDir(server.dataDir);
  });

  it('lists the demo championship in Kazakh, Russian and English', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Қазақша' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Чемпионаттар');
    expect(await page.locator('.health').textContent()).toContain('Сервер жұмыс істеп тұр');
    await page.getByRole('button', { name: 'Русский' }).click();
    expect(await page.locator('h1').textContent()).toBe('Чемпионаты');
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    await expect.poll(() => page.locator('.competitions li').count()).toBe(3);
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.locator('.championship h2').textContent()).toBe(
      'WorldSkills Kazakhstan 2026: Astana regional championship',
    );
    await page.screenshot({ path: screenshotPath('championships-en') });
    await page.close();
  });

  it('opens a competition board whose rows match the public API', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.getByRole('link', { name: /Веб-технологии/ }).click();
    await page.waitForSelector('table.ranking tbody tr');
    const api = (await (
      await fetch(`${server.url}/api/public/competitions/wsk-2026-astana-web/board`)
    ).json()) as {
      rows: { total: number; position: number | null }[];
    };
    const rows = page.locator('table.ranking tbody tr');
    expect(await rows.count()).toBe(api.rows.length);
    const first = rows.first().locator('td');
    expect(await first.first().textContent()).toBe(String(api.rows[0]!.position));
    // The Russian board writes the decimal comma.
    expect(await rows.first().locator('td.total').textContent()).toBe(
      api.rows[0]!.total.toFixed(2).replace('.', ','),
    );
    expect(await page.locator('h1').textContent()).toBe('Компетенция 17 Веб-технологии');
    expect(await page.locator('.board-state').textContent()).toContain(
      'Предварительно: только заблокированные подкритерии, заблокировано',
    );
    await page.screenshot({ path: screenshotPath('board-ru'), fullPage: true });
    await page.close();
  });

  it('draws a competitor’s charts from the board’s link', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}/competitions/wsk-2026-astana-web`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('table.ranking tbody tr a').first().click();
    await page.waitForURL(/\/competitors\//);
    const charts = page.locator('.charts canvas');
    await expect.poll(() => charts.count()).toBeGreaterThan(0);
    // A chart has drawn once its canvas shows more than the page's background and one line.
    const colours = async () => {
      const { data } = PNG.sync.read(await charts.first().screenshot());
      const seen = new Set<number>();
      for (let i = 0; i < data.length; i += 4) seen.add(data.readUInt32BE(i));
      return seen.size;
    };
    await expect.poll(colours).toBeGreaterThan(2);
    await page.screenshot({ path: screenshotPath('competitor-charts-en'), fullPage: true });
    await page.close();
  });

  it('says, in the screen language, that a page is loading while its part of the app arrives', async () => {
    const board = (await (
      await fetch(`${server.url}/api/public/competitions/wsk-2026-astana-web/board`)
    ).json()) as { rows: { competitor: string }[] };
    const page = await browser.newPage({ viewport: { width: 360, height: 640 } });
    await page.addInitScript(`localStorage.setItem('ashyq.language', 'ru')`);
    // The competitor page's script is held back, as on a slow phone connection.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/CompetitorPage-[^/]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    const address = `/competitions/wsk-2026-astana-web/competitors/${board.rows[0]!.competitor}`;
    await page.goto(`${server.url}${address}`, { waitUntil: 'domcontentloaded' });
    const loading = page.locator('main').getByRole('status');
    await loading.waitFor();
    expect(await loading.textContent()).toBe('Загрузка…');
    release();
    await page.locator('.charts canvas').first().waitFor();
    expect(await page.getByText('Загрузка…').count()).toBe(0);
    await page.close();
  });

  it('says so when a competition does not exist', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/competitions/no-such-competition`);
    await page.getByRole('button', { name: 'English' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('This competition does not exist');
    await page.close();
  });

  it('met no Content-Security-Policy refusal in any page it opened', () => {
    expect(policyRefusals(browser)).toEqual([]);
  });
});
