import { afterEach, beforeEach, expect, it } from 'vitest';
import type { AgendaSitting } from '@parallele/core';
import type { Db } from '../../db/types';
import { describeEachStore } from '../../test-support/stores';
import { agendaRepository } from './repository';

const sitting = (n: number, start: string, points: AgendaSitting['points'] = []): AgendaSitting => ({
  uid: `RUANR5L17S2026IDS${n}`, legislature: 17, sessionRef: 'SCR5A2026O1', organeRef: 'PO838901', start, end: null, state: 'Confirmé',
  quantieme: 'Première', compteRenduRef: null, createdAt: null, closedAt: null, points,
});
const point = (uid: string, ordinal: number, tentative: boolean): AgendaSitting['points'][number] => ({
  uid, ordinal, state: 'Confirmé', type: 'Vote solennel', objet: 'Projet de loi', dossierRef: 'DLR5L17N1', procedure: null, tentative, voteExpected: 'solennel',
});

/** The Assemblée's agenda: one suite on SQLite and on PostgreSQL. */
describeEachStore('the agenda store', ({ open }) => {
  let db: Db;
  let repo: ReturnType<typeof agendaRepository>;
  beforeEach(async () => {
    db = await open();
    repo = agendaRepository(db);
  });
  afterEach(() => db.close());

  it('imports sittings with their points, idempotently, and reads them back in order', async () => {
    const a = sitting(1, '2026-01-13T15:00:00.000+01:00', [point('PT1', 0, false), point('PT2', 1, true)]);
    const b = sitting(2, '2026-01-12T09:30:00.000+01:00');
    const items = [a, b].map((value) => ({ value, hash: `h${value.uid}`, source: 'test' }));
    expect(await repo.upsertSittings(items, 1)).toEqual({ imported: 2, updated: 0, unchanged: 0, rows: 4 });
    expect(await repo.upsertSittings(items, 2)).toEqual({ imported: 0, updated: 0, unchanged: 2, rows: 0 });
    const changed = { ...a, points: [point('PT1', 0, false)] };
    expect(await repo.upsertSittings([{ value: changed, hash: 'h2', source: 'test' }], 3)).toMatchObject({ updated: 1 });
    expect(await repo.sittingsOf(17)).toEqual([b, changed]);
    expect(await repo.sitting(a.uid)).toEqual(changed);
    expect(await repo.sittingsAfter(Date.parse('2026-01-12T12:00:00+01:00'))).toEqual([changed]);
    expect(await repo.counts()).toEqual({ sittings: 2, points: 1 });
  });

  it('keeps the latest snapshot of each import source', async () => {
    expect(await repo.snapshotAt()).toBeNull();
    await repo.recordImport('bundle', 200, 5, 1);
    await repo.recordImport('bundle', 100, 6, 2);
    await repo.recordImport('sync', 150, 1, 3);
    expect(await repo.snapshotAt()).toBe(200);
  });
});
