/** @parallele/scrapers public API. Add lines; never rewrite the file. */
export * from './sources';
export * from './http';
export * from './pages';
export * from './opendata';
export * as testSupport from './test-support';
