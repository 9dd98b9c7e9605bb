import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DEFAULT_OUT_DIR,
  SCENARIOS_DIR,
  formatScenarioError,
  listScenarioFiles,
  loadBundledData,
  runScenarioFile,
  scenarioName,
  ScenarioLoadError,
} from '@parallele/scenarios';
import { ScenarioResultSchema } from '@parallele/core';
import type { ScenarioDetailResponse, ScenarioListResponse, ScenarioResult } from '@parallele/core';
import { AppError } from '../../errors';

export interface ScenariosServiceOptions {
  /** folder of the scenario YAML files */
  scenariosDir?: string;
  /** where the runner writes (and the API reads) each scenario's outputs */
  outDir?: string;
}

const CONTENT_TYPES = { svg: 'image/svg+xml; charset=utf-8', png: 'image/png', csv: 'text/csv; charset=utf-8' } as const;

/**
 * The gallery serves what `npm run scenario` writes (scenarios/out/NAME/). A scenario whose
 * outputs are missing or older than its YAML file is run on first request, once (concurrent
 * requests share the run), so a fresh clone serves the gallery without a manual step.
 */
export function createScenariosService(opts: ScenariosServiceOptions = {}) {
  const scenariosDir = opts.scenariosDir ?? SCENARIOS_DIR;
  const outDir = opts.outDir ?? DEFAULT_OUT_DIR;
  const inFlight = new Map<string, Promise<ScenarioResult>>();

  async function fileOf(name: string): Promise<string> {
    const file = (await listScenarioFiles(scenariosDir)).find((f) => scenarioName(f) === name);
    if (!file) throw AppError.notFound(`No scenario named ${name}`, { param: 'name' });
    return file;
  }

  async function fresh(name: string, file: string): Promise<ScenarioResult | null> {
    const json = join(outDir, name, 'result.json');
    try {
      const [src, out] = await Promise.all([stat(file), stat(json)]);
      if (out.mtimeMs < src.mtimeMs) return null;
      return ScenarioResultSchema.parse(JSON.parse(await readFile(json, 'utf8')));
    } catch {
      return null;
    }
  }

  async function result(name: string): Promise<ScenarioResult> {
    const file = await fileOf(name);
    const ready = await fresh(name, file);
    if (ready) return ready;
    let run = inFlight.get(name);
    if (!run) {
      run = runScenarioFile(file, { outDir, data: loadBundledData() })
        .then((o) => o.result)
        .catch((e: unknown) => {
          if (e instanceof ScenarioLoadError) throw AppError.internal(`Scenario ${name} is invalid:\n${e.errors.map(formatScenarioError).join('\n')}`, e);
          throw e;
        })
        .finally(() => inFlight.delete(name));
      inFlight.set(name, run);
    }
    return run;
  }

  const chartUrls = (name: string, files: { svg: string; png: string; csv: string }) => ({
    svg: `/api/scenarios/${name}/charts/${files.svg}`,
    png: `/api/scenarios/${name}/charts/${files.png}`,
    csv: `/api/scenarios/${name}/charts/${files.csv}`,
  });

  return {
    async list(): Promise<ScenarioListResponse> {
      const names = (await listScenarioFiles(scenariosDir)).map(scenarioName);
      const scenarios = [];
      for (const name of names) {
        const r = await result(name);
        scenarios.push({
          name: r.name,
          title: r.title,
          titleEn: r.titleEn,
          description: r.description,
          descriptionEn: r.descriptionEn,
          scrutinCount: r.scrutinCount,
          keyFigures: r.keyFigures.slice(0, 8),
          thumbnail: r.thumbnail ? `/api/scenarios/${name}/charts/${r.thumbnail}` : null,
          interactiveUrl: r.interactiveUrl,
          url: `/api/scenarios/${name}`,
        });
      }
      return { scenarios };
    },

    async get(name: string): Promise<ScenarioDetailResponse> {
      const r = await result(name);
      return { ...r, charts: r.charts.map((c) => ({ ...c, urls: chartUrls(name, c.files) })) };
    },

    async chartFile(name: string, chart: string): Promise<{ body: Buffer; contentType: string }> {
      const r = await result(name);
      const ext = chart.slice(chart.lastIndexOf('.') + 1) as keyof typeof CONTENT_TYPES;
      const known = r.charts.some((c) => c.files[ext] === chart);
      if (!known) throw AppError.notFound(`Scenario ${name} has no chart file ${chart}`, { param: 'chart' });
      return { body: await readFile(join(outDir, name, chart)), contentType: CONTENT_TYPES[ext] };
    },
  };
}
export type ScenariosService = ReturnType<typeof createScenariosService>;
