import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncStatusResponseSchema } from '@parallele/core';
import { testSupport } from '@parallele/scrapers';
import { testConfig } from '../../config';
import { OPENDATA_PREFIX, startAnSite, syncHarness, type AnSite, type SyncHarness } from '../../test-support/an-site';
import { SyncService, syncSettingsFromConfig } from './service';

/**
 * Issue 10, point 3: the scheduled sync runs in a child process with a memory limit. A zip bomb
 * is a named error of its member; a child that dies anyway is logged and reported in
 * /api/sync/status, and the server (this process) goes on.
 */
const MiB = 1024 * 1024;
let site: AnSite;
let h: SyncHarness;
beforeAll(async () => {
  const real = await testSupport.buildScrutinsZip({ numeros: (n) => n > 3870 });
  const bomb = Buffer.from(zipSync({ 'json/bomb.json': strToU8(`{"scrutin": {}${' '.repeat(64 * MiB)}}`) }, { level: 9 }));
  site = await startAnSite({ scrutins: real, amo: bomb });
  h = await syncHarness(site);
});
afterAll(async () => {
  await h?.cleanup();
  await site.close();
});

function isolatedService(memoryMb: number, timeoutMs?: number) {
  const config = testConfig({
    DATABASE_URL: h.databaseUrl, DATA_DIR: h.dataDir, SYNC_MEMORY_LIMIT_MB: String(memoryMb),
    AN_OPENDATA_BASE_URL: `${site.url}${OPENDATA_PREFIX}`, AN_SITE_BASE_URL: site.url, SCRAPER_MIN_INTERVAL_MS: '0', SCRAPER_TIMEOUT_MS: '2000',
  });
  const settings = syncSettingsFromConfig(config);
  return new SyncService(h.db, { ...settings, isolate: { ...settings.isolate!, ...(timeoutMs ? { timeoutMs } : {}) } });
}

describe('the scheduled sync in its own process', () => {
  it('imports the good archive and names the bomb member, in a child process', async () => {
    const service = isolatedService(1024);
    const [opendata] = await service.scheduledRun(17);
    expect(opendata?.archives.map((a) => [a.name, a.imported])).toEqual([
      ['AMO10_deputes_actifs_mandats_actifs_organes.json.zip', expect.any(Boolean)],
      ['Scrutins.json.zip', true],
      // the agenda archive (issue 13) is synced with the others
      ['Agenda.json.zip', true],
    ]);
    expect(JSON.stringify(opendata)).toMatch(/bomb\.json: member skipped: compression ratio above 100:1/);
    expect(((await h.db.store.get('SELECT count(*) AS n FROM scrutins')) as { n: number }).n).toBeGreaterThanOrEqual(opendata!.scrutins.inserted);
    expect(opendata!.scrutins.inserted).toBeGreaterThan(0);
    expect((await service.status()).lastScheduledFailure).toBeUndefined();
  });

  it('survives a child that dies (here: killed past its time limit), reports it in the status and unblocks the next run', async () => {
    const service = isolatedService(1024, 200);
    expect(await service.scheduledRun(17)).toEqual([]);
    const status = SyncStatusResponseSchema.parse(await service.status());
    expect(status.lastScheduledFailure).toMatchObject({ kind: 'opendata', reason: expect.stringMatching(/opendata sync process (exited|killed)/) });
    expect(((await h.db.store.get("SELECT count(*) AS n FROM sync_runs WHERE status = 'running'")) as { n: number }).n).toBe(0);
  });
});
