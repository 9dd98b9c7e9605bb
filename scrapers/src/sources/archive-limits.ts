/**
 * Limits on what reading an archive or a bundle may cost (issue 10, point 3: a 1.5 MB zip with
 * one 1.5 GiB member killed the importer, the scraper and the server). Each limit produces a
 * named error for the member (or line) that crosses it, and reading goes on with the others;
 * only the total and entry-count limits end the archive.
 *
 * The defaults fit the real AN archives with a wide margin: official members are at most a few
 * MB (the largest L17 scrutin is 61 kB) and compress about 10:1 (worst seen: 9.6:1).
 */
export interface ArchiveLimits {
  /** uncompressed bytes of one zip member, one bundle line or one .json file */
  maxMemberBytes: number;
  /** uncompressed bytes of a whole zip archive or gzip bundle */
  maxTotalBytes: number;
  /** uncompressed / compressed size of a member, checked once it has produced `ratioFloorBytes` */
  maxRatio: number;
  ratioFloorBytes: number;
  /** members of one zip archive */
  maxEntries: number;
  /** nesting of arrays and objects in one JSON record (a deep one overflows recursive readers) */
  maxDepth: number;
  /** characters of one JSON string (a title, a name…): a 10 MB `titre` is not a title */
  maxStringChars: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  maxMemberBytes: 256 * MiB,
  maxTotalBytes: 4096 * MiB,
  maxRatio: 100,
  ratioFloorBytes: MiB,
  maxEntries: 100_000,
  maxDepth: 64,
  maxStringChars: 65_536,
};

/** A limit crossed: the message names the limit, so the report says what to change if it is legitimate. */
export class ArchiveLimitError extends Error {
  override readonly name = 'ArchiveLimitError';
}

/** Counts the bytes of one member as they stream, throwing as soon as a limit is crossed. */
export function memberMeter(limits: ArchiveLimits, compressedSize: number | null, archiveTotal: { bytes: number }) {
  let bytes = 0;
  return (chunkBytes: number) => {
    bytes += chunkBytes;
    archiveTotal.bytes += chunkBytes;
    if (bytes > limits.maxMemberBytes) throw new ArchiveLimitError(`member larger than ${limits.maxMemberBytes} bytes uncompressed (maxMemberBytes)`);
    if (compressedSize !== null && bytes >= limits.ratioFloorBytes && bytes > limits.maxRatio * Math.max(compressedSize, 1)) {
      throw new ArchiveLimitError(`compression ratio above ${limits.maxRatio}:1 (${compressedSize} bytes compressed): a zip bomb? (maxRatio)`);
    }
    if (archiveTotal.bytes > limits.maxTotalBytes) throw new ArchiveLimitError(`archive larger than ${limits.maxTotalBytes} bytes uncompressed in total (maxTotalBytes)`);
  };
}

/**
 * Checks nesting depth and string lengths of a JSON text in one pass, before JSON.parse: a record
 * 100,000 levels deep is refused here instead of overflowing the stack of whatever walks it.
 * Returns the problem, or null.
 */
export function jsonShapeProblem(text: string, limits: Pick<ArchiveLimits, 'maxDepth' | 'maxStringChars'>): string | null {
  let depth = 0;
  let inString = false;
  let stringStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) {
        inString = false;
        if (i - stringStart > limits.maxStringChars) return `a string of ${i - stringStart} characters at offset ${stringStart} (at most ${limits.maxStringChars}: maxStringChars)`;
      }
    } else if (c === 34) {
      inString = true;
      stringStart = i + 1;
    } else if (c === 123 || c === 91) {
      if (++depth > limits.maxDepth) return `nested deeper than ${limits.maxDepth} levels at offset ${i} (maxDepth)`;
    } else if (c === 125 || c === 93) depth--;
  }
  return null;
}

/**
 * Zip member names are checked one by one (yauzl's own check rejects the WHOLE archive on one
 * bad name): absolute paths, drive letters, backslashes and `..` segments are refused.
 */
export function unsafeMemberName(name: string): string | null {
  if (name.startsWith('/') || /^[a-z]:/i.test(name)) return 'absolute path in the archive';
  if (name.includes('\\')) return 'backslash in the member name';
  if (name.split('/').includes('..')) return '`..` in the member name (would write outside the archive)';
  return null;
}
