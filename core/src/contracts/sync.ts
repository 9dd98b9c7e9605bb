import { z } from 'zod';

/**
 * The store's sync with the Assemblée nationale (open-data archives and web pages): the summary a
 * run produces (CLI `--json`, stored per run) and GET /api/sync/status.
 */

export const SYNC_KINDS = ['opendata', 'pages'] as const;
export const SyncKindSchema = z.enum(SYNC_KINDS);
export type SyncKind = z.infer<typeof SyncKindSchema>;

export const SyncRunStatusSchema = z.enum(['running', 'ok', 'partial', 'failed']);
export type SyncRunStatus = z.infer<typeof SyncRunStatusSchema>;

const CountsSchema = z.object({
  inserted: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
});

/** A page or file that failed to parse: kept aside with its error, never imported. */
export const QuarantinedItemSchema = z
  .object({
    kind: z.enum(['archive', 'record', 'page', 'list']),
    /** URL, archive member (`Scrutins.json.zip!json/VTANR5L17V12.json`) or file */
    source: z.string(),
    /** the raw copy, relative to the data folder (`quarantine/2026-11-24T05-30-00Z-run-3/…`) */
    path: z.string(),
    error: z.string(),
    at: z.string(),
  })
  .meta({ id: 'QuarantinedItem' });
export type QuarantinedItem = z.infer<typeof QuarantinedItemSchema>;

/** A name on an old-layout page that matched no acteur (or several), or a /dyn id unknown to the store. */
export const UnmatchedNameSchema = z
  .object({
    scrutinUid: z.string(),
    name: z.string(),
    group: z.string(),
    position: z.enum(['pour', 'contre', 'abstention', 'nonVotant']),
    reason: z.enum(['no-match', 'ambiguous', 'unknown-acteur']),
  })
  .meta({ id: 'UnmatchedName' });
export type UnmatchedName = z.infer<typeof UnmatchedNameSchema>;

export const ArchiveOutcomeSchema = z.object({
  name: z.string(),
  url: z.string(),
  /** `unchanged`: the server answered 304 to our ETag / Last-Modified */
  status: z.enum(['downloaded', 'unchanged', 'failed', 'quarantined']),
  bytes: z.number().int().nullable(),
  /** the kept raw copy, relative to the data folder */
  rawPath: z.string().nullable(),
  /** false when the archive was unchanged and already imported */
  imported: z.boolean(),
});
export type ArchiveOutcome = z.infer<typeof ArchiveOutcomeSchema>;

export const PageOutcomeSchema = z.object({
  numero: z.number().int().positive(),
  url: z.string(),
  /** `kept-opendata`: the store already has the official version, which wins */
  status: z.enum(['inserted', 'updated', 'unchanged', 'kept-opendata', 'quarantined', 'failed']),
  detail: z.string().nullable(),
});
export type PageOutcome = z.infer<typeof PageOutcomeSchema>;

export const SyncRunSummarySchema = z
  .object({
    id: z.number().int().positive().nullable(),
    kind: SyncKindSchema,
    legislature: z.number().int().positive(),
    trigger: z.enum(['manual', 'schedule']),
    status: SyncRunStatusSchema,
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    archives: z.array(ArchiveOutcomeSchema),
    scrutins: CountsSchema,
    deputies: CountsSchema,
    groups: CountsSchema,
    /** pages runs: the numeros found on the list pages, newer than the resume point */
    discovered: z.array(z.number().int().positive()),
    pages: z.array(PageOutcomeSchema),
    /** pages runs: where the run started after (the resume point) and where it stopped */
    resumedFrom: z.number().int().nonnegative().nullable(),
    lastNumero: z.number().int().nonnegative().nullable(),
    quarantined: z.array(QuarantinedItemSchema),
    unmatched: z.array(UnmatchedNameSchema),
    /** run-level failures (network, robots.txt…), one readable line each */
    errors: z.array(z.string()),
  })
  .meta({ id: 'SyncRunSummary' });
export type SyncRunSummary = z.infer<typeof SyncRunSummarySchema>;

export const SyncStatusResponseSchema = z
  .object({
    schedule: z.object({
      enabled: z.boolean(),
      intervalMinutes: z.number().int().positive().nullable(),
      legislature: z.number().int().positive().nullable(),
      running: z.boolean(),
      nextRunAt: z.string().nullable(),
    }),
    /** the latest run of each kind, newest first */
    lastRuns: z.array(SyncRunSummarySchema),
    /** resume points of the page scraper, per legislature */
    resume: z.array(z.object({ legislature: z.number().int().positive(), lastNumero: z.number().int().nonnegative() })),
    /** the most recent quarantined items (all runs), newest first */
    quarantine: z.array(QuarantinedItemSchema),
    /** the last scheduled run whose process died (out of memory, crash, timeout); absent if none */
    lastScheduledFailure: z.object({ at: z.string(), kind: SyncKindSchema, reason: z.string() }).optional(),
  })
  .meta({ id: 'SyncStatus' });
export type SyncStatusResponse = z.infer<typeof SyncStatusResponseSchema>;
