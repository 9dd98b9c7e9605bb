import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ElectionFileSchema, type ElectionRecord } from '@parallele/core';
import { REPO_ROOT } from '../../config';

/** The bundled elections (data/elections/president-an.json), validated once; a bad file names every bad field. */
export const BUNDLED_ELECTIONS = join(REPO_ROOT, 'data/elections/president-an.json');

export function readElections(path = BUNDLED_ELECTIONS): ElectionRecord[] {
  const parsed = ElectionFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data.elections;
}
