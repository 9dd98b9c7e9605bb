import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { VoteChoice } from '@parallele/core';
import { openStore, type Db } from '../../db/client';
import { silentLogger } from '../../logger';
import { describeEachStore } from '../../test-support/stores';
import type { SessionCitizen } from '../accounts';
import { votesRepository } from './repository';
import { createVotesService } from './service';
import { verifyDb } from './verify-log';

/**
 * The hash chain of a scrutin stays ONE chain when several writers append to it at once: two
 * stores opened on the same database stand for two server processes, each with its own vote
 * writer (group commit). The chain locks each batch's transaction takes keep their appends in
 * turn (PostgreSQL: advisory locks; SQLite: the file's write lock), and each batch reads the
 * chain heads inside its transaction, never from a per-process cache.
 */
const UIDS = ['Q-CHAIN-A', 'Q-CHAIN-B', 'Q-CHAIN-C'];
const VOTERS = 40;

describeEachStore('the hash chain across writers', ({ dialect, open }) => {
  let first: Db;
  let second: Db;
  let dir: string | undefined;
  const voters: SessionCitizen[] = [];
  const services = () => [first, second].map((db) => createVotesService({ repo: votesRepository(db), logger: silentLogger(), now: () => new Date(), voteMinLevel: 'none', verifiedLevel: 'email' }));
  let a: ReturnType<typeof services>[number];
  let b: ReturnType<typeof services>[number];

  beforeAll(async () => {
    if (dialect === 'sqlite') {
      // two connections need a file (each :memory: is its own database)
      dir = mkdtempSync(join(tmpdir(), 'parallele-chain-'));
      first = await openStore(`file:${join(dir, 'chain.db')}`);
      second = await openStore(`file:${join(dir, 'chain.db')}`);
    } else {
      first = await open();
      second = await openStore(first.path);
    }
    [a, b] = services() as [typeof a, typeof b];
    for (let i = 0; i < VOTERS; i++) {
      const row = (await first.store.get<{ id: number; voterId: string }>(
        `INSERT INTO citizens (email, password_hash, voter_id, level, created_at) VALUES (?, 'x', ?, 'email', ?) RETURNING id, voter_id AS "voterId"`,
        [`chain${i}@example.org`, `v${String(i).padStart(31, "0")}`, Date.now()],
      ))!;
      voters.push({ citizenId: row.id, voterId: row.voterId, email: `chain${i}@example.org`, level: 'email', role: 'citizen', createdAt: Date.now(), tokenHash: '', expiresAt: Date.now() + 3_600_000 });
    }
    // questions announced before the deputies vote: open until tomorrow
    for (const uid of UIDS) await a.setWindow(uid, { closesAt: new Date(Date.now() + 86_400_000).toISOString(), title: uid });
  }, 60_000);
  afterAll(async () => {
    await second?.close();
    await first?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('counts 1,000 concurrent identical votes of one citizen once, spread over both processes', async () => {
    const uid = UIDS[0]!;
    const results = await Promise.all(Array.from({ length: 1000 }, (_, i) => (i % 2 === 0 ? a : b).castVote(voters[0]!, uid, 'pour', null)));
    expect(new Set(results.map((r) => r.vote.receipt)).size).toBe(1);
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    expect((await a.tally(uid)).all).toEqual({ pour: 1, contre: 0, abstention: 0, total: 1 });
    expect((await b.log(uid, 0, 1000)).entries).toHaveLength(1);
  });

  it('keeps one chain per scrutin when two processes append to the same chains at once', async () => {
    const uids = [UIDS[1]!, UIDS[2]!];
    const choices: VoteChoice[] = ['pour', 'contre', 'abstention'];
    // three rounds: every citizen votes on both scrutins, half through each process, each cast a change
    for (let round = 0; round < 3; round++) {
      await Promise.all(voters.flatMap((v, i) => uids.map((uid, u) => (i % 2 === u ? a : b).castVote(v, uid, choices[(i + round + u) % 3]!, null))));
    }
    const checks = await verifyDb(first);
    for (const uid of uids) {
      const c = checks.find((x) => x.scrutinUid === uid)!;
      expect(c.problems).toEqual([]);
      expect(c.ok).toBe(true);
      // 40 voters × 3 rounds, every cast a change: 120 entries in one chain
      expect(c.length).toBe(VOTERS * 3);
      expect(c.tally.total).toBe(VOTERS);
      expect(c.storeTally).toEqual(c.tally);
    }
    // both processes serve the same tally, read from the store
    expect(await b.tally(uids[0]!)).toEqual(await a.tally(uids[0]!));
  });

  it('refuses to rewrite the log, on every engine', async () => {
    await expect(first.store.run("UPDATE vote_log SET choice = 'contre' WHERE seq = 1")).rejects.toThrow(/append-only/);
    await expect(first.store.run('DELETE FROM vote_log')).rejects.toThrow(/append-only/);
  });
});
