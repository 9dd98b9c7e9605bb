import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpOverHttp, startCitizensTestServer, type CitizensTestServer } from '../../test-support/citizens';

/**
 * One circonscription per citizen: the profile's (issue 16), which « Mon député·e » (issue 13)
 * reads and writes too; migration 0013 moved the earlier separate table into it.
 */
let t: CitizensTestServer;
beforeAll(async () => {
  t = await startCitizensTestServer({ scrutins: 1 });
});
afterAll(async () => t.close());

describe('the circonscription, stored once', () => {
  it('told on « Mon député·e » shows in the profile, and the profile’s is « Mon député·e »’s', async () => {
    const ida = await signUpOverHttp(t, 'ida.circo@example.org');
    await ida.agent.put('/api/me/profile').set('x-csrf-token', ida.csrf).send({ sex: 'F', region: '11' }).expect(200);
    const put = await ida.agent.put('/api/me/constituency').set('x-csrf-token', ida.csrf).send({ numDepartement: '099', numCirco: 3 }).expect(200);
    expect(put.body).toEqual({ numDepartement: '099', numCirco: 3 });
    // the rest of the profile is kept; the AN's 099 is the profile's ZZ (Français de l'étranger)
    const profile = (await ida.agent.get('/api/me/profile').expect(200)).body.profile;
    expect(profile).toMatchObject({ sex: 'F', region: '11', departement: 'ZZ', circonscription: 3 });

    await ida.agent.put('/api/me/profile').set('x-csrf-token', ida.csrf).send({ sex: 'F', departement: '2A', circonscription: 1 }).expect(200);
    expect((await ida.agent.get('/api/me/constituency').expect(200)).body).toEqual({ numDepartement: '2A', numCirco: 1 });

    await ida.agent.delete('/api/me/constituency').set('x-csrf-token', ida.csrf).expect(200);
    expect((await ida.agent.get('/api/me/profile').expect(200)).body.profile).toMatchObject({ sex: 'F', departement: null, circonscription: null });
    const tables = t.db.dialect === 'postgres'
      ? "SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'citizen_constituencies'"
      : "SELECT count(*) AS n FROM sqlite_master WHERE name = 'citizen_constituencies'";
    expect(await t.db.store.get(tables)).toEqual({ n: 0 });
  });

  it('refuses a seat no deputy holds', async () => {
    const jo = await signUpOverHttp(t, 'jo.circo@example.org');
    await jo.agent.put('/api/me/constituency').set('x-csrf-token', jo.csrf).send({ numDepartement: '20', numCirco: 1 }).expect(400);
    await jo.agent.put('/api/me/constituency').set('x-csrf-token', jo.csrf).send({ numDepartement: '75', numCirco: 22 }).expect(400);
  });
});

describe('migration 0013', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallele-g13-migration-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('moves every circonscription told before into the profile, keeping the profile’s other answers', () => {
    // the store as it was before 0013: migrations 0000–0012 only
    const all = fileURLToPath(new URL('../../../drizzle', import.meta.url));
    const before = join(dir, 'before');
    cpSync(all, before, { recursive: true });
    // (every later one too: the migrator skips a migration older than the last one applied)
    const journalPath = join(before, 'meta/_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
    const later = journal.entries.filter((e) => e.tag >= '0013_one_constituency');
    for (const e of later) rmSync(join(before, `${e.tag}.sql`));
    writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.filter((e) => !later.includes(e)) }));
    const sqlite = new Database(join(dir, 'store.db'));
    migrate(drizzle(sqlite), { migrationsFolder: before });

    const citizen = sqlite.prepare("INSERT INTO citizens (voter_id, created_at) VALUES (?, 1) RETURNING id");
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((v) => (citizen.get(v) as { id: number }).id);
    const told = sqlite.prepare('INSERT INTO citizen_constituencies (citizen_id, num_departement, num_circo, updated_at) VALUES (?, ?, ?, ?)');
    const profile = sqlite.prepare('INSERT INTO citizen_profiles (citizen_id, sex, departement, circonscription, updated_at) VALUES (?, ?, ?, ?, ?)');
    told.run(a, '75', 2, 100); // no profile
    told.run(b, '099', 5, 100); // a profile without a circonscription
    profile.run(b, 'H', null, null, 200);
    told.run(c, '13', 4, 100); // an older answer than the profile's
    profile.run(c, 'F', '69', 1, 200);
    told.run(d, '2B', 1, 300); // a newer one
    profile.run(d, 'F', '2A', 2, 200);

    migrate(drizzle(sqlite), { migrationsFolder: all });
    const rows = sqlite.prepare('SELECT citizen_id AS id, sex, departement, circonscription AS circo FROM citizen_profiles ORDER BY citizen_id').all();
    expect(rows).toEqual([
      { id: a, sex: null, departement: '75', circo: 2 },
      { id: b, sex: 'H', departement: 'ZZ', circo: 5 },
      { id: c, sex: 'F', departement: '69', circo: 1 },
      { id: d, sex: 'F', departement: '2B', circo: 1 },
    ]);
    expect(sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'citizen_constituencies'").get()).toEqual({ n: 0 });
    sqlite.close();
  });
});
