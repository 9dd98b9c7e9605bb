/** The reweighting module's public entry (issue 16): what boot and other modules may use. */
export { createReweightingService, type ReweightingService } from './service';
export { reweightingRepository } from './repository';
export { loadShippedMargins, type ShippedMargins } from './shipped-margins';
export { reweightedVotesOf } from './scenario-split';
export { runRake } from './rake-command';
