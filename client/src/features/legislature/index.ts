/** The legislature feature's public entry: what other features may use. */
export { fetchLeverage } from './api';
