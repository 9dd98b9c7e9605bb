import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { AN_PARSER_VERSION, AnParseError, parseOfficialDocument, qualityWarnings, type QualityWarning, type Deputy, type Group, type OfficialDocumentKind, type Scrutin } from '@parallele/core';
import { readOfficialSource } from '@parallele/scrapers';
import { REPO_ROOT } from '../config';
import { epVotesFile, readEpSource } from '../modules/ep/reader';
import { markScrutinSearchCurrent } from '../db/scrutin-search';
import { indexChangedSearch } from './search-index';
import { beginBulkLoad, contentHash, countScrutins, upsertDeputies, upsertGroups, upsertScrutins, type UpsertItem, type UpsertReport } from '../db/an-store';
import type { Db } from '../db/client';
import type { Logger } from '../logger';
import { createAgendaCollector, createAmendementCollector } from '../modules/agenda';
import { createSeatsCollector } from '../modules/agreement';

/**
 * Imports official AN open data (scrutins, acteurs, organes) from a bundle, folder, file or zip
 * (see readOfficialSource) into the store.
 *
 * - Idempotent: each record carries a content hash (sourceHash below); a re-import reports it
 *   unchanged and writes nothing for it.
 * - Non-strict (default): a bad line/file/record is reported by location and JSON path, and
 *   skipped; the good ones are written in chunked transactions (a server sharing the store never
 *   sees a half-written scrutin, and its writes never wait for the whole import).
 * - Strict: the whole run is ONE transaction; the first error stops the writes (reading goes on to
 *   report every error) and rolls everything back: the store is exactly as before. This holds the
 *   write transaction across the reading, so use a store of your own (the CLI does).
 * - A scrutin uid read twice with different content is an error naming both locations (which one
 *   is right cannot be guessed); the same content twice is silently skipped. Acteurs and organes
 *   are referential SNAPSHOTS: the bundled L16 and L17 acteur files legitimately hold 428 people
 *   twice with different mandates, so for them the last one read wins (folders are read in sorted
 *   order: acteurs-L16 before acteurs-L17), and each such conflict is reported in `conflicts`.
 *   Within ONE file, bundle or archive a snapshot holds each person once: two different contents
 *   there are an error naming both locations, like scrutins (the second is not imported).
 */

export interface KindSummary {
  imported: number;
  updated: number;
  unchanged: number;
  errors: number;
}

export interface ImportError {
  /** `bundle.ndjson.gz:12`, `archive.zip!json/x.json`… (with the uid when known) */
  location: string;
  kind: OfficialDocumentKind | 'reunion' | 'amendement' | null;
  message: string;
}

export interface ImportSummary {
  source: string[];
  strict: boolean;
  /** true when the run wrote what it read (non-strict) or everything (strict, no error) */
  committed: boolean;
  /** documents read (good or bad) */
  read: number;
  scrutins: KindSummary;
  deputies: KindSummary;
  groups: KindSummary;
  /** séances publiques of the agenda (`reunion` files; other meetings are counted as skipped) */
  agenda: KindSummary;
  /** amendements (the linker matches « l'amendement n° … » scrutins with them) */
  amendements: KindSummary;
  /** errors not tied to a record kind: unreadable file, truncated gzip, line that is not JSON… */
  sourceErrors: number;
  /** duplicates with identical content that were skipped */
  duplicates: number;
  /** official documents of other kinds (`deport`, `mandat`… in the AMO zips): not ours, skipped */
  skipped: number;
  /** rows written in every table */
  rows: number;
  durationMs: number;
  errors: ImportError[];
  /**
   * Data-quality warnings (issue 15): records imported as they are, with something to know
   * (a group breakdown that does not add up to the official totals…). Strict mode refuses them.
   */
  warnings: ImportWarning[];
  /** acteurs/organes read twice with different content from different files: the last one read won */
  conflicts: ImportError[];
}

export interface ImportWarning {
  location: string;
  uid: string;
  code: QualityWarning['code'];
  message: string;
}

