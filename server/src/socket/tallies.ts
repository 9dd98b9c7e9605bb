import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, SocketAck, Tally } from '@parallele/core';
import { SESSION_COOKIE, SOCKET_EVENTS, TallySubscribePayloadSchema, tallyRoom } from '@parallele/core';
import type { AppDeps } from '../deps';
import { AppError } from '../errors';
import { onTalliesChanged } from '../events';
import type { SessionCitizen } from '../modules/accounts';
import { eventLimiter, type SocketLimits } from './limits';
import { keyedThrottle } from './throttle';

/**
 * Live tallies. A socket joins the room of each scrutin it watches; committed votes (and
 * moderation decisions) mark rooms dirty: the first change is sent at once, the following ones
 * at most every 250 ms per room (leading + trailing throttle, throttle.ts), whatever the vote rate.
 * Tallies are read from the store (every process serves the same numbers) through a cache emptied
 * on every write to them (votes, flags: `invalidateTallies`, the one place to hook an invalidation
 * coming from another process) and kept at most CACHE_MS (a window closes with time, and a vote
 * cast on another process is seen within that time at worst): a flood of subscriptions does not
 * become a flood of queries (concurrent readers of one tally share one query).
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
  const cache = new Map<string, { tally: Promise<Tally>; at: number }>();
  const tallyOf = (uid: string): Promise<Tally> => {
    const hit = cache.get(uid);
    const now = Date.now();
    if (hit && now - hit.at < CACHE_MS) return hit.tally;
    const tally = votes.tally(uid);
    if (cache.size >= MAX_CACHED) cache.clear();
    const entry = { tally, at: now };
    cache.set(uid, entry);
    // a failed read is not kept: the next subscriber tries again
    tally.catch(() => cache.get(uid) === entry && cache.delete(uid));
    return tally;
  };
  const throttle = keyedThrottle(TALLY_INTERVAL_MS, (uid) => {
    const room = tallyRoom(uid);
    if ((io.sockets.adapter.rooms.get(room)?.size ?? 0) === 0) return;
    tallyOf(uid).then(
      // Local: every process hears of every vote (cluster/event-bridge.ts) and pushes to its own sockets.
      (tally) => io.local.to(room).emit(SOCKET_EVENTS.tallyUpdate, tally),
      (error: unknown) => deps.logger.error({ err: error, uid }, 'live tally failed'),
    );
  });
  const sweeper = setInterval(() => throttle.sweep(), 60_000).unref();
  /**
   * The tallies of these scrutins changed (votes committed, moderation): forget them and push the
   * new ones to their watchers (throttled). The one invalidation point of live tallies.
   */
  const invalidateTallies = (uids: Iterable<string>) => {
    const unique = new Set(uids);
    for (const uid of unique) cache.delete(uid);
    for (const uid of unique) throttle.mark(uid);
  };
  const limit = eventLimiter(limits);

  // the voter's other tabs; the tallies themselves are invalidated through onTalliesChanged below
  const onVotes = ({ votes: cast }: { votes: { scrutinUid: string; citizenId: number; vote: Parameters<ServerToClientEvents['vote:mine']>[0] }[] }) => {
    for (const v of cast) io.local.to(citizenRoom(v.citizenId)).emit(SOCKET_EVENTS.myVote, v.vote);
  };
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
  const recheckSessions = async () => {
    for (const socket of io.sockets.sockets.values()) {
      if (socket.data.citizen && !(await accounts.resolveSession(cookieValue(socket.handshake.headers.cookie, SESSION_COOKIE)))) downgrade(socket);
    }
  };
  const recheck = setInterval(() => {
    recheckSessions().catch((error: unknown) => deps.logger.error({ err: error }, 'socket session recheck failed'));
  }, limits.sessionRecheckMs).unref();
  deps.events.on('votes:cast', onVotes);
  const stopInvalidating = onTalliesChanged(deps.events, invalidateTallies);
  deps.events.on('sessions:ended', onSessionsEnded);

  io.on('connection', (socket) => {
    limit(socket);
    const token = cookieValue(socket.handshake.headers.cookie, SESSION_COOKIE);
    socket.data.citizen = null;
    socket.data.watching = new Set();
    // Anonymous until the session is read (tallies need none); then the citizen's room.
    accounts.resolveSession(token).then(
      (citizen) => {
        if (!citizen || socket.disconnected) return;
        socket.data.citizen = citizen;
        void socket.join(citizenRoom(citizen.citizenId));
      },
      (error: unknown) => deps.logger.error({ err: error }, 'socket session lookup failed'),
    );

    socket.on(SOCKET_EVENTS.tallySubscribe, async (payload, ack) => {
      try {
        const parsed = TallySubscribePayloadSchema.safeParse(payload);
        if (!parsed.success) throw AppError.badRequest(`payload: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
        const uid = parsed.data.scrutinUid;
        if (!socket.data.watching.has(uid) && socket.data.watching.size >= limits.maxRoomsPerSocket) {
          throw AppError.tooManyRequests(`A socket may watch ${limits.maxRoomsPerSocket} scrutins at most`);
        }
        // counted before the read, so a burst of subscriptions cannot pass the cap together
        const wasWatching = socket.data.watching.has(uid);
        socket.data.watching.add(uid);
        let tally: Tally;
        try {
          tally = await tallyOf(uid);
        } catch (error) {
          if (!wasWatching) socket.data.watching.delete(uid);
          throw error;
        }
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
    stopInvalidating();
    deps.events.off('sessions:ended', onSessionsEnded);
    throttle.close();
    clearInterval(sweeper);
    clearInterval(recheck);
  };
}
