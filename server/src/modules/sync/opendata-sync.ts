import { join, relative } from 'node:path';
import { parseOfficialDocument, type Deputy, type Group, type Scrutin } from '@parallele/core';
import { downloadArchive, markImported, openDataArchives, readOfficialSource, type ArchiveSpec } from '@parallele/scrapers';
import { upsertDeputies, upsertGroups, upsertScrutins, type UpsertItem } from '../../db/an-store';
import type { SyncContext } from './context';
import { addQuarantine, setOrigin } from './repository';

/**
 * `scrape opendata`: download the legislature's official archives (conditional requests), keep the
 * raw copies under data/raw/, and import what changed. An archive is read twice: a first pass
 * parses every record without writing, so a truncated or corrupt archive is refused whole (and
 * quarantined) before the store is touched; the second pass writes in batches through the store's
 * content-hash upsert, which skips unchanged records. A single record that fails to parse is
 * quarantined and the rest of the archive is imported.
 */

const BATCH = 200;
const WANTED: Record<ArchiveSpec['key'], ReadonlySet<string>> = {
  amo: new Set(['acteur', 'organe']),
  scrutins: new Set(['scrutin']),
};

/** The official top-level key of a document (`scrutin`, `acteur`, `organe`, `deport`…). */
const topKey = (json: unknown) => (json && typeof json === 'object' ? (Object.keys(json)[0] ?? '') : '');

export async function runOpenDataSync(ctx: SyncContext, legislature: number): Promise<void> {
  const { summary } = ctx;
  for (const spec of openDataArchives(legislature, ctx.opendataBaseUrl)) {
    if (ctx.signal?.aborted) {
      summary.errors.push('interrupted before ' + spec.name);
      break;
    }
    ctx.progress({ type: 'phase', label: `download ${spec.name}`, total: null });
    let download;
    try {
      download = await downloadArchive(ctx.client, spec, { rawDir: join(ctx.dataDir, 'raw'), legislature, now: ctx.now() });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      summary.archives.push({ name: spec.name, url: spec.url, status: 'failed', bytes: null, rawPath: null, imported: false });
      summary.errors.push(message);
      ctx.progress({ type: 'item', key: spec.name, status: 'failed', detail: message });
      continue;
    }
    const outcome = {
      name: spec.name,
      url: spec.url,
      status: download.status,
      bytes: download.manifest.bytes,
      rawPath: relative(ctx.dataDir, download.path),
      imported: false,
    } as SyncRunSummaryArchive;
    summary.archives.push(outcome);
    ctx.progress({ type: 'item', key: spec.name, status: download.status, detail: download.needsImport ? null : 'already imported' });
    if (!download.needsImport) continue;

    const check = await verifyArchive(ctx, spec, download.path);
    if (check.fatal) {
      const item = ctx.quarantine.keepFile('archive', spec.url, download.path, check.fatal, ctx.now());
      addQuarantine(ctx.db, ctx.runId, item);
      summary.quarantined.push(item);
      summary.errors.push(`${spec.name}: ${check.fatal}`);
      outcome.status = 'quarantined';
      ctx.progress({ type: 'item', key: spec.name, status: 'quarantined', detail: check.fatal });
      continue;
    }
    const complete = await importArchive(ctx, spec, download.path, check.records);
    outcome.imported = true;
    // Only a fully read archive counts as imported: an interrupted import is redone next run.
    if (complete) markImported(join(ctx.dataDir, 'raw'), legislature, spec, ctx.now());
  }
}

type SyncRunSummaryArchive = SyncContext['summary']['archives'][number];

/** First pass: read and parse everything, write nothing. `fatal` when the archive itself is unusable. */
async function verifyArchive(ctx: SyncContext, spec: ArchiveSpec, path: string): Promise<{ fatal: string | null; records: number }> {
  ctx.progress({ type: 'phase', label: `check ${spec.name}`, total: null });
  let records = 0;
  try {
    for await (const item of readOfficialSource(path, { tolerant: true })) {
      // A member-level problem is handled by the import pass; the container must be whole.
      if (item.error && !item.location.includes('!')) return { fatal: item.error.message, records };
      // A member that cannot be inflated (bad CRC, cut short) means the archive is damaged.
      if (item.error && item.error.detail.startsWith('unreadable zip member')) return { fatal: item.error.message, records };
      records++;
      if (records % 500 === 0) ctx.progress({ type: 'tick', label: `check ${spec.name}`, done: records, total: null });
    }
  } catch (error) {
    return { fatal: error instanceof Error ? error.message : String(error), records };
  }
  if (records === 0) return { fatal: 'the archive holds no official document', records };
  return { fatal: null, records };
}

async function importArchive(ctx: SyncContext, spec: ArchiveSpec, path: string, total: number): Promise<boolean> {
  const { summary, db } = ctx;
  const wanted = WANTED[spec.key];
  let scrutins: UpsertItem<Scrutin>[] = [];
  let deputies: UpsertItem<Deputy>[] = [];
  let groups: UpsertItem<Group>[] = [];
  const flush = () => {
    const now = ctx.now().getTime();
    if (groups.length) add(summary.groups, upsertGroups(db, groups, now));
    if (deputies.length) add(summary.deputies, upsertDeputies(db, deputies, now));
    if (scrutins.length) {
      const batch = scrutins;
      db.sqlite.transaction(() => {
        add(summary.scrutins, upsertScrutins(db, batch, now));
        // The official record replaces a page-scraped one, even if nothing else changed.
        setOrigin(db, batch.map((s) => s.value.uid), 'opendata');
      })();
    }
    scrutins = [];
    deputies = [];
    groups = [];
  };
  let done = 0;
  ctx.progress({ type: 'phase', label: `import ${spec.name}`, total });
  for await (const item of readOfficialSource(path, { tolerant: true })) {
    done++;
    if (item.error) {
      quarantineRecord(ctx, item.location, item.name, '', item.error.message);
      continue;
    }
    const key = topKey(item.json);
    if (!wanted.has(key)) continue;
    try {
      const doc = parseOfficialDocument(item.json, item.location);
      if (doc.kind === 'scrutin') scrutins.push({ value: doc.value, source: item.location });
      else if (doc.kind === 'acteur') deputies.push({ value: doc.value, source: item.location });
      else groups.push({ value: doc.value, source: item.location });
    } catch (error) {
      quarantineRecord(ctx, item.location, item.name, JSON.stringify(item.json), error instanceof Error ? error.message : String(error));
    }
    if (scrutins.length + deputies.length + groups.length >= BATCH) flush();
    if (done % 200 === 0) ctx.progress({ type: 'tick', label: `import ${spec.name}`, done, total });
    if (ctx.signal?.aborted) {
      flush();
      summary.errors.push(`interrupted during ${spec.name} after ${done} records`);
      return false;
    }
  }
  flush();
  ctx.progress({ type: 'tick', label: `import ${spec.name}`, done, total });
  return true;
}

function quarantineRecord(ctx: SyncContext, source: string, name: string, raw: string, error: string) {
  const item = ctx.quarantine.keepText('record', source, name.endsWith('.json') ? name : `${name}.json`, raw, error, ctx.now());
  addQuarantine(ctx.db, ctx.runId, item);
  ctx.summary.quarantined.push(item);
  ctx.progress({ type: 'item', key: source, status: 'quarantined', detail: error });
}

function add(into: { inserted: number; updated: number; unchanged: number }, r: { inserted: number; updated: number; unchanged: number }) {
  into.inserted += r.inserted;
  into.updated += r.updated;
  into.unchanged += r.unchanged;
}
