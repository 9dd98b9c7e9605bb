import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finalLawVoteUids, parseScrutin, ScrutinListResponseSchema, type ScrutinListResponse } from '@parallele/core';
import { createTestApi, L17_BUNDLE, readRawBundle, type TestApi } from '../../test-support/imported-store';
import { expectProblem } from '../../test-support/problems';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api?.cleanup());

async function listAll(query: string): Promise<ScrutinListResponse['items']> {
  const items: ScrutinListResponse['items'] = [];
  for (let page = 1; ; page++) {
    const res = await api.get(`/api/scrutins${query}&pageSize=100&page=${page}`);
    expect(res.status, res.text).toBe(200);
    const body = ScrutinListResponseSchema.parse(res.body);
    items.push(...body.items);
    if (page >= body.totalPages) return items;
  }
}

describe('GET /api/scrutins?finalLawVote=', () => {
  it('lists exactly the final votes on a law that core defines, without the TikTok inquiry resolution', async () => {
    const expected = finalLawVoteUids(readRawBundle(L17_BUNDLE).map((r, i) => parseScrutin({ scrutin: r }, `L17:${i + 1}`)));
    const got = await listAll('?legislature=17&finalLawVote=true');
    expect(new Set(got.map((s) => s.uid))).toEqual(expected);
    expect(got.map((s) => s.uid)).not.toContain('VTANR5L17V1018');
    expect(got.map((s) => s.uid)).toContain('VTANR5L17V2207');
    // the text search "ensemble" still finds the resolution: the filter is what tells them apart
    const ensemble = await listAll('?legislature=17&q=ensemble');
    expect(ensemble.map((s) => s.uid)).toContain('VTANR5L17V1018');
  });

  it('combines with the other filters, and false lists the rest', async () => {
    const yes = await listAll('?legislature=17&type=SPS&finalLawVote=true');
    const no = await listAll('?legislature=17&type=SPS&finalLawVote=false');
    const all = await listAll('?legislature=17&type=SPS');
    expect(yes.length).toBeGreaterThan(10);
    expect(yes.length + no.length).toBe(all.length);
    expect(yes.every((s) => s.type === 'SPS')).toBe(true);
  });

  it('answers 400 naming finalLawVote for a value other than true or false', async () => {
    const res = await api.get('/api/scrutins?finalLawVote=yes');
    expectProblem(res, 400, 'finalLawVote');
  });
});
