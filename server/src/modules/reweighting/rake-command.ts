import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { reweight, VOTE_CHOICES, type ReweightedResult, type TrimBounds } from '@parallele/core';
import { allowedCategories, marginsForSample, parseMarginsJson, parseSampleCsv, RakeInputError } from './rake-input';
import { loadShippedMargins } from './shipped-margins';

/**
 * `npm run rake -- --sample FILE.csv [--margins FILE.json] [--trim LO,HI | --trim none] [--json]`,
 * as a function of its arguments so the tests run it in-process; server/src/cli/rake.ts is the entry point.
 * Exit codes: 0 result printed, 1 no reweighted figure (too few respondents), 2 bad input.
 */
export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

function parseTrim(value: string): TrimBounds | null {
  if (value.trim() === 'none') return null;
  const m = /^\s*([0-9.]+)\s*,\s*([0-9.]+)\s*$/.exec(value);
  const low = Number(m?.[1]);
  const high = Number(m?.[2]);
  if (!m || !(low > 0 && low <= 1 && high >= 1 && Number.isFinite(high)))
    throw new RakeInputError(`--trim: expected LO,HI with 0 < LO ≤ 1 ≤ HI (weights relative to the mean, e.g. 0.2,5) or "none", got "${value}"`);
  return { low, high };
}

const pct = (x: number) => `${(100 * x).toFixed(1).replace('.', ',')} %`;

function human(r: Extract<ReweightedResult, { status: 'ok' }>, marginsName: string): string {
  const out = [
    `${r.n} répondant·es redressé·es (${r.excluded} exclu·es : profil incomplet), marges : ${marginsName}`,
    `n effectif (Kish) : ${r.nEff.toFixed(1)} ; itérations : ${r.iterations} ; ${r.converged ? 'convergé' : 'NON convergé'} (écart max. aux marges ${r.maxMarginError.toExponential(2)})`,
    `poids : min ${r.weights.min.toFixed(3)}, max ${r.weights.max.toFixed(3)} (moyenne 1), ${r.weights.trimmed} au bornage`,
    `${'choix'.padEnd(11)} ${'brut'.padStart(8)} ${'redressé'.padStart(9)}   intervalle à 95 % (linéarisation)`,
  ];
  for (const c of VOTE_CHOICES) out.push(`${c.padEnd(11)} ${pct(r.raw[c]).padStart(8)} ${pct(r.raked[c].share).padStart(9)}   [${pct(r.raked[c].low)} ; ${pct(r.raked[c].high)}]`);
  return out.join('\n') + '\n';
}

export function runRake(argv: string[], readText: (path: string) => string = (p) => readFileSync(p, 'utf8')): CommandResult {
  let stdout = '';
  let stderr = '';
  const program = new Command()
    .name('rake')
    .description('Redresse un échantillon de répondant·es sur des marges / rakes a CSV of respondents to population margins')
    .requiredOption('--sample <file.csv>', 'CSV with a header: choice and any of sex, age, region, pres2022; an empty cell is a missing answer (the row counts in the raw split, not in the raking)')
    .option('--margins <file.json>', '{ "variable": { "category": share } } (default: the shipped INSEE/2022 margins of the columns present)')
    .option('--trim <lo,hi|none>', 'weight bounds relative to the mean (default 0.2,5)', '0.2,5')
    .option('--json', 'print JSON')
    .exitOverride()
    .configureOutput({ writeOut: (s) => (stdout += s), writeErr: (s) => (stderr += s) });
  try {
    program.parse(argv, { from: 'user' });
    const o = program.opts<{ sample: string; margins?: string; trim: string; json?: boolean }>();
    const trim = parseTrim(o.trim);
    const given = o.margins ? parseMarginsJson(o.margins, read(readText, o.margins, '--margins')) : null;
    const sample = parseSampleCsv(o.sample, read(readText, o.sample, '--sample'), allowedCategories(given));
    const source = marginsForSample(sample, o.sample, given, loadShippedMargins().margins);
    const r = reweight(sample.respondents, source.margins, { trim });
    if (r.status === 'empty-cell')
      throw new RakeInputError(`${source.name}: margin "${r.variable}": "${r.category}" has no respondent with a complete profile in ${o.sample}`);
    if (r.status === 'too-few') {
      stderr += `not enough respondents: ${r.n} with a complete profile (${r.excluded} incomplete), at least ${r.minimum} are needed for a reweighted figure\n`;
      return { code: 1, stdout, stderr };
    }
    if (o.json) {
      const { n, nEff, iterations, converged, maxMarginError, raw, raked, excluded, interval } = r;
      stdout += JSON.stringify({ n, nEff, iterations, converged, maxMarginError, weights: { min: r.weights.min, max: r.weights.max }, raw, raked, excluded, interval }) + '\n';
    } else stdout += human(r, source.name);
    return { code: 0, stdout, stderr };
  } catch (error) {
    if (error instanceof CommanderError) return { code: error.exitCode === 0 ? 0 : 2, stdout, stderr };
    if (error instanceof RakeInputError) return { code: 2, stdout, stderr: stderr + `error: ${error.message}\n` };
    throw error;
  }
}

function read(readText: (path: string) => string, path: string, option: string): string {
  try {
    return readText(path);
  } catch (error) {
    throw new RakeInputError(`${option}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}
