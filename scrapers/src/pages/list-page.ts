import * as cheerio from 'cheerio';
import { PageParseError } from './errors';

/**
 * The AN's scrutin list (`/dyn/{legislature}/scrutins?page=N`, newest first). The reader keys on
 * what any version of the list must contain, links to the detail pages, rather than on its exact
 * markup: `/dyn/17/scrutins/8433` (current site) or `/scrutins/detail/(legislature)/14/(num)/1212`
 * (old site). The next page is the `rel="next"` link, when there is one.
 */

export interface ListPage {
  /** Numeros linked from the page, newest first, without duplicates. */
  numeros: number[];
  /** Absolute URL of the next (older) page, or null on the last page. */
  next: string | null;
}

export function listPageUrl(baseUrl: string, legislature: number, page: number): string {
  return `${baseUrl.replace(/\/$/, '')}/dyn/${legislature}/scrutins?page=${page}`;
}

export function detailPageUrl(baseUrl: string, legislature: number, numero: number): string {
  const base = baseUrl.replace(/\/$/, '');
  // The old site kept the www2 detail pages of legislatures up to the 14th.
  return legislature <= 14
    ? `${base}/scrutins/detail/(legislature)/${legislature}/(num)/${numero}`
    : `${base}/dyn/${legislature}/scrutins/${numero}`;
}

export function parseScrutinListPage(html: string, options: { page: string; legislature: number }): ListPage {
  const $ = cheerio.load(html);
  const leg = options.legislature;
  const patterns = [
    new RegExp(`/dyn/${leg}/scrutins/(\\d+)(?:[/?#]|$)`),
    new RegExp(`/scrutins/detail/\\(legislature\\)/${leg}/\\(num\\)/(\\d+)(?:[/?#]|$)`),
  ];
  const seen = new Set<number>();
  const numeros: number[] = [];
  $('a[href]').each((_, a) => {
    const href = $(a).attr('href') ?? '';
    for (const re of patterns) {
      const m = re.exec(href);
      const n = m ? Number(m[1]) : NaN;
      if (Number.isInteger(n) && n > 0 && !seen.has(n)) {
        seen.add(n);
        numeros.push(n);
      }
    }
  });
  const nextHref = $('a[rel="next"]').first().attr('href');
  const next = nextHref ? new URL(nextHref, options.page).toString() : null;
  if (numeros.length === 0 && next === null && !$('[data-empty-list]').length && !/aucun scrutin/i.test($('body').text())) {
    throw new PageParseError(options.page, `a[href*="/dyn/${leg}/scrutins/"]`, 'no scrutin link on the list page');
  }
  return { numeros: numeros.sort((a, b) => b - a), next };
}
