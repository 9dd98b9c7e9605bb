import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { REPO_ROOT } from '../../config';
import { createVerifiedCitizen, startCitizensTestServer, type CitizensTestServer } from '../../test-support/citizens';
import { verifyPublished, verifyStore } from './verify-log';

const run = promisify(execFile);
const cli = (args: string[]) =>
  run(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'server/src/cli/verify-log.ts'), ...args], { cwd: REPO_ROOT }).then(
    (r) => ({ code: 0, out: r.stdout }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );

let t: CitizensTestServer;
const receipts: string[] = [];
beforeAll(async () => {
  t = await startCitizensTestServer({ scrutins: 2 });
  const [a, b] = t.scrutinUids as [string, string];
  for (let i = 0; i < 12; i++) {
    const { citizen } = await createVerifiedCitizen(t, `verify${i}@example.org`, `192.0.2.${i + 1}`);
    receipts.push((await t.citizens.votes.castVote(citizen, a, i % 3 === 0 ? 'contre' : 'pour', null)).vote.receipt);
    await t.citizens.votes.castVote(citizen, b, 'abstention', null);
  }
});
afterAll(async () => t.close());

describe('npm run verify-log', () => {
  it('verifies every chain of the store and recomputes the served tallies', async () => {
    const checks = await verifyStore(`file:${join(t.dir, 'test.db')}`, { receipts: receipts.slice(0, 2) });
    expect(checks.map((c) => [c.scrutinUid, c.ok, c.tally.total])).toEqual([
      [t.scrutinUids[0], true, 12],
      [t.scrutinUids[1], true, 12],
    ].sort());
    expect(checks.find((c) => c.scrutinUid === t.scrutinUids[0])!.tally).toEqual({ pour: 8, contre: 4, abstention: 0, total: 12 });
    const { code, out } = await cli(['--db', `file:${join(t.dir, 'test.db')}`, '--scrutin', t.scrutinUids[0]!, '--receipt', receipts[0]!]);
    expect(out).toMatch(/^OK {2}.*pour 8 · contre 4 · abstention 0 \(12 voters\)/m);
    expect(out).toMatch(/found, current vote/);
    expect(code).toBe(0);
  });

  it('checks a log fetched from the API, and fails on a tampered copy', async () => {
    const uid = t.scrutinUids[0]!;
    const url = `${t.url}/api/scrutins/${uid}/log`;
    const fromApi = await verifyPublished(url, [receipts[3]!]);
    expect(fromApi).toMatchObject({ ok: true, length: 12, receipts: [{ found: true, superseded: false }] });
    const published = (await (await fetch(url)).json()) as { entries: { choice: string }[] };
    const file = join(t.dir, 'log.json');
    writeFileSync(file, JSON.stringify(published));
    expect((await cli(['--from', file, '--receipt', receipts[5]!])).code).toBe(0);
    published.entries[4]!.choice = published.entries[4]!.choice === 'pour' ? 'contre' : 'pour';
    writeFileSync(file, JSON.stringify(published));
    const tampered = await cli(['--from', file, '--json']);
    expect(tampered.code).toBe(1);
    expect(JSON.parse(tampered.out).scrutins[0].problems[0]).toMatchObject({ seq: 5 });
    writeFileSync(file, '{"format": "something else"}');
    const wrong = await cli(['--from', file]);
    expect([wrong.code, wrong.out]).toEqual([2, expect.stringMatching(/not a scrutin log at format/)]);
  });

  it('refuses to rewrite the log in the store, and catches a rewrite done behind its back', async () => {
    const path = join(t.dir, 'test.db');
    const sqlite = new Database(path);
    expect(() => sqlite.prepare("UPDATE vote_log SET choice = 'contre' WHERE seq = 2").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('DELETE FROM vote_log WHERE seq = 2').run()).toThrow(/append-only/);
    // An attacker with write access drops the guard: the chain still gives them away.
    sqlite.exec('DROP TRIGGER vote_log_no_update');
    sqlite.prepare("UPDATE vote_log SET choice = 'contre' WHERE scrutin_uid = ? AND seq = 2").run(t.scrutinUids[0]!);
    sqlite.close();
    const check = (await verifyStore(path, { scrutinUid: t.scrutinUids[0]! }))[0]!;
    expect(check.ok).toBe(false);
    expect(check.problems.map((p) => p.message).join('\n')).toMatch(/does not match its content|the store counts/);
  });
});
