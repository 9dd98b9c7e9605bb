import type { Logger } from 'pino';
import type {
  GetMyVoteResponse, MyVote, PutMyVoteResponse, ReceiptCheckResponse, ScrutinLog, Tally, VerificationLevel, VoteChoice,
  VoteWindow, VoteWindowBody,
} from '@parallele/core';
import { LOG_FORMAT, levelRank, networkOf } from '@parallele/core';
import { AppError } from '../../errors';
import type { AppEventBus } from '../../events';
import type { SessionCitizen } from '../accounts';
import type { CastItem, CastOutcome, VotesRepository } from './repository';
import { createVoteWriter, type VoteWriter } from './vote-writer';

export interface VotesServiceDeps {
  repo: VotesRepository;
  logger: Logger;
  now: () => Date;
  voteMinLevel: VerificationLevel;
  verifiedLevel: VerificationLevel;
  /** `votes:cast` is emitted there after each committed batch (live tallies, the voter's other tabs) */
  events?: AppEventBus;
  /** called after each committed batch */
  onCast?: (committed: { item: CastItem; outcome: CastOutcome }[]) => void;
}

/** The module's own event: the changed votes of a committed batch (none: no event). */
function emitCast(events: AppEventBus, committed: { item: CastItem; outcome: CastOutcome }[]) {
  const changed = committed.filter((c) => c.outcome.changed);
  if (changed.length === 0) return;
  events.emit('votes:cast', { votes: changed.map((c) => ({ scrutinUid: c.item.scrutinUid, citizenId: c.item.citizenId, vote: c.outcome.vote })) });
}

export const unknownScrutin = (uid: string) =>
  new AppError('scrutin_not_found', `No scrutin ${uid} is open to citizens' votes`, { status: 404, extras: { param: 'uid' } });

