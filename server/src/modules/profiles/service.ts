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

  async function profileOf(citizenId: number): Promise<Profile | null> {
    const row = await repo.profileOf(citizenId);
    return row ? { ...row, updatedAt: iso(row.updatedAt) } : null;
  }
  async function pastVoteOf(citizenId: number): Promise<PastVote | null> {
    const row = await repo.pastVoteOf(citizenId);
    return row ? ({ pres2022: row.pres2022, consentedAt: iso(row.consentedAt) } as PastVote) : null;
  }

  return {
    async mine(citizenId: number): Promise<MyProfileResponse> {
      return { profile: await profileOf(citizenId), pastVote: await pastVoteOf(citizenId) };
    },
    /** Replaces the whole profile: a field left out is "not given" (one click skips it). */
    async save(citizenId: number, body: PutProfileBody): Promise<Profile> {
      await repo.saveProfile(
        citizenId,
        { sex: body.sex ?? null, age: body.age ?? null, region: body.region ?? null, departement: body.departement ?? null, circonscription: body.circonscription ?? null },
        now().getTime(),
      );
      logger.info({ citizenId }, 'profile saved');
      return (await profileOf(citizenId))!;
    },
    async remove(citizenId: number): Promise<void> {
      if (await repo.deleteProfile(citizenId)) logger.info({ citizenId }, 'profile deleted');
    },
    async savePastVote(citizenId: number, body: PutPastVoteBody): Promise<PastVote> {
      await repo.savePastVote(citizenId, body.pres2022, now().getTime());
      logger.info({ citizenId }, 'past vote saved (with consent)');
      return (await pastVoteOf(citizenId))!;
    },
    async removePastVote(citizenId: number): Promise<void> {
      if (await repo.deletePastVote(citizenId)) logger.info({ citizenId }, 'past vote deleted');
    },
  };
}
export type ProfilesService = ReturnType<typeof createProfilesService>;
