import { GetMyVoteResponseSchema, PutMyVoteResponseSchema, QuestionIdSchema, type PutMyVoteBody, type VoteChoice } from '@parallele/core';
import { get, send } from '../../lib/api';
import { ensureCsrf } from '../account';

/** A platform question has its own endpoint (same ballot box, its own wording); a scrutin its own. */
const myVotePath = (uid: string) =>
  QuestionIdSchema.safeParse(uid).success ? `/questions/${encodeURIComponent(uid)}/vote` : `/scrutins/${encodeURIComponent(uid)}/my-vote`;

export const fetchMyVote = (uid: string) => get(GetMyVoteResponseSchema, myVotePath(uid));
export const putMyVote = async (uid: string, choice: VoteChoice) => {
  if (!document.cookie.includes('pl_csrf=')) await ensureCsrf();
  return send(PutMyVoteResponseSchema, 'PUT', myVotePath(uid), { choice } satisfies PutMyVoteBody);
};
