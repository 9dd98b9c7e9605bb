import { readFile } from 'node:fs/promises';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { CouncilFileSchema, describeIssues, type CouncilFile } from '@parallele/core';

/**
 * Reads a council file (YAML or JSON) and, optionally, deliberations from a CSV (one row per group
 * and deliberation: id,date,title,group,pour,contre,abstentions[,outcome]; an empty group = totals
 * only). Every problem is collected and thrown at once as a CouncilFileError naming file and field.
 */
export class CouncilFileError extends Error {
  override readonly name = 'CouncilFileError';
  constructor(readonly problems: string[]) {
    super(`the council file has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const CSV_COLUMNS = ['id', 'date', 'title', 'group', 'pour', 'contre', 'abstentions'] as const;

/** CSV rows → deliberations (raw: the schema checks the values, naming `deliberations.N.field`). */
export function deliberationsFromCsv(text: string, location: string): Record<string, unknown>[] {
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(text, { columns: true, skip_empty_lines: true, bom: true, trim: true }) as Record<string, string>[];
  } catch (e) {
    throw new CouncilFileError([`${location}: not a readable CSV file (${(e as Error).message})`]);
  }
  const missing = CSV_COLUMNS.filter((c) => rows.length > 0 && !(c in rows[0]!));
  if (missing.length > 0) throw new CouncilFileError([`${location}: missing column(s) ${missing.join(', ')} (expected ${CSV_COLUMNS.join(',')}[,outcome])`]);
  const byId = new Map<string, Record<string, unknown>>();
  const num = (v: string | undefined) => (v === undefined || v === '' ? 0 : /^\d+$/.test(v) ? Number(v) : v);
  for (const r of rows) {
    const id = r.id ?? '';
    let d = byId.get(id);
    if (!d) byId.set(id, (d = { id, date: r.date, title: r.title, ...(r.outcome ? { outcome: r.outcome } : {}) }));
    const positions = { pour: num(r.pour), contre: num(r.contre), abstentions: num(r.abstentions) };
    if (r.group) d.byGroup = { ...((d.byGroup as object | undefined) ?? {}), [r.group]: positions };
    else d.totals = positions;
  }
  return [...byId.values()];
}

export function parseCouncil(raw: unknown, extraDeliberations: Record<string, unknown>[] = [], location = 'council'): CouncilFile {
  const base = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const merged = { ...base, deliberations: [...((base.deliberations as unknown[] | undefined) ?? []), ...extraDeliberations] };
  const parsed = CouncilFileSchema.safeParse(merged);
  if (!parsed.success) throw new CouncilFileError(describeIssues(parsed.error).map((p) => `${location}: ${p}`));
  return parsed.data;
}

export async function readCouncilFiles(file: string, deliberationsCsv?: string): Promise<CouncilFile> {
  const text = await readFile(file, 'utf8');
  let raw: unknown;
  try {
    raw = /\.json$/i.test(file) ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new CouncilFileError([`${file}: not readable YAML/JSON (${(e as Error).message})`]);
  }
  const extra = deliberationsCsv ? deliberationsFromCsv(await readFile(deliberationsCsv, 'utf8'), deliberationsCsv) : [];
  return parseCouncil(raw, extra, file);
}
