import { createHash } from 'node:crypto';
import { AnParseError, parseReunion } from '@parallele/core';
import type { Db } from '../../db/client';
import { agendaRepository, type AgendaWriteReport, type SittingItem } from './repository';

/**
 * The importer's handler of `reunion` documents (the AN's Agenda.json.zip, the bundled agenda):
 * séances publiques are parsed and kept, other meetings (commissions, study groups, the Sénat's
 * séances present in the AN feed) are counted as skipped. Every réunion read, kept or not, tells
 * how recent the data is: its latest creation / closing / end time is the import's snapshot.
 */

/** Bump when the parser produces something different from the same file: re-imports then refresh. */
export const AGENDA_PARSER_VERSION = 1;

export type AgendaAccept = { status: 'kept' } | { status: 'skipped' } | { status: 'duplicate' } | { status: 'error'; message: string };

export interface AgendaCollector {
  /** whether this document is a réunion (the importer then hands it over) */
  handles(json: unknown): boolean;
  add(json: unknown, location: string, text: string | undefined): AgendaAccept;
  /** séances read (kept) so far */
  readonly size: number;
  /** Write what was kept; `snapshotAt` overrides the data's own date (a live download is as of now). */
  write(db: Db, sources: readonly string[], now: number, snapshotAt?: number): Promise<AgendaWriteReport>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The latest official time a réunion file attests (read leniently: it only dates the snapshot): its
 * creation / closing chrono, and the end of a séance that was held. Not a commission's end time:
 * those are planned in advance.
 */
function attestedAt(reunion: Record<string, unknown>): number {
  const cycle = isRecord(reunion.cycleDeVie) ? reunion.cycleDeVie : {};
  const chrono = isRecord(cycle.chrono) ? cycle.chrono : {};
  const held = reunion['@xsi:type'] === 'seance_type' ? reunion.timeStampFin : undefined;
  let latest = 0;
  for (const v of [chrono.creation, chrono.cloture, held]) {
    const t = typeof v === 'string' ? Date.parse(v) : NaN;
    if (Number.isFinite(t) && t > latest) latest = t;
  }
  return latest;
}

export function createAgendaCollector(): AgendaCollector {
  const kept = new Map<string, SittingItem>();
  let snapshot = 0;
  return {
    handles: (json) => isRecord(json) && Object.keys(json).length === 1 && 'reunion' in json,
    get size() {
      return kept.size;
    },
    add(json, location, text) {
      let parsed;
      try {
        parsed = parseReunion(json, location);
      } catch (e) {
        if (!(e instanceof AnParseError)) throw e;
        return { status: 'error', message: e.message };
      }
      snapshot = Math.max(snapshot, attestedAt((json as { reunion: Record<string, unknown> }).reunion));
      if (parsed.kind === 'other') return { status: 'skipped' };
      const hash = createHash('sha256')
        .update(`agenda-parser-v${AGENDA_PARSER_VERSION}\n`)
        .update(text ?? JSON.stringify(json))
        .digest('hex');
      const seen = kept.get(parsed.value.uid);
      if (seen) {
        if (seen.hash === hash) return { status: 'duplicate' };
        return { status: 'error', message: `${parsed.value.uid}: the same uid with different content at ${seen.source} and ${location}` };
      }
      kept.set(parsed.value.uid, { value: parsed.value, hash, source: location });
      return { status: 'kept' };
    },
    async write(db, sources, now, snapshotAt) {
      const repo = agendaRepository(db);
      return db.store.transaction(async () => {
        const report = await repo.upsertSittings([...kept.values()], now);
        if (kept.size > 0) await repo.recordImport(sources.join(', '), snapshotAt ?? snapshot, kept.size, now);
        return report;
      });
    },
  };
}
