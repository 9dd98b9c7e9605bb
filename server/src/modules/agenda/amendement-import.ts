import { createHash } from 'node:crypto';
import { AnParseError, parseAmendement } from '@parallele/core';
import type { Db } from '../../db/client';
import { amendementsRepository, type AmendementItem } from './amendements-repository';

/**
 * The importer's handler of `amendement` documents (the AN's Amendements export, or the bundled
 * amendements decided by L17 scrutins): kept for the linker (core/agenda/link.ts). Like réunions,
 * the same uid twice with different content is an error naming both locations.
 */

/** Bump when parseAmendement produces something different from the same file: re-imports then refresh. */
export const AMENDEMENT_PARSER_VERSION = 1;

export type AmendementAccept = { status: 'kept' } | { status: 'duplicate' } | { status: 'error'; message: string };

export function createAmendementCollector() {
  const kept = new Map<string, AmendementItem & { source: string }>();
  return {
    handles: (json: unknown) => typeof json === 'object' && json !== null && !Array.isArray(json) && Object.keys(json).length === 1 && 'amendement' in json,
    get size() {
      return kept.size;
    },
    add(json: unknown, location: string, text: string | undefined): AmendementAccept {
      let value;
      try {
        value = parseAmendement(json, location);
      } catch (e) {
        if (!(e instanceof AnParseError)) throw e;
        return { status: 'error', message: e.message };
      }
      // the dossier may come from the location (the export's folders): it is part of the content
      const hash = createHash('sha256')
        .update(`amendement-parser-v${AMENDEMENT_PARSER_VERSION}\n${value.dossierRef ?? ''}\n`)
        .update(text ?? JSON.stringify(json))
        .digest('hex');
      const seen = kept.get(value.uid);
      if (seen) {
        if (seen.hash === hash) return { status: 'duplicate' };
        return { status: 'error', message: `${value.uid}: the same uid with different content at ${seen.source} and ${location}` };
      }
      kept.set(value.uid, { value, hash, source: location });
      return { status: 'kept' };
    },
    write(db: Db, now: number) {
      return amendementsRepository(db).upsert([...kept.values()], now);
    },
  };
}

export type AmendementCollector = ReturnType<typeof createAmendementCollector>;
