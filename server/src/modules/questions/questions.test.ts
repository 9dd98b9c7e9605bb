import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpOverHttp, type SignedIn } from '../../test-support/citizens';
import { importOfficialData } from '../../import/import-service';
import { FIXTURE_SCRUTIN, PLF_DOSSIER, PLF_QUESTION, startPlatformTestServer, type PlatformTestServer } from '../../test-support/platform';

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

const vote = (v: SignedIn, id: string, choice: string) => v.agent.put(`/api/questions/${id}/vote`).set('x-csrf-token', v.csrf).send({ choice });

describe('questions before the vote', () => {
  it('opens a question for each upcoming text with a vote expected, closing when its decisive sitting starts', async () => {
    const { body } = await request(t.url).get('/api/questions').expect(200);
    const ids = (body.questions as { id: string }[]).map((q) => q.id);
    expect(ids).toContain(PLF_QUESTION);
    const plf = (body.questions as { id: string; closesAt: string; voteKind: string; window: { status: string } }[]).find((q) => q.id === PLF_QUESTION)!;
    expect(plf).toMatchObject({
      voteKind: 'solennel', closesAt: '2025-11-24T15:00:00.000Z', sittingStart: '2025-11-24T16:00:00.000+01:00', replayOf: null, window: { status: 'open', retrospective: false },
    });
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
    const tally = await request(t.url).get(`/api/questions/${PLF_QUESTION}/tally`).expect(200);
    expect(tally.body.all).toMatchObject({ pour: 1, contre: 3, abstention: 0, total: 4 });
    expect(tally.body.logLength).toBe(5);
    const receipt = await request(t.url).get(`/api/questions/${PLF_QUESTION}/log/receipts/${changed.body.vote.receipt}`).expect(200);
    expect(receipt.body).toMatchObject({ found: true, superseded: false });
    const superseded = await request(t.url).get(`/api/questions/${PLF_QUESTION}/log/receipts/${first.body.vote.receipt}`).expect(200);
    expect(superseded.body).toMatchObject({ found: true, superseded: true });
    const log = await request(t.url).get(`/api/questions/${PLF_QUESTION}/log`).expect(200);
    expect(log.body.entries).toHaveLength(5);
    const mine = await voters[3]!.agent.get(`/api/questions/${PLF_QUESTION}/vote`).expect(200);
    expect(mine.body.vote).toMatchObject({ choice: 'contre', receipt: changed.body.vote.receipt });
    // the same ballot box as the scrutin paths: one person, one vote, whichever path is used
    const tallyByScrutinPath = await request(t.url).get(`/api/scrutins/${PLF_QUESTION}/tally`).expect(200);
    expect(tallyByScrutinPath.body.logLength).toBe(5);
    // a question that does not exist is named so
    const unknown = await vote(voters[0]!, 'Q-RUANR5L17S2026IDS1-DLR5L17N1', 'pour').expect(404);
    expect(unknown.body.code).toBe('question_not_found');
  });

  it('keeps the votes module’s guards on its own endpoints: session, CSRF, hostile ids, one ballot whichever path', async () => {
    await request(t.url).put(`/api/questions/${PLF_QUESTION}/vote`).send({ choice: 'pour' }).expect(401);
    // a stolen session cookie without the CSRF token
    const cookie = await voters[0]!.agent.get('/api/me').then((r) => r.request.cookies);
    const stolen = await request(t.url).put(`/api/questions/${PLF_QUESTION}/vote`).set('cookie', cookie).send({ choice: 'pour' });
    expect(stolen.status).toBe(403);
    for (const id of ['..%2F..%2Fscrutins%2FVTANR5L17V1', 'Q-RU<script>-DL1', 'VTANR5L17V1']) {
      const bad = await voters[0]!.agent.put(`/api/questions/${id}/vote`).set('x-csrf-token', voters[0]!.csrf).send({ choice: 'pour' }).expect(400);
      expect(bad.body.param).toBe('id');
    }
    await voters[0]!.agent.put(`/api/questions/${PLF_QUESTION}/vote`).set('x-csrf-token', voters[0]!.csrf).send({ choice: 'peut-être' }).expect(400);
    // the scrutin path and the question path are one ballot box: still 4 voters, ada's vote unchanged
    await voters[0]!.agent.put(`/api/scrutins/${PLF_QUESTION}/my-vote`).set('x-csrf-token', voters[0]!.csrf).send({ choice: 'contre' }).expect(200);
    const tally = await request(t.url).get(`/api/questions/${PLF_QUESTION}/tally`).expect(200);
    expect(tally.body.all).toMatchObject({ pour: 1, contre: 3, total: 4 });
  });

  it('refuses a vote after the sitting started, and freezes the split as the mandate', async () => {
    t.clock.now = Date.parse('2025-11-24T16:00:01+01:00');
    const late = await vote(voters[2]!, PLF_QUESTION, 'contre').expect(409);
    expect(late.body).toMatchObject({ code: 'question_closed', reason: 'sitting-started', sittingStart: '2025-11-24T16:00:00.000+01:00' });
    expect(late.body.detail).toBe('This question closed when the sitting started on 2025-11-24T16:00:00.000+01:00');
    // the question's words whichever path the vote comes by
    const byScrutinPath = await voters[2]!.agent.put(`/api/scrutins/${PLF_QUESTION}/my-vote`).set('x-csrf-token', voters[2]!.csrf).send({ choice: 'contre' }).expect(409);
    expect(byScrutinPath.body.code).toBe('question_closed');
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
    expect(q.body.links).toEqual([expect.objectContaining({ scrutinUid: 'VTANR5L17V3900', method: 'title', amendement: null })]);
  });

  it('links an amendement scrutin by the amendement its titre names, and says which', async () => {
    // made-up records in the official format: the AN export's layout <dossier>/<texte>/<amendement>.json
    // gives the dossier; the scrutin is V3900's votes under another uid and titre
    const dir = mkdtempSync(join(tmpdir(), 'parallele-g13-amendement-'));
    try {
      const folder = join(dir, `json/${PLF_DOSSIER}/PRJLANR5L17B1906`);
      mkdirSync(folder, { recursive: true });
      const amendement = {
        amendement: {
          uid: 'AMANR5L17PO838901B1906P0D1N001234', legislature: '17', identification: { numeroLong: '1234' }, texteLegislatifRef: 'PRJLANR5L17B1906',
          seanceDiscussionRef: 'RUANR5L17S2026IDS29952', cycleDeVie: { sort: 'Adopté' },
        },
      };
      writeFileSync(join(folder, 'AMANR5L17PO838901B1906P0D1N001234.json'), JSON.stringify(amendement));
      const scrutin = JSON.parse(readFileSync(FIXTURE_SCRUTIN, 'utf8'));
      const titre = "l'amendement n° 1234 de M. Exemple à l'article 2 du projet de loi de finances pour 2026 (première lecture).";
      Object.assign(scrutin.scrutin, { uid: 'VTANR5L17V3901', numero: '3901', titre });
      scrutin.scrutin.objet.libelle = titre;
      writeFileSync(join(dir, 'VTANR5L17V3901.json'), JSON.stringify(scrutin));
      const summary = await importOfficialData(t.db, dir);
      expect(summary).toMatchObject({ amendements: { imported: 1, errors: 0 }, scrutins: { imported: 1, errors: 0 } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const { body } = await request(t.url).get('/api/scrutins/VTANR5L17V3901/mandate').expect(200);
    expect(body.link).toMatchObject({ method: 'amendement+title', role: 'other', amendement: { uid: 'AMANR5L17PO838901B1906P0D1N001234', numero: '1234' } });
    // not the final vote: the mandate is shown, the parallel result is the final vote's
    expect(body.parallel).toBeNull();
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
