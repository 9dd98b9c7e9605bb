import type { ScrutinDetail, ScrutinListQuery, ScrutinListResponse, ScrutinSummary } from '@parallele/core';
import type { Db } from '../../db/client';
import { AppError } from '../../errors';
import { createDeputiesRepository } from '../deputies/repository';
import { createGroupsRepository } from '../groups/repository';
import { createScrutinsRepository, type ScrutinSummaryRow } from './repository';

export const toSummary = (r: ScrutinSummaryRow): ScrutinSummary => ({
  uid: r.uid,
  legislature: r.legislature,
  numero: r.numero,
  date: r.date,
  type: r.type,
  outcome: r.outcome,
  titre: r.titre,
  objet: r.objet,
  demandeur: r.demandeur,
  place: r.place,
  totals: {
    pour: r.pour,
    contre: r.contre,
    abstentions: r.abstentions,
    nonVotants: r.non_votants,
    votants: r.votants,
    exprimes: r.exprimes,
    requis: r.requis,
  },
  closeness: r.closeness,
});

export function createScrutinsService(db: Db) {
  const scrutins = createScrutinsRepository(db);
  const groups = createGroupsRepository(db);
  const deputies = createDeputiesRepository(db);

  return {
    list(query: ScrutinListQuery): ScrutinListResponse {
      const { rows, total } = scrutins.list(query);
      return {
        items: rows.map(toSummary),
        page: query.page,
        pageSize: query.pageSize,
        total,
        totalPages: Math.ceil(total / query.pageSize),
      };
    },

    /** The scrutin with group names/colours and deputy names joined where the referentials know them. */
    get(uid: string): ScrutinDetail {
      const found = scrutins.get(uid);
      if (!found) throw AppError.notFound(`No scrutin ${uid}`, { param: 'uid' });
      const { scrutin: s, closeness } = found;
      const organes = groups.findMany(s.groups.map((g) => g.organeRef));
      const names = deputies.forScrutin(uid);
      const named = (ref: string) => {
        const d = names.get(ref);
        return { civility: d?.civility ?? null, firstName: d?.first_name ?? null, lastName: d?.last_name ?? null };
      };
      return {
        uid: s.uid,
        legislature: s.legislature,
        numero: s.numero,
        date: s.date,
        type: s.type,
        outcome: s.outcome,
        titre: s.titre,
        objet: s.objet,
        demandeur: s.demandeur,
        place: s.place,
        totals: s.totals,
        closeness,
        organeRef: s.organeRef,
        sessionRef: s.sessionRef,
        seanceRef: s.seanceRef,
        sittingOfDay: s.sittingOfDay,
        typeLabel: s.typeLabel,
        majorityLabel: s.majorityLabel,
        outcomeLabel: s.outcomeLabel,
        announcement: s.announcement,
        groups: s.groups.map((g) => {
          const o = organes.get(g.organeRef);
          return {
            organeRef: g.organeRef,
            name: o?.name ?? null,
            abbreviation: o?.abbreviation ?? null,
            colour: o?.colour ?? null,
            politicalPosition: o?.politicalPosition ?? null,
            members: g.members,
            pour: g.pour,
            contre: g.contre,
            abstentions: g.abstentions,
            nonVotants: g.nonVotants,
            majorityPosition: g.majorityPosition,
          };
        }),
        deputies: s.deputies.map((d) => ({
          acteurRef: d.acteurRef,
          mandatRef: d.mandatRef,
          ...named(d.acteurRef),
          organeRef: d.organeRef,
          position: d.position,
          byProxy: d.byProxy,
          cause: d.cause,
          seat: d.seat,
        })),
        misesAuPoint: s.misesAuPoint.map((m) => ({
          acteurRef: m.acteurRef,
          mandatRef: m.mandatRef,
          ...named(m.acteurRef),
          position: m.position,
          malfunction: m.malfunction,
        })),
      };
    },

    count(): number {
      return scrutins.count();
    },
  };
}

export type ScrutinsService = ReturnType<typeof createScrutinsService>;
