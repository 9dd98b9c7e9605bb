import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { isSimulationError, ScenarioResultSchema } from '@parallele/core';
import type { Scenario, ScenarioResult } from '@parallele/core';
import { posterSvg, SOCIAL_FORMATS, sourceLine, svgSize, type SocialFormat } from '@parallele/charts';
import { buildChart, type BuiltChart } from './charts';
import type { ChartLang } from './chart-words';
import { checkScenarioAgainstData, computeScenario, ScenarioRunError, type ComputedScenario, type ScenarioData } from './compute';
import { loadBundledData, uidChecker } from './data';
import { loadScenarioFile } from './load';
import { svgToPng } from './render/png';
import { renderSvg } from './render/svg';
import { reportHtml, reportMarkdown } from './report';

export const SCENARIOS_DIR = resolve(dirname(new URL(import.meta.url).pathname), '..');
export const DEFAULT_OUT_DIR = join(SCENARIOS_DIR, 'out');
/** rows kept in result.json (the table CSV has them all) */
const MAX_JSON_ROWS = 600;

export const scenarioName = (file: string) => basename(file).replace(/\.ya?ml$/, '');

export interface RenderedChart {
  chart: BuiltChart;
  /** the chart with its context, at the chart's own width */
  svg: string;
  /** the same for a social format (rendered when the files are written) */
  social: (format: SocialFormat) => string;
  png: Buffer;
  width: number;
  height: number;
}

export interface ScenarioOutput {
  name: string;
  result: ScenarioResult;
  computed: ComputedScenario;
  charts: RenderedChart[];
  markdown: string;
  html: string;
}

function splitDto(s: Scenario, computed: ComputedScenario): ScenarioResult['split'] {
  const src = s.split;
  if (src.source === 'fixed' || src.source === 'poll') {
    const overrides = Object.fromEntries(Object.entries(src.overrides ?? {}).map(([uid, w]) => [uid, [w.pour, w.contre, w.abstention] as [number, number, number]]));
    return {
      source: src.source,
      weights: [src.pour, src.contre, src.abstention],
      rationale: src.source === 'fixed' ? src.rationale : null,
      citations: src.source === 'poll' ? src.citations : [],
      overrides,
    };
  }
  if (src.source === 'platform') {
    const f = src.fallback;
    const withVotes = computed.rows.filter((r) => r.row.platform?.used === 'platform');
    const platform = {
      tally: src.tally,
      minVotes: src.minVotes,
      whenNoVotes: src.whenNoVotes,
      fallback: f ? ([f.pour, f.contre, f.abstention] as [number, number, number]) : null,
      fallbackRationale: f?.rationale ?? null,
      scrutinsWithVotes: withVotes.length,
      scrutinsWithoutVotes: computed.rows.length - withVotes.length + computed.excluded.length,
      votes: withVotes.reduce((n, r) => n + (r.row.platform?.total ?? 0), 0),
    };
    return { source: src.source, weights: null, rationale: null, citations: [], overrides: {}, platform };
  }
  return { source: src.source, weights: null, rationale: null, citations: [], overrides: {} };
}

export interface RenderOptions {
  /** the site's address, so that the images' source line gives a full link (else the path alone) */
  publicUrl?: string;
  /** the language of the charts' words (default French, what the CLI writes) */
  lang?: ChartLang;
}

/** Computes a scenario and renders every chart and the report, in memory. */
export function renderScenario(name: string, scenario: Scenario, data: ScenarioData, opts: RenderOptions = {}): ScenarioOutput {
  return renderComputed(name, computeScenario(scenario, data), data, opts);
}

/**
 * Renders an already computed scenario (the computation, seconds for a legislature, does not
 * depend on the language: the gallery draws a second language from the first one's).
 */
