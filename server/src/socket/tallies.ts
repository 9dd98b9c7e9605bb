import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, SocketAck, Tally } from '@parallele/core';
import { SESSION_COOKIE, SOCKET_EVENTS, TallySubscribePayloadSchema, tallyRoom } from '@parallele/core';
import type { AppDeps } from '../deps';
import { AppError } from '../errors';
import type { SessionCitizen } from '../modules/accounts';
import { eventLimiter, type SocketLimits } from './limits';
import { keyedThrottle } from './throttle';

/**
 * Live tallies. A socket joins the room of each scrutin it watches; committed votes (and
 * moderation decisions) mark rooms dirty: the first change is sent at once, the following ones
 * at most every 250 ms per room (leading + trailing throttle, throttle.ts), whatever the vote rate.
 * Tallies come from a cache emptied on every write to them (votes, flags) and kept at most
 * CACHE_MS (a window closes with time): a flood of subscriptions does not become a flood of queries.
 *
 * Anonymous sockets may watch: tallies are public (GET /api/scrutins/:uid/tally). A socket that
 * connects with the session cookie also joins its citizen's room and gets `vote:mine` when the
 * citizen votes from any tab. When that session ends (logout, password reset, deletion) the
 * socket is downgraded to anonymous at once: it leaves the citizen's room, keeps its tallies.
 * Events are rate limited per socket and per IP (limits.ts).
 */
export const TALLY_INTERVAL_MS = 250;
const CACHE_MS = 2_000;
const MAX_CACHED = 10_000;

interface SocketData {
  citizen: SessionCitizen | null;
  watching: Set<string>;
}

type TallyServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type TallySocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const citizenRoom = (citizenId: number) => `citizen:${citizenId}`;

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) {
      try {
        return decodeURIComponent(rest.join('='));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

function fail<T>(ack: SocketAck<T> | undefined, error: unknown) {
  const message = error instanceof AppError && error.operational ? error.detail : 'internal error';
  if (typeof ack === 'function') ack({ ok: false, error: message });
}

export function attachTallySockets(server: Server, deps: AppDeps, limits: SocketLimits = deps.socketLimits): () => void {
  const io = server as unknown as TallyServer;
  const { votes, accounts } = deps;
  const cache = new Map<string, { tally: Tally; at: number }>();
  const tallyOf = (uid: string): Tally => {
    const hit = cache.get(uid);
    const now = Date.now();
    if (hit && now - hit.at < CACHE_MS) return hit.tally;
    const tally = votes.tally(uid);
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(uid, { tally, at: now });
    return tally;
  };
  const throttle = keyedThrottle(TALLY_INTERVAL_MS, (uid) => {
    const room = tallyRoom(uid);
    if ((io.sockets.adapter.rooms.get(room)?.size ?? 0) === 0) return;
    try {
      // Local: every process hears of every vote (cluster/event-bridge.ts) and pushes to its own sockets.
      io.local.to(room).emit(SOCKET_EVENTS.tallyUpdate, tallyOf(uid));
    } catch (error) {
      deps.logger.error({ err: error, uid }, 'live tally failed');
    }
  });
  const sweeper = setInterval(() => throttle.sweep(), 60_000).unref();
  const markDirty = (uids: Iterable<string>) => {
    const unique = new Set(uids);
    for (const uid of unique) cache.delete(uid);
    for (const uid of unique) throttle.mark(uid);
  };
  const limit = eventLimiter(limits);

  const onVotes = ({ votes: cast }: { votes: { scrutinUid: string; citizenId: number; vote: Parameters<ServerToClientEvents['vote:mine']>[0] }[] }) => {
    markDirty(cast.map((v) => v.scrutinUid));
    for (const v of cast) io.local.to(citizenRoom(v.citizenId)).emit(SOCKET_EVENTS.myVote, v.vote);
  };
  const onTallies = ({ uids }: { uids: string[] }) => markDirty(uids);
  const downgrade = (socket: TallySocket) => {
    const citizen = socket.data.citizen;
    if (!citizen) return;
    void socket.leave(citizenRoom(citizen.citizenId));
    socket.data.citizen = null;
  };
  // A session ended: its sockets stop receiving the citizen's votes at once.
  const onSessionsEnded = (ended: { citizenId: number } | { tokenHash: string }) => {
    for (const socket of io.sockets.sockets.values()) {
      const citizen = socket.data.citizen;
      if (citizen && ('citizenId' in ended ? citizen.citizenId === ended.citizenId : citizen.tokenHash === ended.tokenHash)) downgrade(socket);
    }
  };
  // Expired sessions, and sessions deleted by another process, are caught by a periodic check.
  const recheck = setInterval(() => {
    for (const socket of io.sockets.sockets.values()) {
      if (socket.data.citizen && !accounts.resolveSession(cookieValue(socket.handshake.headers.cookie, SESSION_COOKIE))) downgrade(socket);
    }
  }, limits.sessionRecheckMs).unref();
  deps.events.on('votes:cast', onVotes);
  deps.events.on('tallies:changed', onTallies);
  deps.events.on('sessions:ended', onSessionsEnded);

  io.on('connection', (socket) => {
    limit(socket);
    const token = cookieValue(socket.handshake.headers.cookie, SESSION_COOKIE);
    socket.data.citizen = accounts.resolveSession(token);
    socket.data.watching = new Set();
    if (socket.data.citizen) void socket.join(citizenRoom(socket.data.citizen.citizenId));

    socket.on(SOCKET_EVENTS.tallySubscribe, (payload, ack) => {
      try {
        const parsed = TallySubscribePayloadSchema.safeParse(payload);
        if (!parsed.success) throw AppError.badRequest(`payload: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
        const uid = parsed.data.scrutinUid;
        if (!socket.data.watching.has(uid) && socket.data.watching.size >= limits.maxRoomsPerSocket) {
          throw AppError.tooManyRequests(`A socket may watch ${limits.maxRoomsPerSocket} scrutins at most`);
        }
        const tally = tallyOf(uid);
        socket.data.watching.add(uid);
        void socket.join(tallyRoom(uid));
        if (typeof ack === 'function') ack({ ok: true, data: tally });
      } catch (error) {
        fail(ack, error);
      }
    });

    socket.on(SOCKET_EVENTS.tallyUnsubscribe, (payload, ack) => {
      const parsed = TallySubscribePayloadSchema.safeParse(payload);
      if (!parsed.success) return fail(ack, AppError.badRequest('payload: expected { scrutinUid }'));
      socket.data.watching.delete(parsed.data.scrutinUid);
      void socket.leave(tallyRoom(parsed.data.scrutinUid));
      if (typeof ack === 'function') ack({ ok: true, data: null });
    });
  });

  return () => {
    deps.events.off('votes:cast', onVotes);
    deps.events.off('tallies:changed', onTallies);
    deps.events.off('sessions:ended', onSessionsEnded);
    throttle.close();
    clearInterval(sweeper);
    clearInterval(recheck);
  };
}
