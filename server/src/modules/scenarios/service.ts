import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DEFAULT_OUT_DIR,
  SCENARIOS_DIR,
  formatScenarioError,
  listScenarioFiles,
  loadBundledData,
  loadScenarioFile,
  renderComputed,
  runScenarioFile,
  scenarioName,
  ScenarioLoadError,
  type ChartLang,
  type ComputedScenario,
  type ScenarioOutput,
} from '@parallele/scenarios';
import { ScenarioResultSchema } from '@parallele/core';
import type { PlatformTallyName, ScenarioDetailResponse, ScenarioListResponse, ScenarioResult } from '@parallele/core';
import type { PlatformTallies } from './platform-votes';
import { AppError } from '../../errors';
import type { Logger } from '../../logger';

export interface ScenariosServiceOptions {
  /** folder of the scenario YAML files */
  scenariosDir?: string;
  /** where the runner writes (and the API reads) each scenario's outputs */
  outDir?: string;
  /** the live citizens' tallies, for `split.source: platform` scenarios (read before each run) */
  platformTallies?: PlatformTallies;
  /** calls back with the scrutins whose tallies changed (votes cast, moderation); returns an unsubscribe */
  onTalliesChanged?: (listener: (uids: readonly string[]) => void) => () => void;
  /**
   * A platform scenario whose tallies changed is recomputed on the next request, but at most once
   * per this many ms (rendering its charts blocks the event loop the votes are acknowledged on).
   */
  platformRefreshMs?: number;
}

interface PlatformEntry {
  output: ScenarioOutput;
  /** every selected scrutin, excluded ones too: a first vote on one changes the figures */
  uids: ReadonlySet<string>;
  stale: boolean;
  at: number;
  mtimeMs: number;
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
  const refreshMs = opts.platformRefreshMs ?? 5000;

  /*
   * `platform` scenarios depend on the live tallies: they are computed in memory (never written
   * to scenarios/out, which holds what the CLI computed from whatever store it was given), and
   * marked stale when a vote or a moderation decision touches one of their scrutins.
   */
  const platform = new Map<string, PlatformEntry>();
  const platformInFlight = new Map<string, Promise<ScenarioOutput>>();
  const kinds = new Map<string, { mtimeMs: number; platform: PlatformTallyName | null }>();
  let changeSeq = 0;
  const changedAt = new Map<string, number>();
  const unsubscribe = opts.onTalliesChanged?.((uids) => {
    changeSeq++;
    for (const uid of uids) changedAt.set(uid, changeSeq);
    for (const entry of platform.values()) if (!entry.stale && uids.some((u) => entry.uids.has(u))) entry.stale = true;
  });

  /** `platform`: the tally a platform scenario reads, null for the others */
  async function isPlatform(file: string): Promise<{ platform: PlatformTallyName | null; mtimeMs: number }> {
    const { mtimeMs } = await stat(file);
    const known = kinds.get(file);
    if (known?.mtimeMs === mtimeMs) return known;
    let isIt: PlatformTallyName | null = null;
    try {
      const { split } = await loadScenarioFile(file);
      if (split.source === 'platform') isIt = split.tally;
    } catch (e) {
      // an invalid file takes the ordinary path, which reports every error
      if (!(e instanceof ScenarioLoadError)) throw e;
    }
    const kind = { mtimeMs, platform: isIt };
    kinds.set(file, kind);
    return kind;
  }

  /** Platform scenarios are kept per language: `name|lang`. */
  async function platformOutput(name: string, file: string, mtimeMs: number, tally: PlatformTallyName, lang: ChartLang): Promise<ScenarioOutput> {
    const key = `${name}|${lang}`;
    const hit = platform.get(key);
    if (hit && hit.mtimeMs === mtimeMs && (!hit.stale || Date.now() - hit.at < refreshMs)) return hit.output;
    let run = platformInFlight.get(key);
    if (!run) {
      const startSeq = changeSeq;
      const tallies = opts.platformTallies;
      run = (tallies ? tallies(tally) : Promise.resolve(undefined))
        .then((platformVotes) => runScenarioFile(file, { data: { ...loadBundledData(), ...(platformVotes ? { platformVotes } : {}) }, write: false, lang }))
        .then((output) => {
          const uids = new Set([...output.computed.rows.map((r) => r.row.uid), ...output.computed.excluded.map((x) => x.uid)]);
          // a vote committed while the run was reading the tallies: recompute on the next request
          const stale = [...uids].some((u) => (changedAt.get(u) ?? 0) > startSeq);
          platform.set(key, { output, uids, stale, at: Date.now(), mtimeMs });
          return output;
        })
        .catch(invalid(name))
        .finally(() => platformInFlight.delete(key));
      platformInFlight.set(key, run);
    }
    return run;
  }

