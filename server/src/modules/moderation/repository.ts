import type { BurstVoteEvent, Flag, FlagStatus } from '@parallele/core';
import type { CitizensDb } from '../../db/types';
import { purgeDeletedNetworks } from '../accounts';

/** Flags and the recent-vote feed of the burst detector. */
export function moderationRepository(db: CitizensDb) {
  const { sqlite } = db;
  const recent = sqlite.prepare<[number, number], Omit<BurstVoteEvent, 'accountId'> & { accountId: number }>(
    `SELECT v.citizen_id AS accountId, c.created_at AS accountCreatedAt, c.registration_network AS registrationNetwork,
            v.network AS voteNetwork, v.scrutin_uid AS scrutinUid, v.choice AS choice, v.cast_at AS at
       FROM votes v JOIN citizens c ON c.id = v.citizen_id
      WHERE v.cast_at >= ? AND c.created_at >= ?`,
  );
  const insertFlag = sqlite.prepare<[{ citizenId: number; reason: string; network: string; scrutinUid: string; clusterSize: number; createdAt: number }]>(
    `INSERT INTO flags (citizen_id, status, reason, network, scrutin_uid, cluster_size, created_at)
     VALUES (@citizenId, 'open', @reason, @network, @scrutinUid, @clusterSize, @createdAt)
     ON CONFLICT (citizen_id) DO NOTHING`,
  );
  const flagColumns = `f.id AS id, c.voter_id AS voterId, f.status AS status, f.reason AS reason, f.network AS network,
    f.scrutin_uid AS scrutinUid, f.cluster_size AS clusterSize, f.created_at AS createdAt, f.reviewed_at AS reviewedAt`;
  type FlagRow = Omit<Flag, 'createdAt' | 'reviewedAt'> & { createdAt: number; reviewedAt: number | null };
  const toFlag = (r: FlagRow): Flag => ({
    ...r, createdAt: new Date(r.createdAt).toISOString(), reviewedAt: r.reviewedAt === null ? null : new Date(r.reviewedAt).toISOString(),
  });

  return {
    recentVotes(since: number, createdSince: number): BurstVoteEvent[] {
      return recent.all(since, createdSince).map((r) => ({ ...r, accountId: String(r.accountId) }));
    },
    /** Clears the networks of accounts deleted before `deletedBefore` (the detector saw them). */
    purgeDeletedNetworks: (deletedBefore: number) => purgeDeletedNetworks(sqlite, deletedBefore),
    /** Inserts open flags; an account already flagged (open, cleared or confirmed) is left as it is. */
    addFlags(rows: { citizenId: number; reason: string; network: string; scrutinUid: string; clusterSize: number }[], at: number): number {
      let added = 0;
      sqlite.transaction(() => {
        for (const row of rows) added += insertFlag.run({ ...row, createdAt: at }).changes;
      })();
      return added;
    },
    list(status: FlagStatus, limit: number, offset: number): { flags: Flag[]; total: number } {
      const rows = sqlite
        .prepare<[string, number, number], FlagRow>(
          `SELECT ${flagColumns} FROM flags f JOIN citizens c ON c.id = f.citizen_id WHERE f.status = ? ORDER BY f.created_at DESC, f.id DESC LIMIT ? OFFSET ?`,
        )
        .all(status, limit, offset);
      const total = sqlite.prepare<[string], { n: number }>('SELECT count(*) AS n FROM flags WHERE status = ?').get(status)!.n;
      return { flags: rows.map(toFlag), total };
    },
    get(id: number): Flag | undefined {
      const row = sqlite.prepare<[number], FlagRow>(`SELECT ${flagColumns} FROM flags f JOIN citizens c ON c.id = f.citizen_id WHERE f.id = ?`).get(id);
      return row ? toFlag(row) : undefined;
    },
    review(id: number, status: 'cleared' | 'confirmed', by: number, note: string | null, at: number): void {
      sqlite.prepare('UPDATE flags SET status = ?, reviewed_by = ?, note = ?, reviewed_at = ? WHERE id = ?').run(status, by, note, at, id);
    },
    /** The scrutins an account voted on: their tallies change when its flag does. */
    scrutinsOfFlag(id: number): string[] {
      return sqlite
        .prepare<[number], { uid: string }>('SELECT v.scrutin_uid AS uid FROM votes v JOIN flags f ON f.citizen_id = v.citizen_id WHERE f.id = ?')
        .all(id)
        .map((r) => r.uid);
    },
  };
}

export type ModerationRepository = ReturnType<typeof moderationRepository>;
