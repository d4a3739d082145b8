import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * The browser security headers, set by helmet: what a page may load, who may frame it, what it
 * tells other sites, and HTTPS for good once a browser has reached Ashyq over HTTPS.
 */

/**
 * Every response: no MIME sniffing, never framed (no page of Ashyq frames another; printing
 * uses the page itself), the full address as referrer only within Ashyq (under `no-referrer`,
 * helmet's default, the Fetch standard has a POST sent with `Origin: null`, which the CSRF check
 * refuses; Chromium sends the origin all the same, other browsers may not), and helmet's other
 * defaults (cross-origin isolation of windows and resources, no DNS prefetch).
 */
export const securityHeaders: RequestHandler = helmet({
  contentSecurityPolicy: false,
  strictTransportSecurity: false,
  xFrameOptions: { action: 'deny' },
  referrerPolicy: { policy: 'same-origin' },
});

const hsts = helmet.strictTransportSecurity({ maxAge: 365 * 24 * 60 * 60 });

/**
 * HSTS over HTTPS only (a TLS-terminating proxy on the same machine tells with
 * X-Forwarded-Proto): a venue server reached at http://192.168.x.x must stay reachable.
 */
export const httpsOnly: RequestHandler = (req, res, next) => {
  if (req.secure) hsts(req, res, next);
  else next();
};

/**
 * The Content-Security-Policy of the web app's pages, its service worker and its other files
 * (not of API responses: Chrome shows a PDF opened in a tab through an embedded viewer, which
 * `object-src 'none'` on the PDF's own response would block). Everything comes from Ashyq's own origin: scripts and
 * styles are built files (React's `style` props and Chart.js write styles through the DOM, which
 * the policy allows, never as markup), fonts are the system's, the API and Socket.IO are
 * same-origin (`connect-src 'self'` covers its WebSocket), and images also come as `data:` and
 * `blob:` URLs (the QR codes of the sign-in cards). No plugins, no framing, no inline scripts or
 * event-handler attributes. Helmet's `upgrade-insecure-requests` is left out: on a plain-HTTP
 * venue server it would send the page's own files to an HTTPS port that does not exist.
 */
export const pagePolicy: RequestHandler = helmet.contentSecurityPolicy({
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    baseUri: ["'self'"],
    connectSrc: ["'self'"],
    fontSrc: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    manifestSrc: ["'self'"],
    objectSrc: ["'none'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'"],
    workerSrc: ["'self'"],
  },
});
