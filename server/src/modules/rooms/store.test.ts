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
afterEach(() => store.cleanup());

function openVote(a: RoomsService) {
  const room = a.create(body);
  const alice = a.join(room.code, 'Alice');
  const bob = a.join(room.code, 'Bob');
  for (let i = 0; i < 3; i++) a.action(room.code, room.facilitatorKey, { type: 'advance' });
  return { room, alice, bob };
}

describe('rooms served by several processes on one store', () => {
  it('each process sees what the other wrote: joins, ballots, phases', () => {
    const a = serve().service;
    const b = serve().service;
    const { room, alice, bob } = openVote(a);
    expect(b.view(room.code, undefined).stage).toBe('vote');
    b.vote(room.code, alice.token, 0, { choice: 'pour', prediction: 'adopté' });
    expect(a.view(room.code, undefined).counts.voted).toBe(1);
    a.vote(room.code, bob.token, 0, { choice: 'contre', prediction: null });
    const revealed = b.action(room.code, room.facilitatorKey, { type: 'reveal' });
    expect(revealed.reveal).toMatchObject({ kind: 'vote', roomSplit: { pour: 1, contre: 1, abstention: 0 } });
    expect(a.view(room.code, undefined).stage).toBe('revelation');
    // the stage moved on in b: a's cached copy is stale and must not let a vote in
    expect(() => a.vote(room.code, alice.token, 0, { choice: 'contre', prediction: null })).toThrow(/vote phase/);
  });

  it('a vote writes its own row, not the room’s JSON', () => {
    const { service: a, db } = serve();
    const { room, alice } = openVote(a);
    const json = () => db.sqlite.prepare<[string], { state: string; version: number }>('SELECT state, version FROM rooms WHERE code = ?').get(room.code)!;
    const before = json();
    a.vote(room.code, alice.token, 0, { choice: 'abstention', prediction: 'rejeté' });
    const after = json();
    expect(after.state).toBe(before.state);
    expect(after.version).toBe(before.version + 1);
    expect(db.sqlite.prepare('SELECT question_index, participant_id, choice, prediction FROM room_ballots WHERE room_code = ?').all(room.code)).toEqual([
      { question_index: 0, participant_id: 'p1', choice: '"abstention"', prediction: '"rejeté"' },
    ]);
    expect(JSON.parse(after.state).ballots).toEqual({});
  });

  it('a kick removes the open ballot’s row; deleting the room deletes its ballots', () => {
    const { service: a, db } = serve();
    const { room, alice, bob } = openVote(a);
    a.vote(room.code, alice.token, 0, { choice: 'pour', prediction: null });
    a.vote(room.code, bob.token, 0, { choice: 'pour', prediction: null });
    a.action(room.code, room.facilitatorKey, { type: 'kick', participantId: bob.participantId });
    const count = () => db.sqlite.prepare<[string], { n: number }>('SELECT count(*) AS n FROM room_ballots WHERE room_code = ?').get(room.code)!.n;
    expect(count()).toBe(1);
    a.remove(room.code, room.facilitatorKey);
    expect(count()).toBe(0);
  });

  it('a room stored before ballots had their own rows keeps its ballots', () => {
    const { service: a, db } = serve();
    const { room, alice } = openVote(a);
    const state = a.state(room.code, room.facilitatorKey);
    const legacy = { ...state, ballots: { '0': { [alice.participantId]: { choice: 'contre', prediction: null } } } };
    db.sqlite.prepare('UPDATE rooms SET state = ?, version = version + 1 WHERE code = ?').run(JSON.stringify(legacy), room.code);
    const b = serve().service;
    expect(b.view(room.code, alice.token).me?.ballot).toEqual({ choice: 'contre', prediction: null });
    expect(db.sqlite.prepare<[string], { n: number }>('SELECT count(*) AS n FROM room_ballots WHERE room_code = ?').get(room.code)!.n).toBe(1);
    expect(JSON.parse(db.sqlite.prepare<[string], { state: string }>('SELECT state FROM rooms WHERE code = ?').get(room.code)!.state).ballots).toEqual({});
  });

  it('a process whose copy is stale reads the stored room before writing: no ballot is lost', () => {
    const a = serve().service;
    const b = serve().service;
    const { room, alice, bob } = openVote(a);
    b.view(room.code, undefined);
    // both processes hold version v; a writes, then b writes from its stale copy
    a.vote(room.code, alice.token, 0, { choice: 'pour', prediction: null });
    b.vote(room.code, bob.token, 0, { choice: 'contre', prediction: null });
    expect(a.state(room.code, room.facilitatorKey).ballots['0']).toEqual({ p1: { choice: 'pour', prediction: null }, p2: { choice: 'contre', prediction: null } });
  });

  it('a participant already in the room reconnecting writes nothing (other processes keep their copy)', () => {
    const { service: a, db } = serve();
    const { room, alice } = openVote(a);
    const version = () => db.sqlite.prepare<[string], { version: number }>('SELECT version FROM rooms WHERE code = ?').get(room.code)!.version;
    const before = version();
    a.rejoin(room.code, alice.token);
    expect(version()).toBe(before);
    a.leave(room.code, alice.token);
    a.rejoin(room.code, alice.token);
    expect(version()).toBe(before + 2);
  });

  it('a code already stored is not taken twice: the insert refuses it and the caller draws again', () => {
    const { service: a, db } = serve();
    const { room } = openVote(a);
    const repo = createRoomsRepository(db);
    const stored = repo.get(room.code)!;
    expect(repo.insert({ ...stored, facilitatorKeyHash: 'other' })).toBe(false);
    expect(repo.get(room.code)!.facilitatorKeyHash).toBe(stored.facilitatorKeyHash);
  });

  it('a write at a version no longer stored writes nothing (the caller reads again)', () => {
    const { service: a, db } = serve();
    const { room, alice } = openVote(a);
    const repo = createRoomsRepository(db);
    const stored = repo.get(room.code)!;
    const next = applyRoomEvent(stored.state, { type: 'vote', participantId: alice.participantId, questionIndex: 0, ballot: { choice: 'pour', prediction: null } }, at.ms);
    a.action(room.code, room.facilitatorKey, { type: 'setTimer', seconds: 60 });
    expect(commitRoom(repo, stored.state, next, stored.version)).toBe(false);
    expect(repo.get(room.code)!.state.ballots).toEqual({});
    expect(commitRoom(repo, stored.state, next, stored.version + 1)).toBe(true);
  });
});
