import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { PoliteHttpClient } from '../http/polite-client';
import type { ArchiveSpec } from './archives';

/**
 * Downloads an official archive into `data/raw/opendata/L{n}/{timestamp}/`, keeping every dated
 * copy, with a small manifest per archive (`{key}.latest.json`): the validators for the next
 * conditional request, the checksum, and whether that copy was imported. An unchanged archive
 * (304, or same bytes) is not stored twice, and is not imported twice.
 */

export interface RawManifest {
  url: string;
  /** relative to the raw folder */
  path: string;
  downloadedAt: string;
  bytes: number;
  sha256: string;
  etag: string | null;
  lastModified: string | null;
  /** set once the whole archive went through the importer */
  importedAt: string | null;
}

export interface RawDownload {
  status: 'downloaded' | 'unchanged';
  /** absolute path of the copy to import */
  path: string;
  manifest: RawManifest;
  /** false when this very copy was already imported (nothing to do) */
  needsImport: boolean;
}

const manifestPath = (rawDir: string, legislature: number, spec: ArchiveSpec) =>
  join(rawDir, 'opendata', `L${legislature}`, `${spec.key}.latest.json`);

export function readManifest(rawDir: string, legislature: number, spec: ArchiveSpec): RawManifest | null {
  try {
    return JSON.parse(readFileSync(manifestPath(rawDir, legislature, spec), 'utf8')) as RawManifest;
  } catch {
    return null;
  }
}

function writeManifest(rawDir: string, legislature: number, spec: ArchiveSpec, m: RawManifest) {
  const file = manifestPath(rawDir, legislature, spec);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify(m, null, 2));
  renameSync(`${file}.tmp`, file);
}

export function markImported(rawDir: string, legislature: number, spec: ArchiveSpec, at: Date) {
  const m = readManifest(rawDir, legislature, spec);
  if (m) writeManifest(rawDir, legislature, spec, { ...m, importedAt: at.toISOString() });
}

async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const stamp = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-');

export async function downloadArchive(
  client: PoliteHttpClient,
  spec: ArchiveSpec,
  opts: { rawDir: string; legislature: number; now: Date },
): Promise<RawDownload> {
  const { rawDir, legislature, now } = opts;
  const previous = readManifest(rawDir, legislature, spec);
  const previousFile = previous ? join(rawDir, previous.path) : null;
  // Only ask "changed since?" when we still hold the copy a 304 would refer to.
  const conditional = previous !== null && previousFile !== null && existsSync(previousFile) && previous.url === spec.url;
  if (conditional) {
    client.validators.set(spec.url, { ...(previous.etag ? { etag: previous.etag } : {}), ...(previous.lastModified ? { lastModified: previous.lastModified } : {}) });
  }
  const dest = join(rawDir, 'opendata', `L${legislature}`, stamp(now), spec.name);
  const res = await client.getFile(spec.url, dest, { conditional });
  if (res.status === 304 && previous && previousFile) {
    return { status: 'unchanged', path: previousFile, manifest: previous, needsImport: previous.importedAt === null };
  }
  if (res.status === 304) throw new Error(`${spec.url}: 304 without a previous copy`);
  const sum = await sha256(dest);
  if (conditional && previous && previousFile && previous.sha256 === sum) {
    // Same bytes under new validators (or none): keep the first copy only.
    rmSync(dirname(dest), { recursive: true, force: true });
    const manifest = { ...previous, etag: res.validators.etag ?? null, lastModified: res.validators.lastModified ?? null };
    writeManifest(rawDir, legislature, spec, manifest);
    return { status: 'unchanged', path: previousFile, manifest, needsImport: previous.importedAt === null };
  }
  const manifest: RawManifest = {
    url: spec.url,
    path: relative(rawDir, dest),
    downloadedAt: now.toISOString(),
    bytes: res.bytes >= 0 ? res.bytes : readFileSync(dest).length,
    sha256: sum,
    etag: res.validators.etag ?? null,
    lastModified: res.validators.lastModified ?? null,
    importedAt: null,
  };
  writeManifest(rawDir, legislature, spec, manifest);
  return { status: 'downloaded', path: dest, manifest, needsImport: true };
}
