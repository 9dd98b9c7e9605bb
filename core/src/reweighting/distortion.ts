/**
 * How far a sample is from the population on one variable: total variation distance
 * TVD = ½ Σₖ |pₖ − qₖ|, the largest share of the sample that would have to move category to make
 * it match (0 = identical, 1 = disjoint). Categories missing on one side count as 0 there.
 */
export function totalVariationDistance(p: Readonly<Record<string, number>>, q: Readonly<Record<string, number>>): number {
  let sum = 0;
  for (const k of new Set([...Object.keys(p), ...Object.keys(q)])) sum += Math.abs((p[k] ?? 0) - (q[k] ?? 0));
  return sum / 2;
}

/** Shares of each category among those who answered (weighted when `weights` is given). */
export function categoryShares(answers: readonly (string | null | undefined)[], weights?: ArrayLike<number>): { shares: Record<string, number>; answered: number } {
  const totals: Record<string, number> = {};
  let sum = 0;
  let answered = 0;
  answers.forEach((a, i) => {
    if (a == null || a === '') return;
    const w = weights ? weights[i]! : 1;
    totals[a] = (totals[a] ?? 0) + w;
    sum += w;
    answered++;
  });
  const shares: Record<string, number> = {};
  for (const [k, t] of Object.entries(totals)) shares[k] = sum > 0 ? t / sum : 0;
  return { shares, answered };
}
