import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../config';

/** The issue 15 command lines, run as a user runs them (tsx, a store of their own). */
const run = promisify(execFile);
const tsx = join(REPO_ROOT, 'node_modules/.bin/tsx');
let dir: string;
let env: Record<string, string>;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallele-assemblies-cli-'));
  env = { ...process.env, NODE_ENV: 'test', DATABASE_URL: `file:${join(dir, 'store.db')}` } as Record<string, string>;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(script: string, args: string[]) {
  try {
    const { stdout, stderr } = await run(tsx, [join(REPO_ROOT, script), ...args], { cwd: REPO_ROOT, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('issue 15 command lines', { timeout: 180_000 }, () => {
  it('npm run leverage -- --assembly ep --legislature 10 --ks 1,5,10,20,40 --json (from the EP files)', async () => {
    const r = await cli('server/src/cli/leverage.ts', ['--assembly', 'ep', '--legislature', '10', '--ks', '1,5,10,20,40', '--from', 'data/ep', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { legislature: number; scrutins: number; flippable: Record<string, number> };
    expect(out).toMatchObject({ legislature: 10, mode: 'proportional', scrutins: 293 });
    expect(Object.keys(out.flippable)).toEqual(['1', '5', '10', '20', '40']);
  });

  it('npm run simulate -- --election president-an-2024 --round 3 --k 20 --split 0,1,0,0 --json', async () => {
    const r = await cli('server/src/cli/simulate.ts', ['--election', 'president-an-2024', '--round', '3', '--k', '20', '--split', '0,1,0,0', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ round: 3, k: 20, splitSource: 'given', verdict: 'other-winner', parallel: { votes: [212, 220, 136, 1], winner: 1 } });
    const bad = await cli('server/src/cli/simulate.ts', ['--election', 'president-an-2024', '--round', '3', '--k', '20', '--split', '1,2']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/split: one weight per candidate \(4\)/);
  });

  it('npm run council -- import names every bad field and writes the example council', async () => {
    const ok = await cli('server/src/cli/council.ts', ['import', '--file', 'data/councils/bourg-fictif.yaml', '--deliberations', 'data/councils/bourg-fictif-deliberations.csv', '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ council: 'bourg-fictif', fictional: true, deliberations: { imported: 5 } });
    const bad = await cli('server/src/cli/council.ts', ['import', '--file', 'data/councils/bourg-fictif-deliberations.csv']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Nothing was written/);
  });
});
