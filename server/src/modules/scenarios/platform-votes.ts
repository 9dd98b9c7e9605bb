import type { PlatformTallyName, PlatformVoteCounts, PlatformVotes, Tally, TallyCounts, VerificationLevel } from '@parallele/core';
import { openStore, type Db } from '../../db/client';
import { AppError } from '../../errors';
import { silentLogger } from '../../logger';
import { createVotesService, votesRepository } from '../votes';
// issue 16: the `redresse` tally
import { createReweightingService, loadShippedMargins, reweightedVotesOf, reweightingRepository } from '../reweighting';

/**
 * The bridge from the citizens' votes to `split.source: platform` scenarios. The scenarios
 * workspace cannot import the server (the server already depends on it for the gallery), so the
 * server injects the tallies: from its votes service in the API, from the store in the CLI.
 *
 * The tallies are read asynchronously (the store is), the scenario runner asks for them
 * synchronously (a pure computation): `platformTallies` reads, before a run, the tally of every
 * scrutin that has votes, and hands the runner a lookup over them.
 */

const SCOPES: Record<Exclude<PlatformTallyName, 'redresse'>, keyof Pick<Tally, 'all' | 'verified' | 'unflagged' | 'verifiedUnflagged'>> = {
  all: 'all',
  verified: 'verified',
  unflagged: 'unflagged',
  'verified-unflagged': 'verifiedUnflagged',
};

/** One scrutin's platform split in one tally, read from the store. */
export type AsyncPlatformVotes = (uid: string, tally: PlatformTallyName) => Promise<PlatformVoteCounts | null>;

/** Reads a tally's counts for the runner before a run: a lookup over every scrutin that has votes. */
export type PlatformTallies = (tally: PlatformTallyName) => Promise<PlatformVotes>;

/** A scenario's platform split read through the votes service's tally (the same one as GET …/tally). */
export function platformVotesOf(
  votes: () => { tally(uid: string): Promise<Tally> | Tally },
  reweighted?: (uid: string) => Promise<PlatformVoteCounts | null> | PlatformVoteCounts | null,
): AsyncPlatformVotes {
  return async (uid, tally) => {
    if (tally === 'redresse') return (await reweighted?.(uid)) ?? null;
    let t: Tally;
    try {
      t = await votes().tally(uid);
    } catch (error) {
      // a scrutin the store does not know cannot have been voted on
      if (error instanceof AppError && error.code === 'scrutin_not_found') return null;
      throw error;
    }
    const c: TallyCounts = t[SCOPES[tally]];
    return c.total === 0 ? null : { pour: c.pour, contre: c.contre, abstention: c.abstention };
  };
}

/**
 * The runner's synchronous lookup for one tally: every scrutin with at least one vote is read now
 * (one without any has no split, null, as platformVotesOf answers). Another tally is a bug.
 */
export function platformTalliesOf(db: Db, votes: AsyncPlatformVotes): PlatformTallies {
  return async (tally) => {
    const voted = await db.store.all<{ uid: string }>('SELECT DISTINCT scrutin_uid AS uid FROM votes');
    const counts = new Map<string, PlatformVoteCounts | null>();
    for (const { uid } of voted) counts.set(uid, await votes(uid, tally));
    return (uid, asked) => {
      if (asked !== tally) throw new Error(`platform tally ${asked} asked of a lookup read for ${tally}`);
      return counts.get(uid) ?? null;
    };
  };
}

/**
 * For the CLI: opens the store at `url` (`file:data/parallele.db`, a path, `postgres://…`) and reads
 * tallies through a votes service configured like the server's (its TALLY_VERIFIED_LEVEL).
 * Nothing is written but the migrations the opener applies to any store it opens.
 */
export async function openStorePlatformVotes(url: string, verifiedLevel: VerificationLevel): Promise<{ platformTallies: PlatformTallies; db: Db; close(): Promise<void> }> {
  const db = await openStore(url);
  const votes = createVotesService({
    repo: votesRepository(db),
    logger: silentLogger(),
    now: () => new Date(),
    voteMinLevel: 'none',
    verifiedLevel,
  });
  const reweighting = createReweightingService({ repo: reweightingRepository(db), shipped: loadShippedMargins(), now: () => new Date() });
  return { platformTallies: platformTalliesOf(db, platformVotesOf(() => votes, reweightedVotesOf(() => reweighting))), db, close: () => db.close() };
}
