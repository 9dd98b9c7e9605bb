import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { parseScrutin } from '@parallele/core';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countScrutins, getScrutin, getScrutinsForSimulation } from '../db/an-store';
import type { Db } from '../db/client';
import { openTestStore, type TestStore } from '../test-support/store';
import { BUNDLED_DATA_DIR, importBundledDataIfEmpty, importOfficialData, type ImportSummary } from './import-service';

/* eslint-disable @typescript-eslint/no-explicit-any -- raw official JSON, read without our parser as the oracle */
const SCRUTINS = join(BUNDLED_DATA_DIR, 'scrutins');
const L17 = join(SCRUTINS, 'VTANR5L17V1-3876.ndjson.gz');
const L16 = join(SCRUTINS, 'VTANR5L16-samples.ndjson.gz');
const CONGRES = join(SCRUTINS, 'VTCGR5L16V1.json');
const linesOf = (path: string) => gunzipSync(readFileSync(path)).toString('utf8').split('\n').filter((l) => l !== '');
const L16_LINES = linesOf(L16);
const RAW_ALL: any[] = [...linesOf(L17), ...L16_LINES, readFileSync(CONGRES, 'utf8')].map((l) => JSON.parse(l).scrutin);

let dir: string;
const stores: TestStore[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallele-import-'));
});
afterAll(async () => {
  for (const store of stores) await store.close();
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
/** A fresh store: SQLite, or PostgreSQL with TEST_DATABASE_URL (test-support/store.ts). */
async function freshStore(): Promise<Db> {
  const store = await openTestStore(join(dir, `store-${++n}.db`));
  stores.push(store);
  return store.db;
}

function write(name: string, data: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

const totalErrors = (s: ImportSummary) => s.errors.length;

describe('importing all the bundled open data', () => {
  let db: Db;
  let first: ImportSummary;
  beforeAll(async () => {
    db = await freshStore();
    first = (await importBundledDataIfEmpty(db))!;
  });

  it('imports every scrutin, acteur and organe with zero errors', async () => {
    expect(first.errors).toEqual([]);
    expect(first.scrutins).toEqual({ imported: 3876 + 192 + 1, updated: 0, unchanged: 0, errors: 0 });
    expect(first.groups.imported).toBe(readdirSync(join(BUNDLED_DATA_DIR, 'organes/L16')).length + readdirSync(join(BUNDLED_DATA_DIR, 'organes/L17')).length);
    const acteurs = new Set([...linesOf(join(BUNDLED_DATA_DIR, 'acteurs/acteurs-L16.ndjson.gz')), ...linesOf(join(BUNDLED_DATA_DIR, 'acteurs/acteurs-L17.ndjson.gz'))].map((l) => JSON.parse(l).acteur.uid['#text']));
    expect(first.deputies.imported).toBe(acteurs.size);
    expect(await countScrutins(db, { legislature: 17 })).toBe(3876);
  });

  it('stores, for ALL scrutins, the official totals and outcome, and group sums equal to the totals', async () => {
    const stored = new Map(
      (
        await db.store.all<any>(
          `SELECT s.*, g.sp, g.sc, g.sa, g.snv, g.n AS ngroups, (SELECT count(*) FROM deputy_votes v WHERE v.scrutin_uid = s.uid) AS nvotes
           FROM scrutins s JOIN (SELECT scrutin_uid, sum(pour) sp, sum(contre) sc, sum(abstentions) sa, sum(non_votants) snv, count(*) n
                                 FROM scrutin_groups GROUP BY scrutin_uid) g ON g.scrutin_uid = s.uid`,
        )
      ).map((r) => [r.uid as string, r]),
    );
    expect(stored.size).toBe(RAW_ALL.length);
    const nonVotantExceptions: string[] = [];
    for (const raw of RAW_ALL) {
      const row = stored.get(raw.uid);
      const sv = raw.syntheseVote;
      expect([row.pour, row.contre, row.abstentions, row.non_votants, row.votants, row.exprimes, row.requis]).toEqual(
        [sv.decompte.pour, sv.decompte.contre, sv.decompte.abstentions, sv.decompte.nonVotants, sv.nombreVotants, sv.suffragesExprimes, sv.nbrSuffragesRequis].map(Number),
      );
      expect(row.outcome).toBe(raw.sort.code);
      expect(row.type).toBe(raw.typeVote.codeTypeVote);
      expect(row.closeness).toBe(Math.abs(row.pour - row.requis));
      expect([row.sp, row.sc, row.sa]).toEqual([row.pour, row.contre, row.abstentions]);
      if (row.snv !== row.non_votants) nonVotantExceptions.push(raw.uid);
      const groups = [raw.ventilationVotes.organe.groupes.groupe].flat();
      expect(row.ngroups).toBe(groups.length);
      const listed = groups.reduce((a: number, g: any) => {
        const dn = g.vote.decompteNominatif;
        return a + Object.values(dn).reduce((b: number, bucket: any) => b + (bucket == null ? 0 : [bucket.votant].flat().length), 0);
      }, 0);
      expect(row.nvotes).toBe(listed);
    }
    // the one documented exception (FORMAT.md §2): the announced count stays authoritative
    expect(nonVotantExceptions).toEqual(['VTANR5L17V1']);
  });

  it('rebuilds the full scrutin exactly as parsed (groups and deputies in file order, mises au point)', async () => {
    for (const uid of ['VTANR5L17V3613', 'VTANR5L17V489', 'VTCGR5L16V1', 'VTANR5L16V1927']) {
      const raw = RAW_ALL.find((r) => r.uid === uid);
      expect(await getScrutin(db, uid)).toEqual(parseScrutin({ scrutin: raw }, uid));
    }
    expect(await getScrutin(db, 'VTANR5L17V999999')).toBeNull();
  });

  it('gives the simulator every scrutin with groups and without deputies', async () => {
    const list = await getScrutinsForSimulation(db, { legislature: 17 });
    expect(list).toHaveLength(3876);
    expect(list.every((s) => s.deputies.length === 0 && s.groups.length === 12)).toBe(true);
    expect(list.map((s) => s.date)).toEqual([...list.map((s) => s.date)].sort());
    const v12 = list.find((s) => s.uid === 'VTANR5L17V12')!;
    expect(v12).toEqual({ ...parseScrutin({ scrutin: RAW_ALL.find((r) => r.uid === 'VTANR5L17V12') }, 'x'), deputies: [], misesAuPoint: [] });
    expect(await getScrutinsForSimulation(db)).toHaveLength(RAW_ALL.length);
  });

  it('re-imports as all unchanged, and does nothing when the store is not empty', async () => {
    const again = await importOfficialData(db, BUNDLED_DATA_DIR);
    expect(again.scrutins).toEqual({ imported: 0, updated: 0, unchanged: 3876 + 192 + 1, errors: 0 });
    expect(again.deputies.unchanged).toBe(first.deputies.imported);
    expect(again.groups.unchanged).toBe(first.groups.imported);
    expect(again.rows).toBe(0);
    expect(await importBundledDataIfEmpty(db)).toBeNull();
  });

  it('updates exactly the one record that changed, children included', async () => {
    const raw = JSON.parse(L16_LINES[5]!);
    raw.scrutin.titre = `${raw.scrutin.titre} (corrigé)`;
    const before = (await getScrutin(db, raw.scrutin.uid))!;
    const file = write('one-changed.ndjson.gz', gzipSync([L16_LINES[4], JSON.stringify(raw), L16_LINES[6]].join('\n')));
    const summary = await importOfficialData(db, file);
    expect(summary.scrutins).toEqual({ imported: 0, updated: 1, unchanged: 2, errors: 0 });
    expect(await getScrutin(db, raw.scrutin.uid)).toEqual({ ...before, titre: raw.scrutin.titre });
  });
});

describe('official AN zip archives', () => {
  it('imports an AMO-like archive in strict mode: acteurs and organes in, deport documents skipped', async () => {
    const acteurs = linesOf(join(BUNDLED_DATA_DIR, 'acteurs/acteurs-L17.ndjson.gz')).slice(0, 3);
    const organe = readFileSync(join(BUNDLED_DATA_DIR, 'organes/L17/PO845401.json'), 'utf8');
    const files: Record<string, Uint8Array> = { 'json/organe/PO845401.json': strToU8(organe) };
    for (const a of acteurs) files[`json/acteur/${JSON.parse(a).acteur.uid['#text']}.json`] = strToU8(a);
    files['json/deport/HATVPDPT1.json'] = strToU8(JSON.stringify({ deport: { uid: 'HATVPDPT1', refActeur: 'PA1' } }));
    const zip = write('AMO10_deputes_actifs_mandats_actifs_organes.json.zip', zipSync(files));
    const db = await freshStore();
    const s = await importOfficialData(db, zip, { strict: true });
    expect(s.errors).toEqual([]);
    expect(s).toMatchObject({ committed: true, skipped: 1, deputies: { imported: 3 }, groups: { imported: 1 } });
  });

  it('still rejects a document of no known AN kind', async () => {
    const db = await freshStore();
    const s = await importOfficialData(db, write('odd.json', JSON.stringify({ bulletin: { uid: 'X' } })));
    expect(s.errors.map((e) => e.message)).toEqual([expect.stringMatching(/odd\.json: \(root\): expected a scrutin, acteur or organe key, got keys: bulletin$/)]);
  });
});

/** Everything that identifies the store's content: must be identical after a failed strict run. */
async function snapshot(db: Db) {
  const list = async (sql: string) => (await db.store.all<{ x: string }>(sql)).map((r) => r.x).join(',');
  const counts = await db.store.get(
    `SELECT (SELECT count(*) FROM deputy_votes) AS votes, (SELECT count(*) FROM scrutin_groups) AS groups,
            (SELECT count(*) FROM mises_au_point) AS maps, (SELECT count(*) FROM ${db.dialect === 'sqlite' ? 'sqlite_master WHERE name' : 'pg_indexes WHERE indexname'} = 'deputy_votes_acteur_idx') AS acteur_index`,
  );
  return {
    ...counts,
    scrutins: await list(`SELECT uid || ':' || source_hash || ':' || updated_at AS x FROM scrutins ORDER BY uid`),
    deputies: await list(`SELECT ref || ':' || source_hash AS x FROM deputies ORDER BY ref`),
    organes: await list(`SELECT ref || ':' || source_hash AS x FROM organes ORDER BY ref`),
  };
}

describe('malformed input', () => {
  let db: Db;
  beforeAll(async () => {
    db = await freshStore();
    const s = await importOfficialData(db, [L16, join(BUNDLED_DATA_DIR, 'organes/L17')]);
    expect(totalErrors(s)).toBe(0);
  });

  /** A real line changed in a valid way: imported as an update unless the run is rolled back. */
  const changedLine = (i: number) => {
    const raw = JSON.parse(L16_LINES[i]!);
    raw.scrutin.objet.libelle = `${raw.scrutin.objet.libelle} — modifié`;
    return JSON.stringify(raw);
  };
  const mutated = (i: number, mutate: (s: any) => void) => {
    const raw = JSON.parse(L16_LINES[i]!);
    mutate(raw.scrutin);
    return JSON.stringify(raw);
  };
  const uidAt = (i: number) => JSON.parse(L16_LINES[i]!).scrutin.uid as string;

  const cases: { name: string; make: () => string; expected: RegExp; goodInNonStrict: number }[] = [
    {
      name: 'a truncated gzip',
      make: () => {
        const gz = gzipSync([changedLine(0), ...L16_LINES.slice(1, 40)].join('\n'));
        return write('truncated.ndjson.gz', gz.subarray(0, Math.floor(gz.length * 0.6)));
      },
      expected: /truncated\.ndjson\.gz: truncated or corrupt gzip after line \d+: unexpected end of file/,
      goodInNonStrict: -1,
    },
    {
      name: 'a line that is not JSON',
      make: () => write('not-json.ndjson.gz', gzipSync([changedLine(0), '{"scrutin": {"uid": ', changedLine(2)].join('\n'))),
      expected: /not-json\.ndjson\.gz:2: not JSON \(/,
      goodInNonStrict: 2,
    },
    {
      name: 'a scrutin without syntheseVote',
      make: () => write('no-synthese.ndjson.gz', gzipSync([changedLine(0), mutated(1, (s) => delete s.syntheseVote)].join('\n'))),
      expected: new RegExp(`^${uidAt(1)} \\(.*no-synthese\\.ndjson\\.gz:2\\): scrutin\\.syntheseVote: missing$`),
      goodInNonStrict: 1,
    },
    {
      name: 'a negative count',
      make: () => write('negative.ndjson.gz', gzipSync([changedLine(0), mutated(1, (s) => (s.syntheseVote.decompte.pour = '-3'))].join('\n'))),
      expected: /negative\.ndjson\.gz:2\): scrutin\.syntheseVote\.decompte\.pour: expected a non-negative integer, got "-3"$/,
      goodInNonStrict: 1,
    },
    {
      name: 'a non-numeric count',
      make: () =>
        write('nan.ndjson.gz', gzipSync([changedLine(0), mutated(1, (s) => (s.ventilationVotes.organe.groupes.groupe[2].nombreMembresGroupe = 'vingt'))].join('\n'))),
      expected: /nan\.ndjson\.gz:2\): scrutin\.ventilationVotes\.organe\.groupes\.groupe\[2\]\.nombreMembresGroupe: expected a non-negative integer, got "vingt"$/,
      goodInNonStrict: 1,
    },
    {
      name: 'an unknown vote type',
      make: () => write('type.ndjson.gz', gzipSync([changedLine(0), mutated(1, (s) => (s.typeVote.codeTypeVote = 'SPQ'))].join('\n'))),
      expected: /type\.ndjson\.gz:2\): scrutin\.typeVote\.codeTypeVote: expected one of SPO, SPS, MOC, SSG, got "SPQ"$/,
      goodInNonStrict: 1,
    },
    {
      name: 'the same uid twice with different content',
      make: () => write('twice.ndjson.gz', gzipSync([changedLine(0), L16_LINES[0]].join('\n'))),
      expected: new RegExp(`^${uidAt(0)}: the same uid with different content at .*twice\\.ndjson\\.gz:1 and .*twice\\.ndjson\\.gz:2$`),
      goodInNonStrict: 1,
    },
    {
      name: 'an empty file',
      make: () => write('empty.json', ''),
      expected: /empty\.json: empty file$/,
      goodInNonStrict: 0,
    },
    {
      name: 'a zip with a non-JSON member',
      make: () =>
        write('archive.zip', zipSync({ 'json/a.json': strToU8(changedLine(0)), 'json/notes.txt': strToU8('pas du JSON'), 'json/b.json': strToU8(changedLine(2)) })),
      expected: /archive\.zip!json\/notes\.txt: not a JSON member/,
      goodInNonStrict: 2,
    },
  ];

  for (const c of cases) {
    it(`${c.name}: a clear error, and with --strict the store is exactly unchanged`, async () => {
      const file = c.make();
      const congres = CONGRES; // a valid NEW record in the same run: must not be written either
      const before = await snapshot(db);
      const strict = await importOfficialData(db, [file, congres], { strict: true });
      expect(strict.committed).toBe(false);
      expect(strict.errors.map((e) => e.message)).toEqual([expect.stringMatching(c.expected)]);
      expect(strict.scrutins.imported + strict.scrutins.updated).toBe(0);
      expect(await snapshot(db)).toEqual(before);
      expect(await countScrutins(db)).toBe(192);
    });
  }

  it('without --strict, the bad records are skipped and reported, the good ones written', async () => {
    for (const c of cases.filter((x) => x.goodInNonStrict >= 0)) {
      const store = await freshStore();
      const s = await importOfficialData(store, c.make());
      expect(s.errors.map((e) => e.message)).toEqual([expect.stringMatching(c.expected)]);
      expect(s.committed).toBe(true);
      expect(s.scrutins.imported).toBe(c.goodInNonStrict);
      expect(await countScrutins(store)).toBe(c.goodInNonStrict);
    }
  });

  it('a truncated gzip without --strict keeps the lines before the cut', async () => {
    const store = await freshStore();
    const gz = gzipSync(L16_LINES.join('\n'));
    const s = await importOfficialData(store, write('cut.ndjson.gz', gz.subarray(0, Math.floor(gz.length / 2))));
    expect(s.errors).toHaveLength(1);
    expect(s.scrutins.imported).toBeGreaterThan(50);
    expect(await countScrutins(store)).toBe(s.scrutins.imported);
  });

  it('a failed strict run on an empty store leaves it empty, indexes included', async () => {
    const store = await freshStore();
    const before = await snapshot(store);
    const s = await importOfficialData(store, [L16, write('bad-tail.ndjson.gz', gzipSync('nope'))], { strict: true });
    expect(s.committed).toBe(false);
    expect(await snapshot(store)).toEqual(before);
    expect(before).toMatchObject({ votes: 0, acteur_index: 1 });
  });
});
