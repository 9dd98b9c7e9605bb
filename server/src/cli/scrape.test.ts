import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncRunSummarySchema } from '@parallele/core';
import { testSupport } from '@parallele/scrapers';
import { REPO_ROOT } from '../config';
import { openStore } from '../db/client';
import { OPENDATA_PREFIX, startAnSite, type AnSite } from '../test-support/an-site';

/** `npm run scrape -- …` end to end: the real CLI process, a real store file, the local AN site. */

const run = promisify(execFile);
let site: AnSite;
let dir: string;

beforeAll(async () => {
  site = await startAnSite({ scrutins: await testSupport.buildScrutinsZip({ numeros: (n) => n > 3850 }), amo: await testSupport.buildAmoZip() });
  dir = mkdtempSync(join(tmpdir(), 'parallele-cli-'));
});
afterAll(async () => {
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

const scrape = (...args: string[]) =>
  run(join(REPO_ROOT, 'node_modules/.bin/tsx'), [join(REPO_ROOT, 'server/src/cli/scrape.ts'), ...args,
    '--database', `file:${join(dir, 'store.db')}`, '--data-dir', join(dir, 'data'), '--interval', '0'], { cwd: REPO_ROOT, env: { ...process.env, NODE_ENV: 'test' } })
    .then((r) => ({ ...r, code: 0 }))
    .catch((e: { stdout: string; stderr: string; code: number }) => e);

describe('npm run scrape', () => {
  it('brings an empty store up to date: opendata, then pages, with a --json summary', async () => {
    const od = await scrape('opendata', '--legislature', '17', '--json', '--base-url', `${site.url}${OPENDATA_PREFIX}`);
    expect(od.code).toBe(0);
    const odSummary = SyncRunSummarySchema.parse(JSON.parse(od.stdout));
    expect(odSummary).toMatchObject({ kind: 'opendata', status: 'ok', scrutins: { inserted: 26 } });
    // Not a terminal: one line per item, on stderr since stdout carries the JSON.
    expect(od.stderr).toContain('Scrutins.json.zip: downloaded');

    const pages = await scrape('pages', '--legislature', '17', '--base-url', site.url);
    expect(pages.code).toBe(0);
    expect(pages.stdout).toContain('n°8430: inserted');
    expect(pages.stdout).toContain('n°8433: inserted');
    expect(pages.stdout).toContain('pages sync of L17: ok');
    const db = await openStore(`file:${join(dir, 'store.db')}`);
    try {
      expect(await db.store.all(`SELECT origin, count(*) AS n FROM scrutins GROUP BY origin ORDER BY origin`)).toEqual([
        { origin: 'opendata', n: 26 },
        { origin: 'page', n: 2 },
      ]);
    } finally {
      await db.close();
    }
  });

  it('rejects a bad option with a message naming it', async () => {
    const bad = await scrape('pages', '--legislature', 'dix-sept');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--legislature must be a positive integer, got "dix-sept"');
  });
});
