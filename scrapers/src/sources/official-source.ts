import { createReadStream } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { memberName, nextEntry, readEntry } from './zip-entries';
import { ArchiveLimitError, DEFAULT_ARCHIVE_LIMITS, jsonShapeProblem, memberMeter, unsafeMemberName, type ArchiveLimits } from './archive-limits';

/**
 * Streams the official AN open-data files out of whatever the user points at:
 *   - a `.ndjson.gz` (or `.ndjson`) bundle, one official file per line → location `bundle:line`;
 *   - a folder, searched recursively for `.json`, `.ndjson(.gz)` and `.zip` (other files, such as
 *     MANIFEST.csv or FORMAT.md, are ignored);
 *   - a single `.json` file;
 *   - an official zip archive (`Scrutins.json.zip`, the AMO zips), read entry by entry with yauzl
 *     → location `archive.zip!json/VTANR5L17V1.json`.
 * Aggregate documents (`{"scrutins": {"scrutin": [...]}}`, `{"export": {"acteurs": …}}`, the
 * older single-file exports) are split into one item per record (`…#scrutins.scrutin[3]`).
 *
 * It only reads and JSON-parses: telling a scrutin from an acteur and validating it is the core
 * parser's job. Nothing is held in memory beyond one line / one zip member at a time, and what
 * one line or member may cost is bounded (archive-limits.ts): a member past a limit is an error
 * item naming it, and reading goes on with the next one.
 */

export interface OfficialFile {
  /** the official file name when known (`VTANR5L17V12.json`), else the bundle's name and line */
  name: string;
  /** where to find it again: `path`, `path:line`, `archive.zip!member`, `…#scrutins.scrutin[3]` */
  location: string;
  json: unknown;
  /** the JSON text as read, when the item is a whole document (not a record split out of an aggregate) */
  text?: string;
}

/** A file, line or member that could not be read: names where, says what. */
export class SourceReadError extends Error {
  override readonly name = 'SourceReadError';
  constructor(
    readonly location: string,
    readonly detail: string,
  ) {
    super(`${location}: ${detail}`);
  }
}

export type SourceItem = (OfficialFile & { error?: undefined }) | { name: string; location: string; json?: undefined; error: SourceReadError };

export interface ReadOptions {
  /**
   * false (default): the first unreadable file/line/member throws a SourceReadError.
   * true: it is yielded as `{ error }` and reading goes on with the next line, member or file
   * (a truncated gzip ends its own file, obviously).
   */
  tolerant?: boolean;
  /** see archive-limits.ts; the defaults fit the real AN archives */
  limits?: Partial<ArchiveLimits>;
}

/** All official documents under `path`. See the module comment for what `path` may be. */
export function readOfficialSource(path: string, options: { tolerant: true }): AsyncGenerator<SourceItem>;
export function readOfficialSource(path: string, options?: { tolerant?: false }): AsyncGenerator<OfficialFile>;
export function readOfficialSource(path: string, options?: ReadOptions): AsyncGenerator<SourceItem>;
export async function* readOfficialSource(path: string, options: ReadOptions = {}): AsyncGenerator<SourceItem> {
  const limits = { ...DEFAULT_ARCHIVE_LIMITS, ...options.limits };
  for await (const item of readPath(path, true, limits)) {
    if (item.error && !options.tolerant) throw item.error;
    yield item;
  }
}

const isBundle = (p: string) => /\.ndjson(\.gz)?$/i.test(p);
const isJson = (p: string) => /\.json$/i.test(p);
const isZip = (p: string) => /\.zip$/i.test(p);
const supported = (p: string) => isBundle(p) || isJson(p) || isZip(p);

function failure(location: string, detail: string, name = basename(location)): SourceItem {
  return { name, location, error: new SourceReadError(location, detail) };
}

