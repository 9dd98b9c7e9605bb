import { afterEach, beforeEach, expect, it } from 'vitest';
import type { VoteChoice } from '@parallele/core';
import type { Db } from '../../db/types';
import { describeEachStore } from '../../test-support/stores';
import { votesRepository, type CastItem } from './repository';
import { verifyDb } from './verify-log';

/** Votes, the hash-chained log and the tally: one suite on SQLite and on PostgreSQL. */
describeEachStore('the votes store', ({ open }) => {
  let db: Db;
  let repo: ReturnType<typeof votesRepository>;
  const UID = 'VTANR5L17V1';
  const T0 = Date.UTC(2026, 0, 5, 9);
  beforeEach(async () => {
    db = await open();
    repo = votesRepository(db);
  });
  afterEach(() => db.close());

  async function citizen(n: number, level = 'email') {
    const row = await db.store.get<{ id: number; voterId: string }>(
      'INSERT INTO citizens (email, voter_id, level, created_at) VALUES (?, ?, ?, ?) RETURNING id, voter_id AS voterId',
      [`v${n}@example.org`, `voter${String(n).padStart(27, '0')}`, level, T0],
    );
    return row!;
  }
  const cast = (c: { id: number; voterId: string }, choice: VoteChoice, at = T0, scrutinUid = UID) => {
    const item: CastItem = { scrutinUid, citizenId: c.id, voterId: c.voterId, choice, network: '192.0.2.0/24', at };
    return repo.transaction([scrutinUid], () => repo.castOne(item));
  };

  it('casts a vote, recasts the same choice idempotently, and counts a change as a revision', async () => {
    const alice = await citizen(1);
    const first = await cast(alice, 'pour');
    expect(first.changed).toBe(true);
    expect(first.vote).toMatchObject({ scrutinUid: UID, choice: 'pour', seq: 1, revisions: 1, castAt: new Date(T0).toISOString() });
    const again = await cast(alice, 'pour', T0 + 1000);
    expect(again).toEqual({ vote: first.vote, changed: false });
    const changed = await cast(alice, 'contre', T0 + 2000);
    expect(changed.vote).toMatchObject({ choice: 'contre', seq: 2, revisions: 2 });
    expect(await repo.myVote(UID, alice.id)).toEqual(changed.vote);
    expect(await repo.votesOf(alice.id)).toEqual([changed.vote]);
    expect(await repo.head(UID)).toEqual({ seq: 2, hash: changed.vote.receipt });
  });

  it('tallies every scope: all, verified, unflagged', async () => {
    const [a, b, c] = [await citizen(1, 'email'), await citizen(2, 'none'), await citizen(3, 'phone')];
    await cast(a, 'pour');
    await cast(b, 'pour');
    await cast(c, 'abstention');
    await db.store.run("INSERT INTO flags (citizen_id, reason, network, cluster_size, created_at) VALUES (?, 'burst', 'n', 3, ?)", [c.id, T0]);
    const tally = await repo.tally(UID, 1);
    expect(tally.all).toEqual({ pour: 2, contre: 0, abstention: 1, total: 3 });
    expect(tally.verified).toEqual({ pour: 1, contre: 0, abstention: 1, total: 2 });
    expect(tally.unflagged).toEqual({ pour: 2, contre: 0, abstention: 0, total: 2 });
    expect(tally.verifiedUnflagged).toEqual({ pour: 1, contre: 0, abstention: 0, total: 1 });
    expect(await repo.tally('VTANR5L17V2', 1)).toMatchObject({ all: { total: 0 } });
  });

  it('keeps a verifiable, append-only chain per scrutin', async () => {
    const voters = [await citizen(1), await citizen(2), await citizen(3)];
    const choices: VoteChoice[] = ['pour', 'contre', 'abstention'];
    for (let round = 0; round < 3; round++) {
      await Promise.all(voters.map((v, i) => cast(v, choices[(i + round) % 3]!, T0 + round * 1000)));
    }
    await cast(voters[0]!, 'pour', T0, 'VTANR5L17V2');
    const log = await repo.log(UID, 0, 100);
    expect(log.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(await repo.log(UID, 7, 100)).toEqual(log.slice(7));
    expect(await repo.entryByHash(log[0]!.hash)).toEqual(log[0]);
    expect(await repo.supersededCount(log[0]!)).toBe(2);
    expect(await repo.scrutinsWithVotes()).toEqual([UID, 'VTANR5L17V2']);
    const checks = await verifyDb(db);
    expect(checks.map((c) => [c.scrutinUid, c.ok, c.problems])).toEqual([[UID, true, []], ['VTANR5L17V2', true, []]]);
    await expect(db.store.run("UPDATE vote_log SET choice = 'pour' WHERE seq = 2")).rejects.toThrow(/append-only/);
    await expect(db.store.run('DELETE FROM vote_log WHERE seq = 9')).rejects.toThrow(/append-only/);
  });

  it('stores vote windows', async () => {
    expect(await repo.window(UID)).toBeUndefined();
    await repo.upsertWindow({ scrutinUid: UID, title: 'Q', closesAt: T0 + 10, closedAt: null, createdAt: T0 });
    await repo.upsertWindow({ scrutinUid: UID, title: 'Q2', closesAt: T0 + 20, closedAt: T0 + 5, createdAt: T0 });
    expect(await repo.window(UID)).toEqual({ scrutinUid: UID, title: 'Q2', closesAt: T0 + 20, closedAt: T0 + 5 });
    expect(await repo.scrutinExists(UID)).toBe(false);
  });
});
