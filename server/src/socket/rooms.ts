import type { Namespace, Server, Socket } from 'socket.io';
import {
  ROOM_EVENTS, ROOMS_NAMESPACE, RoomActionSchema, RoomSocketAuthSchema, RoomVotePayloadSchema,
  type RoomAck, type RoomClientToServer, type RoomServerToClient, type RoomView, type Viewer,
} from '@parallele/core';
import type { AppDeps } from '../deps';
import { AppError } from '../errors';
import { toRoomProblem, type RoomChange } from '../modules/rooms';

/**
 * The realtime side of the rooms, in the socket.io namespace `/rooms`. The handshake's `auth`
 * names the room and the viewer (facilitator key, participant token, recap key, or nothing for
 * the projector); each socket joins its room's channel and its viewer's channel. After each
 * transition every viewer gets its own view; a ballot or an arrival only updates the screens
 * (facilitator and projector, coalesced per room every 50 ms) and the voter's other tabs.
 */
export const COUNT_FLUSH_MS = 50;

interface Data {
  code: string;
  viewer: Viewer;
  token?: string;
}
type RoomSocket = Socket<RoomClientToServer, RoomServerToClient, Record<string, never>, Data>;
type RoomNamespace = Namespace<RoomClientToServer, RoomServerToClient, Record<string, never>, Data>;

const all = (code: string) => `r:${code}`;
const channel = (code: string, v: Viewer) => (v.role === 'participant' ? `r:${code}:p:${v.participantId}` : `r:${code}:${v.role}`);

async function reply<T>(ack: RoomAck<T> | undefined, fn: () => Promise<T>) {
  try {
    const data = await fn();
    if (typeof ack === 'function') ack({ ok: true, data });
  } catch (error) {
    const e = toRoomProblem(error, 'fr');
    const known = e instanceof AppError && e.operational;
    if (typeof ack === 'function') ack({ ok: false, code: known ? e.code : 'internal', error: known ? e.detail : 'internal error' });
  }
}

/** between processes (serverSideEmit): the room with this code changed state */
const ROOM_STATE_CHANGED = 'parallele:room-state';

