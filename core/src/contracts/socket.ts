import { z } from 'zod';
import type { Tally, MyVote } from './votes';
import { ScrutinUidParamSchema } from './votes';

/**
 * Socket.io contracts: event names are constants here and nowhere else. Anonymous sockets may
 * watch tallies (they are public anyway); a socket opened with the session cookie also receives
 * its citizen's own vote confirmations, so several open tabs stay in step.
 */
export const SOCKET_EVENTS = {
  /** client → server: join the room of a scrutin; ack gets the current tally */
  tallySubscribe: 'tally:subscribe',
  /** client → server: leave that room */
  tallyUnsubscribe: 'tally:unsubscribe',
  /** server → client: a scrutin's tally changed (batched: at most 4 a second per room) */
  tallyUpdate: 'tally:update',
  /** server → client: the signed-in citizen's vote was recorded (from this or another tab) */
  myVote: 'vote:mine',
} as const;

export const TallySubscribePayloadSchema = z.strictObject({ scrutinUid: ScrutinUidParamSchema });
export type TallySubscribePayload = z.infer<typeof TallySubscribePayloadSchema>;

export type SocketAck<T> = (answer: { ok: true; data: T } | { ok: false; error: string }) => void;

export interface ClientToServerEvents {
  [SOCKET_EVENTS.tallySubscribe]: (payload: TallySubscribePayload, ack?: SocketAck<Tally>) => void;
  [SOCKET_EVENTS.tallyUnsubscribe]: (payload: TallySubscribePayload, ack?: SocketAck<null>) => void;
}

export interface ServerToClientEvents {
  [SOCKET_EVENTS.tallyUpdate]: (tally: Tally) => void;
  [SOCKET_EVENTS.myVote]: (vote: MyVote) => void;
}

/** Room of a scrutin's watchers (server-side naming, shared so tests and tools agree). */
export const tallyRoom = (scrutinUid: string) => `tally:${scrutinUid}`;