export interface ImportProgress {
  read: number;
  location: string;
  errors: number;
}

export interface ImportOptions {
  strict?: boolean;
  /** called after each document read (throttle in the caller) */
  onProgress?: (p: ImportProgress) => void;
  /** scrutins per write batch (default 250) */
  batchSize?: number;
  now?: number;
  /** the agenda's snapshot instant, when the data is known to be as of now (a live download) */
  agendaSnapshotAt?: number;
}

const emptyKind = (): KindSummary => ({ imported: 0, updated: 0, unchanged: 0, errors: 0 });

const SUMMARY_KEY = { scrutin: 'scrutins', acteur: 'deputies', organe: 'groups', reunion: 'agenda', amendement: 'amendements' } as const;

/** Thrown inside a strict run's transaction to roll it back when a record failed (never escapes). */
class StrictRollback extends Error {}

/** The repository's bundled open data (resolved from this file, not from the cwd). */
export const BUNDLED_DATA_DIR = join(REPO_ROOT, 'data/opendata');

export async function importOfficialData(db: Db, from: string | readonly string[], options: ImportOptions = {}): Promise<ImportSummary> {
  const started = performance.now();
  const strict = options.strict ?? false;
  const batchSize = options.batchSize ?? 250;
  const now = options.now ?? Date.now();
  const sources = typeof from === 'string' ? [from] : [...from];
  const summary: ImportSummary = {
    source: sources,
    strict,
    committed: false,
    read: 0,
    scrutins: emptyKind(),
    deputies: emptyKind(),
    groups: emptyKind(),
    agenda: emptyKind(),
    amendements: emptyKind(),
    sourceErrors: 0,
    duplicates: 0,
    skipped: 0,
    rows: 0,
    durationMs: 0,
    errors: [],
    warnings: [],
    conflicts: [],
  };
  const fail = (location: string, kind: OfficialDocumentKind | 'reunion' | 'amendement' | null, message: string) => {
    summary.errors.push({ location, kind, message });
    if (kind) summary[SUMMARY_KEY[kind]].errors++;
    else summary.sourceErrors++;
  };

  const seenScrutins = new Map<string, { hash: string; location: string }>();
  const deputies = new Map<string, UpsertItem<Deputy>>();
  const groups = new Map<string, UpsertItem<Group>>();
  let batch: UpsertItem<Scrutin>[] = [];
  /** scrutins whose search document may have changed (search index written once, at the end) */
  const toIndex = new Set<string>();
  const storeWasEmpty = (await countScrutins(db)) === 0;
  const agenda = createAgendaCollector();
  const amendements = createAmendementCollector();
  const seats = createSeatsCollector();

  const tally = (key: 'scrutins' | 'deputies' | 'groups' | 'agenda' | 'amendements', r: Pick<UpsertReport, 'updated' | 'unchanged' | 'rows'> & ({ inserted: number } | { imported: number })) => {
    summary[key].imported += 'inserted' in r ? r.inserted : r.imported;
    summary[key].updated += r.updated;
    summary[key].unchanged += r.unchanged;
    summary.rows += r.rows;
  };
  const flush = async () => {
    if (batch.length === 0) return;
    // Strict: each batch joins the run's transaction.
    if (!strict || summary.errors.length === 0) {
      const report = await upsertScrutins(db, batch, now, { indexSearch: false });
      report.outcomes.forEach((o, i) => o !== 'unchanged' && toIndex.add(batch[i]!.value.uid));
      tally('scrutins', report);
    }
    batch = [];
  };

  const read = async () => {
    // inside the strict transaction, so that a rollback also restores the index
    const endBulkLoad = await beginBulkLoad(db);
    try {
      for (const source of sources) {
        // issue 15: a European Parliament source (HowTheyVote CSV) goes through its own reader
        const items = (await epVotesFile(source)) ? readEpSource(source) : readOfficialSource(source, { tolerant: true });
        for await (const item of items) {
          summary.read++;
          options.onProgress?.({ read: summary.read, location: item.location, errors: summary.errors.length });
          if (item.error) {
            fail(item.location, null, item.error.message);
            continue;
          }
          if (agenda.handles(item.json)) {
            const outcome = agenda.add(item.json, item.location, item.text);
            if (outcome.status === 'error') fail(item.location, 'reunion', outcome.message);
            else if (outcome.status === 'skipped') summary.skipped++;
            else if (outcome.status === 'duplicate') summary.duplicates++;
            continue;
          }
          if (amendements.handles(item.json)) {
            const outcome = amendements.add(item.json, item.location, item.text);
            if (outcome.status === 'error') fail(item.location, 'amendement', outcome.message);
            else if (outcome.status === 'duplicate') summary.duplicates++;
            continue;
          }
          if (isOtherAnDocument(item.json)) {
            summary.skipped++;
            continue;
          }
          let doc;
          try {
            doc = parseOfficialDocument(item.json, item.location);
          } catch (e) {
            if (!(e instanceof AnParseError)) throw e;
            fail(item.location, kindOf(item.json), e.message);
            continue;
          }
          const hash = item.text === undefined ? contentHash(doc.value) : sourceHash(item.text);
          const record = { value: doc.value, hash, source: item.location };
          if (doc.kind === 'scrutin') {
            const refused = noteQualityWarnings(summary, doc.value, item.location, strict);
            if (refused) {
              fail(item.location, 'scrutin', refused);
              continue;
            }
            const seen = seenScrutins.get(doc.value.uid);
            if (seen) {
              if (seen.hash === hash) summary.duplicates++;
              else fail(item.location, 'scrutin', `${doc.value.uid}: the same uid with different content at ${seen.location} and ${item.location}`);
              continue;
            }
            seenScrutins.set(doc.value.uid, { hash, location: item.location });
            batch.push(record as UpsertItem<Scrutin>);
            if (batch.length >= batchSize) await flush();
          } else {
            if (doc.kind === 'acteur') {
              // issue 13: the deputies' seats (département, circonscription) from their mandates
              const seatError = seats.add(item.json, item.location);
              if (seatError) {
                fail(item.location, 'acteur', seatError);
                continue;
              }
            }
            const snapshots = (doc.kind === 'acteur' ? deputies : groups) as Map<string, UpsertItem<Deputy | Group>>;
            const seen = snapshots.get(doc.value.ref);
            if (seen && seen.hash !== hash) {
              const message = `${doc.value.ref}: the same ref with different content at ${seen.source} and ${item.location}`;
              if (sourceFileOf(seen.source ?? '') === sourceFileOf(item.location)) {
                fail(item.location, doc.kind, message);
                continue;
              }
              summary.conflicts.push({ location: item.location, kind: doc.kind, message: `${message}; the last one read wins` });
            } else if (seen) summary.duplicates++;
            snapshots.set(doc.value.ref, record as UpsertItem<Deputy | Group>);
          }
        }
      }
      await flush();
      await endBulkLoad();
    } catch (error) {
      // strict: the rollback restores the index
      if (!strict) await endBulkLoad();
      throw error;
    }
    if (!strict || summary.errors.length === 0) {
      if (deputies.size > 0) tally('deputies', await upsertDeputies(db, [...deputies.values()], now));
      if (deputies.size > 0) await seats.write(db);
      if (groups.size > 0) tally('groups', await upsertGroups(db, [...groups.values()], now));
      if (agenda.size > 0) tally('agenda', await agenda.write(db, sources, now, options.agendaSnapshotAt));
      if (amendements.size > 0) tally('amendements', await amendements.write(db, now));
      await indexChangedSearch(db, toIndex, summary, agenda.sittingUids);
      if (storeWasEmpty) await markScrutinSearchCurrent(db);
    }
    if (strict && summary.errors.length > 0) throw new StrictRollback('a record failed: nothing of the run is kept');
  };

  if (!strict) {
    await read();
    summary.committed = true;
  } else {
    try {
      await db.store.transaction(read);
      summary.committed = true;
    } catch (error) {
      if (!(error instanceof StrictRollback)) throw error;
      // nothing of this run was kept: report it so
      for (const k of ['scrutins', 'deputies', 'groups', 'agenda', 'amendements'] as const) Object.assign(summary[k], { imported: 0, updated: 0, unchanged: 0 });
      summary.rows = 0;
    }
  }
  summary.durationMs = Math.round(performance.now() - started);
  return summary;
}

