import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { acteurRef, organeRef } from '@parallele/core';
import type { KnownDeputy, KnownGroup } from '../pages/types';

/** Test helpers reading the REAL bundled files of the repo (data/opendata, src/fixtures). */

export const OPENDATA_DIR = fileURLToPath(new URL('../../../data/opendata/', import.meta.url));
export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));

export const fixture = (name: string) => readFileSync(`${FIXTURES_DIR}${name}`, 'utf8');

/** The lines of a bundled `.ndjson.gz` (one official JSON file per line). */
export function ndjsonLines(relative: string): string[] {
  return gunzipSync(readFileSync(`${OPENDATA_DIR}${relative}`)).toString('utf8').split('\n').filter(Boolean);
}

interface RawActeur {
  acteur: { uid: { '#text': string }; etatCivil: { ident: { prenom: string; nom: string } } };
}

/** Name and id of every acteur of the L16 and L17 bundles (the fields name matching needs). */
export function knownDeputies(): KnownDeputy[] {
  const out = new Map<string, KnownDeputy>();
  for (const file of ['acteurs/acteurs-L16.ndjson.gz', 'acteurs/acteurs-L17.ndjson.gz']) {
    for (const line of ndjsonLines(file)) {
      const { acteur } = JSON.parse(line) as RawActeur;
      const ref = acteurRef(acteur.uid['#text']);
      out.set(ref, { ref, firstName: acteur.etatCivil.ident.prenom, lastName: acteur.etatCivil.ident.nom });
    }
  }
  return [...out.values()];
}

/** The bundled organes (groups and assemblies) of one legislature folder. */
export function knownGroups(legislature: 16 | 17): KnownGroup[] {
  const dir = `${OPENDATA_DIR}organes/L${legislature}/`;
  return readdirSync(dir).map((f) => {
    const { organe } = JSON.parse(readFileSync(dir + f, 'utf8')) as { organe: { uid: string; libelle: string; legislature: string | null } };
    return { ref: organeRef(organe.uid), name: organe.libelle, legislature: organe.legislature ? Number(organe.legislature) : null };
  });
}
