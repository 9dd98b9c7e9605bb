/**
 * Leading- and trailing-edge throttle per key (issue 10, point 9): the first change of a scrutin
 * is sent at once, the following ones at most once per `intervalMs`, the last one always (the
 * trailing edge). A lone vote no longer waits for a 250 ms tick.
 */
export function keyedThrottle(intervalMs: number, send: (key: string) => void, now: () => number = Date.now) {
  const lastSent = new Map<string, number>();
  const trailing = new Map<string, NodeJS.Timeout>();

  const fire = (key: string) => {
    trailing.delete(key);
    lastSent.set(key, now());
    send(key);
  };

  return {
    mark(key: string) {
      if (trailing.has(key)) return;
      const wait = (lastSent.get(key) ?? -Infinity) + intervalMs - now();
      if (wait <= 0) return fire(key);
      trailing.set(key, setTimeout(() => fire(key), wait));
    },
    /** forget keys quiet for a while (bounded memory) */
    sweep() {
      const before = now() - intervalMs;
      for (const [key, at] of lastSent) if (at < before && !trailing.has(key)) lastSent.delete(key);
    },
    close() {
      for (const timer of trailing.values()) clearTimeout(timer);
      trailing.clear();
    },
  };
}
