import type { GroupDto } from '@parallele/core';
import { placeholders } from '../../db/bulk-insert';
import type { Db } from '../../db/client';

/** Reads of the organes referential (political groups and assemblies). */

interface OrganeRow {
  ref: string;
  kind: string;
  name: string;
  abbreviation: string | null;
  colour: string | null;
  political_position: string | null;
  legislature: number | null;
  start_date: string | null;
  end_date: string | null;
  preseance: number | null;
}

const COLUMNS = 'ref, kind, name, abbreviation, colour, political_position, legislature, start_date, end_date, preseance';

const toDto = (r: OrganeRow): GroupDto => ({
  ref: r.ref,
  kind: r.kind,
  name: r.name,
  abbreviation: r.abbreviation,
  colour: r.colour,
  politicalPosition: r.political_position,
  legislature: r.legislature,
  startDate: r.start_date,
  endDate: r.end_date,
  preseance: r.preseance,
});

export function createGroupsRepository(db: Db) {
  const { store } = db;
  // Groups in the hemicycle's order: preseance first, then the name, for a stable listing.
  const ordered = 'ORDER BY legislature DESC NULLS LAST, preseance IS NULL, preseance, name, ref';

  return {
    async list(filter: { legislature?: number; kind?: string }): Promise<GroupDto[]> {
      const { legislature, kind } = filter;
      const conditions: string[] = [];
      const params: (string | number)[] = [];
      if (kind !== undefined) {
        conditions.push('kind = ?');
        params.push(kind);
      }
      if (legislature !== undefined) {
        conditions.push('legislature = ?');
        params.push(legislature);
      }
      const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
      return (await store.all<OrganeRow>(`SELECT ${COLUMNS} FROM organes ${where} ${ordered}`, params)).map(toDto);
    },

    async get(ref: string): Promise<GroupDto | null> {
      const row = await store.get<OrganeRow>(`SELECT ${COLUMNS} FROM organes WHERE ref = ?`, [ref]);
      return row ? toDto(row) : null;
    },

    /** The known organes among `refs` (dangling refs such as PO0 are simply absent). */
    async findMany(refs: readonly string[]): Promise<Map<string, GroupDto>> {
      const unique = [...new Set(refs)];
      if (unique.length === 0) return new Map();
      const rows = await store.all<OrganeRow>(`SELECT ${COLUMNS} FROM organes WHERE ref IN (${placeholders(unique.length)})`, unique);
      return new Map(rows.map((r) => [r.ref, toDto(r)]));
    },
  };
}

export type GroupsRepository = ReturnType<typeof createGroupsRepository>;
