import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** What a server told us about a resource, to ask "has it changed?" next time (RFC 9110 §13). */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

export interface ValidatorStore {
  get(url: string): Validators | undefined;
  set(url: string, v: Validators): void;
  delete(url: string): void;
}

/**
 * A small LRU of validators, optionally persisted to a JSON file so a second run of the CLI can
 * still send If-None-Match. The file is written atomically (temp + rename).
 */
export class ValidatorCache implements ValidatorStore {
  private readonly entries = new Map<string, Validators>();

  constructor(
    private readonly file: string | null = null,
    private readonly capacity = 500,
  ) {
    if (file) {
      try {
        const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Validators>;
        for (const [url, v] of Object.entries(raw)) this.entries.set(url, v);
      } catch {
        // No cache yet, or an unreadable one: start empty (the worst case is one full download).
      }
    }
  }

  get(url: string) {
    const v = this.entries.get(url);
    if (v) {
      this.entries.delete(url);
      this.entries.set(url, v);
    }
    return v;
  }

  set(url: string, v: Validators) {
    if (!v.etag && !v.lastModified) return this.delete(url);
    this.entries.delete(url);
    this.entries.set(url, v);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    this.save();
  }

  delete(url: string) {
    if (this.entries.delete(url)) this.save();
  }

  private save() {
    if (!this.file) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(Object.fromEntries(this.entries), null, 1));
    renameSync(tmp, this.file);
  }
}
