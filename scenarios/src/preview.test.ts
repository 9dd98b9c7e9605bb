import { describe, expect, it } from 'vitest';
import { parseScrutin } from '@parallele/core';
import { pngSize, svgToPng } from './render/png';
import { scrutinPreview, PREVIEW_SIZE } from './preview';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';

const REPO = join(import.meta.dirname, '../..');
const v1240 = gunzipSync(readFileSync(join(REPO, 'data/opendata/scrutins/VTANR5L16-samples.ndjson.gz')))
  .toString('utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as unknown)
  .map((raw, i) => parseScrutin(raw, `samples:${i}`))
  .find((s) => s.uid === 'VTANR5L16V1240')!;

describe('link previews', () => {
  it('draws the LIOT motion at 1200×630 with the vote, the outcome and the parallel result', () => {
    const settings = { k: 10, split: [55, 35, 10] as const, mode: 'proportional', method: 'largest-remainder' as const, splitSource: 'manual' as const };
    const fr = scrutinPreview(v1240, [], settings, 'https://mavoix.example/scrutins/VTANR5L16V1240', 'fr');
    expect(fr.title).toMatch(/^Scrutin n° 1240 – La motion de censure/);
    expect(fr.description).toContain('Rejeté\u00a0: 278 pour, 0 contre (287 requis)');
    expect(fr.description).toMatch(/Avec 10 députés MaVoix\u00a0: (adopté|rejeté), \d+ pour/);
    expect(fr.svg).toContain('Bertrand Pancher');
    const png = svgToPng(fr.svg);
    expect(pngSize(png)).toEqual(PREVIEW_SIZE);
    const en = scrutinPreview(v1240, [], settings, 'https://mavoix.example/x', 'en');
    expect(en.description).toContain('Rejected: 278 for, 0 against (287 required)');
    expect(en.svg).toContain('open data');
  });
});
