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
    await repo.insert({ code: 'ACDEFG', facilitatorKeyHash: 'k1', recapKey: 'r1', state: state('ACDEFG', 1000), ownerCitizenId: 7 });
    await repo.insert({ code: 'HJKLMN', facilitatorKeyHash: 'k2', recapKey: 'r2', state: state('HJKLMN', 2000) });
    expect(await repo.exists('ACDEFG')).toBe(true);
    expect(await repo.get('ACDEFG')).toEqual({ code: 'ACDEFG', facilitatorKeyHash: 'k1', recapKey: 'r1', state: state('ACDEFG', 1000), ownerCitizenId: 7 });
    const later = { ...state('ACDEFG', 1000), lastActivityAt: 5000, title: 'Renommée' };
    await repo.save(later);
    await repo.setFacilitatorKeyHash('ACDEFG', 'k3');
    expect(await repo.get('ACDEFG')).toMatchObject({ facilitatorKeyHash: 'k3', state: later });
    expect(await repo.codesOwnedBy(7, 0)).toEqual(['ACDEFG']);
    expect(await repo.codesOwnedBy(7, 6000)).toEqual([]);
    expect(await repo.deleteIdleSince(3000)).toEqual(['HJKLMN']);
    expect(await repo.get('HJKLMN')).toBeNull();
    expect(await repo.delete('ACDEFG')).toBe(true);
    expect(await repo.delete('ACDEFG')).toBe(false);
  });
});
