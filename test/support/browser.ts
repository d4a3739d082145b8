import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium; never a downloaded browser. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const artifactsDir = path.resolve('artifacts');

/**
 * Whether browser tests can run. Without Chromium they are skipped with one loud line,
 * unless REQUIRE_BROWSER=1 (set by .ci/run), where a missing Chromium is a failure.
 */
export function browserAvailable(): boolean {
  if (existsSync(chromiumPath)) return true;
  if (process.env.REQUIRE_BROWSER === '1') {
    throw new Error(`REQUIRE_BROWSER=1 but Chromium is missing at ${chromiumPath}`);
  }
  console.warn(
    `SKIPPED: browser tests — Chromium not found at ${chromiumPath} (apt-get install chromium)`,
  );
  return false;
}

/** What Chromium refused under the app's Content-Security-Policy, per browser. */
const refusals = new WeakMap<Browser, string[]>();

export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  watchPolicy(browser);
  return browser;
}

/**
 * Every page of every context of the browser reports what the Content-Security-Policy made
 * Chromium refuse (a script, a style, an image, a connection): the console lines Chromium
 * writes for it, with the page they came from.
 */
function watchPolicy(browser: Browser): void {
  const seen: string[] = [];
  refusals.set(browser, seen);
  const watched = new WeakSet<BrowserContext>();
  const watch = (context: BrowserContext) => {
    if (watched.has(context)) return context;
    watched.add(context);
    context.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) {
        seen.push(`${message.location().url}: ${message.text()}`);
      }
    });
    return context;
  };
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => watch(await newContext(options));
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (options) => {
    const page = await newPage(options);
    watch(page.context());
    return page;
  };
}

/** The Content-Security-Policy refusals the browser's pages met so far: none, for the app. */
export function policyRefusals(browser: Browser): string[] {
  return [...(refusals.get(browser) ?? [])];
}

/** Screenshots are kept as test artifacts (not committed) so a person can look at them. */
export function screenshotPath(name: string): string {
  mkdirSync(artifactsDir, { recursive: true });
  return path.join(artifactsDir, `${name}.png`);
}

/** The page in another language, as a user switches it: no reload, the same data. */
export async function switchLanguage(page: Page, language: string): Promise<void> {
  await page.locator(`nav.languages button[lang="${language}"]`).click();
  await page.waitForSelector(`nav.languages button[lang="${language}"][aria-pressed="true"]`);
  await page.waitForFunction(`document.documentElement.lang === '${language}'`);
}
