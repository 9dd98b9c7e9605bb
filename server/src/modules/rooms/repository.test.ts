import { afterEach, beforeEach, expect, it } from 'vitest';
import { createRoomState, customQuestion, CustomQuestionInputSchema, type RoomState } from '@parallele/core';
import type { Db } from '../../db/types';
import { describeEachStore } from '../../test-support/stores';
import { createRoomsRepository } from './repository';

const question = customQuestion(
  CustomQuestionInputSchema.parse({ kind: 'custom', title: 'Cantine bio', text: 'Faut-il une cantine bio ?', assembly: { kind: 'fictional', name: 'Conseil', parties: [{ name: 'Verts', seats: 12, position: 'pour' }, { name: 'Bleus', seats: 10, position: 'contre' }] } }),
  0,
  null,
);
const state = (code: string, now: number): RoomState => createRoomState({ code, title: `Salle ${code}`, deck: [question], maxParticipants: 30, k: null, now });

/** Workshop rooms: one suite on SQLite and on PostgreSQL. */
describeEachStore('the rooms store', ({ open }) => {
  let db: Db;
  let repo: ReturnType<typeof createRoomsRepository>;
  beforeEach(async () => {
    db = await open();
    repo = createRoomsRepository(db);
  });
  afterEach(() => db.close());

  it('stores a room, its state as JSON, its owner, and deletes idle rooms', async () => {
    expect(await repo.insert({ code: 'ACDEFG', facilitatorKeyHash: 'k1', recapKey: 'r1', state: state('ACDEFG', 1000), ownerCitizenId: 7 })).toBe(true);
    expect(await repo.insert({ code: 'HJKLMN', facilitatorKeyHash: 'k2', recapKey: 'r2', state: state('HJKLMN', 2000) })).toBe(true);
    // a code already stored is refused (the caller draws another)
    expect(await repo.insert({ code: 'ACDEFG', facilitatorKeyHash: 'kx', recapKey: 'rx', state: state('ACDEFG', 1500) })).toBe(false);
    expect(await repo.head('ACDEFG')).toEqual({ version: 0, lastActivityAt: 1000 });
    expect(await repo.get('ACDEFG')).toEqual({ code: 'ACDEFG', facilitatorKeyHash: 'k1', recapKey: 'r1', state: state('ACDEFG', 1000), ownerCitizenId: 7, version: 0 });
    const later = { ...state('ACDEFG', 1000), lastActivityAt: 5000, title: 'Renommée' };
    expect(await repo.saveState(later, 0)).toBe(true);
    // a write at a version no longer stored writes nothing
    expect(await repo.saveState({ ...later, title: 'Perdue' }, 0)).toBe(false);
    await repo.setFacilitatorKeyHash('ACDEFG', 'k3');
    expect(await repo.get('ACDEFG')).toMatchObject({ facilitatorKeyHash: 'k3', state: later, version: 2 });
    await repo.putBallot('ACDEFG', 0, 'p1', { choice: 'pour', prediction: null });
    await repo.putBallot('ACDEFG', 0, 'p1', { choice: 'contre', prediction: 'adopté' });
    expect((await repo.get('ACDEFG'))!.state.ballots).toEqual({ '0': { p1: { choice: 'contre', prediction: 'adopté' } } });
    expect(await repo.touch('ACDEFG', 5000, 2)).toBe(true);
    expect(await repo.codesOwnedBy(7, 0)).toEqual(['ACDEFG']);
    expect(await repo.codesOwnedBy(7, 6000)).toEqual([]);
    expect(await repo.deleteIdleSince(3000)).toEqual(['HJKLMN']);
    expect(await repo.get('HJKLMN')).toBeNull();
    expect(await repo.delete('ACDEFG')).toBe(true);
    expect(await repo.delete('ACDEFG')).toBe(false);
  });
});
