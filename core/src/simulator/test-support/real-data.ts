/* eslint-disable no-restricted-imports -- test-only loader of the bundled files (never imported by src) */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { Scrutin } from '../../an/model';
import { parseScrutin } from '../../an/parse';

/** Reads the bundled official scrutins for tests, through the real parser. */
const root = fileURLToPath(new URL('../../../../data/opendata/scrutins/', import.meta.url));

const memo = new Map<string, Scrutin[]>();

function readBundle(file: string): Scrutin[] {
  const hit = memo.get(file);
  if (hit) return hit;
  const text = file.endsWith('.gz') ? gunzipSync(readFileSync(root + file)).toString('utf8') : readFileSync(root + file, 'utf8');
  const out = text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => parseScrutin(JSON.parse(l) as unknown, `${file}:${i + 1}`));
  memo.set(file, out);
  return out;
}

/** All 3,876 scrutins of the 17th legislature. */
export const l17 = (): Scrutin[] => readBundle('VTANR5L17V1-3876.ndjson.gz');
/** The 192 L16 samples. */
export const l16Samples = (): Scrutin[] => readBundle('VTANR5L16-samples.ndjson.gz');
/** The Congrès of 4 March 2024 (SSG). */
export const congres = (): Scrutin => readBundle('VTCGR5L16V1.json')[0]!;

export function byUid(uid: string): Scrutin {
  const all = uid.startsWith('VTANR5L17') ? l17() : uid.startsWith('VTCG') ? [congres()] : l16Samples();
  const s = all.find((x) => x.uid === uid);
  if (!s) throw new Error(`${uid}: not in the bundled files`);
  return s;
}
