import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser } from '../support/browser';
import { removeDataDir, startServer, type RunningServer } from '../support/server';

const competitionId = 'wsk-2026-astana-web';
const chiefPin = '352389';
/** Demo PINs of the web experts web-e1, web-e2, web-e3 (README). */
const judgePins = { 'web-e1': '950246', 'web-e2': '810854', 'web-e3': '378731' };

async function signIn(page: Page, server: RunningServer, pin: string, lands: string) {
  await page.goto(`${server.url}/expert/login`);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByLabel('Competition', { exact: true }).selectOption(competitionId);
  await page.getByLabel('PIN (6 digits)').fill(pin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${server.url}${lands}`);
}

/** A judge's calibration score sent as its tablet sends it. */
async function calibrate(server: RunningServer, pin: string, aspect: string, value: number) {
  const login = await fetch(`${server.url}/api/auth/pin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ competitionId, pin }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const res = await fetch(`${server.url}/api/expert/calibration`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ aspect, value }),
  });
  expect(res.status).toBe(200);
}

describe.runIf(browserAvailable())('the calibration round in Chromium (demo data)', () => {
  let server: RunningServer;
  let browser: Browser;
  let chief: Page;
  let judge: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    chief = await (await browser.newContext({ locale: 'en' })).newPage();
    judge = await (await browser.newContext({ locale: 'en' })).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    removeDataDir(server.dataDir);
  });

  it('shows the round on the tablet as not counting, and the spread on the console once closed', async () => {
    await signIn(chief, server, chiefPin, '/chief');
    await chief.getByRole('button', { name: /^Calibration/ }).click();
    await chief.getByLabel('Sample').fill('Sample A');
    await chief.getByRole('checkbox', { name: /^C1\.J1 / }).check();
    await chief.getByRole('button', { name: 'Open the round' }).click();
    await expect
      .poll(() => chief.locator('section.calibration [role=status]').textContent())
      .toBe('Round 1 on Sample A is open: the judges score it blind.');

    await signIn(judge, server, judgePins['web-e1'], '/expert');
    const task = judge.getByRole('region', { name: 'Calibration — does not count' });
    await expect.poll(() => task.count()).toBe(1);
    expect(await task.textContent()).toContain('Sample “Sample A”');
    await task.getByRole('button', { name: '2', exact: true }).click();
    await expect.poll(() => task.textContent()).toContain('Saved: 2');

    await calibrate(server, judgePins['web-e2'], 'C1.J1', 2);
    await calibrate(server, judgePins['web-e3'], 'C1.J1', 0);
    // Blind: the tablet shows its own score only.
    expect(await task.textContent()).not.toContain('median');

    await chief.getByRole('button', { name: 'Close the round and show the spread' }).click();
    const row = chief.locator('table.calibration-table tbody tr').first();
    await expect.poll(() => row.locator('th').textContent()).toBe('C1.J1');
    const cells = await row.locator('td').allTextContents();
    // Three judges' scores side by side (in id order), then min–max, range and median (n).
    expect(cells).toEqual(['2', '2', '0', '0–2', '2', '2.00 (3)']);

    // After the close the judge sees the spread too.
    await judge.reload();
    const closed = judge.getByRole('region', { name: 'Calibration — results (did not count)' });
    await expect.poll(() => closed.textContent()).toContain('median 2.0, range 2 over 3 scores');
  });
});
