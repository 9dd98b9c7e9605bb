/**
 * Test support shared with the server's sync tests (exported as `testSupport`): a real HTTP
 * server on port 0, a recording clock, archives and list pages built from the real bundled data.
 * Never used by production code.
 */
export { recordingClock } from './clock';
export { robotsAllowAll, serveBody, startTestServer, type Handler, type TestServer } from './http-server';
export { renderListPage, type ListEntry } from './list-page-render';
export { buildAmoZip, buildScrutinsZip, l17ScrutinLines } from './official-zip';
export { FIXTURES_DIR, OPENDATA_DIR, fixture, knownDeputies, knownGroups, ndjsonLines } from './real-data';
export { renderDynScrutinPage, type RenderNames } from './dyn-page-render';
