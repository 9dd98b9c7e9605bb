/** The scrutins module's public entry: what boot and other modules may use. */
export { createScrutinsService, type ScrutinsService } from './service';
