import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { SESSION_COOKIE, SessionStateSchema } from '@parallele/core';
import { signUpOverHttp, startCitizensTestServer, type CitizensTestServer } from '../../test-support/citizens';

let t: CitizensTestServer;
beforeAll(async () => {
  t = await startCitizensTestServer();
});
afterAll(async () => t.close());

describe('GET /api/auth/session', () => {
  it('answers 200 with me: null to an anonymous visitor, and with the account once signed in', async () => {
    const anon = await request(t.url).get('/api/auth/session').expect(200);
    expect(SessionStateSchema.parse(anon.body)).toEqual({ me: null });
    const forged = await request(t.url).get('/api/auth/session').set('Cookie', `${SESSION_COOKIE}=forged-token`).expect(200);
    expect(forged.body).toEqual({ me: null });

    const citizen = await signUpOverHttp(t, 'session-state@example.org');
    const me = SessionStateSchema.parse((await citizen.agent.get('/api/auth/session').expect(200)).body).me;
    expect(me?.email).toBe('session-state@example.org');
    expect(me?.voterId).toBe(citizen.voterId);
    await citizen.agent.post('/api/auth/logout').set('x-csrf-token', citizen.csrf).expect(204);
    expect((await citizen.agent.get('/api/auth/session').expect(200)).body).toEqual({ me: null });
  });
});
