import type { PlatformVoteCounts, ProfileVariable } from '@parallele/core';
import type { ReweightingService } from './service';

/** The raking variables of the `redresse` tally (the ones with few, well-filled categories). */
export const REDRESSE_VARIABLES: ProfileVariable[] = ['sex', 'age'];

/**
 * The `tally: redresse` split of a scenario: the reweighted shares times the respondents raked,
 * as vote weights with two decimals; null when there is no reweighted figure (too few profiled voters
 * or an empty margin cell), which the scenario treats like a scrutin without votes.
 */
export function reweightedVotesOf(service: () => ReweightingService): (uid: string) => Promise<PlatformVoteCounts | null> {
  return async (uid) => {
    const r = (await service().representativity(uid, REDRESSE_VARIABLES)).reweighted;
    if (r?.status !== 'ok') return null;
    // two decimals: readable in reports, and the three still sum to n
    const pour = Math.round(r.raked.pour.share * r.n * 100) / 100;
    const contre = Math.round(r.raked.contre.share * r.n * 100) / 100;
    return { pour, contre, abstention: Math.round((r.n - pour - contre) * 100) / 100 };
  };
}
