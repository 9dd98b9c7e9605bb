import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncStatusResponseSchema } from '@parallele/core';
import { testSupport } from '@parallele/scrapers';
import { createApp } from '../../app';
import { buildAppDeps } from '../../boot';
import { testConfig } from '../../config';
import { silentLogger } from '../../logger';
import { startAnSite, syncHarness, type AnSite, type SyncHarness } from '../../test-support/an-site';

let site: AnSite;
let h: SyncHarness;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  site = await startAnSite({ scrutins: await testSupport.buildScrutinsZip({ numeros: (n) => n > 3850 }), amo: await testSupport.buildAmoZip() });
  h = await syncHarness(site);
  app = createApp(buildAppDeps({ config: testConfig(), logger: silentLogger(), db: h.db }, { sync: h.service }));
});
afterAll(async () => {
  await h?.cleanup();
  await site.close();
});

describe('GET /api/sync/status', () => {
  it('says the schedule is off and nothing ran on a fresh store', async () => {
    const res = await request(app).get('/api/sync/status');
    expect(res.status).toBe(200);
    expect(SyncStatusResponseSchema.parse(res.body)).toEqual({
      schedule: { enabled: false, intervalMinutes: null, legislature: null, running: false, nextRunAt: null },
      lastRuns: [],
      resume: [],
      quarantine: [],
    });
  });

  it('reports the last run of each kind, the resume point and the quarantined items', async () => {
    await h.service.run('opendata', { legislature: 17 });
    site.server.route('/dyn/17/scrutins/8430', testSupport.serveBody('<html><body><div data-id="VTANR5L17V8430"></div></body></html>', 'text/html'));
    await h.service.run('pages', { legislature: 17 });
    h.service.startSchedule(60, 17);
    try {
      const body = SyncStatusResponseSchema.parse((await request(app).get('/api/sync/status')).body);
      expect(body.schedule).toMatchObject({ enabled: true, intervalMinutes: 60, legislature: 17, running: false });
      expect(body.lastRuns.map((r) => [r.kind, r.status])).toEqual([['pages', 'partial'], ['opendata', 'ok']]);
      expect(body.lastRuns[0]?.pages.map((p) => [p.numero, p.status])).toEqual([[8430, 'quarantined'], [8433, 'inserted']]);
      expect(body.lastRuns[1]?.scrutins.inserted).toBe(26);
      expect(body.resume).toEqual([{ legislature: 17, lastNumero: 8433 }]);
      expect(body.quarantine).toHaveLength(1);
      expect(body.quarantine[0]).toMatchObject({ kind: 'page', source: `${site.url}/dyn/17/scrutins/8430` });
      expect(body.quarantine[0]?.error).toMatch(/missing sitting heading \(selector: h2\.h4\)$/);
    } finally {
      h.service.stopSchedule();
      site.reset();
    }
  });

  it('refuses a second sync while another process has one running on the same store', async () => {
    await h.db.store.run(`INSERT INTO sync_runs (kind, legislature, "trigger", status, started_at) VALUES ('pages', 17, 'manual', 'running', ?)`, [Date.now() - 60_000]);
    await expect(h.service.run('opendata', { legislature: 17 })).rejects.toMatchObject({ status: 409, detail: expect.stringMatching(/^Sync run #\d+ \(pages\) has been running since .* in another process$/) });
    await h.db.store.run(`UPDATE sync_runs SET status = 'failed' WHERE status = 'running'`);
  });
});
