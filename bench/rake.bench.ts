/**
 * Raking speed (issue 16): 1,000,000 respondents on four variables (sex, age band, region,
 * 2022 vote: 2 + 5 + 18 + 13 categories) raked to the shipped margins, aim under a second; the
 * cost of the 95 % interval (linearization: one pass; bootstrap: one raking per replicate); and
 * `npm run rake` end to end on a 100,000-row CSV.
 */
import { bootstrapShares, kishEffectiveSize, linearizedShares, mulberry32, rakeWeights, type RakingVariable } from '@parallele/core';
import { loadShippedMargins, runRake } from '../server/src/modules/reweighting';
import { skewedSample } from '../server/src/test-support/rake-fixture';
import { median, time, cpuTime } from './timing';

const ms = (x: number) => Number(x.toFixed(1));

/** Respondents drawn from the margins tilted towards the first categories (young, women…). */
function encodedSample(n: number, seed: number): { variables: RakingVariable[]; choices: Uint8Array } {
  const { margins } = loadShippedMargins();
  const random = mulberry32(seed);
  const variables = (['sex', 'age', 'region', 'pres2022'] as const).map((name): RakingVariable => {
    const categories = Object.keys(margins[name]);
    const shares = Float64Array.from(categories.map((c) => margins[name][c]!));
    const tilted = shares.map((s, k) => s * (1.5 - k / categories.length));
    const total = tilted.reduce((a, b) => a + b, 0);
    const cumulative = new Float64Array(categories.length);
    let acc = 0;
    tilted.forEach((s, k) => (cumulative[k] = acc += s / total));
    const codes = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const u = random();
      let k = 0;
      while (k < categories.length - 1 && u >= cumulative[k]!) k++;
      codes[i] = i < categories.length ? i : k;
    }
    return { name, categories, shares, codes };
  });
  const age = variables[1]!.codes;
  const choices = Uint8Array.from(age, (a) => {
    const u = random();
    return u < (a < 2 ? 0.6 : 0.4) ? 0 : u < 0.9 ? 1 : 2;
  });
  return { variables, choices };
}

export async function run(): Promise<Record<string, string | number>> {
  const n = 1_000_000;
  const { variables, choices } = encodedSample(n, 1);
  let raked = rakeWeights(n, variables);
  const trimmedMs = median([0, 1, 2].map(() => time(() => (raked = rakeWeights(n, variables)))));
  const trimmedCpu = median([0, 1, 2].map(() => cpuTime(() => rakeWeights(n, variables))));
  if (raked.status !== 'ok') throw new Error(`empty cell ${raked.variable}=${raked.category}`);
  const trimmedRun = raked;
  let untrimmed = rakeWeights(n, variables, { trim: null });
  const untrimmedMs = median([0, 1, 2].map(() => time(() => (untrimmed = rakeWeights(n, variables, { trim: null })))));
  if (untrimmed.status !== 'ok') throw new Error('empty cell');
  const linearMs = median([0, 1, 2].map(() => time(() => linearizedShares(choices, trimmedRun.weights))));
  const kishMs = median([0, 1, 2].map(() => time(() => kishEffectiveSize(trimmedRun.weights))));

  const small = encodedSample(10_000, 2);
  const smallRaked = rakeWeights(10_000, small.variables);
  if (smallRaked.status !== 'ok') throw new Error('empty cell');
  let boot = { used: 0, dropped: 0 };
  let bootSmallMs = 0;
  const bootSmallCpu = cpuTime(() => (bootSmallMs = time(() => (boot = bootstrapShares(small.choices, small.variables, smallRaked.weights, { replicates: 200, seed: 1 })))));
  const bootBigMs = time(() => bootstrapShares(choices, variables, trimmedRun.weights, { replicates: 5, seed: 1 }));

  const csv = skewedSample(100_000, 3);
  let code = -1;
  let cliMs = 0;
  const cliCpu = cpuTime(() => (cliMs = time(() => (code = runRake(['--sample', 'bench.csv', '--json'], () => csv).code))));

  return {
    'rake 1,000,000 × 4 variables (2+5+18+13 categories), default trim 0.2–5, ms': ms(trimmedMs),
    '  same, CPU ms (median of 3)': ms(trimmedCpu),
    '  sweeps / converged / max margin error / weights at a bound': `${trimmedRun.iterations} / ${trimmedRun.converged} / ${trimmedRun.maxMarginError.toExponential(1)} / ${trimmedRun.trimmed}`,
    'rake 1,000,000 × 4 variables, no trimming, ms': ms(untrimmedMs),
    '  sweeps / converged': `${untrimmed.iterations} / ${untrimmed.converged}`,
    'interval by linearization, 1,000,000 respondents, ms': ms(linearMs),
    'Kish n_eff, 1,000,000 respondents, ms': ms(kishMs),
    'interval by bootstrap, 10,000 respondents × 200 replicates, ms': ms(bootSmallMs),
    '  bootstrap, CPU ms': ms(bootSmallCpu),
    '  replicates used / dropped (empty cell)': `${boot.used} / ${boot.dropped}`,
    'bootstrap on 1,000,000 respondents, ms per replicate': ms(bootBigMs / 5),
    'npm run rake on a 100,000-row CSV (parse, check, rake, print), ms': ms(cliMs),
    '  npm run rake, CPU ms': ms(cliCpu),
    '  exit code': code,
  };
}
