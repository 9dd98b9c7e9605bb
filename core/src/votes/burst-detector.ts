import type { VoteChoice } from '../contracts/votes';

/**
 * Detector of suspicious bursts ("noyautage"): many NEW accounts from one network (an IPv4 /24
 * or an IPv6 /64) voting the same way on the same scrutin within minutes. Pure: the caller
 * passes the events and the clock, the detector only says which accounts look coordinated. It
 * flags for human review; it never removes a vote (a campus or a mobile carrier's shared address
 * can look like a burst).
 */

export interface BurstVoteEvent {
  accountId: string;
  /** ms since epoch */
  accountCreatedAt: number;
  /** network key of the address the account registered from (see `networkOf`), null if unknown */
  registrationNetwork: string | null;
  /** network key of the address the vote came from, null if unknown */
  voteNetwork: string | null;
  scrutinUid: string;
  choice: VoteChoice;
  /** ms since epoch */
  at: number;
}

export interface BurstDetectorOptions {
  /** the burst must fit in this window */
  windowMs: number;
  /** only accounts younger than this at vote time count as "new" */
  newAccountMaxAgeMs: number;
  /** at least this many distinct new accounts voting alike in one window */
  minClusterSize: number;
  /** and that choice is at least this share of the new accounts voting from the network then */
  minShare: number;
}

export const DEFAULT_BURST_OPTIONS: BurstDetectorOptions = {
  windowMs: 10 * 60_000,
  newAccountMaxAgeMs: 72 * 3_600_000,
  minClusterSize: 8,
  minShare: 0.8,
};

export interface BurstCluster {
  network: string;
  /** which address the network came from */
  via: 'registration' | 'vote';
  scrutinUid: string;
  choice: VoteChoice;
  accountIds: string[];
  from: number;
  to: number;
  /** share of that choice among the network's new accounts voting in the densest window */
  share: number;
}

export interface BurstReport {
  clusters: BurstCluster[];
  flaggedAccountIds: string[];
}

/** Network key of an address: `a.b.c.0/24` for IPv4 (IPv4-mapped IPv6 too), `x:x:x:x::/64` for IPv6. */
export function networkOf(address: string | null | undefined): string | null {
  if (!address) return null;
  const ip = address.trim().toLowerCase().replace(/^::ffff:/, '');
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (v4) {
    const parts = v4.slice(1, 4).map(Number);
    if (parts.some((p) => p > 255) || Number(v4[4]) > 255) return null;
    return `${parts.join('.')}.0/24`;
  }
  if (!ip.includes(':') || !/^[0-9a-f:]+$/.test(ip)) return null;
  const [head = '', tail = ''] = ip.split('::');
  const headParts = head ? head.split(':') : [];
  const tailParts = ip.includes('::') && tail ? tail.split(':') : [];
  const missing = 8 - headParts.length - tailParts.length;
  if (missing < 0 || (!ip.includes('::') && missing !== 0)) return null;
  const full = [...headParts, ...Array<string>(missing).fill('0'), ...tailParts];
  if (full.some((p) => p.length === 0 || p.length > 4)) return null;
  return `${full.slice(0, 4).map((p) => p.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/** Sliding window over one (network, scrutin) group, sorted by time. */
function clustersOfGroup(
  events: BurstVoteEvent[],
  network: string,
  via: BurstCluster['via'],
  opts: BurstDetectorOptions,
): BurstCluster[] {
  const byChoice = new Map<VoteChoice, BurstCluster>();
  const inWindow = new Map<string, Map<VoteChoice, number>>();
  const choiceAccounts = new Map<VoteChoice, Map<string, number>>();
  const add = (e: BurstVoteEvent, delta: 1 | -1) => {
    const perAccount = inWindow.get(e.accountId) ?? new Map<VoteChoice, number>();
    const n = (perAccount.get(e.choice) ?? 0) + delta;
    if (n === 0) perAccount.delete(e.choice);
    else perAccount.set(e.choice, n);
    if (perAccount.size === 0) inWindow.delete(e.accountId);
    else inWindow.set(e.accountId, perAccount);
    const accounts = choiceAccounts.get(e.choice) ?? new Map<string, number>();
    const m = (accounts.get(e.accountId) ?? 0) + delta;
    if (m === 0) accounts.delete(e.accountId);
    else accounts.set(e.accountId, m);
    choiceAccounts.set(e.choice, accounts);
  };
  let left = 0;
  for (let right = 0; right < events.length; right++) {
    const current = events[right]!;
    add(current, 1);
    while (current.at - events[left]!.at > opts.windowMs) add(events[left++]!, -1);
    const distinctVoters = inWindow.size;
    for (const [choice, accounts] of choiceAccounts) {
      const size = accounts.size;
      if (size < opts.minClusterSize || size / distinctVoters < opts.minShare) continue;
      const cluster = byChoice.get(choice) ?? {
        network, via, scrutinUid: current.scrutinUid, choice, accountIds: [], from: events[left]!.at, to: current.at, share: 0,
      };
      const ids = new Set(cluster.accountIds);
      for (const id of accounts.keys()) ids.add(id);
      cluster.accountIds = [...ids];
      cluster.to = current.at;
      cluster.share = Math.max(cluster.share, size / distinctVoters);
      byChoice.set(choice, cluster);
    }
  }
  return [...byChoice.values()];
}

/**
 * Finds coordinated bursts among `events` (typically the last hour of votes), grouping by the
 * registration network and, separately, by the voting network. `now` is only used to ignore
 * events from the future (clock passed in, never read).
 */
export function detectBursts(
  events: readonly BurstVoteEvent[],
  now: number,
  options: Partial<BurstDetectorOptions> = {},
): BurstReport {
  const opts = { ...DEFAULT_BURST_OPTIONS, ...options };
  const fresh = events.filter((e) => e.at <= now && e.at - e.accountCreatedAt <= opts.newAccountMaxAgeMs);
  const clusters: BurstCluster[] = [];
  for (const via of ['registration', 'vote'] as const) {
    const groups = new Map<string, BurstVoteEvent[]>();
    for (const e of fresh) {
      const network = via === 'registration' ? e.registrationNetwork : e.voteNetwork;
      if (!network) continue;
      const key = `${network}\u0000${e.scrutinUid}`;
      const list = groups.get(key) ?? [];
      list.push(e);
      groups.set(key, list);
    }
    for (const [key, list] of groups) {
      list.sort((a, b) => a.at - b.at);
      clusters.push(...clustersOfGroup(list, key.split('\u0000')[0]!, via, opts));
    }
  }
  const flagged = new Set<string>();
  for (const c of clusters) for (const id of c.accountIds) flagged.add(id);
  return { clusters, flaggedAccountIds: [...flagged].sort() };
}
