/** The votes feature's public entry: what other features may use. */
export { VotePanel } from './components/vote-panel';
export { entryOf, SCOPE_LABEL, useVotesStore } from './store';
