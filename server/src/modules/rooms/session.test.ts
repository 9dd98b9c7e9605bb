import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateRoomResponseSchema, JoinRoomResponseSchema, ROOM_EVENTS, ROOMS_NAMESPACE, RoomViewSchema, simulateElection, electionOf, electionQuestion,
  type RoomClientToServer, type RoomCount, type RoomServerToClient, type RoomView,
} from '@parallele/core';
import { boot, type Booted } from '../../boot';
import { openBundledStore, type BundledStore } from '../../test-support/bundled-store';
import { loadCatalogue } from './deck';

/**
 * A whole session as a class would play it: a facilitator, a projector and 30 participants, over
 * socket.io and plain HTTP, on a 3-question deck with an election round, and the server restarted
 * between two questions: everybody reconnects to the same phase with their ballots.
 */
type Client = Socket<RoomServerToClient, RoomClientToServer>;
const N = 30;
let store: BundledStore;
let server: Booted;
const sockets: Client[] = [];

const env = () => ({ NODE_ENV: 'test', DATABASE_URL: `file:${join(store.dir, 'store.db')}`, CLIENT_DIST: join(store.dir, 'no-client'), SECRET_KEY: 'test-secret-key-of-at-least-32-characters', MAILBOX_DIR: join(store.dir, 'mailbox') });
beforeAll(async () => {
  store = await openBundledStore();
  store.db.close();
  server = await boot({ env: env(), port: 0 });
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await server?.close();
  store?.cleanup();
});

