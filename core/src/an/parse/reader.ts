import { AnParseError } from './errors';

/**
 * Path-tracking accessors over the XML→JSON output of the AN. Each one either returns a typed
 * value or throws an AnParseError naming the document and the JSON path. Hand-written rather than
 * zod schemas: ~700k votant objects go through here per import, and the quirks (object-or-array,
 * nil objects, numbers as strings) would need a preprocess on nearly every node anyway.
 */

export type Json = unknown;
export type JsonObject = Record<string, unknown>;

/** Who is being parsed: updated with the uid as soon as it is known, for better messages. */
export class Ctx {
  constructor(
    readonly source: string,
    public uid: string | null = null,
  ) {}

  where(): string {
    if (this.uid === null || this.source.includes(this.uid)) return this.source;
    return `${this.uid} (${this.source})`;
  }

  fail(path: string, detail: string): never {
    throw new AnParseError(this.where(), path, detail);
  }
}

/** Short, safe rendering of an offending value for a message. */
export function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  let s: string;
  try {
    s = JSON.stringify(v) ?? String(v);
  } catch {
    s = String(v);
  }
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

/** JSON null, a missing key, or the XML nil object `{"@xsi:nil": "true"}`. */
export function isNil(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'object' && !Array.isArray(v) && (v as JsonObject)['@xsi:nil'] === 'true');
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function obj(ctx: Ctx, v: unknown, path: string): JsonObject {
  if (v === undefined) ctx.fail(path, 'missing');
  if (!isObject(v) || isNil(v)) ctx.fail(path, `expected an object, got ${show(v)}`);
  return v;
}

export function optObj(ctx: Ctx, v: unknown, path: string): JsonObject | null {
  return isNil(v) ? null : obj(ctx, v, path);
}

export function str(ctx: Ctx, v: unknown, path: string): string {
  if (v === undefined) ctx.fail(path, 'missing');
  if (typeof v !== 'string' || v === '') ctx.fail(path, `expected a non-empty string, got ${show(v)}`);
  return v;
}

export function optStr(ctx: Ctx, v: unknown, path: string): string | null {
  if (isNil(v)) return null;
  if (typeof v !== 'string') ctx.fail(path, `expected a string or null, got ${show(v)}`);
  return v === '' ? null : v;
}

const INTEGER = /^\d+$/;

/** A count: the AN writes `"278"`; a real JSON number is accepted too. */
export function count(ctx: Ctx, v: unknown, path: string): number {
  if (v === undefined) ctx.fail(path, 'missing');
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return v;
  if (typeof v === 'string' && INTEGER.test(v) && v.length < 16) return Number(v);
  return ctx.fail(path, `expected a non-negative integer, got ${show(v)}`);
}

export function optCount(ctx: Ctx, v: unknown, path: string): number | null {
  return isNil(v) ? null : count(ctx, v, path);
}

/** `"true"` / `"false"` (the AN never writes real booleans, but accept them). null when absent. */
export function optBool(ctx: Ctx, v: unknown, path: string): boolean | null {
  if (isNil(v)) return null;
  if (v === 'true' || v === true) return true;
  if (v === 'false' || v === false) return false;
  return ctx.fail(path, `expected "true" or "false", got ${show(v)}`);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** YYYY-MM-DD; a longer ISO timestamp is cut to its date. */
export function date(ctx: Ctx, v: unknown, path: string): string {
  const s = str(ctx, v, path);
  const m = DATE.exec(s);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12 || Number(m[3]) < 1 || Number(m[3]) > 31) {
    ctx.fail(path, `expected a date YYYY-MM-DD, got ${show(v)}`);
  }
  return m[0];
}

export function optDate(ctx: Ctx, v: unknown, path: string): string | null {
  return isNil(v) ? null : date(ctx, v, path);
}

export function oneOf<T extends string>(ctx: Ctx, v: unknown, path: string, allowed: readonly T[]): T {
  if (v === undefined) ctx.fail(path, 'missing');
  const s = typeof v === 'string' ? v.normalize('NFC') : v;
  if (typeof s !== 'string' || !(allowed as readonly string[]).includes(s)) {
    ctx.fail(path, `expected one of ${allowed.join(', ')}, got ${show(v)}`);
  }
  return s as T;
}

/**
 * A repeated XML element: an array, or a plain object when it occurred once, or null/absent when
 * it did not occur. Returns each item with its own path (`x[2]`, or `x` for the single object).
 */
export function list(ctx: Ctx, v: unknown, path: string): { value: unknown; path: string }[] {
  if (isNil(v)) return [];
  if (Array.isArray(v)) return v.map((value, i) => ({ value, path: `${path}[${i}]` }));
  if (isObject(v)) return [{ value: v, path }];
  return ctx.fail(path, `expected an object, an array or null, got ${show(v)}`);
}
