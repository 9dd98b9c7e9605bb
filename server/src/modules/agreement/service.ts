import { agreementScores, differences, rankByAgreement, type AgreementResponse, type CitizenChoice } from '@parallele/core';
import { placeholders } from '../../db/bulk-insert';
import type { Db } from '../../db/client';
import { legislatureMatrices } from './matrix';

export const AGREEMENT_RULES =
  'Compared: the scrutins where you and they both voted pour, contre or abstention (an absence or a non-vote is left out, not counted against). ' +
  'Same position: 1; pour against contre: 0; abstention against pour or contre: ½. Score = points / compared; hidden below the minimum compared.';

const TOP = 5;

export function createAgreementService(db: Db) {
  const { store } = db;
  const myVotes = async (citizenId: number, legislature: number) =>
    new Map(
      (
        await store.all<{ uid: string; choice: CitizenChoice }>(
          'SELECT v.scrutin_uid AS uid, v.choice FROM votes v JOIN scrutins s ON s.uid = v.scrutin_uid WHERE v.citizen_id = ? AND s.legislature = ?',
          [citizenId, legislature],
        )
      ).map((r) => [r.uid, r.choice]),
    );

  return {
    async forCitizen(citizenId: number, legislature: number, minCompared: number): Promise<AgreementResponse> {
      const [m, votes, nameRows, groupRows] = await Promise.all([
        legislatureMatrices(db, legislature),
        myVotes(citizenId, legislature),
        store.all<{ ref: string; name: string }>("SELECT ref, first_name || ' ' || last_name AS name FROM deputies"),
        store.all<{ ref: string; name: string; abbreviation: string | null }>('SELECT ref, name, abbreviation FROM organes'),
      ]);
      const names = new Map(nameRows.map((r) => [r.ref, r.name]));
      const groupInfo = new Map(groupRows.map((r) => [r.ref, r]));
      const deputies = agreementScores(m.deputies, votes, minCompared);
      const groups = agreementScores(m.groups, votes, minCompared);
      const rankedD = rankByAgreement(deputies);
      const rankedG = rankByAgreement(groups);
      return {
        legislature, minCompared, myVotes: votes.size, rules: AGREEMENT_RULES,
        deputies: deputies.map((s) => ({ ref: s.column, name: names.get(s.column) ?? s.column, groupRef: m.groupOf.get(s.column) ?? null, compared: s.compared, score: s.score, agreed: s.agreed, opposed: s.opposed })),
        groups: groups.map((s) => ({ ref: s.column, name: groupInfo.get(s.column)?.name ?? s.column, abbreviation: groupInfo.get(s.column)?.abbreviation ?? null, compared: s.compared, score: s.score, agreed: s.agreed, opposed: s.opposed })),
        closest: rankedD.slice(0, TOP).map((s) => s.column),
        farthest: rankedD.slice(-TOP).reverse().map((s) => s.column),
        closestGroups: rankedG.slice(0, 3).map((s) => s.column),
        farthestGroups: rankedG.slice(-3).reverse().map((s) => s.column),
      };
    },
    async differences(citizenId: number, legislature: number, other: string) {
      const [m, votes] = await Promise.all([legislatureMatrices(db, legislature), myVotes(citizenId, legislature)]);
      const matrix = other.startsWith('PO') ? m.groups : m.deputies;
      const found = differences(matrix, votes, other);
      const titles = new Map<string, { titre: string; date: string }>();
      for (let i = 0; i < found.length; i += 500) {
        const uids = found.slice(i, i + 500).map((d) => d.scrutinUid);
        const rows = await store.all<{ uid: string; titre: string; date: string }>(`SELECT uid, titre, date FROM scrutins WHERE uid IN (${placeholders(uids.length)})`, uids);
        for (const r of rows) titles.set(r.uid, r);
      }
      return {
        with: other,
        differences: found.map((d) => {
          const s = titles.get(d.scrutinUid)!;
          return { scrutinUid: d.scrutinUid, titre: s.titre, date: s.date, mine: d.citizen, theirs: d.other };
        }),
      };
    },
  };
}

export type AgreementService = ReturnType<typeof createAgreementService>;