async function* readPath(path: string, explicit: boolean, limits: ArchiveLimits): AsyncGenerator<SourceItem> {
  let info;
  try {
    info = await stat(path);
  } catch {
    yield failure(path, 'no such file or folder');
    return;
  }
  if (info.isDirectory()) {
    let found = 0;
    for (const file of await walk(path)) {
      found++;
      yield* readPath(file, false, limits);
    }
    if (found === 0) yield failure(path, 'no official file (.json, .ndjson, .ndjson.gz, .zip) in this folder');
    return;
  }
  if (explicit && !supported(path)) {
    yield failure(path, 'unsupported file: expected a .json, .ndjson, .ndjson.gz or .zip file, or a folder');
    return;
  }
  if (info.size === 0) {
    yield failure(path, 'empty file');
    return;
  }
  if (isBundle(path)) yield* readBundle(path, limits);
  else if (isZip(path)) yield* readZip(path, limits);
  else if (info.size > limits.maxMemberBytes) yield failure(path, `file larger than ${limits.maxMemberBytes} bytes (maxMemberBytes)`);
  else yield* document(await readFile(path, 'utf8'), path, basename(path), limits);
}

/** Supported files under `dir`, recursively, in a stable (sorted) order. */
async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(full)));
    else if (e.isFile() && supported(e.name)) out.push(full);
  }
  return out;
}

/** One JSON text → its record(s), or an error item. */
function* document(text: string, location: string, name: string, limits: ArchiveLimits): Generator<SourceItem> {
  const shape = jsonShapeProblem(text, limits);
  if (shape) {
    yield failure(location, `record refused: ${shape}`, name);
    return;
  }
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    yield failure(location, `not JSON (${(e as Error).message})`, name);
    return;
  }
  yield* explode(json, location, name, text);
}

const AGGREGATES: [string, string][] = [
  ['scrutins', 'scrutin'],
  ['acteurs', 'acteur'],
  ['organes', 'organe'],
];

/** Older or "single file" exports hold many records in one document: one item per record. */
function* explode(json: unknown, location: string, name: string, text: string): Generator<SourceItem> {
  const obj = (v: unknown): Record<string, unknown> | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
  const root = obj(json);
  const container = obj(root?.export) ?? root;
  const keys = container ? Object.keys(container) : [];
  const aggregated = AGGREGATES.filter(([plural, singular]) => keys.includes(plural) && obj(container?.[plural])?.[singular] !== undefined);
  if (!container || aggregated.length === 0 || keys.some((k) => k === 'scrutin' || k === 'acteur' || k === 'organe')) {
    yield { name, location, json, text };
    return;
  }
  const prefix = container === root ? '' : 'export.';
  for (const [plural, singular] of aggregated) {
    const value = obj(container[plural])![singular];
    const records = Array.isArray(value) ? value : [value];
    for (let i = 0; i < records.length; i++) {
      const path = Array.isArray(value) ? `${prefix}${plural}.${singular}[${i}]` : `${prefix}${plural}.${singular}`;
      yield { name, location: `${location}#${path}`, json: { [singular]: records[i] } };
    }
  }
}

