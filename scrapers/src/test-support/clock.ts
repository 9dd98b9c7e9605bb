import type { Clock } from '../http/clock';

/** A clock whose sleeps are recorded and skipped: time jumps forward instead of passing. */
export function recordingClock(): Clock & { sleeps: number[] } {
  let offset = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => Date.now() + offset,
    sleep: async (ms) => {
      sleeps.push(ms);
      offset += Math.max(0, ms);
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}
