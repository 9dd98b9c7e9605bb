import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeputyResponseSchema } from '@parallele/core';
import { createTestApi, readAllRawScrutins, type TestApi } from '../../test-support/imported-store';
import { expectProblem } from '../../test-support/problems';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api?.cleanup());

type Votant = { acteurRef: string };
type Bucket = null | { votant: Votant | Votant[] };

/** How many positions an acteur has in every bundled scrutin (pours, contres, abstentions, nonVotants). */
function rawPositionCount(acteur: string): number {
  let n = 0;
  for (const s of readAllRawScrutins() as unknown as {
    ventilationVotes: { organe: { groupes: { groupe: { vote: { decompteNominatif: Record<string, Bucket> } }[] } } };
  }[]) {
    for (const g of s.ventilationVotes.organe.groupes.groupe) {
      for (const bucket of Object.values(g.vote.decompteNominatif)) {
        if (!bucket) continue;
        const list = Array.isArray(bucket.votant) ? bucket.votant : [bucket.votant];
        n += list.filter((v) => v.acteurRef === acteur).length;
      }
    }
  }
  return n;
}

describe('GET /api/deputies/:ref', () => {
  it('returns a deputy with her name, group and positions, newest first', async () => {
    const res = await api.get('/api/deputies/PA720256?pageSize=50');
    expect(res.status).toBe(200);
    const body = DeputyResponseSchema.parse(res.body);
    expect(body.deputy).toMatchObject({ ref: 'PA720256', civility: 'Mme', firstName: 'Géraldine', lastName: 'Bannier' });
    expect(body.deputy.group?.kind).toBe('GP');
    expect(body.positions.total).toBe(rawPositionCount('PA720256'));
    expect(body.positions.items).toHaveLength(50);
    const dates = body.positions.items.map((p) => p.date);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('pages through every position once', async () => {
    const first = DeputyResponseSchema.parse((await api.get('/api/deputies/PA720256?pageSize=100')).body);
    const seen = new Set<string>();
    for (let page = 1; page <= first.positions.totalPages; page++) {
      const body = DeputyResponseSchema.parse((await api.get(`/api/deputies/PA720256?pageSize=100&page=${page}`)).body);
      for (const p of body.positions.items) seen.add(p.scrutinUid);
    }
    expect(seen.size).toBe(first.positions.total);
  });

  it('answers 404 for an unknown acteur and 400 for a malformed ref or page', async () => {
    expectProblem(await api.get('/api/deputies/PA1'), 404, 'ref');
    expectProblem(await api.get('/api/deputies/720256'), 400, 'ref');
    expectProblem(await api.get('/api/deputies/PA720256?page=-1'), 400, 'page');
    expectProblem(await api.get('/api/deputies/PA720256?pageSize=1000'), 400, 'pageSize');
  });
});
