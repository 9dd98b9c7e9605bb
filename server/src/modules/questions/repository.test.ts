import { afterEach, beforeEach, expect, it } from 'vitest';
import { upsertScrutins } from '../../db/an-store';
import type { Db } from '../../db/types';
import { realScrutins } from '../../test-support/citizens';
import { describeEachStore } from '../../test-support/stores';
import { questionsRepository } from './repository';

/** Platform questions and their links to real scrutins: one suite on SQLite and on PostgreSQL. */
describeEachStore('the questions store', ({ open }) => {
  let db: Db;
  let repo: ReturnType<typeof questionsRepository>;
  const q = (id: string, closesAt: number, dossierRef = 'DLR5L16N1') => ({
    id, legislature: 16, dossierRef, sittingUid: 'RUANR5L16S2022IDS1', pointUid: `PT-${id}`, title: `Question ${id}`, voteKind: 'solennel', openedAt: 100, closesAt,
    sittingStart: null as string | null, replayOf: null as string | null,
  });
  beforeEach(async () => {
    db = await open();
    repo = questionsRepository(db);
  });
  afterEach(() => db.close());

  it('opens a question once, lists them by closing time, and freezes a mandate once', async () => {
    expect(await repo.insert(q('Q2', 300))).toBe(true);
    expect(await repo.insert(q('Q1', 200, 'DLR5L16N2'))).toBe(true);
    expect(await repo.insert(q('Q1', 999))).toBe(false);
    expect((await repo.all()).map((r) => r.id)).toEqual(['Q1', 'Q2']);
    expect(await repo.all(17)).toEqual([]);
    expect(await repo.dossiers()).toEqual(new Set(['DLR5L16N1', 'DLR5L16N2']));
    await repo.setClosesAt('Q2', 150);
    expect((await repo.all()).map((r) => r.id)).toEqual(['Q2', 'Q1']);
    await repo.freeze('Q1', 400, { pour: 3, contre: 2, abstention: 1 });
    await repo.freeze('Q1', 500, { pour: 0, contre: 0, abstention: 0 });
    expect(await repo.get('Q1')).toEqual({ ...q('Q1', 200, 'DLR5L16N2'), frozenAt: 400, mandatePour: 3, mandateContre: 2, mandateAbstention: 1 });
    expect((await repo.unfrozen()).map((r) => r.id)).toEqual(['Q2']);
  });

  it('finds the scrutins of a sitting about a question’s text, and links them once', async () => {
    const scrutins = realScrutins(3);
    await upsertScrutins(db, scrutins);
    const seance = scrutins[0]!.seanceRef!;
    await db.store.run(
      `INSERT INTO agenda_sittings (uid, legislature, organe_ref, start, start_at, state, source_hash, imported_at, updated_at)
       VALUES (?, 16, 'PO', '2022-07-11T15:00:00.000+02:00', ?, 'Confirmé', 'h', 1, 1)`,
      [seance, Date.parse('2022-07-11T15:00:00+02:00')],
    );
    await db.store.run(
      "INSERT INTO agenda_points (uid, sitting_uid, ordinal, state, type, objet, dossier_ref, tentative) VALUES ('PT1', ?, 0, 'Confirmé', 'Vote solennel', 'x', 'DLR5L16N1', 0)",
      [seance],
    );
    expect(await repo.unlinkedScrutins()).toEqual([]);
    await repo.insert(q('Q1', 200));
    const sameSitting = scrutins.filter((s) => s.seanceRef === seance).map((s) => s.uid).sort();
    const unlinked = await repo.unlinkedScrutins();
    expect(unlinked.map((s) => s.uid).sort()).toEqual(sameSitting);
    expect(unlinked[0]).toMatchObject({ seanceRef: seance, startAt: Date.parse('2022-07-11T15:00:00+02:00') });
    const uid = scrutins[0]!.uid;
    await repo.addLink({ scrutinUid: uid, questionId: 'Q1', method: 'single-odj', score: null, role: 'final' }, 300);
    await repo.addLink({ scrutinUid: uid, questionId: 'Q1', method: 'title', score: 80, role: 'other' }, 301);
    const link = { scrutinUid: uid, questionId: 'Q1', method: 'single-odj', score: null, role: 'final', amendementUid: null, amendementNumero: null, titre: scrutins[0]!.titre, date: scrutins[0]!.date, outcome: scrutins[0]!.outcome };
    expect(await repo.linkOf(uid)).toEqual(link);
    expect(await repo.linksOf('Q1')).toEqual([link]);
    expect((await repo.unlinkedScrutins()).map((s) => s.uid)).not.toContain(uid);
  });
});
