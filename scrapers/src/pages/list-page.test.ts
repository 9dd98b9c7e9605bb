import { describe, expect, it } from 'vitest';
import { renderListPage } from '../test-support/list-page-render';
import { ndjsonLines } from '../test-support/real-data';
import { PageParseError } from './errors';
import { detailPageUrl, listPageUrl, parseScrutinListPage } from './list-page';

/** List pages generated from the real L17 open data (newest first), as the AN site lists them. */
const entries = ndjsonLines('scrutins/VTANR5L17V1-3876.ndjson.gz')
  .slice(-25)
  .reverse()
  .map((line) => {
    const s = (JSON.parse(line) as { scrutin: { numero: string; dateScrutin: string; titre: string; sort: { code: 'adopté' | 'rejeté' } } }).scrutin;
    return { legislature: 17, numero: Number(s.numero), date: s.dateScrutin, titre: s.titre, outcome: s.sort.code };
  });

describe('the scrutin list page', () => {
  it('gives the numeros it links to, newest first, and the next page', () => {
    const html = renderListPage(entries.slice(0, 20), { legislature: 17, page: 1, nextPage: 2 });
    const page = parseScrutinListPage(html, { page: 'https://www.assemblee-nationale.fr/dyn/17/scrutins?page=1', legislature: 17 });
    expect(page.numeros).toEqual(Array.from({ length: 20 }, (_, i) => 3876 - i));
    expect(page.next).toBe('https://www.assemblee-nationale.fr/dyn/17/scrutins?page=2');
  });

  it('ends on the last page, and ignores links to another legislature', () => {
    const html = renderListPage(entries.slice(20), { legislature: 17, page: 2, nextPage: null }).replace('</ul>', '<li><a href="/dyn/16/scrutins/3715">L16</a></li></ul>');
    expect(parseScrutinListPage(html, { page: 'https://x.test/dyn/17/scrutins?page=2', legislature: 17 })).toEqual({ numeros: [3856, 3855, 3854, 3853, 3852], next: null });
  });

  it('reads the old site links too', () => {
    const html = '<ul><li><a href="/scrutins/detail/(legislature)/14/(num)/1212">n°1212</a></li></ul>';
    expect(parseScrutinListPage(html, { page: 'https://www2.x.test/scrutins/liste/(legislature)/14', legislature: 14 }).numeros).toEqual([1212]);
  });

  it('refuses a page with no scrutin link at all (a layout change, not an empty list)', () => {
    expect(() => parseScrutinListPage('<html><body><div class="new"></div></body></html>', { page: 'p1', legislature: 17 })).toThrow(PageParseError);
  });

  it('builds the detail URL of each site', () => {
    expect(listPageUrl('https://www.assemblee-nationale.fr/', 17, 3)).toBe('https://www.assemblee-nationale.fr/dyn/17/scrutins?page=3');
    expect(detailPageUrl('https://www.assemblee-nationale.fr', 17, 8433)).toBe('https://www.assemblee-nationale.fr/dyn/17/scrutins/8433');
    expect(detailPageUrl('https://www2.assemblee-nationale.fr', 14, 1212)).toBe('https://www2.assemblee-nationale.fr/scrutins/detail/(legislature)/14/(num)/1212');
  });
});
