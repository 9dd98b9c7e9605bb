import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseScrutin, type Scrutin } from '@parallele/core';
import { parseScrutinPage, testSupport, type PoliteClientOptions } from '@parallele/scrapers';
import type { Db } from '../db/client';
import { SyncService } from '../modules/sync/service';
import { openTestStore } from './store';

/**
 * A stand-in for the Assemblée nationale on port 0, serving REAL material: the 17th legislature's
 * open data as official-layout zips (built from the bundled ndjson.gz), the real saved pages
 * (8430, 8433, and the old-layout 1212), a generated /dyn page of the official scrutin 3876, and
 * generated list pages whose entries are real scrutins. Never the live site.
 */

export const OPENDATA_PREFIX = '/repo';
export const SCRUTINS_ZIP = `${OPENDATA_PREFIX}/17/loi/scrutins/Scrutins.json.zip`;
export const AMO_ZIP = `${OPENDATA_PREFIX}/17/amo/deputes_actifs_mandats_actifs_organes/AMO10_deputes_actifs_mandats_actifs_organes.json.zip`;
export const AGENDA_ZIP = `${OPENDATA_PREFIX}/17/vp/reunions/Agenda.json.zip`;
export const OLD_1212 = '/scrutins/detail/(legislature)/14/(num)/1212';

export interface AnSite {
  url: string;
  server: testSupport.TestServer;
  /** Official L17 scrutins parsed by core, by numero (1…3876). */
  official: (numero: number) => Scrutin;
  /** Put every route back as served at start (after a test replaced one with a fault). */
  reset(): void;
  close(): Promise<void>;
}

const { fixture, startTestServer, serveBody, robotsAllowAll, renderListPage, renderDynScrutinPage, l17ScrutinLines, knownDeputies, knownGroups } = testSupport;

let lines: string[] | null = null;
const l17 = () => (lines ??= l17ScrutinLines());
const officialCache = new Map<number, Scrutin>();
export function officialScrutin(numero: number): Scrutin {
  let s = officialCache.get(numero);
  if (!s) {
    s = parseScrutin(JSON.parse(l17()[numero - 1] ?? 'null'), `VTANR5L17V1-3876.ndjson.gz:${numero}`);
    officialCache.set(numero, s);
  }
  return s;
}

export function generatedPage(numero: number): string {
  const names = new Map(knownDeputies().map((d) => [d.ref as string, `${d.firstName} ${d.lastName}`]));
  const groups = new Map(knownGroups(17).map((g) => [g.ref as string, g.name]));
  return renderDynScrutinPage(officialScrutin(numero), {
    deputy: (ref) => names.get(ref) ?? `Député ${ref}`,
    group: (ref) => ({ name: groups.get(ref) ?? ref, abbreviation: ref }),
  });
}

const entry = (s: Scrutin) => ({ legislature: s.legislature, numero: s.numero, date: s.date, titre: s.titre, outcome: s.outcome });

export async function startAnSite(archives: { scrutins: Buffer; amo: Buffer; agenda?: Buffer }): Promise<AnSite> {
  const agenda = archives.agenda ?? (await testSupport.buildAgendaZip());
  const page8433 = fixture('dyn-17-scrutins-8433.html');
  const page8430 = fixture('dyn-17-scrutins-8430.html');
  const recent = [page8433, page8430].map((html) => parseScrutinPage(html, { page: 'fixture' }).scrutin);
  const older = Array.from({ length: 31 }, (_, i) => officialScrutin(3876 - i));
  const listed = [...recent, ...older].map(entry);
  const routes: Record<string, testSupport.Handler> = {
    '/robots.txt': robotsAllowAll,
    [SCRUTINS_ZIP]: serveBody(archives.scrutins, 'application/zip'),
    [AMO_ZIP]: serveBody(archives.amo, 'application/zip'),
    [AGENDA_ZIP]: serveBody(agenda, 'application/zip'),
    '/dyn/17/scrutins?page=1': serveBody(renderListPage(listed.slice(0, 20), { legislature: 17, page: 1, nextPage: 2 }), 'text/html'),
    '/dyn/17/scrutins?page=2': serveBody(renderListPage(listed.slice(20), { legislature: 17, page: 2, nextPage: null }), 'text/html'),
    '/dyn/17/scrutins/8433': serveBody(page8433, 'text/html; charset=utf-8'),
    '/dyn/17/scrutins/8430': serveBody(page8430, 'text/html; charset=utf-8'),
    '/dyn/17/scrutins/3876': serveBody(generatedPage(3876), 'text/html; charset=utf-8'),
    '/dyn/14/scrutins?page=1': serveBody(
      renderListPage([], { legislature: 14, page: 1, nextPage: null }).replace('</ul>', `<li><a href="${OLD_1212}">Scrutin n°1212</a></li></ul>`),
      'text/html',
    ),
    [OLD_1212]: serveBody(fixture('www2-scrutins-detail-legislature-14-num-1212.html'), 'text/html; charset=utf-8'),
  };
  const server = await startTestServer(routes);
  return {
    url: server.url,
    server,
    official: officialScrutin,
    reset: () => {
      for (const [path, handler] of Object.entries(routes)) server.route(path, handler);
    },
    close: () => server.close(),
  };
}

/** A real store (SQLite in a temp dir, or PostgreSQL: see store.ts) and data folder, and a sync service pointed at the site. */
export interface SyncHarness {
  db: Db;
  /** the store's DATABASE_URL, for another process */
  databaseUrl: string;
  dataDir: string;
  service: SyncService;
  clock: ReturnType<typeof testSupport.recordingClock>;
  cleanup(): Promise<void>;
}

export async function syncHarness(site: AnSite, client: PoliteClientOptions = {}): Promise<SyncHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'parallele-sync-'));
  const store = await openTestStore(join(dir, 'store.db'));
  const { db } = store;
  const dataDir = join(dir, 'data');
  const clock = testSupport.recordingClock();
  const service = new SyncService(db, {
    dataDir,
    opendataBaseUrl: `${site.url}${OPENDATA_PREFIX}`,
    siteBaseUrl: site.url,
    // The default politeness (1 request/s) is kept and checked: the clock records the waits instead of sleeping.
    client: { clock, backoffBaseMs: 10, timeoutMs: 400, retries: 2, random: () => 1, ...client },
  });
  return {
    db,
    databaseUrl: store.url,
    dataDir,
    service,
    clock,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
