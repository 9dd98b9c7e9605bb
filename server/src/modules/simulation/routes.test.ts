import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CurveResponseSchema,
  FlipProbabilityResponseSchema,
  LeverageResponseSchema,
  PhaseResponseSchema,
  SimulationResponseSchema,
} from '@parallele/core';
import { createTestApi, type TestApi } from '../../test-support/imported-store';
import { expectProblem } from '../../test-support/problems';

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api?.cleanup());

async function ok(url: string) {
  const res = await api.get(url);
  expect(res.status, res.text).toBe(200);
  return res.body as unknown;
}

describe('GET /api/scrutins/:uid/simulation', () => {
  it('reproduces the worked example VTANR5L17V3260 (55/35/10, K = 10) from the imported store', async () => {
    const body = SimulationResponseSchema.parse(await ok('/api/scrutins/VTANR5L17V3260/simulation?k=10&split=55,35,10'));
    expect(body.official).toEqual({ pour: 185, contre: 184, abstentions: 5, required: 185, outcome: 'adopté' });
    expect(body.parallel).toEqual({ pour: 187, contre: 183, abstentions: 6, required: 186, outcome: 'adopté' });
    expect(body).toMatchObject({ mode: 'proportional', method: 'largest-remainder', split: [55, 35, 10], flipped: false, tippingPoint: 2 });
  });

  it('applies the motion-de-censure rule in added mode (VTANR5L17V3058: 277 of 294, K* = 350)', async () => {
    const body = SimulationResponseSchema.parse(await ok('/api/scrutins/VTANR5L17V3058/simulation?k=10&split=55,35,10&mode=added'));
    expect(body.parallel).toEqual({ pour: 277, contre: 0, abstentions: 0, required: 294, outcome: 'rejeté' });
    expect(body.tippingPoint).toBe(350);
  });

  it('accepts the method and the group and deputies modes', async () => {
    // Sainte-Laguë, 7 seats for 53/24/23 (the textbook example): 3, 2, 2 where D'Hondt gives 4, 2, 1
    const sl = SimulationResponseSchema.parse(await ok('/api/scrutins/VTANR5L17V3260/simulation?k=7&split=53,24,23&method=sainte-lague'));
    expect(sl.bloc).toEqual({ pour: 3, contre: 2, abstentions: 2 });
    const dh = SimulationResponseSchema.parse(await ok('/api/scrutins/VTANR5L17V3260/simulation?k=7&split=53,24,23&method=dhondt'));
    expect(dh.bloc).toEqual({ pour: 4, contre: 2, abstentions: 1 });
    const majority = SimulationResponseSchema.parse(await ok('/api/scrutins/VTANR5L17V3260/simulation?k=10&split=55,35,10&method=majority'));
    expect(majority.bloc).toEqual({ pour: 10, contre: 0, abstentions: 0 });
    const detail = (await ok('/api/scrutins/VTANR5L17V3260')) as { groups: { organeRef: string; members: number }[]; deputies: { acteurRef: string; position: string }[] };
    const group = detail.groups[0]!;
    const g = SimulationResponseSchema.parse(await ok(`/api/scrutins/VTANR5L17V3260/simulation?k=3&split=1,0,0&mode=group:${group.organeRef}`));
    expect(g.mode).toBe(`group:${group.organeRef}`);
    const contre = detail.deputies.filter((d) => d.position === 'contre').slice(0, 2).map((d) => d.acteurRef);
    const d = SimulationResponseSchema.parse(await ok(`/api/scrutins/VTANR5L17V3260/simulation?k=2&split=1,0,0&mode=deputies:${contre.join(',')}`));
    expect(d.removed).toEqual({ pour: 0, contre: 2, abstentions: 0 });
    expect(d.parallel.pour - d.official.pour).toBe(2);
  });

  it('answers 400 problem+json naming the bad parameter', async () => {
    const base = '/api/scrutins/VTANR5L17V3260/simulation';
    expectProblem(await api.get(`${base}?split=55,35,10`), 400, 'k');
    expectProblem(await api.get(`${base}?k=abc&split=55,35,10`), 400, 'k');
    expectProblem(await api.get(`${base}?k=-1&split=55,35,10`), 400, 'k');
    expectProblem(await api.get(`${base}?k=900&split=55,35,10`), 400, 'k'); // beyond the 577 members
    expectProblem(await api.get(`${base}?k=10&split=55,35`), 400, 'split');
    expectProblem(await api.get(`${base}?k=10&split=0,0,0`), 400, 'split');
    expectProblem(await api.get(`${base}?k=10&split=55,35,10&mode=sideways`), 400, 'mode');
    expectProblem(await api.get(`${base}?k=10&split=55,35,10&mode=group:PO1`), 400, 'mode');
    expectProblem(await api.get(`${base}?k=1&split=55,35,10&mode=deputies:PA1`), 400, 'mode');
    expectProblem(await api.get(`${base}?k=10&split=55,35,10&method=borda`), 400, 'method');
    expectProblem(await api.get(`${base}?k=10&split=55,35,10&colour=red`), 400, 'colour');
  });

  it('answers 404 for an unknown scrutin', async () => {
    expectProblem(await api.get('/api/scrutins/VTANR5L17V999999/simulation?k=1&split=1,1,1'), 404);
  });
});

