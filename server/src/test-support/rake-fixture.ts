import { AGE_BANDS, mulberry32, VOTE_CHOICES } from '@parallele/core';
import { loadShippedMargins } from '../modules/reweighting';

/**
 * A seeded, unrepresentative sample for tests and the bench, drawn around the real margins but
 * tilted as online panels are: 60 % women, too many under-35s, Île-de-France and Mélenchon voters
 * doubled, abstainers halved; under-35s vote `pour` more often, so raking must move the split.
 * The first rows walk through every category so no margin cell is empty.
 */
const TILT: Record<string, Record<string, number>> = {
  sex: { F: 0.6 / 0.524, H: 0.4 / 0.476 },
  age: { '18-24': 2, '25-34': 1.6, '35-49': 1, '50-64': 0.8, '65+': 0.5 },
  region: { '11': 2 },
  pres2022: { melenchon: 2, abstention: 0.5 },
};

export function skewedSample(n: number, seed: number, columns: readonly string[] = ['sex', 'age', 'region', 'pres2022']): string {
  const { margins } = loadShippedMargins();
  const random = mulberry32(seed);
  const cumulative = Object.fromEntries(
    columns.map((v) => {
      const entries = Object.entries(margins[v] ?? {}).map(([c, s]) => [c, s * (TILT[v]?.[c] ?? 1)] as const);
      const total = entries.reduce((a, [, s]) => a + s, 0);
      let acc = 0;
      return [v, entries.map(([c, s]) => [c, (acc += s / total)] as const)];
    }),
  );
  const draw = (v: string, i: number) => {
    const cats = cumulative[v]!;
    if (i < cats.length) return cats[i]![0];
    const u = random();
    return (cats.find(([, c]) => u < c) ?? cats[cats.length - 1]!)[0];
  };
  const lines = [['choice', ...columns].join(',')];
  for (let i = 0; i < n; i++) {
    const row = columns.map((v) => draw(v, i));
    const age = row[columns.indexOf('age')];
    const young = age !== undefined && AGE_BANDS.indexOf(age as (typeof AGE_BANDS)[number]) < 2;
    const u = random();
    const choice = u < (young ? 0.65 : 0.35) ? VOTE_CHOICES[0] : u < 0.9 ? VOTE_CHOICES[1] : VOTE_CHOICES[2];
    lines.push([choice, ...row].join(','));
  }
  return lines.join('\n') + '\n';
}
