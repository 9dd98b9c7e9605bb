/**
 * Whole-process times of the command-line tools, as a user runs them: a fresh Node process each
 * time, from start to exit. Compiled (server/dist, `npm run build`, what `npm run leverage` runs
 * when the build is current) against the TypeScript sources through tsx (what every CLI ran
 * before the build), next to the in-process figures (the same work in this process: reading the
 * data, then computing) and to Node's own start: the floor a CLI can approach is Node's start
 * plus reading the data. `npm run …` adds npm's own start (~0.3 s) to every figure.
 *
 * Leverage: K = 1..50 over the 17th legislature, from the store and from the bundled file;
 * simulate: the worked example VTANR5L17V3260 (K = 10, 55/35/10) from the store. Wall times,
 * median of 5: on a shared machine they grow with its load (compare with `node -e 0`).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SimulationQuerySchema, toSimScrutin } from '@parallele/core';
import { REPO_ROOT } from '../server/src/config';
import { openDatabase } from '../server/src/db/client';
import { importBundledDataIfEmpty } from '../server/src/import/import-service';
import { silentLogger } from '../server/src/logger';
import { leverageOf, loadLegislature, loadScrutin, readScrutinsFromSource, simulationOf } from '../server/src/modules/simulation';
import { median } from './timing';

const RUNS = 5;
const KS = Array.from({ length: 50 }, (_, i) => i + 1).join(',');
const BUNDLE = join(REPO_ROOT, 'data/opendata/scrutins/VTANR5L17V1-3876.ndjson.gz');
const s = (ms: number) => Number((ms / 1000).toFixed(2));
const msOf = (ms: number) => Number(ms.toFixed(1));

/** Median wall time (ms) of RUNS runs of `node args…`; throws on a failed run. */
function wall(args: string[], env: Record<string, string>): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: REPO_ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
    times.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  }
  return median(times);
}

async function inProcess(f: () => unknown | Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await f();
    times.push(performance.now() - t);
  }
  return median(times);
}

export async function run(): Promise<Record<string, string | number>> {
  const { buildServer } = (await import(pathToFileURL(join(REPO_ROOT, 'server/build.mjs')).href)) as { buildServer: (o?: { quiet?: boolean }) => Promise<void> };
  const buildStarted = performance.now();
  await buildServer({ quiet: true });
  const buildMs = performance.now() - buildStarted;

  const dir = mkdtempSync(join(tmpdir(), 'bench-cli-'));
  const db = openDatabase(`file:${join(dir, 'store.db')}`);
  try {
    await importBundledDataIfEmpty(db, silentLogger());
    const env = { DATABASE_URL: `file:${join(dir, 'store.db')}`, NODE_ENV: 'production', LOG_LEVEL: 'silent' };
    const tsx = (cli: string) => ['--import', 'tsx', join(REPO_ROOT, 'server/src/cli', `${cli}.ts`)];
    const compiled = (cli: string) => [join(REPO_ROOT, 'server/dist/cli', `${cli}.js`)];
    const launcher = (cli: string) => [join(REPO_ROOT, 'server/bin/run.mjs'), cli];
    const leverageStore = ['--legislature', '17', '--ks', KS, '--json'];
    const leverageBundle = [...leverageStore, '--from', BUNDLE];
    const simulate = ['--scrutin', 'VTANR5L17V3260', '--k', '10', '--split', '55,35,10', '--json'];
    const query = SimulationQuerySchema.parse({ k: '10', split: '55,35,10' });
    const ks = KS.split(',').map(Number);

    return {
      'build:server, esbuild (s)': s(buildMs),
      'node -e 0, the floor of any process (s)': s(wall(['-e', '0'], env)),
      'leverage --help, module loading only: compiled / tsx (s)': `${s(wall([...compiled('leverage'), '--help'], env))} / ${s(wall([...tsx('leverage'), '--help'], env))}`,
      'leverage K=1..50 from the store: compiled (s)': s(wall([...compiled('leverage'), ...leverageStore], env)),
      'leverage K=1..50 from the store: npm run path, server/bin/run.mjs → compiled (s)': s(wall([...launcher('leverage'), ...leverageStore], env)),
      'leverage K=1..50 from the store: tsx (s)': s(wall([...tsx('leverage'), ...leverageStore], env)),
      'leverage K=1..50 from the store: in-process, read + compute (ms)': msOf(await inProcess(async () => leverageOf(17, (await loadLegislature(db, 17)).map((x) => toSimScrutin(x)), { ks, mode: 'proportional' }))),
      'leverage K=1..50 from the bundle: compiled (s)': s(wall([...compiled('leverage'), ...leverageBundle], env)),
      'leverage K=1..50 from the bundle: tsx (s)': s(wall([...tsx('leverage'), ...leverageBundle], env)),
      'leverage K=1..50 from the bundle: in-process, read + compute (ms)': msOf(await inProcess(async () => leverageOf(17, (await readScrutinsFromSource(BUNDLE, { legislature: 17 })).map((x) => toSimScrutin(x)), { ks, mode: 'proportional' }))),
      'simulate VTANR5L17V3260 from the store: compiled (s)': s(wall([...compiled('simulate'), ...simulate], env)),
      'simulate VTANR5L17V3260 from the store: tsx (s)': s(wall([...tsx('simulate'), ...simulate], env)),
      'simulate VTANR5L17V3260 from the store: in-process, read + compute (ms)': msOf(await inProcess(async () => simulationOf(toSimScrutin((await loadScrutin(db, 'VTANR5L17V3260'))!), query))),
    };
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
