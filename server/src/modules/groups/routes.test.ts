import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GroupListResponseSchema } from '@parallele/core';
import { REPO_ROOT } from '../../config';
import { createTestApi, type TestApi } from '../../test-support/imported-store';
import { expectProblem } from '../../test-support/problems';

interface RawOrgane {
  uid: string;
  codeType: string;
  libelle: string;
  libelleAbrege: string;
  couleurAssociee?: string;
}

/** The bundled organe files of a legislature, read without our parser. */
const rawOrganes = (legislature: number): RawOrgane[] => {
  const dir = join(REPO_ROOT, 'data/opendata/organes', `L${legislature}`);
  return readdirSync(dir).map((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { organe: RawOrgane }).organe);
};

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api?.cleanup());

describe('GET /api/groups', () => {
  it('lists the political groups of the 17th legislature with their names and colours', async () => {
    const res = await api.get('/api/groups?legislature=17');
    expect(res.status).toBe(200);
    const { groups } = GroupListResponseSchema.parse(res.body);
    const expected = rawOrganes(17).filter((o) => o.codeType === 'GP');
    expect(groups.map((g) => g.ref).sort()).toEqual(expected.map((o) => o.uid).sort());
    const rn = groups.find((g) => g.ref === 'PO845401');
    expect(rn).toMatchObject({ kind: 'GP', name: 'Rassemblement National', abbreviation: 'RN', colour: '#313567', legislature: 17 });
    // the first UDR group, missing from the active referential, is bundled from a 2025 snapshot
    expect(groups.some((g) => g.ref === 'PO847173')).toBe(true);
  });

  it('lists every legislature when none is given, and other organes with kind=all', async () => {
    const gp = GroupListResponseSchema.parse((await api.get('/api/groups')).body).groups;
    const expectedGp = [...rawOrganes(16), ...rawOrganes(17)].filter((o) => o.codeType === 'GP').length;
    expect(gp).toHaveLength(expectedGp);
    const all = GroupListResponseSchema.parse((await api.get('/api/groups?legislature=17&kind=all')).body).groups;
    expect(all).toHaveLength(rawOrganes(17).length);
    expect(all.some((g) => g.kind === 'ASSEMBLEE' && g.ref === 'PO838901')).toBe(true);
    const assemblies = GroupListResponseSchema.parse((await api.get('/api/groups?kind=assemblee')).body).groups;
    expect(assemblies.map((g) => g.ref).sort()).toEqual(['PO791932', 'PO838901']);
  });

  it('answers 400 naming the bad parameter', async () => {
    expectProblem(await api.get('/api/groups?legislature=dix-sept'), 400, 'legislature');
    expectProblem(await api.get('/api/groups?kind=G%20P'), 400, 'kind');
    expectProblem(await api.get('/api/groups?colour=red'), 400, 'colour');
  });
});
