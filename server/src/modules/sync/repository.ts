import { acteurRef, organeRef, type QuarantinedItem, type SyncRunSummary } from '@parallele/core';
import type { KnownDeputy, KnownGroup } from '@parallele/scrapers';
import type { Db } from '../../db/client';

/**
 * SQL of the sync module: run records, resume points, quarantine rows, and the few reads of the AN
 * tables it needs (acteur names for matching, which channel wrote a scrutin). Raw prepared
 * statements, like the AN store.
 */

export function startRun(db: Db, run: Pick<SyncRunSummary, 'kind' | 'legislature' | 'trigger'>, at: Date): number {
  const info = db.sqlite
    .prepare(`INSERT INTO sync_runs (kind, legislature, "trigger", status, started_at) VALUES (?, ?, ?, 'running', ?)`)
    .run(run.kind, run.legislature, run.trigger, at.getTime());
  return Number(info.lastInsertRowid);
}

export function finishRun(db: Db, id: number, summary: SyncRunSummary, at: Date) {
  db.sqlite
    .prepare(`UPDATE sync_runs SET status = ?, finished_at = ?, summary = ?, error = ? WHERE id = ?`)
    .run(summary.status, at.getTime(), JSON.stringify(summary), summary.errors[0] ?? null, id);
}

/** The latest finished (or running) run of each kind, newest first. */
export function latestRuns(db: Db): SyncRunSummary[] {
  const rows = db.sqlite
    .prepare<[], { id: number; kind: 'opendata' | 'pages'; legislature: number; trigger: 'manual' | 'schedule'; status: SyncRunSummary['status']; started_at: number; finished_at: number | null; summary: string | null; error: string | null }>(
      `SELECT r.* FROM sync_runs r
        WHERE r.id = (SELECT max(id) FROM sync_runs x WHERE x.kind = r.kind)
        ORDER BY r.started_at DESC, r.id DESC`,
    )
    .all();
  return rows.map((r) =>
    r.summary
      ? (JSON.parse(r.summary) as SyncRunSummary)
      : {
          ...emptySummary(r.kind, r.legislature, r.trigger, new Date(r.started_at)),
          id: r.id,
          status: r.status,
          errors: r.error ? [r.error] : [],
        },
  );
}

export function emptySummary(kind: SyncRunSummary['kind'], legislature: number, trigger: SyncRunSummary['trigger'], at: Date): SyncRunSummary {
  const counts = () => ({ inserted: 0, updated: 0, unchanged: 0 });
  return {
    id: null,
    kind,
    legislature,
    trigger,
    status: 'running',
    startedAt: at.toISOString(),
    finishedAt: null,
    archives: [],
    scrutins: counts(),
    deputies: counts(),
    groups: counts(),
    discovered: [],
    pages: [],
    resumedFrom: null,
    lastNumero: null,
    quarantined: [],
    unmatched: [],
    errors: [],
  };
}

const stateKey = (legislature: number) => `pages:L${legislature}:last-numero`;

export function getResumePoint(db: Db, legislature: number): number | null {
  const row = db.sqlite.prepare<[string], { value: string }>('SELECT value FROM sync_state WHERE key = ?').get(stateKey(legislature));
  return row ? Number(row.value) : null;
}

export function setResumePoint(db: Db, legislature: number, numero: number, at: Date) {
  db.sqlite
    .prepare(
      `INSERT INTO sync_state (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    )
    .run(stateKey(legislature), String(numero), at.getTime());
}

export function resumePoints(db: Db): Array<{ legislature: number; lastNumero: number }> {
  return db.sqlite
    .prepare<[], { key: string; value: string }>(`SELECT key, value FROM sync_state WHERE key LIKE 'pages:L%:last-numero' ORDER BY key`)
    .all()
    .map((r) => ({ legislature: Number(/^pages:L(\d+):/.exec(r.key)?.[1] ?? 0), lastNumero: Number(r.value) }));
}

export function addQuarantine(db: Db, runId: number, item: QuarantinedItem) {
  db.sqlite
    .prepare('INSERT INTO sync_quarantine (run_id, kind, source, path, error, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(runId, item.kind, item.source, item.path, item.error, Date.parse(item.at));
}

export function recentQuarantine(db: Db, limit = 50): QuarantinedItem[] {
  return db.sqlite
    .prepare<[number], { kind: QuarantinedItem['kind']; source: string; path: string; error: string; created_at: number }>(
      'SELECT kind, source, path, error, created_at FROM sync_quarantine ORDER BY created_at DESC, id DESC LIMIT ?',
    )
    .all(limit)
    .map((r) => ({ kind: r.kind, source: r.source, path: r.path, error: r.error, at: new Date(r.created_at).toISOString() }));
}

/** The highest numero the open data gave for a legislature: pages start after it. */
export function lastOpenDataNumero(db: Db, legislature: number): number {
  const row = db.sqlite
    .prepare<[number], { n: number | null }>(`SELECT max(numero) AS n FROM scrutins WHERE legislature = ? AND origin = 'opendata'`)
    .get(legislature);
  return row?.n ?? 0;
}

export function scrutinOrigin(db: Db, uid: string): 'opendata' | 'page' | null {
  const row = db.sqlite.prepare<[string], { origin: 'opendata' | 'page' }>('SELECT origin FROM scrutins WHERE uid = ?').get(uid);
  return row?.origin ?? null;
}

export function setOrigin(db: Db, uids: readonly string[], origin: 'opendata' | 'page') {
  const st = db.sqlite.prepare('UPDATE scrutins SET origin = ? WHERE uid = ? AND origin <> ?');
  for (const uid of uids) st.run(origin, uid, origin);
}

export function knownDeputies(db: Db): KnownDeputy[] {
  return db.sqlite
    .prepare<[], { ref: string; first_name: string; last_name: string }>('SELECT ref, first_name, last_name FROM deputies')
    .all()
    .map((r) => ({ ref: acteurRef(r.ref), firstName: r.first_name, lastName: r.last_name }));
}

export function knownGroups(db: Db): KnownGroup[] {
  return db.sqlite
    .prepare<[], { ref: string; name: string; legislature: number | null }>(`SELECT ref, name, legislature FROM organes WHERE kind = 'GP'`)
    .all()
    .map((r) => ({ ref: organeRef(r.ref), name: r.name, legislature: r.legislature }));
}
