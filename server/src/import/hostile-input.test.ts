import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countScrutins } from '../db/an-store';
import type { Db } from '../db/client';
import { openTestStore, type TestStore } from '../test-support/store';
import { BUNDLED_DATA_DIR, importOfficialData } from './import-service';

/** Issue 10, point 12: hostile files cost their own record or member, never the good ones beside. */
const linesOf = (path: string) => gunzipSync(readFileSync(path)).toString('utf8').split('\n').filter((l) => l !== '');
const L16_LINES = linesOf(join(BUNDLED_DATA_DIR, 'scrutins/VTANR5L16-samples.ndjson.gz'));
const ACTEURS = linesOf(join(BUNDLED_DATA_DIR, 'acteurs/acteurs-L17.ndjson.gz'));

let dir: string;
let db: Db;
let store: TestStore;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parallele-hostile-'));
  store = await openTestStore(join(dir, 'store.db'));
  db = store.db;
});
afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const write = (name: string, data: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
};

describe('hostile import files', () => {
  it('refuses a 100,000-level record and a 10 MB titre alone, and imports the good file beside them', async () => {
    const deep = write('deep.json', `{"scrutin": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    const raw = JSON.parse(L16_LINES[0]!);
    raw.scrutin.titre = 'x'.repeat(10 * 1024 * 1024);
    const huge = write('huge.json', JSON.stringify(raw));
    const good = write('good.ndjson.gz', gzipSync(L16_LINES.slice(1, 4).join('\n')));
    const s = await importOfficialData(db, [deep, huge, good]);
    expect(s.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/deep\.json: record refused: nested deeper than 64 levels/),
      expect.stringMatching(/huge\.json: record refused: a string of 10485760 characters/),
    ]);
    expect(s.scrutins.imported).toBe(3);
  });

  it('skips only the `../` member of a zip and imports the others', async () => {
    const path = write('slip.zip', zipSync({ '../evil.json': strToU8(L16_LINES[5]!), 'json/a.json': strToU8(L16_LINES[6]!), 'json/b.json': strToU8(L16_LINES[7]!) }));
    const before = await countScrutins(db);
    const s = await importOfficialData(db, path);
    expect(s.errors.map((e) => e.message)).toEqual([expect.stringMatching(/slip\.zip!\.\.\/evil\.json: member skipped/)]);
    expect(await countScrutins(db)).toBe(before + 2);
  });

  it('reports conflicting duplicate deputies: an error within one file, a reported conflict across files', async () => {
    const changed = JSON.parse(ACTEURS[0]!);
    changed.acteur.etatCivil.ident.nom = `${changed.acteur.etatCivil.ident.nom as string}-Autre`;
    const ref = changed.acteur.uid['#text'] as string;
    const oneFile = write('acteurs-twice.ndjson.gz', gzipSync([ACTEURS[0], JSON.stringify(changed)].join('\n')));
    const same = await importOfficialData(db, oneFile);
    expect(same.errors.map((e) => e.message)).toEqual([expect.stringMatching(new RegExp(`^${ref}: the same ref with different content at .*acteurs-twice\\.ndjson\\.gz:1 and .*:2$`))]);

    const other = write('acteurs-other.ndjson.gz', gzipSync(JSON.stringify(changed)));
    const across = await importOfficialData(db, [write('acteurs-first.ndjson.gz', gzipSync(ACTEURS[0]!)), other]);
    expect(across.errors).toEqual([]);
    expect(across.conflicts.map((c) => c.message)).toEqual([expect.stringMatching(new RegExp(`^${ref}: the same ref with different content .* the last one read wins$`))]);
  });
});
