import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Db } from '../../db/types';
import { describeEachStore } from '../../test-support/stores';
import { profilesRepository } from './repository';

/** The optional profile and 2022 vote: one suite on SQLite and on PostgreSQL. */
describeEachStore('the profiles store', ({ open }) => {
  let db: Db;
  let repo: ReturnType<typeof profilesRepository>;
  let id: number;
  beforeEach(async () => {
    db = await open();
    repo = profilesRepository(db);
    id = (await db.store.get<{ id: number }>("INSERT INTO citizens (email, voter_id, created_at) VALUES ('p@example.org', 'p', 1) RETURNING id"))!.id;
  });
  afterEach(() => db.close());

  it('saves, replaces and deletes a profile and a past vote', async () => {
    expect(await repo.profileOf(id)).toBeUndefined();
    await repo.saveProfile(id, { sex: 'F', age: '25-34', region: '11', departement: '75', circonscription: 3 }, 10);
    await repo.saveProfile(id, { sex: null, age: '35-49', region: '11', departement: '75', circonscription: null }, 20);
    expect(await repo.profileOf(id)).toEqual({ sex: null, age: '35-49', region: '11', departement: '75', circonscription: null, updatedAt: 20 });
    await repo.savePastVote(id, 'macron', 30);
    expect(await repo.pastVoteOf(id)).toEqual({ pres2022: 'macron', consentedAt: 30 });
    expect(await repo.deletePastVote(id)).toBe(true);
    expect(await repo.deletePastVote(id)).toBe(false);
    expect(await repo.deleteProfile(id)).toBe(true);
    expect(await repo.profileOf(id)).toBeUndefined();
  });

  it('one circonscription: set alone it creates the profile, it keeps the other answers, null forgets it', async () => {
    expect(await repo.constituencyOf(id)).toBeNull();
    await repo.setConstituency(id, { departement: 'ZZ', circonscription: 3 }, 10);
    expect(await repo.profileOf(id)).toEqual({ sex: null, age: null, region: null, departement: 'ZZ', circonscription: 3, updatedAt: 10 });
    await repo.saveProfile(id, { sex: 'F', age: null, region: '11', departement: '2A', circonscription: 1 }, 20);
    expect(await repo.constituencyOf(id)).toEqual({ departement: '2A', circonscription: 1 });
    await repo.setConstituency(id, null, 30);
    expect(await repo.constituencyOf(id)).toBeNull();
    expect(await repo.profileOf(id)).toEqual({ sex: 'F', age: null, region: '11', departement: null, circonscription: null, updatedAt: 30 });
  });

  it('deletes both when the account is deleted (the store trigger, whatever code path sets deleted_at)', async () => {
    await repo.saveProfile(id, { sex: 'H', age: null, region: null, departement: null, circonscription: null }, 10);
    await repo.savePastVote(id, 'abstention', 10);
    await db.store.run('UPDATE citizens SET email = NULL WHERE id = ?', [id]);
    expect(await repo.profileOf(id)).toBeDefined();
    await db.store.run('UPDATE citizens SET deleted_at = ? WHERE id = ?', [99, id]);
    expect(await repo.profileOf(id)).toBeUndefined();
    expect(await repo.pastVoteOf(id)).toBeUndefined();
  });
});
