import { eq } from 'drizzle-orm';
import type { ProfileFields } from '@parallele/core';
import type { Db } from '../../db/client';
import { citizenPastVotes, citizenProfiles } from '../../db/schema/profiles';

/** Profile rows of one citizen; times in ms since epoch. */
export interface ProfileRow extends ProfileFields {
  updatedAt: number;
}
export interface PastVoteRow {
  pres2022: string;
  consentedAt: number;
}

export function profilesRepository(db: Db) {
  const { orm } = db;
  return {
    profileOf(citizenId: number): ProfileRow | null {
      const row = orm.select().from(citizenProfiles).where(eq(citizenProfiles.citizenId, citizenId)).get();
      if (!row) return null;
      const { ageBand, citizenId: _id, ...rest } = row;
      return { ...rest, age: ageBand } as ProfileRow;
    },
    saveProfile(citizenId: number, p: ProfileFields, at: number): void {
      const values = { sex: p.sex, ageBand: p.age, region: p.region, departement: p.departement, circonscription: p.circonscription, updatedAt: at };
      orm.insert(citizenProfiles).values({ citizenId, ...values }).onConflictDoUpdate({ target: citizenProfiles.citizenId, set: values }).run();
    },
    /** The circonscription told in the profile or on « Mon député·e »: one field, two ways in. */
    constituencyOf(citizenId: number): { departement: string; circonscription: number } | null {
      const row = orm
        .select({ departement: citizenProfiles.departement, circonscription: citizenProfiles.circonscription })
        .from(citizenProfiles)
        .where(eq(citizenProfiles.citizenId, citizenId))
        .get();
      return row?.departement && row.circonscription ? { departement: row.departement, circonscription: row.circonscription } : null;
    },
    /** Sets (or forgets, with null) the département and circonscription, leaving the rest of the profile as it is. */
    setConstituency(citizenId: number, value: { departement: string; circonscription: number } | null, at: number): void {
      const set = { departement: value?.departement ?? null, circonscription: value?.circonscription ?? null, updatedAt: at };
      if (value === null) orm.update(citizenProfiles).set(set).where(eq(citizenProfiles.citizenId, citizenId)).run();
      else orm.insert(citizenProfiles).values({ citizenId, ...set }).onConflictDoUpdate({ target: citizenProfiles.citizenId, set }).run();
    },
    deleteProfile(citizenId: number): boolean {
      return orm.delete(citizenProfiles).where(eq(citizenProfiles.citizenId, citizenId)).run().changes > 0;
    },
    pastVoteOf(citizenId: number): PastVoteRow | null {
      return orm.select({ pres2022: citizenPastVotes.pres2022, consentedAt: citizenPastVotes.consentedAt }).from(citizenPastVotes).where(eq(citizenPastVotes.citizenId, citizenId)).get() ?? null;
    },
    savePastVote(citizenId: number, pres2022: string, at: number): void {
      orm.insert(citizenPastVotes).values({ citizenId, pres2022, consentedAt: at }).onConflictDoUpdate({ target: citizenPastVotes.citizenId, set: { pres2022, consentedAt: at } }).run();
    },
    deletePastVote(citizenId: number): boolean {
      return orm.delete(citizenPastVotes).where(eq(citizenPastVotes.citizenId, citizenId)).run().changes > 0;
    },
  };
}
export type ProfilesRepository = ReturnType<typeof profilesRepository>;
