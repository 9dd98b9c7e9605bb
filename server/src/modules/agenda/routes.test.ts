import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpOverHttp } from '../../test-support/citizens';
import { PLF_QUESTION, PLF_SITTING, startPlatformTestServer, type PlatformTestServer } from '../../test-support/platform';

describe('GET /api/agenda/upcoming', () => {
  describe('replayed as of 18 Nov 2025 noon (AS_OF)', () => {
    let t: PlatformTestServer;
    beforeAll(async () => {
      t = await startPlatformTestServer();
    });
    afterAll(async () => {
      await t.close();
    });

    it("lists the sittings after that instant: that afternoon's two and the 35 scheduled from 19 Nov to 5 Dec", async () => {
      const { body } = await request(t.url).get('/api/agenda/upcoming').expect(200);
      expect(body.clock).toEqual({ now: '2025-11-18T11:00:00.000Z', source: 'as-of', asOfDate: '2025-11-18' });
      expect(body.sittings).toHaveLength(37);
      expect(body.sittings.filter((s: { start: string }) => s.start >= '2025-11-19')).toHaveLength(35);
      const plf = body.sittings.find((s: { uid: string }) => s.uid === PLF_SITTING);
      expect(plf).toEqual({
        uid: PLF_SITTING, start: '2025-11-24T16:00:00.000+01:00', state: 'Confirmé',
        points: [{
          uid: 'RUANR5L17S2026IDS29952PT50996', type: 'Vote solennel', objet: 'Vote solennel sur le projet de loi de finances pour 2026',
          dossierRef: 'DLR5L17N52428', tentative: false, voteExpected: true, voteKind: 'solennel',
        }],
      });
      // only confirmed points of confirmed sittings
      expect(body.sittings.flatMap((s: { points: unknown[] }) => s.points)).toHaveLength(72);
    });

    it('groups the points that lead to a vote by text, with the kind of vote and the question to vote on', async () => {
      const { body } = await request(t.url).get('/api/agenda/upcoming').expect(200);
      const plf = body.texts.find((x: { dossierRef: string }) => x.dossierRef === 'DLR5L17N52428');
      expect(plf).toMatchObject({ voteKind: 'solennel', decisiveSittingUid: PLF_SITTING, decisiveStart: '2025-11-24T16:00:00.000+01:00', questionId: PLF_QUESTION });
      // 16 sittings of discussion from the 18th's afternoon to the 23rd, then the vote solennel
      expect(plf.sittings).toHaveLength(17);
      expect(body.texts.every((x: { voteKind: string | null }) => x.voteKind !== null)).toBe(true);
    });
  });

  describe('on the bundled data without AS_OF (the data is older than the clock)', () => {
    let t: PlatformTestServer;
    beforeAll(async () => {
      t = await startPlatformTestServer({ asOf: null });
    });
    afterAll(async () => {
      await t.close();
    });

    it("reads the agenda as of its snapshot date, 18 Nov 2025, and labels it so: the 35 sittings still scheduled then", async () => {
      const { body } = await request(t.url).get('/api/agenda/upcoming').expect(200);
      expect(body.clock).toMatchObject({ source: 'snapshot', asOfDate: '2025-11-18' });
      expect(body.sittings).toHaveLength(35);
      expect(body.sittings[0].start.slice(0, 10)).toBe('2025-11-19');
      // each text with a vote ahead has its question to vote on
      const plf = body.texts.find((x: { dossierRef: string }) => x.dossierRef === 'DLR5L17N52428');
      expect(plf.questionId).toBe(PLF_QUESTION);
      expect(body.texts.every((x: { questionId: string | null }) => x.questionId !== null)).toBe(true);
    });

    it('opens its questions as a replay: each window runs on the real clock for as long as its sitting was ahead of the snapshot', async () => {
      const openedAt = t.clock.now;
      const { body } = await request(t.url).get('/api/questions').expect(200);
      const plf = body.questions.find((q: { id: string }) => q.id === PLF_QUESTION);
      // 18 Nov 2025 23:59:59.999 (end of the snapshot's Paris day) → 24 Nov 16:00: 5 days 16 hours
      const ahead = Date.parse('2025-11-24T16:00:00+01:00') - Date.parse('2025-11-18T23:59:59.999+01:00');
      expect(plf).toMatchObject({ replayOf: '2025-11-18', sittingStart: '2025-11-24T16:00:00.000+01:00', window: { status: 'open' } });
      expect(Date.parse(plf.closesAt)).toBe(openedAt + ahead);
      expect(body.questions.every((q: { replayOf: string | null }) => q.replayOf === '2025-11-18')).toBe(true);

      const ada = await signUpOverHttp(t as never, 'ada.replay@example.org');
      const vote = () => ada.agent.put(`/api/questions/${PLF_QUESTION}/vote`).set('x-csrf-token', ada.csrf).send({ choice: 'pour' });
      await vote().expect(200);
      t.clock.now = openedAt + ahead;
      const late = await vote().expect(409);
      expect(late.body).toMatchObject({ code: 'question_closed', reason: 'replay-sitting-started', replayOf: '2025-11-18' });
      const frozen = await request(t.url).get(`/api/questions/${PLF_QUESTION}`).expect(200);
      expect(frozen.body.mandate).toMatchObject({ pour: 1, total: 1, frozenAt: new Date(openedAt + ahead).toISOString() });
    });
  });
});
