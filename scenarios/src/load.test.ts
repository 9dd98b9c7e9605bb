import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatScenarioError, loadScenarioFile, parseScenario, ScenarioLoadError } from './load';
import type { ScenarioFileError } from './load';

const known = new Set(['VTANR5L16V1240', 'VTANR5L16V1241', 'VTANR5L17V519']);
const exists = (uid: string) => known.has(uid);

const VALID = `title: Test
description: Un scénario minimal
sources:
  - label: AN
    url: https://data.assemblee-nationale.fr
    date: 2025-11-21
scrutins:
  uids:
    - VTANR5L16V1240
    - VTANR5L16V1241
k: 10
split:
  source: fixed
  pour: 55
  contre: 35
  abstention: 10
  rationale: exemple
charts:
  - type: k-curve
    scrutin: VTANR5L16V1240
`;

function errorsOf(text: string, file = 'scenarios/bad.yaml'): ScenarioFileError[] {
  try {
    parseScenario(text, file, { exists });
  } catch (e) {
    if (e instanceof ScenarioLoadError) return e.errors;
    throw e;
  }
  throw new Error('expected the scenario to be rejected');
}

describe('scenario files', () => {
  it('a valid file loads with its defaults filled in', () => {
    const s = parseScenario(VALID, 'scenarios/ok.yaml', { exists });
    expect(s.mode).toEqual(['proportional']);
    expect(s.method).toBe('largest-remainder');
    expect(s.scrutins.uids).toEqual(['VTANR5L16V1240', 'VTANR5L16V1241']);
  });

  it('an unknown field is an error naming the file, its line and the field', () => {
    const errors = errorsOf(VALID.replace('k: 10\n', 'k: 10\ncolour: red\n'));
    expect(errors.map(formatScenarioError)).toEqual(['scenarios/bad.yaml:12:1 colour: unknown field `colour`']);
  });

  it('an unknown nested field points at that field inside its list item', () => {
    const errors = errorsOf(VALID.replace('    date: 2025-11-21\n', '    date: 2025-11-21\n    auteur: moi\n'));
    expect(errors.map(formatScenarioError)).toEqual(['scenarios/bad.yaml:7:5 sources[0].auteur: unknown field `auteur`']);
  });

  it('a value of the wrong type names its line and field', () => {
    const errors = errorsOf(VALID.replace('  pour: 55', '  pour: beaucoup'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'scenarios/bad.yaml', line: 14, col: 9, field: 'split.pour' });
    expect(errors[0]!.message).toMatch(/number/);
  });

  it('an unknown uid is reported at its line in the list', () => {
    const errors = errorsOf(VALID.replace('    - VTANR5L16V1241', '    - VTANR5L17V99999'));
    expect(errors.map(formatScenarioError)).toEqual(['scenarios/bad.yaml:10:7 scrutins.uids[1]: unknown uid VTANR5L17V99999']);
  });

  it('a K out of range names the field, for a single K and inside a range', () => {
    expect(errorsOf(VALID.replace('k: 10', 'k: 600')).map(formatScenarioError)).toEqual([
      'scenarios/bad.yaml:11:4 k: K must be ≤ 577 (seats of the Assemblée nationale)',
    ]);
    const inRange = errorsOf(VALID.replace('k: 10', 'k: { from: -1, to: 20 }'));
    expect(inRange.map(formatScenarioError)).toEqual(['scenarios/bad.yaml:11:12 k.from: K must be ≥ 0']);
  });

  it('a split summing to nothing is an error on the split', () => {
    const errors = errorsOf(VALID.replace('  pour: 55\n  contre: 35\n  abstention: 10', '  pour: 0\n  contre: 0\n  abstention: 0'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 13, col: 3, field: 'split' });
    expect(errors[0]!.message).toMatch(/sums to 0/);
  });

  it('poll figures above 100 % are rejected', () => {
    const text = VALID.replace(/split:[\s\S]*?charts:/, `split:
  source: poll
  pour: 80
  contre: 40
  citations:
    - { pollster: X, date: 2023-03-17, question: q, figure: f, url: "https://x.fr", verified: false }
charts:`);
    expect(errorsOf(text).map((e) => e.field)).toEqual(['split']);
  });

  it('a YAML syntax error names the file, the line and the field being read', () => {
    const errors = errorsOf(VALID.replace('  rationale: exemple', '  rationale: "exemple'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'scenarios/bad.yaml', field: 'split.rationale' });
    expect(errors[0]!.line).toBeGreaterThanOrEqual(17);
    expect(errors[0]!.message).toBe('YAML syntax error: Missing closing "quote');
    expect(errorsOf(VALID.replace('  pour: 55', '  pour: 55: 3')).map(formatScenarioError)).toEqual([
      'scenarios/bad.yaml:14:9 split.pour: YAML syntax error: Nested mappings are not allowed in compact mappings',
    ]);
    expect(errorsOf('title: a\ntitle: b\n').map(formatScenarioError)).toEqual(['scenarios/bad.yaml:2:1 title: YAML syntax error: Map keys must be unique']);
  });

  it('reports every error of the file at once, in line order', () => {
    const text = VALID.replace('k: 10', 'k: 900\nfoo: 1')
      .replace('    - VTANR5L16V1241', '    - VTANR5L17V99999')
      .replace('  - type: k-curve', '  - type: camembert');
    const errors = errorsOf(text);
    expect(errors.map((e) => `${e.line} ${e.field}`)).toEqual(['10 scrutins.uids[1]', '11 k', '12 foo', '20 charts[0].type']);
  });

  it('a missing required field is named, and charts may only name scrutins of the selection', () => {
    const errors = errorsOf(VALID.replace(/sources:[\s\S]*?scrutins:/, 'scrutins:').replace('scrutin: VTANR5L16V1240', 'scrutin: VTANR5L17V519'));
    expect(errors.map((e) => `${e.field}: ${e.message}`)).toEqual([
      'sources: missing required field `sources`',
      "charts[0].scrutin: VTANR5L17V519 is not among the scenario's scrutins",
    ]);
  });

  it('loading from disk names the file in every error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scenario-'));
    const path = join(dir, 'typo.yaml');
    await writeFile(path, VALID.replace('title: Test', 'titel: Test'));
    const err = await loadScenarioFile(path, { exists }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScenarioLoadError);
    const lines = (err as ScenarioLoadError).errors.map(formatScenarioError);
    // relative to the working directory when inside it, as given otherwise (a temp dir here)
    const rel = relative(process.cwd(), path);
    const shown = rel.startsWith('..') ? path : rel;
    expect(lines).toContain(`${shown}:1:1 titel: unknown field \`titel\``);
    expect(lines).toContain(`${shown}:1:1 title: missing required field \`title\``);
  });
});

describe('scenario files checked against the bundled data', () => {
  it('a K beyond the members of a selected scrutin names the field and the scrutin', async () => {
    const { loadBundledData, uidChecker } = await import('./data');
    const { checkScenarioAgainstData } = await import('./compute');
    const data = loadBundledData();
    const text = VALID.replace('k: 10', 'k: 575').replace('    scrutin: VTANR5L16V1240', '    scrutin: VTANR5L16V1240\n    k: { from: 0, to: 576 }');
    let errors: ScenarioFileError[] = [];
    try {
      parseScenario(text, 'scenarios/k.yaml', { exists: uidChecker(data), check: (s) => checkScenarioAgainstData(s, data) });
    } catch (e) {
      errors = (e as ScenarioLoadError).errors;
    }
    // VTANR5L16V1240 had 573 members (Σ nombreMembresGroupe)
    expect(errors.map(formatScenarioError)).toEqual([
      'scenarios/k.yaml:11:4 k: K = 575 exceeds the 573 members of VTANR5L16V1240 (mode proportional replaces sitting deputies)',
      'scenarios/k.yaml:21:8 charts[0].k: K = 576 exceeds the 573 members of VTANR5L16V1240',
    ]);
  });
});
