import { parse } from 'csv-parse/sync';
import { MarginSetSchema, PROFILE_CATEGORIES, PROFILE_VARIABLES, VOTE_CHOICES, type Margins, type Respondent, type VoteChoice } from '@parallele/core';

/**
 * Input of `npm run rake`: a CSV of respondents and optional margins JSON, checked so that every
 * error names its file, line and column. Empty profile cells are missing answers (the respondent
 * counts in the raw split and is left out of the raking); an empty `choice` is an error, since a
 * row without a vote is not a respondent.
 */
export class RakeInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RakeInputError';
  }
}

export interface MarginsSource {
  /** file name for messages, or "shipped margins (data/insee)" */
  name: string;
  margins: Margins;
  /** 1-based line of each variable's key in the file, when known */
  lines: Record<string, number>;
}

export interface RakeSample {
  respondents: Respondent[];
  /** the profile columns of the header, in order */
  columns: string[];
  /** line of each respondent in the CSV file */
  lines: number[];
}

const SAFE_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;
const SAFE_CATEGORY = /^[\p{L}\p{N}_+.-]{1,64}$/u;
const FORBIDDEN_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/** Parse `--margins`: `{ "variable": { "category": share, … } }`, each set summing to 1. */
export function parseMarginsJson(name: string, text: string): MarginsSource {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const at = /position (\d+)/.exec(String(error))?.[1];
    throw new RakeInputError(`${name}${at ? `:${lineOf(text, Number(at))}` : ''}: not valid JSON (${(error as Error).message})`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json) || Object.keys(json).length === 0)
    throw new RakeInputError(`${name}:1: expected an object { "variable": { "category": share, … }, … }`);
  const margins: Margins = {};
  const lines: Record<string, number> = {};
  for (const [variable, set] of Object.entries(json)) {
    const key = text.indexOf(JSON.stringify(variable));
    const line = key >= 0 ? lineOf(text, key) : 1;
    // names become object keys and CSV columns: plain identifiers only (no "__proto__" games)
    if (!SAFE_NAME.test(variable) || FORBIDDEN_NAMES.has(variable)) throw new RakeInputError(`${name}:${line}: margin name "${variable}": use letters, digits, - or _ (at most 40)`);
    const badCategory = typeof set === 'object' && set !== null ? Object.keys(set).find((c) => !SAFE_CATEGORY.test(c) || FORBIDDEN_NAMES.has(c)) : undefined;
    if (badCategory !== undefined) throw new RakeInputError(`${name}:${line}: margin "${variable}": category "${badCategory}": use letters, digits and - _ + . (at most 64)`);
    lines[variable] = line;
    const r = MarginSetSchema.safeParse(set);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      const where = issue.path.length ? `category ${String(issue.path[0])}: ` : '';
      throw new RakeInputError(`${name}:${lines[variable]}: margin "${variable}": ${where}${issue.message}`);
    }
    margins[variable] = r.data;
  }
  return { name, margins, lines };
}

/**
 * Parse the respondents. `allowed`: the categories accepted per variable (the margins' when
 * given, else the profile's); a column that is neither `choice` nor one of them is an error.
 */
export function parseSampleCsv(name: string, text: string, allowed: Readonly<Record<string, readonly string[]>>): RakeSample {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  let header: string[] = [];
  try {
    records = parse(text, {
      columns: (h: string[]) => (header = h.map((c) => c.trim())),
      skip_empty_lines: true,
      trim: true,
      bom: true,
      info: true,
    }) as typeof records;
  } catch (error) {
    const e = error as { lines?: number; message: string };
    throw new RakeInputError(`${name}${e.lines ? `:${e.lines}` : ''}: ${e.message}`);
  }
  if (!header.includes('choice')) throw new RakeInputError(`${name}:1: no "choice" column (the header has: ${header.join(', ') || 'nothing'})`);
  const seen = new Set<string>();
  for (const column of header) {
    if (seen.has(column)) throw new RakeInputError(`${name}:1, column ${column}: appears twice in the header`);
    seen.add(column);
    if (column !== 'choice' && !Object.hasOwn(allowed, column))
      throw new RakeInputError(`${name}:1, column ${column}: unknown column (expected choice and any of: ${Object.keys(allowed).join(', ')})`);
  }
  const columns = header.filter((c) => c !== 'choice');
  const respondents: Respondent[] = [];
  const lines: number[] = [];
  for (const { record, info } of records) {
    const choice = record.choice ?? '';
    if (!(VOTE_CHOICES as readonly string[]).includes(choice))
      throw new RakeInputError(`${name}:${info.lines}, column choice: ${choice === '' ? 'empty (every row needs a vote)' : `unknown category "${choice}"`} (expected: ${VOTE_CHOICES.join(', ')})`);
    const profile: Record<string, string | null> = {};
    for (const column of columns) {
      const value = record[column] ?? '';
      if (value !== '' && !allowed[column]!.includes(value))
        throw new RakeInputError(`${name}:${info.lines}, column ${column}: unknown category "${value}" (expected: ${allowed[column]!.join(', ')}, or empty)`);
      profile[column] = value === '' ? null : value;
    }
    respondents.push({ choice: choice as VoteChoice, profile });
    lines.push(info.lines);
  }
  return { respondents, columns, lines };
}

/** The categories each column may hold: those of the margins given, else the profile's. */
export function allowedCategories(margins: MarginsSource | null): Record<string, readonly string[]> {
  if (margins) return Object.fromEntries(Object.entries(margins.margins).map(([v, set]) => [v, Object.keys(set)]));
  return Object.fromEntries(PROFILE_VARIABLES.map((v) => [v, PROFILE_CATEGORIES[v]]));
}

/**
 * The margins to rake to: every variable of `--margins` must be a column of the sample; without
 * it, the shipped margins of the columns present. Every margin category needs a respondent.
 */
export function marginsForSample(sample: RakeSample, csvName: string, given: MarginsSource | null, shipped: Margins): MarginsSource {
  let source: MarginsSource;
  if (given) {
    const absent = Object.keys(given.margins).find((v) => !sample.columns.includes(v));
    if (absent) throw new RakeInputError(`${given.name}:${given.lines[absent]}: margin "${absent}" has no column in ${csvName}`);
    source = given;
  } else {
    if (sample.columns.length === 0) throw new RakeInputError(`${csvName}:1: no profile column to rake on (add any of: ${PROFILE_VARIABLES.join(', ')})`);
    const margins = Object.fromEntries(sample.columns.map((c) => [c, shipped[c]!]));
    source = { name: 'shipped margins (data/insee)', margins, lines: {} };
  }
  for (const [variable, set] of Object.entries(source.margins)) {
    const present = new Set(sample.respondents.map((r) => r.profile[variable]));
    const empty = Object.keys(set).filter((c) => !present.has(c));
    if (empty.length) {
      const where = source.lines[variable] ? `${source.name}:${source.lines[variable]}` : source.name;
      throw new RakeInputError(`${where}: margin "${variable}": ${empty.map((c) => `"${c}"`).join(', ')} ${empty.length > 1 ? 'have' : 'has'} no respondent in ${csvName} (raking cannot give weight to an empty category: merge it or drop it from the margins)`);
    }
  }
  return source;
}
