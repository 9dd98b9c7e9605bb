import { createServer } from 'node:http';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import request from 'supertest';
import type { ClientToServerEvents, MyVote, ServerToClientEvents, SocketAck, Tally } from '@parallele/core';
import { SESSION_COOKIE, SOCKET_EVENTS } from '@parallele/core';
import { latestCode, signUpOverHttp, startCitizensTestServer, type CitizensTestServer } from '../test-support/citizens';
import { DEFAULT_SOCKET_LIMITS, RATE_LIMITED } from './limits';
import { attachTallySockets } from './tallies';
import { keyedThrottle } from './throttle';

/** Issue 10, points 4, 5 and 9: socket abuse, sockets outliving their session, late live tallies. */
type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

let t: CitizensTestServer;
const sockets: Client[] = [];
beforeAll(async () => {
  t = await startCitizensTestServer({ scrutins: 5 });
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await t.close();
});

function open(url: string, headers: Record<string, string> = {}): Promise<Client> {
  const socket: Client = connect(url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: headers });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

const subscribe = (socket: Client, scrutinUid: string) =>
  new Promise<Parameters<SocketAck<Tally>>[0]>((resolve) => socket.emit(SOCKET_EVENTS.tallySubscribe, { scrutinUid }, resolve));

async function sessionCookie(me: Awaited<ReturnType<typeof signUpOverHttp>>) {
  const cookies = await me.agent.jar.getCookies({ domain: '127.0.0.1', path: '/', secure: false, script: false });
  return `${SESSION_COOKIE}=${cookies.find((c) => c.name === SESSION_COOKIE)!.value}`;
}

describe('point 4: socket abuse', () => {
  it('refuses a subscribe flood in the ack, then disconnects the flooding socket', async () => {
    const flooder = await open(t.url);
    const gone = new Promise<string>((resolve) => flooder.once('disconnect', resolve));
    const answers = await Promise.all(Array.from({ length: 200 }, () => Promise.race([subscribe(flooder, t.scrutinUids[0]!), gone.then(() => null)])));
    expect(answers.filter((a) => a?.ok).length).toBeLessThanOrEqual(DEFAULT_SOCKET_LIMITS.perSocket.burst + 2);
    expect(answers.some((a) => a && !a.ok && a.error === RATE_LIMITED)).toBe(true);
    expect(await gone).toBe('io server disconnect');
  });

  it('limits the events of one IP across its sockets', async () => {
    const many = await Promise.all(Array.from({ length: 12 }, () => open(t.url)));
    const answers = (await Promise.all(many.map((s) => Promise.all(Array.from({ length: 38 }, () => subscribe(s, t.scrutinUids[1]!)))))).flat();
    expect(answers.filter((a) => !a.ok && a.error === RATE_LIMITED).length).toBeGreaterThan(0);
    for (const s of many) s.close();
  });

  it('serves subscriptions from the tally cache: one query for many subscribers', async () => {
    const spy = vi.spyOn(t.citizens.votes, 'tally');
    const watchers = await Promise.all(Array.from({ length: 5 }, () => open(t.url)));
    for (const s of watchers) for (let i = 0; i < 10; i++) expect((await subscribe(s, t.scrutinUids[2]!)).ok).toBe(true);
    expect(spy.mock.calls.length).toBeLessThanOrEqual(1);
    spy.mockRestore();
    for (const s of watchers) s.close();
  });

  it('bounds the scrutins one socket may watch', async () => {
    const http = createServer();
    const io = new Server(http);
    const detach = attachTallySockets(io, t.deps, { ...DEFAULT_SOCKET_LIMITS, maxRoomsPerSocket: 2 });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    try {
      const s = await open(`http://127.0.0.1:${(http.address() as AddressInfo).port}`);
      const answers = [];
      for (const uid of t.scrutinUids.slice(0, 3)) answers.push(await subscribe(s, uid));
      expect(answers.map((a) => a.ok)).toEqual([true, true, false]);
      expect(answers[2]).toMatchObject({ error: 'A socket may watch 2 scrutins at most' });
    } finally {
      detach();
      await new Promise((resolve) => io.close(resolve));
    }
  });
});

