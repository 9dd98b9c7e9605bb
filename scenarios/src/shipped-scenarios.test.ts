import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadBundledData, uidChecker } from './data';
import { loadScenarioFile } from './load';
import { listScenarioFiles, renderScenario, scenarioName, SCENARIOS_DIR } from './run';
import type { ScenarioOutput } from './run';

const data = loadBundledData();
const outputs = new Map<string, ScenarioOutput>();
async function run(name: string): Promise<ScenarioOutput> {
  const hit = outputs.get(name);
  if (hit) return hit;
  const file = join(SCENARIOS_DIR, `${name}.yaml`);
  const out = renderScenario(scenarioName(file), await loadScenarioFile(file, { exists: uidChecker(data) }), data);
  outputs.set(name, out);
  return out;
}
const figure = (out: ScenarioOutput, id: string) => {
  const f = out.result.keyFigures.find((x) => x.id === id);
  if (!f) throw new Error(`no key figure ${id} in ${out.name}`);
  return f.value;
};

describe('the shipped scenarios', () => {
  it('are the five scenarios of issue 7 plus the platform one, and all validate against the bundled data', async () => {
    const files = await listScenarioFiles();
    expect(files.map(scenarioName)).toEqual([
      'censure-barnier-2024',
      'censure-retraites-2023',
      'dix-deputes-mavoix-l17',
      'plateforme-censures-l17',
      'plus-de-deputes-mavoix',
      'votes-serres-l16-l17',
    ]);
    for (const f of files) await expect(loadScenarioFile(f, { exists: uidChecker(data) })).resolves.toBeTruthy();
  });

  it('ten MaVoix deputies could have overturned 518 votes of the 17th legislature (519 if added)', async () => {
    const out = await run('dix-deputes-mavoix-l17');
    expect(out.result.scrutinCount).toBe(3876);
    // K* ≤ 10 under the best-case split: the simulator issue's leverage table (518 / 519)
    expect(out.result.leverage.proportional!.flippable['10']).toBe(518);
    expect(out.result.leverage.added!.flippable['10']).toBe(519);
    // outcome actually different at K = 10 (the outcome need not be monotonic in K)
    expect(figure(out, 'flipped:proportional:10')).toBe(518);
    expect(figure(out, 'flipped:added:10')).toBe(519);
    const flippedRows = out.result.rows;
    expect(flippedRows.every((r) => r.modes.proportional!.flipped || r.modes.added!.flipped)).toBe(true);
    expect(flippedRows.length + out.result.rowsOmitted).toBeGreaterThanOrEqual(519);
  });

  it('the LIOT motion of 20 March 2023 passes from K = 48 with the polls’ 68 % split, from K = 19 at best', async () => {
    const out = await run('censure-retraites-2023');
    expect(out.result.rows.map((r) => [r.uid, r.official.pour, r.official.required, r.official.outcome])).toEqual([
      ['VTANR5L16V1240', 278, 287, 'rejeté'],
      ['VTANR5L16V1241', 94, 287, 'rejeté'],
    ]);
    expect(figure(out, 'tipping-point:VTANR5L16V1240:proportional')).toBe(48);
    expect(figure(out, 'tipping-point:VTANR5L16V1240:added')).toBe(48);
    /*
     * Checked by hand, best case (all K vote the motion), proportional, K = 19. M = 573 members,
     * required = floor(573/2) + 1 = 287. Groups (members/pour): RE 170/0, RN 88/88, LFI 74/74,
     * LR 61/19, Dem 51/0, SOC 31/31, HOR 29/0, GDR 22/22, Ecolo 22/22, LIOT 20/18, NI 5/4.
     * Quotas 19·m/573: 5.637, 2.918, 2.454, 2.023, 1.691, 1.028, 0.962, 0.729, 0.729, 0.663, 0.166;
     * floors sum to 13, the 6 seats left go to the largest remainders HOR .962, RN .918, GDR .729,
     * Ecolo .729, Dem .691, LIOT .663 → d = 5,3,2,2,2,1,1,1,1,1,0. Pour removed: RN 3, LFI 2,
     * LR 1 (apportion(2, [19 pour, 42 absent]) = quotas .62/1.38 → 0+1, the spare seat to pour's
     * .62), SOC 1, GDR 1, Ecolo 1, LIOT 1 → 10. Pour = 278 − 10 + 19 = 287 ≥ 287: adopted.
     * At K = 18 the same 10 pour are removed: 278 − 10 + 18 = 286 < 287. So K* = 19.
     */
    expect(figure(out, 'best-case-tipping-point:VTANR5L16V1240:proportional')).toBe(19);
    expect(figure(out, 'best-case-tipping-point:VTANR5L16V1240:added')).toBe(18);
    // the RN motion (94 votes) needs far more than 100 deputies, even at best
    expect(figure(out, 'tipping-point:VTANR5L16V1241:proportional')).toBe(373);
    expect(figure(out, 'best-case-tipping-point:VTANR5L16V1241:proportional')).toBe(230);
    expect(figure(out, 'required-share:VTANR5L16V1240:proportional:100')).toBe(0.565);
    expect(out.result.split.citations.map((c) => c.pollster)).toEqual(['Elabe', 'Toluna Harris Interactive', 'Cluster17']);
  });

  it('saving the Barnier government took 76 MaVoix deputies all refusing the censure, and never with the polls’ split', async () => {
    const out = await run('censure-barnier-2024');
    const row = out.result.rows[0]!;
    expect([row.uid, row.official.pour, row.official.required, row.official.outcome]).toEqual(['VTANR5L17V519', 331, 288, 'adopté']);
    /*
     * Checked by hand, proportional, K = 76, nobody of the bloc voting the motion. M = 574,
     * required = floor(574/2) + 1 = 288. Quotas 76·m/574 for RN 124, EPR 93, LFI 71, SOC 66,
     * DR 47, EcoS 38, Dem 36, HOR 34, LIOT 23, GDR 17, UDR 16, NI 9: floors 16,12,9,8,6,5,4,4,3,2,2,1
     * = 72, the 4 seats left to Dem .767, SOC .739, HOR .502, RN .418 → d = 17,12,9,9,6,5,5,5,3,2,2,1.
     * Pour removed: RN 17 (123 pour, 1 absent: 16.86 + .14 → the spare seat to pour), LFI 9,
     * SOC 9, EcoS 5, GDR 2, UDR 2 (LIOT's 3 and NI's 1 fall on non-voters) → 44.
     * Pour = 331 − 44 = 287 < 288: rejected. At K = 75 RN loses 16: 331 − 43 = 288 ≥ 288. K* = 76.
     */
    expect(figure(out, 'best-case-tipping-point:VTANR5L17V519:proportional')).toBe(76);
    expect(figure(out, 'best-case-tipping-point:VTANR5L17V519:added')).toBe(88);
    expect(figure(out, 'tipping-point:VTANR5L17V519:proportional')).toBeNull();
    expect(figure(out, 'tipping-point:VTANR5L17V519:added')).toBeNull();
    // at K = 76 a single pour seat of the bloc keeps the censure: the split had to be 100 % against
    expect(figure(out, 'required-share:VTANR5L17V519:proportional:76')).toBe(0.006579);
  });

  it('votes decided by two votes or fewer: 170 in the bundled L16 samples and L17, 125 flipped by 2 deputies', async () => {
    const out = await run('votes-serres-l16-l17');
    expect(out.result.scrutinCount).toBe(170);
    expect(out.result.rows.every((r) => (r.type === 'MOC' ? Math.abs(r.official.pour - r.official.required) : Math.abs(r.official.pour - r.official.contre)) <= 2)).toBe(true);
    expect(out.result.leverage.proportional!.flippable).toMatchObject({ '1': 68, '2': 125, '5': 170, '10': 170 });
    expect(out.result.leverage.added!.flippable).toMatchObject({ '1': 67, '2': 128, '5': 170 });
    expect(figure(out, 'flipped:proportional:2')).toBe(125);
  });

  it('more MaVoix deputies: the leverage of K = 1..100 under each mode reproduces the simulator issue’s table', async () => {
    const out = await run('plus-de-deputes-mavoix');
    const p = out.result.leverage.proportional!.flippable;
    const a = out.result.leverage.added!.flippable;
    expect([p['1'], p['2'], p['5'], p['10'], p['20'], p['50']]).toEqual([55, 106, 286, 518, 976, 2331]);
    expect([a['1'], a['2'], a['5'], a['10'], a['20'], a['50']]).toEqual([56, 108, 288, 519, 958, 2195]);
    expect(p['100']).toBe(3465);
    expect(a['100']).toBe(3266);
    const g = out.result.leverage['group:PO845401']!;
    expect(g.excluded).toBe(12); // 12 of V489–V501 list their groups as PO0: RN is not under its ref there
    expect(g.flippable['100']).toBe(3376);
  });
});
