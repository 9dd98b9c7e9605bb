/**
 * A scrutin page that cannot be read: the layout changed, a block is missing, a number does not
 * parse. It names the page (URL or file) and the selector that failed, so a maintainer can open
 * the page and see what moved. Nothing parsed from such a page is ever stored.
 */
export class PageParseError extends Error {
  readonly page: string;
  readonly selector: string;
  /** The page's HTML when the caller wants to quarantine it (set by who fetched it). */
  raw?: string;

  constructor(page: string, selector: string, detail: string) {
    super(`${page}: ${detail} (selector: ${selector})`);
    this.name = 'PageParseError';
    this.page = page;
    this.selector = selector;
  }
}
