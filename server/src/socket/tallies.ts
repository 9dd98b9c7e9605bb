import type { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, SocketAck } from '@parallele/core';
import { SESSION_COOKIE, SOCKET_EVENTS, TallySubscribePayloadSchema, tallyRoom } from '@parallele/core';
import type { AppDeps } from '../deps';
import { AppError } from '../errors';
import type { SessionCitizen } from '../modules/accounts';

/**
 * Live tallies. A socket joins the room of each scrutin it watches; committed votes (and
 * moderation decisions) mark rooms dirty, and a 250 ms tick sends each dirty room ONE fresh tally:
 * at most four updates a second per room, whatever the vote rate.
 *
 * Anonymous sockets may watch: tallies are public (GET /api/scrutins/:uid/tally). A socket that
 * connects with the session cookie also joins its citizen's room and gets `vote:mine` when the
 * citizen votes from any tab. The session is read at connection time; logging out elsewhere does
 * not cut an open socket, which only ever receives public tallies and the citizen's own votes.
 */
export const TALLY_INTERVAL_MS = 250;
const MAX_ROOMS_PER_SOCKET = 100;

interface SocketData {
  citizen: SessionCitizen | null;
  watching: Set<string>;
}

type TallyServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

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

export function attachTallySockets(server: Server, deps: AppDeps): () => void {
  const io = server as unknown as TallyServer;
  const { votes, accounts } = deps;
  const dirty = new Set<string>();
  let timer: NodeJS.Timeout | null = null;

  const tick = () => {
    const uids = [...dirty];
    dirty.clear();
    for (const uid of uids) {
      const room = tallyRoom(uid);
      if ((io.sockets.adapter.rooms.get(room)?.size ?? 0) === 0) continue;
      try {
        io.to(room).emit(SOCKET_EVENTS.tallyUpdate, votes.tally(uid));
      } catch (error) {
        deps.logger.error({ err: error, uid }, 'live tally failed');
      }
    }
    if (dirty.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
  const markDirty = (uids: Iterable<string>) => {
    for (const uid of uids) dirty.add(uid);
    if (!timer && dirty.size > 0) timer = setInterval(tick, TALLY_INTERVAL_MS);
  };

  const onVotes = ({ votes }: { votes: { scrutinUid: string; citizenId: number; vote: Parameters<ServerToClientEvents['vote:mine']>[0] }[] }) => {
    markDirty(votes.map((v) => v.scrutinUid));
    for (const v of votes) io.to(citizenRoom(v.citizenId)).emit(SOCKET_EVENTS.myVote, v.vote);
  };
  const onTallies = ({ uids }: { uids: string[] }) => markDirty(uids);
  deps.events.on('votes:cast', onVotes);
  deps.events.on('tallies:changed', onTallies);

  io.on('connection', (socket) => {
    const token = cookieValue(socket.handshake.headers.cookie, SESSION_COOKIE);
    socket.data.citizen = accounts.resolveSession(token);
    socket.data.watching = new Set();
    if (socket.data.citizen) void socket.join(citizenRoom(socket.data.citizen.citizenId));

    socket.on(SOCKET_EVENTS.tallySubscribe, (payload, ack) => {
      try {
        const parsed = TallySubscribePayloadSchema.safeParse(payload);
        if (!parsed.success) throw AppError.badRequest(`payload: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
        const uid = parsed.data.scrutinUid;
        if (!socket.data.watching.has(uid) && socket.data.watching.size >= MAX_ROOMS_PER_SOCKET) {
          throw AppError.tooManyRequests(`A socket may watch ${MAX_ROOMS_PER_SOCKET} scrutins at most`);
        }
        const tally = votes.tally(uid);
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
    if (timer) clearInterval(timer);
  };
}