/** NDJSON, gzipped or not, streamed line by line (lines are split on bytes, decoded as UTF-8). */
async function* readBundle(path: string, limits: ArchiveLimits): AsyncGenerator<SourceItem> {
  const file = createReadStream(path);
  const gz = /\.gz$/i.test(path);
  let stream: NodeJS.ReadableStream & { destroy: (e?: Error) => void } = file;
  if (gz) {
    const gunzip = createGunzip({ chunkSize: 256 * 1024 });
    file.on('error', (e) => gunzip.destroy(e));
    file.pipe(gunzip);
    stream = gunzip;
  }
  const decoder = new StringDecoder('utf8');
  const name = basename(path);
  let pending = '';
  let line = 0;
  let records = 0;
  // A line longer than a member may be is reported once, then skipped up to its end.
  let skipping = false;
  let total = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > limits.maxTotalBytes) throw new ArchiveLimitError(`bundle larger than ${limits.maxTotalBytes} bytes uncompressed (maxTotalBytes)`);
      if (gz && total >= limits.ratioFloorBytes && total > limits.maxRatio * Math.max(file.bytesRead, 1)) {
        throw new ArchiveLimitError(`compression ratio above ${limits.maxRatio}:1: a gzip bomb? (maxRatio)`);
      }
      pending += decoder.write(chunk);
      let nl: number;
      while ((nl = pending.indexOf('\n')) !== -1) {
        const text = pending.slice(0, nl).replace(/\r$/, '');
        pending = pending.slice(nl + 1);
        line++;
        if (skipping) {
          skipping = false;
          continue;
        }
        if (text.trim() === '') continue;
        records++;
        yield* document(text, `${path}:${line}`, `${name}:${line}`, limits);
      }
      if (pending.length > limits.maxMemberBytes) {
        if (!skipping) yield failure(`${path}:${line + 1}`, `line longer than ${limits.maxMemberBytes} bytes (maxMemberBytes): skipped`, `${name}:${line + 1}`);
        skipping = true;
        pending = '';
      }
    }
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (e instanceof ArchiveLimitError) {
      yield failure(path, `${e.message}; stopped after line ${line}`, name);
      return;
    }
    const what = gz && err.code?.startsWith('Z_') ? `truncated or corrupt gzip after line ${line}` : `unreadable after line ${line}`;
    yield failure(path, `${what}: ${err.message}`, name);
    return;
  } finally {
    file.destroy();
  }
  pending += decoder.end();
  if (pending.trim() !== '' && !skipping) {
    line++;
    records++;
    yield* document(pending.replace(/\r$/, ''), `${path}:${line}`, `${name}:${line}`, limits);
  }
  if (records === 0) yield failure(path, gz ? 'empty bundle: the gzip holds no line' : 'empty bundle: no line', name);
}

/** An official zip archive, one member at a time (yauzl with lazy entries: constant memory). */
async function* readZip(path: string, limits: ArchiveLimits): AsyncGenerator<SourceItem> {
  let zip: ZipFile;
  try {
    // decodeStrings: false, so one unsafe member name is refused alone (unsafeMemberName) instead
    // of yauzl failing the whole archive on it.
    zip = await new Promise<ZipFile>((resolve, reject) =>
      yauzl.open(path, { lazyEntries: true, autoClose: false, decodeStrings: false }, (err, z) => (err ? reject(err) : resolve(z))),
    );
  } catch (e) {
    yield failure(path, `not a readable zip archive: ${(e as Error).message}`);
    return;
  }
  try {
    let members = 0;
    const total = { bytes: 0 };
    for (;;) {
      let entry: Entry | null;
      try {
        entry = await nextEntry(zip);
      } catch (e) {
        yield failure(path, `corrupt zip archive after ${members} members: ${(e as Error).message}`);
        return;
      }
      if (!entry) break;
      const fileName = memberName(entry);
      if (fileName.endsWith('/')) continue;
      members++;
      if (members > limits.maxEntries) {
        yield failure(path, `more than ${limits.maxEntries} members (maxEntries): the rest is not read`);
        break;
      }
      const location = `${path}!${fileName}`;
      const name = basename(fileName);
      const unsafe = unsafeMemberName(fileName);
      if (unsafe) {
        yield failure(location, `member skipped: ${unsafe}`, name);
        continue;
      }
      if (!isJson(fileName)) {
        yield failure(location, 'not a JSON member: an official AN archive holds only .json files', name);
        continue;
      }
      if (entry.uncompressedSize > limits.maxMemberBytes) {
        yield failure(location, `member skipped: it declares ${entry.uncompressedSize} bytes uncompressed, more than ${limits.maxMemberBytes} (maxMemberBytes)`, name);
        continue;
      }
      let text: string;
      try {
        text = await readEntry(zip, entry, memberMeter(limits, entry.compressedSize, total));
      } catch (e) {
        const what = e instanceof ArchiveLimitError ? 'member skipped' : 'unreadable zip member';
        yield failure(location, `${what}: ${(e as Error).message}`, name);
        if (total.bytes > limits.maxTotalBytes) break;
        continue;
      }
      if (text.trim() === '') yield failure(location, 'empty member', name);
      else yield* document(text, location, name, limits);
    }
    if (members === 0) yield failure(path, 'empty zip archive: no member');
  } finally {
    zip.close();
  }
}
