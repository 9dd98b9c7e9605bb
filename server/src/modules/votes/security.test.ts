import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import request from 'supertest';
import { signUpOverHttp, startCitizensTestServer, type CitizensTestServer, type SignedIn } from '../../test-support/citizens';

let t: CitizensTestServer;
let me: SignedIn;
let uid: string;
beforeAll(async () => {
  t = await startCitizensTestServer();
  uid = t.scrutinUids[0]!;
  me = await signUpOverHttp(t, 'secure@example.org');
  await t.citizens.accounts.createAdmin('admin.fuzz@example.org', 'admin passphrase!');
});
afterAll(async () => t.close());

const injections = [
  "' OR 1=1 --",
  "'; DROP TABLE votes; --",
  '"><script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'pour\u0000',
  '../../../etc/passwd',
  '${7*7}{{7*7}}',
  'pour; DELETE FROM vote_log',
  'x'.repeat(5000),
];

describe('CSRF on cookie-authenticated writes', () => {
  it('refuses a vote without the header, with a header not matching the cookie, or signed for another session', async () => {
    const put = () => me.agent.put(`/api/scrutins/${uid}/my-vote`).send({ choice: 'pour' });
    expect((await put()).status).toBe(403);
    expect((await put().set('x-csrf-token', 'forged.token')).body.code).toBe('csrf_failed');
    const other = await signUpOverHttp(t, 'other.secure@example.org');
    expect((await put().set('x-csrf-token', other.csrf)).status).toBe(403);
    const anon = (await request(t.url).get('/api/auth/csrf')).body.csrfToken as string;
    expect((await put().set('x-csrf-token', anon)).status).toBe(403);
    expect((await put().set('x-csrf-token', me.csrf).set('sec-fetch-site', 'cross-site')).status).toBe(403);
    expect((await put().set('x-csrf-token', me.csrf)).status).toBe(200);
  });

  it('refuses register and login without a token', async () => {
    await request(t.url).post('/api/auth/register').send({ email: 'x@example.org', password: 'long enough password' }).expect(403);
    await request(t.url).post('/api/auth/login').send({ email: 'x@example.org', password: 'whatever' }).expect(403);
  });
});

