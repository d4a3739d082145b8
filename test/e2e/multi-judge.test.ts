import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { io } from 'socket.io-client';
import { fullName, type Aspect, type MarkValue, type PersonName } from '@ashyq/shared';
import {
  browserAvailable,
  launchBrowser,
  policyRefusals,
  screenshotPath,
} from '../support/browser';
import { removeDataDir, startServer, type RunningServer } from '../support/server';

/**
 * Three judges of one panel on their own tablets (separate browser contexts) mark the same
 * judgement aspect of the demo: Web Technologies C2 (day 2), whose panel is web-e1..e4. web-05
 * (Saryarka college) is a compatriot of web-e4 only, so e1, e2 and e3 are its judges.
 */
const competitionId = 'wsk-2026-astana-web';
const subCriterion = 'C2';
const judged = 'C2.J1';
const measured = 'C2.M1';
const target = 'web-05';
/** A second competitor e3 scores offline; also judged by exactly e1, e2 and e3. */
const second = 'web-07';
const pins = { e1: '950246', e2: '810854', e3: '378731', e4: '493704', chief: '352389' };
type Judge = 'e1' | 'e2' | 'e3';

/**
 * Waits for what a push, a reconnect or a sync brings. Generous: a tablet back online waits for
 * Socket.IO's reconnection backoff, and the machine may be busy; nothing here measures time.
 */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000 });

interface ViewBody {
  competitors: { id: string; name: PersonName }[];
  criteria: { subCriteria: { id: string; aspects: Aspect[] }[] }[];
}

interface MarkEvent {
  actor: string;
  data: { mark: { id: string; competitor: string; aspect: string } };
}

/** A cookie session signed in with a competition PIN, for the API calls the test makes itself. */
async function pinSession(server: RunningServer, pin: string) {
  const res = await fetch(`${server.url}/api/auth/pin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ competitionId, pin }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const call = async (method: string, path: string, body?: unknown) => {
    const reply = await fetch(`${server.url}${path}`, {
      method,
      headers: { cookie, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: reply.status, body: (await reply.json()) as Record<string, unknown> };
  };
  return { cookie, call };
}

type Session = Awaited<ReturnType<typeof pinSession>>;

const chiefPath = (path: string) => `/api/chief/competitions/${competitionId}${path}`;

/** A value that fits a measurement aspect and earns its max (the fill marks are not disputed). */
function fullMarks(aspect: Aspect): MarkValue {
  const spec = aspect.measurement ?? { kind: 'binary' as const };
  if (spec.kind === 'choice') return { kind: 'choice', option: 0 };
  if (spec.kind === 'deduction') return { kind: 'deduction', measured: spec.target };
  return { kind: 'binary', achieved: true };
}

/**
 * Marks the rest of C2 through the REST route, as the panel's experts, so that the chief can
 * lock it once the browser judges are done: three judges per judgement aspect, one mark per
 * measurement aspect, each from an expert allowed to see the competitor. The cells the tablets
 * mark in the test are left to them.
 */
async function markTheRest(sessions: Record<string, Session>, leave: Set<string>) {
  const views = new Map<string, ViewBody>();
  for (const [expert, session] of Object.entries(sessions)) {
    views.set(expert, (await session.call('GET', '/api/expert/competition')).body as never);
  }
  const aspects = views
    .get('e1')!
    .criteria.flatMap((c) => c.subCriteria)
    .find((sub) => sub.id === subCriterion)!.aspects;
  const competitors = new Set(
    [...views.values()].flatMap((view) => view.competitors.map((c) => c.id)),
  );
  const batches = new Map<string, unknown[]>();
  for (const competitor of competitors) {
    const eligible = [...views]
      .filter(([, view]) => view.competitors.some((c) => c.id === competitor))
      .map(([expert]) => expert);
    for (const aspect of aspects) {
      const judges = aspect.type === 'J' ? 3 : 1;
      const taken = eligible.filter((e) => leave.has(`${e}|${competitor}|${aspect.code}`));
      const fillers = eligible
        .filter((e) => !taken.includes(e) && !leave.has(`*|${competitor}|${aspect.code}`))
        .slice(0, judges - taken.length);
      for (const expert of fillers) {
        const value: MarkValue =
          aspect.type === 'J' ? { kind: 'judgement', score: 2 } : fullMarks(aspect);
        const id = `fill-${expert}-${competitor}-${aspect.code.replace('.', '_')}`;
        batches.set(expert, [
          ...(batches.get(expert) ?? []),
          { id, competitor, aspect: aspect.code, value },
        ]);
      }
    }
  }
  for (const [expert, marks] of batches) {
    const { status, body } = await sessions[expert]!.call('POST', '/api/expert/marks', { marks });
    expect(status).toBe(200);
    const refused = (body.results as { status: string }[]).filter((r) => r.status === 'rejected');
    expect(refused).toEqual([]);
  }
  return views;
}

async function signIn(page: Page, server: RunningServer, pin: string) {
  await page.goto(`${server.url}/expert/login`);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByLabel('Competition', { exact: true }).selectOption(competitionId);
  await page.getByLabel('PIN (6 digits)').fill(pin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${server.url}/expert`);
  await page.getByRole('button', { name: 'Day 2' }).click();
  await page.getByRole('button', { name: new RegExp(`^${subCriterion} `) }).click();
}

