import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScrutinDetailSchema, ScrutinListResponseSchema, type ScrutinListResponse } from '@parallele/core';
import { createTestApi, L16_SAMPLES, L17_BUNDLE, readAllRawScrutins, readRawBundle, type RawScrutin, type TestApi } from '../../test-support/imported-store';
import { expectProblem } from '../../test-support/problems';
import { getScrutin, upsertScrutins } from '../../db/an-store';
import { fold } from './repository';

let api: TestApi;
let l17: RawScrutin[];
let l16: RawScrutin[];

beforeAll(async () => {
  api = await createTestApi();
  l17 = readRawBundle(L17_BUNDLE);
  l16 = readRawBundle(L16_SAMPLES);
});
afterAll(() => api?.cleanup());

async function list(query: string): Promise<ScrutinListResponse> {
  const res = await api.get(`/api/scrutins${query}`);
  expect(res.status, res.text).toBe(200);
  return ScrutinListResponseSchema.parse(res.body);
}

/** Every page of a query, following the pagination. */
async function listAll(query: string): Promise<ScrutinListResponse['items']> {
  const items: ScrutinListResponse['items'] = [];
  for (let page = 1; ; page++) {
    const body = await list(`${query}${query ? '&' : '?'}pageSize=100&page=${page}`);
    items.push(...body.items);
    if (page >= body.totalPages) return items;
  }
}

const closeness = (r: RawScrutin) => Math.abs(Number(r.syntheseVote.decompte.pour) - Number(r.syntheseVote.nbrSuffragesRequis));

