import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Db } from '../../db/types';
import { describeEachStore } from '../../test-support/stores';
import { moderationRepository } from './repository';

/** The burst detector's reads and the moderators' flags: one suite on SQLite and on PostgreSQL. */
describeEachStore('the moderation store', ({ open }) => {
  let db: Db;
  let repo: ReturnType<typeof moderationRepository>;
  const ids: number[] = [];
  beforeEach(async () => {
    db = await open();
    repo = moderationRepository(db);
    ids.length = 0;
    for (let i = 0; i < 3; i++) {
      const row = await db.store.get<{ id: number }>('INSERT INTO citizens (email, voter_id, registration_network, created_at) VALUES (?, ?, ?, ?) RETURNING id', [`m${i}@example.org`, `m${i}`, '198.51.100.0/24', 1000 + i]);
      ids.push(row!.id);
      await db.store.run("INSERT INTO votes (scrutin_uid, citizen_id, choice, seq, receipt, first_cast_at, cast_at, network) VALUES ('S1', ?, 'pour', ?, ?, ?, ?, '198.51.100.0/24')", [row!.id, i + 1, `r${i}`, 2000 + i, 2000 + i]);
    }
  });
  afterEach(() => db.close());

  it('reads the recent votes the detector clusters', async () => {
    const events = await repo.recentVotes(2001, 0);
    expect(events.map((e) => e.accountId)).toEqual(expect.arrayContaining([String(ids[1]), String(ids[2])]));
    expect(events).toHaveLength(2);
  });

  it('flags an account once, lists flags by status, and records a review', async () => {
    const flag = (citizenId: number) => ({ citizenId, reason: 'burst', network: '198.51.100.0/24', scrutinUid: 'S1', clusterSize: 3 });
    expect(await repo.addFlags([flag(ids[0]!), flag(ids[1]!)], 3000)).toBe(2);
    expect(await repo.addFlags([flag(ids[0]!), flag(ids[2]!)], 3001)).toBe(1);
    const open = await repo.list('open', 10, 0);
    expect(open.total).toBe(3);
    expect(open.flags.map((f) => f.createdAt)).toEqual([new Date(3001).toISOString(), new Date(3000).toISOString(), new Date(3000).toISOString()]);
    const first = open.flags.at(-1)!;
    await repo.review(first.id, 'confirmed', ids[2]!, 'same network', 4000);
    expect(await repo.get(first.id)).toMatchObject({ status: 'confirmed', reviewedAt: new Date(4000).toISOString() });
    expect(await db.store.get('SELECT note, reviewed_by AS "reviewedBy" FROM flags WHERE id = ?', [first.id])).toEqual({ note: 'same network', reviewedBy: ids[2] });
    expect((await repo.list('open', 10, 0)).total).toBe(2);
    expect((await repo.list('open', 1, 1)).flags).toHaveLength(1);
    expect(await repo.scrutinsOfFlag(first.id)).toEqual(['S1']);
  });
});
