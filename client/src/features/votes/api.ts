import { GetMyVoteResponseSchema, PutMyVoteResponseSchema, type PutMyVoteBody, type VoteChoice } from '@parallele/core';
import { get, send } from '../../lib/api';
import { ensureCsrf } from '../account';

const path = (uid: string) => `/scrutins/${encodeURIComponent(uid)}`;

export const fetchMyVote = (uid: string) => get(GetMyVoteResponseSchema, `${path(uid)}/my-vote`);
export const putMyVote = async (uid: string, choice: VoteChoice) => {
  if (!document.cookie.includes('pl_csrf=')) await ensureCsrf();
  return send(PutMyVoteResponseSchema, 'PUT', `${path(uid)}/my-vote`, { choice } satisfies PutMyVoteBody);
};
