import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VoteChoice } from '@parallele/core';
import { openStore, type Db } from '../../db/client';
import { silentLogger } from '../../logger';
import { createVerifiedCitizen, startCitizensTestServer, type CitizensTestServer } from '../../test-support/citizens';
import type { SessionCitizen } from '../accounts';
import { votesRepository } from './repository';
import { createVotesService } from './service';
import { verifyDb } from './verify-log';

/**
 * The hash chain of a scrutin stays ONE chain when several writers append to it at once: two
 * stores opened on the same database stand for two server processes, each with its own vote
 * writer (group commit). The chain locks taken by each batch's transaction keep the appends in turn.
 */
let t: CitizensTestServer;
let second: Db;
/** the votes service of the second "process" */
let other: ReturnType<typeof createVotesService>;
const voters: SessionCitizen[] = [];
beforeAll(async () => {
  t = await startCitizensTestServer({ scrutins: 3 });
  for (let i = 0; i < 40; i++) voters.push((await createVerifiedCitizen(t, `chain${i}@example.org`, `192.0.2.${i + 1}`)).citizen);
  second = await openStore(`file:${join(t.dir, 'test.db')}`);
  other = createVotesService({ repo: votesRepository(second), logger: silentLogger(), now: () => new Date(t.clock.now), voteMinLevel: 'none', verifiedLevel: 'email' });
}, 120_000);
afterAll(async () => {
  await second?.close();
  await t?.close();
});

describe('the hash chain across writers', () => {
  it('counts 1,000 concurrent identical votes of one citizen once, spread over both processes', async () => {
    const uid = t.scrutinUids[0]!;
    const results = await Promise.all(Array.from({ length: 1000 }, (_, i) => (i % 2 === 0 ? t.citizens.votes : other).castVote(voters[0]!, uid, 'pour', null)));
    expect(new Set(results.map((r) => r.vote.receipt)).size).toBe(1);
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    expect((await t.citizens.votes.tally(uid)).all).toEqual({ pour: 1, contre: 0, abstention: 0, total: 1 });
    expect((await t.citizens.votes.log(uid, 0, 1000)).entries).toHaveLength(1);
  });

  it('keeps one chain per scrutin when two processes append to the same chains at once', async () => {
    const [a, b] = [t.citizens.votes, other];
    const uids = [t.scrutinUids[1]!, t.scrutinUids[2]!];
    const choices: VoteChoice[] = ['pour', 'contre', 'abstention'];
    // three rounds: every citizen votes on both scrutins through both writers, each round a change
    for (let round = 0; round < 3; round++) {
      await Promise.all(
        voters.flatMap((v, i) =>
          uids.map((uid, u) => (i % 2 === u ? a : b).castVote(v, uid, choices[(i + round + u) % 3]!, null)),
        ),
      );
    }
    await other.writer.drain();
    const checks = await verifyDb(t.db);
    for (const uid of uids) {
      const c = checks.find((x) => x.scrutinUid === uid)!;
      expect(c.problems).toEqual([]);
      expect(c.ok).toBe(true);
      // 40 voters × 3 rounds, every cast a change: 120 entries, one chain, seq 1…120
      expect(c.length).toBe(120);
      expect(c.tally.total).toBe(40);
      expect(c.storeTally).toEqual(c.tally);
    }
    // both processes serve the same tally, read from the store
    expect(await b.tally(uids[0]!)).toEqual(await a.tally(uids[0]!));
  });
});
