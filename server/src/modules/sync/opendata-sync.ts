import { join, relative } from 'node:path';
import { downloadArchive, markImported, openDataArchives, readOfficialSource, type ArchiveSpec } from '@parallele/scrapers';
import { importOfficialData } from '../../import/import-service';
import type { SyncContext } from './context';
import { addQuarantine } from './repository';

/**
 * `scrape opendata`: download the legislature's official archives (conditional requests), keep the
 * raw copies under data/raw/, and import what changed. An archive is read twice: a first pass
 * reads every member without writing, so a truncated or corrupt archive is refused whole (and
 * quarantined) before the store is touched; the second pass hands the archive to the importer
 * (import-service), whose content hash skips unchanged records. A single record that fails to
 * parse is quarantined and the rest of the archive is imported.
 */

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
      // One dated folder per run: the archives of a run sit together.
      download = await downloadArchive(ctx.client, spec, { rawDir: join(ctx.dataDir, 'raw'), legislature, now: new Date(summary.startedAt) });
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
      await addQuarantine(ctx.db, ctx.runId, item);
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

/**
 * Second pass: the shared importer (content hash per record: unchanged records are not written;
 * a changed one, or a page-scraped one, is replaced whole). Its per-record errors are quarantined
 * with their raw text. Documents of other kinds in the AMO zip (`deport`…) are not ours: skipped.
 */
async function importArchive(ctx: SyncContext, spec: ArchiveSpec, path: string, total: number): Promise<boolean> {
  const { summary } = ctx;
  ctx.progress({ type: 'phase', label: `import ${spec.name}`, total });
  const result = await importOfficialData(ctx.db, path, {
    now: ctx.now().getTime(),
    // a freshly downloaded agenda is as of now: read against the real clock, not its own dates
    ...(spec.key === 'agenda' ? { agendaSnapshotAt: ctx.now().getTime() } : {}),
    onProgress: (p) => {
      if (p.read % 200 === 0) ctx.progress({ type: 'tick', label: `import ${spec.name}`, done: p.read, total });
    },
  });
  ctx.progress({ type: 'tick', label: `import ${spec.name}`, done: result.read, total });
  add(summary.scrutins, result.scrutins);
  add(summary.deputies, result.deputies);
  add(summary.groups, result.groups);
  const failures = result.errors.filter((e) => !(e.kind === null && NOT_OURS.test(e.message)));
  if (failures.length > 0) {
    const raw = await rawTexts(path, new Set(failures.map((e) => e.location)));
    for (const e of failures) await quarantineRecord(ctx, e.location, raw.get(e.location) ?? '', e.message);
  }
  return result.committed;
}

/** The parser's answer to a document that is neither a scrutin, an acteur nor an organe. */
const NOT_OURS = /expected a scrutin, acteur or organe key/;

/** The raw text of the records that failed, read again (errors are rare; memory stays flat). */
async function rawTexts(path: string, locations: ReadonlySet<string>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for await (const item of readOfficialSource(path, { tolerant: true })) {
    if (locations.has(item.location) && !item.error) out.set(item.location, item.text ?? JSON.stringify(item.json));
    // The importer names a record by its location, sometimes followed by its uid.
    for (const l of locations) if (!out.has(l) && l.startsWith(item.location) && !item.error) out.set(l, item.text ?? JSON.stringify(item.json));
  }
  return out;
}

async function quarantineRecord(ctx: SyncContext, source: string, raw: string, error: string) {
  const name = (source.split(/[!/]/).pop() ?? 'record').replace(/\s.*$/, '');
  const item = ctx.quarantine.keepText('record', source, name.endsWith('.json') ? name : `${name}.json`, raw, error, ctx.now());
  await addQuarantine(ctx.db, ctx.runId, item);
  ctx.summary.quarantined.push(item);
  ctx.progress({ type: 'item', key: source, status: 'quarantined', detail: error });
}

function add(into: { inserted: number; updated: number; unchanged: number }, r: { imported: number; updated: number; unchanged: number }) {
  into.inserted += r.imported;
  into.updated += r.updated;
  into.unchanged += r.unchanged;
}
