export { AnParseError } from './errors';
export { parseScrutin } from './scrutin';
export { parseActeur } from './acteur';
export { parseOrgane } from './organe';
export { parseOfficialDocument, type OfficialDocument, type OfficialDocumentKind } from './document';
