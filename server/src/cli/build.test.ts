import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../config';

/*
 * `npm run build:server` (server/build.mjs) for real, into a temporary folder inside the repo (the
 * bundles resolve their packages from the root node_modules), then the compiled CLIs run as a user
 * runs them: same figures as the sources.
 */
const run = promisify(execFile);
const bundle = join(REPO_ROOT, 'data/opendata/scrutins/VTANR5L17V1-3876.ndjson.gz');
let outdir: string;

beforeAll(async () => {
  outdir = mkdtempSync(join(REPO_ROOT, 'server', 'dist-test-'));
  const { buildServer } = (await import(pathToFileURL(join(REPO_ROOT, 'server/build.mjs')).href)) as { buildServer: (o: { outdir: string; quiet: boolean }) => Promise<void> };
  await buildServer({ outdir, quiet: true });
}, 120_000);
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('the compiled build', { timeout: 120_000 }, () => {
  it('compiles the server and every command-line entry point of server/src/cli', () => {
    const clis = readdirSync(join(REPO_ROOT, 'server/src/cli')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'common.ts');
    expect(clis.length).toBeGreaterThanOrEqual(7);
    for (const cli of clis) expect(existsSync(join(outdir, 'cli', cli.replace(/\.ts$/, '.js'))), cli).toBe(true);
    expect(existsSync(join(outdir, 'main.js'))).toBe(true);
  });

  it('runs the compiled leverage CLI on the bundled 17th legislature with the figures of the sources', async () => {
    const { stdout } = await run(process.execPath, [join(outdir, 'cli/leverage.js'), '--legislature', '17', '--mode', 'added', '--ks', '1,50', '--from', bundle, '--json'], { cwd: REPO_ROOT });
    expect(JSON.parse(stdout)).toEqual({ legislature: 17, mode: 'added', scrutins: 3876, flippable: { '1': 56, '50': 2195 } });
  });

  it('runs the compiled simulate CLI (the worked example VTANR5L17V3260, K = 10, 55/35/10)', async () => {
    const { stdout } = await run(process.execPath, [join(outdir, 'cli/simulate.js'), '--scrutin', 'VTANR5L17V3260', '--k', '10', '--split', '55,35,10', '--from', bundle, '--json'], { cwd: REPO_ROOT });
    const compiled = JSON.parse(stdout) as unknown;
    const { stdout: fromSources } = await run(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'server/src/cli/simulate.ts'), '--scrutin', 'VTANR5L17V3260', '--k', '10', '--split', '55,35,10', '--from', bundle, '--json'], { cwd: REPO_ROOT });
    expect(compiled).toEqual(JSON.parse(fromSources));
  });
});
