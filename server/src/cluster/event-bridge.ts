import type { Server } from 'socket.io';
import { z } from 'zod';
import { tallyRoom } from '@parallele/core';
import type { AppEventBus, AppEvents } from '../events';
import type { Logger } from '../logger';

/**
 * The domain events that other processes must hear (issue 14), carried between processes by
 * socket.io's adapter (`serverSideEmit`, the Redis streams adapter): a vote committed on process A
 * is re-emitted on the event bus of B and C, whose socket layers then read the tally from the
 * store and push it to THEIR sockets (`io.local`), and whose session caches forget an ended
 * session. Delivery is always local: each process pushes to its own sockets what it read from the
 * store after hearing of the change, so the last tally a socket receives was read after the last
 * commit it heard of, whichever process committed it.
 *
 * Why events rather than broadcasting the tally computed by the voting process: two processes
 * committing at once would each broadcast the tally they read, and the one read first could
 * arrive last, leaving every screen one vote behind until the next vote.
 */
const BRIDGED = ['votes:cast', 'tallies:changed', 'sessions:ended'] as const satisfies readonly (keyof AppEvents)[];
type Bridged = (typeof BRIDGED)[number];
export const BRIDGE_EVENT = 'parallele:event';
/** Marks an event that came from another process, so it is not sent back out. */
const REMOTE = Symbol('remote');

const remoteSchema = z.tuple([z.enum(BRIDGED), z.record(z.string(), z.unknown())]);

/** The scrutins this process's sockets watch (their tally rooms). */
export function watchedScrutins(io: Server): string[] {
  const prefix = tallyRoom('');
  return [...io.of('/').adapter.rooms.keys()].filter((room) => room.startsWith(prefix)).map((room) => room.slice(prefix.length));
}

/**
 * Bridges the bus to the other processes; returns the cleanup. `resync()` (called when Redis is
 * back after an outage, when events may have been lost) marks every watched tally changed, so
 * the screens catch up without a reload.
 */
export function bridgeEvents(io: Server, events: AppEventBus, logger: Logger) {
  const unsubscribe = BRIDGED.map((name) => {
    const listener = (payload: object) => {
      if ((payload as { [REMOTE]?: true })[REMOTE]) return;
      io.serverSideEmit(BRIDGE_EVENT, name, payload);
    };
    events.on(name, listener as never);
    return () => events.off(name, listener as never);
  });
  const onRemote = (...args: unknown[]) => {
    const parsed = remoteSchema.safeParse(args);
    if (!parsed.success) return logger.warn({ issue: parsed.error.issues[0]?.message }, 'malformed event from another process');
    const [name, payload] = parsed.data;
    events.emit(name as Bridged, { ...payload, [REMOTE]: true } as never);
  };
  io.on(BRIDGE_EVENT as never, onRemote as never);
  return {
    resync() {
      const uids = watchedScrutins(io);
      if (uids.length > 0) events.emit('tallies:changed', { uids, [REMOTE]: true } as never);
    },
    close() {
      for (const off of unsubscribe) off();
      io.off(BRIDGE_EVENT as never, onRemote as never);
    },
  };
}
