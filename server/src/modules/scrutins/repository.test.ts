import { afterEach, beforeEach, expect, it } from 'vitest';
import { ScrutinListQuerySchema, type Scrutin } from '@parallele/core';
import { countScrutins, getScrutin, upsertScrutins } from '../../db/an-store';
import type { Db } from '../../db/types';
import { realScrutins } from '../../test-support/citizens';
import { describeEachStore } from '../../test-support/stores';
import { createScrutinsRepository, fold } from './repository';

/** The AN import and the scrutins' reads, one suite on SQLite and on PostgreSQL. */
describeEachStore('the scrutins store', ({ open }) => {
  let db: Db;
  let scrutins: Scrutin[];
  beforeEach(async () => {
    db = await open();
    scrutins = realScrutins(6);
    scrutins[0] = { ...scrutins[0]!, titre: 'le projet de loi de financement de la Sécurité sociale pour 2025', objet: null };
    scrutins[1] = { ...scrutins[1]!, titre: "l'amendement n° 12 de M. Dupont", objet: 'ÉNERGIE déposée' };
  });
  afterEach(() => db.close());

  const list = (q: Record<string, unknown>) => createScrutinsRepository(db).list(ScrutinListQuerySchema.parse({ pageSize: 50, ...q }));
  const uidsOf = async (q: string) => (await list({ q })).rows.map((r) => r.uid);

  it('imports scrutins with their groups and positions, then reports a re-import unchanged', async () => {
    const first = await upsertScrutins(db, scrutins);
    expect(first).toMatchObject({ inserted: 6, updated: 0, unchanged: 0 });
    expect(first.rows).toBe(scrutins.reduce((n, s) => n + 1 + s.groups.length + s.deputies.length + s.misesAuPoint.length, 0));
    expect(await countScrutins(db)).toBe(6);
    const stored = await getScrutin(db, scrutins[2]!.uid);
    expect(stored).toEqual(scrutins[2]);
    expect(await upsertScrutins(db, scrutins)).toMatchObject({ inserted: 0, updated: 0, unchanged: 6 });
  });

  it('replaces a changed scrutin, children included', async () => {
    await upsertScrutins(db, scrutins);
    const changed = { ...scrutins[3]!, titre: 'un titre corrigé', deputies: scrutins[3]!.deputies.slice(0, 2) };
    expect(await upsertScrutins(db, [changed])).toMatchObject({ updated: 1, outcomes: ['updated'] });
    expect(await getScrutin(db, changed.uid)).toEqual(changed);
  });

  /** what the search must find (no agenda stored): every word of `q` in titre, objet or demandeur, accents and case folded */
  const expected = (q: string) =>
    scrutins.filter((s) => q.split(' ').every((w) => fold(`${s.titre} ${s.objet ?? ''} ${s.demandeur ?? ''}`).includes(fold(w)))).map((s) => s.uid).sort();

  it('finds words ignoring accents and case: "securite sociale" ↔ "sécurité sociale"', async () => {
    await upsertScrutins(db, scrutins);
    const found = (await uidsOf('securite sociale')).sort();
    expect(found).toContain(scrutins[0]!.uid);
    expect(found).toEqual(expected('securite sociale'));
    expect((await uidsOf('sécurité sociale')).sort()).toEqual(found);
    expect((await uidsOf('SÉCURITÉ SOCIALE')).sort()).toEqual(found);
    expect((await uidsOf('deposee energie')).sort()).toEqual([scrutins[1]!.uid]);
    expect((await uidsOf('sanitaire')).sort()).toEqual(expected('sanitaire'));
    expect(await uidsOf('sociale dupont')).toEqual([]);
    // user input is text, never syntax: quotes, LIKE wildcards and FTS operators
    expect(await uidsOf('"retraites" OR NEAR(')).toEqual([]);
    expect(await uidsOf('%%%')).toEqual([]);
    expect(await uidsOf('a_b')).toEqual([]);
    expect((await uidsOf("l'amendement")).sort()).toEqual(expected("l'amendement"));
  });

  it('keeps the search in step when a re-import changes a titre', async () => {
    await upsertScrutins(db, scrutins);
    expect(await uidsOf('financement')).toEqual([scrutins[0]!.uid]);
    await upsertScrutins(db, [{ ...scrutins[0]!, titre: 'la motion de censure' }]);
    expect(await uidsOf('financement')).toEqual([]);
    expect(await uidsOf('censure')).toContain(scrutins[0]!.uid);
  });

  it('filters, sorts and pages the same way', async () => {
    await upsertScrutins(db, scrutins);
    const all = await list({ sort: 'date' });
    expect(all.total).toBe(6);
    const dates = all.rows.map((r) => r.date);
    expect(dates).toEqual([...dates].sort());
    expect((await list({ sort: 'closeness' })).rows.map((r) => r.uid)).toHaveLength(6);
    const page = await list({ sort: 'date', pageSize: 2, page: 2 });
    expect(page.rows.map((r) => r.uid)).toEqual(all.rows.slice(2, 4).map((r) => r.uid));
    const adopted = await list({ outcome: 'adopté' });
    expect(adopted.total).toBe(scrutins.filter((s) => s.outcome === 'adopté').length);
  });
});
