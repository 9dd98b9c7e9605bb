import { QuestionIdSchema, type VoteChoice } from '@parallele/core';
import { AppError } from '../../errors';
import type { SessionCitizen } from '../accounts';
import type { VotesService } from '../votes';
import type { QuestionRow, QuestionsRepository } from './repository';

/**
 * Votes on a platform question: the votes module's own (one person one vote, verification
 * levels, hash-chained log, receipts), keyed by the question id, behind the question's endpoints
 * and in the question's words: it closes when its sitting starts, not when "the deputies voted".
 */
export function questionVotes(repo: QuestionsRepository, votes: VotesService, now: () => Date) {
  function closedError(q: QuestionRow): AppError {
    const closesAt = new Date(q.closesAt).toISOString();
    const timeUp = now().getTime() >= q.closesAt;
    const extras = { param: 'id', closesAt, sittingStart: q.sittingStart, replayOf: q.replayOf };
    if (!timeUp) {
      return new AppError('question_closed', 'This question is closed: the deputies have voted on the text', { status: 409, extras: { ...extras, reason: 'deputies-voted' } });
    }
    if (q.replayOf !== null) {
      const detail = `This question, a replay of the agenda as of ${q.replayOf}, closed on ${closesAt}, as its sitting of ${q.sittingStart} started`;
      return new AppError('question_closed', detail, { status: 409, extras: { ...extras, reason: 'replay-sitting-started' } });
    }
    if (q.sittingStart !== null && Date.parse(q.sittingStart) === q.closesAt) {
      return new AppError('question_closed', `This question closed when the sitting started on ${q.sittingStart}`, { status: 409, extras: { ...extras, reason: 'sitting-started' } });
    }
    return new AppError('question_closed', `This question closed on ${closesAt}, its closing time`, { status: 409, extras: { ...extras, reason: 'closing-time' } });
  }

  // the same refusal, worded for the question, whichever path the vote came by
  votes.explainClosed((uid) => {
    if (!QuestionIdSchema.safeParse(uid).success) return null;
    return repo.get(uid).then((q) => (q ? closedError(q) : null));
  });

  async function requireQuestion(id: string): Promise<QuestionRow> {
    const q = await repo.get(id);
    if (!q) throw new AppError('question_not_found', `No platform question ${id}`, { status: 404, extras: { param: 'id' } });
    return q;
  }

  return {
    requireQuestion,
    async cast(citizen: SessionCitizen, id: string, choice: VoteChoice, ip: string | null) {
      await requireQuestion(id);
      return votes.castVote(citizen, id, choice, ip);
    },
    async mine(citizenId: number, id: string) {
      await requireQuestion(id);
      return votes.myVote(citizenId, id);
    },
    async tally(id: string) {
      await requireQuestion(id);
      return votes.tally(id);
    },
    async log(id: string, after: number, limit: number) {
      await requireQuestion(id);
      return votes.log(id, after, limit);
    },
    async checkReceipt(id: string, receipt: string) {
      await requireQuestion(id);
      return votes.checkReceipt(id, receipt);
    },
  };
}
