import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Board } from '@ashyq/shared';
import {
  browserAvailable,
  launchBrowser,
  screenshotPath,
  switchLanguage,
} from '../support/browser';
import { pinSignIn } from '../support/demo-marks';
import { removeDataDir, startServer, type RunningServer } from '../support/server';

/**
 * Every screen as its users see it: each public page and each staff app, at a phone, a
 * tablet, a laptop and a hall screen, in Kazakh and Russian. A screen fails when the page
 * scrolls sideways, when a box cuts the text it holds, or when axe-core finds a WCAG 2 A/AA
 * violation. Screenshots of every case are kept as artifacts for a person to look at.
 */

const viewports = [
  { width: 360, height: 640 },
  { width: 768, height: 1024 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;
const languages = ['kk', 'ru'] as const;
const championship = 'wsk-2026-astana';
const web = 'wsk-2026-astana-web';

type Account = 'organiser' | 'exam' | 'chief' | 'expert' | null;
interface Screen {
  name: string;
  path: (language: string) => string;
  account: Account;
  /** What shows once the screen holds its data. */
  ready: string;
  /** What a user does first to reach the screen's working view. */
  prepare?: (page: Page) => Promise<void>;
}

const axeSource = createRequire(import.meta.url)('axe-core').source as string;

/**
 * Sideways scrolling and text its own box cuts, measured in the page (plain JavaScript: the
 * tests are typed for Node, not for the DOM).
 */
const layoutProblems = `(() => {
  const problems = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > window.innerWidth) problems.push('page is ' + doc.scrollWidth + 'px wide');
  const describe = (el) => {
    const cls = typeof el.className === 'string' && el.className ? '.' + el.className.split(' ')[0] : '';
    return el.tagName.toLowerCase() + cls + ' "' + (el.textContent || '').trim().slice(0, 40) + '"';
  };
  for (const el of document.body.querySelectorAll('*')) {
    const ownText = Array.from(el.childNodes).some(
      (node) => node.nodeType === Node.TEXT_NODE && (node.textContent || '').trim() !== '',
    );
    if (!ownText) continue;
    const style = getComputedStyle(el);
    if (style.display === 'inline' || style.display === 'contents') continue;
    if (el.clientWidth === 0 || style.visibility === 'hidden') continue;
    // Text no one can see yet (in a closed details) is laid out when it opens, not cut now.
    if (!el.checkVisibility()) continue;
    // A box that scrolls its text on purpose, or a visually hidden label, is not cut text.
    if (style.overflowX === 'auto' || style.overflowX === 'scroll') continue;
    if (el.clientWidth <= 1 && el.clientHeight <= 1) continue;
    if (el.scrollWidth > el.clientWidth + 1) {
      problems.push('cut text: ' + describe(el) + ' (' + el.scrollWidth + ' > ' + el.clientWidth + ')');
    }
  }
  return problems;
})()`;

/**
 * Controls smaller than 24×24 CSS pixels (WCAG 2.2, 2.5.8 target size), a link inside running
 * text excepted.
 */
const smallTargets = `(() => {
  const small = [];
  for (const el of document.querySelectorAll('button, input:not([type=hidden]), select, textarea, a[href]')) {
    if (!el.checkVisibility()) continue;
    if (el.tagName === 'A' && getComputedStyle(el).display === 'inline') continue;
    const box = el.getBoundingClientRect();
    if (box.width < 24 || box.height < 24) {
      const name = (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 30);
      small.push('small target: ' + el.tagName.toLowerCase() + ' "' + name + '" ' + Math.round(box.width) + 'x' + Math.round(box.height));
    }
  }
  return small;
})()`;

const runAxe = `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } })`;
/** The language switch is one row: its three buttons share their top. */
const languageRows = `new Set([...document.querySelectorAll('nav.languages button')].map((b) => Math.round(b.getBoundingClientRect().top))).size`;

/** The tapped cell is whole in sight: inside the grid's box, on the screen, not under the entry sheet. */
const tappedCellHidden = `(() => {
  const cell = document.querySelector('button.cell[aria-pressed="true"]').getBoundingClientRect();
  const box = document.querySelector('.grid-scroll').getBoundingClientRect();
  const sheet = document.querySelector('section.entry').getBoundingClientRect();
  const bottom = sheet.left >= box.right ? window.innerHeight : sheet.top;
  const inside = cell.left >= box.left - 1 && cell.right <= box.right + 1 && cell.top >= 0 && cell.bottom <= bottom + 1;
  return inside ? [] : ['the tapped cell is out of sight'];
})()`;

const twoFrames = `new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))`;

describe.runIf(browserAvailable())(
  'every screen at 4 sizes in kk and ru',
  { timeout: 600_000 },
  () => {
    let server: RunningServer;
    let browser: Browser;
    const cookies: Record<Exclude<Account, null>, string> = {
      organiser: '',
      exam: '',
      chief: '',
      expert: '',
    };
    let competitor = '';
    let session = '';
    let verification = '';

    const login = async (email: string) => {
      const res = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'Ashyq-Demo-2026' }),
      });
      expect(res.status).toBe(200);
      return res.headers.getSetCookie()[0]!.split(';')[0]!;
    };

    beforeAll(async () => {
      server = await startServer();
      browser = await launchBrowser();
      cookies.organiser = await login('admin@ashyq.kz');
      cookies.exam = await login('exam@ashyq.kz');
      cookies.chief = await pinSignIn(server.url, web, '352389');
      cookies.expert = await pinSignIn(server.url, web, '950246');
      const board = (await (
        await fetch(`${server.url}/api/public/competitions/${web}/board`)
      ).json()) as Board;
      competitor = board.rows![0]!.competitor;
      const sessions = (await (
        await fetch(`${server.url}/api/exam/sessions`, { headers: { cookie: cookies.exam } })
      ).json()) as { sessions: { id: string }[] };
      session = sessions.sessions[0]!.id;
      // A document the public can check: the chief's marks summary of A1.
      const summary = await fetch(
        `${server.url}/api/chief/competitions/${web}/sub-criteria/A1/summary.pdf?lang=kk`,
        { headers: { cookie: cookies.chief } },
      );
      expect(summary.status).toBe(200);
      verification = summary.headers.get('x-verification-code')!;
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      if (server) removeDataDir(server.dataDir);
    });

    const screens: Screen[] = [
      { name: 'home', path: () => '/', account: null, ready: 'main' },
      {
        name: 'board',
        path: () => `/competitions/${web}`,
        account: null,
        ready: 'table.ranking tbody tr',
      },
      {
        name: 'competitor',
        path: () => `/competitions/${web}/competitors/${competitor}`,
        account: null,
        ready: 'main h1',
      },
      {
        name: 'overview',
        path: () => `/championships/${championship}`,
        account: null,
        ready: '.competition-cards li',
      },
      {
        name: 'big-screen',
        path: (language) => `/championships/${championship}/screen?seconds=600&langs=${language}`,
        account: null,
        ready: '.big-board table.ranking tbody tr',
      },
      {
        name: 'verify',
        path: () => `/verify/${verification}`,
        account: null,
        ready: '.verify-code',
      },
      { name: 'organiser-login', path: () => '/login', account: null, ready: 'form' },
      { name: 'expert-login', path: () => '/expert/login', account: null, ready: 'form' },
      {
        name: 'expert',
        path: () => '/expert',
        account: 'expert',
        ready: '.expert-tabs',
        prepare: async (page) => {
          await page.locator('.expert-tabs').nth(1).getByRole('button').first().click();
          await page.waitForSelector('table.mark-grid');
        },
      },
      { name: 'chief', path: () => `/chief/${web}`, account: 'chief', ready: 'table' },
      {
        name: 'organiser',
        path: () => `/organiser`,
        account: 'organiser',
        ready: 'table.org-table',
      },
      {
        name: 'organiser-championship',
        path: () => `/organiser/championships/${championship}`,
        account: 'organiser',
        ready: 'table.org-table',
      },
      {
        name: 'organiser-judges',
        path: () => `/organiser/championships/${championship}/judges`,
        account: 'organiser',
        ready: 'table.judges-report',
      },
      {
        name: 'organiser-competition',
        path: () => `/organiser/competitions/${web}`,
        account: 'organiser',
        ready: 'h1',
      },
      {
        name: 'organiser-colleges',
        path: () => '/organiser/colleges',
        account: 'organiser',
        ready: 'table.org-table',
      },
      {
        name: 'organiser-advancement',
        path: () => `/organiser/championships/${championship}/advancement`,
        account: 'organiser',
        ready: '.org-table caption',
      },
      { name: 'exam', path: () => '/exam', account: 'exam', ready: 'main table' },
      { name: 'exam-new', path: () => '/exam/new', account: 'exam', ready: 'main form' },
      { name: 'exam-report', path: () => '/exam/report', account: 'exam', ready: 'main h1' },
      {
        name: 'exam-results',
        path: () => `/exam/sessions/${session}/results`,
        account: 'exam',
        ready: 'main table',
      },
      {
        name: 'exam-session',
        path: () => `/exam/sessions/${session}`,
        account: 'exam',
        ready: 'main h1',
      },
    ];

    async function open(screen: Screen, language: string): Promise<Page> {
      // The page's Content-Security-Policy would refuse the injected axe-core script.
      const context = await browser.newContext({ bypassCSP: true, viewport: viewports[0] });
      await context.addInitScript(`localStorage.setItem('ashyq.language', '${language}')`);
      if (screen.account) {
        const [name, ...value] = cookies[screen.account].split('=');
        await context.addCookies([{ name: name!, value: value.join('='), url: server.url }]);
      }
      const page = await context.newPage();
      page.setDefaultTimeout(60_000);
      await page.goto(`${server.url}${screen.path(language)}`);
      try {
        await page.waitForSelector(screen.ready, { timeout: 20_000 });
      } catch (error) {
        await page.screenshot({ path: screenshotPath(`screen-${screen.name}-not-ready`) });
        throw error;
      }
      await screen.prepare?.(page);
      await page.addScriptTag({ content: axeSource });
      return page;
    }

    async function axeViolations(page: Page): Promise<string[]> {
      const result = (await page.evaluate(runAxe)) as {
        violations: { id: string; help: string; nodes: { target: string[] }[] }[];
      };
      return result.violations.map(
        (v) =>
          `axe ${v.id}: ${v.help} — ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 4)
            .join(', ')}`,
      );
    }

    it('an exam without its protocol number yet is headed by its groups and day, not its id', async () => {
      const page = await open(
        screens.find((screen) => screen.name === 'exam-session')!,
        'ru',
      );
      const heading = await page.locator('main h1').textContent();
      expect(heading).not.toContain(session);
      expect(heading).toMatch(/^Демонстрационный экзамен, .+, \d\d\.\d\d\.\d{4}$/);
      await page.context().close();
    });

    it('a wrong PIN on the Russian screen says in Russian what is wrong', async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      page.setDefaultTimeout(60_000);
      await page.addInitScript(`localStorage.setItem('ashyq.language', 'ru')`);
      await page.goto(`${server.url}/expert/login`);
      await page.locator('select[name="competitionChoice"]').selectOption(web);
      await page.locator('input[name="pin"]').fill('000000');
      await page.locator('form button[type="submit"]').click();
      await expect
        .poll(() => page.getByRole('alert').textContent())
        .toBe('PIN-код не подходит для этой компетенции или был отозван');
      await page.close();
    });

    it('large text (200 %): the tablet with a cell open and the chief console fit, cut nothing, keep 24 px targets, the tapped cell and a one-row language switch in sight', async () => {
      const problems: string[] = [];
      const large = screens.filter((screen) => screen.name === 'expert' || screen.name === 'chief');
      for (const screen of large) {
        for (const language of languages) {
          const page = await open(screen, language);
          // What a large-text setting does to a page sized in rem.
          await page.evaluate(`document.documentElement.style.fontSize = '200%'`);
          if (screen.name === 'expert') {
            // Day 2 of the demo is open for marking (day 1's sub-criteria are locked).
            await page.locator('.expert-tabs.days button').last().click();
            await page.locator('.expert-tabs.subs button').first().click();
            await page
              .locator('table.mark-grid tbody tr')
              .first()
              .locator('button.cell')
              .last()
              .click();
            await page.locator('section.entry').waitFor();
          }
          for (const viewport of [viewports[1]!, viewports[2]!]) {
            await page.setViewportSize(viewport);
            await page.evaluate(twoFrames);
            const at = `${screen.name} ${language} ${viewport.width}x${viewport.height} at 200 %`;
            await page.screenshot({
              path: screenshotPath(
                `large-text-${screen.name}-${language}-${viewport.width}x${viewport.height}`,
              ),
            });
            for (const problem of [
              ...((await page.evaluate(layoutProblems)) as string[]),
              ...((await page.evaluate(smallTargets)) as string[]),
              ...(screen.name === 'expert'
                ? ((await page.evaluate(tappedCellHidden)) as string[])
                : []),
            ])
              problems.push(`${at}: ${problem}`);
            const rows = (await page.evaluate(languageRows)) as number;
            if (rows !== 1) problems.push(`${at}: the language switch takes ${rows} rows`);
          }
          await page.context().close();
        }
      }
      expect(problems.join('\n')).toBe('');
    });

    for (const screen of screens) {
      it(`${screen.name}: no sideways scroll, no cut text, no axe violation`, async () => {
        const problems: string[] = [];
        // A screen whose address names its language is opened in each; any other is opened once
        // and switched, which is also how its users change the language.
        const languageInPath = screen.path('kk') !== screen.path('ru');
        let page: Page | undefined;
        for (const language of languages) {
          if (!page || languageInPath) {
            await page?.context().close();
            page = await open(screen, language);
          } else {
            await switchLanguage(page, language);
          }
          for (const viewport of viewports) {
            await page.setViewportSize(viewport);
            // Let the layout settle after the resize (two frames).
            await page.evaluate(twoFrames);
            const at = `${language} ${viewport.width}x${viewport.height}`;
            await page.screenshot({
              path: screenshotPath(
                `screen-${screen.name}-${language}-${viewport.width}x${viewport.height}`,
              ),
              fullPage: true,
            });
            for (const problem of (await page.evaluate(layoutProblems)) as string[])
              problems.push(`${at}: ${problem}`);
            // axe's rules do not depend on the width but for scrolling regions: a narrow and a wide
            // run cover them at half the cost.
            if (viewport.width !== 360 && viewport.width !== 1280) continue;
            for (const problem of await axeViolations(page)) problems.push(`${at}: ${problem}`);
          }
        }
        await page?.context().close();
        expect(problems.join('\n')).toBe('');
      });
    }
  },
);