describe('hostile bodies get 4xx, never 5xx', () => {
  it('answers 413 to an oversized body and 400 to malformed JSON or a wrong content type', async () => {
    const big = await me.agent.put(`/api/scrutins/${uid}/my-vote`).set('x-csrf-token', me.csrf).set('content-type', 'application/json').send(`{"choice":"${'a'.repeat(200_000)}"}`);
    expect(big.status).toBe(413);
    const broken = await me.agent.put(`/api/scrutins/${uid}/my-vote`).set('x-csrf-token', me.csrf).set('content-type', 'application/json').send('{"choice": "pour"');
    expect(broken.status).toBe(400);
    const text = await me.agent.put(`/api/scrutins/${uid}/my-vote`).set('x-csrf-token', me.csrf).set('content-type', 'text/plain').send('choice=pour');
    expect(text.status).toBe(400);
    const extra = await me.agent.put(`/api/scrutins/${uid}/my-vote`).set('x-csrf-token', me.csrf).send({ choice: 'pour', weight: 1000 });
    expect(extra.status).toBe(400);
    expect(extra.body.detail).toMatch(/weight/);
  });

  it('treats SQL and HTML injection strings as plain bad input everywhere', async () => {
    const anon = request.agent(t.url);
    const csrf = (await anon.get('/api/auth/csrf')).body.csrfToken as string;
    for (const evil of injections) {
      const vote = await me.agent.put(`/api/scrutins/${uid}/my-vote`).set('x-csrf-token', me.csrf).send({ choice: evil });
      expect(vote.status, evil).toBe(400);
      const path = await me.agent.put(`/api/scrutins/${encodeURIComponent(evil)}/my-vote`).set('x-csrf-token', me.csrf).send({ choice: 'pour' });
      expect(path.status, evil).toBeGreaterThanOrEqual(400);
      expect(path.status, evil).toBeLessThan(500);
      const login = await anon.post('/api/auth/login').set('x-csrf-token', csrf).send({ email: evil, password: evil });
      expect(login.status, evil).toBe(400);
      const register = await anon.post('/api/auth/register').set('x-csrf-token', csrf).send({ email: `${evil}@example.org`, password: evil.padEnd(12, 'x') });
      expect([202, 400], evil).toContain(register.status);
      expect((await request(t.url).get(`/api/scrutins/${encodeURIComponent(evil)}/tally`)).status, evil).toBeLessThan(500);
    }
    // The tables are all still there and the log still verifies.
    for (const table of ['votes', 'vote_log', 'citizens']) await expect(t.db.store.get(`SELECT count(*) AS n FROM ${table}`)).resolves.toBeDefined();
    const log = await request(t.url).get(`/api/scrutins/${uid}/log`).expect(200);
    expect(JSON.stringify(log.body)).not.toMatch(/<script>/);
  });

  it('survives fuzzed bodies on every write endpoint (fast-check)', async () => {
    const anon = request.agent(t.url);
    const anonCsrf = (await anon.get('/api/auth/csrf')).body.csrfToken as string;
    const adminAgent = request.agent(t.url);
    const adminCsrf0 = (await adminAgent.get('/api/auth/csrf')).body.csrfToken as string;
    const adminCsrf = (await adminAgent.post('/api/auth/login').set('x-csrf-token', adminCsrf0).send({ email: 'admin.fuzz@example.org', password: 'admin passphrase!' })).body.csrfToken as string;
    const targets: { agent: typeof anon; csrf: string; method: 'post' | 'put' | 'delete'; path: string }[] = [
      { agent: anon, csrf: anonCsrf, method: 'post', path: '/api/auth/register' },
      { agent: anon, csrf: anonCsrf, method: 'post', path: '/api/auth/login' },
      { agent: anon, csrf: anonCsrf, method: 'post', path: '/api/auth/verify-email' },
      { agent: anon, csrf: anonCsrf, method: 'post', path: '/api/auth/password-reset/request' },
      { agent: anon, csrf: anonCsrf, method: 'post', path: '/api/auth/password-reset/confirm' },
      { agent: me.agent, csrf: me.csrf, method: 'put', path: `/api/scrutins/${uid}/my-vote` },
      { agent: me.agent, csrf: me.csrf, method: 'post', path: '/api/me/verifications' },
      { agent: me.agent, csrf: me.csrf, method: 'post', path: '/api/me/verifications/sms/complete' },
      { agent: adminAgent, csrf: adminCsrf, method: 'post', path: '/api/admin/flags/1/review' },
      { agent: adminAgent, csrf: adminCsrf, method: 'put', path: `/api/admin/scrutins/${uid}/window` },
    ];
    const body = fc.oneof(
      fc.jsonValue(),
      fc.record({ email: fc.string(), password: fc.string(), choice: fc.string(), code: fc.string(), token: fc.string() }, { requiredKeys: [] }),
      fc.dictionary(fc.string(), fc.jsonValue()),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), body, async (target, payload) => {
        const res = await target.agent[target.method](target.path).set('x-csrf-token', target.csrf).set('content-type', 'application/json').send(JSON.stringify(payload));
        expect(res.status, `${target.path} ${JSON.stringify(payload)} → ${res.text}`).toBeLessThan(500);
        expect(res.status).toBeGreaterThanOrEqual(200);
      }),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 80 }), async (segment) => {
        const res = await me.agent.put(`/api/scrutins/${encodeURIComponent(segment)}/my-vote`).set('x-csrf-token', me.csrf).send({ choice: 'pour' });
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 100 },
    );
  });
});

describe('rate limits', () => {
  it('answers 429 past the per-IP limit of the auth endpoints, and past the per-account vote limit', async () => {
    const limited = await startCitizensTestServer({ env: { RATE_AUTH_PER_IP: '5', RATE_VOTES_PER_ACCOUNT: '3' } });
    try {
      // sign-up spends 3 of the 5 auth requests (register, verify, login)
      const voter = await signUpOverHttp(limited, 'limited@example.org');
      const votes: number[] = [];
      for (const choice of ['pour', 'contre', 'pour', 'contre'] as const) {
        votes.push((await voter.agent.put(`/api/scrutins/${limited.scrutinUids[0]}/my-vote`).set('x-csrf-token', voter.csrf).send({ choice })).status);
      }
      expect(votes).toEqual([200, 200, 200, 429]);
      const agent = request.agent(limited.url);
      const csrf = (await agent.get('/api/auth/csrf')).body.csrfToken as string;
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await agent.post('/api/auth/login').set('x-csrf-token', csrf).send({ email: 'a@example.org', password: 'nope' })).status);
      expect(statuses).toEqual([401, 401, 429, 429]);
      const res = await agent.post('/api/auth/login').set('x-csrf-token', csrf).send({ email: 'a@example.org', password: 'nope' });
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.headers.ratelimit ?? res.headers['ratelimit-policy']).toBeDefined();
    } finally {
      await limited.close();
    }
  });
});
