import { SESSION_COOKIE } from '@parallele/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpOverHttp } from '../test-support/citizens';
import { startPlatformTestServer, type PlatformTestServer } from '../test-support/platform';

/** The session cookie when the server replays an instant (AS_OF = 18 Nov 2025): its clock is not the browser's. */
let t: PlatformTestServer;
beforeAll(async () => {
  t = await startPlatformTestServer();
});
afterAll(async () => {
  await t.close();
});

describe('session cookie under AS_OF', () => {
  it('lasts its lifetime as Max-Age, so a browser on the real clock keeps it', async () => {
    const me = await signUpOverHttp(t as never, 'replay@example.org');
    const login = await me.agent.post('/api/auth/login').set('x-csrf-token', me.csrf).send({ email: me.email, password: 'correct horse battery staple' }).expect(200);
    const cookie = ([] as string[]).concat(login.headers['set-cookie'] ?? []).find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    // 30 days (SESSION_TTL_DAYS) from the replayed instant, counted from the browser's own now
    expect(cookie).toMatch(/Max-Age=2592000(;|$)/);
    expect(Date.parse(/Expires=([^;]+)/.exec(cookie)![1]!)).toBeGreaterThan(Date.now());
    // the cookie jar (on the real clock) still sends it: the session holds
    await me.agent.get('/api/auth/me').expect(200);
  });
});
