import { AppError } from '../../errors';
import type { CastItem, CastOutcome, ChainHead, VotesRepository } from './repository';

/**
 * Group commit for votes. Requests arriving while the previous batch is being written (or in the
 * same turn of the event loop) are written in ONE transaction, and each is answered only after that
 * transaction committed: with synchronous=FULL that is one WAL fsync per batch instead of one per
 * vote, which is what makes thousands of durable votes a second possible on one SQLite file (and
 * one commit round trip per batch on PostgreSQL). One batch at a time per process.
 *
 * The transaction holds the chain locks of every scrutin of the batch (votesRepository.transaction),
 * so several processes appending to one chain take turns. `check` runs inside it (the window is
 * read under the lock, so a close and a vote cannot interleave). A check's AppError fails that vote
 * only; any other error rolls the batch back and fails every vote in it: none was acknowledged.
 */
interface Pending {
  item: CastItem;
  check: (batchMemo: Map<string, unknown>) => void | Promise<void>;
  resolve: (outcome: CastOutcome) => void;
  reject: (error: unknown) => void;
}

export interface VoteWriter {
  /** `check` gets a memo shared by the votes of one batch (e.g. one window read per scrutin). */
  cast(item: CastItem, check: (batchMemo: Map<string, unknown>) => void | Promise<void>): Promise<CastOutcome>;
  /** resolves once nothing is queued (shutdown, tests) */
  drain(): Promise<void>;
  stats(): { batches: number; votes: number; largestBatch: number };
}

export function createVoteWriter(repo: VotesRepository, onCommitted: (outcomes: { item: CastItem; outcome: CastOutcome }[]) => void, maxBatch = 1000): VoteWriter {
  let queue: Pending[] = [];
  let scheduled = false;
  /** a batch is being written: the next one waits for it (and grows meanwhile) */
  let writing = false;
  const stats = { batches: 0, votes: 0, largestBatch: 0 };
  let drained: (() => void)[] = [];

  async function write(batch: Pending[]) {
    let results: ({ ok: CastOutcome } | { error: AppError })[] = [];
    try {
      const memo = new Map<string, unknown>();
      results = await repo.transaction(
        batch.map((p) => p.item.scrutinUid),
        async () => {
          const heads = new Map<string, ChainHead>();
          const out: ({ ok: CastOutcome } | { error: AppError })[] = [];
          for (const p of batch) {
            try {
              await p.check(memo);
              out.push({ ok: await repo.castOne(p.item, heads) });
            } catch (error) {
              if (error instanceof AppError) out.push({ error });
              else throw error;
            }
          }
          return out;
        },
      );
    } catch (error) {
      for (const p of batch) p.reject(AppError.internal('The vote could not be recorded', error));
      results = [];
    }
    stats.batches += 1;
    stats.votes += batch.length;
    stats.largestBatch = Math.max(stats.largestBatch, batch.length);
    const committed: { item: CastItem; outcome: CastOutcome }[] = [];
    results.forEach((r, i) => {
      const p = batch[i]!;
      if ('ok' in r) {
        committed.push({ item: p.item, outcome: r.ok });
        p.resolve(r.ok);
      } else p.reject(r.error);
    });
    if (committed.length > 0) onCommitted(committed);
  }

  function flush() {
    scheduled = false;
    if (writing) return;
    const batch = queue.slice(0, maxBatch);
    queue = queue.slice(batch.length);
    writing = true;
    // write() settles every vote of the batch itself; this catch is only a last resort.
    void write(batch)
      .catch((error: unknown) => {
        for (const p of batch) p.reject(AppError.internal('The vote could not be recorded', error));
      })
      .finally(() => {
        writing = false;
        if (queue.length > 0) schedule();
        else {
          for (const done of drained) done();
          drained = [];
        }
      });
  }

  function schedule() {
    if (scheduled || writing) return;
    scheduled = true;
    // setImmediate: after the pending I/O callbacks of this turn, so concurrent requests join.
    setImmediate(flush);
  }

  return {
    cast(item, check) {
      return new Promise<CastOutcome>((resolve, reject) => {
        queue.push({ item, check, resolve, reject });
        schedule();
      });
    },
    drain() {
      if (queue.length === 0 && !scheduled && !writing) return Promise.resolve();
      return new Promise<void>((resolve) => drained.push(resolve));
    },
    stats: () => ({ ...stats }),
  };
}