describe('GET /api/scrutins', () => {
  it('reports the 3,876 scrutins of the 17th legislature', async () => {
    const body = await list('?legislature=17');
    expect(body.total).toBe(3876);
    expect(body.total).toBe(l17.length);
    expect(body.page).toBe(1);
    expect(body.pageSize).toBe(20);
    expect(body.items).toHaveLength(20);
    expect(body.totalPages).toBe(Math.ceil(3876 / 20));
  });

  it('lists newest first by default and oldest first with sort=date', async () => {
    const newest = await list('?legislature=17&pageSize=5');
    const oldest = await list('?legislature=17&pageSize=5&sort=date');
    const dates = l17.map((r) => r.dateScrutin).sort();
    expect(newest.items[0]?.date).toBe(dates.at(-1));
    expect(oldest.items[0]?.date).toBe(dates[0]);
    expect(oldest.items[0]?.uid).toBe('VTANR5L17V1');
    const newestDates = newest.items.map((s) => s.date);
    expect(newestDates).toEqual([...newestDates].sort().reverse());
  });

  it('pages through every L17 scrutin exactly once', async () => {
    const items = await listAll('?legislature=17&sort=date');
    expect(items).toHaveLength(3876);
    expect(new Set(items.map((s) => s.uid)).size).toBe(3876);
    expect(new Set(items.map((s) => s.uid))).toEqual(new Set(l17.map((r) => r.uid)));
  });

  it('returns an empty page past the last one', async () => {
    const body = await list('?legislature=17&pageSize=100&page=39');
    expect(body.items).toHaveLength(76);
    const past = await list('?legislature=17&pageSize=100&page=40');
    expect(past.items).toEqual([]);
    expect(past.total).toBe(3876);
  });

  it('filters by type, with a comma list or repeated parameters', async () => {
    const moc = await list('?legislature=17&type=MOC&pageSize=100');
    expect(moc.total).toBe(l17.filter((r) => r.typeVote.codeTypeVote === 'MOC').length);
    expect(moc.total).toBe(12);
    expect(moc.items.every((s) => s.type === 'MOC')).toBe(true);
    const expected = l17.filter((r) => ['MOC', 'SPS'].includes(r.typeVote.codeTypeVote)).length;
    expect((await list('?legislature=17&type=MOC,SPS')).total).toBe(expected);
    expect((await list('?legislature=17&type=MOC&type=sps')).total).toBe(expected);
  });

  it('filters by outcome, accented or not', async () => {
    const adopted = l17.filter((r) => r.sort.code === 'adopté').length;
    expect((await list('?legislature=17&outcome=adopté')).total).toBe(adopted);
    expect((await list('?legislature=17&outcome=adopte')).total).toBe(adopted);
    expect((await list('?legislature=17&outcome=rejeté')).total).toBe(l17.length - adopted);
  });

  it('filters by an inclusive date range', async () => {
    const from = '2025-01-01';
    const to = '2025-03-31';
    const expected = l17.filter((r) => r.dateScrutin >= from && r.dateScrutin <= to);
    const items = await listAll(`?dateFrom=${from}&dateTo=${to}`);
    expect(items).toHaveLength(expected.length);
    expect(expected.length).toBeGreaterThan(0);
    expect(items.every((s) => s.date >= from && s.date <= to)).toBe(true);
    const day = expected[0]!.dateScrutin;
    expect((await list(`?dateFrom=${day}&dateTo=${day}&legislature=17`)).total).toBe(l17.filter((r) => r.dateScrutin === day).length);
  });

  it('searches titre and objet ignoring case and accents', async () => {
    const matches = (words: string[]) =>
      l17.filter((r) => {
        const text = fold(`${r.titre} ${r.objet?.libelle ?? ''}`);
        return words.every((w) => text.includes(fold(w)));
      }).length;
    const plain = await list('?legislature=17&q=deposee');
    const accented = await list('?legislature=17&q=DÉPOSÉE');
    expect(plain.total).toBe(matches(['déposée']));
    expect(plain.total).toBeGreaterThan(0);
    expect(accented.total).toBe(plain.total);
    const two = await list(`?legislature=17&q=${encodeURIComponent('motion censure')}`);
    expect(two.total).toBe(matches(['motion', 'censure']));
    expect(two.total).toBeGreaterThan(0);
    const prefix = await list('?legislature=17&q=censur');
    expect(prefix.total).toBe(matches(['censur']));
    // FTS operators and quotes typed by a user are literal characters
    expect((await list(`?legislature=17&q=${encodeURIComponent('"motion" OR NEAR(')}`)).total).toBe(matches(['"motion"', 'OR', 'NEAR(']));
    expect((await list('?legislature=17&q=%25%25%25')).total).toBe(0);
  });

  it('matches words shorter than three characters on the text', async () => {
    const expected = l17.filter((r) => `${r.titre} ${r.objet?.libelle ?? ''}`.toLowerCase().includes('49')).length;
    expect(expected).toBeGreaterThan(0);
    expect((await list('?legislature=17&q=49')).total).toBe(expected);
  });

  it('keeps the search index in step when a re-import changes a titre', async () => {
    const before = await getScrutin(api.db, 'VTANR5L17V519');
    expect(before).not.toBeNull();
    expect((await list('?q=zythogastronomie')).total).toBe(0);
    await upsertScrutins(api.db, [{ ...before!, titre: `${before!.titre} (zythogastronomie)` }]);
    expect((await list('?q=Zythogastronomie')).items.map((s) => s.uid)).toEqual(['VTANR5L17V519']);
    await upsertScrutins(api.db, [before!]);
    expect((await list('?q=zythogastronomie')).total).toBe(0);
    expect((await list('?legislature=17')).total).toBe(3876);
  });

  it('combines filters with AND', async () => {
    const expected = l17.filter(
      (r) => r.typeVote.codeTypeVote === 'SPS' && r.sort.code === 'adopté' && r.dateScrutin >= '2025-01-01',
    ).length;
    expect((await list('?legislature=17&type=SPS&outcome=adopte&dateFrom=2025-01-01')).total).toBe(expected);
  });

  it('sorts by closeness, |pour − requis| = 0 first', async () => {
    const body = await list('?legislature=17&sort=closeness&pageSize=100');
    const zero = l17.filter((r) => closeness(r) === 0).length;
    expect(zero).toBeGreaterThan(0);
    expect(body.items[0]?.closeness).toBe(0);
    for (const s of body.items) expect(s.closeness).toBe(Math.abs(s.totals.pour - s.totals.requis));
    const values = body.items.map((s) => s.closeness);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(body.items.filter((s) => s.closeness === 0)).toHaveLength(Math.min(zero, 100));
  });

  it('reports the LIOT motion of March 2023 as a rejected MOC, 278 pour for 287 required', async () => {
    const body = await list('?legislature=16&type=MOC&q=Pancher&pageSize=100');
    const liot = body.items.find((s) => s.uid === 'VTANR5L16V1240');
    expect(liot).toMatchObject({
      type: 'MOC',
      outcome: 'rejeté',
      date: '2023-03-20',
      totals: { pour: 278, requis: 287, contre: 0, abstentions: 0 },
      closeness: 9,
    });
    // the L16 samples and the Congrès of 2024 (numbered in the 16th legislature)
    expect((await list('?legislature=16')).total).toBe(readAllRawScrutins().filter((r) => r.legislature === '16').length);
    expect((await list('')).total).toBe(readAllRawScrutins().length);
    expect(l16.length).toBe(192);
  });

  it.each([
    ['page', '?page=0'],
    ['page', '?page=abc'],
    ['page', '?page=1.5'],
    ['pageSize', '?pageSize=101'],
    ['pageSize', '?pageSize=0'],
    ['legislature', '?legislature=x'],
    ['type', '?type=SPO,XYZ'],
    ['outcome', '?outcome=maybe'],
    ['dateFrom', '?dateFrom=2024-13-01'],
    ['dateTo', '?dateTo=yesterday'],
    ['dateTo', '?dateFrom=2025-02-01&dateTo=2025-01-01'],
    ['sort', '?sort=random'],
    ['q', `?q=${'x'.repeat(201)}`],
    ['pagesize', '?pagesize=10'],
  ])('answers 400 problem+json naming %s for %s', async (param, query) => {
    expectProblem(await api.get(`/api/scrutins${query}`), 400, param);
  });

  it('lists every bad parameter of one request', async () => {
    const problem = expectProblem(await api.get('/api/scrutins?page=0&sort=x&type=Q'), 400, 'page');
    expect(problem.errors?.map((e) => e.param).sort()).toEqual(['page', 'sort', 'type']);
  });

  it('treats empty parameters as absent', async () => {
    expect((await list('?legislature=17&type=&q=&outcome=')).total).toBe(3876);
  });
});

