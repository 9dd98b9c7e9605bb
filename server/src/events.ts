import { EventEmitter } from 'node:events';
import type { MyVote } from '@parallele/core';

/**
 * In-process domain events: HTTP modules emit, the socket layer (and anything else) listens, so a
 * route never needs the socket.io server and the socket layer never reaches into a route.
 * Add an event by adding a line to `AppEvents` (name → listener arguments).
 */
export interface AppEvents {
  /** Citizens' votes were committed (one group-commit batch); only the changed ones are listed. */
  'votes:cast': [{ votes: { scrutinUid: string; citizenId: number; vote: MyVote }[] }];
  /** Tallies of these scrutins changed for another reason than a vote (moderation flags). */
  'tallies:changed': [{ uids: string[] }];
  /** Sessions ended (logout: one token; password reset or deletion: every session of a citizen). */
  'sessions:ended': [{ citizenId: number } | { tokenHash: string }];
}

export type AppEventBus = EventEmitter<AppEvents>;

export function createEventBus(): AppEventBus {
  const bus = new EventEmitter<AppEvents>();
  // Many sockets may listen to one event; the default cap of 10 would only produce noise.
  bus.setMaxListeners(0);
  return bus;
}

/** Calls back with the scrutins whose tallies changed (votes cast, moderation); returns the unsubscribe. */
export function onTalliesChanged(bus: AppEventBus, listener: (uids: string[]) => void): () => void {
  const onVotes = (e: { votes: { scrutinUid: string }[] }) => listener([...new Set(e.votes.map((v) => v.scrutinUid))]);
  const onTallies = (e: { uids: string[] }) => listener(e.uids);
  bus.on('votes:cast', onVotes);
  bus.on('tallies:changed', onTallies);
  return () => {
    bus.off('votes:cast', onVotes);
    bus.off('tallies:changed', onTallies);
  };
}
