import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import { SESSION_COOKIE } from '@parallele/core';
import { latestCode, mailsTo, signUpOverHttp, startCitizensTestServer, type CitizensTestServer } from '../../test-support/citizens';

const password = 'correct horse battery staple';
const smsLog: string[] = [];
const logger = pino(
  { level: 'info' },
  new Writable({
    write(chunk: Buffer, _enc, done) {
      smsLog.push(chunk.toString());
      done();
    },
  }),
);

let t: CitizensTestServer;
beforeAll(async () => {
  t = await startCitizensTestServer({ logger });
});
afterAll(async () => t.close());

async function csrfAgent() {
  const agent = request.agent(t.url);
  const res = await agent.get('/api/auth/csrf').expect(200);
  return { agent, csrf: (res.body as { csrfToken: string }).csrfToken };
}

describe('accounts over HTTP', () => {
  it('registers, verifies by the mailed code, logs in and shows the account', async () => {
    const me = await signUpOverHttp(t, 'Alice@Example.org');
    const res = await me.agent.get('/api/auth/me').expect(200);
    expect(res.body).toMatchObject({ email: 'alice@example.org', level: 'email', role: 'citizen' });
    expect(res.body.voterId).toMatch(/^[0-9a-f]{32}$/);
    const mail = mailsTo(t.mailbox, 'alice@example.org')[0]!;
    expect(mail.subject).toMatch(/^Votre code : \d{6}/);
    expect(mail.text).toContain('— English —');
  });

  it('sets the session cookie httpOnly and SameSite=Lax', async () => {
    await signUpOverHttp(t, 'cookie@example.org');
    const { agent, csrf } = await csrfAgent();
    const res = await agent.post('/api/auth/login').set('x-csrf-token', csrf).send({ email: 'cookie@example.org', password }).expect(200);
    const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it('verifies by the mailed link too, and redirects to the app', async () => {
    const { agent, csrf } = await csrfAgent();
    await agent.post('/api/auth/register').set('x-csrf-token', csrf).send({ email: 'link@example.org', password }).expect(202);
    const { token } = await latestCode(t.citizens, t.mailbox, 'link@example.org');
    const res = await agent.get(`/api/auth/verify-email?token=${token}`).expect(303);
    expect(res.headers.location).toBe('/?emailVerification=ok');
    const again = await agent.get(`/api/auth/verify-email?token=${token}`).expect(303);
    expect(again.headers.location).toBe('/?emailVerification=invalid');
  });

  it('answers register, login and reset the same way whether the account exists or not', async () => {
    await signUpOverHttp(t, 'known@example.org');
    const { agent, csrf } = await csrfAgent();
    const known = await agent.post('/api/auth/register').set('x-csrf-token', csrf).send({ email: 'known@example.org', password });
    const unknown = await agent.post('/api/auth/register').set('x-csrf-token', csrf).send({ email: 'nobody@example.org', password });
    expect([known.status, known.body]).toEqual([unknown.status, unknown.body]);
    const badKnown = await agent.post('/api/auth/login').set('x-csrf-token', csrf).send({ email: 'known@example.org', password: 'wrong password!' });
    const badUnknown = await agent.post('/api/auth/login').set('x-csrf-token', csrf).send({ email: 'ghost@example.org', password: 'wrong password!' });
    expect(badKnown.status).toBe(401);
    expect([badKnown.status, badKnown.body.detail]).toEqual([badUnknown.status, badUnknown.body.detail]);
    const resetKnown = await agent.post('/api/auth/password-reset/request').set('x-csrf-token', csrf).send({ email: 'known@example.org' });
    const resetUnknown = await agent.post('/api/auth/password-reset/request').set('x-csrf-token', csrf).send({ email: 'ghost@example.org' });
    expect([resetKnown.status, resetKnown.body]).toEqual([resetUnknown.status, resetUnknown.body]);
    // The owner of an existing address is told, instead of the requester.
    expect(mailsTo(t.mailbox, 'known@example.org').some((m) => /déjà un compte/.test(m.subject))).toBe(true);
  });

  // Issue 10, point 1: this test used to give the account to the second registration (an
  // account takeover). The owner of an address squatted before verification now takes it back
  // through password reset, which proves the address and ends the squatter's sessions.
  it('lets the owner of a squatted unverified address take it back by password reset, never by registering again', async () => {
    const { agent, csrf } = await csrfAgent();
    await agent.post('/api/auth/register').set('x-csrf-token', csrf).send({ email: 'squat@example.org', password: 'the squatter password' }).expect(202);
    await agent.post('/api/auth/register').set('x-csrf-token', csrf).send({ email: 'squat@example.org', password: 'the owner passphrase' }).expect(202);
    await agent.post('/api/auth/login').set('x-csrf-token', csrf).send({ email: 'squat@example.org', password: 'the owner passphrase' }).expect(401);
    await agent.post('/api/auth/password-reset/request').set('x-csrf-token', csrf).send({ email: 'squat@example.org' }).expect(202);
    await t.citizens.mailer.idle();
    const { code } = await latestCode(t.citizens, t.mailbox, 'squat@example.org');
    await agent.post('/api/auth/password-reset/confirm').set('x-csrf-token', csrf).send({ email: 'squat@example.org', code, newPassword: 'the owner passphrase' }).expect(204);
    await agent.post('/api/auth/login').set('x-csrf-token', csrf).send({ email: 'squat@example.org', password: 'the squatter password' }).expect(401);
    await agent.post('/api/auth/login').set('x-csrf-token', csrf).send({ email: 'squat@example.org', password: 'the owner passphrase' }).expect(200);
  });

  it('refuses a wrong code and stops accepting guesses after five', async () => {
    const { agent, csrf } = await csrfAgent();
    await agent.post('/api/auth/register').set('x-csrf-token', csrf).send({ email: 'guess@example.org', password }).expect(202);
    const { code } = await latestCode(t.citizens, t.mailbox, 'guess@example.org');
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      const res = await agent.post('/api/auth/verify-email').set('x-csrf-token', csrf).send({ email: 'guess@example.org', code: wrong });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('invalid_code');
    }
    await agent.post('/api/auth/verify-email').set('x-csrf-token', csrf).send({ email: 'guess@example.org', code }).expect(400);
  });

  it('resets a password by the mailed code and ends the old sessions', async () => {
    const me = await signUpOverHttp(t, 'reset@example.org');
    await me.agent.post('/api/auth/password-reset/request').set('x-csrf-token', me.csrf).send({ email: 'reset@example.org' }).expect(202);
    const { code } = await latestCode(t.citizens, t.mailbox, 'reset@example.org');
    await me.agent
      .post('/api/auth/password-reset/confirm').set('x-csrf-token', me.csrf)
      .send({ email: 'reset@example.org', code, newPassword: 'a brand new passphrase' }).expect(204);
    await me.agent.get('/api/auth/me').expect(401);
    const { agent, csrf } = await csrfAgent();
    await agent.post('/api/auth/login').set('x-csrf-token', csrf).send({ email: 'reset@example.org', password }).expect(401);
    await agent.post('/api/auth/login').set('x-csrf-token', csrf).send({ email: 'reset@example.org', password: 'a brand new passphrase' }).expect(200);
  });

  it('logs out', async () => {
    const me = await signUpOverHttp(t, 'logout@example.org');
    await me.agent.post('/api/auth/logout').set('x-csrf-token', me.csrf).expect(204);
    await me.agent.get('/api/auth/me').expect(401);
  });

  it('deletes an account but keeps its vote in the tally and the log, unlinked from the address', async () => {
    const uid = t.scrutinUids[0]!;
    const me = await signUpOverHttp(t, 'leaving@example.org');
    await me.agent.put(`/api/scrutins/${uid}/my-vote`).set('x-csrf-token', me.csrf).send({ choice: 'abstention' }).expect(200);
    const before = (await request(t.url).get(`/api/scrutins/${uid}/tally`).expect(200)).body;
    await me.agent.delete('/api/me').set('x-csrf-token', me.csrf).send({ password: 'not it at all' }).expect(401);
    await me.agent.delete('/api/me').set('x-csrf-token', me.csrf).send({ password }).expect(204);
    await me.agent.get('/api/auth/me').expect(401);
    const after = (await request(t.url).get(`/api/scrutins/${uid}/tally`).expect(200)).body;
    expect(after.all).toEqual(before.all);
    const log = (await request(t.url).get(`/api/scrutins/${uid}/log`).expect(200)).body;
    expect(log.entries.some((e: { voter: string }) => e.voter === me.voterId)).toBe(true);
    const row = await t.db.store.get('SELECT email, password_hash AS hash, deleted_at AS "deletedAt" FROM citizens WHERE voter_id = ?', [me.voterId]);
    expect(row).toMatchObject({ email: null, hash: null });
    // The address is free again: a new account, a new pseudonym.
    const again = await signUpOverHttp(t, 'leaving@example.org');
    expect(again.voterId).not.toBe(me.voterId);
  });

  it('raises the level with the development SMS provider, one phone for one account', async () => {
    const me = await signUpOverHttp(t, 'phone@example.org');
    const start = await me.agent.post('/api/me/verifications').set('x-csrf-token', me.csrf).send({ provider: 'sms', phone: '+33612345678' }).expect(201);
    const code = /votre code est (\d{6})/.exec(smsLog.join(''))?.[1];
    expect(code).toMatch(/^\d{6}$/);
    const done = await me.agent
      .post('/api/me/verifications/sms/complete').set('x-csrf-token', me.csrf)
      .send({ challengeId: start.body.challengeId, code }).expect(200);
    expect(done.body.level).toBe('phone');
    smsLog.length = 0;
    const other = await signUpOverHttp(t, 'phone2@example.org');
    const start2 = await other.agent.post('/api/me/verifications').set('x-csrf-token', other.csrf).send({ provider: 'sms', phone: '+33612345678' }).expect(201);
    const code2 = /votre code est (\d{6})/.exec(smsLog.join(''))?.[1];
    const dup = await other.agent.post('/api/me/verifications/sms/complete').set('x-csrf-token', other.csrf).send({ challengeId: start2.body.challengeId, code: code2 });
    expect(dup.status).toBe(409);
    const oidc = await other.agent.post('/api/me/verifications').set('x-csrf-token', other.csrf).send({ provider: 'oidc' });
    expect(oidc.status).toBe(501);
  });
});