describe.runIf(browserAvailable())(
  'judges of one panel on three tablets (demo data)',
  { timeout: 90_000 },
  () => {
    let server: RunningServer;
    let browser: Browser;
    let chief: Session;
    const tablets = {} as Record<Judge, { context: BrowserContext; page: Page }>;
    const names = new Map<string, string>();

    /** The grid cell of a competitor, found by its name as the tablet shows it. */
    const cell = (judge: Judge, competitor: string, aspect: string) =>
      tablets[judge].page.locator(
        `button[data-aspect="${aspect}"][aria-label^="${names.get(competitor)} ${aspect}:"]`,
      );
    const stateOf = (judge: Judge, competitor: string, aspect = judged) =>
      cell(judge, competitor, aspect).getAttribute('data-state');
    const flagged = (judge: Judge) =>
      cell(judge, target, judged).evaluate((button) => button.classList.contains('discrepant'));

    /** Closes the selected cell's entry panel, so the whole grid and the sign-off show. */
    async function closeEntry(judge: Judge) {
      const close = tablets[judge].page.getByRole('button', { name: 'Close the entry panel' });
      if ((await close.count()) > 0) await close.click();
    }

    async function score(judge: Judge, competitor: string, value: number) {
      await cell(judge, competitor, judged).click();
      await tablets[judge].page.getByRole('button', { name: `Score ${value}` }).click();
    }

    /** The competition's recorded marks, from the chief's audit trail (the latest 2,000). */
    async function recorded(): Promise<MarkEvent[]> {
      const { status, body } = await chief.call(
        'GET',
        chiefPath('/events?type=mark.recorded&limit=2000'),
      );
      expect(status).toBe(200);
      return body.events as MarkEvent[];
    }

    /** What the tablets entered in C2 (the test's own fill marks aside), as `actor competitor aspect`. */
    async function tabletMarks(actor: string): Promise<string[]> {
      return (await recorded())
        .filter(
          (e) =>
            e.actor === actor &&
            e.data.mark.aspect.startsWith(`${subCriterion}.`) &&
            !e.data.mark.id.startsWith('fill-'),
        )
        .map((e) => `${e.data.mark.competitor} ${e.data.mark.aspect}`)
        .sort();
    }

    async function boardNumbers(page: Page): Promise<string> {
      await page.goto(`${server.url}/competitions/${competitionId}`);
      await page.locator('table.ranking').waitFor();
      return (await page.locator('table.ranking tbody').textContent()) ?? '';
    }

    beforeAll(async () => {
      server = await startServer();
      browser = await launchBrowser();
      chief = await pinSession(server, pins.chief);
      const sessions = {
        e1: await pinSession(server, pins.e1),
        e2: await pinSession(server, pins.e2),
        e3: await pinSession(server, pins.e3),
        e4: await pinSession(server, pins.e4),
      };
      const views = await markTheRest(
        sessions,
        new Set([`*|${target}|${judged}`, `*|${target}|${measured}`, `e3|${second}|${judged}`]),
      );
      for (const view of views.values()) {
        for (const person of view.competitors) names.set(person.id, fullName(person.name));
      }
      const sizes: Record<Judge, { width: number; height: number }> = {
        e1: { width: 768, height: 1024 },
        e2: { width: 800, height: 1280 },
        e3: { width: 768, height: 1024 },
      };
      for (const judge of ['e1', 'e2', 'e3'] as const) {
        const context = await browser.newContext({ viewport: sizes[judge], locale: 'en' });
        const page = await context.newPage();
        await signIn(page, server, pins[judge]);
        tablets[judge] = { context, page };
      }
    });

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      removeDataDir(server.dataDir);
    });

    it('keeps each judge blind until its own score is saved, then shows the panel', async () => {
      await score('e1', target, 0);
      await poll(() => stateOf('e1', target)).toBe('saved');
      // e2 has not scored: it sees nothing of the panel.
      await cell('e2', target, judged).click();
      expect(await tablets.e2.page.locator('.entry').textContent()).toContain(
        "The other judges' scores appear once yours is saved",
      );
      expect(await tablets.e2.page.locator('.panel-scores').count()).toBe(0);
      await tablets.e2.page.getByRole('button', { name: 'Score 2' }).click();
      await poll(() => stateOf('e2', target)).toBe('saved');
      // e2 sees the panel at once; e1 is told by the scores push, without a reload.
      await cell('e2', target, judged).click();
      await poll(() => tablets.e2.page.locator('.panel-scores').textContent()).toMatch(
        /Panel's scores: (0 · 2|2 · 0)/,
      );
      // Two of three judges are in: far apart, but the panel is not complete yet.
      expect(await flagged('e2')).toBe(false);
    });

    it('keeps an offline judge marking through a reload, sends each mark once, flags the panel', async () => {
      const { page, context } = tablets.e3;
      // The service worker must hold the app before the tablet loses the network.
      await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
      await context.setOffline(true);
      await poll(() => page.locator('.sync-bar').textContent()).toContain('Offline');
      await score('e3', target, 2);
      await score('e3', second, 3);
      await cell('e3', target, measured).click();
      await page.getByRole('button', { name: /^Achieved/ }).click();
      expect(await stateOf('e3', target)).toBe('queued');
      expect(await page.locator('.sync-bar').textContent()).toContain('Waiting to be sent: 3');

      await page.reload();
      await poll(() => stateOf('e3', second)).toBe('queued');
      expect(await stateOf('e3', target)).toBe('queued');
      expect(await stateOf('e3', target, measured)).toBe('queued');

      await context.setOffline(false);
      await poll(() => stateOf('e3', target)).toBe('saved');
      await poll(() => stateOf('e3', second)).toBe('saved');
      await poll(() => stateOf('e3', target, measured)).toBe('saved');
      expect(await page.locator('.sync-bar').textContent()).toContain('All marks are saved');
      // Its own score now counts, so the panel and the flag are revealed after the reconnect.
      await poll(() => flagged('e3')).toBe(true);

      // The third score completes the panel: 0, 2, 2 are too far apart, on every tablet.
      await poll(() => flagged('e1')).toBe(true);
      await poll(() => flagged('e2')).toBe(true);

      expect(await tabletMarks('web-e3')).toEqual([
        `${target} ${judged}`,
        `${target} ${measured}`,
        `${second} ${judged}`,
      ]);
      const all = await recorded();
      expect(new Set(all.map((e) => e.data.mark.id)).size).toBe(all.length);
    });

    it('shows the chief expert’s re-score request; the judge re-scores and the discrepancy clears', async () => {
      const overview = await chief.call('GET', chiefPath('/overview'));
      const open = overview.body.openDiscrepancies as { competitor: string; aspect: string }[];
      expect(open).toContainEqual(expect.objectContaining({ competitor: target, aspect: judged }));
      const asked = await chief.call('POST', chiefPath('/rescore-requests'), {
        competitorId: target,
        aspect: judged,
        reason: 'Look at the layout on a phone again',
      });
      expect(asked.status).toBe(201);

      const { page } = tablets.e1;
      const banner = page.locator('.rescore-banner');
      await poll(() => banner.textContent()).toContain('Look at the layout on a phone again');
      expect(await banner.textContent()).toContain(`${names.get(target)} · ${judged}`);
      expect(await cell('e1', target, judged).getAttribute('aria-label')).toContain(
        'Re-score requested',
      );
      // The grid as the judge sees it: the banner, the sub-criterion's badge and the flagged cell.
      await cell('e1', target, judged).scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath('multi-judge-grid-768x1024') });
      await poll(() => tablets.e2.page.locator('.rescore-banner').count()).toBe(1);
      await closeEntry('e2');
      await tablets.e2.page.screenshot({ path: screenshotPath('multi-judge-grid-800x1280') });
      await banner.getByRole('button').first().click();
      expect(await page.locator('.rescore-request').textContent()).toContain(
        'score this aspect again',
      );
      await page.screenshot({ path: screenshotPath('multi-judge-rescore-768x1024') });
      await cell('e2', target, judged).click();
      await tablets.e2.page.screenshot({ path: screenshotPath('multi-judge-rescore-800x1280') });

      // The re-score: a new mark with a new id that supersedes e1's 0.
      await page.getByRole('button', { name: 'Score 2' }).click();
      await poll(() => banner.count()).toBe(0);
      await poll(() => cell('e1', target, judged).textContent()).toBe('2');
      await poll(() => flagged('e1')).toBe(false);
      await poll(() => flagged('e2')).toBe(false);
      await poll(() => flagged('e3')).toBe(false);
      await poll(() => page.locator('.panel-scores').textContent()).toMatch(
        /Panel's scores: 2 · 2 · 2/,
      );
      const after = await chief.call('GET', chiefPath('/overview'));
      expect(after.body.openDiscrepancies).toEqual(
        expect.not.arrayContaining([
          expect.objectContaining({ competitor: target, aspect: judged }),
        ]),
      );
      // The score and the re-score: two marks, the second superseding the first.
      expect(await tabletMarks('web-e1')).toEqual([`${target} ${judged}`, `${target} ${judged}`]);
      expect(await tabletMarks('web-e2')).toEqual([`${target} ${judged}`]);
    });

    it('corrects a measurement mark online only, with a reason, as a superseding mark', async () => {
      const { page, context } = tablets.e3;
      await cell('e3', target, measured).click();
      await page.getByRole('button', { name: 'Correct the mark' }).click();
      const dialog = page.locator('.correction');
      await dialog.getByRole('button', { name: /^Not achieved/ }).click();
      await dialog
        .getByLabel('Reason for the correction')
        .fill('Migrations fail on a clean database');
      await context.setOffline(true);
      await poll(() => dialog.textContent()).toContain('A correction needs a connection');
      expect(await dialog.getByRole('button', { name: 'Save the correction' }).isDisabled()).toBe(
        true,
      );
      await context.setOffline(false);
      await dialog.getByRole('button', { name: 'Save the correction' }).click();
      await poll(() => cell('e3', target, measured).textContent()).toBe('✗');
      expect(await stateOf('e3', target, measured)).toBe('saved');
      // The teammate with the same sub-criterion open sees the new reading as e3's, live.
      await poll(() => cell('e1', target, measured).textContent()).toBe('✗');
      expect(await cell('e1', target, measured).getAttribute('class')).toContain('team');

      const { body } = await chief.call('GET', chiefPath('/events?type=mark.superseded'));
      const corrections = (body.events as (MarkEvent & { data: { reason: string } })[]).filter(
        (e) => e.actor === 'web-e3',
      );
      expect(corrections.map((e) => [e.data.mark.aspect, e.data.reason])).toEqual([
        [measured, 'Migrations fail on a clean database'],
      ]);
    });

    it('locks on the chief’s word, and the public board counts C2', async () => {
      const board = await browser.newPage();
      const before = await boardNumbers(board);
      const locked = await chief.call('POST', chiefPath(`/sub-criteria/${subCriterion}/lock`));
      expect(locked.status).toBe(200);
      expect(await boardNumbers(board)).not.toBe(before);
      await board.close();
    });

    it('takes the sign-off with the judge’s PIN after a wrong one', async () => {
      const { page } = tablets.e1;
      // The lock push closes the grid to marks and offers the sign-off.
      await poll(() => page.locator('.locked').count()).toBe(1);
      await closeEntry('e1');
      await page.getByRole('button', { name: `Sign off sub-criterion ${subCriterion}` }).click();
      const pad = page.locator('.pin-pad');
      for (const digit of '111111') {
        await pad.getByRole('button', { name: digit, exact: true }).click();
      }
      await pad.getByRole('button', { name: 'Sign', exact: true }).click();
      await poll(() => page.getByRole('alert').allTextContents()).toContain(
        'Wrong PIN; nothing was signed',
      );
      for (const digit of pins.e1) {
        await pad.getByRole('button', { name: digit, exact: true }).click();
      }
      await pad.getByRole('button', { name: 'Sign', exact: true }).click();
      await poll(() => page.locator('.locked').textContent()).toContain(
        'You have signed off this sub-criterion',
      );
    });

    it('says why a sign-off was refused in the judge’s language', async () => {
      const ru = tablets.e2.page;
      // e2 was asked too but never re-scored; the lock leaves nothing to re-score.
      await poll(() => ru.locator('.rescore-banner').count()).toBe(0);
      await closeEntry('e2');
      await ru.getByRole('button', { name: 'Русский' }).click();
      await ru.getByRole('button', { name: `Подписать подкритерий ${subCriterion}` }).click();
      const ruPad = ru.locator('.pin-pad');
      for (const digit of '222222') {
        await ruPad.getByRole('button', { name: digit, exact: true }).click();
      }
      await ruPad.getByRole('button', { name: 'Подписать', exact: true }).click();
      await poll(() => ru.getByRole('alert').allTextContents()).toContain(
        'Неверный PIN-код; ничего не подписано',
      );
      await ru.screenshot({ path: screenshotPath('multi-judge-sign-off-800x1280-ru') });
      for (const digit of pins.e2) {
        await ruPad.getByRole('button', { name: digit, exact: true }).click();
      }
      await ruPad.getByRole('button', { name: 'Подписать', exact: true }).click();
      await poll(() => ru.locator('.locked').textContent()).toContain(
        'Вы подписали этот подкритерий',
      );
    });

    it('never shows a judge its compatriots, and refuses marking one over the socket and REST', async () => {
      const { page, context } = tablets.e1;
      // web-01 is of e1's own college (Digital Astana IT college).
      const rows = await page.locator('table.mark-grid tbody th .name-full').allTextContents();
      expect(rows).not.toContain(names.get('web-01'));
      expect(rows).toContain(names.get(target));

      const mark = (id: string) => ({
        id,
        competitor: 'web-01',
        aspect: 'D2.J1',
        value: { kind: 'judgement', score: 3 },
      });
      const rest = (await page.evaluate(
        (body) =>
          fetch('/api/expert/marks', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          }).then((res) => res.json()),
        { marks: [mark('compatriot-rest-1')] },
      )) as { results: { status: string; reason?: string }[] };
      expect(rest.results).toEqual([
        expect.objectContaining({ status: 'rejected', reason: 'compatriot' }),
      ]);

      const cookie = (await context.cookies())
        .filter((c) => server.url.includes(c.domain))
        .map((c) => `${c.name}=${c.value}`)
        .join('; ');
      const socket = io(`${server.url}/expert`, {
        transports: ['websocket'],
        extraHeaders: { cookie },
        auth: { competitionId },
      });
      try {
        const ack = (await socket
          .timeout(10_000)
          .emitWithAck('marks:record', { marks: [mark('compatriot-socket-1')] })) as {
          ok: boolean;
          results: { status: string; reason?: string }[];
        };
        expect(ack.ok).toBe(true);
        expect(ack.results).toEqual([
          expect.objectContaining({ status: 'rejected', reason: 'compatriot' }),
        ]);
      } finally {
        socket.close();
      }
      const ids = (await recorded()).map((e) => e.data.mark.id);
      expect(ids).not.toContain('compatriot-rest-1');
      expect(ids).not.toContain('compatriot-socket-1');
    });

    it('met no Content-Security-Policy refusal in any page it opened', () => {
      expect(policyRefusals(browser)).toEqual([]);
    });
  },
);
