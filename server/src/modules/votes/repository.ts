import type { LogEntry, MyVote, TallyCounts, VoteChoice } from '@parallele/core';
import { emptyCounts, genesisHash, nextEntry } from '@parallele/core';
import type { CitizensDb } from '../../db/types';

/**
 * Storage of votes, the hash-chained log and vote windows. The write path uses prepared
 * statements on the raw driver (it runs thousands of times a second); everything else is plain.
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

export function votesRepository(db: CitizensDb) {
  const { sqlite } = db;
  // The log is append-only: the store itself refuses to rewrite history.
  sqlite.exec(`
    CREATE TRIGGER IF NOT EXISTS vote_log_no_update BEFORE UPDATE ON vote_log
      BEGIN SELECT RAISE(ABORT, 'vote_log is append-only'); END;
    CREATE TRIGGER IF NOT EXISTS vote_log_no_delete BEFORE DELETE ON vote_log
      BEGIN SELECT RAISE(ABORT, 'vote_log is append-only'); END;
  `);

  const selectVote = sqlite.prepare<[string, number], VoteRow>(
    `SELECT scrutin_uid AS scrutinUid, choice, seq, receipt, revisions, cast_at AS castAt, log_voter AS logVoter
       FROM votes WHERE scrutin_uid = ? AND citizen_id = ?`,
  );
  const selectVotesOf = sqlite.prepare<[number], VoteRow>(
    `SELECT scrutin_uid AS scrutinUid, choice, seq, receipt, revisions, cast_at AS castAt
       FROM votes WHERE citizen_id = ? ORDER BY cast_at DESC`,
  );
  const selectHead = sqlite.prepare<[string], { seq: number; hash: string; at: string }>(
    'SELECT seq, hash, at FROM vote_log WHERE scrutin_uid = ? ORDER BY seq DESC LIMIT 1',
  );
  const insertEntry = sqlite.prepare<[string, number, string, string, string, string, string]>(
    'INSERT INTO vote_log (scrutin_uid, seq, voter, choice, at, prev, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const upsertVote = sqlite.prepare<[{ uid: string; citizen: number; choice: string; seq: number; receipt: string; at: number; network: string | null }], VoteRow>(
    `INSERT INTO votes (scrutin_uid, citizen_id, choice, seq, receipt, revisions, first_cast_at, cast_at, network)
       VALUES (@uid, @citizen, @choice, @seq, @receipt, 1, @at, @at, @network)
     ON CONFLICT (scrutin_uid, citizen_id) DO UPDATE SET
       choice = excluded.choice, seq = excluded.seq, receipt = excluded.receipt,
       revisions = votes.revisions + 1, cast_at = excluded.cast_at, network = excluded.network
     RETURNING scrutin_uid AS scrutinUid, choice, seq, receipt, revisions, cast_at AS castAt`,
  );
  const selectWindow = sqlite.prepare<[string], WindowRow>(
    'SELECT scrutin_uid AS scrutinUid, title, closes_at AS closesAt, closed_at AS closedAt FROM vote_windows WHERE scrutin_uid = ?',
  );
  const selectScrutin = sqlite.prepare<[string], { uid: string }>('SELECT uid FROM scrutins WHERE uid = ?');
  const selectLog = sqlite.prepare<[string, number, number], LogEntry>(
    `SELECT seq, scrutin_uid AS scrutinUid, voter, choice, at, prev, hash FROM vote_log
      WHERE scrutin_uid = ? AND seq > ? ORDER BY seq LIMIT ?`,
  );
  const selectEntryByHash = sqlite.prepare<[string], LogEntry>(
    'SELECT seq, scrutin_uid AS scrutinUid, voter, choice, at, prev, hash FROM vote_log WHERE hash = ?',
  );
  const selectLaterOfVoter = sqlite.prepare<[string, string, number], { n: number }>(
    'SELECT count(*) AS n FROM vote_log WHERE scrutin_uid = ? AND voter = ? AND seq > ?',
  );
  const selectTally = sqlite.prepare<[number, number, string], { choice: VoteChoice; nAll: number; nVerified: number; nUnflagged: number; nBoth: number }>(
    `SELECT v.choice AS choice, count(*) AS nAll,
            sum(${LEVEL_RANK_SQL} >= ?) AS nVerified,
            sum(f.citizen_id IS NULL) AS nUnflagged,
            sum(f.citizen_id IS NULL AND ${LEVEL_RANK_SQL} >= ?) AS nBoth
       FROM votes v JOIN citizens c ON c.id = v.citizen_id
       LEFT JOIN flags f ON f.citizen_id = v.citizen_id AND f.status IN ('open', 'confirmed')
      WHERE v.scrutin_uid = ? GROUP BY v.choice`,
  );

  /**
   * Casting inside the caller's transaction. Casting the choice already held is idempotent (no
   * new entry, the same receipt): retries and duplicates of one request count once.
   */
  // Chain heads, kept in memory by the one process that appends (the writer); dropped whenever a
  // transaction fails so they can never run ahead of what was committed.
  const heads = new Map<string, { seq: number; hash: string; at: string }>();

  function castOne(item: CastItem): CastOutcome {
    const current = selectVote.get(item.scrutinUid, item.citizenId);
    if (current && current.choice === item.choice) return { vote: toMyVote(current), changed: false };
    const head = heads.get(item.scrutinUid) ?? selectHead.get(item.scrutinUid);
    // Times never go backwards in a chain, even if the clock does.
    const atMs = head ? Math.max(item.at, Date.parse(head.at)) : item.at;
    const entry = nextEntry({
      seq: (head?.seq ?? 0) + 1, scrutinUid: item.scrutinUid, voter: current?.logVoter ?? item.voterId, choice: item.choice,
      at: new Date(atMs).toISOString(), prev: head?.hash ?? genesisHash(item.scrutinUid),
    });
    insertEntry.run(entry.scrutinUid, entry.seq, entry.voter, entry.choice, entry.at, entry.prev, entry.hash);
    heads.set(entry.scrutinUid, { seq: entry.seq, hash: entry.hash, at: entry.at });
    const row = upsertVote.get({ uid: item.scrutinUid, citizen: item.citizenId, choice: item.choice, seq: entry.seq, receipt: entry.hash, at: atMs, network: item.network })!;
    return { vote: toMyVote(row), changed: true };
  }

  return {
    castOne,
    transaction<T>(fn: () => T): T {
      try {
        return sqlite.transaction(fn)();
      } catch (error) {
        heads.clear();
        throw error;
      }
    },
    myVote(scrutinUid: string, citizenId: number): MyVote | null {
      const row = selectVote.get(scrutinUid, citizenId);
      return row ? toMyVote(row) : null;
    },
    votesOf(citizenId: number): MyVote[] {
      return selectVotesOf.all(citizenId).map(toMyVote);
    },
    window(scrutinUid: string): WindowRow | undefined {
      return selectWindow.get(scrutinUid);
    },
    scrutinExists(scrutinUid: string): boolean {
      return selectScrutin.get(scrutinUid) !== undefined;
    },
    upsertWindow(row: WindowRow & { createdAt: number }): void {
      sqlite
        .prepare(
          `INSERT INTO vote_windows (scrutin_uid, title, closes_at, closed_at, created_at) VALUES (@scrutinUid, @title, @closesAt, @closedAt, @createdAt)
           ON CONFLICT (scrutin_uid) DO UPDATE SET title = excluded.title, closes_at = excluded.closes_at, closed_at = excluded.closed_at`,
        )
        .run(row);
    },
    head(scrutinUid: string): { seq: number; hash: string } {
      const h = selectHead.get(scrutinUid);
      return h ? { seq: h.seq, hash: h.hash } : { seq: 0, hash: genesisHash(scrutinUid) };
    },
    log(scrutinUid: string, after: number, limit: number): LogEntry[] {
      return selectLog.all(scrutinUid, after, limit);
    },
    entryByHash(hash: string): LogEntry | undefined {
      return selectEntryByHash.get(hash);
    },
    supersededCount(entry: LogEntry): number {
      return selectLaterOfVoter.get(entry.scrutinUid, entry.voter, entry.seq)!.n;
    },
    tally(scrutinUid: string, verifiedRank: number) {
      const scopes = { all: emptyCounts(), verified: emptyCounts(), unflagged: emptyCounts(), verifiedUnflagged: emptyCounts() };
      for (const row of selectTally.all(verifiedRank, verifiedRank, scrutinUid)) {
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
    scrutinsWithVotes(): string[] {
      return sqlite.prepare<[], { uid: string }>('SELECT DISTINCT scrutin_uid AS uid FROM vote_log ORDER BY uid').all().map((r) => r.uid);
    },
  };
}

export type VotesRepository = ReturnType<typeof votesRepository>;
