import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { svgSize } from './export';
import { KCurveChart } from './k-curve';
import { posterSvg, SOCIAL_FORMATS, wrapText, type SocialFormat } from './poster';
import { dateInWords, modeInWords, outcomeInWords, settingsInWords, sourceLine } from './words';

const TITLE = 'La motion de censure déposée en application de l’article 49, alinéa 3, de la Constitution par M. Bertrand Pancher et 90 membres de l’Assemblée';
const chart = renderToStaticMarkup(<KCurveChart points={[0, 1, 2].map((k) => ({ k, pour: 278 + 5 * k, contre: 0, abstentions: 0, required: 287, outcome: 278 + 5 * k >= 287 ? 'adopté' : 'rejeté' }))} officialOutcome="rejeté" tippingPoint={2} width={720} height={420} />);
const context = {
  title: TITLE,
  lines: [dateInWords('2023-03-20'), settingsInWords({ k: 7, split: [70, 23, 7], mode: 'proportional', method: 'largest-remainder' }), outcomeInWords('rejeté', 'adopté')],
  source: sourceLine('https://example.org/scrutins/VTANR5L16V1240?k=7'),
};
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&#x27;|&apos;/g, '\''));

describe('exported images carry their context', () => {
  it('wrap the vote’s title over several lines without dropping a word, and say the settings in words', () => {
    const svg = posterSvg(chart, context);
    const lines = texts(svg);
    const titleLines = lines.slice(0, lines.findIndex((l) => l === '20 mars 2023'));
    expect(titleLines.length).toBeGreaterThan(1);
    expect(titleLines.join(' ')).toBe(TITLE);
    const all = lines.join(' ');
    expect(all).toContain('K = 7 députés MaVoix');
    expect(all).toContain('70\u202f% pour, 23\u202f% contre, 7\u202f% abstention');
    expect(all).toContain('remplacement proportionnel');
    expect(all).not.toContain('proportional ');
    expect(all).toContain('Résultat officiel\u202f: rejeté · avec MaVoix\u202f: adopté');
    expect(all).toContain('Assemblée nationale – données ouvertes · simulation MaVoix, https://example.org/scrutins/VTANR5L16V1240?k=7');
    expect((svg.match(/<svg\b/g) ?? []).length).toBe(1);
  });

  it('are laid out at the three social sizes, the chart scaled into what the text leaves', () => {
    for (const format of Object.keys(SOCIAL_FORMATS) as SocialFormat[]) {
      const svg = posterSvg(chart, context, format);
      expect(svgSize(svg), format).toEqual(SOCIAL_FORMATS[format]);
      const scale = Number(/scale\(([\d.]+)\)/.exec(svg)![1]);
      expect(scale * 720, format).toBeLessThanOrEqual(SOCIAL_FORMATS[format].width);
      // type legible on a phone: the title at least 28 px on a 1080 px wide image
      const titleSize = Number(/font-size="(\d+)" font-weight="bold"/.exec(svg)![1]);
      expect(titleSize, format).toBeGreaterThanOrEqual(28);
    }
  });

  it('speak English to English readers', () => {
    expect(settingsInWords({ k: 1, split: [1, 1, 2], mode: 'added', method: 'dhondt' }, 'en')).toBe('K = 1 MaVoix deputy · their vote: 25% for, 25% against, 50% abstention · seats added to the Assembly · D’Hondt split');
    expect(modeInWords('deputies:PA1,PA2', 'fr')).toBe('remplacement de 2 députés nommés');
    expect(modeInWords('group:PO1', 'fr', () => 'Rassemblement national')).toBe('remplacement dans le groupe Rassemblement national');
    expect(dateInWords('2024-12-04', 'en')).toBe('4 December 2024');
    expect(sourceLine('/x', 'en')).toBe('Assemblée nationale – open data · MaVoix simulation, /x');
    expect(wrapText('a'.repeat(50), 100, 10)).toEqual(['a'.repeat(16), 'a'.repeat(16), 'a'.repeat(16), 'aa']);
  });
});
