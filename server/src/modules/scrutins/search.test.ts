import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAMOUS_VOTES, ScrutinListResponseSchema, type ScrutinListResponse } from '@parallele/core';
import { createTestApi, L16_SAMPLES, L17_BUNDLE, readRawBundle, type RawScrutin, type TestApi } from '../../test-support/imported-store';

let api: TestApi;
let all: RawScrutin[];

beforeAll(async () => {
  api = await createTestApi();
  all = [...readRawBundle(L17_BUNDLE), ...readRawBundle(L16_SAMPLES)];
});
afterAll(() => api?.cleanup());

async function search(q: string, extra = ''): Promise<ScrutinListResponse> {
  const res = await api.get(`/api/scrutins?q=${encodeURIComponent(q)}&pageSize=100${extra}`);
  expect(res.status, res.text).toBe(200);
  return ScrutinListResponseSchema.parse(res.body);
}
const uids = (r: ScrutinListResponse) => r.items.map((s) => s.uid);

describe('search by the words people remember', () => {
  it('finds the 20 March 2023 motions de censure by "retraites", "censure retraites" and "LIOT"', async () => {
    for (const q of ['retraites', 'censure retraites', 'Retraites']) {
      const found = await search(q);
      // the two curated motions come first, then any vote whose title says "retraites"
      expect(uids(found).slice(0, 2).sort(), q).toEqual(['VTANR5L16V1240', 'VTANR5L16V1241']);
    }
    expect(uids(await search('LIOT'))[0]).toBe('VTANR5L16V1240');
  });

  it('finds the censure of the Barnier government first, and every vote held under it', async () => {
    const found = await search('Barnier');
    expect(found.items[0]?.uid).toBe('VTANR5L17V519');
    const underBarnier = all.filter((r) => r.dateScrutin >= '2024-09-05' && r.dateScrutin < '2024-12-13');
    expect(underBarnier.length).toBeGreaterThan(100);
    expect(found.total).toBe(underBarnier.length);
    // "censure Barnier": only the motions de censure under that government
    const censures = await search('censure Barnier');
    expect(censures.items[0]?.uid).toBe('VTANR5L17V519');
    expect(censures.items.every((s) => s.type === 'MOC' || /censure/i.test(s.titre))).toBe(true);
  });

  it('puts the vote of an exact number or uid first', async () => {
    const byNumber = await search('1240');
    expect(byNumber.items[0]?.uid).toBe('VTANR5L16V1240');
    expect(uids(byNumber)).toContain('VTANR5L17V1240');
    expect(uids(await search('1240', '&legislature=17'))[0]).toBe('VTANR5L17V1240');
    const byUid = await search('vtanr5l17v519');
    expect(uids(byUid)).toEqual(['VTANR5L17V519']);
  });

  it('every curated vote exists in the bundled data and is found by each of its keywords', async () => {
    for (const vote of FAMOUS_VOTES) {
      expect(all.some((r) => r.uid === vote.uid), vote.uid).toBe(true);
      for (const keyword of vote.keywords) expect(uids(await search(keyword)), `${keyword} → ${vote.uid}`).toContain(vote.uid);
    }
  });

  it('treats FTS operators in the query as text', async () => {
    const found = await search('"retraites" OR NEAR(');
    expect(found.total).toBe(0);
  });
});

describe('search by what the data links to a vote', () => {
  const titre = (uid: string) => all.find((r) => r.uid === uid)!.titre;

  it("finds votes by their sitting's agenda: the official titres misspell the text, the agenda does not", async () => {
    const votes = ['VTANR5L17V919', 'VTANR5L17V920', 'VTANR5L17V921'];
    for (const uid of votes) expect(titre(uid)).toContain('indivison successorale');
    for (const q of ['indivision successorale', 'INDIVISION SUCCESSORALE']) expect(uids(await search(q)), q).toEqual(expect.arrayContaining(votes));
  });

  it("finds the votes on a text by the title it took later (the text's points in other sittings)", async () => {
    // the bill on "démocratie agricole" came back from the joint committee about the chambres d'agriculture
    expect(titre('VTANR5L17V584')).not.toMatch(/chambres/);
    // the agenda types "d’agriculture", a keyboard "d'agriculture": both find both
    for (const q of ["chambres d'agriculture", 'chambres d’agriculture']) {
      expect(uids(await search(q, '&legislature=17')), q).toEqual(expect.arrayContaining(['VTANR5L17V583', 'VTANR5L17V584']));
    }
  });

  it("finds a motion de censure by its debate's agenda point: \"(CMP PLFSS 2025)\"", async () => {
    expect(titre('VTANR5L17V519')).not.toMatch(/CMP/);
    expect(uids(await search('censure CMP PLFSS'))).toEqual(['VTANR5L17V519']);
  });

  it('finds a motion de censure by the group of the deputies who tabled it, with or without accents', async () => {
    // Marine Le Pen (RN) and Éric Ciotti (UDR) tabled VTANR5L17V3059; its titre names no group
    expect(uids(await search('censure UDR'))).toEqual(['VTANR5L17V3059']);
    expect(uids(await search('censure Union des droites'))).toEqual(['VTANR5L17V3059']);
    // Bertrand Pancher's group, by its full name (the curated table only says "LIOT")
    for (const q of ['censure Libertés Indépendants', 'censure libertes independants']) expect(uids(await search(q)), q).toContain('VTANR5L16V1240');
    const rn = await search('motion censure Rassemblement National', '&type=MOC');
    const byLePen = all.filter((r) => r.typeVote.codeTypeVote === 'MOC' && /Marine Le Pen/.test(r.titre)).map((r) => r.uid);
    expect(byLePen.length).toBeGreaterThan(5);
    expect(uids(rn).sort()).toEqual(byLePen.sort());
  });
});
