/**
 * The scrapers' own costs, without the politeness waits (a real run spends its time sleeping 1 s
 * between requests): parsing the real /dyn page 8433 and the old www2 page 1212, and a full
 * `scrape opendata` of the 17th legislature (3,876 scrutins) from a local HTTP server into a
 * fresh store, then the conditional re-run that finds nothing changed.
 */
import { parseScrutinPage, testSupport } from '@parallele/scrapers';
import { startAnSite, syncHarness } from '../server/src/test-support/an-site';

function perPage(html: string, options: Parameters<typeof parseScrutinPage>[1], n: number): number {
  parseScrutinPage(html, options);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) parseScrutinPage(html, options);
  return (performance.now() - t0) / n;
}

export async function run(): Promise<Record<string, string | number>> {
  const deputies = testSupport.knownDeputies();
  const dyn = perPage(testSupport.fixture('dyn-17-scrutins-8433.html'), { page: '8433', deputies }, 30);
  const www2 = perPage(testSupport.fixture('www2-scrutins-detail-legislature-14-num-1212.html'), { page: '1212', deputies }, 30);

  const site = await startAnSite({ scrutins: await testSupport.buildScrutinsZip(), amo: await testSupport.buildAmoZip() });
  const h = await syncHarness(site, { minIntervalMs: 0 });
  try {
    const t0 = performance.now();
    const first = await h.service.run('opendata', { legislature: 17 });
    const full = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    const again = await h.service.run('opendata', { legislature: 17 });
    const rerun = (performance.now() - t1) / 1000;
    if (first.scrutins.inserted !== 3876 || again.archives.some((a) => a.status !== 'unchanged')) throw new Error('unexpected sync result');
    return {
      'parse /dyn page 8433 (ms)': dyn.toFixed(1),
      'parse www2 page 1212 with name matching (ms)': www2.toFixed(1),
      'opendata L17 full sync, empty store (s)': full.toFixed(1),
      'opendata L17 re-run, archives unchanged (s)': rerun.toFixed(2),
    };
  } finally {
    await h.cleanup();
    await site.close();
  }
}
