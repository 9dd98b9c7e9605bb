import type { MyProfileResponse, PastVote, Profile, PutPastVoteBody, PutProfileBody } from '@parallele/core';
import type { Logger } from '../../logger';
import type { ProfilesRepository } from './repository';

/**
 * The citizen's own profile: read, save, delete, and the 2022 vote apart. Logs say what happened,
 * never the answers (a log line with a political opinion would be a per-person record of it).
 */
export function createProfilesService(opts: { repo: ProfilesRepository; logger: Logger; now: () => Date }) {
  const { repo, logger, now } = opts;
  const iso = (ms: number) => new Date(ms).toISOString();

  function profileOf(citizenId: number): Profile | null {
    const row = repo.profileOf(citizenId);
    return row ? { ...row, updatedAt: iso(row.updatedAt) } : null;
  }
  function pastVoteOf(citizenId: number): PastVote | null {
    const row = repo.pastVoteOf(citizenId);
    return row ? ({ pres2022: row.pres2022, consentedAt: iso(row.consentedAt) } as PastVote) : null;
  }

  return {
    mine(citizenId: number): MyProfileResponse {
      return { profile: profileOf(citizenId), pastVote: pastVoteOf(citizenId) };
    },
    /** Replaces the whole profile: a field left out is "not given" (one click skips it). */
    save(citizenId: number, body: PutProfileBody): Profile {
      repo.saveProfile(
        citizenId,
        { sex: body.sex ?? null, age: body.age ?? null, region: body.region ?? null, departement: body.departement ?? null, circonscription: body.circonscription ?? null },
        now().getTime(),
      );
      logger.info({ citizenId }, 'profile saved');
      return profileOf(citizenId)!;
    },
    remove(citizenId: number): void {
      if (repo.deleteProfile(citizenId)) logger.info({ citizenId }, 'profile deleted');
    },
    savePastVote(citizenId: number, body: PutPastVoteBody): PastVote {
      repo.savePastVote(citizenId, body.pres2022, now().getTime());
      logger.info({ citizenId }, 'past vote saved (with consent)');
      return pastVoteOf(citizenId)!;
    },
    removePastVote(citizenId: number): void {
      if (repo.deletePastVote(citizenId)) logger.info({ citizenId }, 'past vote deleted');
    },
  };
}
export type ProfilesService = ReturnType<typeof createProfilesService>;
