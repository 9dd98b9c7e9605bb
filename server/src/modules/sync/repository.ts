import { acteurRef, organeRef, type QuarantinedItem, type SyncRunSummary } from '@parallele/core';
import type { KnownDeputy, KnownGroup } from '@parallele/scrapers';
import { placeholders } from '../../db/bulk-insert';
import type { Db } from '../../db/client';

/**
 * SQL of the sync module: run records, resume points, quarantine rows, and the few reads of the AN
 * tables it needs (acteur names for matching, which channel wrote a scrutin), through the SQL port.
 */

export async function startRun(db: Db, run: Pick<SyncRunSummary, 'kind' | 'legislature' | 'trigger'>, at: Date): Promise<number> {
  const row = await db.store.get<{ id: number }>(
    `INSERT INTO sync_runs (kind, legislature, "trigger", status, started_at) VALUES (?, ?, ?, 'running', ?) RETURNING id`,
    [run.kind, run.legislature, run.trigger, at.getTime()],
  );
  return Number(row!.id);
}

export async function finishRun(db: Db, id: number, summary: SyncRunSummary, at: Date): Promise<void> {
  await db.store.run(`UPDATE sync_runs SET status = ?, finished_at = ?, summary = ?, error = ? WHERE id = ?`, [
    summary.status,
    at.getTime(),
    JSON.stringify(summary),
    summary.errors[0] ?? null,
    id,
  ]);
}

/** The latest finished (or running) run of each kind, newest first. */
export async function latestRuns(db: Db): Promise<SyncRunSummary[]> {
  const rows = await db.store.all<{ id: number; kind: 'opendata' | 'pages'; legislature: number; trigger: 'manual' | 'schedule'; status: SyncRunSummary['status']; started_at: number; finished_at: number | null; summary: string | null; error: string | null }>(
    `SELECT r.* FROM sync_runs r
      WHERE r.id = (SELECT max(id) FROM sync_runs x WHERE x.kind = r.kind)
      ORDER BY r.started_at DESC, r.id DESC`,
  );
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

export async function getResumePoint(db: Db, legislature: number): Promise<number | null> {
  const row = await db.store.get<{ value: string }>('SELECT value FROM sync_state WHERE key = ?', [stateKey(legislature)]);
  return row ? Number(row.value) : null;
}

export async function setResumePoint(db: Db, legislature: number, numero: number, at: Date): Promise<void> {
  await db.store.run(
    `INSERT INTO sync_state (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    [stateKey(legislature), String(numero), at.getTime()],
  );
}

export async function resumePoints(db: Db): Promise<Array<{ legislature: number; lastNumero: number }>> {
  return (await db.store.all<{ key: string; value: string }>(`SELECT key, value FROM sync_state WHERE key LIKE 'pages:L%:last-numero' ORDER BY key`))
    .map((r) => ({ legislature: Number(/^pages:L(\d+):/.exec(r.key)?.[1] ?? 0), lastNumero: Number(r.value) }));
}

export async function addQuarantine(db: Db, runId: number, item: QuarantinedItem): Promise<void> {
  await db.store.run('INSERT INTO sync_quarantine (run_id, kind, source, path, error, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
    runId,
    item.kind,
    item.source,
    item.path,
    item.error,
    Date.parse(item.at),
  ]);
}

export async function recentQuarantine(db: Db, limit = 50): Promise<QuarantinedItem[]> {
  return (
    await db.store.all<{ kind: QuarantinedItem['kind']; source: string; path: string; error: string; created_at: number }>(
      'SELECT kind, source, path, error, created_at FROM sync_quarantine ORDER BY created_at DESC, id DESC LIMIT ?',
      [limit],
    )
  ).map((r) => ({ kind: r.kind, source: r.source, path: r.path, error: r.error, at: new Date(r.created_at).toISOString() }));
}

/** The highest numero the open data gave for a legislature: pages start after it. */
export async function lastOpenDataNumero(db: Db, legislature: number): Promise<number> {
  const row = await db.store.get<{ n: number | null }>(`SELECT max(numero) AS n FROM scrutins WHERE legislature = ? AND origin = 'opendata'`, [legislature]);
  return row?.n ?? 0;
}

export async function scrutinOrigin(db: Db, uid: string): Promise<'opendata' | 'page' | null> {
  const row = await db.store.get<{ origin: 'opendata' | 'page' }>('SELECT origin FROM scrutins WHERE uid = ?', [uid]);
  return row?.origin ?? null;
}

export async function setOrigin(db: Db, uids: readonly string[], origin: 'opendata' | 'page'): Promise<void> {
  for (let i = 0; i < uids.length; i += 1000) {
    const chunk = uids.slice(i, i + 1000);
    await db.store.run(`UPDATE scrutins SET origin = ? WHERE uid IN (${placeholders(chunk.length)}) AND origin <> ?`, [origin, ...chunk, origin]);
  }
}

export async function knownDeputies(db: Db): Promise<KnownDeputy[]> {
  return (await db.store.all<{ ref: string; first_name: string; last_name: string }>('SELECT ref, first_name, last_name FROM deputies')).map((r) => ({
    ref: acteurRef(r.ref),
    firstName: r.first_name,
    lastName: r.last_name,
  }));
}

export async function knownGroups(db: Db): Promise<KnownGroup[]> {
  return (await db.store.all<{ ref: string; name: string; legislature: number | null }>(`SELECT ref, name, legislature FROM organes WHERE kind = 'GP'`)).map((r) => ({ ref: organeRef(r.ref), name: r.name, legislature: r.legislature }));
}
