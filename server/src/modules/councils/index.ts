/** The local councils module's public entry (issue 15 §4): file reader, import, service. */
export { CouncilFileError, deliberationsFromCsv, parseCouncil, readCouncilFiles } from './reader';
export { createCouncilsService, importCouncil, type CouncilImportSummary, type CouncilsService } from './service';
