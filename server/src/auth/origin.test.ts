import { describe, expect, it } from 'vitest';
import { fromForeignOrigin, originOf, requestOrigin, type RequestLike } from './origin';

/** A request as Node hands it over: its headers and the address it came from. */
function request(
  headers: Record<string, string>,
  remoteAddress = '203.0.113.7',
  encrypted = false,
): RequestLike {
  return { headers, socket: { remoteAddress, encrypted } };
}

describe('origins', () => {
  it('are scheme, host and port, the default port left out', () => {
    expect(originOf('https://ashyq.kz:443/verify/AB?x=1')).toBe('https://ashyq.kz');
    expect(originOf('http://ashyq.kz:8080')).toBe('http://ashyq.kz:8080');
    expect(originOf('null')).toBeUndefined();
    expect(originOf('file:///tmp/page.html')).toBeUndefined();
  });

  it('of a request: its scheme and Host, or a loopback proxy’s X-Forwarded-Proto and -Host', () => {
    const forwarded = { host: '127.0.0.1:3000', 'x-forwarded-proto': 'https, http' };
    expect(requestOrigin(request({ host: 'ashyq.kz' }))).toBe('http://ashyq.kz');
    expect(requestOrigin(request({ host: 'ashyq.kz' }, '203.0.113.7', true))).toBe(
      'https://ashyq.kz',
    );
    expect(requestOrigin(request(forwarded, '127.0.0.1'))).toBe('https://127.0.0.1:3000');
    expect(requestOrigin(request({ ...forwarded, 'x-forwarded-host': 'ashyq.kz' }, '::1'))).toBe(
      'https://ashyq.kz',
    );
    // Anyone else's X-Forwarded-* is not believed.
    expect(requestOrigin(request({ ...forwarded, 'x-forwarded-host': 'evil.example' }))).toBe(
      'http://127.0.0.1:3000',
    );
  });

  it('tell a page of another origin from Ashyq’s own and from a client that names none', () => {
    const own = { host: 'ashyq.kz' };
    expect(fromForeignOrigin(request({ ...own, origin: 'http://ashyq.kz' }))).toBe(false);
    expect(fromForeignOrigin(request({ ...own, referer: 'http://ashyq.kz/chief' }))).toBe(false);
    expect(fromForeignOrigin(request(own))).toBe(false);
    for (const origin of [
      'https://evil.example',
      'https://ashyq.kz',
      'http://ashyq.kz:8080',
      'null',
    ]) {
      expect([origin, fromForeignOrigin(request({ ...own, origin }))]).toEqual([origin, true]);
    }
    expect(fromForeignOrigin(request({ ...own, referer: 'https://ashyq.kz/chief' }))).toBe(true);
  });
});
