import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundledData } from './data';
import { runScenarioFile, SCENARIOS_DIR } from './run';

const data = loadBundledData();
/** The visible text of an SVG, the official (French) titles of the votes taken out. */
const visibleText = (svg: string, officialTitles: readonly string[]) => {
  let text = svg.replace(/<title>[^<]*<\/title>|<desc>[^<]*<\/desc>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&#x27;|&apos;/g, "'");
  for (const t of officialTitles) for (const word of t.split(/\s+/)) text = text.replace(word, ' ');
  return text;
};

describe('a scenario drawn in English', async () => {
  const file = join(SCENARIOS_DIR, 'censure-retraites-2023.yaml');
  const [en, fr] = await Promise.all([runScenarioFile(file, { data, write: false, lang: 'en' }), runScenarioFile(file, { data, write: false })]);
  const titles = en.computed.rows.map((r) => r.scrutin.titre);

  it('titles every chart with its English title', () => {
    expect(en.result.charts.map((c) => c.title)).toEqual([
      'LIOT motion (vote 1240) — votes for and threshold by K',
      'RN motion (vote 1241) — votes for and threshold by K',
      'LIOT motion — outcome by K and the MaVoix bloc’s “for” share',
      'LIOT motion with 30 MaVoix deputies (68% for)',
      'Both motions with 100 MaVoix deputies',
    ]);
    expect(fr.result.charts[0]!.title).toBe('Motion LIOT (scrutin 1240) — voix pour et seuil selon K');
  });

  it('says no French word on any image but the votes’ official titles', () => {
    for (const c of en.charts) {
      const text = visibleText(c.svg, titles);
      expect(text, c.chart.name).not.toMatch(/\b(pour|contre|requis|députés|scrutin n°|adopté|rejeté|selon|bascule|sondage|Résultat|oui|données|sièges)\b/);
      expect(c.svg, c.chart.name).toContain('open data · MaVoix simulation');
    }
    expect(visibleText(fr.charts[0]!.svg, titles)).toMatch(/députés MaVoix/);
  });

  it('rasterises the English images only when asked', () => {
    const c = en.charts[0]!;
    expect(c.png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(c.png).toBe(c.png);
  });
});
