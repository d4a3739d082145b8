import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './api-support';

/**
 * The browser security headers of the real app serving the built client. Whether the app still
 * works under its Content-Security-Policy is for the browser tests (test/e2e), which fail on any
 * violation the browser reports.
 */

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ serveClient: true });
});

afterAll(async () => {
  await app?.close();
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${app.base}${path}`, { headers });

/** The policy as directive name -> sources. */
function directives(header: string | null): Record<string, string[]> {
  return Object.fromEntries(
    (header ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name, sources]),
  );
}

describe('browser security headers', () => {
  it('gives the app’s pages a policy of own-origin code, no plugins and no framing', async () => {
    for (const path of ['/', '/expert', '/boards/some-championship', '/sw.js']) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      const policy = directives(res.headers.get('content-security-policy'));
      expect(policy, path).toMatchObject({
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'"],
        'connect-src': ["'self'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'worker-src': ["'self'"],
        'object-src': ["'none'"],
        'frame-ancestors': ["'none'"],
        'base-uri': ["'self'"],
      });
      expect(policy, path).not.toHaveProperty('upgrade-insecure-requests');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
    }
  });

  it('keeps API answers from being sniffed or framed, without a page policy that would blank a PDF', async () => {
    const res = await get('/api/public/regions');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toBeNull();
  });

  it('asks for HTTPS from now on only when reached over HTTPS', async () => {
    expect((await get('/')).headers.get('strict-transport-security')).toBeNull();
    const behindTls = await get('/', { 'x-forwarded-proto': 'https' });
    expect(behindTls.headers.get('strict-transport-security')).toBe(
      'max-age=31536000; includeSubDomains',
    );
  });
});
