import type { GroupListQuery, GroupListResponse } from '@parallele/core';
import type { Db } from '../../db/client';
import { createGroupsRepository } from './repository';

export function createGroupsService(db: Db) {
  const groups = createGroupsRepository(db);
  return {
    async list(query: GroupListQuery): Promise<GroupListResponse> {
      const kind = query.kind.toLowerCase() === 'all' ? undefined : query.kind.toUpperCase();
      return { groups: await groups.list({ legislature: query.legislature, kind }) };
    },
  };
}
export type GroupsService = ReturnType<typeof createGroupsService>;
