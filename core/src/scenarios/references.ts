/** A problem found in a scenario, located by its path in the file (`scrutins.uids[1]`). */
export interface ScenarioIssue {
  path: (string | number)[];
  message: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * Checks what the schema cannot: every uid named in the file exists in the data, charts and
 * overrides only name scrutins of the selection, and a chart's mode is one the scenario runs.
 * It reads the raw parsed file (not the validated scenario) so that a file with both a typo and an
 * unknown uid gets both errors at once; whatever is malformed is left to the schema.
 */
export function checkScenarioReferences(raw: unknown, exists: (uid: string) => boolean): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  if (!isRecord(raw)) return issues;
  const sel = isRecord(raw.scrutins) ? raw.scrutins : null;
  const uids = sel && Array.isArray(sel.uids) ? sel.uids.map(str) : null;
  uids?.forEach((uid, i) => {
    if (uid && !exists(uid)) issues.push({ path: ['scrutins', 'uids', i], message: `unknown uid ${uid}` });
  });
  const checkRef = (uid: string, path: (string | number)[]) => {
    if (!exists(uid)) issues.push({ path, message: `unknown uid ${uid}` });
    else if (uids && !uids.includes(uid)) issues.push({ path, message: `${uid} is not among the scenario's scrutins` });
  };
  const split = isRecord(raw.split) ? raw.split : null;
  if (split && isRecord(split.overrides)) for (const uid of Object.keys(split.overrides)) checkRef(uid, ['split', 'overrides', uid]);
  const modes = Array.isArray(raw.mode) ? raw.mode.map(str) : [str(raw.mode) ?? 'proportional'];
  if (Array.isArray(raw.charts))
    raw.charts.forEach((chart, i) => {
      if (!isRecord(chart)) return;
      const uid = str(chart.scrutin);
      if (uid) checkRef(uid, ['charts', i, 'scrutin']);
      const mode = str(chart.mode);
      if (mode && !modes.includes(mode))
        issues.push({ path: ['charts', i, 'mode'], message: `mode ${mode} is not one of the scenario's modes (${modes.join(', ')})` });
    });
  return issues;
}

/** `charts[2].scrutin`, `split.overrides.VTANR5L16V1240` */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || '(root)';
}
