import type { LogEntry, MyVote, TallyCounts, VoteChoice } from '@parallele/core';
import { emptyCounts, genesisHash, nextEntry } from '@parallele/core';
import type { Db } from '../../db/types';

/**
 * Storage of votes, the hash-chained log and vote windows, through the SQL port (SQLite or
 * PostgreSQL). The log is append-only: migrations install triggers refusing UPDATE and DELETE.
 */

export interface WindowRow {
  scrutinUid: string;
  title: string | null;
  closesAt: number | null;
  closedAt: number | null;
}

export interface CastItem {
  scrutinUid: string;
  citizenId: number;
  voterId: string;
  choice: VoteChoice;
  network: string | null;
  at: number;
}

export interface CastOutcome {
  vote: MyVote;
  changed: boolean;
}

interface VoteRow {
  scrutinUid: string;
  /** see votes.log_voter: set on votes inherited from a deleted account of the same person */
  logVoter?: string | null;
  choice: VoteChoice;
  seq: number;
  receipt: string;
  revisions: number;
  castAt: number;
}

const LEVEL_RANK_SQL = `CASE c.level WHEN 'none' THEN 0 WHEN 'email' THEN 1 WHEN 'phone' THEN 2 ELSE 3 END`;

export const toMyVote = (r: VoteRow): MyVote => ({
  scrutinUid: r.scrutinUid, choice: r.choice, receipt: r.receipt, seq: r.seq, castAt: new Date(r.castAt).toISOString(), revisions: r.revisions,
});

const VOTE_COLUMNS = 'scrutin_uid AS "scrutinUid", choice, seq, receipt, revisions, cast_at AS "castAt"';
const LOG_COLUMNS = 'seq, scrutin_uid AS "scrutinUid", voter, choice, at, prev, hash';

/** The advisory lock serializing the appends to one scrutin's chain, on every process. */
export const chainLock = (scrutinUid: string) => `vote-chain:${scrutinUid}`;

export type ChainHead = { seq: number; hash: string; at: string };

