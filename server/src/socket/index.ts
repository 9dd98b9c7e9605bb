import type { Server } from 'socket.io';
import type { AppDeps } from '../deps';
import { attachTallySockets } from './tallies';
import { attachRoomSockets } from './rooms';

/**
 * The registration point of socket.io handlers: startServer() calls this once with the io server.
 * Each feature adds ONE line here (e.g. `attachTallySockets(io, deps)`), its code living in its own
 * module. Event names and payloads come from core/src/contracts (never bare strings here).
 * Return a cleanup function if the feature holds timers or listeners on deps.events.
 */
export type SocketFeature = (io: Server, deps: AppDeps) => (() => void) | void;

const features: SocketFeature[] = [
  attachTallySockets,
  attachRoomSockets,
];

export function attachSocketHandlers(io: Server, deps: AppDeps): () => void {
  const cleanups = features.map((attach) => attach(io, deps)).filter((c): c is () => void => typeof c === 'function');
  return () => {
    for (const cleanup of cleanups) cleanup();
  };
}
