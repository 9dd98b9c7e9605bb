/** The scrutins feature's public entry: what other features may use. */
export { OutcomeBadge, ScrutinList } from './components/scrutin-item';
export { fetchScrutins } from './api';
export { useScrutinsStore } from './store';
