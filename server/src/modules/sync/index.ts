/** The sync module's public entry: what boot and other modules may use. */
export { SyncService, syncSettingsFromConfig } from './service';
export type { SyncProgress } from './context';