export function renderComputed(name: string, computed: ComputedScenario, data: ScenarioData, opts: RenderOptions = {}): ScenarioOutput {
  const { scenario } = computed;
  const charts = scenario.charts.map((spec, i) => {
    let chart: BuiltChart;
    try {
      chart = buildChart(computed, spec, i, data, opts.lang);
    } catch (e) {
      if (isSimulationError(e) || e instanceof ScenarioRunError) throw new ScenarioRunError(`charts[${i}] (${spec.type}): ${e.message}`);
      throw e;
    }
    const link = `${(opts.publicUrl ?? '').replace(/\/$/, '')}${chart.interactiveUrl ?? '/scenarios'}`.replace(/%2C/g, ',');
    // every image carries its context: the vote, the date, the settings and outcome in words, the source
    const bare = renderSvg(chart.element);
    const context = { ...chart.context, source: sourceLine(link, opts.lang) };
    const svg = posterSvg(bare, context);
    const size = svgSize(svg) ?? { width: 0, height: 0 };
    // rasterised when first asked (about 0.5 s a chart): the gallery in English draws only what is viewed
    let png: Buffer | undefined;
    const social = (format: SocialFormat) => posterSvg(bare, context, format);
    return { chart, svg, social, get png() { return (png ??= svgToPng(svg)); }, width: size.width, height: size.height };
  });
  const names = new Set<string>();
  for (const c of charts) {
    if (names.has(c.chart.name)) c.chart.name = `${c.chart.name}-${names.size + 1}`;
    names.add(c.chart.name);
  }
  const table = scenario.charts.find((c) => c.type === 'table');
  const tableRows = table?.type === 'table' && table.rows === 'flipped' ? computed.rows.filter((r) => Object.values(r.row.modes).some((m) => m.flipped)) : computed.rows;
  const first = charts.find((c) => c.chart.interactiveUrl);
  const result = ScenarioResultSchema.parse({
    name,
    title: scenario.title,
    titleEn: scenario.titleEn ?? null,
    description: scenario.description,
    descriptionEn: scenario.descriptionEn ?? null,
    scrutinCount: computed.rows.length,
    keyFigures: computed.keyFigures,
    thumbnail: charts[0] ? `${charts[0].chart.name}.svg` : null,
    interactiveUrl: first?.chart.interactiveUrl ?? null,
    sources: scenario.sources,
    modes: scenario.mode,
    method: scenario.method,
    ks: computed.ks,
    tableK: computed.tableK,
    split: splitDto(scenario, computed),
    leverage: computed.leverage,
    charts: charts.map((c) => ({
      name: c.chart.name,
      type: c.chart.type,
      title: c.chart.title,
      width: c.width,
      height: c.height,
      files: { svg: `${c.chart.name}.svg`, png: `${c.chart.name}.png`, csv: `${c.chart.name}.csv` },
      interactiveUrl: c.chart.interactiveUrl,
    })),
    rows: tableRows.slice(0, MAX_JSON_ROWS).map((r) => r.row),
    rowsOmitted: Math.max(0, tableRows.length - MAX_JSON_ROWS),
    excluded: computed.excluded,
  });
  const svgs = new Map(charts.map((c) => [c.chart.name, c.svg]));
  return { name, result, computed, charts, markdown: reportMarkdown(result), html: reportHtml(result, svgs) };
}

/**
 * Writes the outputs into `outDir/NAME/`: first into a sibling temporary folder, then swapped in,
 * so that a failure never leaves a half-written report behind.
 */
export async function writeScenarioOutput(out: ScenarioOutput, outDir: string, opts: { social?: boolean } = {}): Promise<string> {
  const target = join(outDir, out.name);
  const tmp = join(outDir, `.${out.name}.tmp-${process.pid}`);
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  for (const c of out.charts) {
    await writeFile(join(tmp, `${c.chart.name}.svg`), c.svg);
    await writeFile(join(tmp, `${c.chart.name}.png`), c.png);
    await writeFile(join(tmp, `${c.chart.name}.csv`), c.chart.csv);
    // ready to post: 1200×675, 1080×1080, 1080×1350, laid out for the size (the CLI asks for them;
    // the server's gallery skips them: three more rasterisations per chart, about 0.5 s each here)
    for (const format of opts.social ? (Object.keys(SOCIAL_FORMATS) as SocialFormat[]) : []) {
      const { width, height } = SOCIAL_FORMATS[format];
      await writeFile(join(tmp, `${c.chart.name}-${width}x${height}.png`), svgToPng(c.social(format)));
    }
  }
  await writeFile(join(tmp, 'result.json'), `${JSON.stringify(out.result, null, 2)}\n`);
  await writeFile(join(tmp, 'report.md'), out.markdown);
  await writeFile(join(tmp, 'report.html'), out.html);
  await rm(target, { recursive: true, force: true });
  await rename(tmp, target);
  return target;
}

/** Loads (with every uid checked against the data), computes, renders and writes one scenario file. */
export async function runScenarioFile(file: string, opts: { outDir?: string; data?: ScenarioData; write?: boolean; social?: boolean } & RenderOptions = {}): Promise<ScenarioOutput & { dir: string | null }> {
  const data = opts.data ?? loadBundledData();
  const scenario = await loadScenarioFile(file, { exists: uidChecker(data), check: (s) => checkScenarioAgainstData(s, data) });
  const output = renderScenario(scenarioName(file), scenario, data, { publicUrl: opts.publicUrl, lang: opts.lang });
  const dir = opts.write === false ? null : await writeScenarioOutput(output, opts.outDir ?? DEFAULT_OUT_DIR, { social: opts.social });
  return { ...output, dir };
}

/** The shipped scenario files, sorted. */
export async function listScenarioFiles(dir = SCENARIOS_DIR): Promise<string[]> {
  return (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(dir, f));
}
