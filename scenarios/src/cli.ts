import { Command } from 'commander';
import { formatScenarioError, ScenarioLoadError } from './load';
import { DEFAULT_OUT_DIR, listScenarioFiles, runScenarioFile } from './run';
import { loadBundledData } from './data';

/**
 * `npm run scenario -- scenarios/NAME.yaml [--out DIR] [--json]`, or `--all`. Exit code 1 when a
 * file is invalid (every error printed as file:line:col field: message) or a run fails.
 */
const program = new Command()
  .name('scenario')
  .description('Runs "what if" scenario files: charts (SVG, PNG), data (CSV) and a report (Markdown, HTML)')
  .argument('[files...]', 'scenario files (scenarios/NAME.yaml)')
  .option('--all', 'run every scenario in scenarios/')
  .option('--out <dir>', 'output folder (one sub-folder per scenario)', DEFAULT_OUT_DIR)
  .option('--json', 'print the results as JSON instead of a summary')
  .action(async (files: string[], opts: { all?: boolean; out: string; json?: boolean }) => {
    const list = opts.all ? await listScenarioFiles() : files;
    if (list.length === 0) program.error('give a scenario file or --all');
    const data = loadBundledData();
    const results = [];
    let failed = 0;
    for (const file of list) {
      try {
        const out = await runScenarioFile(file, { outDir: opts.out, data });
        results.push(out.result);
        if (!opts.json) {
          console.log(`✔ ${out.name} → ${out.dir}`);
          for (const f of out.result.keyFigures.slice(0, 12)) console.log(`    ${f.label}: ${f.value ?? '—'}${f.detail ? ` (${f.detail})` : ''}`);
        }
      } catch (e) {
        failed++;
        if (e instanceof ScenarioLoadError) for (const err of e.errors) console.error(formatScenarioError(err));
        else console.error(`${file}: ${(e as Error).message}`);
      }
    }
    if (opts.json) console.log(JSON.stringify(list.length === 1 && !opts.all ? results[0] ?? null : results, null, 2));
    if (failed > 0) process.exitCode = 1;
  });

await program.parseAsync();
