/**
 * Small-cell suppression for published breakdowns: a cell with fewer than `min` people (default
 * 10) is hidden, so nobody's answer can be singled out. If exactly one cell of a breakdown is
 * hidden, the total and the other cells would give it away by subtraction, so the next smallest
 * cell is hidden too (secondary suppression). Zero cells are shown: an empty cell reveals nobody.
 */
export const MIN_CELL_COUNT = 10;

export type PublishedCell = { hidden: false; count: number } | { hidden: true };

export function suppressSmallCells(counts: Readonly<Record<string, number>>, min = MIN_CELL_COUNT): Record<string, PublishedCell> {
  const entries = Object.entries(counts);
  const hide = new Set(entries.filter(([, c]) => c > 0 && c < min).map(([k]) => k));
  if (hide.size === 1) {
    const next = entries.filter(([k, c]) => !hide.has(k) && c > 0).sort((a, b) => a[1] - b[1])[0];
    if (next) hide.add(next[0]);
  }
  const out: Record<string, PublishedCell> = {};
  for (const [k, c] of entries) out[k] = hide.has(k) ? { hidden: true } : { hidden: false, count: c };
  return out;
}

/** True when a whole breakdown is too small to publish anything but its total. */
export function tooFewToBreakDown(total: number, min = MIN_CELL_COUNT): boolean {
  return total < min;
}
