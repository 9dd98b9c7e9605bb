import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpOverHttp, type SignedIn } from '../../test-support/citizens';
import { PLF_DOSSIER, PLF_QUESTION, startPlatformTestServer, type PlatformTestServer } from '../../test-support/platform';

/** The platform's question on the PLF 2026 vote solennel, replayed as of 18 Nov 2025, on the real agenda. */
let t: PlatformTestServer;
const voters: SignedIn[] = [];

beforeAll(async () => {
  t = await startPlatformTestServer();
  for (const name of ['ada', 'brice', 'chloe', 'dylan']) voters.push(await signUpOverHttp(t as never, `${name}@example.org`));
});
afterAll(async () => {
  await t.close();
});

const vote = (v: SignedIn, uid: string, choice: string) => v.agent.put(`/api/scrutins/${uid}/my-vote`).set('x-csrf-token', v.csrf).send({ choice });

describe('questions before the vote', () => {
  it('opens a question for each upcoming text with a vote expected, closing when its decisive sitting starts', async () => {
    const { body } = await request(t.url).get('/api/questions').expect(200);
    const ids = (body.questions as { id: string }[]).map((q) => q.id);
    expect(ids).toContain(PLF_QUESTION);
    const plf = (body.questions as { id: string; closesAt: string; voteKind: string; window: { status: string } }[]).find((q) => q.id === PLF_QUESTION)!;
    expect(plf).toMatchObject({ voteKind: 'solennel', closesAt: '2025-11-24T15:00:00.000Z', window: { status: 'open', retrospective: false } });
    // every question is about a text of the agenda (no eulogy, no debate without vote)
    expect((body.questions as { dossierRef: string }[]).every((q) => q.dossierRef.startsWith('DLR5L17N'))).toBe(true);
  });

  it('takes one vote per person through the votes module, with receipts and the hash-chained log', async () => {
    await vote(voters[0]!, PLF_QUESTION, 'contre').expect(200);
    await vote(voters[1]!, PLF_QUESTION, 'contre').expect(200);
    await vote(voters[2]!, PLF_QUESTION, 'pour').expect(200);
    const first = await vote(voters[3]!, PLF_QUESTION, 'pour').expect(200);
    // changing one's mind replaces the vote: still one vote per person
    const changed = await vote(voters[3]!, PLF_QUESTION, 'contre').expect(200);
    expect(changed.body.vote.receipt).not.toBe(first.body.vote.receipt);
    const tally = await request(t.url).get(`/api/scrutins/${PLF_QUESTION}/tally`).expect(200);
    expect(tally.body.all).toMatchObject({ pour: 1, contre: 3, abstention: 0, total: 4 });
    expect(tally.body.logLength).toBe(5);
    const receipt = await request(t.url).get(`/api/scrutins/${PLF_QUESTION}/log/receipts/${changed.body.vote.receipt}`).expect(200);
    expect(receipt.body).toMatchObject({ found: true, superseded: false });
  });

  it('refuses a vote after the sitting started, and freezes the split as the mandate', async () => {
    t.clock.now = Date.parse('2025-11-24T16:00:01+01:00');
    const late = await vote(voters[2]!, PLF_QUESTION, 'contre').expect(409);
    expect(late.body).toMatchObject({ code: 'vote_closed' });
    const { body } = await request(t.url).get(`/api/questions/${PLF_QUESTION}`).expect(200);
    expect(body.mandate).toMatchObject({ pour: 1, contre: 3, abstention: 0, total: 4, percents: [25, 75, 0], frozenAt: '2025-11-24T15:00:00.000Z' });
    expect(body.window.status).toBe('closed');
  });

  it('links the real scrutin when it is imported, says how, and shows the parallel result with the frozen mandate', async () => {
    // a vote after the freeze cannot change the mandate (refused anyway), nor can a later import
    const summary = await t.importFixtureScrutin();
    expect(summary.scrutins.imported).toBe(1);
    const { body } = await request(t.url).get('/api/scrutins/VTANR5L17V3900/mandate?k=20').expect(200);
    expect(body.question).toMatchObject({ id: PLF_QUESTION });
    expect(body.link).toMatchObject({ method: 'title', role: 'final', outcome: 'adopté' });
    expect(body.link.score).toBeGreaterThanOrEqual(0.6);
    expect(body.mandate).toMatchObject({ total: 4, percents: [25, 75, 0] });
    // 275 pour / 252 contre: 20 deputies voting 5 pour / 15 contre in place of as many others
    expect(body.parallel).toMatchObject({ k: 20 });
    expect(typeof body.parallel.flipped).toBe('boolean');
    const q = await request(t.url).get(`/api/questions/${PLF_QUESTION}`).expect(200);
    expect(q.body.links).toHaveLength(1);
  });

  it("records the platform's history per legislature, with CSV export", async () => {
    const { body } = await request(t.url).get('/api/legislatures/17/record?k=20&minVotes=3').expect(200);
    const row = body.questions.find((r: { questionId: string }) => r.questionId === PLF_QUESTION);
    expect(row).toMatchObject({ scrutinUid: 'VTANR5L17V3900', outcome: 'adopté', citizensPour: 25, assemblyPour: 52.2, divergence: 27.2 });
    expect(body.divergences.map((r: { questionId: string }) => r.questionId)).toEqual([PLF_QUESTION]);
    const few = await request(t.url).get('/api/legislatures/17/record?k=20&minVotes=5').expect(200);
    expect(few.body.divergences).toEqual([]);
    const csv = await request(t.url).get('/api/legislatures/17/record.csv?k=20').expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.split('\n')[0]).toBe('questionId,title,dossierRef,closesAt,votes,pour,contre,abstention,scrutinUid,outcome,assemblyPour,citizensPour,divergence,parallelOutcome,flipped,tippingPoint');
    expect(csv.text).toContain(`${PLF_QUESTION},Vote solennel sur le projet de loi de finances pour 2026,${PLF_DOSSIER},2025-11-24T15:00:00.000Z,4,1,3,0,VTANR5L17V3900,adopté,52.2,25,27.2`);
  });

  it('refuses to put to citizens a text with no vote ahead, and a bad question id', async () => {
    await expect(t.platform.questions.create('DLR5L17N99999')).rejects.toThrow(/No upcoming sitting of the agenda leads to a vote on DLR5L17N99999/);
    const bad = await request(t.url).get('/api/questions/VTANR5L17V1').expect(400);
    expect(bad.body.param).toBe('id');
    await request(t.url).get('/api/questions/Q-RUANR5L17S2026IDS1-DLR5L17N1').expect(404);
  });
});
