/** The alerts module's public entry: what the platform composition may use. */
export { createAlertsService, type AlertsService } from './service';
