import type { CitizenSplit, ProfileVariable } from '@parallele/core';
import { useResource } from '../../lib/use-resource';
import { fetchRepresentativity } from './api';

/** The simulator's `redressé` source rakes on the same variables as the scenarios' `redresse` tally. */
export const SIMULATOR_RAKING: ProfileVariable[] = ['sex', 'age'];

/**
 * The reweighted split of a scrutin as simulator weights (the raked shares), fetched only while
 * `enabled`; null while loading or when there is no reweighted figure (too few profiles, empty cell).
 */
export function useReweightedSplit(uid: string, enabled: boolean): CitizenSplit | null {
  const r = useResource(enabled ? `${uid}|${SIMULATOR_RAKING.join(',')}` : null, () => fetchRepresentativity(uid, SIMULATOR_RAKING));
  const rw = enabled && r.status === 'ready' ? r.data.reweighted : null;
  if (rw?.status !== 'ok') return null;
  return [rw.raked.pour.share, rw.raked.contre.share, rw.raked.abstention.share];
}
