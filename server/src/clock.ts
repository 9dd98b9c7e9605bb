/**
 * The server's clock (deps.now). With AS_OF set, it starts at that instant when the server starts
 * and runs on at the real pace, so sessions, vote windows, alerts and the agenda all behave as on
 * the replayed day; without it, the real clock.
 */
export function createClock(asOf: string | undefined, realNow: () => number = Date.now): () => Date {
  if (asOf === undefined) return () => new Date(realNow());
  const offset = Date.parse(asOf) - realNow();
  return () => new Date(realNow() + offset);
}
