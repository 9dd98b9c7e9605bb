import { readFileSync, readdirSync } from 'node:fs';
import { OPENDATA_DIR, ndjsonLines } from './real-data';

/**
 * Official-looking AN archives built from the REAL bundled files, for tests that serve them over
 * HTTP: `Scrutins.json.zip` holds `json/VTANR5L17V{n}.json` members, the AMO10 zip holds
 * `json/acteur/PA….json` and `json/organe/PO….json` (the portal's layout). Members are the original
 * bytes, one file per line of the bundles. fflate (a devDependency) is imported lazily: this module
 * is exported with the package and must load where dev dependencies are not installed.
 */

const zip = async (files: Record<string, Uint8Array>) => Buffer.from((await import('fflate')).zipSync(files, { level: 1 }));

export interface ScrutinZipOptions {
  /** Keep only these numeros (a subset for speed); default all 3,876. */
  numeros?: (n: number) => boolean;
  /** Replace a member's text (to plant a malformed record). */
  edit?: (numero: number, text: string) => string;
}

export function l17ScrutinLines(): string[] {
  return ndjsonLines('scrutins/VTANR5L17V1-3876.ndjson.gz');
}

export async function buildScrutinsZip(o: ScrutinZipOptions = {}, lines: string[] = l17ScrutinLines()): Promise<Buffer> {
  const files: Record<string, Uint8Array> = {};
  lines.forEach((line, i) => {
    const numero = i + 1;
    if (o.numeros && !o.numeros(numero)) return;
    const text = o.edit ? o.edit(numero, line) : line;
    files[`json/VTANR5L17V${numero}.json`] = Buffer.from(text, 'utf8');
  });
  return zip(files);
}

export async function buildAmoZip(): Promise<Buffer> {
  const files: Record<string, Uint8Array> = {};
  for (const line of ndjsonLines('acteurs/acteurs-L17.ndjson.gz')) {
    const uid = /"#text": "(PA\d+)"/.exec(line)?.[1];
    if (uid) files[`json/acteur/${uid}.json`] = Buffer.from(line, 'utf8');
  }
  const dir = `${OPENDATA_DIR}organes/L17/`;
  for (const f of readdirSync(dir)) files[`json/organe/${f}`] = readFileSync(dir + f);
  return zip(files);
}
