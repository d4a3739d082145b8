import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserAvailable, launchBrowser, screenshotPath } from '../support/browser';
import { removeDataDir, startServer, type RunningServer } from '../support/server';

describe.runIf(browserAvailable())('home page in Chromium', () => {
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

  it('shows the server status and switches between Kazakh, Russian and English', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Қазақша' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Сервер жұмыс істеп тұр');
    await page.getByRole('button', { name: 'Русский' }).click();
    expect(await page.getByRole('status').textContent()).toBe('Сервер работает');
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.getByRole('status').textContent()).toBe('Server is running');
    await page.screenshot({ path: screenshotPath('home-en') });
    await page.close();
  });
});
