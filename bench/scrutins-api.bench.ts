import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScrutinListQuerySchema } from '@parallele/core';
import { testConfig } from '../server/src/config';
import { countScrutins } from '../server/src/db/an-reads';
import { openDatabase } from '../server/src/db/client';
import { buildAppDeps } from '../server/src/boot';
import { importBundledDataIfEmpty } from '../server/src/import/import-service';
import { silentLogger } from '../server/src/logger';
import { createScrutinsService } from '../server/src/modules/scrutins/service';
import { startServer } from '../server/src/server';

/**
 * The read API on the bundled data: median latency of the list queries (text search is a full
 * scan through a folding SQL function, see modules/scrutins/repository.ts) and of the biggest
 * detail, then HTTP throughput of a search (10 concurrent keep-alive clients for 3 s).
 */
async function median(fn: () => unknown, runs = 41): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return Number(times[Math.floor(runs / 2)]!.toFixed(2));
}

export async function run(): Promise<Record<string, string | number>> {
  const dir = mkdtempSync(join(tmpdir(), 'parallele-bench-api-'));
  const db = openDatabase(`file:${join(dir, 'bench.db')}`);
  try {
    await importBundledDataIfEmpty(db, silentLogger());
    const service = createScrutinsService(db);
    const q = (query: Record<string, string>) => ScrutinListQuerySchema.parse(query);
    const figures: Record<string, string | number> = {
      scrutins: await countScrutins(db),
      'list L17 newest first (ms, median)': await median(() => service.list(q({ legislature: '17' }))),
      'list closeness sort (ms, median)': await median(() => service.list(q({ sort: 'closeness' }))),
      'list type+outcome+dates (ms, median)': await median(() => service.list(q({ type: 'SPO,SPS', outcome: 'adopte', dateFrom: '2025-01-01' }))),
      'search q=deposee (ms, median)': await median(() => service.list(q({ q: 'deposee' }))),
      'search q="motion censure article" (ms, median)': await median(() => service.list(q({ q: 'motion censure article' }))),
      'search q=amendement, 84% of rows match (ms, median)': await median(() => service.list(q({ q: 'amendement' })), 11),
      'detail VTANR5L17V1 with names (ms, median)': await median(() => service.get('VTANR5L17V1')),
    };
    const deps = buildAppDeps({ config: testConfig(), logger: silentLogger(), db });
    const server = await startServer(deps, 0, '127.0.0.1');
    try {
      const url = `${server.url}/api/scrutins?q=censure&pageSize=20`;
      const latencies: number[] = [];
      const until = performance.now() + 3000;
      await Promise.all(
        Array.from({ length: 10 }, async () => {
          while (performance.now() < until) {
            const t = performance.now();
            const res = await fetch(url);
            if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
            await res.arrayBuffer();
            latencies.push(performance.now() - t);
          }
        }),
      );
      latencies.sort((a, b) => a - b);
      figures['HTTP q=censure req/s (10 clients)'] = Math.round(latencies.length / 3);
      figures['HTTP q=censure p99 latency (ms)'] = Number(latencies[Math.floor(latencies.length * 0.99)]!.toFixed(1));
    } finally {
      await server.close();
    }
    return figures;
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
