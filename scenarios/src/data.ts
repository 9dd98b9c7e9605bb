import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseOrgane, parseScrutin } from '@parallele/core';
import type { Group, Scrutin } from '@parallele/core';
import type { ScenarioData } from './compute';

/**
 * The scenario runner reads the official AN files bundled in the repo (data/opendata), parsed by
 * core's `parseScrutin`. Chosen over the server's store so that `npm run scenario` works on a
 * fresh clone, with no database to import first and nothing downloaded, and so that a scenario's
 * figures are reproducible from files under version control. (The API serves the files the
 * runner wrote; a store-backed source would only be needed for the platform's citizen votes.)
 */
export const DATA_DIR = fileURLToPath(new URL('../../data/opendata/', import.meta.url));

const BUNDLES = ['scrutins/VTANR5L16-samples.ndjson.gz', 'scrutins/VTANR5L17V1-3876.ndjson.gz'];

function readLines(path: string): string[] {
  const buf = readFileSync(path);
  const text = path.endsWith('.gz') ? gunzipSync(buf).toString('utf8') : buf.toString('utf8');
  return text.split('\n').filter((l) => l.trim() !== '');
}

let cache: ScenarioData | null = null;

/** Every bundled scrutin (L16 samples, all of L17) and the groups' names and colours. */
export function loadBundledData(dir = DATA_DIR): ScenarioData {
  if (cache && dir === DATA_DIR) return cache;
  const scrutins: Scrutin[] = [];
  for (const bundle of BUNDLES) {
    readLines(join(dir, bundle)).forEach((line, i) => scrutins.push(parseScrutin(JSON.parse(line), `${bundle}:${i + 1}`)));
  }
  const groups = new Map<string, { abbreviation: string | null; name: string; colour: string | null }>();
  for (const leg of ['L16', 'L17']) {
    const folder = join(dir, 'organes', leg);
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.json')).sort()) {
      const g: Group = parseOrgane(JSON.parse(readFileSync(join(folder, file), 'utf8')), `organes/${leg}/${file}`);
      groups.set(g.ref, { abbreviation: g.abbreviation, name: g.name, colour: g.colour });
    }
  }
  const data: ScenarioData = { scrutins, groups };
  if (dir === DATA_DIR) cache = data;
  return data;
}

/** A uid lookup for the loader's "unknown uid" check. */
export function uidChecker(data: ScenarioData): (uid: string) => boolean {
  const set = new Set(data.scrutins.map((s) => s.uid as string));
  return (uid) => set.has(uid);
}
