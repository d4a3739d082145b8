/// <reference lib="webworker" />
// The expert tablet's service worker, built by vite-plugin-pwa (Workbox, injectManifest) into
// client/dist/sw.js: the marking app opens offline after one online visit (docs/realtime.md,
// *Offline tablet*). Marks themselves never pass through here: they wait in IndexedDB
// (client/src/expert/queue.ts).
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkFirst, NetworkOnly } from 'workbox-strategies';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string })[] };

const viewCache = 'ashyq-expert-view';
const viewUrl = '/api/expert/competition';

// Every file of the build (the page, its script and styles, icons, manifest), named with its
// hash by the plugin, so a new deployment replaces exactly what changed. The page is kept only
// as the offline shell below: `/` itself is not answered from here (no directory index).
precacheAndRoute(self.__WB_MANIFEST, { directoryIndex: '' });
cleanupOutdatedCaches();
void self.skipWaiting();
clientsClaim();

/** The cache the hand-written worker before this one kept the page and its files in. */
const retiredCaches = ['ashyq-shell-v1'];
self.addEventListener('activate', (event) => {
  event.waitUntil(Promise.all(retiredCaches.map((name) => caches.delete(name))));
});

/**
 * Keeps the signed-in expert's view when the worker installs: the page that registered it read
 * the view before the worker was there to see it, and the first offline open needs it.
 */
async function keepView(): Promise<void> {
  try {
    const view = await fetch(viewUrl, { cache: 'no-store' });
    if (view.ok) await (await caches.open(viewCache)).put(viewUrl, view);
  } catch {
    // Offline or signed out: the view is kept at its next read instead.
  }
}
self.addEventListener('install', (event) => event.waitUntil(keepView()));

/** The marking app's pages: the network's answer, or the kept page when there is none. */
const offlineShell = {
  handlerDidError: async () => (await matchPrecache('/index.html')) ?? Response.error(),
};
registerRoute(
  new NavigationRoute(new NetworkOnly({ plugins: [offlineShell] }), { allowlist: [/^\/expert/] }),
);

/** The expert's view: the network's answer when there is one (kept for later), else the kept copy. */
registerRoute(
  ({ url, request }) =>
    request.method === 'GET' && url.origin === self.location.origin && url.pathname === viewUrl,
  new NetworkFirst({
    cacheName: viewCache,
    plugins: [{ cacheKeyWillBeUsed: async () => viewUrl }],
  }),
);
