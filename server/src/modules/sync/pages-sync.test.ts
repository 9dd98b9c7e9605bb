import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Position } from '@parallele/core';
import { testSupport } from '@parallele/scrapers';
import { getScrutin } from '../../db/an-store';
import { SCRUTINS_ZIP, startAnSite, syncHarness, type AnSite, type SyncHarness } from '../../test-support/an-site';
import { getResumePoint } from './repository';

/**
 * `scrape pages` against a real HTTP server: the real 8430/8433 (/dyn) and 1212 (www2) pages,
 * list pages generated from real scrutins, the store first filled by `scrape opendata`.
 */

let site: AnSite;
let upTo3875: Buffer;
const harnesses: SyncHarness[] = [];

beforeAll(async () => {
  upTo3875 = await testSupport.buildScrutinsZip({ numeros: (n) => n > 3800 && n < 3876 });
  site = await startAnSite({ scrutins: await testSupport.buildScrutinsZip({ numeros: (n) => n > 3800 }), amo: await testSupport.buildAmoZip() });
});
afterAll(() => site.close());
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.cleanup();
  site.reset();
});

/** A fresh store holding the open data (3801–3876 and the L17 acteurs), as after `scrape opendata`. */
async function withOpenData(): Promise<SyncHarness> {
  const h = await syncHarness(site);
  harnesses.push(h);
  const s = await h.service.run('opendata', { legislature: 17 });
  expect(s.status).toBe('ok');
  return h;
}

const origin = async (h: SyncHarness, uid: string) => (await h.db.store.get<{ origin: string }>('SELECT origin FROM scrutins WHERE uid = ?', [uid]))?.origin ?? null;
const positions = async (h: SyncHarness, uid: string) => {
  const s = await getScrutin(h.db, uid);
  const n = (p: Position) => s?.deputies.filter((d) => d.position === p).length;
  return [n('pour'), n('contre'), n('abstention'), n('nonVotant')];
};
const html = (name: string) => testSupport.fixture(name);

