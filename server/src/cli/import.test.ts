import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../config';
import { countScrutins } from '../db/an-store';
import { openStore } from '../db/client';

const CLI = fileURLToPath(new URL('./import.ts', import.meta.url));
const L16 = join(REPO_ROOT, 'data/opendata/scrutins/VTANR5L16-samples.ndjson.gz');

/** Runs the real CLI (tsx, like `npm run import`) in a child process, without a terminal. */
function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: REPO_ROOT, env: { ...process.env, NODE_ENV: 'test' } }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallele-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run import', () => {
  it('imports a bundle, prints the JSON summary, and exits 0; a second run reports all unchanged', async () => {
    const db = `file:${join(dir, 'a.db')}`;
    const first = await cli(['--from', L16, '--database', db, '--json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ committed: true, scrutins: { imported: 192, errors: 0 }, errors: [] });
    const second = await cli(['--from', L16, '--database', db]);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/scrutins\s+0\s+0\s+192\s+0/);
  });

  it('with --strict and a bad line: exits 1, names the line, and writes nothing', async () => {
    const bad = join(dir, 'bad.ndjson.gz');
    writeFileSync(bad, gzipSync('{"scrutin": {}}\nnot json'));
    const dbPath = join(dir, 'b.db');
    const run = await cli(['--from', L16, bad, '--database', dbPath, '--strict']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${bad}:1: scrutin.uid: missing`);
    expect(run.stdout).toContain(`${bad}:2: not JSON (`);
    expect(run.stdout).toContain('Strict mode: nothing was written, the store is unchanged.');
    const db = await openStore(dbPath);
    expect(await countScrutins(db)).toBe(0);
    await db.close();
  });

  it('exits 2 on a usage error', async () => {
    const run = await cli(['--strict']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("required option '--from <path...>' not specified");
  });
});
