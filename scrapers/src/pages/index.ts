export { PageParseError } from './errors';
export { parseScrutinPage } from './scrutin-page';
export { parseDynScrutinPage } from './dyn-page';
export { parseWww2ScrutinPage } from './www2-page';
export { NameMatcher } from './name-matcher';
export { detailPageUrl, listPageUrl, parseScrutinListPage, type ListPage } from './list-page';
export { discoverNewScrutins, type DiscoverOptions, type Discovery } from './discover';
export type { KnownDeputy, KnownGroup, PageGroup, PageLayout, ParsePageOptions, ScrapedScrutin, UnmatchedDeputy } from './types';
