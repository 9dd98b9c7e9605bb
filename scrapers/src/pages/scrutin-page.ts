import * as cheerio from 'cheerio';
import { isDynPage, parseDynScrutinPage } from './dyn-page';
import { PageParseError } from './errors';
import type { ParsePageOptions, ScrapedScrutin } from './types';
import { isWww2Page, parseWww2ScrutinPage } from './www2-page';

/** Parse a scrutin detail page of either layout; a page of neither is a PageParseError. */
export function parseScrutinPage(html: string, options: ParsePageOptions): ScrapedScrutin {
  const $ = cheerio.load(html);
  if (isDynPage($)) return parseDynScrutinPage($, options);
  if (isWww2Page($)) return parseWww2ScrutinPage($, options);
  throw new PageParseError(options.page, 'div[data-id^="VTANR"] | div.TTgroupe', 'neither the /dyn nor the www2 scrutin layout');
}
