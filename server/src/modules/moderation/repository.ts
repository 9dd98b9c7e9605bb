import type { BurstVoteEvent, Flag, FlagStatus } from '@parallele/core';
import type { Db } from '../../db/types';
import { purgeDeletedNetworks } from '../accounts';

/** Flags and the recent-vote feed of the burst detector. */
export function moderationRepository(db: Pick<Db, 'store'>) {
  const { store } = db;
  const flagColumns = `f.id AS id, c.voter_id AS "voterId", f.status AS status, f.reason AS reason, f.network AS network,
    f.scrutin_uid AS "scrutinUid", f.cluster_size AS "clusterSize", f.created_at AS "createdAt", f.reviewed_at AS "reviewedAt"`;
  type FlagRow = Omit<Flag, 'createdAt' | 'reviewedAt'> & { createdAt: number; reviewedAt: number | null };
  const toFlag = (r: FlagRow): Flag => ({
    ...r, createdAt: new Date(r.createdAt).toISOString(), reviewedAt: r.reviewedAt === null ? null : new Date(r.reviewedAt).toISOString(),
  });

  return {
    async recentVotes(since: number, createdSince: number): Promise<BurstVoteEvent[]> {
      const rows = await store.all<Omit<BurstVoteEvent, 'accountId'> & { accountId: number }>(
        `SELECT v.citizen_id AS "accountId", c.created_at AS "accountCreatedAt", c.registration_network AS "registrationNetwork",
                v.network AS "voteNetwork", v.scrutin_uid AS "scrutinUid", v.choice AS choice, v.cast_at AS at
           FROM votes v JOIN citizens c ON c.id = v.citizen_id
          WHERE v.cast_at >= ? AND c.created_at >= ?`,
        [since, createdSince],
      );
      return rows.map((r) => ({ ...r, accountId: String(r.accountId) }));
    },
    /** Clears the networks of accounts deleted before `deletedBefore` (the detector saw them). */
    purgeDeletedNetworks: (deletedBefore: number) => purgeDeletedNetworks(store, deletedBefore),
    /** Inserts open flags; an account already flagged (open, cleared or confirmed) is left as it is. */
    addFlags(rows: { citizenId: number; reason: string; network: string; scrutinUid: string; clusterSize: number }[], at: number): Promise<number> {
      return store.transaction(async () => {
        let added = 0;
        for (const row of rows) {
          const r = await store.run(
            `INSERT INTO flags (citizen_id, status, reason, network, scrutin_uid, cluster_size, created_at)
             VALUES (?, 'open', ?, ?, ?, ?, ?) ON CONFLICT (citizen_id) DO NOTHING`,
            [row.citizenId, row.reason, row.network, row.scrutinUid, row.clusterSize, at],
          );
          added += r.changes;
        }
        return added;
      });
    },
    async list(status: FlagStatus, limit: number, offset: number): Promise<{ flags: Flag[]; total: number }> {
      const rows = await store.all<FlagRow>(
        `SELECT ${flagColumns} FROM flags f JOIN citizens c ON c.id = f.citizen_id WHERE f.status = ? ORDER BY f.created_at DESC, f.id DESC LIMIT ? OFFSET ?`,
        [status, limit, offset],
      );
      const total = (await store.get<{ n: number }>('SELECT count(*) AS n FROM flags WHERE status = ?', [status]))!.n;
      return { flags: rows.map(toFlag), total };
    },
    async get(id: number): Promise<Flag | undefined> {
      const row = await store.get<FlagRow>(`SELECT ${flagColumns} FROM flags f JOIN citizens c ON c.id = f.citizen_id WHERE f.id = ?`, [id]);
      return row ? toFlag(row) : undefined;
    },
    async review(id: number, status: 'cleared' | 'confirmed', by: number, note: string | null, at: number): Promise<void> {
      await store.run('UPDATE flags SET status = ?, reviewed_by = ?, note = ?, reviewed_at = ? WHERE id = ?', [status, by, note, at, id]);
    },
    /** The scrutins an account voted on: their tallies change when its flag does. */
    async scrutinsOfFlag(id: number): Promise<string[]> {
      const rows = await store.all<{ uid: string }>('SELECT v.scrutin_uid AS uid FROM votes v JOIN flags f ON f.citizen_id = v.citizen_id WHERE f.id = ?', [id]);
      return rows.map((r) => r.uid);
    },
  };
}

export type ModerationRepository = ReturnType<typeof moderationRepository>;
