import { bigint, index, integer, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * The sync module's bookkeeping: one row per run (what it found, as a JSON summary), resume points
 * (`pages:L17` → last numero done) and quarantined items (a page or file that failed to parse: its
 * raw copy is kept under data/quarantine/, never imported). Times are integer ms since epoch.
 */

export const syncRuns = pgTable(
  'sync_runs',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    kind: text('kind', { enum: ['opendata', 'pages'] }).notNull(),
    legislature: integer('legislature').notNull(),
    /** `manual` (CLI) or `schedule` (the server's interval) */
    trigger: text('trigger', { enum: ['manual', 'schedule'] }).notNull(),
    status: text('status', { enum: ['running', 'ok', 'partial', 'failed'] }).notNull(),
    startedAt: bigint('started_at', { mode: 'number' }).notNull(),
    finishedAt: bigint('finished_at', { mode: 'number' }),
    /** SyncRunSummary JSON (core/src/contracts/sync.ts) once finished */
    summary: text('summary'),
    error: text('error'),
  },
  (t) => [index('sync_runs_started_idx').on(t.startedAt)],
);

export const syncState = pgTable('sync_state', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
});

export const syncQuarantine = pgTable(
  'sync_quarantine',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    runId: integer('run_id').notNull(),
    kind: text('kind', { enum: ['archive', 'record', 'page', 'list'] }).notNull(),
    /** URL, archive member or file the item came from */
    source: text('source').notNull(),
    /** the raw copy under data/quarantine (relative to the data dir) */
    path: text('path').notNull(),
    error: text('error').notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('sync_quarantine_created_idx').on(t.createdAt)],
);
