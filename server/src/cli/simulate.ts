import { Command } from 'commander';
import { CurveQuerySchema, SimulationQuerySchema, type Scrutin } from '@parallele/core';
import { CliError, describeScrutin, pad, parseOptions, runCli, withStore } from './common';
import { curveOf, loadScrutin, readScrutinsFromSource, simulationOf } from '../modules/simulation';

/**
 * `npm run simulate -- --scrutin UID --k K --split P,C,A [--mode M] [--method X] [--from PATH] [--json]`
 * prints the parallel result of one scrutin; `--curve FROM..TO` prints the K-curve instead.
 * Reads the store (DATABASE_URL) unless --from names an official bundle, folder or zip.
 */
interface Options {
  scrutin: string;
  k?: string;
  split: string;
  mode?: string;
  method?: string;
  from?: string;
  curve?: string;
  json?: boolean;
}

const program = new Command()
  .name('simulate')
  .description('Résultat parallèle d’un scrutin avec K députés MaVoix / parallel result of a scrutin with K MaVoix deputies')
  .requiredOption('--scrutin <uid>', 'scrutin uid, e.g. VTANR5L17V3260')
  .option('--k <k>', 'number K of MaVoix deputies (required without --curve)')
  .requiredOption('--split <p,c,a>', 'citizens’ split pour,contre,abstention (counts or percentages)')
  .option('--mode <mode>', 'proportional (default), added, group:<organeRef>, deputies:<ref,…>')
  .option('--method <method>', 'largest-remainder (default), dhondt, sainte-lague, majority')
  .option('--from <path>', 'read an official bundle, folder or zip instead of the store')
  .option('--curve <from..to>', 'print the K-curve for K in FROM..TO (TO may be omitted: up to M)')
  .option('--json', 'print JSON')
  .showHelpAfterError();

async function load(uid: string, from: string | undefined): Promise<Scrutin> {
  const s = from ? (await readScrutinsFromSource(from, { uid }))[0] : await withStore((db) => loadScrutin(db, uid));
  if (!s) throw new CliError(`--scrutin: no scrutin ${uid} in ${from ?? 'the store (run npm run import first, or pass --from)'}`);
  return s;
}

const outcomeLabel = (o: string) => (o === 'adopté' ? 'adopté' : 'rejeté');

runCli(async () => {
  program.parse();
  const o = program.opts<Options>();
  if (o.curve !== undefined) {
    const m = /^(\d+)\.\.(\d*)$/.exec(o.curve.trim());
    if (!m) throw new CliError(`--curve: expected FROM..TO such as 0..577, got "${o.curve}"`);
    const query = parseOptions(CurveQuerySchema, { split: o.split, mode: o.mode, method: o.method, from: m[1], to: m[2] || undefined });
    const s = await load(o.scrutin, o.from);
    const curve = curveOf(s, query);
    if (o.json) return void console.log(JSON.stringify(curve));
    console.log(describeScrutin(s));
    console.log(`mode ${curve.mode}, méthode ${curve.method}, répartition ${curve.split.join('/')}, officiel : ${curve.officialOutcome}`);
    console.log(`${pad('K', 5)} ${pad('pour', 6)} ${pad('contre', 6)} ${pad('abst.', 6)} ${pad('requis', 6)} ${pad('marge', 6)}  résultat`);
    for (const p of curve.points) {
      console.log(`${pad(p.k, 5)} ${pad(p.pour, 6)} ${pad(p.contre, 6)} ${pad(p.abstentions, 6)} ${pad(p.required, 6)} ${pad(p.margin, 6)}  ${p.outcome}${p.outcome !== curve.officialOutcome ? ' *' : ''}`);
    }
    console.log(curve.firstFlip === null ? 'Le résultat ne bascule pas dans cet intervalle.' : `Premier basculement : K = ${curve.firstFlip}`);
    return;
  }
  if (o.k === undefined) throw new CliError('--k: required (or pass --curve FROM..TO)');
  const query = parseOptions(SimulationQuerySchema, { k: o.k, split: o.split, mode: o.mode, method: o.method });
  const s = await load(o.scrutin, o.from);
  const r = simulationOf(s, query);
  if (o.json) {
    const { uid, type, k, mode, method, split, official, parallel, flipped, tippingPoint } = r;
    return void console.log(JSON.stringify({ uid, type, k, mode, method, split, official, parallel, flipped, tippingPoint }));
  }
  console.log(describeScrutin(s));
  console.log(`K = ${r.k} députés MaVoix, mode ${r.mode}, méthode ${r.method}, répartition ${r.split.join('/')}`);
  console.log(`bloc MaVoix : ${r.bloc.pour} pour, ${r.bloc.contre} contre, ${r.bloc.abstentions} abstentions ; retirés : ${r.removed.pour} pour, ${r.removed.contre} contre, ${r.removed.abstentions} abstentions`);
  console.log(`${''.padEnd(10)} ${pad('pour', 6)} ${pad('contre', 6)} ${pad('abst.', 6)} ${pad('requis', 6)}  résultat`);
  for (const [label, t] of [['officiel', r.official], ['parallèle', r.parallel]] as const) {
    console.log(`${label.padEnd(10)} ${pad(t.pour, 6)} ${pad(t.contre, 6)} ${pad(t.abstentions, 6)} ${pad(t.required, 6)}  ${outcomeLabel(t.outcome)}`);
  }
  console.log(r.flipped ? 'Le résultat bascule.' : 'Le résultat ne change pas.');
  console.log(r.tippingPoint === null ? 'Point de bascule : aucun (avec cette répartition).' : `Point de bascule K* = ${r.tippingPoint} (avec cette répartition).`);
});
