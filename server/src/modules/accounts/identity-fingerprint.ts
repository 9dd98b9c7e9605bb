import type { Db } from '../../db/types';
import { hmacHex } from '../../secrets';

/**
 * One person, one vote per scrutin, whatever they delete (issue 10, point 2).
 *
 * When an account verifies an identifier (e-mail, phone, identity subject), a keyed fingerprint of
 * it is kept in `identity_fingerprints`; it survives the account's deletion (the identifier
 * itself does not). When a NEW account later verifies the same identifier, it is the same person:
 * the deleted account's votes become the new account's (they are not counted twice), and each
 * inherited vote keeps the deleted account's log pseudonym (`votes.log_voter`), so a recount of
 * the public log, which counts one vote per pseudonym, still agrees with the tally.
 *
 * Until the address is verified, a new account registered with the address of a deleted account
 * may not vote (`successionPending`): otherwise it could vote once before inheriting.
 */
export type FingerprintKind = 'email' | 'phone' | 'identity';

export interface Succession {
  /** the deleted account whose votes were inherited, null when there was none */
  predecessorId: number | null;
  inheritedVotes: number;
  /** scrutins both accounts voted on: left as they are (see `succeed`) */
  conflicts: string[];
}

export function identityFingerprints(db: Pick<Db, 'store'>, secret: Buffer) {
  const { store } = db;
  const fingerprintOf = (kind: FingerprintKind, value: string) =>
    hmacHex(secret, 'identity-fingerprint', kind, kind === 'email' ? value.trim().toLowerCase() : value);
  const holder = (fingerprint: string) =>
    store.get<{ citizenId: number; deletedAt: number | null }>(
      `SELECT f.citizen_id AS "citizenId", c.deleted_at AS "deletedAt"
         FROM identity_fingerprints f JOIN citizens c ON c.id = f.citizen_id WHERE f.fingerprint = ?`,
      [fingerprint],
    );
  const conflicting = async (successorId: number, predecessorId: number) =>
    (
      await store.all<{ uid: string }>(
        `SELECT d.scrutin_uid AS uid FROM votes d JOIN votes n ON n.scrutin_uid = d.scrutin_uid AND n.citizen_id = ?
          WHERE d.citizen_id = ?`,
        [successorId, predecessorId],
      )
    ).map((r) => r.uid);
  return {
    fingerprintOf,
    /** The deleted account that verified this identifier, if any (not `exceptId`). */
    async deletedHolder(kind: FingerprintKind, value: string, exceptId?: number): Promise<number | null> {
      const row = await holder(fingerprintOf(kind, value));
      return row && row.deletedAt !== null && row.citizenId !== exceptId ? row.citizenId : null;
    },
    /** Scrutins both accounts voted on. */
    conflicts(predecessorId: number, successorId: number): Promise<string[]> {
      return conflicting(successorId, predecessorId);
    },
    /**
     * `citizenId` verified `value`: record it and, if a deleted account had verified it before,
     * inherit that account's votes, election ballots, flag and other fingerprints. Runs in one transaction.
     * Votes on scrutins the new account already voted on stay with the deleted account (the
     * callers refuse or prevent that case: see `successionPending` and completeVerification).
     */
    succeed(citizenId: number, kind: FingerprintKind, value: string, at: number): Promise<Succession> {
      return store.transaction(async (): Promise<Succession> => {
        const fingerprint = fingerprintOf(kind, value);
        const row = await holder(fingerprint);
        const predecessorId = row && row.deletedAt !== null && row.citizenId !== citizenId ? row.citizenId : null;
        let inheritedVotes = 0;
        let conflicts: string[] = [];
        if (predecessorId !== null) {
          conflicts = await conflicting(citizenId, predecessorId);
          const moved = await store.run(
            `UPDATE votes SET log_voter = coalesce(log_voter, (SELECT voter_id FROM citizens WHERE id = votes.citizen_id)), citizen_id = ?
              WHERE citizen_id = ? AND scrutin_uid NOT IN (SELECT scrutin_uid FROM votes WHERE citizen_id = ?)`,
            [citizenId, predecessorId, citizenId],
          );
          inheritedVotes = moved.changes;
          // A flag (burst detector) follows the votes: the successor does not start with a clean slate.
          await store.run('UPDATE flags SET citizen_id = ? WHERE citizen_id = ? AND NOT EXISTS (SELECT 1 FROM flags WHERE citizen_id = ?)', [
            citizenId, predecessorId, citizenId,
          ]);
          await store.run('UPDATE identity_fingerprints SET citizen_id = ? WHERE citizen_id = ?', [citizenId, predecessorId]);
          // Election ballots (issue 15) follow the person too. They have no append-only log, so where both
          // accounts hold a ballot for the same round the successor's (the latest) stands and the deleted
          // account's is dropped: one person, one ballot per round.
          await store.run(
            `DELETE FROM election_ballots WHERE citizen_id = ? AND EXISTS (SELECT 1 FROM election_ballots n
              WHERE n.citizen_id = ? AND n.election_id = election_ballots.election_id AND n.round = election_ballots.round)`,
            [predecessorId, citizenId],
          );
          await store.run('UPDATE election_ballots SET citizen_id = ? WHERE citizen_id = ?', [citizenId, predecessorId]);
        }
        await store.run(
          `INSERT INTO identity_fingerprints (fingerprint, kind, citizen_id, created_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (fingerprint) DO UPDATE SET citizen_id = excluded.citizen_id`,
          [fingerprint, kind, citizenId, at],
        );
        return { predecessorId, inheritedVotes, conflicts };
      });
    },
  };
}

export type IdentityFingerprints = ReturnType<typeof identityFingerprints>;
