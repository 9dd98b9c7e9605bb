import { Command } from 'commander';
import type { PlatformTallyName, PlatformVotes } from '@parallele/core';
import { PLATFORM_NEEDS_STORE, ScenarioRunError, type ScenarioData } from './compute';
import { loadBundledData } from './data';
import { formatScenarioError, loadScenarioFile, ScenarioLoadError } from './load';
import { DEFAULT_OUT_DIR, listScenarioFiles, runScenarioFile } from './run';

/**
 * Opens the platform's votes in a store (`file:data/parallele.db`): supplied by the server's wrapper.
 * The store answers asynchronously and the runner asks synchronously: `platformTallies` reads one
 * tally of every voted scrutin before a run and returns the runner's lookup.
 */
export type PlatformVotesOpener = (databaseUrl: string) => Promise<{ platformTallies(tally: PlatformTallyName): Promise<PlatformVotes>; close(): Promise<void> | void }>;

export interface ScenarioCliOptions {
  /**
   * Without it (this workspace alone, which may not import the server) `--database` is refused
   * and `split.source: platform` scenarios fail with PLATFORM_NEEDS_STORE.
   */
  openPlatformVotes?: PlatformVotesOpener;
  env?: Record<string, string | undefined>;
}

interface CliFlags {
  all?: boolean;
  out: string;
  json?: boolean;
  database?: string;
}

/**
 * `scenario FILES… [--out DIR] [--json] [--database URL]`, or `--all`. Exit code 1 when a file is
 * invalid (every error printed as file:line:col field: message) or a run fails. The store is
 * opened only when a `platform` scenario asks for votes; `--all` without a store skips those
 * (a warning line each) instead of failing, a named file fails.
 */
export function scenarioProgram(cli: ScenarioCliOptions = {}): Command {
  const env = cli.env ?? process.env;
  const program = new Command()
    .name('scenario')
    .description('Runs "what if" scenario files: charts (SVG, PNG), data (CSV) and a report (Markdown, HTML)')
    .argument('[files...]', 'scenario files (scenarios/NAME.yaml)')
    .option('--all', 'run every scenario in scenarios/')
    .option('--out <dir>', 'output folder (one sub-folder per scenario)', DEFAULT_OUT_DIR)
    .option('--json', 'print the results as JSON instead of a summary')
    .option('--database <url>', "store holding the citizens' votes, for split.source: platform (default: DATABASE_URL)")
    .action(async (files: string[], opts: CliFlags) => {
      const list = opts.all ? await listScenarioFiles() : files;
      if (list.length === 0) program.error('give a scenario file or --all');
      if (opts.database && !cli.openPlatformVotes)
        program.error("--database: this runner cannot read the store; run it as `npm run scenario` (server/src/cli/scenario.ts), which can");
      const url = opts.database ?? (env.DATABASE_URL || undefined);
      let store: ReturnType<PlatformVotesOpener> | null = null;
      const bundled = loadBundledData();
      const opener = cli.openPlatformVotes;
      // opened for the first platform scenario, so offline scenarios never touch it
      const dataFor = async (file: string): Promise<ScenarioData> => {
        if (!url || !opener) return bundled;
        // an invalid file takes the ordinary path, which reports every error
        const split = (await loadScenarioFile(file).catch(() => null))?.split;
        if (split?.source !== 'platform') return bundled;
        return { ...bundled, platformVotes: await (await (store ??= opener(url))).platformTallies(split.tally) };
      };
      const results = [];
      let failed = 0;
      try {
        for (const file of list) {
          try {
            const out = await runScenarioFile(file, { outDir: opts.out, data: await dataFor(file), social: true });
            results.push(out.result);
            if (!opts.json) {
              console.log(`✔ ${out.name} → ${out.dir}`);
              for (const f of out.result.keyFigures.slice(0, 12)) console.log(`    ${f.label}: ${f.value ?? '—'}${f.detail ? ` (${f.detail})` : ''}`);
            }
          } catch (e) {
            if (opts.all && e instanceof ScenarioRunError && e.message === PLATFORM_NEEDS_STORE) {
              console.error(`– ${file}: skipped, ${PLATFORM_NEEDS_STORE}`);
              continue;
            }
            failed++;
            if (e instanceof ScenarioLoadError) for (const err of e.errors) console.error(formatScenarioError(err));
            else console.error(`${file}: ${(e as Error).message}`);
          }
        }
      } finally {
        // a store that failed to open was reported with the scenario that asked for it
        await (await (store as ReturnType<PlatformVotesOpener> | null)?.catch(() => null))?.close();
      }
      if (opts.json) console.log(JSON.stringify(list.length === 1 && !opts.all ? (results[0] ?? null) : results, null, 2));
      if (failed > 0) process.exitCode = 1;
    });
  return program;
}
