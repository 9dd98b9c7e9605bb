import type { RoomState } from '@parallele/core';
import type { RoomsRepository } from './repository';

/** Does `next` differ from `prev` beyond its ballots and its last activity? (the reducer shares what it keeps) */
function jsonChanged(prev: RoomState, next: RoomState): boolean {
  for (const key of Object.keys(next) as (keyof RoomState)[]) {
    if (key !== 'ballots' && key !== 'lastActivityAt' && next[key] !== prev[key]) return true;
  }
  return false;
}

/** An event that changed nothing but the clock (a participant already in the room rejoining): no write. */
export const unchanged = (prev: RoomState, next: RoomState) => prev.ballots === next.ballots && !jsonChanged(prev, next);

/**
 * Writes one transition in one transaction: the ballots that changed (the reducer keeps the
 * objects it did not touch, so comparing references finds them), then the room's JSON only if
 * something else changed, else just its version. Returns false, having written nothing, when the
 * stored version is no longer `version` (another process wrote first: reload and try again).
 */
export function commitRoom(repo: RoomsRepository, prev: RoomState, next: RoomState, version: number): Promise<boolean> {
  return repo.transaction(async () => {
    const saved = jsonChanged(prev, next) ? await repo.saveState(next, version) : await repo.touch(next.code, next.lastActivityAt, version);
    if (!saved) return false;
    for (const key of new Set([...Object.keys(prev.ballots), ...Object.keys(next.ballots)])) {
      const before = prev.ballots[key] ?? {};
      const after = next.ballots[key] ?? {};
      if (before === after) continue;
      for (const id of Object.keys(before)) if (!(id in after)) await repo.dropBallot(next.code, Number(key), id);
      for (const [id, ballot] of Object.entries(after)) if (before[id] !== ballot) await repo.putBallot(next.code, Number(key), id, ballot);
    }
    return true;
  });
}
