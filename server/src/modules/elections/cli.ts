import { ElectionRoundParamsSchema, ElectionSimulationQuerySchema } from '@parallele/core';
import { loadConfig } from '../../config';
import { openDatabase } from '../../db/client';
import { CliError, parseOptions } from '../simulation/cli-common';
import { createElectionsService } from './service';

/**
 * `npm run simulate -- --election president-an-2024 --round 3 --k 20 [--split 0,1,0,0] [--mode added] [--json]`
 * (issue 15 §3): what K MaVoix deputies casting the split over the candidates would have done in
 * that round. Without --split, the platform's ballots in the store (an even split when none).
 */
export interface ElectionCliOptions {
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

export async function simulateElectionCli(o: ElectionCliOptions): Promise<void> {
  if (o.round === undefined) throw new CliError('--round: required with --election (1, 2, 3…)');
  const { id, round } = parseOptions(ElectionRoundParamsSchema, { id: o.election, round: o.round });
  const query = parseOptions(ElectionSimulationQuerySchema, { k: o.k, split: o.split, mode: o.mode, method: o.method });
  // the citizens' ballots are all it reads from the store: no need to fill it with the AN data
  const db = openDatabase(loadConfig(process.env).DATABASE_URL);
  let r;
  try {
    r = createElectionsService(db).simulate(id, round, query);
  } finally {
    db.close();
  }
  if (o.json) return void console.log(JSON.stringify(r));
  const line = (label: string, t: typeof r.official) =>
    `${label}: ${r.candidates.map((c, i) => `${c} ${t.votes[i]}`).join(', ')}, blancs ${t.blank}; exprimés ${t.exprimes}${t.required === null ? ' (majorité relative)' : `, requis ${t.required}`} → ${t.winner === null ? 'personne' : r.candidates[t.winner]}`;
  console.log(`${id}, tour ${r.round}, K = ${r.k} (${r.mode}), répartition ${r.split.join('/')} (${r.splitSource})`);
  console.log(line('officiel', r.official));
  console.log(line('parallèle', r.parallel));
  console.log(`verdict : ${VERDICTS[r.verdict]}`);
}
