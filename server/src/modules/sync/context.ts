import type { SyncRunSummary } from '@parallele/core';
import type { PoliteHttpClient } from '@parallele/scrapers';
import type { Db } from '../../db/client';
import type { Quarantine } from './quarantine';

/** What one sync run works with; built by the service (or a test) for each run. */
export interface SyncContext {
  db: Db;
  client: PoliteHttpClient;
  /** The data folder: raw downloads go to `raw/`, failures to `quarantine/`. */
  dataDir: string;
  opendataBaseUrl: string;
  siteBaseUrl: string;
  now: () => Date;
  runId: number;
  quarantine: Quarantine;
  summary: SyncRunSummary;
  progress: (event: SyncProgress) => void;
  /** Aborting stops the run between two items, leaving a consistent store and resume point. */
  signal?: AbortSignal;
}

export type SyncProgress =
  | { type: 'phase'; label: string; total: number | null }
  | { type: 'tick'; label: string; done: number; total: number | null }
  | { type: 'item'; key: string; status: string; detail?: string | null };
