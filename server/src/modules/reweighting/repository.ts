import type { Respondent, VoteChoice } from '@parallele/core';
import type { Db } from '../../db/types';

/**
 * The respondents of the representativity pages: each counted voter's choice with their profile
 * answers, read in one query. Counted = not flagged by moderation (open or confirmed), as in the
 * default `unflagged` tally. Rows never leave the server: the service aggregates them.
 */
interface Row {
  choice: VoteChoice | null;
  sex: string | null;
  age: string | null;
  region: string | null;
  pres2022: string | null;
}

const PROFILE_COLUMNS = `p.sex AS sex, p.age_band AS age, p.region AS region, pv.pres2022 AS pres2022`;
const PROFILE_JOINS = `
  LEFT JOIN flags f ON f.citizen_id = c.id AND f.status IN ('open', 'confirmed')
  LEFT JOIN citizen_profiles p ON p.citizen_id = c.id
  LEFT JOIN citizen_past_votes pv ON pv.citizen_id = c.id`;

export function reweightingRepository(db: Pick<Db, 'store'>) {
  const { store } = db;
  const toProfile = (r: Row) => ({ sex: r.sex, age: r.age, region: r.region, pres2022: r.pres2022 });
  return {
    /** the counted voters of one scrutin */
    async respondentsOf(uid: string): Promise<Respondent[]> {
      const rows = await store.all<Row>(
        `SELECT v.choice AS choice, ${PROFILE_COLUMNS}
           FROM votes v JOIN citizens c ON c.id = v.citizen_id ${PROFILE_JOINS}
          WHERE v.scrutin_uid = ? AND f.citizen_id IS NULL`,
        [uid],
      );
      return rows.map((r) => ({ choice: r.choice!, profile: toProfile(r) }));
    },
    /** every counted citizen who voted at least once: profiles only */
    async platformProfiles(): Promise<Respondent['profile'][]> {
      const rows = await store.all<Row>(
        `SELECT NULL AS choice, ${PROFILE_COLUMNS}
           FROM citizens c ${PROFILE_JOINS}
          WHERE f.citizen_id IS NULL AND EXISTS (SELECT 1 FROM votes v WHERE v.citizen_id = c.id)`,
      );
      return rows.map(toProfile);
    },
  };
}
export type ReweightingRepository = ReturnType<typeof reweightingRepository>;
