import type { PlatformTallyName, PlatformVotes, Tally, TallyCounts, VerificationLevel } from '@parallele/core';
import type { Db } from '../../db/client';
import { openDatabase } from '../../db/client';
import { AppError } from '../../errors';
import { silentLogger } from '../../logger';
import type { CitizensDb } from '../../db/types';
import { createVotesService, votesRepository, type VotesService } from '../votes';

/**
 * The bridge from the citizens' votes to `split.source: platform` scenarios. The scenarios
 * workspace cannot import the server (the server already depends on it for the gallery), so the
 * server injects the tallies: from its votes service in the API, from the store in the CLI.
 */

const SCOPES: Record<PlatformTallyName, keyof Pick<Tally, 'all' | 'verified' | 'unflagged' | 'verifiedUnflagged'>> = {
  all: 'all',
  verified: 'verified',
  unflagged: 'unflagged',
  'verified-unflagged': 'verifiedUnflagged',
};

/** A scenario's platform split read through the votes service's tally (the same one as GET …/tally). */
export function platformVotesOf(votes: () => Pick<VotesService, 'tally'>): PlatformVotes {
  return (uid, tally) => {
    let t: Tally;
    try {
      t = votes().tally(uid);
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
 * For the CLI: opens the store at `url` (`file:data/parallele.db`, a path) and reads tallies
 * through a votes service configured like the server's (its TALLY_VERIFIED_LEVEL).
 * Nothing is written but the migrations `openDatabase` applies to any store it opens.
 */
export function openStorePlatformVotes(url: string, verifiedLevel: VerificationLevel): { platformVotes: PlatformVotes; db: Db; close(): void } {
  const db = openDatabase(url);
  const votes = createVotesService({
    repo: votesRepository(db as unknown as CitizensDb),
    logger: silentLogger(),
    now: () => new Date(),
    voteMinLevel: 'none',
    verifiedLevel,
  });
  return { platformVotes: platformVotesOf(() => votes), db, close: () => db.close() };
}
