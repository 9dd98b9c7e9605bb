import { Command } from 'commander';
import { LeverageCliQuerySchema, LeverageParamsSchema, toSimScrutin } from '@parallele/core';
import { parseOptions, pad, runCli, withStore, CliError } from './common';
import { leverageOf, loadLegislature, readScrutinsFromSource } from '../modules/simulation';

/**
 * `npm run leverage -- --legislature N [--ks 1,2,5,10,20,50 (any number of K)] [--mode M] [--from PATH] [--json]`:
 * how many scrutins of the legislature a bloc of K could have overturned with the best-case split
 * (all contre on an adopted text, all pour on a rejected one).
 */
interface Options {
  legislature: string;
  ks?: string;
  mode?: string;
  from?: string;
  json?: boolean;
}

const program = new Command()
  .name('leverage')
  .description('Levier d’une législature / leverage of a legislature: scrutins a bloc of K could overturn')
  .requiredOption('--legislature <n>', 'legislature number, e.g. 17')
  .option('--ks <list>', 'comma-separated K values (default 1,2,5,10,20,50)')
  .option('--mode <mode>', 'proportional (default), added, group:<organeRef>')
  .option('--from <path>', 'read an official bundle, folder or zip instead of the store')
  .option('--json', 'print JSON')
  .showHelpAfterError();

runCli(async () => {
  program.parse();
  const o = program.opts<Options>();
  const { n } = parseOptions(LeverageParamsSchema, { n: o.legislature });
  const query = parseOptions(LeverageCliQuerySchema, { ks: o.ks, mode: o.mode });
  const scrutins = o.from ? await readScrutinsFromSource(o.from, { legislature: n }) : await withStore((db) => loadLegislature(db, n));
  if (scrutins.length === 0) throw new CliError(`--legislature: no scrutin of legislature ${n} in ${o.from ?? 'the store (run npm run import first, or pass --from)'}`);
  const r = leverageOf(n, scrutins.map((s) => toSimScrutin(s)), query);
  if (o.json) return void console.log(JSON.stringify(r));
  console.log(`${r.legislature}e législature, mode ${r.mode} : ${r.scrutins} scrutins`);
  console.log(`${pad('K', 5)} ${pad('basculables', 12)} ${pad('%', 7)}`);
  for (const [k, count] of Object.entries(r.flippable)) console.log(`${pad(k, 5)} ${pad(count, 12)} ${pad(((100 * count) / r.scrutins).toFixed(1), 7)}`);
});
