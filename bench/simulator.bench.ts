/**
 * Simulator speed on the real 17th legislature: full K-curves over all 3,876 scrutins (the
 * target: well under a second), the legislature leverage, one curve (a browser slider needs it
 * under 5 ms), and the exact flip probability / power indices for scale.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { blocPower, flipProbability, kCurve, legislatureLeverage, parseScrutin, toSimScrutin, type SimScrutin } from '@parallele/core';
import { median, time, cpuTime } from './timing';

const file = fileURLToPath(new URL('../data/opendata/scrutins/VTANR5L17V1-3876.ndjson.gz', import.meta.url));

const ms = (x: number) => Number(x.toFixed(2));

export async function run(): Promise<Record<string, string | number>> {
  let scrutins: SimScrutin[] = [];
  const parseMs = time(() => {
    const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n').filter(Boolean);
    scrutins = lines.map((l, i) => toSimScrutin(parseScrutin(JSON.parse(l) as unknown, `L17:${i + 1}`)));
  });
  // fresh copies: the per-scrutin precomputation (prepare + lazy removal tables) is part of "cold"
  const fresh = () => scrutins.map((s) => toSimScrutin(s));
  const split = [55, 35, 10] as const;
  let points = 0;
  const curves = (list: SimScrutin[], mode: 'proportional' | 'added') => {
    points = 0;
    for (const s of list) points += kCurve(s, { split, mode, from: 0, to: mode === 'added' ? 577 : undefined }).pour.length;
  };
  const coldCopy = fresh();
  let propCold = 0;
  const propColdCpu = cpuTime(() => (propCold = time(() => curves(coldCopy, 'proportional'))));
  const propPoints = points;
  const propWarmCpu = cpuTime(() => curves(coldCopy, 'proportional'));
  const propWarm = median([0, 1, 2].map(() => time(() => curves(coldCopy, 'proportional'))));
  const addedCopy = fresh();
  const addedCold = time(() => curves(addedCopy, 'added'));
  const addedWarm = median([0, 1, 2].map(() => time(() => curves(coldCopy, 'added'))));

  const levCopy = fresh();
  const leverageCold = time(() => legislatureLeverage(levCopy, { mode: 'proportional' }));
  const leverageWarm = median([0, 1, 2].map(() => time(() => legislatureLeverage(levCopy, { mode: 'proportional' }))));
  const leverageAdded = time(() => legislatureLeverage(levCopy, { mode: 'added' }));

  // one curve K = 0..M on a fresh copy each time (what a browser does when a scrutin opens)
  const one = scrutins.find((s) => s.uid === 'VTANR5L17V3260')!;
  const oneCold: number[] = [];
  const oneWarm: number[] = [];
  for (let i = 0; i < 200; i++) {
    const copy = toSimScrutin(one);
    oneCold.push(time(() => kCurve(copy, { split: [40 + (i % 20), 50, 10] })));
    oneWarm.push(time(() => kCurve(copy, { split: [60 - (i % 20), 30, 10] })));
  }

  const flip50 = median([0, 1, 2, 3, 4].map(() => time(() => flipProbability(one, { k: 50, split }))));
  const flip50ByGroup = median([0, 1, 2].map(() => time(() => flipProbability(one, { k: 50, split, model: 'by-group' }))));
  const flip577 = time(() => flipProbability(one, { k: 577, split }));
  const seats = one.groups.map((g) => g.members);
  const power = median([0, 1, 2, 3, 4].map(() => time(() => blocPower(seats, 50))));

  return {
    'scrutins (L17)': scrutins.length,
    'load + parse (ms)': ms(parseMs),
    'curves proportional K=0..M, cold incl. precompute (ms total)': ms(propCold),
    'curves proportional K=0..M, cold, CPU time (ms total)': ms(propColdCpu),
    'curves proportional K=0..M, warm (ms total)': ms(propWarm),
    'curves proportional K=0..M, warm, CPU time (ms total)': ms(propWarmCpu),
    'curves proportional: points': propPoints,
    'curves proportional cold: per curve (µs)': ms((propCold * 1000) / scrutins.length),
    'curves proportional cold: per point (ns)': ms((propCold * 1e6) / propPoints),
    'curves added K=0..577, cold (ms total)': ms(addedCold),
    'curves added K=0..577, warm (ms total)': ms(addedWarm),
    'leverage proportional ks=1..50, cold (ms)': ms(leverageCold),
    'leverage proportional ks=1..50, warm (ms)': ms(leverageWarm),
    'leverage added ks=1..50 (ms)': ms(leverageAdded),
    'one curve K=0..M cold, median of 200 (ms)': ms(median(oneCold)),
    'one curve K=0..M warm, median of 200 (ms)': ms(median(oneWarm)),
    'flip probability K=50 uniform, median (ms)': ms(flip50),
    'flip probability K=50 by-group, median (ms)': ms(flip50ByGroup),
    'flip probability K=577 uniform (ms)': ms(flip577),
    'bloc power (Banzhaf + Shapley-Shubik, 13 players), median (ms)': ms(power),
  };
}
