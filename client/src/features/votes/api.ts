import { GetMyVoteResponseSchema, PutMyVoteResponseSchema, TallySchema, type VoteChoice } from '@parallele/core';
import { get, send } from '../../lib/api';
import { ensureCsrf } from '../account';

const path = (uid: string) => `/scrutins/${encodeURIComponent(uid)}`;

export const fetchTally = (uid: string) => get(TallySchema, `${path(uid)}/tally`);
export const fetchMyVote = (uid: string) => get(GetMyVoteResponseSchema, `${path(uid)}/my-vote`);
export const putMyVote = async (uid: string, choice: VoteChoice) => {
  if (!document.cookie.includes('pl_csrf=')) await ensureCsrf();
  return send(PutMyVoteResponseSchema, 'PUT', `${path(uid)}/my-vote`, { choice });
};
