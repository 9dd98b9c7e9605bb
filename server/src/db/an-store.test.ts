import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseActeur, parseOrgane, parseScrutin, type Scrutin } from '@parallele/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../config';
import { beginBulkLoad, countScrutins, getScrutin, getScrutinsForSimulation, upsertDeputies, upsertGroups, upsertScrutins } from './an-store';
import { openDatabase, type Db } from './client';

const DATA = join(REPO_ROOT, 'data/opendata');
const L16: Scrutin[] = gunzipSync(readFileSync(join(DATA, 'scrutins/VTANR5L16-samples.ndjson.gz')))
  .toString('utf8')
  .split('\n')
  .filter((l) => l !== '')
  .slice(0, 20)
  .map((l, i) => parseScrutin(JSON.parse(l), `L16:${i + 1}`));

let dir: string;
const open: Db[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallele-store-'));
});
afterAll(() => {
  for (const db of open) db.close();
  rmSync(dir, { recursive: true, force: true });
});
let n = 0;
const fresh = (): Db => {
  const db = openDatabase(join(dir, `nested/folder/s${++n}.db`));
  open.push(db);
  return db;
};
const hasActeurIndex = (db: Db) => db.sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = 'deputy_votes_acteur_idx'").get() !== undefined;

describe('openDatabase', () => {
  it('creates the folder, applies the migrations, and turns WAL and foreign keys on', () => {
    const db = fresh();
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(1);
    const migrations = readdirSync(new URL('../../drizzle', import.meta.url)).filter((f) => f.endsWith('.sql'));
    expect(db.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get()).toEqual({ n: migrations.length });
    expect(countScrutins(db)).toBe(0);
  });

  it('reopens an existing store without re-applying anything, and heals a dropped acteur index', () => {
    const db = fresh();
    upsertScrutins(db, L16.slice(0, 2));
    db.sqlite.exec('DROP INDEX deputy_votes_acteur_idx');
    const path = db.path;
    db.close();
    const again = openDatabase(`file:${path}`);
    open.push(again);
    expect(countScrutins(again)).toBe(2);
    expect(hasActeurIndex(again)).toBe(true);
  });
});

describe('upsertScrutins', () => {
  it('inserts, then reports unchanged, then replaces a changed scrutin with its children', () => {
    const db = fresh();
    expect(upsertScrutins(db, L16)).toMatchObject({ inserted: 20, updated: 0, unchanged: 0 });
    expect(upsertScrutins(db, L16)).toMatchObject({ inserted: 0, updated: 0, unchanged: 20, rows: 0 });
    const s = L16[3]!;
    const changed: Scrutin = { ...s, titre: 'nouveau titre', deputies: s.deputies.slice(0, 5), misesAuPoint: [] };
    expect(upsertScrutins(db, [changed, L16[4]!])).toMatchObject({ inserted: 0, updated: 1, unchanged: 1, outcomes: ['updated', 'unchanged'] });
    expect(getScrutin(db, s.uid)).toEqual(changed);
    expect(db.sqlite.prepare('SELECT count(*) AS n FROM deputy_votes WHERE scrutin_uid = ?').get(s.uid)).toEqual({ n: 5 });
    for (const other of L16.filter((x) => x.uid !== s.uid)) expect(getScrutin(db, other.uid)).toEqual(other);
  });

  it('keeps imported_at and moves updated_at on update', () => {
    const db = fresh();
    upsertScrutins(db, [L16[0]!], 1000);
    upsertScrutins(db, [{ ...L16[0]!, titre: 'x' }], 2000);
    expect(db.sqlite.prepare('SELECT imported_at, updated_at FROM scrutins WHERE uid = ?').get(L16[0]!.uid)).toEqual({ imported_at: 1000, updated_at: 2000 });
  });

  it('rolls the whole call back when one scrutin cannot be written', () => {
    const db = fresh();
    const broken = { ...L16[1]!, type: null } as unknown as Scrutin;
    expect(() => upsertScrutins(db, [L16[0]!, broken])).toThrow(/NOT NULL/);
    expect(countScrutins(db)).toBe(0);
  });

  it('serves the simulator: groups and totals in date order, no deputies', () => {
    const db = fresh();
    upsertScrutins(db, [...L16].reverse());
    const list = getScrutinsForSimulation(db, { legislature: 16 });
    expect(list.map((s) => s.uid)).toEqual([...L16].sort((a, b) => a.date.localeCompare(b.date) || a.numero - b.numero).map((s) => s.uid));
    expect(list[0]).toEqual({ ...L16.find((s) => s.uid === list[0]!.uid)!, deputies: [], misesAuPoint: [] });
    expect(getScrutinsForSimulation(db, { legislature: 17 })).toEqual([]);
  });
});

describe('upsertDeputies and upsertGroups', () => {
  it('insert, report unchanged, update', () => {
    const db = fresh();
    const line = gunzipSync(readFileSync(join(DATA, 'acteurs/acteurs-L17.ndjson.gz'))).toString('utf8').split('\n')[0]!;
    const deputy = parseActeur(JSON.parse(line), 'acteurs-L17:1');
    expect(upsertDeputies(db, [deputy])).toMatchObject({ inserted: 1 });
    expect(upsertDeputies(db, [deputy])).toMatchObject({ unchanged: 1 });
    expect(upsertDeputies(db, [{ ...deputy, groupRef: null }])).toMatchObject({ updated: 1 });
    const group = parseOrgane(JSON.parse(readFileSync(join(DATA, 'organes/L17/PO845401.json'), 'utf8')), 'PO845401.json');
    expect(upsertGroups(db, [{ value: group, hash: 'h1', source: 'PO845401.json' }])).toMatchObject({ inserted: 1 });
    expect(upsertGroups(db, [{ value: group, hash: 'h1' }])).toMatchObject({ unchanged: 1 });
    expect(upsertGroups(db, [{ value: { ...group, colour: '#000000' }, hash: 'h2' }])).toMatchObject({ updated: 1 });
    expect(db.sqlite.prepare('SELECT colour, source FROM organes').get()).toEqual({ colour: '#000000', source: null });
  });
});

describe('beginBulkLoad', () => {
  it('drops the acteur index only on an empty store, and puts it back', () => {
    const db = fresh();
    const end = beginBulkLoad(db);
    expect(hasActeurIndex(db)).toBe(false);
    upsertScrutins(db, L16.slice(0, 3));
    end();
    expect(hasActeurIndex(db)).toBe(true);
    beginBulkLoad(db)();
    expect(hasActeurIndex(db)).toBe(true);
    const plan = db.sqlite.prepare('EXPLAIN QUERY PLAN SELECT * FROM deputy_votes WHERE acteur_ref = ?').all('PA1') as { detail: string }[];
    expect(plan.map((p) => p.detail).join()).toContain('deputy_votes_acteur_idx');
  });
});
