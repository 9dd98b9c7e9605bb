import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import request from 'supertest';
import { signUpOverHttp, startCitizensTestServer, type CitizensTestServer } from '../../test-support/citizens';

/**
 * Issue 10, point 7, with the DEFAULT limits (the test environment's generous ones unset): limits
 * per action, per address and per IP; the mailed link answers a page; Retry-After = the body.
 */
const DEFAULTS = { RATE_AUTH_PER_IP: '', RATE_REGISTER_PER_IP: '', RATE_LOGIN_PER_IP: '', RATE_LOGIN_FAILURES_PER_ACCOUNT: '', RATE_VERIFY_PER_IP: '' };
const password = 'correct horse battery staple';

let t: CitizensTestServer;
beforeAll(async () => {
  t = await startCitizensTestServer({ env: DEFAULTS });
});
afterAll(async () => t.close());

async function anonymous() {
  const agent = request.agent(t.url);
  const csrf = (await agent.get('/api/auth/csrf').expect(200)).body.csrfToken as string;
  return { agent, csrf };
}

describe('rate limits per action, address and IP', () => {
  it('locks the guessed account after 10 failures, not the other people behind the same address', async () => {
    await signUpOverHttp(t, 'neighbour@example.org');
    const { agent, csrf } = await anonymous();
    const statuses: number[] = [];
    for (let i = 0; i < 70; i++) statuses.push((await agent.post('/api/auth/login').set('x-csrf-token', csrf).send({ email: 'target@example.org', password: `guess ${i} guess` })).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
    const { agent: other, csrf: csrf2 } = await anonymous();
    await other.post('/api/auth/login').set('x-csrf-token', csrf2).send({ email: 'neighbour@example.org', password }).expect(200);
  });

  it('lets one IP create 10 accounts an hour, not 30 per 15 minutes', async () => {
    const { agent, csrf } = await anonymous();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await agent.post('/api/auth/register').set('x-csrf-token', csrf).send({ email: `sock${i}@example.org`, password })).status);
    // neighbour@ above was the first account of this IP
    expect(statuses).toEqual([...Array(9).fill(202), 429, 429, 429]);
  });

  it('says the same wait in Retry-After and in the problem body', async () => {
    const { agent, csrf } = await anonymous();
    // 30 s into the window: a Retry-After of the whole window (900 s) would now be wrong.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 30_000 });
    let res: request.Response;
    try {
      res = await agent.post('/api/auth/register').set('x-csrf-token', csrf).send({ email: 'late@example.org', password }).expect(429);
    } finally {
      vi.useRealTimers();
    }
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body.retryAfterSeconds).toBeLessThanOrEqual(3600 - 30);
    expect(Number(res.headers['retry-after'])).toBe(res.body.retryAfterSeconds);
    expect(res.body.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('answers a page, not JSON, when the mailed link is opened too often', async () => {
    let last: request.Response | undefined;
    for (let i = 0; i < 61; i++) last = await request(t.url).get(`/api/auth/verify-email?token=${'x'.repeat(43)}`);
    expect(last!.status).toBe(429);
    expect(last!.headers['content-type']).toMatch(/text\/html/);
    expect(last!.text).toMatch(/Trop de tentatives/);
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
  });
});
