import type { Db } from '../db/client';
import { indexScrutinSearch, motionUids, scrutinsLinkedToSittings } from '../db/scrutin-search';

interface Changes {
  imported: number;
  updated: number;
}

/**
 * The end of an import: one pass over the search documents that may have changed, once the
 * scrutins, the deputies, the groups and the agenda of the run are all in: the scrutins written,
 * those held in (or about the texts of) the sittings read when the agenda changed, and the motions
 * de censure when deputies or groups changed (their documents name their authors' groups).
 */
export async function indexChangedSearch(
  db: Db,
  written: Set<string>,
  summary: { deputies: Changes; groups: Changes; agenda: Changes },
  sittingUids: readonly string[],
): Promise<number> {
  const changed = (k: Changes) => k.imported + k.updated > 0;
  const uids = new Set(written);
  if (changed(summary.agenda)) for (const uid of await scrutinsLinkedToSittings(db, sittingUids)) uids.add(uid);
  if (changed(summary.deputies) || changed(summary.groups)) for (const uid of await motionUids(db)) uids.add(uid);
  return uids.size ? indexScrutinSearch(db, uids) : 0;
}
