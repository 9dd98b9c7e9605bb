import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../config';
import { runRake } from './rake-command';
import { skewedSample } from '../../test-support/rake-fixture';

const dir = mkdtempSync(join(tmpdir(), 'rake-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const skewed = file('skewed.csv', skewedSample(2000, 1));
/** 40 women (30 pour, 10 contre) and 20 men (5 pour, 15 contre): raked to 50/50, pour = ½·¾ + ½·¼ = ½. */
const handCsv = file('hand.csv', ['choice,sex', ...Array(30).fill('pour,F'), ...Array(10).fill('contre,F'), ...Array(5).fill('pour,H'), ...Array(15).fill('contre,H')].join('\n'));
const halfHalf = file('half.json', '{\n  "sex": { "F": 0.5, "H": 0.5 }\n}\n');

interface Json {
  n: number;
  nEff: number;
  iterations: number;
  converged: boolean;
  maxMarginError: number;
  weights: { min: number; max: number };
  raw: Record<string, number>;
  raked: Record<string, { share: number; low: number; high: number }>;
  excluded: number;
  interval: string;
}
function json(args: string[]): Json {
  const r = runRake([...args, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Json;
}

describe('npm run rake', () => {
  it('rakes a skewed sample to the shipped INSEE and 2022 margins and prints the JSON of the issue', () => {
    const r = json(['--sample', skewed]);
    expect(Object.keys(r).slice(0, 8)).toEqual(['n', 'nEff', 'iterations', 'converged', 'maxMarginError', 'weights', 'raw', 'raked']);
    expect(r.n).toBe(2000);
    expect(r.converged).toBe(true);
    expect(r.maxMarginError).toBeLessThanOrEqual(1e-6);
    expect(r.nEff).toBeGreaterThan(500);
    expect(r.nEff).toBeLessThan(2000);
    expect(r.weights.max).toBeLessThanOrEqual(5 + 1e-9);
    expect(r.weights.min).toBeGreaterThanOrEqual(0.2 - 1e-9);
    expect(r.interval).toBe('linearization');
    // the sample has too many young people, who vote pour more: raking lowers pour
    expect(r.raked.pour!.share).toBeLessThan(r.raw.pour!);
    for (const c of ['pour', 'contre', 'abstention']) {
      expect(r.raked[c]!.low).toBeLessThan(r.raked[c]!.share);
      expect(r.raked[c]!.high).toBeGreaterThan(r.raked[c]!.share);
    }
  });

  it('gives the hand-worked split with --margins, and --trim none lets weights past the default cap', () => {
    const r = json(['--sample', handCsv, '--margins', halfHalf]);
    expect(r.raw.pour).toBeCloseTo(35 / 60, 12);
    expect(r.raked.pour!.share).toBeCloseTo(0.5, 12);
    expect(r.weights).toEqual({ min: 0.75, max: 1.5 });
    expect(r.iterations).toBe(1);
    expect(json(['--sample', skewed, '--trim', 'none']).weights.max).toBeGreaterThan(5);
    expect(json(['--sample', skewed, '--trim', '0.5,2']).weights.max).toBeLessThanOrEqual(2 + 1e-9);
  });

  it('leaves respondents with an empty profile cell out of the raking and keeps them in the raw split', () => {
    const csv = file('missing.csv', ['choice,sex', ...Array(30).fill('pour,F'), ...Array(10).fill('contre,F'), ...Array(20).fill('contre,H'), 'pour,', 'pour, '].join('\n'));
    const r = json(['--sample', csv, '--margins', halfHalf]);
    expect(r.n).toBe(60);
    expect(r.excluded).toBe(2);
    expect(r.raw.pour).toBeCloseTo(32 / 62, 12);
  });

  it('prints a French table by default', () => {
    const r = runRake(['--sample', handCsv, '--margins', halfHalf]);
    expect(r.stdout).toContain('60 répondant·es redressé·es (0 exclu·es');
    expect(r.stdout).toMatch(/pour\s+58,3 %\s+50,0 %\s+\[/);
  });

  it('says there are not enough respondents instead of printing a number', () => {
    const r = runRake(['--sample', file('few.csv', 'choice,sex\npour,F\ncontre,H\n'), '--margins', halfHalf, '--json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('not enough respondents: 2 with a complete profile (0 incomplete), at least 30 are needed for a reweighted figure\n');
  });
});

describe('npm run rake on malformed input', () => {
  const bad = (args: string[]) => {
    const r = runRake(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    return r.stderr.trim();
  };

  it('names the line and column of an unknown category', () => {
    const csv = file('unknown.csv', 'choice,sex,age\npour,F,18-24\ncontre,H,17-20\n');
    expect(bad(['--sample', csv])).toBe(`error: ${csv}:3, column age: unknown category "17-20" (expected: 18-24, 25-34, 35-49, 50-64, 65+, or empty)`);
    const choice = file('choice.csv', 'choice,sex\npour,F\nyes,H\n');
    expect(bad(['--sample', choice])).toBe(`error: ${choice}:3, column choice: unknown category "yes" (expected: pour, contre, abstention)`);
    const empty = file('empty-choice.csv', 'choice,sex\npour,F\n,H\n');
    expect(bad(['--sample', empty])).toBe(`error: ${empty}:3, column choice: empty (every row needs a vote) (expected: pour, contre, abstention)`);
  });

  it('checks categories against the margins given', () => {
    expect(bad(['--sample', file('x.csv', 'choice,sex\npour,X\n'), '--margins', halfHalf])).toContain('x.csv:2, column sex: unknown category "X" (expected: F, H, or empty)');
  });

  it('names the file, line and variable of a margin set that does not sum to 1', () => {
    const margins = file('bad-sum.json', '{\n  "sex": { "F": 0.5, "H": 0.5 },\n  "age": { "young": 0.6, "old": 0.6 }\n}\n');
    expect(bad(['--sample', handCsv, '--margins', margins])).toBe(`error: ${margins}:3: margin "age": shares sum to 1.200000, not 1`);
    const negative = file('negative.json', '{ "sex": { "F": 1.2, "H": -0.2 } }');
    expect(bad(['--sample', handCsv, '--margins', negative])).toBe(`error: ${negative}:1: margin "sex": category F: a share must be ≤ 1`);
  });

  it('names the margin category absent from the sample', () => {
    const margins = file('three.json', '{\n  "sex": { "F": 0.5, "H": 0.4, "X": 0.1 }\n}');
    expect(bad(['--sample', handCsv, '--margins', margins])).toMatch(new RegExp(`^error: ${margins}:2: margin "sex": "X" has no respondent in ${handCsv}`));
    const noMayotte = file('no-976.csv', 'choice,region\npour,11\ncontre,84\n');
    const message = bad(['--sample', noMayotte]);
    expect(message).toMatch(/^error: shipped margins \(data\/insee\): margin "region": .* have no respondent in/);
    expect(message).toContain('"06"');
    expect(message).not.toContain('"11"');
  });

  it('refuses a file with no choice column, an unknown or repeated column and a ragged row', () => {
    const noChoice = file('no-choice.csv', 'vote,sex\npour,F\n');
    expect(bad(['--sample', noChoice])).toBe(`error: ${noChoice}:1: no "choice" column (the header has: vote, sex)`);
    const unknown = file('unknown-col.csv', 'choice,gender\npour,F\n');
    expect(bad(['--sample', unknown])).toBe(`error: ${unknown}:1, column gender: unknown column (expected choice and any of: sex, age, region, pres2022)`);
    const twice = file('twice.csv', 'choice,sex,sex\npour,F,F\n');
    expect(bad(['--sample', twice])).toBe(`error: ${twice}:1, column sex: appears twice in the header`);
    const ragged = file('ragged.csv', 'choice,sex\npour,F\ncontre\n');
    expect(bad(['--sample', ragged])).toMatch(new RegExp(`^error: ${ragged}:3: Invalid Record Length`));
  });

  it('refuses margins with a variable the sample lacks, a sample with no profile column, bad JSON and missing files', () => {
    const both = file('both.json', '{\n  "sex": { "F": 0.5, "H": 0.5 },\n  "age": { "young": 0.5, "old": 0.5 }\n}');
    expect(bad(['--sample', handCsv, '--margins', both])).toBe(`error: ${both}:3: margin "age" has no column in ${handCsv}`);
    const onlyChoice = file('only-choice.csv', 'choice\npour\n');
    expect(bad(['--sample', onlyChoice])).toBe(`error: ${onlyChoice}:1: no profile column to rake on (add any of: sex, age, region, pres2022)`);
    const broken = file('broken.json', '{\n  "sex": { "F": 0.5,, }\n}');
    expect(bad(['--sample', handCsv, '--margins', broken])).toMatch(new RegExp(`^error: ${broken}:2: not valid JSON`));
    expect(bad(['--sample', join(dir, 'nope.csv')])).toBe(`error: --sample: cannot read ${join(dir, 'nope.csv')} (ENOENT)`);
  });

  it('refuses hostile names in the margins and the header', () => {
    const proto = file('proto.json', '{ "__proto__": { "F": 0.5, "H": 0.5 } }');
    expect(bad(['--sample', handCsv, '--margins', proto])).toBe(`error: ${proto}:1: margin name "__proto__": use letters, digits, - or _ (at most 40)`);
    const category = file('category.json', '{ "sex": { "F F": 0.5, "H": 0.5 } }');
    expect(bad(['--sample', handCsv, '--margins', category])).toBe(`error: ${category}:1: margin "sex": category "F F": use letters, digits and - _ + . (at most 64)`);
    const header = file('proto.csv', 'choice,__proto__\npour,F\n');
    expect(bad(['--sample', header])).toBe(`error: ${header}:1, column __proto__: unknown column (expected choice and any of: sex, age, region, pres2022)`);
  });

  it('refuses bad --trim bounds and a missing --sample', () => {
    expect(bad(['--sample', handCsv, '--trim', '2,5'])).toBe('error: --trim: expected LO,HI with 0 < LO ≤ 1 ≤ HI (weights relative to the mean, e.g. 0.2,5) or "none", got "2,5"');
    expect(bad([])).toContain("required option '--sample <file.csv>' not specified");
  });
});

describe('npm run rake (node server/bin/run.mjs rake → server/src/cli/rake.ts)', () => {
  it('prints to stdout and exits with the command code', { timeout: 60_000 }, async () => {
    const run = promisify(execFile);
    const rake = (args: string[]) => run(process.execPath, [join(REPO_ROOT, 'server/bin/run.mjs'), 'rake', ...args], { cwd: REPO_ROOT });
    const { stdout } = await rake(['--sample', handCsv, '--margins', halfHalf, '--json']);
    expect((JSON.parse(stdout) as Json).raked.pour!.share).toBeCloseTo(0.5, 12);
    await expect(rake(['--sample', 'nope.csv'])).rejects.toMatchObject({ code: 2 });
  });
});
