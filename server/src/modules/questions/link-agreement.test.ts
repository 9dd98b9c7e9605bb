import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { guessDossier, parseReunion, parseScrutin, type AgendaPoint } from '@parallele/core';
import { describe, expect, it } from 'vitest';
import { BUNDLED_DATA_DIR } from '../../import/import-service';

/**
 * Our linker (core/src/agenda/link.ts: titre ↔ agenda objet, else the sitting's only text) on the
 * 3,876 real L17 scrutins and the real agenda, against the derived link table of the shared data
 * (three heuristics, one of them from amendements we do not ship): how often do we agree?
 */
const lines = (path: string) => gunzipSync(readFileSync(path)).toString('utf8').split('\n').filter((l) => l !== '');

const sittings = new Map<string, AgendaPoint[]>();
for (const [i, line] of lines(join(BUNDLED_DATA_DIR, 'agenda/reunions-L16-L17-4601.ndjson.gz')).entries()) {
  const r = parseReunion(JSON.parse(line), `agenda:${i + 1}`);
  if (r.kind === 'seance') sittings.set(r.value.uid, r.value.points);
}
const reference = new Map(
  readFileSync(join(import.meta.dirname, 'fixtures/scrutin-links-L17.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','))
    .map(([uid, , guess, method]) => [uid!, { guess: guess || null, method: method! }]),
);

describe('linking real scrutins to texts', () => {
  const counts = { both: 0, agree: 0, oursOnly: 0, theirsOnly: 0, neither: 0 };
  const disagreements: string[] = [];
  for (const [i, line] of lines(join(BUNDLED_DATA_DIR, 'scrutins/VTANR5L17V1-3876.ndjson.gz')).entries()) {
    const s = parseScrutin(JSON.parse(line), `scrutins:${i + 1}`);
    const ours = guessDossier(s.titre, sittings.get(s.seanceRef ?? '') ?? []).dossierRef;
    const theirs = reference.get(s.uid)!.guess;
    if (ours && theirs) {
      counts.both++;
      if (ours === theirs) counts.agree++;
      else disagreements.push(s.uid);
    } else if (ours) counts.oursOnly++;
    else if (theirs) counts.theirsOnly++;
    else counts.neither++;
  }

  it('finds the sitting of every scrutin in the agenda (seanceRef = réunion uid)', () => {
    expect(reference.size).toBe(3876);
  });

  it('agrees with the derived table on 3,701 of the 3,702 scrutins both link (99.97 %)', () => {
    expect(counts).toEqual({ both: 3702, agree: 3701, oursOnly: 84, theirsOnly: 54, neither: 36 });
    // V908: an amendement to a carried-over L16 text, which only the amendement method finds
    expect(disagreements).toEqual(['VTANR5L17V908']);
  });

  it('never guesses for the two government declarations, which name no text', () => {
    const declarations = [...reference].filter(([, r]) => r.method === 'none').map(([uid]) => uid);
    expect(declarations).toHaveLength(2);
  });
});
