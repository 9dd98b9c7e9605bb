/** The reweighting feature's public entry (issue 16): what other features may use. */
export { ProfileForm } from './components/profile-form';
export { ProfilePrompt } from './components/profile-prompt';
export { RepresentativityPanel } from './components/representativity-panel';
export { useReweightedSplit } from './use-reweighted-split';
