import type { GroupDto } from '@parallele/core';
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
  const byRef = db.sqlite.prepare<[string], OrganeRow>(`SELECT ${COLUMNS} FROM organes WHERE ref = ?`);
  // Groups in the hemicycle's order: preseance first, then the name, for a stable listing.
  const ordered = 'ORDER BY legislature DESC, preseance IS NULL, preseance, name, ref';
  const all = db.sqlite.prepare<[], OrganeRow>(`SELECT ${COLUMNS} FROM organes ${ordered}`);
  const byKind = db.sqlite.prepare<[string], OrganeRow>(`SELECT ${COLUMNS} FROM organes WHERE kind = ? ${ordered}`);
  const byLegislature = db.sqlite.prepare<[number], OrganeRow>(`SELECT ${COLUMNS} FROM organes WHERE legislature = ? ${ordered}`);
  const byKindLegislature = db.sqlite.prepare<[string, number], OrganeRow>(
    `SELECT ${COLUMNS} FROM organes WHERE kind = ? AND legislature = ? ${ordered}`,
  );

  return {
    list(filter: { legislature?: number; kind?: string }): GroupDto[] {
      const { legislature, kind } = filter;
      const rows =
        kind !== undefined && legislature !== undefined
          ? byKindLegislature.all(kind, legislature)
          : kind !== undefined
            ? byKind.all(kind)
            : legislature !== undefined
              ? byLegislature.all(legislature)
              : all.all();
      return rows.map(toDto);
    },

    get(ref: string): GroupDto | null {
      const row = byRef.get(ref);
      return row ? toDto(row) : null;
    },

    /** The known organes among `refs` (dangling refs such as PO0 are simply absent). */
    findMany(refs: readonly string[]): Map<string, GroupDto> {
      const unique = [...new Set(refs)];
      if (unique.length === 0) return new Map();
      const rows = db.sqlite
        .prepare<string[], OrganeRow>(`SELECT ${COLUMNS} FROM organes WHERE ref IN (${unique.map(() => '?').join(', ')})`)
        .all(...unique);
      return new Map(rows.map((r) => [r.ref, toDto(r)]));
    },
  };
}

export type GroupsRepository = ReturnType<typeof createGroupsRepository>;
