import type { Role, VerificationLevel } from '@parallele/core';
import type { citizens, oneTimeCodes } from '../../db/schema/citizens';
import type { Db, SqlStore, SqlValue } from '../../db/types';

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

const CITIZEN_COLUMNS = `id, email, password_hash AS "passwordHash", voter_id AS "voterId", level, role, locale,
  registration_network AS "registrationNetwork", phone_key AS "phoneKey", identity_key AS "identityKey", created_at AS "createdAt",
  email_verified_at AS "emailVerifiedAt", deleted_at AS "deletedAt"`;
const CODE_COLUMNS = `id, citizen_id AS "citizenId", purpose, code_hash AS "codeHash", token_hash AS "tokenHash", subject_key AS "subjectKey",
  attempts, created_at AS "createdAt", expires_at AS "expiresAt", used_at AS "usedAt"`;

/** The columns `update` may set, by field name (the only names that reach the SQL). */
const CITIZEN_FIELDS: Record<Exclude<keyof CitizenRow, 'id'>, string> = {
  email: 'email', passwordHash: 'password_hash', voterId: 'voter_id', level: 'level', role: 'role', locale: 'locale',
  registrationNetwork: 'registration_network', phoneKey: 'phone_key', identityKey: 'identity_key', createdAt: 'created_at',
  emailVerifiedAt: 'email_verified_at', deletedAt: 'deleted_at',
};

/** Clears the networks of accounts deleted before `deletedBefore` (kept until then for the burst detector). */
export async function purgeDeletedNetworks(store: SqlStore, deletedBefore: number): Promise<void> {
  await store.transaction(async () => {
    await store.run('UPDATE votes SET network = NULL WHERE network IS NOT NULL AND citizen_id IN (SELECT id FROM citizens WHERE deleted_at < ?)', [deletedBefore]);
    await store.run('UPDATE citizens SET registration_network = NULL WHERE registration_network IS NOT NULL AND deleted_at < ?', [deletedBefore]);
  });
}

