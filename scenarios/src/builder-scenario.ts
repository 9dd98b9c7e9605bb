import { renderToStaticMarkup } from 'react-dom/server';
import { stringify } from 'yaml';
import { isSimulationError, type ScenarioBuilderResponse, type ScenarioInput } from '@parallele/core';
import { buildChart } from './charts';
import type { ChartLang } from './chart-words';
import { checkScenarioAgainstData, computeScenario, ScenarioRunError, type ScenarioData } from './compute';
import { uidChecker } from './data';
import { parseScenario } from './load';

/** Rows of the table sent to the page (the CSV has them all). */
const PREVIEW_ROWS = 200;

/** A scenario's content as the YAML file the CLI reads, with a comment saying where it came from. */
export function scenarioYaml(input: ScenarioInput, permalink?: string): string {
  const head = ['# Scénario construit avec le constructeur de MaVoix · Législature parallèle.', ...(permalink ? [`# Lien : ${permalink}`] : []), '# Lancer : npm run scenario -- FICHIER.yaml', ''];
  return `${head.join('\n')}${stringify(input, { lineWidth: 0 })}`;
}

/** A file name stem from a title: lower-case ASCII words joined by hyphens. */
export const scenarioSlug = (title: string) =>
  title.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '') || 'scenario';

/**
 * What the scenario builder shows: the scenario written as YAML, then read back through the CLI's
 * own loader (schema, uids, K against the data — `ScenarioLoadError` if anything is wrong), and
 * computed by the CLI's own code on the same data, so the page's figures are the CLI's.
 * Charts are drawn as SVG markup (no PNG: the browser rasterises what it downloads).
 */
export function previewScenario(input: ScenarioInput, data: ScenarioData, opts: { permalink?: string; lang?: ChartLang } = {}): Omit<ScenarioBuilderResponse, 'computeMs'> {
  const yaml = scenarioYaml(input, opts.permalink);
  const name = scenarioSlug(input.title);
  const scenario = parseScenario(yaml, `${name}.yaml`, { exists: uidChecker(data), check: (s) => checkScenarioAgainstData(s, data) });
  const computed = computeScenario(scenario, data);
  const charts = scenario.charts.map((spec, i) => {
    try {
      const c = buildChart(computed, spec, i, data, opts.lang);
      return { name: c.name, type: c.type, title: c.title, svg: renderToStaticMarkup(c.element), context: { title: c.context.title, lines: [...c.context.lines] }, csv: c.csv, interactiveUrl: c.interactiveUrl };
    } catch (e) {
      if (isSimulationError(e) || e instanceof ScenarioRunError) throw new ScenarioRunError(`charts[${i}] (${spec.type}): ${e.message}`);
      throw e;
    }
  });
  return {
    yaml,
    name,
    scrutinCount: computed.rows.length,
    keyFigures: computed.keyFigures,
    ks: computed.ks,
    tableK: computed.tableK,
    modes: scenario.mode,
    rows: computed.rows.slice(0, PREVIEW_ROWS).map((r) => r.row),
    rowsOmitted: Math.max(0, computed.rows.length - PREVIEW_ROWS),
    excluded: computed.excluded,
    charts,
  };
}
