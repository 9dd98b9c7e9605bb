import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Role, VerificationLevel } from '@parallele/core';
import { citizens, oneTimeCodes, sessions } from '../../db/schema/citizens';
import type { CitizensDb } from '../../db/types';

export type CitizenRow = typeof citizens.$inferSelect;
export type CodeRow = typeof oneTimeCodes.$inferSelect;
export type CodePurpose = CodeRow['purpose'];

/** The signed-in citizen as the request handlers see it. */
export interface SessionCitizen {
  citizenId: number;
  voterId: string;
  email: string;
  level: VerificationLevel;
  role: Role;
  createdAt: number;
  tokenHash: string;
  expiresAt: number;
  /** unverified, with the address of a deleted account: may not vote yet (identity-fingerprint.ts) */
  successionPending?: boolean;
}

/** Clears the networks of accounts deleted before `deletedBefore` (kept until then for the burst detector). */
export function purgeDeletedNetworks(sqlite: CitizensDb['sqlite'], deletedBefore: number): void {
  sqlite.transaction(() => {
    sqlite.prepare('UPDATE votes SET network = NULL WHERE network IS NOT NULL AND citizen_id IN (SELECT id FROM citizens WHERE deleted_at < ?)').run(deletedBefore);
    sqlite.prepare('UPDATE citizens SET registration_network = NULL WHERE registration_network IS NOT NULL AND deleted_at < ?').run(deletedBefore);
  })();
}

export function accountsRepository(db: CitizensDb) {
  const { orm, sqlite } = db;
  // The session lookup runs on every authenticated request: one prepared statement, one index hit.
  const sessionLookup = sqlite.prepare<[string, number], Omit<SessionCitizen, 'tokenHash'>>(
    `SELECT c.id AS citizenId, c.voter_id AS voterId, c.email AS email, c.level AS level, c.role AS role,
            c.created_at AS createdAt, s.expires_at AS expiresAt
       FROM sessions s JOIN citizens c ON c.id = s.citizen_id
      WHERE s.token_hash = ? AND s.expires_at > ? AND c.deleted_at IS NULL`,
  );

  const dataVersion = sqlite.prepare<[], { data_version: number }>('PRAGMA data_version');

  return {
    /** Moves when ANOTHER connection commits a change to the store (SQLite's data_version). */
    storeVersion(): number {
      return dataVersion.get()!.data_version;
    },

    findByEmail(email: string): CitizenRow | undefined {
      return orm.select().from(citizens).where(eq(citizens.email, email)).get();
    },

    findById(id: number): CitizenRow | undefined {
      return orm.select().from(citizens).where(eq(citizens.id, id)).get();
    },

    /** Inserts the account and sets its pseudonym (which needs the id) in one transaction. */
    insertCitizen(
      values: { email: string; passwordHash: string; locale: 'fr' | 'en'; registrationNetwork: string | null; createdAt: number; role?: Role },
      pseudonymOf: (id: number) => string,
    ): CitizenRow {
      return orm.transaction((tx) => {
        const placeholder = `pending-${values.email}`;
        const row = tx.insert(citizens).values({ ...values, voterId: placeholder }).returning().get();
        return tx.update(citizens).set({ voterId: pseudonymOf(row.id) }).where(eq(citizens.id, row.id)).returning().get();
      });
    },

    update(id: number, values: Partial<Omit<CitizenRow, 'id'>>): void {
      orm.update(citizens).set(values).where(eq(citizens.id, id)).run();
    },

    /**
     * Deletion: every personal field is cleared and sessions and codes go; the row stays as an
     * anonymous tombstone so its votes remain in the tally and the log. The /24 (or /64) networks
     * stay until `purgeDeletedNetworks`, a day later: a brigade that votes then deletes itself
     * before the burst detector runs must still be seen by it (issue 10, point 2).
     */
    anonymise(id: number, at: number): void {
      orm.transaction((tx) => {
        tx.update(citizens)
          .set({ email: null, passwordHash: null, phoneKey: null, identityKey: null, deletedAt: at, role: 'citizen' })
          .where(eq(citizens.id, id))
          .run();
        tx.delete(sessions).where(eq(sessions.citizenId, id)).run();
        tx.delete(oneTimeCodes).where(eq(oneTimeCodes.citizenId, id)).run();
      });
    },

    purgeDeletedNetworks: (deletedBefore: number) => purgeDeletedNetworks(sqlite, deletedBefore),

    insertSession(values: typeof sessions.$inferInsert): void {
      orm.insert(sessions).values(values).run();
    },

    findSession(tokenHash: string, now: number): SessionCitizen | undefined {
      const row = sessionLookup.get(tokenHash, now);
      return row ? { ...row, tokenHash } : undefined;
    },

    deleteSession(tokenHash: string): void {
      orm.delete(sessions).where(eq(sessions.tokenHash, tokenHash)).run();
    },

    deleteSessionsOf(citizenId: number): void {
      orm.delete(sessions).where(eq(sessions.citizenId, citizenId)).run();
    },

    /** A new code replaces any unused one of the same purpose (only the latest mail works). */
    insertCode(values: typeof oneTimeCodes.$inferInsert): CodeRow {
      return orm.transaction((tx) => {
        tx.update(oneTimeCodes)
          .set({ usedAt: values.createdAt })
          .where(and(eq(oneTimeCodes.citizenId, values.citizenId), eq(oneTimeCodes.purpose, values.purpose), isNull(oneTimeCodes.usedAt)))
          .run();
        return tx.insert(oneTimeCodes).values(values).returning().get();
      });
    },

    latestActiveCode(citizenId: number, purpose: CodePurpose, now: number): CodeRow | undefined {
      return orm
        .select()
        .from(oneTimeCodes)
        .where(and(eq(oneTimeCodes.citizenId, citizenId), eq(oneTimeCodes.purpose, purpose), isNull(oneTimeCodes.usedAt), gt(oneTimeCodes.expiresAt, now)))
        .orderBy(desc(oneTimeCodes.id))
        .get();
    },

    codeById(id: number): CodeRow | undefined {
      return orm.select().from(oneTimeCodes).where(eq(oneTimeCodes.id, id)).get();
    },

    activeCodeByToken(tokenHash: string, purpose: CodePurpose, now: number): CodeRow | undefined {
      return orm
        .select()
        .from(oneTimeCodes)
        .where(and(eq(oneTimeCodes.tokenHash, tokenHash), eq(oneTimeCodes.purpose, purpose), isNull(oneTimeCodes.usedAt), gt(oneTimeCodes.expiresAt, now)))
        .get();
    },

    countAttempt(id: number, attempts: number): void {
      orm.update(oneTimeCodes).set({ attempts }).where(eq(oneTimeCodes.id, id)).run();
    },

    useCode(id: number, at: number): void {
      orm.update(oneTimeCodes).set({ usedAt: at }).where(eq(oneTimeCodes.id, id)).run();
    },

    findByPhoneKey(key: string): CitizenRow | undefined {
      return orm.select().from(citizens).where(eq(citizens.phoneKey, key)).get();
    },

    findByIdentityKey(key: string): CitizenRow | undefined {
      return orm.select().from(citizens).where(eq(citizens.identityKey, key)).get();
    },

    transaction<T>(fn: () => T): T {
      return sqlite.transaction(fn)();
    },
  };
}

export type AccountsRepository = ReturnType<typeof accountsRepository>;
