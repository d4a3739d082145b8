import { Router } from 'express';
import QRCode from 'qrcode';
import { z } from 'zod';
import { idSchema, signInLinkQrInputSchema, type SignInLinkQrReply } from '@ashyq/shared';
import { param, requireCompetitionRole } from '../../auth/middleware';
import type { Services } from '../../services';
import { scopeOfCompetition } from '../competition-access';
import { parse } from '../errors';

const qrParams = z.object({ id: idSchema });

/**
 * The sign-in link of a link token and its QR code (SVG): the link carries the address tablets
 * reach the server at (PUBLIC_URL, as printed documents do), not the one the issuer's browser uses.
 */
export async function signInLinkQr(
  publicUrl: string,
  token: string,
): Promise<{ link: string; svg: string }> {
  const link = `${publicUrl}/login/${token}`;
  const svg = await QRCode.toString(link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { link, svg };
}

/**
 * A freshly issued sign-in link and its QR code (SVG), for the chief's console to show and print:
 * the browser has no QR encoder. The token goes in the body, not the URL, so it stays out of
 * access logs.
 */
export function chiefQrRoutes(services: Pick<Services, 'config' | 'store'>): Router {
  const router = Router();
  const scope = (competitionId: string) => scopeOfCompetition(services, competitionId);
  router.post(
    '/api/chief/competitions/:id/credential-qr',
    requireCompetitionRole(['chief', 'deputy-chief'], param('id'), scope),
    async (req, res) => {
      parse(qrParams, req.params, 'params');
      const { token } = parse(signInLinkQrInputSchema, req.body, 'body');
      res
        .set('cache-control', 'no-store')
        .json((await signInLinkQr(services.config.publicUrl, token)) satisfies SignInLinkQrReply);
    },
  );
  return router;
}
