import { isUnattributed, qualityWarnings, UNATTRIBUTED_LABELS, type AssemblyId, type ScrutinDetail, type ScrutinListQuery, type ScrutinListResponse, type ScrutinSummary, type SelectableScrutin } from '@parallele/core';
import { toScrutinHead, toTotals } from '../../db/an-reads';
import type { Db } from '../../db/client';
import { AppError } from '../../errors';
import { createDeputiesRepository } from '../deputies';
import { createGroupsRepository } from '../groups';
import { createScrutinsRepository, type ScrutinSummaryRow, type SelectableRange } from './repository';

export const toSummary = (r: ScrutinSummaryRow): ScrutinSummary => ({
  uid: r.uid,
  ...toScrutinHead(r),
  objet: r.objet,
  demandeur: r.demandeur,
  place: r.place,
  totals: toTotals(r),
  closeness: r.closeness,
});

export function createScrutinsService(db: Db) {
  const scrutins = createScrutinsRepository(db);
  const groups = createGroupsRepository(db);
  const deputies = createDeputiesRepository(db);

  return {
    async list(query: ScrutinListQuery & { assembly?: AssemblyId }): Promise<ScrutinListResponse> {
      const { rows, total } = await scrutins.list(query);
      return {
        items: rows.map(toSummary),
        page: query.page,
        pageSize: query.pageSize,
        total,
        totalPages: Math.ceil(total / query.pageSize),
      };
    },

    /** The AN scrutins a scenario's selection is applied to, read from the store (see the repository). */
    async selectable(range: SelectableRange): Promise<SelectableScrutin[]> {
      return (await scrutins.selectable(range)).map((r) => ({
        uid: r.uid as SelectableScrutin['uid'], ...toScrutinHead(r), seanceRef: r.seance_ref, objet: r.objet, totals: toTotals(r),
      }));
    },
    exists: (uid: string) => scrutins.exists(uid),

    /** The scrutin with group names/colours and deputy names joined where the referentials know them. */
    async get(uid: string): Promise<ScrutinDetail> {
      const found = await scrutins.get(uid);
      if (!found) throw AppError.notFound(`No scrutin ${uid}`, { param: 'uid' });
      const { scrutin: s, closeness } = found;
      const [organes, names] = await Promise.all([groups.findMany(s.groups.map((g) => g.organeRef)), deputies.forScrutin(uid)]);
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
          // issue 15: the votes of the official totals that no group of the record accounts for
          if (isUnattributed(g)) return { ...g, ...UNATTRIBUTED_LABELS };
          const o = organes.get(g.organeRef);
          return {
            ...g,
            name: o?.name ?? null,
            abbreviation: o?.abbreviation ?? null,
            colour: o?.colour ?? null,
            politicalPosition: o?.politicalPosition ?? null,
          };
        }),
        // The model's group, vote and mise au point fields are the DTO's, plus names and colours.
        deputies: s.deputies.map((d) => ({ ...d, ...named(d.acteurRef) })),
        misesAuPoint: s.misesAuPoint.map((m) => ({ ...m, ...named(m.acteurRef) })),
        warnings: qualityWarnings(s),
      };
    },
  };
}

export type ScrutinsService = ReturnType<typeof createScrutinsService>;
