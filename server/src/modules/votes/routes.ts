import { Router } from 'express';
import {
  GetMyVoteResponseSchema, HashHexSchema, LogQuerySchema, MyVotesResponseSchema, PutMyVoteBodySchema, PutMyVoteResponseSchema,
  ReceiptCheckResponseSchema, ScrutinLogSchema, ScrutinUidParamSchema, TallySchema,
} from '@parallele/core';
import type { Request } from 'express';
import { AppError, sendJson, validate } from '../../errors';
import type { AppDeps } from '../../deps';
// This module's OpenAPI paths.
import './openapi';
import { citizenOf, readCookies } from '../../http';

const uidOf = (req: Request): string => {
  const parsed = ScrutinUidParamSchema.safeParse(req.params.uid);
  if (!parsed.success) throw AppError.badRequest(`uid: ${parsed.error.issues[0]?.message ?? 'invalid'}`, { param: 'uid' });
  return parsed.data;
};

/**
 * Citizens' votes: my vote (cast, change, read), my votes with receipts, and the public side:
 * tallies, the hash-chained log of a scrutin and receipt checks.
 */
export function votesRoutes(deps: Pick<AppDeps, 'votes' | 'http'>): Router {
  const { votes, http } = deps;
  const router = Router();
  const signedIn = [readCookies, http.session, http.requireCitizen];

  router.put('/scrutins/:uid/my-vote', http.limits.votesPerIp, ...signedIn, http.csrf, http.limits.votesPerAccount, async (req, res) => {
    const uid = uidOf(req);
    const body = validate(req, 'body', PutMyVoteBodySchema);
    // Answered only after the vote is committed (group commit, see vote-writer.ts).
    sendJson(res, PutMyVoteResponseSchema, await votes.castVote(citizenOf(res), uid, body.choice, req.ip ?? null));
  });

  router.get('/scrutins/:uid/my-vote', ...signedIn, async (req, res) => {
    sendJson(res, GetMyVoteResponseSchema, await votes.myVote(citizenOf(res).citizenId, uidOf(req)));
  });

  router.get('/me/votes', ...signedIn, async (_req, res) => {
    sendJson(res, MyVotesResponseSchema, { votes: await votes.myVotes(citizenOf(res).citizenId) });
  });

  router.get('/scrutins/:uid/tally', async (req, res) => {
    sendJson(res, TallySchema, await votes.tally(uidOf(req)));
  });

  router.get('/scrutins/:uid/log', async (req, res) => {
    const query = validate(req, 'query', LogQuerySchema);
    sendJson(res, ScrutinLogSchema, await votes.log(uidOf(req), query.after, query.limit));
  });

  router.get('/scrutins/:uid/log/receipts/:receipt', async (req, res) => {
    const receipt = HashHexSchema.safeParse(req.params.receipt);
    if (!receipt.success) throw AppError.badRequest('receipt: 64 lower-case hex digits', { param: 'receipt' });
    sendJson(res, ReceiptCheckResponseSchema, await votes.checkReceipt(uidOf(req), receipt.data));
  });

  return router;
}