export function votesRepository(db: Pick<Db, 'store'>) {
  const { store } = db;

  const selectHead = (scrutinUid: string) =>
    store.get<ChainHead>('SELECT seq, hash, at FROM vote_log WHERE scrutin_uid = ? ORDER BY seq DESC LIMIT 1', [scrutinUid]);

  /**
   * Casting inside the caller's transaction, which holds the chain locks of the scrutins cast on
   * (see `transaction`). Casting the choice already held is idempotent (no new entry, the same
   * receipt): retries and duplicates of one request count once.
   *
   * `heads`: the chain heads read in THIS transaction. The locks make them exact until it ends
   * (no other process can append to those chains meanwhile), so a batch reads each head once.
   * Nothing is cached across transactions: another process may have appended in between.
   */
  async function castOne(item: CastItem, heads: Map<string, ChainHead> = new Map()): Promise<CastOutcome> {
    const current = await store.get<VoteRow>(
      `SELECT ${VOTE_COLUMNS}, log_voter AS "logVoter" FROM votes WHERE scrutin_uid = ? AND citizen_id = ?`,
      [item.scrutinUid, item.citizenId],
    );
    if (current && current.choice === item.choice) return { vote: toMyVote(current), changed: false };
    let head = heads.get(item.scrutinUid);
    if (!head) head = await selectHead(item.scrutinUid);
    // Times never go backwards in a chain, even if the clock does.
    const atMs = head ? Math.max(item.at, Date.parse(head.at)) : item.at;
    const entry = nextEntry({
      seq: (head?.seq ?? 0) + 1, scrutinUid: item.scrutinUid, voter: current?.logVoter ?? item.voterId, choice: item.choice,
      at: new Date(atMs).toISOString(), prev: head?.hash ?? genesisHash(item.scrutinUid),
    });
    await store.run('INSERT INTO vote_log (scrutin_uid, seq, voter, choice, at, prev, hash) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      entry.scrutinUid, entry.seq, entry.voter, entry.choice, entry.at, entry.prev, entry.hash,
    ]);
    heads.set(entry.scrutinUid, { seq: entry.seq, hash: entry.hash, at: entry.at });
    const row = await store.get<VoteRow>(
      `INSERT INTO votes (scrutin_uid, citizen_id, choice, seq, receipt, revisions, first_cast_at, cast_at, network)
         VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)
       ON CONFLICT (scrutin_uid, citizen_id) DO UPDATE SET
         choice = excluded.choice, seq = excluded.seq, receipt = excluded.receipt,
         revisions = votes.revisions + 1, cast_at = excluded.cast_at, network = excluded.network
       RETURNING ${VOTE_COLUMNS}`,
      [item.scrutinUid, item.citizenId, item.choice, entry.seq, entry.hash, atMs, atMs, item.network],
    );
    return { vote: toMyVote(row!), changed: true };
  }

  return {
    castOne,
    /**
     * One transaction appending to the chains of `scrutinUids`: their locks (sorted) are held until
     * it ends, so two processes never append to one chain at once (PostgreSQL: advisory locks;
     * SQLite: BEGIN IMMEDIATE already serializes every writer of the file).
     */
    transaction<T>(scrutinUids: Iterable<string>, fn: () => Promise<T>): Promise<T> {
      return store.transaction(fn, { locks: [...new Set(scrutinUids)].sort().map(chainLock) });
    },
    async myVote(scrutinUid: string, citizenId: number): Promise<MyVote | null> {
      const row = await store.get<VoteRow>(`SELECT ${VOTE_COLUMNS} FROM votes WHERE scrutin_uid = ? AND citizen_id = ?`, [scrutinUid, citizenId]);
      return row ? toMyVote(row) : null;
    },
    async votesOf(citizenId: number): Promise<MyVote[]> {
      return (await store.all<VoteRow>(`SELECT ${VOTE_COLUMNS} FROM votes WHERE citizen_id = ? ORDER BY cast_at DESC`, [citizenId])).map(toMyVote);
    },
    window(scrutinUid: string): Promise<WindowRow | undefined> {
      return store.get<WindowRow>(
        'SELECT scrutin_uid AS "scrutinUid", title, closes_at AS "closesAt", closed_at AS "closedAt" FROM vote_windows WHERE scrutin_uid = ?',
        [scrutinUid],
      );
    },
    async scrutinExists(scrutinUid: string): Promise<boolean> {
      return (await store.get('SELECT uid FROM scrutins WHERE uid = ?', [scrutinUid])) !== undefined;
    },
    async upsertWindow(row: WindowRow & { createdAt: number }): Promise<void> {
      await store.run(
        `INSERT INTO vote_windows (scrutin_uid, title, closes_at, closed_at, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (scrutin_uid) DO UPDATE SET title = excluded.title, closes_at = excluded.closes_at, closed_at = excluded.closed_at`,
        [row.scrutinUid, row.title, row.closesAt, row.closedAt, row.createdAt],
      );
    },
    async head(scrutinUid: string): Promise<{ seq: number; hash: string }> {
      const h = await selectHead(scrutinUid);
      return h ? { seq: h.seq, hash: h.hash } : { seq: 0, hash: genesisHash(scrutinUid) };
    },
    log(scrutinUid: string, after: number, limit: number): Promise<LogEntry[]> {
      return store.all<LogEntry>(`SELECT ${LOG_COLUMNS} FROM vote_log WHERE scrutin_uid = ? AND seq > ? ORDER BY seq LIMIT ?`, [scrutinUid, after, limit]);
    },
    entryByHash(hash: string): Promise<LogEntry | undefined> {
      return store.get<LogEntry>(`SELECT ${LOG_COLUMNS} FROM vote_log WHERE hash = ?`, [hash]);
    },
    async supersededCount(entry: LogEntry): Promise<number> {
      const row = await store.get<{ n: number }>('SELECT count(*) AS n FROM vote_log WHERE scrutin_uid = ? AND voter = ? AND seq > ?', [entry.scrutinUid, entry.voter, entry.seq]);
      return row!.n;
    },
    /** The tally, read from the store (the same numbers on every process). */
    async tally(scrutinUid: string, verifiedRank: number) {
      const verified = `${LEVEL_RANK_SQL} >= ?`;
      const rows = await store.all<{ choice: VoteChoice; nAll: number; nVerified: number; nUnflagged: number; nBoth: number }>(
        `SELECT v.choice AS choice, count(*) AS "nAll",
                sum(CASE WHEN ${verified} THEN 1 ELSE 0 END) AS "nVerified",
                sum(CASE WHEN f.citizen_id IS NULL THEN 1 ELSE 0 END) AS "nUnflagged",
                sum(CASE WHEN f.citizen_id IS NULL AND ${verified} THEN 1 ELSE 0 END) AS "nBoth"
           FROM votes v JOIN citizens c ON c.id = v.citizen_id
           LEFT JOIN flags f ON f.citizen_id = v.citizen_id AND f.status IN ('open', 'confirmed')
          WHERE v.scrutin_uid = ? GROUP BY v.choice`,
        [verifiedRank, verifiedRank, scrutinUid],
      );
      const scopes = { all: emptyCounts(), verified: emptyCounts(), unflagged: emptyCounts(), verifiedUnflagged: emptyCounts() };
      for (const row of rows) {
        const add = (counts: TallyCounts, n: number) => {
          counts[row.choice] += n;
          counts.total += n;
        };
        add(scopes.all, row.nAll);
        add(scopes.verified, row.nVerified);
        add(scopes.unflagged, row.nUnflagged);
        add(scopes.verifiedUnflagged, row.nBoth);
      }
      return scopes;
    },
    /** Scrutins that have at least one vote (the CLI verifies every chain). */
    async scrutinsWithVotes(): Promise<string[]> {
      return (await store.all<{ uid: string }>('SELECT DISTINCT scrutin_uid AS uid FROM vote_log ORDER BY uid')).map((r) => r.uid);
    },
  };
}

export type VotesRepository = ReturnType<typeof votesRepository>;
