import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { LogEntry, Tally } from '@parallele/core';
import { checkReceipt, verifyLog } from '@parallele/core';
import { signUpOverHttp, startCitizensTestServer, type CitizensTestServer } from '../../test-support/citizens';

let t: CitizensTestServer;
beforeAll(async () => {
  t = await startCitizensTestServer({ scrutins: 4 });
});
afterAll(async () => t.close());

const tallyOf = async (uid: string) => (await request(t.url).get(`/api/scrutins/${uid}/tally`).expect(200)).body as Tally;
const logOf = async (uid: string) => (await request(t.url).get(`/api/scrutins/${uid}/log`).expect(200)).body as { entries: LogEntry[]; head: string };

describe('citizens voting on real scrutins', () => {
  it('votes, changes the vote, and the tally and the public log follow', async () => {
    const uid = t.scrutinUids[0]!;
    const alice = await signUpOverHttp(t, 'alice.votes@example.org');
    const bob = await signUpOverHttp(t, 'bob.votes@example.org');
    const first = await alice.agent.put(`/api/scrutins/${uid}/my-vote`).set('x-csrf-token', alice.csrf).send({ choice: 'pour' }).expect(200);
    expect(first.body).toMatchObject({ changed: true, vote: { choice: 'pour', revisions: 1 }, window: { status: 'open', retrospective: true } });
    await bob.agent.put(`/api/scrutins/${uid}/my-vote`).set('x-csrf-token', bob.csrf).send({ choice: 'contre' }).expect(200);
    const changed = await alice.agent.put(`/api/scrutins/${uid}/my-vote`).set('x-csrf-token', alice.csrf).send({ choice: 'contre' }).expect(200);
    expect(changed.body.vote).toMatchObject({ choice: 'contre', revisions: 2 });
    expect(changed.body.vote.receipt).not.toBe(first.body.vote.receipt);

    const tally = await tallyOf(uid);
    expect(tally.all).toEqual({ pour: 0, contre: 2, abstention: 0, total: 2 });
    expect(tally.verified).toEqual(tally.all);
    expect(tally.unflagged).toEqual(tally.all);
    expect(tally.logLength).toBe(3);

    const mine = await alice.agent.get(`/api/scrutins/${uid}/my-vote`).expect(200);
    expect(mine.body.vote.receipt).toBe(changed.body.vote.receipt);
    const all = await alice.agent.get('/api/me/votes').expect(200);
    expect(all.body.votes).toEqual([mine.body.vote]);

    // Anyone can recompute the tally from the log and find a receipt in it.
    const log = await logOf(uid);
    const check = verifyLog(uid, log.entries, log.head);
    expect(check.ok).toBe(true);
    expect(check.tally).toEqual(tally.all);
    expect(log.entries.map((e) => e.voter)).toEqual([alice.voterId, bob.voterId, alice.voterId]);
    expect(JSON.stringify(log)).not.toContain('example.org');
    expect(checkReceipt(log.entries, first.body.vote.receipt)).toMatchObject({ found: true, superseded: true });
    const receipt = await request(t.url).get(`/api/scrutins/${uid}/log/receipts/${changed.body.vote.receipt}`).expect(200);
    expect(receipt.body).toMatchObject({ found: true, superseded: false, entry: { choice: 'contre' } });
  });

  it('counts 100 concurrent identical votes of one citizen once', async () => {
    const uid = t.scrutinUids[1]!;
    const carol = await signUpOverHttp(t, 'carol.votes@example.org');
    const results = await Promise.all(
      Array.from({ length: 100 }, () => carol.agent.put(`/api/scrutins/${uid}/my-vote`).set('x-csrf-token', carol.csrf).send({ choice: 'abstention' })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(100).fill(200));
    expect(new Set(results.map((r) => r.body.vote.receipt)).size).toBe(1);
    expect(results.filter((r) => r.body.changed)).toHaveLength(1);
    expect((await tallyOf(uid)).all).toEqual({ pour: 0, contre: 0, abstention: 1, total: 1 });
    expect((await logOf(uid)).entries).toHaveLength(1);
  });

  it('keeps one vote per citizen even when concurrent requests change it back and forth', async () => {
    const uid = t.scrutinUids[2]!;
    const dan = await signUpOverHttp(t, 'dan.votes@example.org');
    const choices = ['pour', 'contre', 'abstention'] as const;
    await Promise.all(
      Array.from({ length: 60 }, (_, i) => dan.agent.put(`/api/scrutins/${uid}/my-vote`).set('x-csrf-token', dan.csrf).send({ choice: choices[i % 3] }).expect(200)),
    );
    const tally = await tallyOf(uid);
    expect(tally.all.total).toBe(1);
    const log = await logOf(uid);
    expect(verifyLog(uid, log.entries).tally).toEqual(tally.all);
  });

  it('refuses a vote after the platform vote on an announced scrutin closed', async () => {
    const eve = await signUpOverHttp(t, 'eve.votes@example.org');
    const upcoming = 'VTANR5L17V9999';
    await t.citizens.votes.setWindow(upcoming, { closesAt: new Date(t.clock.now + 3_600_000).toISOString(), title: 'Projet de loi à venir' });
    const open = await eve.agent.put(`/api/scrutins/${upcoming}/my-vote`).set('x-csrf-token', eve.csrf).send({ choice: 'pour' }).expect(200);
    expect(open.body.window).toMatchObject({ status: 'open', retrospective: false });
    t.clock.now += 2 * 3_600_000;
    const late = await eve.agent.put(`/api/scrutins/${upcoming}/my-vote`).set('x-csrf-token', eve.csrf).send({ choice: 'contre' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('vote_closed');
    expect((await tallyOf(upcoming)).all).toMatchObject({ pour: 1, contre: 0, total: 1 });
    // Closing explicitly (the deputies' result arrived) works the same way.
    const next = 'VTANR5L17V9998';
    await t.citizens.votes.setWindow(next, {});
    await eve.agent.put(`/api/scrutins/${next}/my-vote`).set('x-csrf-token', eve.csrf).send({ choice: 'pour' }).expect(200);
    await t.citizens.votes.closeVoting(next);
    expect((await eve.agent.put(`/api/scrutins/${next}/my-vote`).set('x-csrf-token', eve.csrf).send({ choice: 'contre' })).status).toBe(409);
  });

  it('answers 404 for a scrutin nobody announced and 401 without a session', async () => {
    const frank = await signUpOverHttp(t, 'frank.votes@example.org');
    const res = await frank.agent.put('/api/scrutins/VTANR5L17V123456/my-vote').set('x-csrf-token', frank.csrf).send({ choice: 'pour' });
    expect(res.status).toBe(404);
    expect(res.body.param).toBe('uid');
    await request(t.url).put(`/api/scrutins/${t.scrutinUids[0]}/my-vote`).send({ choice: 'pour' }).expect(401);
    await request(t.url).get(`/api/scrutins/VTANR5L17V123456/tally`).expect(404);
  });
});
