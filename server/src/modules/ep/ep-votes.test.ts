import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tally } from '@parallele/core';
import { signUpOverHttp, startCitizensTestServer, type CitizensTestServer } from '../../test-support/citizens';
import { importBundledEpIfMissing } from './bundled';

/** Citizens vote on European Parliament votes exactly as on AN scrutins (issue 15 §2). */
let t: CitizensTestServer;
beforeAll(async () => {
  t = await startCitizensTestServer({ scrutins: 1 });
  await importBundledEpIfMissing(t.db);
});
afterAll(async () => t?.close());

describe('citizens voting on an EP vote', () => {
  it('casts a vote on the Ukraine resolution of 17 July 2024 and the tally follows; an unknown EP uid is a 404', async () => {
    const uid = 'PEL10V169362';
    const alice = await signUpOverHttp(t, 'alice.ep@example.org');
    await alice.agent.put(`/api/scrutins/${uid}/my-vote`).set('x-csrf-token', alice.csrf).send({ choice: 'contre' }).expect(200);
    const tally = (await request(t.url).get(`/api/scrutins/${uid}/tally`).expect(200)).body as Tally;
    expect(tally).toMatchObject({ scrutinUid: uid, all: { pour: 0, contre: 1, abstention: 0, total: 1 } });
    await alice.agent.put('/api/scrutins/PEL10V1/my-vote').set('x-csrf-token', alice.csrf).send({ choice: 'pour' }).expect(404);
  });
});
