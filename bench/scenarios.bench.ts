import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listScenarioFiles, loadBundledData, renderScenario, scenarioName, loadScenarioFile, uidChecker, writeScenarioOutput } from '@parallele/scenarios';

/** Time to load the bundled data, then to compute, render (SVG + PNG) and write each shipped scenario. */
export async function run(): Promise<Record<string, string | number>> {
  const t0 = performance.now();
  // a platform scenario is timed as on a fresh store: no citizen vote, its declared fallback
  const data = { ...loadBundledData(), platformVotes: () => null };
  const out: Record<string, string | number> = { 'load bundled data (ms)': Math.round(performance.now() - t0), scrutins: data.scrutins.length };
  const dir = await mkdtemp(join(tmpdir(), 'scenario-bench-'));
  for (const file of await listScenarioFiles()) {
    const t = performance.now();
    const scenario = await loadScenarioFile(file, { exists: uidChecker(data) });
    const rendered = renderScenario(scenarioName(file), scenario, data);
    await writeScenarioOutput(rendered, dir);
    out[`${scenarioName(file)} (ms, ${rendered.result.scrutinCount} scrutins, ${rendered.charts.length} charts)`] = Math.round(performance.now() - t);
  }
  return out;
}
