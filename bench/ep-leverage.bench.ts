/**
 * European Parliament (issue 15 §2): reading the 293 final votes of the 10th term from the
 * HowTheyVote CSV files through the same reader and parser as the importer, and the leverage over
 * the term (K MaVoix MEPs replacing French MEPs, best-case split) for K = 1, 5, 10, 20, 40.
 */
import { legislatureLeverage, parseOfficialDocument, toSimScrutin, type SimScrutin } from '@parallele/core';
import { BUNDLED_EP_DIR, readEpSource } from '../server/src/modules/ep';
import { median } from './timing';

const ms = (x: number) => Number(x.toFixed(2));

export async function run(): Promise<Record<string, string | number>> {
  let t = performance.now();
  const votes: SimScrutin[] = [];
  for await (const item of readEpSource(BUNDLED_EP_DIR)) {
    if (item.error) throw item.error;
    const doc = parseOfficialDocument(item.json, item.location);
    if (doc.kind === 'scrutin') votes.push(toSimScrutin(doc.value));
  }
  const readMs = performance.now() - t;
  const ks = [1, 5, 10, 20, 40];
  const fresh = () => votes.map((v) => toSimScrutin(v));
  const cold = fresh();
  t = performance.now();
  const r = legislatureLeverage(cold, { ks });
  const coldMs = performance.now() - t;
  const warm = median([0, 1, 2].map(() => {
    const s = performance.now();
    legislatureLeverage(cold, { ks });
    return performance.now() - s;
  }));
  t = performance.now();
  const added = legislatureLeverage(fresh(), { ks, mode: 'added' });
  const addedMs = performance.now() - t;
  return {
    'EP votes read from CSV (reader + parser), ms': ms(readMs),
    'EP final votes': votes.length,
    'EP leverage K=1,5,10,20,40 (French delegation), cold ms': ms(coldMs),
    'EP leverage, warm ms (median of 3)': ms(warm),
    'EP leverage, added seats, ms': ms(addedMs),
    'EP votes tippable (French delegation) K=1/5/10/20/40': ks.map((k) => r.flippable[String(k)]).join('/'),
    'EP votes tippable (added seats) K=1/5/10/20/40': ks.map((k) => added.flippable[String(k)]).join('/'),
  };
}