export function attachRoomSockets(server: Server, deps: AppDeps): () => void {
  const { service, socketLimit } = deps.rooms;
  const nsp = server.of(ROOMS_NAMESPACE) as unknown as RoomNamespace;

  nsp.use(async (socket, next) => {
    const auth = RoomSocketAuthSchema.safeParse(socket.handshake.auth);
    if (!auth.success) return next(new Error(`auth: ${auth.error.issues[0]?.message ?? 'expected { code, token? }'}`));
    const { code, token, recap } = auth.data;
    try {
      let viewer: Viewer = { role: 'projector' };
      if (recap !== undefined) {
        if (!(await service.checkRecap(code, recap))) throw new Error('recap: not the recap key of this room');
        viewer = { role: 'recap' };
      } else if (token) {
        const c = (await service.callerOf(code, token))!;
        // a participant coming back after a refresh or a lost network is active again
        if (c.role === 'participant') await service.rejoin(code, `${token}`);
        viewer = c.role === 'facilitator' ? { role: 'facilitator' } : { role: 'participant', participantId: c.participantId };
      } else await service.viewFor(code, viewer);
      socket.data = { code, viewer, token };
      next();
    } catch (error) {
      const e = toRoomProblem(error, 'fr');
      next(Object.assign(new Error(e instanceof AppError ? e.detail : 'refused'), { data: { code: e instanceof AppError ? e.code : 'internal' } }));
    }
  });

  nsp.on('connection', (socket: RoomSocket) => {
    const { code, viewer, token } = socket.data;
    void socket.join([all(code), channel(code, viewer)]);
    service.viewFor(code, viewer).then(
      (view) => socket.emit(ROOM_EVENTS.state, view),
      (error: unknown) => deps.logger.debug({ err: error, code }, 'room state not sent'),
    );
    socket.on(ROOM_EVENTS.vote, (payload, ack) =>
      void reply(ack, async () => {
        if (!socketLimit(token ?? socket.id)) throw new AppError('room-rate-limited', 'Trop de requêtes : réessayez dans un instant.', { status: 429 });
        const p = RoomVotePayloadSchema.safeParse(payload);
        if (!p.success) throw AppError.badRequest(`${p.error.issues[0]?.path.join('.') ?? 'payload'}: ${p.error.issues[0]?.message ?? 'invalid'}`);
        return service.vote(code, token, p.data.index, { choice: p.data.choice, prediction: p.data.prediction }, socket.id);
      }),
    );
    socket.on(ROOM_EVENTS.action, (payload, ack) =>
      void reply(ack, async () => {
        if (!socketLimit(token ?? socket.id)) throw new AppError('room-rate-limited', 'Trop de requêtes : réessayez dans un instant.', { status: 429 });
        const a = RoomActionSchema.safeParse(payload);
        if (!a.success) throw AppError.badRequest(`${a.error.issues[0]?.path.join('.') ?? 'payload'}: ${a.error.issues[0]?.message ?? 'invalid'}`);
        return service.action(code, token, a.data);
      }),
    );
  });

  const socketsIn = (room: string) => [...(nsp.adapter.rooms.get(room) ?? [])].map((id) => nsp.sockets.get(id)).filter((s): s is RoomSocket => s !== undefined);

  async function broadcastState(code: string) {
    const views = new Map<string, RoomView>();
    for (const s of socketsIn(all(code))) {
      const key = channel(code, s.data.viewer);
      let v = views.get(key);
      if (!v) {
        v = await service.viewFor(code, s.data.viewer);
        views.set(key, v);
      }
      s.emit(ROOM_EVENTS.state, v);
    }
  }

  // Ballots and arrivals only change what the screens show (counts, who voted, who is here):
  // they are coalesced per room and flushed every 50 ms to the facilitator and projector channels.
  const dirty = new Set<string>();
  let flush: NodeJS.Timeout | null = null;
  const flushScreens = async () => {
    flush = null;
    const codes = [...dirty];
    dirty.clear();
    for (const code of codes) {
      try {
        const v = await service.viewFor(code, { role: 'projector' });
        nsp.to(channel(code, { role: 'projector' })).emit(ROOM_EVENTS.count, { code, index: v.index, voted: v.counts.voted, participants: v.counts.participants });
        if (v.stage === 'lobby') nsp.to(channel(code, { role: 'projector' })).emit(ROOM_EVENTS.state, v);
        nsp.to(channel(code, { role: 'facilitator' })).emit(ROOM_EVENTS.state, await service.viewFor(code, { role: 'facilitator' }));
      } catch (error) {
        deps.logger.debug({ err: error, code }, 'room screens not updated');
      }
    }
  };
  const markDirty = (code: string) => {
    dirty.add(code);
    flush ??= setTimeout(() => void flushScreens(), COUNT_FLUSH_MS);
  };

  // Several processes (issue 14): a transition made on this process must reach the sockets of the
  // room held by the others. Counts, kicks and ends go through `nsp.to()` (the Redis adapter carries
  // them); a state view is computed per viewer from the local sockets, so the other processes are
  // told the room changed and each pushes the views of its own sockets, read from the store.
  const remoteState = (code: unknown) => {
    if (typeof code !== 'string' || code.length > 16) return;
    broadcastState(code).catch((error: unknown) => deps.logger.debug({ err: error, code }, 'room state from another process not sent'));
  };
  if (deps.redis) nsp.on(ROOM_STATE_CHANGED as never, remoteState as never);

  const onChange = async (c: RoomChange) => {
    try {
      switch (c.kind) {
        case 'state':
          if (deps.redis) nsp.serverSideEmit(ROOM_STATE_CHANGED, c.code);
          await broadcastState(c.code);
          break;
        case 'roster':
          markDirty(c.code);
          break;
        case 'count': {
          // the voter's other tabs (the voting socket has its ack)
          const viewer: Viewer = { role: 'participant', participantId: c.participantId };
          const others = (nsp.adapter.rooms.get(channel(c.code, viewer))?.size ?? 0) - (c.exceptSocket ? 1 : 0);
          if (others > 0) nsp.to(channel(c.code, viewer)).except(c.exceptSocket ?? []).emit(ROOM_EVENTS.state, await service.viewFor(c.code, viewer));
          markDirty(c.code);
          break;
        }
        case 'kicked': {
          const room = channel(c.code, { role: 'participant', participantId: c.participantId });
          nsp.to(room).emit(ROOM_EVENTS.ended, { code: c.code, reason: 'kicked' });
          nsp.in(room).disconnectSockets(true);
          break;
        }
        case 'ended':
          nsp.to(all(c.code)).emit(ROOM_EVENTS.ended, { code: c.code, reason: c.reason });
          if (c.reason === 'closed') await broadcastState(c.code);
          else nsp.in(all(c.code)).disconnectSockets(true);
          break;
      }
    } catch (error) {
      deps.logger.error({ err: error, code: c.code }, 'room broadcast failed');
    }
  };
  // onChange never rejects (it logs), so the listener may drop its promise
  const unsubscribe = service.onChange((c) => void onChange(c));
  // Rooms idle for 24 h are deleted with their data.
  const sweep = setInterval(() => {
    service.sweep().then(
      (n) => {
        if (n > 0) deps.logger.info({ rooms: n }, 'expired rooms deleted');
      },
      (error: unknown) => deps.logger.error({ err: error }, 'room expiry sweep failed'),
    );
  }, 10 * 60_000);
  sweep.unref();
  return () => {
    unsubscribe();
    nsp.off(ROOM_STATE_CHANGED as never, remoteState as never);
    clearInterval(sweep);
    if (flush) clearTimeout(flush);
  };
}
