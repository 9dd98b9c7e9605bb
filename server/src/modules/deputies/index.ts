/** The deputies module's public entry: what boot and other modules may use. */
export { createDeputiesService, type DeputiesService } from './service';
export { createDeputiesRepository, type DeputiesRepository } from './repository';
