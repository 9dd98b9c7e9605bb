export { readOfficialSource, SourceReadError, type OfficialFile, type ReadOptions, type SourceItem } from './official-source';
