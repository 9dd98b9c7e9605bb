import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeEach, expect, it } from 'vitest';
import { REPO_ROOT } from '../config';
import { countScrutins, getScrutin } from '../db/an-store';
import type { Db } from '../db/types';
import { describeEachStore } from '../test-support/stores';
import { importOfficialData } from './import-service';

const DATA = join(REPO_ROOT, 'data/opendata');
const L16 = join(DATA, 'scrutins/VTANR5L16-samples.ndjson.gz');
const ORGANES = join(DATA, 'organes/L16');
const ACTEURS = join(DATA, 'acteurs/acteurs-L16.ndjson.gz');
const dir = mkdtempSync(join(tmpdir(), 'parallele-import-stores-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The AN import (`npm run import`): one suite on SQLite and on PostgreSQL. */
describeEachStore('the AN import', ({ open }) => {
  let db: Db;
  beforeEach(async () => {
    db = await open();
  });
  afterEach(() => db.close());

  const counts = async () =>
    db.store.get(
      `SELECT (SELECT count(*) FROM scrutins) AS scrutins, (SELECT count(*) FROM scrutin_groups) AS groups, (SELECT count(*) FROM deputy_votes) AS votes,
              (SELECT count(*) FROM mises_au_point) AS maps, (SELECT count(*) FROM deputies) AS deputies, (SELECT count(*) FROM organes) AS organes`,
    );

  it('imports scrutins, organes and acteurs, then re-imports them as unchanged', async () => {
    const first = await importOfficialData(db, [ORGANES, ACTEURS, L16]);
    expect(first).toMatchObject({ committed: true, errors: [], scrutins: { imported: 192, errors: 0 } });
    expect(first.deputies.imported).toBeGreaterThan(100);
    expect(first.groups.imported).toBeGreaterThan(5);
    const after = await counts();
    expect(after).toMatchObject({ scrutins: 192, deputies: first.deputies.imported, organes: first.groups.imported });
    expect(await countScrutins(db, { legislature: 16 })).toBe(192);
    const again = await importOfficialData(db, [ORGANES, ACTEURS, L16]);
    expect(again).toMatchObject({ scrutins: { imported: 0, updated: 0, unchanged: 192 }, deputies: { imported: 0, updated: 0 } });
    expect(await counts()).toEqual(after);
    const one = await getScrutin(db, 'VTANR5L16V1');
    expect(one?.deputies.length).toBeGreaterThan(100);
  });

  it('with --strict, a bad record leaves the store exactly unchanged', async () => {
    await importOfficialData(db, L16);
    const before = await counts();
    const bad = join(dir, `bad-${Math.random().toString(36).slice(2)}.ndjson.gz`);
    writeFileSync(bad, gzipSync('{"scrutin": {"uid": "VTANR5L16V99999"}}\n'));
    const strict = await importOfficialData(db, [join(DATA, 'scrutins/VTCGR5L16V1.json'), bad], { strict: true });
    expect(strict.committed).toBe(false);
    expect(strict.errors).toHaveLength(1);
    expect(await counts()).toEqual(before);
  });
});
