/** The elections module's public entry (issue 15 §3): the Président elections and citizens' ballots. */
export { createElectionsService, type ElectionsService } from './service';
export { BUNDLED_ELECTIONS, readElections } from './data';
