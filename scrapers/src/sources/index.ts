export { readOfficialSource, SourceReadError, type OfficialFile, type ReadOptions, type SourceItem } from './official-source';
export { ArchiveLimitError, DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits } from './archive-limits';