  /*
   * The files on disk are what the CLI wrote, in French. Another language is drawn in memory on
   * first request and kept per `name|lang` until the YAML file changes (its mtime).
   */
  const translated = new Map<string, { output: ScenarioOutput; mtimeMs: number }>();
  const translatedInFlight = new Map<string, Promise<ScenarioOutput>>();
  // the last computation of each scenario (any language): another language only redraws it
  const computedOf = new Map<string, { computed: ComputedScenario; mtimeMs: number }>();
  async function translatedOutput(name: string, file: string, mtimeMs: number, lang: ChartLang): Promise<ScenarioOutput> {
    const key = `${name}|${lang}`;
    const hit = translated.get(key);
    if (hit?.mtimeMs === mtimeMs) return hit.output;
    const known = computedOf.get(name);
    if (known?.mtimeMs === mtimeMs) {
      const output = renderComputed(name, known.computed, loadBundledData(), { lang });
      translated.set(key, { output, mtimeMs });
      return output;
    }
    let run = translatedInFlight.get(key);
    if (!run) {
      run = runScenarioFile(file, { data: loadBundledData(), write: false, lang })
        .then((output) => {
          translated.set(key, { output, mtimeMs });
          computedOf.set(name, { computed: output.computed, mtimeMs });
          return output;
        })
        .catch(invalid(name))
        .finally(() => translatedInFlight.delete(key));
      translatedInFlight.set(key, run);
    }
    return run;
  }

  /** The in-memory output a scenario is served from in this language, or null (the CLI's files). */
  function liveOutput(name: string, lang: ChartLang): ScenarioOutput | null {
    return platform.get(`${name}|${lang}`)?.output ?? translated.get(`${name}|${lang}`)?.output ?? null;
  }

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

  async function result(name: string, lang: ChartLang = 'fr'): Promise<ScenarioResult> {
    const file = await fileOf(name);
    const kind = await isPlatform(file);
    if (kind.platform) return (await platformOutput(name, file, kind.mtimeMs, kind.platform, lang)).result;
    if (lang !== 'fr') return (await translatedOutput(name, file, kind.mtimeMs, lang)).result;
    const ready = await fresh(name, file);
    if (ready) return ready;
    let run = inFlight.get(name);
    if (!run) {
      run = runScenarioFile(file, { outDir, data: loadBundledData() })
        .then((o) => {
          computedOf.set(name, { computed: o.computed, mtimeMs: kind.mtimeMs });
          return o.result;
        })
        .catch(invalid(name))
        .finally(() => inFlight.delete(name));
      inFlight.set(name, run);
    }
    return run;
  }

  /** French, the files' language, needs no parameter; another language is asked for in the URL. */
  const chartUrl = (name: string, file: string, lang: ChartLang) => `/api/scenarios/${name}/charts/${file}${lang === 'fr' ? '' : `?lang=${lang}`}`;
  const chartUrls = (name: string, files: { svg: string; png: string; csv: string }, lang: ChartLang) => ({
    svg: chartUrl(name, files.svg, lang),
    png: chartUrl(name, files.png, lang),
    csv: chartUrl(name, files.csv, lang),
  });

  return {
    async list(lang: ChartLang = 'fr'): Promise<ScenarioListResponse> {
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
          thumbnail: r.thumbnail ? chartUrl(name, r.thumbnail, lang) : null,
          interactiveUrl: r.interactiveUrl,
          url: `/api/scenarios/${name}`,
        });
      }
      return { scenarios };
    },

    /** One scenario, its chart titles and images in `lang` (default French). */
    async get(name: string, lang: ChartLang = 'fr'): Promise<ScenarioDetailResponse> {
      const r = await result(name, lang);
      return { ...r, charts: r.charts.map((c) => ({ ...c, urls: chartUrls(name, c.files, lang) })) };
    },

    async chartFile(name: string, chart: string, lang: ChartLang = 'fr'): Promise<{ body: Buffer; contentType: string }> {
      const r = await result(name, lang);
      const ext = chart.slice(chart.lastIndexOf('.') + 1) as keyof typeof CONTENT_TYPES;
      const known = r.charts.find((c) => c.files[ext] === chart);
      if (!known) throw AppError.notFound(`Scenario ${name} has no chart file ${chart}`, { param: 'chart' });
      const output = liveOutput(name, lang);
      const live = output?.charts.find((c) => c.chart.name === known.name);
      if (live && output?.result === r) {
        const body = ext === 'png' ? live.png : Buffer.from(ext === 'svg' ? live.svg : live.chart.csv, 'utf8');
        return { body, contentType: CONTENT_TYPES[ext] };
      }
      return { body: await readFile(join(outDir, name, chart)), contentType: CONTENT_TYPES[ext] };
    },

    /** stop listening to tally changes (an app being closed) */
    close() {
      unsubscribe?.();
    },
  };
}
export type ScenariosService = ReturnType<typeof createScenariosService>;

/** A scenario file that fails validation is a bug of the shipped files: a 500 listing every error. */
const invalid = (name: string) => (e: unknown): never => {
  if (e instanceof ScenarioLoadError) throw AppError.internal(`Scenario ${name} is invalid:\n${e.errors.map(formatScenarioError).join('\n')}`, e);
  throw e;
};

/**
 * Runs the gallery's list computation once, so the first visitor does not wait for it. Never
 * throws: a failure is logged and the gallery computes on first request as before.
 */
export async function warmScenarios(service: Pick<ScenariosService, 'list'>, logger: Pick<Logger, 'info' | 'warn'>): Promise<void> {
  const started = Date.now();
  try {
    const { scenarios } = await service.list();
    logger.info({ scenarios: scenarios.length, ms: Date.now() - started }, 'Scenario gallery warmed');
  } catch (error) {
    logger.warn({ err: error }, 'Warming the scenario gallery failed: it will be computed on first request');
  }
}
