import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { QuarantinedItem } from '@parallele/core';

/**
 * Keeps what failed to parse out of the store but not out of sight: the raw copy and its error go
 * to `data/quarantine/{run}/`, where a maintainer can open them (and the status lists them).
 */
export class Quarantine {
  private readonly dir: string;

  constructor(
    private readonly dataDir: string,
    runLabel: string,
  ) {
    this.dir = join(dataDir, 'quarantine', runLabel);
  }

  private target(name: string) {
    mkdirSync(this.dir, { recursive: true });
    return join(this.dir, name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 180));
  }

  /** Keep text (a page, a JSON record) and its error beside it. */
  keepText(kind: QuarantinedItem['kind'], source: string, name: string, content: string, error: string, at: Date): QuarantinedItem {
    const file = this.target(name);
    writeFileSync(file, content);
    writeFileSync(`${file}.error.txt`, `${source}\n${error}\n`);
    return { kind, source, path: relative(this.dataDir, file), error, at: at.toISOString() };
  }

  /** Keep a copy of a file (a downloaded archive) and its error. */
  keepFile(kind: QuarantinedItem['kind'], source: string, path: string, error: string, at: Date): QuarantinedItem {
    const file = this.target(basename(path));
    copyFileSync(path, file);
    writeFileSync(`${file}.error.txt`, `${source}\n${error}\n`);
    return { kind, source, path: relative(this.dataDir, file), error, at: at.toISOString() };
  }
}

export const runLabel = (at: Date, runId: number) => `${at.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-')}-run-${runId}`;
