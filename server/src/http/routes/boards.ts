import { createHash } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import QRCode from 'qrcode';
import { z } from 'zod';
import {
  ceremonyStartInputSchema,
  ceremonyStepInputSchema,
  clampStep,
  idSchema,
  ScoringError,
  type BoardRow,
  type CeremonyReply,
} from '@ashyq/shared';
import { param, requireChampionshipScope, requireCompetitionRole } from '../../auth/middleware';
import { ReferenceRepository } from '../../domain/reference';
import type { Services } from '../../services';
import { command, scopeOfCompetition } from '../competition-access';
import { ApiError, parse } from '../errors';
import { championshipOfCompetition } from './registration-support';
import { collections } from '../../collections';
import { examChampionshipIds } from '../../exam/marking';

const competitionParams = z.object({ id: idSchema });
const competitorParams = competitionParams.extend({ competitorId: idSchema });
const ceremonyParams = z.object({ competitionId: idSchema });

/**
 * Public boards over HTTP (for caches and clients without websockets: the same payloads as
 * /board, with an ETag so an unchanged board answers 304), the staff's live board, and the
 * organiser's ceremony reveal.
 */
export function boardRoutes(services: Pick<Services, 'boards' | 'config' | 'store'>): Router {
  const router = Router();
  const boards = services.boards;
  const reference = new ReferenceRepository(services.store);

  /**
   * JSON with an ETag of its content: caches revalidate every time (no-cache) and an unchanged
   * board costs a 304 without a body.
   */
  const sendRevalidated = (req: Request, res: Response, body: unknown) => {
    const json = JSON.stringify(body);
    const etag = `"${createHash('sha1').update(json).digest('base64url')}"`;
    res.set({ 'Cache-Control': 'no-cache', ETag: etag });
    const held = req.get('if-none-match');
    if (held && held.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
      res.status(304).end();
      return;
    }
    res.type('json').send(json);
  };

  router.get('/api/public/competitions/:id/board', async (req, res) => {
    const { id } = parse(competitionParams, req.params, 'params');
    const board = await boards.data.competitionBoard(id);
    if (!board) throw new ApiError('not_found');
    sendRevalidated(req, res, board);
  });

  /**
   * The QR code (SVG) of a competition's public board at the address phones reach the server at
   * (PUBLIC_URL, as printed documents use), for the hall's big screen: the browser has no QR
   * encoder. Only a competition's own board link is drawn, never a text the caller chooses.
   */
  router.get('/api/public/competitions/:id/qr.svg', async (req, res) => {
    const { id } = parse(competitionParams, req.params, 'params');
    const stored = await services.store.getDocument(collections.competitions, id);
    const championshipId = (stored?.document as { championshipId?: string } | undefined)
      ?.championshipId;
    // A demo exam's results are never public: it has no board to point at.
    if (!championshipId || (await examChampionshipIds(services.store)).has(championshipId))
      throw new ApiError('not_found');
    const link = `${services.config.publicUrl}/competitions/${encodeURIComponent(id)}`;
    const svg = await QRCode.toString(link, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
    res.set('Cache-Control', 'public, max-age=300').type('image/svg+xml').send(svg);
  });

  router.get('/api/public/competitions/:id/competitors/:competitorId', async (req, res) => {
    const { id, competitorId } = parse(competitorParams, req.params, 'params');
    const detail = await boards.data.competitorDetail(id, competitorId);
    if (!detail) throw new ApiError('not_found');
    sendRevalidated(req, res, detail);
  });

  router.get('/api/public/championships/:id/overview', async (req, res) => {
    const { id } = parse(competitionParams, req.params, 'params');
    const overview = await boards.data.championshipOverview(id);
    if (!overview) throw new ApiError('not_found');
    sendRevalidated(req, res, overview);
  });

  router.get('/api/public/championships/:id/medals', async (req, res) => {
    const { id } = parse(competitionParams, req.params, 'params');
    const overview = await boards.data.championshipOverview(id);
    if (!overview) throw new ApiError('not_found');
    sendRevalidated(req, res, { championshipId: id, ...overview.medals });
  });

  /** Staff see every figure as it stands: no policy, no freeze, no ceremony. */
  router.get(
    '/api/chief/competitions/:id/board',
    requireCompetitionRole(['chief', 'deputy-chief'], param('id'), (competitionId) =>
      scopeOfCompetition(services, competitionId),
    ),
    async (req, res) => {
      const { id } = parse(competitionParams, req.params, 'params');
      const board = await boards.data.competitionBoard(id, 'staff');
      if (!board) throw new ApiError('not_found');
      res.set('Cache-Control', 'no-store');
      res.json(board);
    },
  );

  const ceremonyPath = '/api/organiser/competitions/:competitionId/ceremony';
  const inCompetition = requireChampionshipScope(
    championshipOfCompetition(reference, param('competitionId')),
  );

  /** The final rows the reveal steps through; refused while the results are not final. */
  const finalRows = async (competitionId: string): Promise<BoardRow[]> => {
    const board = await boards.data.competitionBoard(competitionId, 'staff');
    if (!board) throw new ApiError('not_found');
    if (!board.published) {
      await command(() => Promise.reject(new ScoringError('results_not_final')));
    }
    return board.rows ?? [];
  };

  router.get(ceremonyPath, inCompetition, async (req, res) => {
    const { competitionId } = parse(ceremonyParams, req.params, 'params');
    res.json({
      ceremony: (await boards.ceremonies.get(competitionId)) ?? null,
    } satisfies CeremonyReply);
  });

  router.post(ceremonyPath, inCompetition, async (req, res) => {
    const { competitionId } = parse(ceremonyParams, req.params, 'params');
    const { mode } = parse(ceremonyStartInputSchema, req.body, 'body');
    await finalRows(competitionId);
    const ceremony = await boards.ceremonies.start(competitionId, mode);
    boards.changed(competitionId);
    res.status(201).json({ ceremony } satisfies CeremonyReply);
  });

  router.post(`${ceremonyPath}/step`, inCompetition, async (req, res) => {
    const { competitionId } = parse(ceremonyParams, req.params, 'params');
    const step = parse(ceremonyStepInputSchema, req.body, 'body');
    const current = await boards.ceremonies.get(competitionId);
    if (!current) throw new ApiError('not_found');
    const wanted = 'to' in step ? step.to : current.step + (step.move === 'next' ? 1 : -1);
    const rows = await finalRows(competitionId);
    const ceremony = await boards.ceremonies.setStep(
      current,
      clampStep(rows, current.mode, wanted),
    );
    boards.changed(competitionId);
    res.json({ ceremony } satisfies CeremonyReply);
  });

  router.delete(ceremonyPath, inCompetition, async (req, res) => {
    const { competitionId } = parse(ceremonyParams, req.params, 'params');
    if (!(await boards.ceremonies.end(competitionId))) throw new ApiError('not_found');
    boards.changed(competitionId);
    res.status(204).end();
  });

  return router;
}
