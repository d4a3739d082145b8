import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { demo } from '../../seeds/demo';
import { Client } from '../integration/api-support';
import {
  browserAvailable,
  launchBrowser,
  policyRefusals,
  screenshotPath,
} from '../support/browser';
import { removeDataDir, startServer, type RunningServer } from '../support/server';

const web = demo.competitions.find((c) => c.competition.id.endsWith('-web'))!;
const chief = web.experts.find((expert) => expert.role === 'chief')!;
const base = `/api/chief/competitions/${web.competition.id}`;

describe.runIf(browserAvailable())('the public verification page in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let chiefClient: Client;
  let code = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    chiefClient = new Client(server.url);
    await chiefClient.post('/api/auth/pin', {
      competitionId: web.competition.id,
      pin: demo.expertPins[chief.id],
    });
    const summary = await fetch(`${server.url}${base}/sub-criteria/A1/summary.pdf?lang=kk`, {
      headers: { cookie: (chiefClient as unknown as { cookie: string }).cookie },
    });
    code = summary.headers.get('x-verification-code')!;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
  });

  it('shows in green that a printed marks summary matches, with its competitors', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    await page.goto(`${server.url}/verify/${code}`);
    await page.getByRole('button', { name: 'Русский' }).click();
    const verdict = page.locator('.verify-verdict');
    await expect
      .poll(() => verdict.textContent())
      .toContain('Документ совпадает с данными сервера');
    expect(await verdict.getAttribute('class')).toContain('verify-matches');
    expect(await page.locator('.verify-code').textContent()).toBe(code);
    expect(await page.locator('.verify-table tbody tr').count()).toBe(web.competitors.length);
    await page.screenshot({ path: screenshotPath('verify-matches-ru'), fullPage: true });
    await page.close();
  });

  it('takes a code typed by hand, in any case, and says when no such document exists', async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
    await page.goto(`${server.url}/verify`);
    await page.getByRole('button', { name: 'Қазақша' }).click();
    await page.getByLabel('Тексеру коды').fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Тексеру', exact: true }).click();
    await expect
      .poll(() => page.locator('.verify-verdict').textContent())
      .toContain('Құжат сервердегі деректерге сәйкес келеді');

    await page.goto(`${server.url}/verify/ZZZZZ-ZZZZZ`);
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Бұл сервер мұндай кодпен құжат берген жоқ');
    await page.close();
  });

  it('turns red once the figures behind the document change', async () => {
    await chiefClient.post(`${base}/sub-criteria/A1/unlock`, { reason: 'Тексеру' });
    const changed = await chiefClient.post(`${base}/competitors/${web.competitors[0]!.id}/status`, {
      status: 'withdrawn',
      reason: 'Тексеру',
    });
    expect(changed.status).toBe(200);
    const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
    await page.goto(`${server.url}/verify/${code}`);
    await page.getByRole('button', { name: 'English' }).click();
    const verdict = page.locator('.verify-verdict');
    await expect
      .poll(() => verdict.textContent())
      .toContain('The content changed since the document was issued');
    expect(await verdict.getAttribute('class')).toContain('verify-changed');
    await page.screenshot({ path: screenshotPath('verify-changed-en'), fullPage: true });
    await page.close();
  });

  it('met no Content-Security-Policy refusal in any page it opened', () => {
    expect(policyRefusals(browser)).toEqual([]);
  });
});
