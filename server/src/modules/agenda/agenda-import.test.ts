import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parisDate } from '@parallele/core';
import type { Db } from '../../db/client';
import { openTestStore, type TestStore } from '../../test-support/store';
import { BUNDLED_DATA_DIR, importOfficialData, type ImportSummary } from '../../import/import-service';
import { agendaRepository } from './repository';

/** The real agenda bundle (4,601 réunions, 536 AN séances of the 17th legislature) through the real importer. */
const AGENDA = join(BUNDLED_DATA_DIR, 'agenda');

let dir: string;
let db: Db;
let opened: TestStore;
let first: ImportSummary;
const count = async (sql: string) => (await db.store.get<{ n: number }>(sql))!.n;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parallele-agenda-'));
  opened = await openTestStore(join(dir, 'a.db'));
  db = opened.db;
  first = await importOfficialData(db, AGENDA);
});
afterAll(async () => {
  await opened?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('importing the bundled agenda', () => {
  it('keeps the 536 AN séances publiques and skips the other meetings, with no error', () => {
    expect(first.errors).toEqual([]);
    expect(first.read).toBe(4601);
    expect(first.agenda).toEqual({ imported: 536, updated: 0, unchanged: 0, errors: 0 });
    // 3,857 commission meetings, 124 other meetings, 84 Sénat séances
    expect(first.skipped).toBe(4601 - 536);
  });

  it('stores séances and points by state as published (FORMAT-NOTES §1)', async () => {
    const bySitting = await db.store.all('SELECT state, count(*) AS n FROM agenda_sittings GROUP BY state ORDER BY state');
    expect(bySitting).toEqual([{ state: 'Confirmé', n: 375 }, { state: 'Supprimé', n: 161 }]);
    const byPoint = await db.store.all('SELECT s.state AS sitting, p.state AS point, count(*) AS n FROM agenda_points p JOIN agenda_sittings s ON s.uid = p.sitting_uid GROUP BY 1, 2 ORDER BY 1, 2');
    expect(byPoint).toEqual([
      { sitting: 'Confirmé', point: 'Confirmé', n: 694 },
      { sitting: 'Confirmé', point: 'Supprimé', n: 727 },
      { sitting: 'Supprimé', point: 'Supprimé', n: 377 },
    ]);
    expect(await count("SELECT count(*) AS n FROM agenda_points WHERE vote_kind = 'solennel'")).toBe(43);
    // a single point is an object in 179 files: each became one row
    expect(await count('SELECT count(*) AS n FROM (SELECT sitting_uid FROM agenda_points GROUP BY sitting_uid HAVING count(*) = 1) AS single')).toBe(179);
  });

  it('holds the 35 séances still scheduled at download time (19 Nov – 5 Dec 2025), among them the PLF 2026 vote solennel', async () => {
    const repo = agendaRepository(db);
    const after = await repo.sittingsAfter(Date.parse('2025-11-19T00:00:00+01:00'));
    expect(after).toHaveLength(35);
    expect(after.every((s) => s.state === 'Confirmé' && s.end === null)).toBe(true);
    expect(after.at(-1)!.start.slice(0, 10)).toBe('2025-12-05');
    const plf = (await repo.sitting('RUANR5L17S2026IDS29952'))!;
    expect(plf.start).toBe('2025-11-24T16:00:00.000+01:00');
    expect(plf.points).toMatchObject([{ type: 'Vote solennel', dossierRef: 'DLR5L17N52428', voteExpected: 'solennel', state: 'Confirmé' }]);
    // the snapshot: the latest instant the data attests is on 18 Nov 2025, the download date
    expect(parisDate(new Date((await repo.snapshotAt())!))).toBe('2025-11-18');
  });

  it('is idempotent: a re-import writes nothing and reports every séance unchanged', async () => {
    const again = await importOfficialData(db, AGENDA);
    expect(again.agenda).toEqual({ imported: 0, updated: 0, unchanged: 536, errors: 0 });
    expect(again.rows).toBe(0);
    expect(await count('SELECT count(*) AS n FROM agenda_imports')).toBe(1);
  });
});

describe('a malformed agenda file', () => {
  const seance = (uid: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      reunion: {
        '@xsi:type': 'seance_type', uid, timeStampDebut: '2025-12-01T16:00:00.000+01:00', organeReuniRef: 'PO838901',
        cycleDeVie: { etat: 'Confirmé', chrono: { creation: '2025-11-20T00:00:00.000+01:00', cloture: null } },
        ODJ: { pointsODJ: { pointODJ: { uid: `${uid}PT1`, cycleDeVie: { etat: 'Confirmé' }, objet: 'Vote solennel sur le projet de loi X', typePointODJ: 'Vote solennel', dossiersLegislatifsRefs: { dossierRef: 'DLR5L17N1' } } } },
        ...extra,
      },
    });

  it('is named by file, line and JSON path and skipped; --strict writes nothing', async () => {
    const file = join(dir, 'bad.ndjson.gz');
    writeFileSync(file, gzipSync([seance('RUANR5L17S2026IDS90001'), seance('RUANR5L17S2026IDS90002', { cycleDeVie: { etat: 7 } })].join('\n')));
    const opened = await openTestStore(join(dir, 'bad.db'));
    const store = opened.db;
    try {
      const strict = await importOfficialData(store, file, { strict: true });
      expect(strict.committed).toBe(false);
      expect(strict.errors).toEqual([
        { location: `${file}:2`, kind: 'reunion', message: `RUANR5L17S2026IDS90002 (${file}:2): reunion.cycleDeVie.etat: expected a non-empty string, got 7` },
      ]);
      expect(await agendaRepository(store).counts()).toEqual({ sittings: 0, points: 0 });

      const lenient = await importOfficialData(store, file);
      expect(lenient.agenda).toEqual({ imported: 1, updated: 0, unchanged: 0, errors: 1 });
      expect(await agendaRepository(store).counts()).toEqual({ sittings: 1, points: 1 });
    } finally {
      await opened.close();
    }
  });
});
