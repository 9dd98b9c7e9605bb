export { DEFAULT_OPENDATA_BASE_URL, openDataArchives, type ArchiveSpec } from './archives';
export { downloadArchive, markImported, readManifest, type RawDownload, type RawManifest } from './raw-download';
