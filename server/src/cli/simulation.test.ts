import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../config';
import { openBundledStore, type BundledStore } from '../test-support/bundled-store';

const run = promisify(execFile);
const tsx = join(REPO_ROOT, 'node_modules/.bin/tsx');
const bundle = join(REPO_ROOT, 'data/opendata/scrutins/VTANR5L17V1-3876.ndjson.gz');

let store: BundledStore;
beforeAll(async () => {
  store = await openBundledStore();
  // the CLIs open the store themselves: close ours so the file is free
  store.db.close();
});
afterAll(() => store?.cleanup());

async function cli(script: string, args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(tsx, [join(REPO_ROOT, 'server/src/cli', script), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, NODE_ENV: 'test', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run simulate', { timeout: 120_000 }, () => {
  it('prints the parallel result as JSON in the shape of the issue, from an official bundle', async () => {
    const r = await cli('simulate.ts', ['--scrutin', 'VTANR5L17V3260', '--k', '10', '--split', '55,35,10', '--from', bundle, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      uid: 'VTANR5L17V3260',
      type: 'SPO',
      k: 10,
      mode: 'proportional',
      method: 'largest-remainder',
      split: [55, 35, 10],
      official: { pour: 185, contre: 184, abstentions: 5, required: 185, outcome: 'adopté' },
      parallel: { pour: 187, contre: 183, abstentions: 6, required: 186, outcome: 'adopté' },
      flipped: false,
      tippingPoint: 2,
    });
  });

  it('reads the store (DATABASE_URL) without --from and prints a K-curve with --curve', async () => {
    const r = await cli('simulate.ts', ['--scrutin', 'VTANR5L17V2000', '--split', '55,35,10', '--curve', '99..102', '--json'], { DATABASE_URL: `file:${store.db.path}` });
    expect(r.code, r.stderr).toBe(0);
    const curve = JSON.parse(r.stdout) as { firstFlip: number; points: { k: number; outcome: string }[] };
    expect(curve.points.map((p) => [p.k, p.outcome])).toEqual([[99, 'rejeté'], [100, 'rejeté'], [101, 'adopté'], [102, 'rejeté']]);
    expect(curve.firstFlip).toBe(101);
    const human = await cli('simulate.ts', ['--scrutin', 'VTANR5L17V3058', '--k', '10', '--split', '55,35,10', '--mode', 'added'], { DATABASE_URL: `file:${store.db.path}` });
    expect(human.stdout).toMatch(/parallèle\s+277\s+0\s+0\s+294\s+rejeté/);
    expect(human.stdout).toContain('K* = 350');
  });

  it('fails with exit code 2 and a message naming the option', async () => {
    const bad = await cli('simulate.ts', ['--scrutin', 'VTANR5L17V3260', '--k', '900', '--split', '55,35,10', '--from', bundle]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: --k: K = 900 exceeds the 577 members/);
    const split = await cli('simulate.ts', ['--scrutin', 'VTANR5L17V3260', '--k', '1', '--split', '1,2', '--from', bundle]);
    expect(split.stderr).toMatch(/^error: --split:/);
    const missing = await cli('simulate.ts', ['--scrutin', 'VTANR5L17V0', '--k', '1', '--split', '1,2,3', '--from', bundle]);
    expect(missing.stderr).toMatch(/^error: --scrutin: no scrutin VTANR5L17V0/);
  });
});

describe('npm run leverage', { timeout: 120_000 }, () => {
  it('prints the leverage of the 17th legislature from the store and from a bundle', async () => {
    const fromStore = await cli('leverage.ts', ['--legislature', '17', '--json'], { DATABASE_URL: `file:${store.db.path}` });
    expect(fromStore.code, fromStore.stderr).toBe(0);
    expect(JSON.parse(fromStore.stdout)).toEqual({ legislature: 17, mode: 'proportional', scrutins: 3876, flippable: { '1': 55, '2': 106, '5': 286, '10': 518, '20': 976, '50': 2331 } });
    const fromBundle = await cli('leverage.ts', ['--legislature', '17', '--mode', 'added', '--ks', '1,50', '--from', bundle, '--json']);
    expect(JSON.parse(fromBundle.stdout)).toEqual({ legislature: 17, mode: 'added', scrutins: 3876, flippable: { '1': 56, '50': 2195 } });
    const bad = await cli('leverage.ts', ['--legislature', '17', '--ks', '0', '--from', bundle]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: --ks:/);
  });

  it('takes more K values than the API’s cap of 50 (K = 1..60), the same figures for the shared ones', async () => {
    const ks = Array.from({ length: 60 }, (_, i) => i + 1);
    const r = await cli('leverage.ts', ['--legislature', '17', '--ks', ks.join(','), '--from', bundle, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const { flippable } = JSON.parse(r.stdout) as { flippable: Record<string, number> };
    expect(Object.keys(flippable)).toHaveLength(60);
    expect(flippable).toMatchObject({ '1': 55, '2': 106, '5': 286, '10': 518, '20': 976, '50': 2331 });
    expect(flippable['60']).toBeGreaterThanOrEqual(flippable['50']!);
  });
});
