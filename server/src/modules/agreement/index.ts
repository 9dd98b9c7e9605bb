/** The agreement module's public entry: what the platform composition and the importer may use. */
export { createAgreementService, type AgreementService } from './service';
export { createSeatsCollector } from './seats-import';
