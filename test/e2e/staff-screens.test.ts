import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserAvailable,
  launchBrowser,
  screenshotPath,
  switchLanguage,
} from '../support/browser';
import { pinSignIn } from '../support/demo-marks';
import { removeDataDir, startServer, type RunningServer } from '../support/server';

/**
 * The expert's tablet and the organiser's pages as their users meet them, on the demo data: the
 * tablet in portrait (768×1024) and landscape (1280×800), the organiser at 1280×800, in Kazakh
 * and Russian. Screenshots are kept as artifacts for a person to look at.
 */

const championship = 'wsk-2026-astana';
const web = 'wsk-2026-astana-web';
const expertPin = '950246';
const languages = ['kk', 'ru'] as const;

async function openAs(
  browser: Browser,
  cookie: string,
  language: string,
  width: number,
  height: number,
) {
  const context = await browser.newContext({ viewport: { width, height } });
  const [name, value] = cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, domain: '127.0.0.1', path: '/' }]);
  await context.addInitScript(`localStorage.setItem('ashyq.language', '${language}')`);
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  return page;
}

describe.runIf(browserAvailable())('staff screens', { timeout: 600_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  let expertCookie = '';
  let expertName = '';
  let organiserCookie = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    expertCookie = await pinSignIn(server.url, web, expertPin);
    const view = (await (
      await fetch(`${server.url}/api/expert/competition`, { headers: { cookie: expertCookie } })
    ).json()) as { expert: { name?: { last: string } } };
    expertName = view.expert.name?.last ?? '';
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@ashyq.kz', password: 'Ashyq-Demo-2026' }),
    });
    expect(login.status).toBe(200);
    organiserCookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
  });

  /** The tablet on an open sub-criterion, with a cell of the first row tapped. */
  async function tablet(language: string, width: number, height: number): Promise<Page> {
    const page = await openAs(browser, expertCookie, language, width, height);
    await page.goto(`${server.url}/expert`);
    // Day 2 of the demo is not marked yet: its first sub-criterion is open, its last aspect judged.
    await page.locator('.expert-tabs.days button').last().click();
    await page.locator('.expert-tabs.subs button').first().click();
    await page.locator('table.mark-grid tbody tr').first().locator('button.cell').last().click();
    await page.locator('section.entry').waitFor();
    return page;
  }

  it('the expert sees who is signed in, a legend of every cell state and what the aspect asks', async () => {
    expect(expertName).not.toBe('');
    for (const language of languages) {
      const page = await tablet(language, 768, 1024);
      expect(await page.locator('.expert-who').textContent()).toContain(expertName);
      expect(await page.locator('.cell-legend li').count()).toBe(7);
      const entry = page.locator('section.entry');
      expect((await entry.locator('.aspect-text').textContent())?.length).toBeGreaterThan(3);
      expect(await entry.locator('.aspect-facts').textContent()).toMatch(/\d/);
      await page.screenshot({
        path: screenshotPath(`tablet-768x1024-${language}`),
        fullPage: true,
      });
      await page.context().close();
    }
  });

  it('in landscape the entry panel sits beside the grid and every competitor row stays in sight', async () => {
    for (const language of languages) {
      const page = await tablet(language, 1280, 800);
      await page.screenshot({ path: screenshotPath(`tablet-1280x800-${language}`) });
      const rows = page.locator('table.mark-grid tbody tr');
      const count = await rows.count();
      const last = await rows.nth(count - 1).boundingBox();
      const grid = await page.locator('table.mark-grid').boundingBox();
      const entry = await page.locator('section.entry').boundingBox();
      expect(last!.y + last!.height).toBeLessThanOrEqual(800);
      expect(entry!.x).toBeGreaterThanOrEqual(grid!.x + grid!.width);
      await page.context().close();
    }
  });

  it('with the entry open the grid stays in sight: 6 or more of the 7 competitors named above it', async () => {
    for (const [width, height] of [
      [768, 1024],
      [1280, 800],
    ] as const) {
      const page = await tablet(languages[0], width, height);
      for (const language of languages) {
        if (language !== languages[0]) await switchLanguage(page, language);
        const rows = page.locator('table.mark-grid tbody tr');
        // The first row's cell is open; then the last row's, which must come into sight too.
        for (const row of [0, (await rows.count()) - 1]) {
          await rows.nth(row).locator('button.cell').last().click();
          await page.evaluate('new Promise((r) => requestAnimationFrame(() => r(null)))');
          const entry = (await page.locator('section.entry').boundingBox())!;
          const grid = (await page.locator('table.mark-grid').boundingBox())!;
          // Beside the grid (landscape) the entry hides none of it; over it, it hides what is below.
          const bottom = entry.x >= grid.x + grid.width ? height : entry.y;
          const inSight = async (box: { y: number; height: number } | null) =>
            !!box && box.y >= 0 && box.y + box.height <= bottom + 1;
          let named = 0;
          for (const name of await page.locator('table.mark-grid tbody th').all()) {
            if (await inSight(await name.boundingBox())) named += 1;
          }
          const at = `${language} ${width}x${height}, row ${row + 1} open`;
          expect(await rows.count(), at).toBe(7);
          expect(named, at).toBeGreaterThanOrEqual(6);
          const tapped = page.locator('button.cell[aria-pressed="true"]');
          expect(await inSight(await tapped.boundingBox()), at).toBe(true);
        }
        await page.screenshot({
          path: screenshotPath(`tablet-entry-${width}x${height}-${language}`),
        });
      }
      await page.context().close();
    }
  });

  it('the sign-in offers the running competitions to pick, not a code to type', async () => {
    for (const language of languages) {
      const context = await browser.newContext({ viewport: { width: 768, height: 1024 } });
      await context.addInitScript(`localStorage.setItem('ashyq.language', '${language}')`);
      const page = await context.newPage();
      await page.goto(`${server.url}/expert/login`);
      const picker = page.locator('select[name="competitionChoice"]');
      await picker.waitFor();
      expect(await page.locator('input[name="competition"]').count()).toBe(0);
      await picker.selectOption(web);
      await page.locator('input[name="pin"]').fill(expertPin);
      await page.screenshot({ path: screenshotPath(`tablet-login-${language}`) });
      await page.locator('form button[type="submit"]').click();
      await page.waitForURL(`${server.url}/expert`);
      await context.close();
    }
  });

  /** An organiser's page at 1280×800, kept as a screenshot. */
  async function organiserPage(language: string, path: string, ready: string, name: string) {
    const page = await openAs(browser, organiserCookie, language, 1280, 800);
    await page.goto(`${server.url}${path}`);
    await page.locator(ready).first().waitFor();
    await organiserScreenshot(page, name, language);
    return page;
  }

  function organiserScreenshot(page: Page, name: string, language: string) {
    return page.screenshot({
      path: screenshotPath(`organiser-${name}-${language}`),
      fullPage: true,
    });
  }

  it('the organiser reads names, not ids: rules profiles, the championship, the college of a template', async () => {
    const names = {
      kk: {
        profile: 'WorldSkills Kazakhstan чемпионаты (2024 жылғы ережелер)',
        pick: 'Колледж',
        web: 'Веб-технологиялар',
      },
      ru: {
        profile: 'Чемпионат WorldSkills Kazakhstan (правила 2024 года)',
        pick: 'Колледж',
        web: 'Веб-технологии',
      },
    };
    const pages: {
      path: string;
      ready: string;
      name: string;
      check?: (page: Page, language: (typeof languages)[number]) => Promise<void>;
    }[] = [
      {
        path: `/organiser/competitions/${web}`,
        ready: 'h1',
        name: 'competition',
        check: async (page) => {
          const back = page.locator(`a[href="/organiser/championships/${championship}"]`);
          await expect.poll(() => back.textContent()).not.toContain(championship);
          expect(await page.locator('body').textContent()).not.toContain('wsk-championship@2024');
        },
      },
      {
        path: `/organiser/championships/${championship}`,
        ready: 'h1',
        name: 'championship',
        check: async (page, language) => {
          const profile = page.locator('select[name="profile"] option:checked');
          await expect.poll(() => profile.textContent()).toBe(names[language].profile);
          // Best of delegation: each region named once, each competency in the screen language.
          const regions = await page.locator('table th[scope="row"]').allTextContents();
          expect(new Set(regions).size).toBe(regions.length);
          const bestOf = page.locator('table:has(th[scope="row"])');
          await expect.poll(() => bestOf.textContent()).toContain(names[language].web);
          const other = language === 'kk' ? names.ru.web : names.kk.web;
          expect(await bestOf.textContent()).not.toContain(other);
        },
      },
      {
        path: `/organiser/championships/${championship}/advancement`,
        ready: '.org-table caption',
        name: 'advancement',
      },
      {
        path: '/exam/nobd-template',
        ready: 'h1',
        name: 'nobd-template',
        check: async (page, language) => {
          expect(await page.locator('body').textContent()).not.toContain('collegeId');
          await page.getByLabel(names[language].pick, { exact: true }).waitFor();
        },
      },
    ];
    for (const { path, ready, name, check } of pages) {
      // Opened once, then switched to the other language as the organiser would.
      const page = await organiserPage(languages[0], path, ready, name);
      await check?.(page, languages[0]);
      for (const language of languages.slice(1)) {
        await switchLanguage(page, language);
        // Checked first: the picture is taken of the page the checks saw in this language.
        await check?.(page, language);
        await organiserScreenshot(page, name, language);
      }
      await page.context().close();
    }
  });

  it('a competency that does not exist is said so in the screen language, with the way back', async () => {
    const expected = {
      kk: 'Мұндай құзырет жоқ: ол жойылған болуы мүмкін немесе сілтемеде қате бар.',
      ru: 'Такой компетенции нет: возможно, её удалили или в ссылке опечатка.',
    };
    for (const language of languages) {
      const page = await organiserPage(
        language,
        '/organiser/competitions/no-such-competition',
        '[role="alert"]',
        'not-found',
      );
      expect(await page.getByRole('alert').locator('p').first().textContent()).toBe(
        expected[language],
      );
      expect(await page.locator('a[href="/organiser"]').count()).toBeGreaterThan(0);
      await page.context().close();
    }
  });
});
