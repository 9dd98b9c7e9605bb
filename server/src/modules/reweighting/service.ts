import {
  categoryShares, kishEffectiveSize, MIN_CELL_COUNT, PROFILE_VARIABLES, pickMargins, rakeWeights, rawShares, reweight, suppressSmallCells,
  totalVariationDistance, encodeSample, type ProfileVariable, type Representativity, type Respondent, type VariableDistortion,
} from '@parallele/core';
import type { ShippedMargins } from './shipped-margins';
import type { ReweightingRepository } from './repository';

/**
 * Representativity of the voters (per scrutin and platform-wide) and the reweighted split.
 *
 * Privacy: only aggregates leave this service; every published count under MIN_CELL_COUNT is
 * hidden (with secondary suppression), shares of hidden cells are not given. Figures are
 * recomputed at most every `refreshMs` per (scrutin, variables): a page refreshed after each new
 * vote would otherwise let a watcher attribute the change to that one voter (differencing).
 * The cache is in memory and time-based only; a restart simply recomputes.
 */
export interface ReweightingServiceOptions {
  repo: ReweightingRepository;
  shipped: ShippedMargins;
  now: () => Date;
  refreshMs?: number;
}

export const DEFAULT_REFRESH_MS = 5 * 60_000;
/** Bounds the cache: requests for many uids (most unknown) must not grow memory without end. */
const MAX_CACHED = 2_000;

export function createReweightingService(opts: ReweightingServiceOptions) {
  const { repo, shipped, now } = opts;
  const refreshMs = opts.refreshMs ?? DEFAULT_REFRESH_MS;
  const cache = new Map<string, { at: number; value: Representativity }>();

  function distortion(variable: ProfileVariable, profiles: readonly Respondent['profile'][]): VariableDistortion {
    const answers = profiles.map((p) => p[variable] ?? null);
    const population = shipped.margins[variable];
    const counts: Record<string, number> = Object.fromEntries(Object.keys(population).map((c) => [c, 0]));
    for (const a of answers) if (a != null && a in counts) counts[a]! += 1;
    const { shares, answered } = categoryShares(answers.filter((a) => a != null && a in counts));
    const published = answered < MIN_CELL_COUNT ? Object.fromEntries(Object.keys(counts).map((c) => [c, { hidden: true as const }])) : suppressSmallCells(counts);
    return {
      variable,
      answered,
      categories: Object.keys(population).map((category) => {
        const cell = published[category]!;
        return {
          category,
          label: (variable === 'region' ? shipped.labels.region[category] : variable === 'pres2022' ? shipped.labels.pres2022[category] : undefined) ?? category,
          sample: cell,
          sampleShare: cell.hidden ? null : (shares[category] ?? 0),
          populationShare: population[category]!,
        };
      }),
      // with a hidden cell the distance could give its share back (two categories: exactly), so it goes too
      tvd: Object.values(published).some((c) => c.hidden) ? null : totalVariationDistance(shares, population),
    };
  }

  async function compute(uid: string | null, rakedOn: ProfileVariable[]): Promise<Representativity> {
    const margins = pickMargins(shipped.margins, rakedOn);
    const respondents = uid === null ? (await repo.platformProfiles()).map((profile) => ({ choice: 'pour' as const, profile })) : await repo.respondentsOf(uid);
    const profiles = respondents.map((r) => r.profile);
    const withProfile = profiles.filter((p) => PROFILE_VARIABLES.some((v) => p[v] != null)).length;
    let reweighted: Representativity['reweighted'] = null;
    let nEff: number | null = null;
    if (uid !== null) {
      const r = reweight(respondents, margins);
      if (r.status === 'ok') {
        const { raw: _raw, ...rest } = r;
        reweighted = rest;
        nEff = r.nEff;
      } else reweighted = r;
    } else {
      // the whole platform has no single question: only the weights' n_eff is meaningful
      const encoded = encodeSample(respondents, margins);
      const raked = encoded.kept.length >= MIN_CELL_COUNT ? rakeWeights(encoded.kept.length, encoded.variables) : null;
      nEff = raked?.status === 'ok' ? kishEffectiveSize(raked.weights) : null;
    }
    return {
      scrutinUid: uid,
      voters: respondents.length,
      withProfile,
      variables: PROFILE_VARIABLES.map((v) => distortion(v, profiles)),
      rakedOn,
      raw: uid === null || respondents.length === 0 ? null : rawShares(respondents.map((r) => r.choice)),
      reweighted,
      nEff,
      computedAt: now().toISOString(),
      minCellCount: MIN_CELL_COUNT,
    };
  }

  return {
    async representativity(uid: string | null, rakedOn: ProfileVariable[]): Promise<Representativity> {
      const key = `${uid ?? '*'}|${rakedOn.join(',')}`;
      const t = now().getTime();
      const hit = cache.get(key);
      if (hit && t - hit.at < refreshMs) return hit.value;
      const value = await compute(uid, rakedOn);
      cache.delete(key);
      if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
      cache.set(key, { at: t, value });
      return value;
    },
  };
}
export type ReweightingService = ReturnType<typeof createReweightingService>;
