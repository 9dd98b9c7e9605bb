import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitPercents, tippingPoint, toSimScrutin } from '@parallele/core';
import type { PlatformTallyName, PlatformVoteCounts } from '@parallele/core';
import { computeScenario, PLATFORM_NEEDS_STORE, ScenarioRunError, type ScenarioData } from './compute';
import { loadBundledData, uidChecker } from './data';
import { formatScenarioError, parseScenario, ScenarioLoadError } from './load';
import { renderScenario, runScenarioFile, SCENARIOS_DIR } from './run';

const bundled = loadBundledData();
const FILE = join(SCENARIOS_DIR, 'plateforme-censures-l17.yaml');
const text = await readFile(FILE, 'utf8');
const V519 = 'VTANR5L17V519';

/** The bundled data with citizens' votes given as a map (what the server's votes service supplies). */
function withVotes(votes: Record<string, PlatformVoteCounts>, asked: PlatformTallyName[] = []): ScenarioData {
  return { ...bundled, platformVotes: (uid, tally) => (asked.push(tally), votes[uid] ?? null) };
}
const load = (yaml: string) => parseScenario(yaml, 'scenarios/plateforme-censures-l17.yaml', { exists: uidChecker(bundled) });

describe('split.source platform', () => {
  it('the offline runner refuses it and says to pass --database', async () => {
    await expect(runScenarioFile(FILE, { data: bundled, write: false })).rejects.toThrow(PLATFORM_NEEDS_STORE);
    expect(PLATFORM_NEEDS_STORE).toMatch(/--database file:/);
  });

  it("3 pour / 1 contre on the Barnier censure make the bloc's split 75/25/0, and K* is core's tipping point for that split", () => {
    const asked: PlatformTallyName[] = [];
    const c = computeScenario(load(text), withVotes({ [V519]: { pour: 3, contre: 1, abstention: 0 } }, asked));
    expect(new Set(asked)).toEqual(new Set(['unflagged']));
    const row = c.rows.find((r) => r.row.uid === V519)!;
    expect(row.row.platform).toEqual({ votes: { pour: 3, contre: 1, abstention: 0 }, total: 4, used: 'platform' });
    expect(splitPercents(row.split)).toEqual([75, 25, 0]);
    const scrutin = bundled.scrutins.find((s) => s.uid === V519)!;
    const expected = tippingPoint(toSimScrutin(scrutin), { split: [75, 25, 0], mode: 'proportional', method: 'largest-remainder' });
    expect(row.row.modes.proportional!.tippingPoint).toBe(expected);
    // the other eleven motions have no vote: the declared 50/50 fallback, marked as such
    expect(c.rows).toHaveLength(12);
    expect(c.rows.filter((r) => r.row.platform?.used === 'fallback').map((r) => r.split)).toEqual(Array(11).fill([50, 50, 0]));
    const fig = (id: string) => c.keyFigures.find((f) => f.id === id)?.value;
    expect([fig('platform:scrutins-with-votes'), fig('platform:votes'), fig('platform:fallback')]).toEqual([1, 4, 11]);
  });

  it('with zero votes (a fresh clone) every motion takes the fallback split and the report says so', () => {
    const out = renderScenario('plateforme-censures-l17', load(text), withVotes({}));
    expect(out.result.scrutinCount).toBe(12);
    expect(out.result.split.platform).toMatchObject({ tally: 'unflagged', whenNoVotes: 'fallback', fallback: [50, 50, 0], scrutinsWithVotes: 0, scrutinsWithoutVotes: 12, votes: 0 });
    expect(out.result.rows.every((r) => r.platform?.used === 'fallback')).toBe(true);
    expect(out.markdown).toContain('répartition de repli pour 50 / contre 50 / abstention 0');
    expect(out.markdown).toContain(`| ${V519} (repli) |`);
    expect(out.charts.map((ch) => ch.chart.name)).toEqual(['k-curve-barnier', 'leverage-censures', 'table']);
  });

  it('whenNoVotes: exclude leaves the motions without votes out and lists them; minVotes is the threshold', () => {
    const excluding = text.replace(/ {2}whenNoVotes: fallback\n {2}fallback:\n(?: {4}.*\n)+/, '  whenNoVotes: exclude\n').replace('minVotes: 1', 'minVotes: 3');
    const votes = { [V519]: { pour: 3, contre: 1, abstention: 0 }, VTANR5L17V1: { pour: 1, contre: 1, abstention: 0 } };
    const out = renderScenario('x', load(excluding), withVotes(votes));
    expect(out.result.rows.map((r) => r.uid)).toEqual([V519]);
    expect(out.result.excluded).toHaveLength(11);
    expect(out.result.excluded.find((x) => x.uid === 'VTANR5L17V1')?.reason).toBe('2 citizen votes in the unflagged tally, fewer than minVotes 3');
    expect(out.result.excluded.find((x) => x.uid === 'VTANR5L17V526')?.reason).toBe('no citizen vote in the unflagged tally');
    expect(out.markdown).toContain('## Scrutins exclus');
    // nobody voted anywhere: nothing to compute, and the error says how to run it anyway
    expect(() => computeScenario(load(excluding), withVotes({}))).toThrow(ScenarioRunError);
    expect(() => computeScenario(load(excluding), withVotes({}))).toThrow(/none of the 12 selected scrutins has citizen votes.*whenNoVotes: fallback/);
  });

  it('a chart on a motion that was excluded names it', () => {
    const excluding = text.replace(/ {2}whenNoVotes: fallback\n {2}fallback:\n(?: {4}.*\n)+/, '  whenNoVotes: exclude\n');
    expect(() => renderScenario('x', load(excluding), withVotes({ VTANR5L17V1: { pour: 1, contre: 0, abstention: 0 } }))).toThrow(
      /charts\[0\] \(k-curve\): scrutin VTANR5L17V519 was left out of the scenario: no citizen vote in the unflagged tally/,
    );
  });
});

