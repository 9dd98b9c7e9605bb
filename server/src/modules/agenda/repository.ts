import type { AgendaPoint, AgendaSitting, VoteKind } from '@parallele/core';
import type { Db } from '../../db/client';

/** Storage of the agenda: séances and their points, and the imports' snapshots. */

export interface SittingItem {
  value: AgendaSitting;
  hash: string;
  source: string;
}

export interface AgendaWriteReport {
  imported: number;
  updated: number;
  unchanged: number;
  rows: number;
}

interface PointRow {
  uid: string;
  sittingUid: string;
  ordinal: number;
  state: string;
  type: string;
  objet: string;
  dossierRef: string | null;
  procedure: string | null;
  tentative: number;
  voteKind: VoteKind | null;
}

interface SittingRow {
  uid: string;
  legislature: number;
  sessionRef: string | null;
  organeRef: string;
  start: string;
  end: string | null;
  state: string;
  quantieme: string | null;
  compteRenduRef: string | null;
  createdAtSource: string | null;
  closedAtSource: string | null;
}

const SITTING_COLUMNS = `uid, legislature, session_ref AS sessionRef, organe_ref AS organeRef, start, "end", state, quantieme,
  compte_rendu_ref AS compteRenduRef, created_at_source AS createdAtSource, closed_at_source AS closedAtSource`;
const POINT_COLUMNS = `uid, sitting_uid AS sittingUid, ordinal, state, type, objet, dossier_ref AS dossierRef, procedure, tentative, vote_kind AS voteKind`;

const toPoint = (r: PointRow): AgendaPoint => ({
  uid: r.uid, ordinal: r.ordinal, state: r.state, type: r.type, objet: r.objet, dossierRef: r.dossierRef,
  procedure: r.procedure, tentative: r.tentative === 1, voteExpected: r.voteKind,
});

export function agendaRepository(db: Db) {
  const { sqlite } = db;
  const selectHash = sqlite.prepare<[string], { hash: string }>('SELECT source_hash AS hash FROM agenda_sittings WHERE uid = ?');
  const deleteSitting = sqlite.prepare<[string]>('DELETE FROM agenda_sittings WHERE uid = ?');
  const insertSitting = sqlite.prepare(
    `INSERT INTO agenda_sittings (uid, legislature, session_ref, organe_ref, start, start_at, "end", state, quantieme, compte_rendu_ref,
       created_at_source, closed_at_source, source_hash, source, imported_at, updated_at)
     VALUES (@uid, @legislature, @sessionRef, @organeRef, @start, @startAt, @end, @state, @quantieme, @compteRenduRef,
       @createdAt, @closedAt, @hash, @source, @importedAt, @now)`,
  );
  const insertPoint = sqlite.prepare(
    `INSERT INTO agenda_points (uid, sitting_uid, ordinal, state, type, objet, dossier_ref, procedure, tentative, vote_kind)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const selectImportedAt = sqlite.prepare<[string], { importedAt: number }>('SELECT imported_at AS importedAt FROM agenda_sittings WHERE uid = ?');

  function toSittings(rows: SittingRow[]): AgendaSitting[] {
    if (rows.length === 0) return [];
    const points = new Map<string, AgendaPoint[]>();
    const placeholders = rows.map(() => '?').join(', ');
    const pointRows = sqlite
      .prepare<string[], PointRow>(`SELECT ${POINT_COLUMNS} FROM agenda_points WHERE sitting_uid IN (${placeholders}) ORDER BY sitting_uid, ordinal`)
      .all(...rows.map((r) => r.uid));
    for (const p of pointRows) {
      const list = points.get(p.sittingUid) ?? [];
      list.push(toPoint(p));
      points.set(p.sittingUid, list);
    }
    return rows.map((r) => ({
      uid: r.uid, legislature: r.legislature, sessionRef: r.sessionRef, organeRef: r.organeRef, start: r.start, end: r.end,
      state: r.state, quantieme: r.quantieme, compteRenduRef: r.compteRenduRef, createdAt: r.createdAtSource,
      closedAt: r.closedAtSource, points: points.get(r.uid) ?? [],
    }));
  }

  return {
    /** Writes changed séances (and their points, replaced whole); unchanged ones are not touched. */
    upsertSittings(items: readonly SittingItem[], now: number): AgendaWriteReport {
      const report: AgendaWriteReport = { imported: 0, updated: 0, unchanged: 0, rows: 0 };
      sqlite.transaction(() => {
        for (const { value: s, hash, source } of items) {
          const current = selectHash.get(s.uid);
          if (current?.hash === hash) {
            report.unchanged++;
            continue;
          }
          const importedAt = current ? (selectImportedAt.get(s.uid)?.importedAt ?? now) : now;
          if (current) deleteSitting.run(s.uid);
          insertSitting.run({ ...s, startAt: Date.parse(s.start), hash, source, importedAt, now });
          for (const p of s.points) {
            insertPoint.run(p.uid, s.uid, p.ordinal, p.state, p.type, p.objet, p.dossierRef, p.procedure, p.tentative ? 1 : 0, p.voteExpected);
          }
          report.rows += 1 + s.points.length;
          if (current) report.updated++;
          else report.imported++;
        }
      })();
      return report;
    },

    recordImport(source: string, snapshotAt: number, sittings: number, now: number): void {
      sqlite
        .prepare(
          `INSERT INTO agenda_imports (source, snapshot_at, sittings, imported_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (source) DO UPDATE SET snapshot_at = max(snapshot_at, excluded.snapshot_at), sittings = excluded.sittings, imported_at = excluded.imported_at`,
        )
        .run(source, snapshotAt, sittings, now);
    },

    /** The latest instant the stored agenda attests, or null when no agenda was imported. */
    snapshotAt(): number | null {
      return sqlite.prepare<[], { at: number | null }>('SELECT max(snapshot_at) AS at FROM agenda_imports').get()?.at ?? null;
    },

    /** Séances starting after `afterMs` (any state), soonest first, with all their points. */
    sittingsAfter(afterMs: number, limit = 500): AgendaSitting[] {
      return toSittings(
        sqlite.prepare<[number, number], SittingRow>(`SELECT ${SITTING_COLUMNS} FROM agenda_sittings WHERE start_at > ? ORDER BY start_at, uid LIMIT ?`).all(afterMs, limit),
      );
    },

    sitting(uid: string): AgendaSitting | null {
      return toSittings(sqlite.prepare<[string], SittingRow>(`SELECT ${SITTING_COLUMNS} FROM agenda_sittings WHERE uid = ?`).all(uid))[0] ?? null;
    },

    /** Every séance of a legislature (the linker reads their points). */
    sittingsOf(legislature: number): AgendaSitting[] {
      return toSittings(
        sqlite.prepare<[number], SittingRow>(`SELECT ${SITTING_COLUMNS} FROM agenda_sittings WHERE legislature = ? ORDER BY start_at, uid`).all(legislature),
      );
    },

    counts(): { sittings: number; points: number } {
      return sqlite.prepare<[], { sittings: number; points: number }>(
        'SELECT (SELECT count(*) FROM agenda_sittings) AS sittings, (SELECT count(*) FROM agenda_points) AS points',
      ).get()!;
    },
  };
}

export type AgendaRepository = ReturnType<typeof agendaRepository>;
