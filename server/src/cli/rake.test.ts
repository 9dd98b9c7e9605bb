import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../config';

/* `npm run rake` as a user runs it (node server/bin/run.mjs rake); the command's cases are in modules/reweighting/rake-command.test.ts. */
const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'rake-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
/** 40 women (30 pour, 10 contre) and 20 men (5 pour, 15 contre): raked to 50/50, pour = ½·¾ + ½·¼ = ½. */
const handCsv = file('hand.csv', ['choice,sex', ...Array(30).fill('pour,F'), ...Array(10).fill('contre,F'), ...Array(5).fill('pour,H'), ...Array(15).fill('contre,H')].join('\n'));
const halfHalf = file('half.json', '{\n  "sex": { "F": 0.5, "H": 0.5 }\n}\n');
const rake = (args: string[]) => run(process.execPath, [join(REPO_ROOT, 'server/bin/run.mjs'), 'rake', ...args], { cwd: REPO_ROOT });

describe('server/src/cli/rake.ts (the npm script entry point)', () => {
  it('prints to stdout and exits with the command code', { timeout: 60_000 }, async () => {
    const { stdout } = await rake(['--sample', handCsv, '--margins', halfHalf, '--json']);
    expect((JSON.parse(stdout) as { raked: Record<string, { share: number }> }).raked.pour!.share).toBeCloseTo(0.5, 12);
    await expect(rake(['--sample', 'nope.csv'])).rejects.toMatchObject({ code: 2 });
  });
});
