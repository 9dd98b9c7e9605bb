import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Db } from '../../db/types';
import { describeEachStore } from '../../test-support/stores';
import { accountsRepository } from './repository';

/** Accounts, sessions and one-time codes: one suite on SQLite and on PostgreSQL. */
describeEachStore('the accounts store', ({ open }) => {
  let db: Db;
  let repo: ReturnType<typeof accountsRepository>;
  const T0 = Date.UTC(2026, 0, 5, 9);
  beforeEach(async () => {
    db = await open();
    repo = accountsRepository(db);
  });
  afterEach(() => db.close());

  const register = (email: string) =>
    repo.insertCitizen({ email, passwordHash: 'scrypt$x', locale: 'fr', registrationNetwork: '192.0.2.0/24', createdAt: T0 }, (id) => `pseudo-${id}`);

  it('registers an account with its pseudonym and finds it by address and id', async () => {
    const alice = await register('alice@example.org');
    expect(alice).toMatchObject({ email: 'alice@example.org', voterId: `pseudo-${alice.id}`, level: 'none', role: 'citizen', createdAt: T0, deletedAt: null });
    expect(await repo.findByEmail('alice@example.org')).toEqual(alice);
    expect(await repo.findById(alice.id)).toEqual(alice);
    expect(await repo.findByEmail('ALICE@example.org')).toBeUndefined();
    await expect(register('alice@example.org')).rejects.toThrow();
    await repo.update(alice.id, { level: 'email', emailVerifiedAt: T0 + 1, phoneKey: 'k' });
    expect(await repo.findByPhoneKey('k')).toMatchObject({ id: alice.id, level: 'email', emailVerifiedAt: T0 + 1 });
  });

  it('finds a live session only, and forgets the sessions of a deleted account', async () => {
    const alice = await register('alice@example.org');
    await repo.insertSession({ tokenHash: 'live', citizenId: alice.id, createdAt: T0, expiresAt: T0 + 1000 });
    await repo.insertSession({ tokenHash: 'other', citizenId: alice.id, createdAt: T0, expiresAt: T0 + 1000 });
    expect(await repo.findSession('live', T0)).toEqual({
      citizenId: alice.id, voterId: alice.voterId, email: 'alice@example.org', level: 'none', role: 'citizen', createdAt: T0, expiresAt: T0 + 1000, tokenHash: 'live',
    });
    expect(await repo.findSession('live', T0 + 1000)).toBeUndefined();
    await repo.deleteSession('live');
    expect(await repo.findSession('live', T0)).toBeUndefined();
    await repo.anonymise(alice.id, T0 + 5);
    expect(await repo.findSession('other', T0)).toBeUndefined();
    expect(await repo.findById(alice.id)).toMatchObject({ email: null, passwordHash: null, deletedAt: T0 + 5, voterId: alice.voterId });
  });

  it('keeps only the latest one-time code of a purpose, and counts attempts', async () => {
    const alice = await register('alice@example.org');
    const code = { citizenId: alice.id, purpose: 'email' as const, codeHash: 'h1', tokenHash: 't1', subjectKey: null, createdAt: T0, expiresAt: T0 + 600_000 };
    const first = await repo.insertCode(code);
    const second = await repo.insertCode({ ...code, codeHash: 'h2', tokenHash: 't2', createdAt: T0 + 1 });
    expect(second.id).toBeGreaterThan(first.id);
    expect(await repo.latestActiveCode(alice.id, 'email', T0 + 2)).toEqual(second);
    expect(await repo.activeCodeByToken('t1', 'email', T0 + 2)).toBeUndefined();
    expect(await repo.activeCodeByToken('t2', 'email', T0 + 2)).toEqual(second);
    await repo.countAttempt(second.id, 3);
    await repo.useCode(second.id, T0 + 3);
    expect(await repo.codeById(second.id)).toMatchObject({ attempts: 3, usedAt: T0 + 3 });
    expect(await repo.latestActiveCode(alice.id, 'email', T0 + 4)).toBeUndefined();
  });
});
