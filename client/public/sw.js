// The expert tablet's service worker: the marking app opens offline after one online visit.
// Marks themselves never pass through here: they wait in IndexedDB (client/src/expert/queue.ts).
const shellCache = 'ashyq-shell-v1';
const viewCache = 'ashyq-expert-view';
const shellUrl = '/expert';
const viewUrl = '/api/expert/competition';

/**
 * Caches the page, every built asset it names and the signed-in expert's view, so that the first
 * offline open has them all even though the page that registered this worker loaded them itself.
 */
async function cacheShell() {
  const cache = await caches.open(shellCache);
  const page = await fetch(shellUrl, { cache: 'no-store' });
  if (!page.ok) return;
  const html = await page.clone().text();
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
  await cache.put(shellUrl, page);
  await cache.addAll(assets);
  const view = await fetch(viewUrl, { cache: 'no-store' });
  if (view.ok) await (await caches.open(viewCache)).put(viewUrl, view);
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name !== shellCache && name !== viewCache)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

/** The network's answer when there is one (kept for later), else the kept copy. */
async function networkFirst(request, cacheName, key) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(key, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(key);
    if (kept) return kept;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(shellCache);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && url.pathname.startsWith('/expert')) {
    event.respondWith(networkFirst(request, shellCache, shellUrl));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
  } else if (url.pathname === viewUrl) {
    event.respondWith(networkFirst(request, viewCache, viewUrl));
  }
});