const api = async (method: string, path: string, body?: unknown, token?: string) => {
  const res = await fetch(`${server.server.url}/api${path}`, { method, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = res.status === 204 ? null : ((await res.json()) as unknown);
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
};

/** Opens a socket and resolves with it once the first view arrived; `latest` keeps each last view. */
const latest = new Map<Client, RoomView>();
async function open(code: string, token?: string): Promise<Client> {
  const s: Client = io(`${server.server.url}${ROOMS_NAMESPACE}`, { transports: ['websocket'], reconnection: false, auth: { code, ...(token ? { token } : {}) } });
  sockets.push(s);
  await new Promise<void>((resolve, reject) => {
    s.on(ROOM_EVENTS.state, (v) => {
      latest.set(s, RoomViewSchema.parse(v));
      resolve();
    });
    s.on('connect_error', reject);
  });
  return s;
}
const until = (s: Client, ok: (v: RoomView) => boolean) =>
  new Promise<RoomView>((resolve, reject) => {
    const now = latest.get(s);
    if (now && ok(now)) return resolve(now);
    const timer = setTimeout(() => reject(new Error(`timeout; last view ${JSON.stringify(latest.get(s))?.slice(0, 200)}`)), 20_000);
    const on = (v: RoomView) => {
      if (!ok(v)) return;
      clearTimeout(timer);
      s.off(ROOM_EVENTS.state, on);
      resolve(v);
    };
    s.on(ROOM_EVENTS.state, on);
  });
const emitAck = <T>(s: Client, event: typeof ROOM_EVENTS.vote | typeof ROOM_EVENTS.action, payload: unknown) =>
  new Promise<T>((resolve, reject) =>
    (s.emit as (e: string, p: unknown, ack: (a: { ok: boolean; data?: T; error?: string }) => void) => void)(event, payload, (a) => (a.ok ? resolve(a.data as T) : reject(new Error(a.error)))),
  );

describe('a workshop session (30 participants, socket.io + HTTP, restart mid-session)', () => {
  it('plays 3 questions including an election round and loses nothing across a restart', async () => {
    const created = CreateRoomResponseSchema.parse(await api('POST', '/rooms', {
      title: 'Session de test',
      deck: [{ kind: 'scrutin', uid: 'VTANR5L17V3058' }, { kind: 'election', election: '2024-07-18', round: 3 }, { kind: 'scrutin', uid: 'VTANR5L17V3850' }],
    }));
    const { code, facilitatorKey } = created;
    const people = [];
    for (let i = 0; i < N; i++) people.push(JoinRoomResponseSchema.parse(await api('POST', `/rooms/${code}/participants`, { pseudonym: `Élève ${i + 1}` })));
    let facilitator = await open(code, facilitatorKey);
    let projector = await open(code);
    let phones = await Promise.all(people.map((p) => open(code, p.token)));
    const counts: RoomCount[] = [];
    projector.on(ROOM_EVENTS.count, (c) => counts.push(c));
    expect(latest.get(projector)!.counts.participants).toBe(N);

    // Question 1 (the October 2025 motion de censure): votes half over socket, half over HTTP
    for (let i = 0; i < 3; i++) await emitAck(facilitator, ROOM_EVENTS.action, { type: 'advance' });
    await Promise.all(phones.map((s) => until(s, (v) => v.stage === 'vote')));
    await Promise.all(people.map((p, i) => (i % 2 === 0
      ? emitAck(phones[i]!, ROOM_EVENTS.vote, { index: 0, choice: i % 3 === 0 ? 'contre' : 'pour', prediction: 'rejeté' })
      : api('PUT', `/rooms/${code}/questions/0/vote`, { choice: 'pour', prediction: i % 4 === 1 ? 'adopté' : 'rejeté' }, p.token))));
    await expect.poll(() => counts.at(-1)?.voted, { timeout: 5000 }).toBe(N);
    expect(JSON.stringify(latest.get(projector))).not.toContain('"choice"');
    await emitAck(facilitator, ROOM_EVENTS.action, { type: 'reveal' });
    const reveal1 = await until(projector, (v) => v.stage === 'revelation');
    expect(reveal1.reveal).toMatchObject({ kind: 'vote', k: N, ballots: N });
    await Promise.all(phones.map((s) => until(s, (v) => v.reveal?.kind === 'vote')));
    const ballotsBefore = phones.map((s) => latest.get(s)!.me!.ballot);

    // The server restarts between two questions: same store, new process state
    phones.forEach((s) => s.close());
    facilitator.close();
    projector.close();
    await server.close();
    server = await boot({ env: env(), port: 0 });
    facilitator = await open(code, facilitatorKey);
    projector = await open(code);
    phones = await Promise.all(people.map((p) => open(code, p.token)));
    const after = latest.get(projector)!;
    expect(after.stage).toBe('revelation');
    expect(after.counts).toEqual({ participants: N, voted: N });
    expect(after.reveal).toEqual(reveal1.reveal);
    expect(phones.map((s) => latest.get(s)!.me!.ballot)).toEqual(ballotsBefore);
    expect(phones.map((s) => latest.get(s)!.me!.id)).toEqual(people.map((p) => p.participantId));

    // Question 2: the third round of the 2024 election; everybody over socket
    for (let i = 0; i < 3; i++) await emitAck(facilitator, ROOM_EVENTS.action, { type: 'advance' });
    await Promise.all(phones.map((s) => until(s, (v) => v.stage === 'vote' && v.index === 1)));
    await Promise.all(phones.map((s, i) => emitAck(s, ROOM_EVENTS.vote, { index: 1, choice: i < 20 ? 1 : i < 25 ? 0 : 'blanc', prediction: 0 })));
    const revealed = await emitAck<RoomView>(facilitator, ROOM_EVENTS.action, { type: 'advance' });
    const view = RoomViewSchema.parse(revealed);
    if (view.reveal?.kind !== 'election') throw new Error('expected an election reveal');
    expect(view.reveal.roomSplit).toEqual([5, 20, 0, 0, 5]);
    const q = electionQuestion(loadCatalogue().elections.get('2024-07-18')!, 3);
    const expected = simulateElection(electionOf(q), { k: N, split: [5, 20, 0, 0, 5] });
    expect(view.reveal.parallel).toEqual(expected.parallel);
    expect(view.reveal.changed).toBe(expected.changed);

    // Question 3 over HTTP, then the final screen
    for (let i = 0; i < 3; i++) await api('POST', `/rooms/${code}/actions`, { type: 'advance' }, facilitatorKey);
    await Promise.all(people.map((p, i) => api('PUT', `/rooms/${code}/questions/2/vote`, { choice: i < 16 ? 'pour' : 'contre', prediction: 'rejeté' }, p.token)));
    await api('POST', `/rooms/${code}/actions`, { type: 'advance' }, facilitatorKey);
    await api('POST', `/rooms/${code}/actions`, { type: 'advance' }, facilitatorKey);
    const final = await until(projector, (v) => v.stage === 'finished');
    expect(final.scores?.revealed).toBe(3);
    expect(final.scores?.leaderboard).toHaveLength(N);
    // predictions: Q1 rejeté was right, Q2 index 0 (Braun-Pivet) right, Q3 rejeté right (V3850 was rejected)
    const best = final.scores!.leaderboard[0]!;
    expect(best.correct).toBe(3);
    const mine = await until(phones[0]!, (v) => v.stage === 'finished');
    expect(mine.me?.score).toEqual({ predicted: 3, correct: 3 });
  });
});
