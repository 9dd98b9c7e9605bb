import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The sync module's bookkeeping: one row per run (what it found, as a JSON summary), resume points
 * (`pages:L17` → last numero done) and quarantined items (a page or file that failed to parse: its
 * raw copy is kept under data/quarantine/, never imported). Times are integer ms since epoch.
 */

export const syncRuns = sqliteTable(
  'sync_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['opendata', 'pages'] }).notNull(),
    legislature: integer('legislature').notNull(),
    /** `manual` (CLI) or `schedule` (the server's interval) */
    trigger: text('trigger', { enum: ['manual', 'schedule'] }).notNull(),
    status: text('status', { enum: ['running', 'ok', 'partial', 'failed'] }).notNull(),
    startedAt: integer('started_at').notNull(),
    finishedAt: integer('finished_at'),
    /** SyncRunSummary JSON (core/src/contracts/sync.ts) once finished */
    summary: text('summary'),
    error: text('error'),
  },
  (t) => [index('sync_runs_started_idx').on(t.startedAt)],
);

export const syncState = sqliteTable('sync_state', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

export const syncQuarantine = sqliteTable(
  'sync_quarantine',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    runId: integer('run_id').notNull(),
    kind: text('kind', { enum: ['archive', 'record', 'page', 'list'] }).notNull(),
    /** URL, archive member or file the item came from */
    source: text('source').notNull(),
    /** the raw copy under data/quarantine (relative to the data dir) */
    path: text('path').notNull(),
    error: text('error').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('sync_quarantine_created_idx').on(t.createdAt)],
);
