/** The European Parliament module's public entry (issue 15): its CSV reader and the bundled import. */
export { BUNDLED_EP_DIR, epVotesFile, readEpSource } from './reader';
export { EP_TERM, epMissing, importBundledEpIfMissing } from './bundled';
