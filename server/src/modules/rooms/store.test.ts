import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CreateRoomBodySchema, applyRoomEvent } from '@parallele/core';
import { commitRoom } from './commit';
import { createRoomsRepository } from './repository';
import type { RoomsService } from './service';
import { roomsTestStore } from './test-store';

/**
 * The store is the room's truth: two services on two connections to one file stand for two
 * processes serving the same room; ballots live in their own rows.
 */
const at = { ms: Date.parse('2026-03-01T10:00:00Z') };
let store: ReturnType<typeof roomsTestStore>;
const serve = () => store.serve();

const body = CreateRoomBodySchema.parse({
  title: 'Deux processus',
  deck: [1, 2].map((i) => ({ kind: 'custom', title: `Question ${i}`, text: 'Pour ou contre ?', assembly: { kind: 'fictional', name: 'Conseil', parties: [{ name: 'Verts', seats: 12, position: 'pour' }, { name: 'Bleus', seats: 10, position: 'contre' }] } })),
});

beforeEach(() => {
  store = roomsTestStore(() => new Date(at.ms));
});
afterEach(async () => {
  await store.cleanup();
});

async function openVote(a: RoomsService) {
  const room = await a.create(body);
  const alice = await a.join(room.code, 'Alice');
  const bob = await a.join(room.code, 'Bob');
  for (let i = 0; i < 3; i++) await await a.action(room.code, room.facilitatorKey, { type: 'advance' });
  return { room, alice, bob };
}

describe('rooms served by several processes on one store', () => {
  it('each process sees what the other wrote: joins, ballots, phases', async () => {
    const a = (await serve()).service;
    const b = (await serve()).service;
    const { room, alice, bob } = await openVote(a);
    expect((await b.view(room.code, undefined)).stage).toBe('vote');
    await b.vote(room.code, alice.token, 0, { choice: 'pour', prediction: 'adopté' });
    expect((await a.view(room.code, undefined)).counts.voted).toBe(1);
    await a.vote(room.code, bob.token, 0, { choice: 'contre', prediction: null });
    const revealed = await b.action(room.code, room.facilitatorKey, { type: 'reveal' });
    expect(revealed.reveal).toMatchObject({ kind: 'vote', roomSplit: { pour: 1, contre: 1, abstention: 0 } });
    expect((await a.view(room.code, undefined)).stage).toBe('revelation');
    // the stage moved on in b: a's cached copy is stale and must not let a vote in
    await expect(a.vote(room.code, alice.token, 0, { choice: 'contre', prediction: null })).rejects.toThrow(/vote phase/);
  });

  it('a vote writes its own row, not the room’s JSON', async () => {
    const { service: a, db } = await serve();
    const { room, alice } = await openVote(a);
    const json = async () => (await db.store.get<{ state: string; version: number }>('SELECT state, version FROM rooms WHERE code = ?', [room.code]))!;
    const before = await json();
    await a.vote(room.code, alice.token, 0, { choice: 'abstention', prediction: 'rejeté' });
    const after = await json();
    expect(after.state).toBe(before.state);
    expect(after.version).toBe(before.version + 1);
    expect(await db.store.all('SELECT question_index, participant_id, choice, prediction FROM room_ballots WHERE room_code = ?', [room.code])).toEqual([
      { question_index: 0, participant_id: 'p1', choice: '"abstention"', prediction: '"rejeté"' },
    ]);
    expect(JSON.parse(after.state).ballots).toEqual({});
  });

  it('a kick removes the open ballot’s row; deleting the room deletes its ballots', async () => {
    const { service: a, db } = await serve();
    const { room, alice, bob } = await openVote(a);
    await a.vote(room.code, alice.token, 0, { choice: 'pour', prediction: null });
    await a.vote(room.code, bob.token, 0, { choice: 'pour', prediction: null });
    await a.action(room.code, room.facilitatorKey, { type: 'kick', participantId: bob.participantId });
    const count = async () => (await db.store.get<{ n: number }>('SELECT count(*) AS n FROM room_ballots WHERE room_code = ?', [room.code]))!.n;
    expect(await count()).toBe(1);
    await a.remove(room.code, room.facilitatorKey);
    expect(await count()).toBe(0);
  });

  it('a room stored before ballots had their own rows keeps its ballots', async () => {
    const { service: a, db } = await serve();
    const { room, alice } = await openVote(a);
    const state = await a.state(room.code, room.facilitatorKey);
    const legacy = { ...state, ballots: { '0': { [alice.participantId]: { choice: 'contre', prediction: null } } } };
    await db.store.run('UPDATE rooms SET state = ?, version = version + 1 WHERE code = ?', [JSON.stringify(legacy), room.code]);
    const b = (await serve()).service;
    expect((await b.view(room.code, alice.token)).me?.ballot).toEqual({ choice: 'contre', prediction: null });
    expect((await db.store.get<{ n: number }>('SELECT count(*) AS n FROM room_ballots WHERE room_code = ?', [room.code]))!.n).toBe(1);
    expect(JSON.parse((await db.store.get<{ state: string }>('SELECT state FROM rooms WHERE code = ?', [room.code]))!.state).ballots).toEqual({});
  });

  it('a process whose copy is stale reads the stored room before writing: no ballot is lost', async () => {
    const a = (await serve()).service;
    const b = (await serve()).service;
    const { room, alice, bob } = await openVote(a);
    await b.view(room.code, undefined);
    // both processes hold version v; a writes, then b writes from its stale copy
    await a.vote(room.code, alice.token, 0, { choice: 'pour', prediction: null });
    await b.vote(room.code, bob.token, 0, { choice: 'contre', prediction: null });
    expect((await a.state(room.code, room.facilitatorKey)).ballots['0']).toEqual({ p1: { choice: 'pour', prediction: null }, p2: { choice: 'contre', prediction: null } });
  });

  it('a participant already in the room reconnecting writes nothing (other processes keep their copy)', async () => {
    const { service: a, db } = await serve();
    const { room, alice } = await openVote(a);
    const version = async () => (await db.store.get<{ version: number }>('SELECT version FROM rooms WHERE code = ?', [room.code]))!.version;
    const before = await version();
    await a.rejoin(room.code, alice.token);
    expect(await version()).toBe(before);
    await a.leave(room.code, alice.token);
    await a.rejoin(room.code, alice.token);
    expect(await version()).toBe(before + 2);
  });

  it('a code already stored is not taken twice: the insert refuses it and the caller draws again', async () => {
    const { service: a, db } = await serve();
    const { room } = await openVote(a);
    const repo = createRoomsRepository(db);
    const stored = (await repo.get(room.code))!;
    expect(await repo.insert({ ...stored, facilitatorKeyHash: 'other' })).toBe(false);
    expect((await repo.get(room.code))!.facilitatorKeyHash).toBe(stored.facilitatorKeyHash);
  });

  it('a write at a version no longer stored writes nothing (the caller reads again)', async () => {
    const { service: a, db } = await serve();
    const { room, alice } = await openVote(a);
    const repo = createRoomsRepository(db);
    const stored = (await repo.get(room.code))!;
    const next = applyRoomEvent(stored.state, { type: 'vote', participantId: alice.participantId, questionIndex: 0, ballot: { choice: 'pour', prediction: null } }, at.ms);
    await a.action(room.code, room.facilitatorKey, { type: 'setTimer', seconds: 60 });
    expect(await commitRoom(repo, stored.state, next, stored.version)).toBe(false);
    expect((await repo.get(room.code))!.state.ballots).toEqual({});
    expect(await commitRoom(repo, stored.state, next, stored.version + 1)).toBe(true);
  });
});
