import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, MyVote, ServerToClientEvents, Tally } from '@parallele/core';
import { SESSION_COOKIE, SOCKET_EVENTS } from '@parallele/core';
import { createVerifiedCitizen, signUpOverHttp, startCitizensTestServer, type CitizensTestServer } from '../test-support/citizens';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

let t: CitizensTestServer;
const sockets: Client[] = [];
beforeAll(async () => {
  t = await startCitizensTestServer();
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await t.close();
});

function open(cookie?: string): Promise<Client> {
  const socket: Client = connect(t.url, { transports: ['websocket'], forceNew: true, extraHeaders: cookie ? { cookie } : {} });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

function subscribe(socket: Client, scrutinUid: string): Promise<Tally> {
  return new Promise((resolve, reject) => {
    socket.emit(SOCKET_EVENTS.tallySubscribe, { scrutinUid }, (answer) => (answer.ok ? resolve(answer.data) : reject(new Error(answer.error))));
  });
}

/** Collects updates until the predicate holds. */
function until(socket: Client, predicate: (t: Tally) => boolean, updates: Tally[] = []): Promise<Tally[]> {
  return new Promise((resolve) => {
    const on = (tally: Tally) => {
      updates.push(tally);
      if (predicate(tally)) {
        socket.off(SOCKET_EVENTS.tallyUpdate, on);
        resolve(updates);
      }
    };
    socket.on(SOCKET_EVENTS.tallyUpdate, on);
  });
}

describe('live tallies over socket.io', () => {
  it('shows two watching clients the same tally, batched at most four times a second', async () => {
    const uid = t.scrutinUids[0]!;
    const [a, b] = await Promise.all([open(), open()]);
    const initial = await subscribe(a, uid);
    await subscribe(b, uid);
    expect(initial.all.total).toBe(0);

    const voters = await Promise.all(Array.from({ length: 30 }, (_, i) => createVerifiedCitizen(t, `live${i}@example.org`, `192.0.2.${i + 1}`)));
    const done = (tally: Tally) => tally.all.total === 30;
    const started = Date.now();
    const [seenA, seenB] = [until(a, done), until(b, done)];
    for (const [i, v] of voters.entries()) {
      await t.citizens.votes.castVote(v.citizen, uid, i % 3 === 0 ? 'contre' : 'pour', '192.0.2.200');
    }
    const [updatesA, updatesB] = await Promise.all([seenA, seenB]);
    const elapsed = Date.now() - started;
    expect(updatesA.at(-1)).toEqual(updatesB.at(-1));
    expect(updatesA.at(-1)!.all).toEqual({ pour: 20, contre: 10, abstention: 0, total: 30 });
    // 30 votes, far fewer updates: at most one per 250 ms tick (+1 for the tick in progress).
    expect(updatesA.length).toBeLessThanOrEqual(Math.ceil(elapsed / 250) + 1);
  });

  it('refuses a malformed subscription and an unknown scrutin in the ack', async () => {
    const s = await open();
    await expect(subscribe(s, 'not a uid; DROP TABLE votes')).rejects.toThrow(/uid/);
    await expect(subscribe(s, 'VTANR5L17V424242')).rejects.toThrow(/No scrutin/);
    const answer = await new Promise((resolve) => (s.emit as (e: string, p: unknown, cb: (a: unknown) => void) => void)(SOCKET_EVENTS.tallySubscribe, 42, resolve));
    expect(answer).toMatchObject({ ok: false });
  });

  it('tells a signed-in socket about its own votes, cast from another tab', async () => {
    const uid = t.scrutinUids[1]!;
    const me = await signUpOverHttp(t, 'tabs@example.org');
    const cookies = await me.agent.jar.getCookies({ domain: '127.0.0.1', path: '/', secure: false, script: false });
    const session = cookies.find((c) => c.name === SESSION_COOKIE)!;
    const socket = await open(`${SESSION_COOKIE}=${session.value}`);
    const mine = new Promise<MyVote>((resolve) => socket.once(SOCKET_EVENTS.myVote, resolve));
    await me.agent.put(`/api/scrutins/${uid}/my-vote`).set('x-csrf-token', me.csrf).send({ choice: 'pour' }).expect(200);
    expect(await mine).toMatchObject({ scrutinUid: uid, choice: 'pour' });
  });
});
