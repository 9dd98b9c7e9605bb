import type { PoliteHttpClient } from '../http/polite-client';
import { PageParseError } from './errors';
import { listPageUrl, parseScrutinListPage } from './list-page';

export interface DiscoverOptions {
  baseUrl: string;
  legislature: number;
  /** Numeros up to this one are already known (resume point or last open-data numero). */
  after: number;
  /** Safety stop: a list that never ends is a layout change, not 10,000 new votes. */
  maxPages?: number;
}

export interface Discovery {
  /** New numeros, oldest first (the order to fetch and resume in). */
  numeros: number[];
  listPages: number;
}

/**
 * Walks the list pages, newest first, until it reaches a numero already known or the last page.
 * A list page that does not parse throws a PageParseError: better no run than a run on a guess.
 */
export async function discoverNewScrutins(client: PoliteHttpClient, o: DiscoverOptions): Promise<Discovery> {
  const found = new Set<number>();
  let url: string | null = listPageUrl(o.baseUrl, o.legislature, 1);
  let pages = 0;
  const maxPages = o.maxPages ?? 200;
  while (url) {
    if (pages >= maxPages) throw new PageParseError(url, 'a[rel="next"]', `more than ${maxPages} list pages: stopping`);
    const res = await client.getText(url);
    if (res.status !== 200) break;
    pages++;
    let page;
    try {
      page = parseScrutinListPage(res.text, { page: url, legislature: o.legislature });
    } catch (error) {
      if (error instanceof PageParseError) error.raw = res.text;
      throw error;
    }
    const fresh = page.numeros.filter((n) => n > o.after);
    for (const n of fresh) found.add(n);
    if (fresh.length < page.numeros.length) break;
    url = page.next;
  }
  return { numeros: [...found].sort((a, b) => a - b), listPages: pages };
}
