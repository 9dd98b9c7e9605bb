/** The account feature's public entry: what other features may use. */
export { useAccountStore } from './store';
export { ensureCsrf } from './api';
