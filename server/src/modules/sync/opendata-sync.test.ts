import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testSupport } from '@parallele/scrapers';
import { getScrutin } from '../../db/an-store';
import { SCRUTINS_ZIP, startAnSite, syncHarness, type AnSite, type SyncHarness } from '../../test-support/an-site';

/** `scrape opendata` against a real HTTP server serving the real L17 data as official zips. */

let site: AnSite;
let subset: Buffer;
let amo: Buffer;
let agenda: Buffer;
const harnesses: SyncHarness[] = [];
const harness = async (...args: Parameters<typeof syncHarness> extends [unknown, ...infer R] ? R : never) => {
  const h = await syncHarness(site, ...args);
  harnesses.push(h);
  return h;
};

beforeAll(async () => {
  // Scrutins 3801-3876 keep each test quick; one test below imports all 3,876.
  subset = await testSupport.buildScrutinsZip({ numeros: (n) => n > 3800 });
  amo = await testSupport.buildAmoZip();
  agenda = await testSupport.buildAgendaZip();
  site = await startAnSite({ scrutins: subset, amo, agenda });
});
afterAll(async () => {
  await site.close();
});
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.cleanup();
  site.reset();
});

/** A handler failing its first call (its own count: the server's hit counter spans the tests). */
function failingFirst(first: testSupport.Handler, then: testSupport.Handler): testSupport.Handler {
  let calls = 0;
  return (req, res, hit) => (++calls === 1 ? first(req, res, hit) : then(req, res, hit));
}

const count = async (h: SyncHarness, table: string) => (await h.db.store.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))!.n;