describe('GET /api/scrutins/:uid/simulation/curve, /phase and /flip-probability', () => {
  it('gives the K-curve of a range, non-monotonic around the tipping point of VTANR5L17V2000', async () => {
    const body = CurveResponseSchema.parse(await ok('/api/scrutins/VTANR5L17V2000/simulation/curve?split=55,35,10&from=98&to=103'));
    expect(body.points.map((p) => p.k)).toEqual([98, 99, 100, 101, 102, 103]);
    expect(body.points.map((p) => p.outcome)).toEqual(['rejeté', 'rejeté', 'rejeté', 'adopté', 'rejeté', 'adopté']);
    expect(body.firstFlip).toBe(101);
    for (const p of body.points) expect(p.margin).toBe(p.pour - p.required);
  });

  it('runs the curve up to the members M by default', async () => {
    const body = CurveResponseSchema.parse(await ok('/api/scrutins/VTANR5L17V3260/simulation/curve?split=55,35,10'));
    expect(body.from).toBe(0);
    expect(body.to).toBe(body.points.length - 1);
    expect(body.points[0]).toMatchObject({ pour: 185, contre: 184, required: 185, outcome: 'adopté' });
    expectProblem(await api.get('/api/scrutins/VTANR5L17V3260/simulation/curve?split=55,35,10&from=10&to=5'), 400, 'to');
  });

  it('gives the phase grid K × pour share', async () => {
    const body = PhaseResponseSchema.parse(await ok('/api/scrutins/VTANR5L17V3260/simulation/phase?from=0&to=60&kStep=6&shareStep=10'));
    expect(body.ks).toHaveLength(11);
    expect(body.shares).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(body.adopted.every((row) => row.length === 11)).toBe(true);
    // K = 0: the official outcome whatever the share
    expect(body.adopted[0]!.every((x) => x === 1)).toBe(true);
    expectProblem(await api.get('/api/scrutins/VTANR5L17V3260/simulation/phase?shareStep=0'), 400, 'shareStep');
  });

  it('gives the exact flip probability, as counts and as a number', async () => {
    const body = FlipProbabilityResponseSchema.parse(await ok('/api/scrutins/VTANR5L17V3260/simulation/flip-probability?k=10&split=0,1,0'));
    expect(body.probability).toBeGreaterThan(0);
    expect(body.probability).toBeLessThan(1);
    expect(BigInt(body.flips) < BigInt(body.draws)).toBe(true);
    const zero = FlipProbabilityResponseSchema.parse(await ok('/api/scrutins/VTANR5L17V3260/simulation/flip-probability?k=0&split=0,1,0'));
    expect(zero.probability).toBe(0);
    expectProblem(await api.get('/api/scrutins/VTANR5L17V3260/simulation/flip-probability?k=10&split=0,1,0&model=monte-carlo'), 400, 'model');
    expectProblem(await api.get('/api/scrutins/VTANR5L17V3260/simulation/flip-probability?k=100000&split=0,1,0'), 400, 'k');
  });
});

describe('GET /api/legislatures/:n/leverage', () => {
  it('gives the leverage of the 17th legislature in both modes', async () => {
    const prop = LeverageResponseSchema.parse(await ok('/api/legislatures/17/leverage'));
    expect(prop).toEqual({ legislature: 17, mode: 'proportional', scrutins: 3876, flippable: { '1': 55, '2': 106, '5': 286, '10': 518, '20': 976, '50': 2331 } });
    const added = LeverageResponseSchema.parse(await ok('/api/legislatures/17/leverage?ks=1,2,5,10,20,50&mode=added'));
    expect(added.flippable).toEqual({ '1': 56, '2': 108, '5': 288, '10': 519, '20': 958, '50': 2195 });
  });

  it('serves a repeated leverage from the cache until it is invalidated', async () => {
    const first = await ok('/api/legislatures/17/leverage?ks=3,7');
    const again = await ok('/api/legislatures/17/leverage?ks=3,7');
    expect(again).toEqual(first);
    api.deps.simulation.invalidate();
    expect(await ok('/api/legislatures/17/leverage?ks=3,7')).toEqual(first);
  });

  it('answers 400 for bad K lists or modes and 404 for a legislature without scrutins', async () => {
    expectProblem(await api.get('/api/legislatures/17/leverage?ks=0'), 400, 'ks');
    expectProblem(await api.get('/api/legislatures/17/leverage?ks=1,x'), 400, 'ks');
    expectProblem(await api.get(`/api/legislatures/17/leverage?ks=${Array.from({ length: 51 }, (_, i) => i + 1).join(',')}`), 400, 'ks');
    expectProblem(await api.get('/api/legislatures/17/leverage?mode=nope'), 400, 'mode');
    expectProblem(await api.get('/api/legislatures/abc/leverage'), 400, 'n');
    expectProblem(await api.get('/api/legislatures/42/leverage'), 404);
  });
});