describe('scrape pages', () => {
  it('stores the scrutins newer than the open data, vote for vote, as page-scraped', async () => {
    const h = await withOpenData();
    const before = site.server.requests.length;
    const starts: number[] = [];
    h.service.client.onEvent = (e) => void (e.type === 'request' && starts.push(h.clock.now()));
    const s = await h.service.run('pages', { legislature: 17 });
    expect(s.status).toBe('ok');
    expect(s.resumedFrom).toBe(3876);
    expect(s.discovered).toEqual([8430, 8433]);
    expect(s.pages.map((p) => [p.numero, p.status])).toEqual([[8430, 'inserted'], [8433, 'inserted']]);
    expect((await getScrutin(h.db, 'VTANR5L17V8433'))?.totals).toEqual({ pour: 351, contre: 179, abstentions: 7, nonVotants: 2, votants: 537, exprimes: 530, requis: 266 });
    expect(await positions(h, 'VTANR5L17V8433')).toEqual([351, 179, 7, 2]);
    expect(await positions(h, 'VTANR5L17V8430')).toEqual([378, 7, 173, 1]);
    expect(await origin(h, 'VTANR5L17V8433')).toBe('page');
    expect(await getResumePoint(h.db, 17)).toBe(8433);
    // The list stops at the first known numero: page 2 is never asked for.
    const paths = site.server.requests.slice(before).map((r) => r.path);
    expect(paths).toEqual(['/dyn/17/scrutins?page=1', '/dyn/17/scrutins/8430', '/dyn/17/scrutins/8433']);
    // One request per second (on the recording clock: the waits are skipped, not the spacing).
    expect(starts).toHaveLength(3);
    expect(starts.slice(1).map((t, i) => t - (starts[i] ?? 0)).every((gap) => gap >= 1000)).toBe(true);
    expect(existsSync(join(h.dataDir, 'raw/pages/L17', s.startedAt.slice(0, 10), 'scrutin-8433.html'))).toBe(true);
    // Deputies elected after the acteurs snapshot: kept under their page id, and reported.
    const unknown = s.unmatched.filter((u) => u.scrutinUid === 'VTANR5L17V8433');
    expect(unknown.length).toBeGreaterThan(0);
    expect(unknown.every((u) => u.reason === 'unknown-acteur')).toBe(true);
  });

  it('finds nothing to do on a second run', async () => {
    const h = await withOpenData();
    await h.service.run('pages', { legislature: 17 });
    const s = await h.service.run('pages', { legislature: 17 });
    expect(s).toMatchObject({ status: 'ok', resumedFrom: 8433, discovered: [], pages: [] });
  });

  it('lets the open data replace a page-scraped scrutin, and never the reverse', async () => {
    const h = await syncHarness(site);
    harnesses.push(h);
    site.server.route(SCRUTINS_ZIP, testSupport.serveBody(upTo3875, 'application/zip'));
    await h.service.run('opendata', { legislature: 17 });
    // 3876 is not in that export yet: its page (generated from the official record) is scraped.
    const pages = await h.service.run('pages', { legislature: 17 });
    expect(pages.pages.map((p) => [p.numero, p.status])).toEqual([[3876, 'inserted'], [8430, 'inserted'], [8433, 'inserted']]);
    expect(await origin(h, 'VTANR5L17V3876')).toBe('page');
    const scraped = await getScrutin(h.db, 'VTANR5L17V3876');
    expect(scraped?.totals).toEqual({ ...site.official(3876).totals });
    expect(scraped?.seanceRef).toBeNull();
    // The next export has it: the official record replaces the page version.
    site.reset();
    const od = await h.service.run('opendata', { legislature: 17 });
    expect(od.scrutins).toMatchObject({ inserted: 0, updated: 1 });
    expect(await origin(h, 'VTANR5L17V3876')).toBe('opendata');
    expect(await getScrutin(h.db, 'VTANR5L17V3876')).toEqual(site.official(3876));
    // Re-scraping its page later leaves the official version alone.
    const again = await h.service.run('pages', { legislature: 17, from: 3876 });
    expect(again.pages.find((p) => p.numero === 3876)?.status).toBe('kept-opendata');
    expect(await getScrutin(h.db, 'VTANR5L17V3876')).toEqual(site.official(3876));
  });

  it('quarantines a page whose layout changed, stores nothing of it, and goes on', async () => {
    const h = await withOpenData();
    const changed = html('dyn-17-scrutins-8430.html').replaceAll('simple-tree-list', 'group-list');
    site.server.route('/dyn/17/scrutins/8430', testSupport.serveBody(changed, 'text/html'));
    const s = await h.service.run('pages', { legislature: 17 });
    expect(s.status).toBe('partial');
    expect(s.pages.map((p) => [p.numero, p.status])).toEqual([[8430, 'quarantined'], [8433, 'inserted']]);
    expect(s.quarantined).toHaveLength(1);
    const q = s.quarantined[0];
    expect(q).toMatchObject({ kind: 'page', source: `${site.url}/dyn/17/scrutins/8430` });
    expect(q?.error).toBe(`${site.url}/dyn/17/scrutins/8430: no group blocks (selector: ul.simple-tree-list[id^="groupe"] > li[data-organe-id])`);
    expect(readFileSync(join(h.dataDir, q?.path ?? ''), 'utf8')).toBe(changed);
    expect(await origin(h, 'VTANR5L17V8430')).toBeNull();
    expect((await h.service.status()).quarantine[0]).toEqual(q);
  });

  it('stores an old-layout page by name matching and reports every name that matches no acteur', async () => {
    const h = await withOpenData();
    const s = await h.service.run('pages', { legislature: 14 });
    expect(s.status).toBe('ok');
    expect(s.pages.map((p) => [p.numero, p.status])).toEqual([[1212, 'inserted']]);
    const stored = await getScrutin(h.db, 'VTANR5L14V1212');
    expect(stored?.totals).toEqual({ pour: 356, contre: 1, abstentions: 187, nonVotants: 2, votants: 544, exprimes: 357, requis: 179 });
    expect(stored?.groups.map((g) => [g.members, g.pour, g.contre, g.abstentions, g.nonVotants])).toEqual([
      [287, 272, 0, 0, 2], [197, 4, 1, 184, 0], [29, 28, 0, 0, 0], [18, 16, 0, 0, 0], [18, 18, 0, 0, 0], [15, 15, 0, 0, 0], [11, 3, 0, 3, 0],
    ]);
    // Every listed name is either a stored vote or a reported one: none dropped.
    expect((stored?.deputies.length ?? 0) + s.unmatched.length).toBe(546);
    expect(s.unmatched).toContainEqual({ scrutinUid: 'VTANR5L14V1212', name: 'Claude Bartolone', group: 'Groupe socialiste, républicain et citoyen', position: 'nonVotant', reason: 'no-match' });
    expect(s.pages[0]?.detail).toMatch(/name\(s\) not matched to an acteur/);
  });

  it('retries a page answered 500, then stores it', async () => {
    const h = await withOpenData();
    let calls = 0;
    const real = testSupport.serveBody(html('dyn-17-scrutins-8430.html'), 'text/html');
    site.server.route('/dyn/17/scrutins/8430', (req, res, hit) => (++calls === 1 ? void res.writeHead(500).end() : real(req, res, hit)));
    const s = await h.service.run('pages', { legislature: 17 });
    expect(s.status).toBe('ok');
    expect(calls).toBe(2);
    expect(await positions(h, 'VTANR5L17V8430')).toEqual([378, 7, 173, 1]);
  });

  it('stops at a page that stays unreachable, and the next run resumes there', async () => {
    const h = await withOpenData();
    site.server.route('/dyn/17/scrutins/8433', (_req, res) => void res.writeHead(503).end());
    const first = await h.service.run('pages', { legislature: 17 });
    expect(first.status).toBe('partial');
    expect(first.pages.map((p) => [p.numero, p.status])).toEqual([[8430, 'inserted'], [8433, 'failed']]);
    expect(first.errors[0]).toBe(`${site.url}/dyn/17/scrutins/8433: ${site.url}/dyn/17/scrutins/8433: HTTP 503 (gave up after 3 attempts); stopped, the next run resumes after 8430`);
    expect(await getResumePoint(h.db, 17)).toBe(8430);
    expect(await origin(h, 'VTANR5L17V8433')).toBeNull();
    site.reset();
    const second = await h.service.run('pages', { legislature: 17 });
    expect(second).toMatchObject({ status: 'ok', resumedFrom: 8430, discovered: [8433] });
    expect(await positions(h, 'VTANR5L17V8433')).toEqual([351, 179, 7, 2]);
  });

  it('stops cleanly when interrupted between two pages, and the next run continues', async () => {
    const h = await withOpenData();
    const abort = new AbortController();
    const first = await h.service.run('pages', {
      legislature: 17,
      signal: abort.signal,
      progress: (e) => e.type === 'item' && e.status === 'inserted' && abort.abort(),
    });
    expect(first.pages.map((p) => p.numero)).toEqual([8430]);
    expect(first.errors).toEqual(['interrupted before scrutin 8433; the next run resumes after 8430']);
    expect(await getResumePoint(h.db, 17)).toBe(8430);
    const second = await h.service.run('pages', { legislature: 17 });
    expect(second.pages.map((p) => [p.numero, p.status])).toEqual([[8433, 'inserted']]);
  });

  it('quarantines a list page whose layout changed, and stores nothing', async () => {
    const h = await withOpenData();
    site.server.route('/dyn/17/scrutins?page=1', testSupport.serveBody('<html><body><div class="new-list"></div></body></html>', 'text/html'));
    const s = await h.service.run('pages', { legislature: 17 });
    expect(s.status).toBe('failed');
    expect(s.quarantined.map((q) => q.kind)).toEqual(['list']);
    expect(s.errors[0]).toMatch(/no scrutin link on the list page/);
    expect(await h.db.store.get(`SELECT count(*) AS n FROM scrutins WHERE origin = 'page'`)).toEqual({ n: 0 });
  });

  it('does not crawl what robots.txt disallows', async () => {
    const h = await syncHarness(site);
    harnesses.push(h);
    site.server.route('/robots.txt', (_req, res) => void res.writeHead(200).end('User-agent: MaVoix-Parallele\nDisallow: /dyn/\n'));
    const before = site.server.requests.length;
    const s = await h.service.run('pages', { legislature: 17 });
    expect(s.status).toBe('failed');
    expect(s.errors[0]).toMatch(/disallowed by .*robots\.txt for MaVoix-Parallele/);
    expect(site.server.requests.slice(before).map((r) => r.path)).toEqual(['/robots.txt']);
  });

  it('runs open data then pages on the schedule, marked as scheduled runs', async () => {
    const h = await syncHarness(site);
    harnesses.push(h);
    const runs = await h.service.scheduledRun(17);
    expect(runs.map((r) => [r.kind, r.trigger, r.status])).toEqual([['opendata', 'schedule', 'ok'], ['pages', 'schedule', 'ok']]);
    expect(runs[1]?.discovered).toEqual([8430, 8433]);
    expect((await h.service.status()).lastRuns.map((r) => r.kind)).toEqual(['pages', 'opendata']);
  });
});
