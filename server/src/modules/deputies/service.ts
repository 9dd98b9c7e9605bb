import type { DeputyPositionsQuery, DeputyResponse } from '@parallele/core';
import type { Db } from '../../db/client';
import { AppError } from '../../errors';
import { createGroupsRepository } from '../groups';
import { createDeputiesRepository } from './repository';

export function createDeputiesService(db: Db) {
  const deputies = createDeputiesRepository(db);
  const groups = createGroupsRepository(db);
  return {
    /**
     * A deputy and a page of their positions. An acteur with positions but no acteur file (a
     * deputy gone before the referential snapshot) is still answered, with null names.
     */
    async get(ref: string, query: DeputyPositionsQuery): Promise<DeputyResponse> {
      const row = await deputies.get(ref);
      const { rows, total } = await deputies.positions(ref, query.page, query.pageSize);
      if (!row && total === 0) throw AppError.notFound(`No deputy ${ref}`, { param: 'ref' });
      const groupRef = row?.group_ref ?? null;
      return {
        deputy: {
          ref,
          civility: row?.civility ?? null,
          firstName: row?.first_name ?? null,
          lastName: row?.last_name ?? null,
          alpha: row?.alpha ?? null,
          birthDate: row?.birth_date ?? null,
          groupRef,
          group: groupRef ? await groups.get(groupRef) : null,
        },
        positions: { items: rows, page: query.page, pageSize: query.pageSize, total, totalPages: Math.ceil(total / query.pageSize) },
      };
    },
  };
}
export type DeputiesService = ReturnType<typeof createDeputiesService>;