describe('GET /api/scrutins/:uid', () => {
  it('returns the LIOT motion with named groups, named deputies and totals', async () => {
    const res = await api.get('/api/scrutins/VTANR5L16V1240');
    expect(res.status).toBe(200);
    const s = ScrutinDetailSchema.parse(res.body);
    expect(s).toMatchObject({ uid: 'VTANR5L16V1240', type: 'MOC', outcome: 'rejeté', legislature: 16, numero: 1240 });
    expect(s.totals).toMatchObject({ pour: 278, requis: 287, votants: 278, exprimes: 278 });
    expect(s.groups.reduce((n, g) => n + g.pour, 0)).toBe(278);
    expect(s.deputies.filter((d) => d.position === 'pour')).toHaveLength(278);
    expect(s.groups.every((g) => g.name !== null && g.colour?.startsWith('#'))).toBe(true);
    const named = s.deputies.filter((d) => d.lastName !== null);
    expect(named.length).toBeGreaterThan(0);
  });

  it('leaves dangling group refs (PO0) unnamed', async () => {
    const s = ScrutinDetailSchema.parse((await api.get('/api/scrutins/VTANR5L17V489')).body);
    expect(s.groups.length).toBeGreaterThan(0);
    expect(s.groups.every((g) => g.organeRef === 'PO0' && g.name === null && g.colour === null)).toBe(true);
    expect(s.totals.pour).toBe(s.groups.reduce((n, g) => n + g.pour, 0));
  });

  it('names every group of an L17 scrutin, the first UDR group included', async () => {
    const s = ScrutinDetailSchema.parse((await api.get('/api/scrutins/VTANR5L17V519')).body);
    expect(s.groups.length).toBe(12);
    expect(s.groups.every((g) => g.name !== null && g.abbreviation !== null)).toBe(true);
    expect(s.groups.find((g) => g.organeRef === 'PO847173')?.abbreviation).toBe('UDR');
  });

  it('returns the mises au point of a scrutin, with names', async () => {
    const s = ScrutinDetailSchema.parse((await api.get('/api/scrutins/VTANR5L17V3613')).body);
    expect(s.misesAuPoint.length).toBeGreaterThan(0);
    expect(s.misesAuPoint.some((m) => m.acteurRef === 'PA720256')).toBe(true);
    expect(s.misesAuPoint.some((m) => m.malfunction)).toBe(true);
  });

  it('answers 404 problem+json for an unknown uid', async () => {
    expectProblem(await api.get('/api/scrutins/VTANR5L17V999999'), 404, 'uid');
  });

  it('answers 400 problem+json naming uid for a malformed uid', async () => {
    expectProblem(await api.get(`/api/scrutins/${'V'.repeat(65)}`), 400, 'uid');
    expectProblem(await api.get('/api/scrutins/a.b'), 400, 'uid');
  });
});
