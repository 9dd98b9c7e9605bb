import { councilGroups, councilScrutin, type CouncilFile } from '@parallele/core';
import { upsertGroups, upsertScrutins } from '../../db/an-store';
import type { Db } from '../../db/client';

export interface CouncilImportSummary {
  council: string;
  fictional: boolean;
  deliberations: { imported: number; updated: number; unchanged: number };
  uids: string[];
}

/**
 * Writes a validated council into the store as organes + records of the common model, in one
 * transaction (nothing half-written): idempotent like the AN import (content hashes).
 */
export async function importCouncil(db: Db, file: CouncilFile, now = Date.now()): Promise<CouncilImportSummary> {
  const scrutins = file.deliberations.map((d, i) => councilScrutin(file.council, d, i + 1));
  const report = await db.store.transaction(async () => {
    await upsertGroups(db, councilGroups(file.council), now);
    return upsertScrutins(db, scrutins, now);
  });
  return {
    council: file.council.id,
    fictional: file.council.fictional,
    deliberations: { imported: report.inserted, updated: report.updated, unchanged: report.unchanged },
    uids: scrutins.map((s) => s.uid),
  };
}

/** What the admin route uses: imports a council, then drops the simulator's caches (built once in buildAppDeps). */
export function createCouncilsService(deps: { db: Db; simulation: { invalidate(): void } }) {
  return {
    async importCouncil(file: CouncilFile, now: number): Promise<CouncilImportSummary> {
      const summary = await importCouncil(deps.db, file, now);
      deps.simulation.invalidate();
      return summary;
    },
  };
}
export type CouncilsService = ReturnType<typeof createCouncilsService>;