describe("point 5: sockets end with their session, and only the app's origin may open one", () => {
  it('stops sending vote:mine after logout and after a password reset', async () => {
    const uid = t.scrutinUids[3]!;
    const me = await signUpOverHttp(t, 'socket-owner@example.org');
    const other = request.agent(t.url);
    const csrf0 = (await other.get('/api/auth/csrf')).body.csrfToken as string;
    const login = await other.post('/api/auth/login').set('x-csrf-token', csrf0).send({ email: 'socket-owner@example.org', password: 'correct horse battery staple' }).expect(200);
    const csrfOther = login.body.csrfToken as string;

    const socket = await open(t.url, { cookie: await sessionCookie(me) });
    const mine: MyVote[] = [];
    socket.on(SOCKET_EVENTS.myVote, (v) => mine.push(v));
    await other.put(`/api/scrutins/${uid}/my-vote`).set('x-csrf-token', csrfOther).send({ choice: 'pour' }).expect(200);
    await vi.waitFor(() => expect(mine).toHaveLength(1));

    await me.agent.post('/api/auth/logout').set('x-csrf-token', me.csrf).expect(204);
    await other.put(`/api/scrutins/${uid}/my-vote`).set('x-csrf-token', csrfOther).send({ choice: 'contre' }).expect(200);

    const second = await signUpOverHttp(t, 'socket-reset@example.org');
    const socket2 = await open(t.url, { cookie: await sessionCookie(second) });
    const mine2: MyVote[] = [];
    socket2.on(SOCKET_EVENTS.myVote, (v) => mine2.push(v));
    await second.agent.post('/api/auth/password-reset/request').set('x-csrf-token', second.csrf).send({ email: 'socket-reset@example.org' }).expect(202);
    await t.citizens.mailer.idle();
    const { code } = await latestCode(t.citizens, t.mailbox, 'socket-reset@example.org');
    await request(t.url).post('/api/auth/password-reset/confirm').set('cookie', `pl_csrf=${csrf0}`).set('x-csrf-token', csrf0)
      .send({ email: 'socket-reset@example.org', code, newPassword: 'a new passphrase now' }).expect(204);
    const again = request.agent(t.url);
    const csrf1 = (await again.get('/api/auth/csrf')).body.csrfToken as string;
    const relog = await again.post('/api/auth/login').set('x-csrf-token', csrf1).send({ email: 'socket-reset@example.org', password: 'a new passphrase now' }).expect(200);
    await again.put(`/api/scrutins/${uid}/my-vote`).set('x-csrf-token', relog.body.csrfToken as string).send({ choice: 'pour' }).expect(200);

    await new Promise((r) => setTimeout(r, 100));
    expect(mine.map((v) => v.choice)).toEqual(['pour']);
    expect(mine2).toEqual([]);
    // Downgraded, not cut: the tallies still come.
    expect((await subscribe(socket, uid)).ok).toBe(true);
  });

  it('downgrades a socket whose session was deleted by another process, at the next check', async () => {
    const http = createServer();
    const io = new Server(http);
    const detach = attachTallySockets(io, t.deps, { ...DEFAULT_SOCKET_LIMITS, sessionRecheckMs: 50 });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    try {
      const me = await signUpOverHttp(t, 'socket-cli@example.org');
      const socket = await open(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, { cookie: await sessionCookie(me) });
      const mine: MyVote[] = [];
      socket.on(SOCKET_EVENTS.myVote, (v) => mine.push(v));
      const other = new Database(join(t.dir, 'test.db'));
      other.prepare('DELETE FROM sessions WHERE citizen_id = (SELECT id FROM citizens WHERE email = ?)').run('socket-cli@example.org');
      other.close();
      await new Promise((r) => setTimeout(r, 200));
      const session = await t.citizens.accounts.login('socket-cli@example.org', 'correct horse battery staple');
      await t.citizens.votes.castVote((await t.citizens.accounts.resolveSession(session.token))!, t.scrutinUids[3]!, 'abstention', '192.0.2.9');
      await new Promise((r) => setTimeout(r, 100));
      expect(mine).toEqual([]);
    } finally {
      detach();
      await new Promise((resolve) => io.close(resolve));
    }
  });

  it("refuses a socket opened from another site, accepts the app's own origin", async () => {
    await expect(open(t.url, { origin: 'http://evil.example' })).rejects.toThrow();
    const own = await open(t.url, { origin: t.url });
    expect(own.connected).toBe(true);
  });
});

describe('point 9: live tallies, leading and trailing edges', () => {
  it('sends the first change at once, then at most one per interval, and always the last', () => {
    vi.useFakeTimers();
    try {
      const sent: [string, number][] = [];
      const throttle = keyedThrottle(250, (k) => sent.push([k, Date.now()]));
      const start = Date.now();
      throttle.mark('a');
      expect(sent).toEqual([['a', start]]);
      vi.advanceTimersByTime(50);
      throttle.mark('a');
      throttle.mark('a');
      throttle.mark('b');
      expect(sent.map(([k]) => k)).toEqual(['a', 'b']);
      vi.advanceTimersByTime(200);
      expect(sent).toEqual([['a', start], ['b', start + 50], ['a', start + 250]]);
      vi.advanceTimersByTime(1000);
      throttle.mark('a');
      expect(sent.at(-1)).toEqual(['a', start + 1250]);
      throttle.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it('pushes a lone vote to the watchers without waiting for a tick', async () => {
    const uid = t.scrutinUids[4]!;
    const watcher = await open(t.url);
    expect((await subscribe(watcher, uid)).ok).toBe(true);
    const voter = await signUpOverHttp(t, 'lone@example.org');
    const update = new Promise<Tally>((resolve) => watcher.once(SOCKET_EVENTS.tallyUpdate, resolve));
    const timeouts = vi.spyOn(globalThis, 'setTimeout');
    const intervals = vi.spyOn(globalThis, 'setInterval');
    await voter.agent.put(`/api/scrutins/${uid}/my-vote`).set('x-csrf-token', voter.csrf).send({ choice: 'abstention' }).expect(200);
    expect((await update).all).toMatchObject({ abstention: 1, total: 1 });
    // The leading edge: no 250 ms timer (nor interval) was armed to send it.
    expect([...timeouts.mock.calls, ...intervals.mock.calls].some(([, delay]) => delay === 250)).toBe(false);
    timeouts.mockRestore();
    intervals.mockRestore();
  });
});
