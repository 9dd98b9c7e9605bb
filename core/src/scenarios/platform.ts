import type { CitizenSplit } from '../simulator/types';
import type { PlatformSplitSpec, PlatformTallyName } from './schema';

/** The citizens' votes on one scrutin in one tally (counts, not shares). */
export interface PlatformVoteCounts {
  pour: number;
  contre: number;
  abstention: number;
}

/**
 * Where a `platform` scenario reads the citizens' votes: injected by the caller (the server's
 * votes service, a test's map), so the computation itself never touches a store.
 * null: the platform knows no vote on that scrutin.
 */
export type PlatformVotes = (uid: string, tally: PlatformTallyName) => PlatformVoteCounts | null;

export type PlatformSplitResolution =
  /** the citizens' counts are the split (the simulator normalises the weights) */
  | { use: 'platform'; split: CitizenSplit; votes: PlatformVoteCounts; total: number }
  /** too few votes: the file's declared fallback split */
  | { use: 'fallback'; split: CitizenSplit; votes: PlatformVoteCounts; total: number }
  /** too few votes and `whenNoVotes: exclude` */
  | { use: 'exclude'; votes: PlatformVoteCounts; total: number; reason: string };

const NONE: PlatformVoteCounts = { pour: 0, contre: 0, abstention: 0 };

/**
 * The split of one scrutin under a `platform` split spec. The raw counts are passed on as weights
 * (3 pour / 1 contre → [3, 1, 0], i.e. 75 / 25 / 0 %) rather than rounded percentages, so that
 * apportionment ties are decided on exact integers.
 */
export function resolvePlatformSplit(spec: PlatformSplitSpec, counts: PlatformVoteCounts | null): PlatformSplitResolution {
  const votes = counts ?? NONE;
  const total = votes.pour + votes.contre + votes.abstention;
  if (total >= spec.minVotes && total > 0) return { use: 'platform', split: [votes.pour, votes.contre, votes.abstention], votes, total };
  if (spec.whenNoVotes === 'fallback' && spec.fallback) {
    const f = spec.fallback;
    return { use: 'fallback', split: [f.pour, f.contre, f.abstention], votes, total };
  }
  const reason = total === 0 ? `no citizen vote in the ${spec.tally} tally` : `${total} citizen vote${total > 1 ? 's' : ''} in the ${spec.tally} tally, fewer than minVotes ${spec.minVotes}`;
  return { use: 'exclude', votes, total, reason };
}

/** Shares of a split in percent, for reports ([3, 1, 0] → [75, 25, 0]). */
export function splitPercents(split: CitizenSplit): [number, number, number] {
  const sum = split[0] + split[1] + split[2];
  if (sum <= 0) return [0, 0, 0];
  const pc = (x: number) => Math.round((x / sum) * 1e6) / 1e4;
  return [pc(split[0]), pc(split[1]), pc(split[2])];
}