export function accountsRepository(db: Pick<Db, 'store'>) {
  const { store } = db;
  const citizenWhere = (where: string, value: SqlValue) => store.get<CitizenRow>(`SELECT ${CITIZEN_COLUMNS} FROM citizens WHERE ${where}`, [value]);

  return {
    /**
     * Moves when ANOTHER connection commits a change to the store (SQLite's data_version, which
     * every process sharing the file sees). null on PostgreSQL: no such signal, so the session
     * cache is not used there (see accounts/service.ts).
     */
    async storeVersion(): Promise<number | null> {
      if (store.dialect !== 'sqlite') return null;
      return (await store.get<{ data_version: number }>('PRAGMA data_version'))!.data_version;
    },

    findByEmail: (email: string) => citizenWhere('email = ?', email),

    findById: (id: number) => citizenWhere('id = ?', id),

    /** Inserts the account and sets its pseudonym (which needs the id) in one transaction. */
    insertCitizen(
      values: { email: string; passwordHash: string; locale: 'fr' | 'en'; registrationNetwork: string | null; createdAt: number; role?: Role },
      pseudonymOf: (id: number) => string,
    ): Promise<CitizenRow> {
      return store.transaction(async () => {
        const placeholder = `pending-${values.email}`;
        const row = await store.get<{ id: number }>(
          'INSERT INTO citizens (email, password_hash, voter_id, locale, registration_network, created_at, role) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id',
          [values.email, values.passwordHash, placeholder, values.locale, values.registrationNetwork, values.createdAt, values.role ?? 'citizen'],
        );
        return (await store.get<CitizenRow>(`UPDATE citizens SET voter_id = ? WHERE id = ? RETURNING ${CITIZEN_COLUMNS}`, [pseudonymOf(row!.id), row!.id]))!;
      });
    },

    async update(id: number, values: Partial<Omit<CitizenRow, 'id'>>): Promise<void> {
      const entries = Object.entries(values).filter(([, v]) => v !== undefined) as [keyof typeof CITIZEN_FIELDS, SqlValue][];
      if (entries.length === 0) return;
      await store.run(`UPDATE citizens SET ${entries.map(([k]) => `${CITIZEN_FIELDS[k]} = ?`).join(', ')} WHERE id = ?`, [...entries.map(([, v]) => v), id]);
    },

    /**
     * Deletion: every personal field is cleared and sessions and codes go; the row stays as an
     * anonymous tombstone so its votes remain in the tally and the log. The /24 (or /64) networks
     * stay until `purgeDeletedNetworks`, a day later: a brigade that votes then deletes itself
     * before the burst detector runs must still be seen by it (issue 10, point 2).
     */
    async anonymise(id: number, at: number): Promise<void> {
      await store.transaction(async () => {
        await store.run(
          "UPDATE citizens SET email = NULL, password_hash = NULL, phone_key = NULL, identity_key = NULL, deleted_at = ?, role = 'citizen' WHERE id = ?",
          [at, id],
        );
        await store.run('DELETE FROM sessions WHERE citizen_id = ?', [id]);
        await store.run('DELETE FROM one_time_codes WHERE citizen_id = ?', [id]);
      });
    },

    purgeDeletedNetworks: (deletedBefore: number) => purgeDeletedNetworks(store, deletedBefore),

    async insertSession(values: { tokenHash: string; citizenId: number; createdAt: number; expiresAt: number }): Promise<void> {
      await store.run('INSERT INTO sessions (token_hash, citizen_id, created_at, expires_at) VALUES (?, ?, ?, ?)', [
        values.tokenHash, values.citizenId, values.createdAt, values.expiresAt,
      ]);
    },

    /** Runs on every authenticated request (unless cached): one index hit. */
    async findSession(tokenHash: string, now: number): Promise<SessionCitizen | undefined> {
      const row = await store.get<Omit<SessionCitizen, 'tokenHash'>>(
        `SELECT c.id AS "citizenId", c.voter_id AS "voterId", c.email AS email, c.level AS level, c.role AS role,
                c.created_at AS "createdAt", s.expires_at AS "expiresAt"
           FROM sessions s JOIN citizens c ON c.id = s.citizen_id
          WHERE s.token_hash = ? AND s.expires_at > ? AND c.deleted_at IS NULL`,
        [tokenHash, now],
      );
      return row ? { ...row, tokenHash } : undefined;
    },

    async deleteSession(tokenHash: string): Promise<void> {
      await store.run('DELETE FROM sessions WHERE token_hash = ?', [tokenHash]);
    },

    async deleteSessionsOf(citizenId: number): Promise<void> {
      await store.run('DELETE FROM sessions WHERE citizen_id = ?', [citizenId]);
    },

    /** A new code replaces any unused one of the same purpose (only the latest mail works). */
    insertCode(values: Omit<CodeRow, 'id' | 'attempts' | 'usedAt'>): Promise<CodeRow> {
      return store.transaction(async () => {
        await store.run('UPDATE one_time_codes SET used_at = ? WHERE citizen_id = ? AND purpose = ? AND used_at IS NULL', [values.createdAt, values.citizenId, values.purpose]);
        const row = await store.get<CodeRow>(
          `INSERT INTO one_time_codes (citizen_id, purpose, code_hash, token_hash, subject_key, created_at, expires_at)
           VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING ${CODE_COLUMNS}`,
          [values.citizenId, values.purpose, values.codeHash, values.tokenHash, values.subjectKey, values.createdAt, values.expiresAt],
        );
        return row!;
      });
    },

    latestActiveCode(citizenId: number, purpose: CodePurpose, now: number): Promise<CodeRow | undefined> {
      return store.get<CodeRow>(
        `SELECT ${CODE_COLUMNS} FROM one_time_codes WHERE citizen_id = ? AND purpose = ? AND used_at IS NULL AND expires_at > ? ORDER BY id DESC LIMIT 1`,
        [citizenId, purpose, now],
      );
    },

    codeById(id: number): Promise<CodeRow | undefined> {
      return store.get<CodeRow>(`SELECT ${CODE_COLUMNS} FROM one_time_codes WHERE id = ?`, [id]);
    },

    activeCodeByToken(tokenHash: string, purpose: CodePurpose, now: number): Promise<CodeRow | undefined> {
      return store.get<CodeRow>(
        `SELECT ${CODE_COLUMNS} FROM one_time_codes WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?`,
        [tokenHash, purpose, now],
      );
    },

    async countAttempt(id: number, attempts: number): Promise<void> {
      await store.run('UPDATE one_time_codes SET attempts = ? WHERE id = ?', [attempts, id]);
    },

    async useCode(id: number, at: number): Promise<void> {
      await store.run('UPDATE one_time_codes SET used_at = ? WHERE id = ?', [at, id]);
    },

    findByPhoneKey: (key: string) => citizenWhere('phone_key = ?', key),

    findByIdentityKey: (key: string) => citizenWhere('identity_key = ?', key),
  };
}

export type AccountsRepository = ReturnType<typeof accountsRepository>;
