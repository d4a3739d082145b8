import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from '../../seeds/demo';
import { browserAvailable, launchBrowser, screenshotPath } from '../support/browser';
import { removeDataDir, startServer, type RunningServer } from '../support/server';

/**
 * The organiser's page of how each expert judged across the demo championship: reached from the
 * championship's page, in Russian, with Web Technologies' lenient and severe markers flagged.
 */
const championshipId = demo.championship.id;
const web = demo.competitions.find((c) => c.competition.id.endsWith('-web'))!;
const fullNameOf = (id: string) => {
  const { name } = web.experts.find((expert) => expert.id === id)!;
  return [name.last, name.first, name.middle].filter(Boolean).join(' ');
};

describe.runIf(browserAvailable())('how the experts judged, in the organiser console', () => {
  let server: RunningServer;
  let browser: Browser;
  let cookie: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@ashyq.kz', password: 'Ashyq-Demo-2026' }),
    });
    cookie = res.headers.getSetCookie()[0]!.split(';')[0]!;
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
  });

  it('opens from the championship and flags the demo’s lenient and severe judges in words', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const [name, value] = cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: server.url }]);
    await context.addInitScript(`localStorage.setItem('ashyq.language', 'ru')`);
    const page = await context.newPage();
    await page.goto(`${server.url}/organiser/championships/${championshipId}`);
    await page.getByRole('link', { name: 'Как оценивали эксперты' }).click();
    const table = page.locator('table.judges-report');
    await table.waitFor();
    expect(await page.locator('h1').textContent()).toMatch(/^Как оценивали эксперты: /);
    const total = (id: string) => table.locator(`tr.total[data-expert="${id}"]`);
    expect(await total('web-e2').locator('td').first().textContent()).toBe('Все компетенции');
    expect(await total('web-e2').locator('td.flag').textContent()).toBe('Мягкий');
    expect(await total('web-e4').locator('td.flag').textContent()).toBe('Строгий');
    const rows = await table.locator(`tr[data-expert="web-e2"]`).allTextContents();
    expect(rows[0]).toContain(fullNameOf('web-e2'));
    const downloads = page.locator('a[href$="judges.xlsx?lang=kk"], a[href$="judges.pdf?lang=ru"]');
    expect(await downloads.count()).toBe(2);
    await page.screenshot({ path: screenshotPath('organiser-judges-1280x800'), fullPage: true });
    await context.close();
  });
});
