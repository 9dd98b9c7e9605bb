export { AnParseError } from './errors';
export { parseScrutin } from './scrutin';
export { parseActeur } from './acteur';
export { parseOrgane } from './organe';
export { parseReunion, type ParsedReunion } from './reunion';
export { amendementNumberOf, parseAmendement, type Amendement } from './amendement';
export { parseConstituencies, type Constituency } from './constituency';
export { parseOfficialDocument, type OfficialDocument, type OfficialDocumentKind } from './document';

/**
 * Version of the normalised output. Stored content hashes include it: bump it whenever the parser
 * changes what it produces from the same official file, so that the next re-import refreshes the
 * stored records instead of reporting them unchanged.
 */
export const AN_PARSER_VERSION = 2;
