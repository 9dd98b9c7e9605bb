import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ElectionDetailSchema, ElectionSimulationResponseSchema } from '@parallele/core';
import { signUpOverHttp, startCitizensTestServer, type CitizensTestServer } from '../../test-support/citizens';

/** Issue 15 §3 over HTTP: the 2024 Président election, citizens' ballots per round, the simulation. */
let t: CitizensTestServer;
beforeAll(async () => {
  t = await startCitizensTestServer({ scrutins: 1 });
});
afterAll(async () => t?.close());

const detail = async (id: string) => ElectionDetailSchema.parse((await request(t.url).get(`/api/elections/${id}`).expect(200)).body);

describe('/api/elections', () => {
  it('lists both elections and shows 2022 with its gaps, unsimulable', async () => {
    const list = (await request(t.url).get('/api/elections').expect(200)).body as { items: { id: string }[] };
    expect(list.items.map((e) => e.id)).toEqual(['president-an-2024', 'president-an-2022']);
    const d = await detail('president-an-2022');
    expect(d.roundsDetail[0]).toMatchObject({ candidates: null, official: null });
    expect(d.roundsDetail[0]!.unsimulable).toMatch(/round 1: its figures are unknown/);
    expect(d.roundsDetail[1]!.gaps[0]).toMatch(/other candidates/);
    const refused = await request(t.url).get('/api/elections/president-an-2022/rounds/2/simulation?k=10').expect(400);
    expect(refused.body.detail).toMatch(/do not cover the 462 votes cast/);
  });

  it('citizens vote for a candidate per round; the simulation uses the platform’s split', async () => {
    const alice = await signUpOverHttp(t, 'alice.election@example.org');
    const bob = await signUpOverHttp(t, 'bob.election@example.org');
    const put = (who: typeof alice, round: number, candidate: string) =>
      who.agent.put(`/api/elections/president-an-2024/rounds/${round}/my-ballot`).set('x-csrf-token', who.csrf).send({ candidate });
    await put(alice, 3, 'André Chassaigne').expect(200);
    await put(bob, 3, 'Sébastien Chenu').expect(200);
    await put(bob, 3, 'André Chassaigne').expect(200); // a later ballot replaces the earlier one
    const bad = await put(alice, 3, 'Philippe Juvin').expect(400); // withdrawn after round 1
    expect(bad.body.detail).toMatch(/"Philippe Juvin" is not a candidate of round 3/);
    await request(t.url).put('/api/elections/president-an-2024/rounds/3/my-ballot').send({ candidate: 'André Chassaigne' }).expect((r) => expect([401, 403]).toContain(r.status));
    expect((await alice.agent.get('/api/elections/president-an-2024/my-ballots').expect(200)).body).toEqual({ ballots: { '3': 'André Chassaigne' } });

    const d = await detail('president-an-2024');
    expect(d.roundsDetail[2]!.platform).toEqual({ votes: [0, 2, 0, 0], blank: 0, total: 2 });
    expect(d.roundsDetail[2]!.official).toMatchObject({ winner: 0, exprimes: 569 });

    const sim = ElectionSimulationResponseSchema.parse((await request(t.url).get('/api/elections/president-an-2024/rounds/3/simulation?k=20').expect(200)).body);
    expect(sim).toMatchObject({ splitSource: 'platform', verdict: 'other-winner', parallel: { winner: 1 } });
    const none = ElectionSimulationResponseSchema.parse((await request(t.url).get('/api/elections/president-an-2024/rounds/1/simulation?k=20').expect(200)).body);
    expect(none).toMatchObject({ splitSource: 'even', verdict: 'nothing' });
    const badSplit = await request(t.url).get('/api/elections/president-an-2024/rounds/3/simulation?k=5&split=1,2').expect(400);
    expect(badSplit.body.detail).toMatch(/split: one weight per candidate \(4\)/);
    await request(t.url).get('/api/elections/president-an-2024/rounds/4/simulation?k=5').expect(404);
  });
});