describe('a bad platform block', () => {
  const errorsOf = (yaml: string) => {
    try {
      load(yaml);
    } catch (e) {
      if (e instanceof ScenarioLoadError) return e.errors.map(formatScenarioError);
      throw e;
    }
    throw new Error('expected the scenario to be rejected');
  };
  const F = 'scenarios/plateforme-censures-l17.yaml';

  it('an unknown tally, a minVotes of 0 and an unknown field are named with their lines', () => {
    const bad = text.replace('tally: unflagged', 'tally: everyone').replace('minVotes: 1', 'minVotes: 0').replace('    abstention: 0\n', '    abstention: 0\n    colour: red\n');
    expect(errorsOf(bad)).toEqual([
      `${F}:36:10 split.tally: expected a tally: all, verified, unflagged, verified-unflagged, redresse`,
      `${F}:37:13 split.minVotes: minVotes must be ≥ 1`,
      `${F}:43:5 split.fallback.colour: unknown field \`colour\``,
    ]);
  });

  it('whenNoVotes: fallback without a fallback split, and a fallback with exclude, are errors on those fields', () => {
    const noFallback = text.replace(/ {2}fallback:\n(?: {4}.*\n)+/, '');
    expect(errorsOf(noFallback)).toEqual([`${F}:38:16 split.whenNoVotes: whenNoVotes: fallback needs a \`fallback\` split (pour, contre, abstention, rationale)`]);
    expect(errorsOf(text.replace('whenNoVotes: fallback', 'whenNoVotes: exclude'))).toEqual([`${F}:40:5 split.fallback: a \`fallback\` split is only used with \`whenNoVotes: fallback\``]);
  });

  it('a fallback summing to nothing or without its rationale is refused', () => {
    const zero = text.replace('    pour: 50\n    contre: 50\n', '    pour: 0\n    contre: 0\n');
    expect(errorsOf(zero)).toEqual([`${F}:40:5 split.fallback: the split sums to 0: give at least one positive weight (pour, contre, abstention)`]);
    const noWhy = text.replace(/ {4}rationale: .*\n/, '');
    expect(errorsOf(noWhy)).toEqual([`${F}:40:5 split.fallback.rationale: missing required field \`rationale\``]);
  });

  it('the defaults: tally unflagged, minVotes 1, whenNoVotes exclude', () => {
    const minimal = text.replace(/ {2}tally: unflagged\n {2}minVotes: 1\n {2}whenNoVotes: fallback\n {2}fallback:\n(?: {4}.*\n)+/, '');
    expect(load(minimal).split).toEqual({ source: 'platform', tally: 'unflagged', minVotes: 1, whenNoVotes: 'exclude' });
  });
});
