/** The votes module's public entry: what boot and other modules may use. */
export { createVotesService, unknownScrutin, type VotesService } from './service';
export { votesRepository } from './repository';
export { verifyDb, verifyPublished, verifyStore, type ScrutinCheck } from './verify-log';