/**
 * Lists a scrutin's data-quality warnings in the summary; in strict mode returns the reason to
 * refuse it instead (a strict run is all-or-nothing on records as the official totals publish them).
 */
function noteQualityWarnings(summary: ImportSummary, s: Scrutin, location: string, strict: boolean): string | null {
  const warnings = qualityWarnings(s);
  if (warnings.length === 0) return null;
  if (strict) return `${s.uid}: refused in strict mode: ${warnings.map((w) => w.message).join('; ')}`;
  for (const w of warnings) summary.warnings.push({ location, uid: s.uid, code: w.code, message: `${s.uid}: ${w.message}` });
  return null;
}

/**
 * Content hash of an official document: SHA-256 of its text and of the parser version (so a parser
 * change refreshes stored records). Hashing the text read is ~5x cheaper than re-serialising the
 * parsed model; records split out of an aggregate file have no text of their own and use the
 * model's hash (contentHash) instead.
 */
/** `a/b.zip!json/x.json#…`, `a/b.ndjson.gz:12` → the file read: `a/b.zip`, `a/b.ndjson.gz`. */
const sourceFileOf = (location: string) => location.replace(/(![^!]*|:\d+)?(#.*)?$/, '');

export function sourceHash(text: string): string {
  return createHash('sha256').update(`an-parser-v${AN_PARSER_VERSION}\n`).update(text).digest('hex');
}

/**
 * Roots of the other AN open-data documents. The AMO archives hold `deport` (and, depending on the
 * extract, `mandat`) files beside acteurs and organes: an official archive must import cleanly, so
 * these are counted as skipped rather than reported as errors. Any other unknown root is an error.
 */
const OTHER_AN_ROOTS = new Set(['deport', 'mandat', 'dossierParlementaire', 'document', 'question', 'pays']);

function isOtherAnDocument(json: unknown): boolean {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return false;
  const keys = Object.keys(json);
  return keys.length === 1 && OTHER_AN_ROOTS.has(keys[0]!);
}

/** The record kind of an unparseable document, from its top-level key, for the summary. */
function kindOf(json: unknown): OfficialDocumentKind | null {
  if (typeof json !== 'object' || json === null) return null;
  if ('scrutin' in json) return 'scrutin';
  if ('acteur' in json) return 'acteur';
  if ('organe' in json) return 'organe';
  return null;
}

/**
 * What `npm start` calls: when the store holds no scrutin yet, imports everything in data/opendata
 * (non-strict; the bundled data imports with zero errors, and a test keeps it so). Returns the
 * summary, or null when the store was not empty.
 */
export async function importBundledDataIfEmpty(db: Db, logger?: Pick<Logger, 'info' | 'warn'>): Promise<ImportSummary | null> {
  if ((await countScrutins(db)) > 0) return null;
  logger?.info({ from: BUNDLED_DATA_DIR }, 'Empty store: importing the bundled Assemblée nationale open data');
  const summary = await importOfficialData(db, BUNDLED_DATA_DIR);
  const { scrutins, deputies, groups, durationMs } = summary;
  logger?.info(
    { scrutins: scrutins.imported, deputies: deputies.imported, groups: groups.imported, durationMs },
    `Imported ${scrutins.imported} scrutins, ${deputies.imported} deputies, ${groups.imported} groups in ${(durationMs / 1000).toFixed(1)} s`,
  );
  if (summary.errors.length > 0) logger?.warn({ errors: summary.errors.slice(0, 20) }, `${summary.errors.length} bundled records could not be imported`);
  return summary;
}
