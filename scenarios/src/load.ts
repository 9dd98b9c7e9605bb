import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { checkScenarioReferences, formatIssuePath, scenarioSchema } from '@parallele/core';
import type { Scenario, ScenarioIssue } from '@parallele/core';

/** One error of a scenario file, located to the line and column of the offending YAML node. */
export interface ScenarioFileError {
  file: string;
  line: number;
  col: number;
  /** `scrutins.uids[1]`, or `(syntax)` for a YAML syntax error */
  field: string;
  message: string;
}

export const formatScenarioError = (e: ScenarioFileError) => `${e.file}:${e.line}:${e.col} ${e.field}: ${e.message}`;

/** Thrown with every error of the file at once, never only the first. */
export class ScenarioLoadError extends Error {
  constructor(readonly errors: ScenarioFileError[]) {
    super(`${errors.length} error${errors.length > 1 ? 's' : ''} in scenario file:\n${errors.map(formatScenarioError).join('\n')}`);
    this.name = 'ScenarioLoadError';
  }
}

export interface LoadOptions {
  /** Does this uid exist in the data? Without it, uids are only checked for their shape. */
  exists?: (uid: string) => boolean;
  /** Further checks of a valid scenario against the data (e.g. K beyond a scrutin's members). */
  check?: (scenario: Scenario) => ScenarioIssue[];
}

type Path = (string | number)[];

/** Walks the YAML tree along a zod path; stops at the deepest node that exists. */
function locate(doc: Document, path: Path): { node: YamlNode | null; keyNode: YamlNode | null; found: boolean } {
  let node = doc.contents as YamlNode | null;
  let keyNode: YamlNode | null = null;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return { node, keyNode, found: false };
      keyNode = pair.key as YamlNode;
      node = (pair.value as YamlNode | null) ?? keyNode;
    } else if (isSeq(node) && typeof seg === 'number' && node.items[seg]) {
      keyNode = null;
      node = node.items[seg] as YamlNode;
    } else return { node, keyNode, found: false };
  }
  return { node, keyNode, found: true };
}

/** Keys that look like field names or uids (a syntax error can turn `55: 3` into a bogus key). */
const FIELD_RE = /^[A-Za-z][\w-]*$/;

/** The path of the field an offset falls in (the last key that starts before it), for syntax errors. */
function pathAt(node: unknown, offset: number, base: Path = []): Path {
  if (isMap(node)) {
    const pair = node.items.filter((p) => isScalar(p.key) && FIELD_RE.test(String(p.key.value)) && (p.key.range?.[0] ?? Infinity) <= offset).at(-1);
    if (!pair || !isScalar(pair.key)) return base;
    return pathAt(pair.value, offset, [...base, String(pair.key.value)]);
  }
  if (isSeq(node)) {
    const i = node.items.findLastIndex((it) => ((it as YamlNode | null)?.range?.[0] ?? Infinity) <= offset);
    return i < 0 ? base : pathAt(node.items[i], offset, [...base, i]);
  }
  return base;
}

/**
 * Zod reports a failed union as one issue holding each option's issues. Keep the option that got
 * furthest (its issues are not a type mismatch at the union's own level): that is the one the
 * author meant, and its issues point at the real mistake.
 */
function flatten(issues: readonly z.core.$ZodIssue[], base: Path = []): { path: Path; issue: z.core.$ZodIssue }[] {
  return issues.flatMap((issue) => {
    const path = [...base, ...(issue.path as Path)];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const plausible = issue.errors.filter((opt) => !opt.every((i) => i.code === 'invalid_type' && i.path.length === 0));
      if (plausible.length === 1) return flatten(plausible[0]!, path);
    }
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ path: [...path, key], issue }));
    return [{ path, issue }];
  });
}

function toFileError(doc: Document, lc: LineCounter, file: string, path: Path, issue: ScenarioIssue | z.core.$ZodIssue): ScenarioFileError {
  const { node, keyNode, found } = locate(doc, path);
  const unknownField = 'code' in issue && issue.code === 'unrecognized_keys';
  const at = (unknownField ? keyNode : node)?.range?.[0] ?? 0;
  const { line, col } = lc.linePos(at);
  let message = issue.message;
  if (unknownField) message = `unknown field \`${String(path[path.length - 1])}\``;
  else if (!found && 'code' in issue && (issue.code === 'invalid_type' || issue.code === 'invalid_union')) message = `missing required field \`${String(path[path.length - 1])}\``;
  return { file, line, col, field: formatIssuePath(path), message };
}

/** Parses and validates scenario YAML; throws `ScenarioLoadError` listing every problem. */
export function parseScenario(text: string, file: string, opts: LoadOptions = {}): Scenario {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ScenarioLoadError(
      doc.errors.map((e) => {
        const pos = e.linePos?.[0] ?? lc.linePos(e.pos[0]);
        return { file, line: pos.line, col: pos.col, field: formatIssuePath(pathAt(doc.contents, e.pos[0])), message: `YAML syntax error: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}` };
      }),
    );
  }
  const raw: unknown = doc.toJS();
  const parsed = scenarioSchema.safeParse(raw ?? {});
  const errors = parsed.success ? [] : flatten(parsed.error.issues).map(({ path, issue }) => toFileError(doc, lc, file, path, issue));
  if (opts.exists) for (const issue of checkScenarioReferences(raw, opts.exists)) errors.push(toFileError(doc, lc, file, issue.path, issue));
  if (parsed.success && errors.length === 0 && opts.check) for (const issue of opts.check(parsed.data)) errors.push(toFileError(doc, lc, file, issue.path, issue));
  if (errors.length > 0 || !parsed.success) {
    errors.sort((a, b) => a.line - b.line || a.col - b.col);
    throw new ScenarioLoadError(errors);
  }
  return parsed.data;
}

/** Reads a scenario file; errors name it relative to the working directory. */
export async function loadScenarioFile(path: string, opts: LoadOptions = {}): Promise<Scenario> {
  const text = await readFile(path, 'utf8');
  const rel = relative(process.cwd(), path);
  return parseScenario(text, rel && !rel.startsWith('..') ? rel : path, opts);
}
