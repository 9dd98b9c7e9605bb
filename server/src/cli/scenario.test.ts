import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScenarioResultSchema } from '@parallele/core';
import { loadBundledData } from '@parallele/scenarios';
import { REPO_ROOT, testConfig } from '../config';
import { upsertScrutins } from '../db/an-store';
import { openStore } from '../db/client';
import { silentLogger } from '../logger';
import { buildAppDeps } from '../boot';
import { registerVerified, TEST_ENV } from '../test-support/citizens';

/*
 * `npm run scenario` (this folder's scenario.ts) as a user runs it: a separate process, the store given
 * by --database, the platform scenario's figures read from the votes in that store.
 */
const run = promisify(execFile);
const FILE = join(REPO_ROOT, 'scenarios/plateforme-censures-l17.yaml');
let dir: string;

function scenario(args: string[], env: Record<string, string | undefined> = {}) {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  return run(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'server/src/cli/scenario.ts'), ...args], { cwd: REPO_ROOT, env: { ...rest, ...env } }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'scenario-cli-'));
  // a store with the real Barnier censure motion and 3 pour / 1 contre from verified citizens
  const db = await openStore(`file:${join(dir, 'store.db')}`);
  await upsertScrutins(db, loadBundledData().scrutins.filter((s) => s.uid === 'VTANR5L17V519'));
  const citizens = buildAppDeps({ config: testConfig({ MAILBOX_DIR: join(dir, 'mailbox'), ...TEST_ENV }), logger: silentLogger(), db });
  for (const [i, choice] of (['pour', 'contre', 'pour', 'pour'] as const).entries()) {
    const { citizen } = await registerVerified(citizens, join(dir, 'mailbox'), `c${i}@example.org`, `198.51.${i}.7`);
    await citizens.votes.castVote(citizen, 'VTANR5L17V519', choice, `198.51.${i}.7`);
  }
  await citizens.close();
  await db.close();
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run scenario with a platform scenario', () => {
  it('reads the tallies of the store given by --database', async () => {
    const r = await scenario([FILE, '--database', `file:${join(dir, 'store.db')}`, '--json', '--out', join(dir, 'out')]);
    expect(r.code, r.stderr).toBe(0);
    const result = ScenarioResultSchema.parse(JSON.parse(r.stdout));
    const row = result.rows.find((x) => x.uid === 'VTANR5L17V519')!;
    expect(row.platform).toEqual({ votes: { pour: 3, contre: 1, abstention: 0 }, total: 4, used: 'platform' });
    expect(result.split.platform).toMatchObject({ scrutinsWithVotes: 1, scrutinsWithoutVotes: 11, votes: 4 });
  }, 60_000);

  it('takes DATABASE_URL when --database is not given', async () => {
    const r = await scenario([FILE, '--json', '--out', join(dir, 'out')], { DATABASE_URL: `file:${join(dir, 'store.db')}` });
    expect(r.code, r.stderr).toBe(0);
    expect(ScenarioResultSchema.parse(JSON.parse(r.stdout)).split.platform?.votes).toBe(4);
  }, 60_000);

  it('without a store, fails with a message saying to pass --database', async () => {
    const r = await scenario([FILE, '--out', join(dir, 'out')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("split.source platform needs the citizens' votes, which live in the server's store: pass --database file:");
  }, 60_000);
});
