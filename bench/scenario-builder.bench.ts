import { builderScenario, parseBuilderParams } from '@parallele/core';
import { loadBundledData, previewScenario } from '@parallele/scenarios';

/**
 * The scenario builder's answer time on the server (GET /api/scenario-builder without its cache):
 * YAML written and loaded back, computed, charts drawn as SVG. From the page's default (final votes
 * on a law of L17) to the heaviest selection a filter allows (all of L17, two modes, K = 1..100).
 */
const CASES: Record<string, string> = {
  'default: L17 final votes on a law, K 1-20': 'leg=17&final=1&k=1-20&w=50,50,0',
  'hand-picked: 2 censure motions, poll-like 68/32, K 25': 'uids=VTANR5L16V1240,VTANR5L17V519&k=25&w=68,32,0',
  'L16+L17 within 2 votes, best case, K 1-10, 2 modes': 'leg=16,17&gap=2&k=1-10&split=best-case&mode=proportional,added',
  'all of L17, K 1-100, 2 modes': 'leg=17&k=1-100&mode=proportional,added',
};

export async function run(): Promise<Record<string, string | number>> {
  const data = loadBundledData();
  const out: Record<string, string | number> = {};
  for (const [label, query] of Object.entries(CASES)) {
    const input = builderScenario(parseBuilderParams(new URLSearchParams(query)).query);
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      rows = previewScenario(input, data).scrutinCount;
      times.push(performance.now() - t);
    }
    out[`${label} (ms, median of 3, ${rows} scrutins)`] = Math.round(times.sort((a, b) => a - b)[1]!);
  }
  return out;
}
