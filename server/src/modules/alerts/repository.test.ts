import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Db } from '../../db/types';
import { describeEachStore } from '../../test-support/stores';
import { alertsRepository } from './repository';

/** Alert subscriptions and deliveries: one suite on SQLite and on PostgreSQL. */
describeEachStore('the alerts store', ({ open }) => {
  let db: Db;
  let repo: ReturnType<typeof alertsRepository>;
  const ids: number[] = [];
  beforeEach(async () => {
    db = await open();
    repo = alertsRepository(db);
    ids.length = 0;
    for (const [email, verified] of [['a@example.org', 1], ['b@example.org', null]] as const) {
      ids.push((await db.store.get<{ id: number }>('INSERT INTO citizens (email, voter_id, created_at, email_verified_at) VALUES (?, ?, 1, ?) RETURNING id', [email, email, verified]))!.id);
    }
  });
  afterEach(() => db.close());

  it('replaces subscriptions and lists the verified subscribers', async () => {
    await repo.replace(ids[0]!, { solemn: true, texts: ['DLR5L17N2', 'DLR5L17N1', 'DLR5L17N1'] }, 10);
    await repo.replace(ids[1]!, { solemn: true, texts: [] }, 10);
    expect(await repo.subscriptions(ids[0]!)).toEqual({ solemn: true, texts: ['DLR5L17N1', 'DLR5L17N2'] });
    await repo.replace(ids[0]!, { solemn: false, texts: ['DLR5L17N3'] }, 11);
    expect(await repo.subscriptions(ids[0]!)).toEqual({ solemn: false, texts: ['DLR5L17N3'] });
    expect(await repo.subscribers()).toEqual([{ citizenId: ids[0], email: 'a@example.org', locale: 'fr', solemn: false, texts: new Set(['DLR5L17N3']) }]);
    await repo.unsubscribeAll(ids[0]!);
    expect(await repo.subscribers()).toEqual([]);
  });

  it('records one digest per citizen and day, and each alert once', async () => {
    expect(await repo.hasDigest(ids[0]!, '2026-01-05')).toBe(false);
    expect(await repo.recordDigest(ids[0]!, '2026-01-05', 10, [{ questionId: 'Q1', kind: 'opened' }, { questionId: 'Q1', kind: 'closing' }])).toBe(true);
    expect(await repo.recordDigest(ids[0]!, '2026-01-05', 11, [{ questionId: 'Q2', kind: 'opened' }])).toBe(false);
    expect(await repo.hasDigest(ids[0]!, '2026-01-05')).toBe(true);
    expect(await repo.delivered(ids[0]!)).toEqual(new Set(['Q1 opened', 'Q1 closing']));
  });
});
