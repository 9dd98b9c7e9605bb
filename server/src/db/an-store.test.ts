import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseActeur, parseOrgane, parseScrutin, type Scrutin } from '@parallele/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../config';
import { beginBulkLoad, countScrutins, getScrutin, getScrutinsForSimulation, upsertDeputies, upsertGroups, upsertScrutins } from './an-store';
import { openDatabase, type Db } from './client';
import { openTestStore, type TestStore } from '../test-support/store';

const DATA = join(REPO_ROOT, 'data/opendata');
const L16: Scrutin[] = gunzipSync(readFileSync(join(DATA, 'scrutins/VTANR5L16-samples.ndjson.gz')))
  .toString('utf8')
  .split('\n')
  .filter((l) => l !== '')
  .slice(0, 20)
  .map((l, i) => parseScrutin(JSON.parse(l), `L16:${i + 1}`));

let dir: string;
const open: TestStore[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallele-store-'));
});
afterAll(async () => {
  for (const store of open) await store.close();
  rmSync(dir, { recursive: true, force: true });
});
let n = 0;
/** A fresh store: SQLite, or PostgreSQL with TEST_DATABASE_URL (test-support/store.ts). */
const fresh = async (): Promise<Db> => {
  mkdirSync(join(dir, 'stores'), { recursive: true });
  const store = await openTestStore(join(dir, `stores/s${++n}.db`));
  open.push(store);
  return store.db;
};
const hasActeurIndex = async (db: Db) =>
  (db.dialect === 'sqlite'
    ? await db.store.get("SELECT 1 AS one FROM sqlite_master WHERE name = 'deputy_votes_acteur_idx'")
    : await db.store.get("SELECT 1 AS one FROM pg_indexes WHERE indexname = 'deputy_votes_acteur_idx'")) !== undefined;
const count = async (db: Db, sql: string, params: string[] = []) => (await db.store.get<{ n: number }>(sql, params))?.n;

// The SQLite opener itself: these open SQLite files whatever TEST_DATABASE_URL says.
describe('openDatabase (SQLite)', () => {
  it('creates the folder, applies the migrations, and turns WAL and foreign keys on', async () => {
    const db = openDatabase(join(dir, `nested/folder/s${++n}.db`));
    open.push({ db, url: db.path, close: () => db.close() });
    const sqlite = db.sqlite!;
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(1);
    const migrations = readdirSync(new URL('../../drizzle', import.meta.url)).filter((f) => f.endsWith('.sql'));
    expect(sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get()).toEqual({ n: migrations.length });
    expect(await countScrutins(db)).toBe(0);
  });

  it('reopens an existing store without re-applying anything, and heals a dropped acteur index', async () => {
    const db = openDatabase(join(dir, `nested/folder/s${++n}.db`));
    await upsertScrutins(db, L16.slice(0, 2));
    await db.store.exec('DROP INDEX deputy_votes_acteur_idx');
    const path = db.path;
    await db.close();
    const again = openDatabase(`file:${path}`);
    open.push({ db: again, url: again.path, close: () => again.close() });
    expect(await countScrutins(again)).toBe(2);
    expect(await hasActeurIndex(again)).toBe(true);
  });
});

