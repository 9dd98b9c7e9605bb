/** The votes feature's public entry: what other features may use. */
export { VotePanel, type QuestionWording } from './components/vote-panel';
export { entryOf, SCOPE_LABEL, useVotesStore } from './store';