describe('scrape opendata', () => {
  it('downloads both archives, keeps the raw copies dated under data/raw, and imports them', async () => {
    const h = await harness();
    const s = await h.service.run('opendata', { legislature: 17 });
    expect(s.status).toBe('ok');
    expect(s.archives.map((a) => [a.name, a.status, a.imported])).toEqual([
      ['AMO10_deputes_actifs_mandats_actifs_organes.json.zip', 'downloaded', true],
      ['Scrutins.json.zip', 'downloaded', true],
      ['Agenda.json.zip', 'downloaded', true],
    ]);
    expect(s.scrutins).toEqual({ inserted: 76, updated: 0, unchanged: 0 });
    expect(s.deputies.inserted).toBeGreaterThan(500);
    expect(s.groups.inserted).toBe(14);
    expect(await count(h, 'scrutins')).toBe(76);
    for (const a of s.archives) {
      expect(a.rawPath).toMatch(/^raw\/opendata\/L17\/\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\/.+\.zip$/);
      // Byte for byte (Buffer.equals: a deep toEqual on megabytes is needlessly slow).
      expect(readFileSync(join(h.dataDir, a.rawPath ?? '')).equals(a.name === 'Scrutins.json.zip' ? subset : a.name === 'Agenda.json.zip' ? agenda : amo)).toBe(true);
    }
    // The official record, vote for vote (3876: the last scrutin of the bundle).
    const stored = await getScrutin(h.db, 'VTANR5L17V3876');
    expect(stored).toEqual(site.official(3876));
    expect(await h.db.store.all(`SELECT DISTINCT origin FROM scrutins`)).toEqual([{ origin: 'opendata' }]);
    // The agenda archive: its séances publiques, dated as of the download (a live agenda).
    expect(await count(h, 'agenda_sittings')).toBe(536);
    const snapshot = (await h.db.store.get<{ at: number }>('SELECT snapshot_at AS at FROM agenda_imports'))!.at;
    expect(snapshot).toBeGreaterThanOrEqual(Date.parse(s.startedAt));
    expect(snapshot).toBeLessThanOrEqual(Date.now());
  });

  it('does not download an unchanged archive again (ETag → 304) nor re-import it', async () => {
    const h = await harness();
    await h.service.run('opendata', { legislature: 17 });
    const before = site.server.requests.length;
    const s = await h.service.run('opendata', { legislature: 17 });
    expect(s.status).toBe('ok');
    expect(s.archives.map((a) => [a.status, a.imported])).toEqual([['unchanged', false], ['unchanged', false], ['unchanged', false]]);
    expect(s.scrutins).toEqual({ inserted: 0, updated: 0, unchanged: 0 });
    const conditional = site.server.requests.slice(before).filter((r) => r.path.endsWith('.zip'));
    expect(conditional.every((r) => typeof r.headers['if-none-match'] === 'string')).toBe(true);
    expect(readdirSync(join(h.dataDir, 'raw/opendata/L17')).filter((f) => !f.endsWith('.json'))).toHaveLength(1);
  });

  it('imports only the new and changed scrutins of a newer archive', async () => {
    const h = await harness();
    await h.service.run('opendata', { legislature: 17 });
    const newer = await testSupport.buildScrutinsZip({
      numeros: (n) => n > 3790,
      // A real correction shape: the title of one scrutin is re-published.
      edit: (n, text) => (n === 3850 ? text.replace('"titre": "', '"titre": "(rectifié) ') : text),
    });
    site.server.route(SCRUTINS_ZIP, testSupport.serveBody(newer, 'application/zip'));
    const s = await h.service.run('opendata', { legislature: 17 });
    expect(s.archives[1]).toMatchObject({ status: 'downloaded', imported: true });
    expect(s.scrutins).toEqual({ inserted: 10, updated: 1, unchanged: 75 });
    expect((await getScrutin(h.db, 'VTANR5L17V3850'))?.titre.startsWith('(rectifié) ')).toBe(true);
  });

  it('redoes an import cut short by a crash, although the archive itself is unchanged', async () => {
    const h = await harness();
    await h.service.run('opendata', { legislature: 17 });
    // What a crash mid-import leaves: half the scrutins written, the archive not marked imported.
    const manifest = join(h.dataDir, 'raw/opendata/L17/scrutins.latest.json');
    writeFileSync(manifest, JSON.stringify({ ...JSON.parse(readFileSync(manifest, 'utf8')), importedAt: null }));
    await h.db.store.run('DELETE FROM scrutins WHERE numero > 3850');
    const s = await h.service.run('opendata', { legislature: 17 });
    expect(s.archives.map((a) => [a.status, a.imported])).toEqual([['unchanged', false], ['unchanged', true], ['unchanged', false]]);
    expect(s.scrutins).toEqual({ inserted: 26, updated: 0, unchanged: 50 });
    expect(await count(h, 'scrutins')).toBe(76);
  });

  it('retries an archive answered 500, then imports it', async () => {
    const h = await harness();
    const serve = testSupport.serveBody(subset, 'application/zip');
    site.server.route(SCRUTINS_ZIP, failingFirst((_req, res) => void res.writeHead(500).end('down'), serve));
    const s = await h.service.run('opendata', { legislature: 17 });
    expect(s.status).toBe('ok');
    expect(s.scrutins.inserted).toBe(76);
    expect(h.clock.sleeps).toContain(10);
  });

  it('waits what a 429 Retry-After asks, then imports', async () => {
    const h = await harness();
    const serve = testSupport.serveBody(subset, 'application/zip');
    site.server.route(SCRUTINS_ZIP, failingFirst((_req, res) => void res.writeHead(429, { 'retry-after': '3' }).end(), serve));
    const s = await h.service.run('opendata', { legislature: 17 });
    expect(s.status).toBe('ok');
    expect(h.clock.sleeps).toContain(3000);
  });

  it('abandons a response slower than the timeout, retries, and imports', async () => {
    const h = await harness();
    const serve = testSupport.serveBody(subset, 'application/zip');
    site.server.route(SCRUTINS_ZIP, failingFirst((req, res, hit) => void setTimeout(() => serve(req, res, hit), 1500), serve));
    const events: string[] = [];
    h.service.client.onEvent = (e) => void (e.type === 'retry' && events.push(e.reason));
    const s = await h.service.run('opendata', { legislature: 17 });
    expect(s.status).toBe('ok');
    expect(events).toEqual([expect.stringMatching(/timeout/i)]);
    expect(s.scrutins.inserted).toBe(76);
  });

  it('quarantines a truncated archive whole and leaves the store as it was', async () => {
    const h = await harness();
    await h.service.run('opendata', { legislature: 17 });
    const before = await getScrutin(h.db, 'VTANR5L17V3850');
    // A complete HTTP response whose body is the first half of a newer archive.
    const newer = await testSupport.buildScrutinsZip({ numeros: (n) => n > 3700 });
    site.server.route(SCRUTINS_ZIP, testSupport.serveBody(newer.subarray(0, newer.length >> 1), 'application/zip', '"truncated"'));
    const s = await h.service.run('opendata', { legislature: 17 });
    expect(s.status).toBe('partial');
    expect(s.archives[1]).toMatchObject({ status: 'quarantined', imported: false });
    expect(s.quarantined).toHaveLength(1);
    expect(s.quarantined[0]).toMatchObject({ kind: 'archive', source: `${site.url}${SCRUTINS_ZIP}` });
    expect(s.quarantined[0]?.error).toMatch(/not a readable zip archive/);
    expect(existsSync(join(h.dataDir, s.quarantined[0]?.path ?? ''))).toBe(true);
    expect(readFileSync(join(h.dataDir, `${s.quarantined[0]?.path}.error.txt`), 'utf8')).toContain('not a readable zip archive');
    expect(await count(h, 'scrutins')).toBe(76);
    expect(await getScrutin(h.db, 'VTANR5L17V3850')).toEqual(before);
  });

  it('quarantines one malformed record, keeps the good stored version, and imports the rest', async () => {
    const h = await harness();
    await h.service.run('opendata', { legislature: 17 });
    const good = await getScrutin(h.db, 'VTANR5L17V3850');
    const broken = await testSupport.buildScrutinsZip({
      numeros: (n) => n > 3795,
      edit: (n, text) => (n === 3850 ? text.replace(/"pour": "\d+"/, '"pour": "-3"') : text),
    });
    site.server.route(SCRUTINS_ZIP, testSupport.serveBody(broken, 'application/zip'));
    const s = await h.service.run('opendata', { legislature: 17 });
    expect(s.status).toBe('partial');
    expect(s.scrutins).toEqual({ inserted: 5, updated: 0, unchanged: 75 });
    expect(s.quarantined.map((q) => [q.kind, q.source])).toEqual([['record', expect.stringMatching(/Scrutins\.json\.zip!json\/VTANR5L17V3850\.json$/)]]);
    expect(s.quarantined[0]?.error).toMatch(/VTANR5L17V3850.*pour/);
    expect(readFileSync(join(h.dataDir, s.quarantined[0]?.path ?? ''), 'utf8')).toContain('"pour": "-3"');
    expect(readFileSync(join(h.dataDir, `${s.quarantined[0]?.path}.error.txt`), 'utf8')).toMatch(/pour/);
    expect(await getScrutin(h.db, 'VTANR5L17V3850')).toEqual(good);
  });

  it('imports the whole 17th legislature archive (3,876 scrutins) from the server', async () => {
    const full = await testSupport.buildScrutinsZip();
    site.server.route(SCRUTINS_ZIP, testSupport.serveBody(full, 'application/zip'));
    const h = await harness();
    const s = await h.service.run('opendata', { legislature: 17 });
    expect(s.status).toBe('ok');
    expect(s.scrutins).toEqual({ inserted: 3876, updated: 0, unchanged: 0 });
    expect(await count(h, 'scrutins')).toBe(3876);
    expect(await getScrutin(h.db, 'VTANR5L17V1')).toEqual(site.official(1));
  }, 180_000);
});
