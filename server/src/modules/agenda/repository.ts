import type { AgendaPoint, AgendaSitting, VoteKind } from '@parallele/core';
import { insertRows, placeholders } from '../../db/bulk-insert';
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

const SITTING_INSERT_COLUMNS = ['uid', 'legislature', 'session_ref', 'organe_ref', 'start', 'start_at', '"end"', 'state', 'quantieme', 'compte_rendu_ref',
  'created_at_source', 'closed_at_source', 'source_hash', 'source', 'imported_at', 'updated_at'];
const POINT_INSERT_COLUMNS = ['uid', 'sitting_uid', 'ordinal', 'state', 'type', 'objet', 'dossier_ref', 'procedure', 'tentative', 'vote_kind'];

export function agendaRepository(db: Db) {
  const { store } = db;

  async function toSittings(rows: SittingRow[]): Promise<AgendaSitting[]> {
    if (rows.length === 0) return [];
    const points = new Map<string, AgendaPoint[]>();
    const pointRows = await store.all<PointRow>(
      `SELECT ${POINT_COLUMNS} FROM agenda_points WHERE sitting_uid IN (${placeholders(rows.length)}) ORDER BY sitting_uid, ordinal`,
      rows.map((r) => r.uid),
    );
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
    /**
     * Writes changed séances (and their points, replaced whole); unchanged ones are not touched. One
     * transaction: the stored hashes read in one query, then multi-row INSERTs.
     */
    async upsertSittings(items: readonly SittingItem[], now: number): Promise<AgendaWriteReport> {
      const report: AgendaWriteReport = { imported: 0, updated: 0, unchanged: 0, rows: 0 };
      return store.transaction(async () => {
        const stored = new Map<string, { hash: string; importedAt: number }>();
        const uids = [...new Set(items.map((i) => i.value.uid))];
        for (let i = 0; i < uids.length; i += 1000) {
          const chunk = uids.slice(i, i + 1000);
          const rows = await store.all<{ uid: string; hash: string; importedAt: number }>(
            `SELECT uid, source_hash AS hash, imported_at AS "importedAt" FROM agenda_sittings WHERE uid IN (${placeholders(chunk.length)})`,
            chunk,
          );
          for (const r of rows) stored.set(r.uid, r);
        }
        const writes = new Map<string, { item: SittingItem; importedAt: number }>();
        const replaced: string[] = [];
        for (const item of items) {
          const { value: s, hash } = item;
          const current = stored.get(s.uid);
          if (current?.hash === hash) {
            report.unchanged++;
            continue;
          }
          if (current && !writes.has(s.uid)) replaced.push(s.uid);
          const importedAt = current?.importedAt ?? now;
          writes.set(s.uid, { item, importedAt });
          stored.set(s.uid, { hash, importedAt });
          report.rows += 1 + s.points.length;
          if (current) report.updated++;
          else report.imported++;
        }
        for (let i = 0; i < replaced.length; i += 1000) {
          const chunk = replaced.slice(i, i + 1000);
          await store.run(`DELETE FROM agenda_sittings WHERE uid IN (${placeholders(chunk.length)})`, chunk);
        }
        const written = [...writes.values()];
        await insertRows(store, 'agenda_sittings', SITTING_INSERT_COLUMNS, written.map(({ item: { value: s, hash, source }, importedAt }) => [
          s.uid, s.legislature, s.sessionRef, s.organeRef, s.start, Date.parse(s.start), s.end, s.state, s.quantieme, s.compteRenduRef,
          s.createdAt, s.closedAt, hash, source, importedAt, now,
        ]));
        await insertRows(store, 'agenda_points', POINT_INSERT_COLUMNS, written.flatMap(({ item: { value: s } }) =>
          s.points.map((p) => [p.uid, s.uid, p.ordinal, p.state, p.type, p.objet, p.dossierRef, p.procedure, p.tentative ? 1 : 0, p.voteExpected]),
        ));
        return report;
      });
    },

    async recordImport(source: string, snapshotAt: number, sittings: number, now: number): Promise<void> {
      await store.run(
        `INSERT INTO agenda_imports (source, snapshot_at, sittings, imported_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (source) DO UPDATE SET
           snapshot_at = CASE WHEN excluded.snapshot_at > agenda_imports.snapshot_at THEN excluded.snapshot_at ELSE agenda_imports.snapshot_at END,
           sittings = excluded.sittings, imported_at = excluded.imported_at`,
        [source, snapshotAt, sittings, now],
      );
    },

    /** The latest instant the stored agenda attests, or null when no agenda was imported. */
    async snapshotAt(): Promise<number | null> {
      return (await store.get<{ at: number | null }>('SELECT max(snapshot_at) AS at FROM agenda_imports'))?.at ?? null;
    },

    /** Séances starting after `afterMs` (any state), soonest first, with all their points. */
    async sittingsAfter(afterMs: number, limit = 500): Promise<AgendaSitting[]> {
      return toSittings(await store.all<SittingRow>(`SELECT ${SITTING_COLUMNS} FROM agenda_sittings WHERE start_at > ? ORDER BY start_at, uid LIMIT ?`, [afterMs, limit]));
    },

    async sitting(uid: string): Promise<AgendaSitting | null> {
      return (await toSittings(await store.all<SittingRow>(`SELECT ${SITTING_COLUMNS} FROM agenda_sittings WHERE uid = ?`, [uid])))[0] ?? null;
    },

    /** Every séance of a legislature (the linker reads their points). */
    async sittingsOf(legislature: number): Promise<AgendaSitting[]> {
      return toSittings(await store.all<SittingRow>(`SELECT ${SITTING_COLUMNS} FROM agenda_sittings WHERE legislature = ? ORDER BY start_at, uid`, [legislature]));
    },

    async counts(): Promise<{ sittings: number; points: number }> {
      return (await store.get<{ sittings: number; points: number }>(
        'SELECT (SELECT count(*) FROM agenda_sittings) AS sittings, (SELECT count(*) FROM agenda_points) AS points',
      ))!;
    },
  };
}

export type AgendaRepository = ReturnType<typeof agendaRepository>;
