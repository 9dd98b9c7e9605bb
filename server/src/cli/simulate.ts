import { Command } from 'commander';
import { CliError, describeScrutin, pad, parseOptions, runCli, withStore } from './common';
import { curveOf, loadScrutin, readScrutinsFromSource, simulationOf } from '../modules/simulation';
import { CurveQuerySchema, ElectionRoundParamsSchema, ElectionSimulationQuerySchema, epVoteId, SimulationQuerySchema, type Scrutin } from '@parallele/core';
import { loadConfig } from '../config';
import { openStore } from '../db/client';
import { createElectionsService } from '../modules/elections';

/**
 * `npm run simulate -- --scrutin UID --k K --split P,C,A [--mode M] [--method X] [--from PATH] [--json]`
 * prints the parallel result of one scrutin; `--curve FROM..TO` prints the K-curve instead.
 * Reads the store (DATABASE_URL) unless --from names an official bundle, folder or zip.
 */
interface Options {
  scrutin?: string;
  election?: string;
  round?: string;
  k?: string;
  split?: string;
  mode?: string;
  method?: string;
  from?: string;
  curve?: string;
  json?: boolean;
}

const program = new Command()
  .name('simulate')
  .description('Résultat parallèle d’un scrutin avec K députés MaVoix / parallel result of a scrutin with K MaVoix deputies')
  .option('--scrutin <uid>', 'scrutin uid, e.g. VTANR5L17V3260 (or PEL10V169362 for a European Parliament vote)')
  .option('--election <id>', 'a multi-candidate election instead, e.g. president-an-2024 (with --round)')
  .option('--round <n>', 'the round of --election (1, 2, 3…)')
  .option('--k <k>', 'number K of MaVoix deputies (required without --curve)')
  .option('--split <p,c,a>', 'citizens’ split pour,contre,abstention (counts or percentages); for --election one weight per candidate (default: the platform’s ballots)')
  .option('--mode <mode>', 'proportional (default), added, group:<organeRef>, deputies:<ref,…>')
  .option('--method <method>', 'largest-remainder (default), dhondt, sainte-lague, majority')
  .option('--from <path>', 'read an official bundle, folder or zip instead of the store')
  .option('--curve <from..to>', 'print the K-curve for K in FROM..TO (TO may be omitted: up to M)')
  .option('--json', 'print JSON')
  .showHelpAfterError();

async function load(uid: string, from: string | undefined): Promise<Scrutin> {
  const s = from ? (await readScrutinsFromSource(from, { uid }))[0] : await withStore((db) => loadScrutin(db, uid), { europeanParliament: epVoteId(uid) !== null });
  if (!s) throw new CliError(`--scrutin: no scrutin ${uid} in ${from ?? 'the store (run npm run import first, or pass --from)'}`);
  return s;
}

/**
 * `npm run simulate -- --election president-an-2024 --round 3 --k 20 [--split 0,1,0,0] [--mode added] [--json]`
 * (issue 15 §3): what K MaVoix deputies casting the split over the candidates would have done in
 * that round. Without --split, the platform's ballots in the store (an even split when none).
 */
interface ElectionCliOptions {
  election: string;
  round?: string;
  k?: string;
  split?: string;
  mode?: string;
  method?: string;
  json?: boolean;
}

const VERDICTS = {
  nothing: 'rien ne change',
  'other-winner': 'un·e autre élu·e',
  'another-round': 'personne n’est élu : un tour de plus',
  'elected-now': 'élu·e dès ce tour',
} as const;

async function simulateElectionCli(o: ElectionCliOptions): Promise<void> {
  if (o.round === undefined) throw new CliError('--round: required with --election (1, 2, 3…)');
  const { id, round } = parseOptions(ElectionRoundParamsSchema, { id: o.election, round: o.round });
  const query = parseOptions(ElectionSimulationQuerySchema, { k: o.k, split: o.split, mode: o.mode, method: o.method });
  // the citizens' ballots are all it reads from the store: no need to fill it with the AN data
  const db = await openStore(loadConfig(process.env, undefined, { citizens: false }).DATABASE_URL);
  let r;
  try {
    r = await createElectionsService(db).simulate(id, round, query);
  } finally {
    await db.close();
  }
  if (o.json) return void console.log(JSON.stringify(r));
  const line = (label: string, t: typeof r.official) =>
    `${label}: ${r.candidates.map((c, i) => `${c} ${t.votes[i]}`).join(', ')}, blancs ${t.blank}; exprimés ${t.exprimes}${t.required === null ? ' (majorité relative)' : `, requis ${t.required}`} → ${t.winner === null ? 'personne' : r.candidates[t.winner]}`;
  console.log(`${id}, tour ${r.round}, K = ${r.k} (${r.mode}), répartition ${r.split.join('/')} (${r.splitSource})`);
  console.log(line('officiel', r.official));
  console.log(line('parallèle', r.parallel));
  console.log(`verdict : ${VERDICTS[r.verdict]}`);
}

const outcomeLabel = (o: string) => (o === 'adopté' ? 'adopté' : 'rejeté');

runCli(async () => {
  program.parse();
  const o = program.opts<Options>();
  if (o.election !== undefined) return simulateElectionCli({ ...o, election: o.election }); // issue 15 §3
  if (o.scrutin === undefined) throw new CliError('--scrutin: required (or --election with --round)');
  if (o.split === undefined) throw new CliError('--split: required, e.g. 55,35,10');
  const scrutinUid = o.scrutin;
  if (o.curve !== undefined) {
    const m = /^(\d+)\.\.(\d*)$/.exec(o.curve.trim());
    if (!m) throw new CliError(`--curve: expected FROM..TO such as 0..577, got "${o.curve}"`);
    const query = parseOptions(CurveQuerySchema, { split: o.split, mode: o.mode, method: o.method, from: m[1], to: m[2] || undefined });
    const s = await load(scrutinUid, o.from);
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
  const s = await load(scrutinUid, o.from);
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
