/**
 * The web client's two figures:
 * - the gzipped size of the JavaScript the browser loads first: the entry script of the built
 *   client/dist/index.html and its modulepreloads (pages and charts are lazy chunks, not counted);
 * - the time to recompute one full K-curve (K = 0..M) with core's simulator AS BUNDLED FOR THE
 *   BROWSER: `@parallele/core` is bundled by esbuild for a browser target (minified, tree-shaken,
 *   the code the client's chunk carries), loaded from that bundle and timed on real scrutins.
 * The client is built first when client/dist is missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { parseScrutin, type kCurve, type Scrutin, type toSimScrutin } from '@parallele/core';

const REPO = resolve(fileURLToPath(new URL('..', import.meta.url)));
const DIST = join(REPO, 'client/dist');
const BUDGET_KB = 250;

function firstLoadAssets(html: string): string[] {
  const entry = [...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
  const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1]!);
  return [...new Set([...entry, ...preloads])];
}

const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

function realScrutins(): Scrutin[] {
  const wanted = new Set(['VTANR5L16V1240', 'VTANR5L17V3260', 'VTANR5L17V519']);
  const out: Scrutin[] = [];
  for (const file of ['VTANR5L16-samples.ndjson.gz', 'VTANR5L17V1-3876.ndjson.gz']) {
    const lines = gunzipSync(readFileSync(join(REPO, 'data/opendata/scrutins', file))).toString('utf8').split('\n');
    for (const [i, line] of lines.entries()) {
      if (!line || ![...wanted].some((u) => line.includes(`"uid": "${u}"`))) continue;
      out.push(parseScrutin(JSON.parse(line), `${file}:${i + 1}`));
    }
  }
  if (out.length !== wanted.size) throw new Error(`expected ${wanted.size} bench scrutins, found ${out.length}`);
  return out;
}

interface BrowserSimulator {
  kCurve: typeof kCurve;
  toSimScrutin: typeof toSimScrutin;
}

async function bundledSimulator(dir: string): Promise<{ sim: BrowserSimulator; bytes: number; gzipped: number }> {
  const result = await build({
    stdin: { contents: "export { kCurve, toSimScrutin } from '@parallele/core';", resolveDir: join(REPO, 'client/src'), loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  const file = join(dir, 'simulator.browser.mjs');
  writeFileSync(file, code);
  return { sim: (await import(pathToFileURL(file).href)) as BrowserSimulator, bytes: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
}

export async function run(): Promise<Record<string, string | number>> {
  if (!existsSync(join(DIST, 'index.html'))) execFileSync('npm', ['run', 'build', '-w', 'client'], { cwd: REPO, stdio: 'ignore' });
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const assets = firstLoadAssets(html);
  const sizes = assets.map((a) => gz(join(DIST, a.replace(/^\//, ''))));
  const firstLoadKb = sizes.reduce((s, x) => s + x, 0) / 1024;
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => gz(join(DIST, m[1]!.replace(/^\//, ''))));

  const dir = mkdtempSync(join(tmpdir(), 'parallele-client-bench-'));
  try {
    const { sim, bytes, gzipped } = await bundledSimulator(dir);
    const figures: Record<string, string | number> = {
      'first-load JS (gzip)': `${firstLoadKb.toFixed(1)} KB in ${assets.length} files (budget ${BUDGET_KB} KB: ${firstLoadKb <= BUDGET_KB ? 'ok' : 'OVER'})`,
      'first-load CSS (gzip)': `${(css.reduce((s, x) => s + x, 0) / 1024).toFixed(1)} KB`,
      'core as bundled for the browser (whole barrel)': `${(bytes / 1024).toFixed(1)} KB, ${(gzipped / 1024).toFixed(1)} KB gzip (esbuild, browser target, minified)`,
    };
    for (const s of realScrutins()) {
      const members = s.groups.reduce((n, g) => n + g.members, 0);
      // cold: a fresh scrutin object (per-scrutin tables rebuilt), as when a page opens
      const cold: number[] = [];
      for (let i = 0; i < 30; i++) {
        const input = sim.toSimScrutin(s);
        const t0 = performance.now();
        sim.kCurve(input, { split: [50 + (i % 40), 40, 10], mode: 'proportional', from: 0, to: members });
        cold.push(performance.now() - t0);
      }
      // warm: the same scrutin, a new split each time, as while moving the split sliders
      const input = sim.toSimScrutin(s);
      const warm: number[] = [];
      for (let i = 0; i < 50; i++) sim.kCurve(input, { split: [i + 1, 50, 5], mode: 'proportional', from: 0, to: members }); // JIT warm-up
      for (let i = 0; i < 300; i++) {
        const t0 = performance.now();
        const c = sim.kCurve(input, { split: [1 + (i % 97), 1 + ((i * 7) % 89), i % 13], mode: 'proportional', from: 0, to: members });
        warm.push(performance.now() - t0);
        if (c.pour.length !== members + 1) throw new Error('curve of the wrong length');
      }
      figures[`K-curve 0..${members} ${s.uid} (${s.type})`] = `warm p50 ${percentile(warm, 0.5).toFixed(3)} ms, p95 ${percentile(warm, 0.95).toFixed(3)} ms, p99 ${percentile(warm, 0.99).toFixed(3)} ms; cold p50 ${percentile(cold, 0.5).toFixed(3)} ms (aim < 5 ms)`;
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
