import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { pgDatabases, testPostgresUrl } from '../test-support/pg-databases';
import { openPostgres } from './postgres';

const databases = pgDatabases();
afterAll(() => databases.dropAll());

const journal = JSON.parse(readFileSync(new URL('../../drizzle-pg/meta/_journal.json', import.meta.url), 'utf8')) as { entries: unknown[] };

describe('the PostgreSQL store', () => {
  it('applies each migration once when several processes open a new database at once', async () => {
    const db = await databases.open();
    // a database that was never migrated: drop the template's tables by starting from scratch
    await db.store.exec('DROP SCHEMA drizzle CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    const url = testPostgresUrl(db.path.split('/').pop()!);
    const others = await Promise.all(Array.from({ length: 4 }, () => openPostgres(url)));
    try {
      expect(await db.store.get('SELECT count(*) AS n FROM drizzle.__drizzle_migrations')).toEqual({ n: journal.entries.length });
      expect(await db.store.get("SELECT count(*) AS n FROM pg_extension WHERE extname IN ('unaccent', 'pg_trgm')")).toEqual({ n: 2 });
    } finally {
      for (const other of others) await other.close();
      await db.close();
    }
  });

  it('names itself by its URL without the password', async () => {
    const db = await databases.open();
    const url = new URL(testPostgresUrl(db.path.split('/').pop()!));
    url.password = 'not-for-logs'; // the trust-auth test server ignores it
    const other = await openPostgres(url.toString());
    try {
      expect(other.dialect).toBe('postgres');
      expect(other.sqlite).toBeNull();
      expect(other.path).not.toContain('not-for-logs');
      expect(other.path).toBe(db.path);
    } finally {
      await other.close();
      await db.close();
    }
  });

  it('holds a named lock across connections until the transaction ends', async () => {
    const db = await databases.open();
    const other = await openPostgres(testPostgresUrl(db.path.split('/').pop()!));
    try {
      const order: string[] = [];
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const first = db.store.transaction(
        async () => {
          order.push('first in');
          await held;
          order.push('first out');
        },
        { locks: ['vote-chain:X'] },
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      const second = other.store.transaction(async () => void order.push('second'), { locks: ['vote-chain:X'] });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(order).toEqual(['first in']);
      release();
      await Promise.all([first, second]);
      expect(order).toEqual(['first in', 'first out', 'second']);
    } finally {
      await other.close();
      await db.close();
    }
  });

  it('keeps the vote log append-only and deletes a profile with its account', async () => {
    const db = await databases.open();
    try {
      const s = db.store;
      await s.run("INSERT INTO vote_log (scrutin_uid, seq, voter, choice, at, prev, hash) VALUES ('S', 1, 'v', 'pour', 'now', '0', 'h')");
      await expect(s.run("UPDATE vote_log SET choice = 'contre'")).rejects.toThrow(/append-only/);
      await expect(s.run('DELETE FROM vote_log')).rejects.toThrow(/append-only/);
      const { id } = (await s.get<{ id: number }>("INSERT INTO citizens (voter_id, created_at) VALUES ('p', ?) RETURNING id", [Date.now()]))!;
      await s.run('INSERT INTO citizen_profiles (citizen_id, sex, updated_at) VALUES (?, ?, ?)', [id, 'F', 1]);
      await s.run('INSERT INTO citizen_past_votes (citizen_id, pres2022, consented_at) VALUES (?, ?, ?)', [id, 'x', 1]);
      await s.run('UPDATE citizens SET email = NULL WHERE id = ?', [id]);
      expect(await s.get('SELECT count(*) AS n FROM citizen_profiles')).toEqual({ n: 1 });
      await s.run('UPDATE citizens SET deleted_at = ? WHERE id = ?', [Date.now(), id]);
      expect(await s.get('SELECT (SELECT count(*) FROM citizen_profiles) + (SELECT count(*) FROM citizen_past_votes) AS n')).toEqual({ n: 0 });
    } finally {
      await db.close();
    }
  });

  it('finds scrutins by words ignoring case and accents, from the trigram index', async () => {
    const db = await databases.open();
    try {
      const s = db.store;
      const insert = (uid: string, titre: string, objet: string | null) =>
        s.run(
          `INSERT INTO scrutins (uid, legislature, numero, organe_ref, date, type, outcome, titre, objet, pour, contre, abstentions, non_votants,
             votants, exprimes, requis, closeness, source_hash, imported_at, updated_at)
           VALUES (?, 17, 1, 'PO', '2025-01-01', 'SPO', 'adopté', ?, ?, 1, 1, 0, 0, 2, 2, 2, 1, 'h', 0, 0)`,
          [uid, titre, objet],
        );
      await insert('A', 'le projet de loi de financement de la Sécurité sociale pour 2025', null);
      await insert('B', 'l’amendement n° 12', 'ÉNERGIE déposée');
      const find = async (word: string) =>
        (await s.all<{ uid: string }>("SELECT uid FROM scrutins WHERE scrutin_search_text(titre, objet) LIKE '%' || search_fold(?) || '%' ORDER BY uid", [word])).map((r) => r.uid);
      expect(await find('securite')).toEqual(['A']);
      expect(await find('SÉCURITÉ')).toEqual(['A']);
      expect(await find('deposee')).toEqual(['B']);
      expect(await find('energie')).toEqual(['B']);
      expect(await find('sociale pour')).toEqual(['A']);
      await s.exec('SET enable_seqscan = off');
      const plan = await s.all<{ 'QUERY PLAN': string }>("EXPLAIN SELECT uid FROM scrutins WHERE scrutin_search_text(titre, objet) LIKE '%' || search_fold(?) || '%'", ['securite']);
      expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toContain('scrutins_search_trgm_idx');
    } finally {
      await db.close();
    }
  });
});
