import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlippableResponseSchema, type FlippableResponse } from '@parallele/core';
import { createTestApi, type TestApi } from '../../test-support/imported-store';
import { expectProblem } from '../../test-support/problems';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api?.cleanup());

async function flippable(query: string): Promise<FlippableResponse> {
  const res = await api.get(`/api/legislatures/17/flippable${query}`);
  expect(res.status, res.text).toBe(200);
  return FlippableResponseSchema.parse(res.body);
}

describe('GET /api/legislatures/:n/flippable', () => {
  it('lists as many scrutins as the leverage of the 17th legislature counts (issue 3: K=10 → 518, K=1 → 55)', async () => {
    expect((await flippable('?k=10')).total).toBe(518);
    expect((await flippable('?k=1')).total).toBe(55);
    expect((await flippable('?k=10&mode=added')).total).toBe(519);
    expect((await flippable('?k=10')).scrutins).toBe(3876);
  });

  it('puts the smallest tipping point first and never lists one above K', async () => {
    const body = await flippable('?k=5&pageSize=200');
    const ks = body.items.map((i) => i.tippingPoint);
    expect(ks.every((k) => k >= 1 && k <= 5)).toBe(true);
    expect([...ks].sort((a, b) => a - b)).toEqual(ks);
  });

  it('finds the Barnier censure (VTANR5L17V519) from K = 76 in the best case', async () => {
    const at75: string[] = [];
    for (let page = 1; ; page++) {
      const body = await flippable(`?k=75&pageSize=200&page=${page}`);
      at75.push(...body.items.map((i) => i.uid));
      if (page * body.pageSize >= body.total) break;
    }
    expect(at75).not.toContain('VTANR5L17V519');
    const at76 = await flippable('?k=76&pageSize=200&page=1');
    const pages = Math.ceil(at76.total / 200);
    const last = await flippable(`?k=76&pageSize=200&page=${pages}`);
    expect(last.items.find((i) => i.uid === 'VTANR5L17V519')?.tippingPoint).toBe(76);
  });

  it('refuses a bad K or mode with a problem naming the parameter', async () => {
    expectProblem(await api.get('/api/legislatures/17/flippable?k=0'), 400, 'k');
    expectProblem(await api.get('/api/legislatures/17/flippable?k=10&mode=everyone'), 400, 'mode');
    expectProblem(await api.get('/api/legislatures/99/flippable?k=10'), 404, 'n');
  });
});
