import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { amendementNumberOf, guessWithAmendements, parseAmendement, parseReunion, parseScrutin, type AgendaPoint, type MatchedAmendement } from '@parallele/core';
import { describe, expect, it } from 'vitest';
import { BUNDLED_DATA_DIR } from '../../import/import-service';

/**
 * Our linker (core/src/agenda/link.ts: the amendement a titre names, titre ↔ agenda objet, else the
 * sitting's only text) on the 3,876 real L17 scrutins, the real agenda and the bundled amendements,
 * against the derived link table of the shared data (the same three kinds of evidence, weighed its
 * own way): how often do we agree?
 */
const lines = (path: string) => gunzipSync(readFileSync(path)).toString('utf8').split('\n').filter((l) => l !== '');

const sittings = new Map<string, AgendaPoint[]>();
for (const [i, line] of lines(join(BUNDLED_DATA_DIR, 'agenda/reunions-L16-L17-4601.ndjson.gz')).entries()) {
  const r = parseReunion(JSON.parse(line), `agenda:${i + 1}`);
  if (r.kind === 'seance') sittings.set(r.value.uid, r.value.points);
}
// the bundled amendements, by (séance, number): what the titre « l'amendement n° … » is matched on
const amendements = new Map<string, MatchedAmendement[]>();
for (const [i, line] of lines(join(BUNDLED_DATA_DIR, 'amendements/amendements-L17-voted.ndjson.gz')).entries()) {
  const a = parseAmendement(JSON.parse(line), `amendements:${i + 1}`);
  const key = `${a.seanceRef}|${a.numero}`;
  amendements.set(key, [...(amendements.get(key) ?? []), { uid: a.uid, numero: a.numero, dossierRef: a.dossierRef }]);
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
  const byAmendement = { amendement: 0, 'amendement+title': 0 };
  for (const [i, line] of lines(join(BUNDLED_DATA_DIR, 'scrutins/VTANR5L17V1-3876.ndjson.gz')).entries()) {
    const s = parseScrutin(JSON.parse(line), `scrutins:${i + 1}`);
    const numero = amendementNumberOf(s.titre);
    const matched = numero === null ? [] : (amendements.get(`${s.seanceRef}|${numero}`) ?? []);
    const guess = guessWithAmendements(s.titre, sittings.get(s.seanceRef ?? '') ?? [], matched);
    if (guess.method === 'amendement' || guess.method === 'amendement+title') byAmendement[guess.method]++;
    const ours = guess.dossierRef;
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

  it('agrees with the derived table on 3,747 of the 3,748 scrutins both link (99.97 %)', () => {
    // without the amendements: 3,701 of 3,702, and 54 scrutins only the table linked (now 8)
    expect(counts).toEqual({ both: 3748, agree: 3747, oursOnly: 84, theirsOnly: 8, neither: 36 });
    // V908, « l'amendement n° 17 rectifié » on the SDIS health staff text: the table follows the
    // withdrawn n° 17 of the other text discussed that day (the frelon asiatique); the titre names
    // the SDIS text, and so do we
    expect(disagreements).toEqual(['VTANR5L17V908']);
  });

  it('links by amendement where the titre alone does not decide, and says so', () => {
    // 204 by the amendement alone (the titre names no text clearly, or the sitting had several),
    // 2,005 where the amendement and the titre agree
    expect(byAmendement).toEqual({ amendement: 204, 'amendement+title': 2005 });
  });

  it('never guesses for the two government declarations, which name no text', () => {
    const declarations = [...reference].filter(([, r]) => r.method === 'none').map(([uid]) => uid);
    expect(declarations).toHaveLength(2);
  });
});
