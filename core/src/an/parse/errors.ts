/**
 * A malformed official AN document. `message` reads
 * `VTANR5L17V12 (bundle.ndjson.gz:12): scrutin.syntheseVote.decompte.pour: expected a non-negative integer, got "-3"`
 * so an import report can be acted upon without opening a debugger.
 */
export class AnParseError extends Error {
  override readonly name = 'AnParseError';
  constructor(
    /** `uid (file:line)` or just the file / location when the uid is unknown */
    readonly where: string,
    /** JSON path inside the document, e.g. `scrutin.ventilationVotes.organe.groupes.groupe[3].organeRef` */
    readonly path: string,
    /** what was wrong */
    readonly detail: string,
  ) {
    super(`${where}: ${path}: ${detail}`);
  }
}
