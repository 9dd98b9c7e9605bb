import { useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import {
  ROOM_EVENTS, ROOMS_NAMESPACE, RoomCountSchema, RoomEndedSchema, RoomViewSchema,
  type RoomAction, type RoomClientToServer, type RoomEnded, type RoomServerToClient, type RoomView, type RoomVotePayload,
} from '@parallele/core';

/**
 * The room's ONE socket per screen (the `/rooms` namespace). Components never emit: they use
 * `useRoomSocket`, which keeps the latest view (the count events patch it in place) and offers
 * `vote` and `action`, answered by the server's ack. socket.io reconnects by itself; the server
 * then sends the view again, so a phone that lost the network comes back to the right phase.
 */
type RoomSocket = Socket<RoomServerToClient, RoomClientToServer>;

export interface RoomConnection {
  view: RoomView | null;
  ended: RoomEnded | null;
  error: string | null;
  connected: boolean;
  vote: (payload: RoomVotePayload) => Promise<RoomView>;
  action: (payload: RoomAction) => Promise<RoomView>;
}

export function useRoomSocket(code: string, auth: { token?: string | null; recap?: string | null }): RoomConnection {
  const [view, setView] = useState<RoomView | null>(null);
  const [ended, setEnded] = useState<RoomEnded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [connected, setConnected] = useState(false);
  const socket = useRef<RoomSocket | null>(null);
  const { token, recap } = auth;

  useEffect(() => {
    const s: RoomSocket = io(ROOMS_NAMESPACE, { transports: ['websocket', 'polling'], auth: { code, ...(token ? { token } : {}), ...(recap ? { recap } : {}) } });
    socket.current = s;
    s.on('connect', () => {
      setConnected(true);
      setError(null);
    });
    s.on('disconnect', () => setConnected(false));
    s.on('connect_error', (e) => setError(e.message));
    s.on(ROOM_EVENTS.state, (payload) => {
      const v = RoomViewSchema.safeParse(payload);
      if (v.success) setView(v.data);
    });
    s.on(ROOM_EVENTS.count, (payload) => {
      const c = RoomCountSchema.safeParse(payload);
      if (c.success) setView((v) => (v && v.index === c.data.index ? { ...v, counts: { participants: c.data.participants, voted: c.data.voted } } : v));
    });
    s.on(ROOM_EVENTS.ended, (payload) => {
      const e = RoomEndedSchema.safeParse(payload);
      if (e.success) setEnded(e.data);
    });
    return () => {
      s.close();
      socket.current = null;
    };
  }, [code, token, recap]);

  const ask = <T extends typeof ROOM_EVENTS.vote | typeof ROOM_EVENTS.action>(event: T, payload: unknown) =>
    new Promise<RoomView>((resolve, reject) => {
      const s = socket.current;
      if (!s) return reject(new Error('not connected'));
      (s.emit as (e: string, p: unknown, ack: (a: { ok: boolean; data?: unknown; error?: string }) => void) => void)(event, payload, (a) => {
        if (!a.ok) return reject(new Error(a.error));
        const v = RoomViewSchema.parse(a.data);
        setView(v);
        resolve(v);
      });
    });
  return { view, ended, error, connected, vote: (p) => ask(ROOM_EVENTS.vote, p), action: (p) => ask(ROOM_EVENTS.action, p) };
}
