/** The legislatures module's public entry: what boot and other modules may use. */
export { createLegislaturesService, type LegislaturesService } from './service';
