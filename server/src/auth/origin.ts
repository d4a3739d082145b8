import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';

/**
 * Ashyq's own origin, and whether a browser request came from another one: the rule behind the
 * CSRF check of HTTP requests and the Origin check of Socket.IO handshakes, so both agree.
 *
 * An origin is scheme, host and port: `http://ashyq.kz` is not `https://ashyq.kz`, since a page
 * served over plain HTTP may be anyone's on the way.
 */

/** Proxies whose X-Forwarded-Proto and X-Forwarded-Host are believed: one on this machine. */
export const trustedProxies = 'loopback';
const trusted = proxyaddr.compile(trustedProxies);

/** The first value of a header a proxy may have appended to (`https, http`). */
function firstValue(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const first = value?.split(',')[0]?.trim();
  return first || undefined;
}

/** `scheme://host[:port]` of a URL (the default port left out), or undefined for `null` and non-URLs. */
export function originOf(url: string): string | undefined {
  try {
    const { origin } = new URL(url);
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/** What the origin checks read of a request: its headers and the socket it came in on. */
export interface RequestLike {
  headers: IncomingMessage['headers'];
  socket: { remoteAddress?: string; encrypted?: boolean };
}

/**
 * The origin the request was addressed to, as the browser saw it: its scheme and Host, or what
 * a trusted proxy in front of Ashyq says they were (as Express reads `req.protocol` and `req.host`
 * with `trust proxy` set to `trustedProxies`).
 */
export function requestOrigin(req: RequestLike): string | undefined {
  const remote = req.socket.remoteAddress;
  const viaProxy = remote !== undefined && trusted(remote, 0);
  const scheme =
    (viaProxy ? firstValue(req.headers['x-forwarded-proto']) : undefined) ??
    (req.socket.encrypted ? 'https' : 'http');
  const host =
    (viaProxy ? firstValue(req.headers['x-forwarded-host']) : undefined) ?? req.headers.host;
  return host === undefined ? undefined : originOf(`${scheme}://${host}`);
}

/**
 * Whether a browser sent the request from a page of another origin. Browsers name the page in
 * Origin (else Referer); a request with neither comes from a script, the CLI or a tablet's sync,
 * not from a page another site forged, and is not foreign.
 */
export function fromForeignOrigin(req: RequestLike): boolean {
  const source = req.headers.origin ?? req.headers.referer;
  if (source === undefined) return false;
  const own = requestOrigin(req);
  return own === undefined || originOf(source) !== own;
}
