import type { ProfileFields } from '@parallele/core';
import type { Db } from '../../db/types';

/** Profile rows of one citizen; times in ms since epoch. */
export interface ProfileRow extends ProfileFields {
  updatedAt: number;
}
export interface PastVoteRow {
  pres2022: string;
  consentedAt: number;
}

export function profilesRepository(db: Pick<Db, 'store'>) {
  const { store } = db;
  return {
    profileOf(citizenId: number): Promise<ProfileRow | undefined> {
      return store.get<ProfileRow>(
        'SELECT sex, age_band AS age, region, departement, circonscription, updated_at AS "updatedAt" FROM citizen_profiles WHERE citizen_id = ?',
        [citizenId],
      );
    },
    async saveProfile(citizenId: number, p: ProfileFields, at: number): Promise<void> {
      await store.run(
        `INSERT INTO citizen_profiles (citizen_id, sex, age_band, region, departement, circonscription, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (citizen_id) DO UPDATE SET sex = excluded.sex, age_band = excluded.age_band, region = excluded.region,
           departement = excluded.departement, circonscription = excluded.circonscription, updated_at = excluded.updated_at`,
        [citizenId, p.sex, p.age, p.region, p.departement, p.circonscription, at],
      );
    },
    /** The circonscription told in the profile or on « Mon député·e »: one field, two ways in. */
    async constituencyOf(citizenId: number): Promise<{ departement: string; circonscription: number } | null> {
      const row = await store.get<{ departement: string | null; circonscription: number | null }>(
        'SELECT departement, circonscription FROM citizen_profiles WHERE citizen_id = ?',
        [citizenId],
      );
      return row?.departement && row.circonscription ? { departement: row.departement, circonscription: row.circonscription } : null;
    },
    /** Sets (or forgets, with null) the département and circonscription, leaving the rest of the profile as it is. */
    async setConstituency(citizenId: number, value: { departement: string; circonscription: number } | null, at: number): Promise<void> {
      if (value === null) {
        await store.run('UPDATE citizen_profiles SET departement = NULL, circonscription = NULL, updated_at = ? WHERE citizen_id = ?', [at, citizenId]);
      } else {
        await store.run(
          `INSERT INTO citizen_profiles (citizen_id, departement, circonscription, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (citizen_id) DO UPDATE SET departement = excluded.departement, circonscription = excluded.circonscription, updated_at = excluded.updated_at`,
          [citizenId, value.departement, value.circonscription, at],
        );
      }
    },
    async deleteProfile(citizenId: number): Promise<boolean> {
      return (await store.run('DELETE FROM citizen_profiles WHERE citizen_id = ?', [citizenId])).changes > 0;
    },
    pastVoteOf(citizenId: number): Promise<PastVoteRow | undefined> {
      return store.get<PastVoteRow>('SELECT pres2022, consented_at AS "consentedAt" FROM citizen_past_votes WHERE citizen_id = ?', [citizenId]);
    },
    async savePastVote(citizenId: number, pres2022: string, at: number): Promise<void> {
      await store.run(
        `INSERT INTO citizen_past_votes (citizen_id, pres2022, consented_at) VALUES (?, ?, ?)
         ON CONFLICT (citizen_id) DO UPDATE SET pres2022 = excluded.pres2022, consented_at = excluded.consented_at`,
        [citizenId, pres2022, at],
      );
    },
    async deletePastVote(citizenId: number): Promise<boolean> {
      return (await store.run('DELETE FROM citizen_past_votes WHERE citizen_id = ?', [citizenId])).changes > 0;
    },
  };
}
export type ProfilesRepository = ReturnType<typeof profilesRepository>;