describe('upsertScrutins', () => {
  it('inserts, then reports unchanged, then replaces a changed scrutin with its children', async () => {
    const db = await fresh();
    expect(await upsertScrutins(db, L16)).toMatchObject({ inserted: 20, updated: 0, unchanged: 0 });
    expect(await upsertScrutins(db, L16)).toMatchObject({ inserted: 0, updated: 0, unchanged: 20, rows: 0 });
    const s = L16[3]!;
    const changed: Scrutin = { ...s, titre: 'nouveau titre', deputies: s.deputies.slice(0, 5), misesAuPoint: [] };
    expect(await upsertScrutins(db, [changed, L16[4]!])).toMatchObject({ inserted: 0, updated: 1, unchanged: 1, outcomes: ['updated', 'unchanged'] });
    expect(await getScrutin(db, s.uid)).toEqual(changed);
    expect(await count(db, 'SELECT count(*) AS n FROM deputy_votes WHERE scrutin_uid = ?', [s.uid])).toBe(5);
    for (const other of L16.filter((x) => x.uid !== s.uid)) expect(await getScrutin(db, other.uid)).toEqual(other);
  });

  it('keeps imported_at and moves updated_at on update', async () => {
    const db = await fresh();
    await upsertScrutins(db, [L16[0]!], 1000);
    await upsertScrutins(db, [{ ...L16[0]!, titre: 'x' }], 2000);
    expect(await db.store.get('SELECT imported_at, updated_at FROM scrutins WHERE uid = ?', [L16[0]!.uid])).toEqual({ imported_at: 1000, updated_at: 2000 });
  });

  it('rolls the whole call back when one scrutin cannot be written', async () => {
    const db = await fresh();
    const broken = { ...L16[1]!, type: null } as unknown as Scrutin;
    // SQLite: "NOT NULL constraint failed"; PostgreSQL: "violates not-null constraint"
    await expect(upsertScrutins(db, [L16[0]!, broken])).rejects.toThrow(/NOT NULL|not-null/);
    expect(await countScrutins(db)).toBe(0);
  });

  it('serves the simulator: groups and totals in date order, no deputies', async () => {
    const db = await fresh();
    await upsertScrutins(db, [...L16].reverse());
    const list = await getScrutinsForSimulation(db, { legislature: 16 });
    expect(list.map((s) => s.uid)).toEqual([...L16].sort((a, b) => a.date.localeCompare(b.date) || a.numero - b.numero).map((s) => s.uid));
    expect(list[0]).toEqual({ ...L16.find((s) => s.uid === list[0]!.uid)!, deputies: [], misesAuPoint: [] });
    expect(await getScrutinsForSimulation(db, { legislature: 17 })).toEqual([]);
  });
});

describe('upsertDeputies and upsertGroups', () => {
  it('insert, report unchanged, update', async () => {
    const db = await fresh();
    const line = gunzipSync(readFileSync(join(DATA, 'acteurs/acteurs-L17.ndjson.gz'))).toString('utf8').split('\n')[0]!;
    const deputy = parseActeur(JSON.parse(line), 'acteurs-L17:1');
    expect(await upsertDeputies(db, [deputy])).toMatchObject({ inserted: 1 });
    expect(await upsertDeputies(db, [deputy])).toMatchObject({ unchanged: 1 });
    expect(await upsertDeputies(db, [{ ...deputy, groupRef: null }])).toMatchObject({ updated: 1 });
    const group = parseOrgane(JSON.parse(readFileSync(join(DATA, 'organes/L17/PO845401.json'), 'utf8')), 'PO845401.json');
    expect(await upsertGroups(db, [{ value: group, hash: 'h1', source: 'PO845401.json' }])).toMatchObject({ inserted: 1 });
    expect(await upsertGroups(db, [{ value: group, hash: 'h1' }])).toMatchObject({ unchanged: 1 });
    expect(await upsertGroups(db, [{ value: { ...group, colour: '#000000' }, hash: 'h2' }])).toMatchObject({ updated: 1 });
    expect(await db.store.get('SELECT colour, source FROM organes')).toEqual({ colour: '#000000', source: null });
  });
});

describe('beginBulkLoad', () => {
  it('drops the acteur index only on an empty store, and puts it back', async () => {
    const db = await fresh();
    const end = await beginBulkLoad(db);
    expect(await hasActeurIndex(db)).toBe(false);
    await upsertScrutins(db, L16.slice(0, 3));
    await end();
    expect(await hasActeurIndex(db)).toBe(true);
    await (await beginBulkLoad(db))();
    expect(await hasActeurIndex(db)).toBe(true);
    if (db.sqlite) {
      const plan = db.sqlite.prepare('EXPLAIN QUERY PLAN SELECT * FROM deputy_votes WHERE acteur_ref = ?').all('PA1') as { detail: string }[];
      expect(plan.map((p) => p.detail).join()).toContain('deputy_votes_acteur_idx');
    }
  });
});
