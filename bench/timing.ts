/** Timing helpers shared by the benches. */

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Wall time of `f` (ms). */
export function time(f: () => void): number {
  const t = performance.now();
  f();
  return performance.now() - t;
}

/** CPU time of this process (ms): the machine may be shared, wall time then overstates. */
export function cpuTime(f: () => void): number {
  const before = process.cpuUsage();
  f();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** The p-th percentile (0–100) of xs, nearest rank; NaN when empty. */
export const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