export function createVotesService(deps: VotesServiceDeps) {
  const { repo } = deps;
  const { events } = deps;
  const listeners: NonNullable<VotesServiceDeps['onCast']>[] = [
    ...(events ? [(committed: Parameters<typeof emitCast>[1]) => emitCast(events, committed)] : []),
    ...(deps.onCast ? [deps.onCast] : []),
  ];
  // Another module's wording for a closed vote on its own ids (the platform's questions)
  type ClosedExplainer = (uid: string) => AppError | null | Promise<AppError | null>;
  const closedExplainers: ClosedExplainer[] = [];
  const closedError = async (uid: string): Promise<AppError> => {
    for (const explain of closedExplainers) {
      const found = await explain(uid);
      if (found) return found;
    }
    return new AppError('vote_closed', `The citizens' vote on ${uid} is closed: the deputies have voted`, { status: 409, extras: { param: 'uid' } });
  };
  const writer: VoteWriter = createVoteWriter(repo, (committed) => {
    for (const listener of listeners) {
      try {
        listener(committed);
      } catch (error) {
        deps.logger.error({ err: error }, 'vote listener failed');
      }
    }
  });

  /**
   * A scrutin with a window row was announced before the deputies vote: it closes at
   * `closesAt`, when closed explicitly, or when the deputies' result reaches the AN store.
   * A scrutin of the AN store without a window row is a past vote: open, retrospective.
   */
  async function windowOf(uid: string): Promise<VoteWindow | null> {
    const row = await repo.window(uid);
    const now = deps.now().getTime();
    if (row) {
      const closed = row.closedAt !== null || (row.closesAt !== null && now >= row.closesAt) || (await repo.scrutinExists(uid));
      return { status: closed ? 'closed' : 'open', retrospective: false, closesAt: row.closesAt === null ? null : new Date(row.closesAt).toISOString() };
    }
    return (await repo.scrutinExists(uid)) ? { status: 'open', retrospective: true, closesAt: null } : null;
  }

  async function requireWindow(uid: string): Promise<VoteWindow> {
    const window = await windowOf(uid);
    if (!window) throw unknownScrutin(uid);
    return window;
  }

  return {
    windowOf,
    writer,
    /** Lets a module word the refusal of a vote on its own ids (null: not one of its ids). */
    explainClosed(explain: ClosedExplainer) {
      closedExplainers.push(explain);
    },
    onCast(listener: NonNullable<VotesServiceDeps['onCast']>) {
      listeners.push(listener);
      return () => listeners.splice(listeners.indexOf(listener), 1);
    },

    /** Resolves only once the vote is committed to the store (see vote-writer.ts). */
    async castVote(citizen: SessionCitizen, uid: string, choice: VoteChoice, ip: string | null): Promise<PutMyVoteResponse> {
      if (levelRank(citizen.level) < levelRank(deps.voteMinLevel)) {
        throw new AppError('verification_required', `Voting needs a verified account (${deps.voteMinLevel})`, { status: 403, extras: { level: deps.voteMinLevel } });
      }
      if (citizen.successionPending) {
        throw new AppError('verification_required', 'This address belonged to a deleted account: verify it (the mailed code) before voting, and that account\'s votes become yours', { status: 403, extras: { level: 'email' } });
      }
      const item: CastItem = { scrutinUid: uid, citizenId: citizen.citizenId, voterId: citizen.voterId, choice, network: networkOf(ip), at: deps.now().getTime() };
      let window: VoteWindow | null = null;
      const outcome = await writer.cast(item, async (memo) => {
        // Read under the write lock: a close and a vote cannot interleave. Once per batch and scrutin.
        window = (memo.get(uid) as VoteWindow | undefined) ?? (await requireWindow(uid));
        memo.set(uid, window);
        if (window.status === 'closed') throw await closedError(uid);
      });
      return { vote: outcome.vote, changed: outcome.changed, window: window ?? (await requireWindow(uid)) };
    },

    async myVote(citizenId: number, uid: string): Promise<GetMyVoteResponse> {
      const window = await requireWindow(uid);
      return { vote: await repo.myVote(uid, citizenId), window };
    },

    myVotes(citizenId: number): Promise<MyVote[]> {
      return repo.votesOf(citizenId);
    },

    /** From the store: every process serves the same numbers. */
    async tally(uid: string): Promise<Tally> {
      const window = await requireWindow(uid);
      const head = await repo.head(uid);
      return {
        scrutinUid: uid, window, ...(await repo.tally(uid, levelRank(deps.verifiedLevel))),
        verifiedLevel: deps.verifiedLevel, logLength: head.seq, logHead: head.hash,
      };
    },

    async log(uid: string, after: number, limit: number): Promise<ScrutinLog> {
      await requireWindow(uid);
      const entries = await repo.log(uid, after, limit);
      return { format: LOG_FORMAT, scrutinUid: uid, entries, head: (await repo.head(uid)).hash };
    },

    async checkReceipt(uid: string, receipt: string): Promise<ReceiptCheckResponse> {
      const entry = await repo.entryByHash(receipt);
      if (!entry || entry.scrutinUid !== uid) return { found: false, entry: null, superseded: false };
      return { found: true, entry, superseded: (await repo.supersededCount(entry)) > 0 };
    },

    /** Admin / page scraper: announce an upcoming scrutin, move its closing time, or close it. */
    async setWindow(uid: string, body: VoteWindowBody): Promise<VoteWindow> {
      const current = await repo.window(uid);
      const now = deps.now().getTime();
      await repo.upsertWindow({
        scrutinUid: uid,
        title: body.title ?? current?.title ?? null,
        closesAt: body.closesAt === undefined ? (current?.closesAt ?? null) : body.closesAt === null ? null : Date.parse(body.closesAt),
        closedAt: body.closed === undefined ? (current?.closedAt ?? null) : body.closed ? (current?.closedAt ?? now) : null,
        createdAt: now,
      });
      return requireWindow(uid);
    },

    /** The deputies' result arrived (sync): closes the platform vote if it was announced. */
    async closeVoting(uid: string): Promise<void> {
      const current = await repo.window(uid);
      if (current && current.closedAt === null) await repo.upsertWindow({ ...current, closedAt: deps.now().getTime(), createdAt: deps.now().getTime() });
    },
  };
}

export type VotesService = ReturnType<typeof createVotesService>;
