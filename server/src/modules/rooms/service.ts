import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import {
  ROOM_TOKEN_PREFIX, applyRoomEvent, buildRoomView, createRoomState, generateJoinCode,
  type CreateRoomBodySchema, type MyRoom, type RoomAction, type RoomEvent, type RoomState, type RoomView, type Viewer, type VoteBodySchema,
} from '@parallele/core';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { createDeckResolver, loadCatalogue, type Catalogue } from './deck';
import { commitRoom, unchanged } from './commit';
import { roomProblem } from './problems';
import { createRoomsRepository, type StoredRoom } from './repository';
import { listShippedScenarios, scenarioDeckItems, type ScenarioScrutins } from './scenario-deck';

/**
 * The rooms' service: the store is the room's truth. Every action reads the room, runs core's
 * reducer, and writes the result only if the stored version is still the one it read (else it
 * reads again and retries), all in one store transaction, then tells the socket layer. Each
 * process keeps a copy of the rooms it serves, used only while its version is the stored one
 * (one small read per action), so several processes can serve the same room and a restarted one
 * carries on where the last stopped. Phase timers are deadlines in the state, checked when an
 * action comes: no process timer moves a room on.
 */
export const ROOM_IDLE_MS = 24 * 60 * 60 * 1000;

export type Caller = { role: 'facilitator' } | { role: 'participant'; participantId: string };
export type RoomChange =
  | { kind: 'state'; code: string }
  /** who is in the room changed (join, rejoin, leave): only the screens list the participants */
  | { kind: 'roster'; code: string }
  | { kind: 'count'; code: string; participantId: string; exceptSocket?: string }
  | { kind: 'ended'; code: string; reason: 'closed' | 'deleted' | 'expired' }
  | { kind: 'kicked'; code: string; participantId: string };

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const secret = (bytes: number) => randomBytes(bytes).toString('base64url');
const facilitatorLink = (code: string, key: string) => `/salle/${code}/animation#cle=${key}`;
const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** `scrutins`: the scrutins module's reads, for scenario decks (selected in the store). */
export function createRoomsService(deps: { db: Db; now: () => Date; scrutins: ScenarioScrutins; catalogue?: Catalogue }) {
  const repo = createRoomsRepository(deps.db);
  const catalogue = deps.catalogue ?? loadCatalogue();
  const resolver = createDeckResolver(deps.db, catalogue);
  const cache = new Map<string, StoredRoom>();
  const listeners = new Set<(c: RoomChange) => void>();
  const now = () => deps.now().getTime();
  const emit = (c: RoomChange) => listeners.forEach((l) => l(c));

  /**
   * Transitions of one room run one after the other: each reads the state the previous one wrote
   * (two ballots arriving together must not both start from the same state and lose one).
   */
  const turns = new Map<string, Promise<unknown>>();
  function inTurn<T>(code: string, fn: () => Promise<T>): Promise<T> {
    const run = (turns.get(code) ?? Promise.resolve()).then(fn, fn);
    const settled = run.then(() => undefined, () => undefined);
    turns.set(code, settled);
    void settled.then(() => {
      if (turns.get(code) === settled) turns.delete(code);
    });
    return run;
  }

  /** The stored room, from this process's copy when its version is still the stored one. */
  async function fresh(code: string): Promise<StoredRoom | null> {
    const head = await repo.head(code);
    if (!head) {
      cache.delete(code);
      return null;
    }
    const cached = cache.get(code);
    if (cached && cached.version === head.version) return cached;
    const room = await repo.get(code);
    if (room) cache.set(code, room);
    else cache.delete(code);
    return room;
  }

  async function load(code: string): Promise<StoredRoom> {
    let room = await fresh(code);
    if (room && room.state.lastActivityAt < now() - ROOM_IDLE_MS) {
      await repo.delete(code);
      cache.delete(code);
      emit({ kind: 'ended', code, reason: 'expired' });
      room = null;
    }
    if (!room) throw roomProblem('room-not-found', `no room ${code} (check the 6 characters, or the room has expired)`, 'code');
    return room;
  }

  /**
   * Reads the room, builds the event from it (`eventOf` also checks the caller), runs the
   * reducer and writes the result at the version read, in one store transaction; the store is
   * written before anybody hears of it. Another process writing in between makes the write miss:
   * read again and retry. Runs in this process's turn for the room (no retry among our own).
   */
  function transition<T>(code: string, eventOf: (room: StoredRoom) => { event: RoomEvent; result: T }): Promise<{ room: StoredRoom; result: T }> {
    return inTurn(code, async () => {
      for (let attempt = 0; attempt < 8; attempt++) {
        const done = await deps.db.store.transaction(async () => {
          const room = await fresh(code);
          if (!room || room.state.lastActivityAt < now() - ROOM_IDLE_MS) return 'gone' as const;
          const { event, result } = eventOf(room);
          const next = applyRoomEvent(room.state, event, now());
          if (unchanged(room.state, next)) return { room, result };
          if (!(await commitRoom(repo, room.state, next, room.version))) return null;
          return { room: { ...room, state: next, version: room.version + 1 } as StoredRoom, result };
        });
        if (done === 'gone') await load(code); // deletes an expired room, throws room-not-found
        else if (done) {
          cache.set(code, done.room);
          return done;
        }
        cache.delete(code);
      }
      throw roomProblem('room-busy', `room ${code} is changing too fast: try again`, 'code');
    });
  }

  function caller(room: StoredRoom, bearer: string | undefined): Caller | null {
    if (!bearer) return null;
    const hash = sha256(bearer);
    if (bearer.startsWith(ROOM_TOKEN_PREFIX.facilitator)) {
      if (sameHash(hash, room.facilitatorKeyHash)) return { role: 'facilitator' };
      throw roomProblem('room-facilitator-only', 'this facilitator key does not control this room', 'authorization');
    }
    const p = room.state.participants.find((x) => x.tokenHash === hash);
    if (!p) throw roomProblem('unknown-participant', 'this participant token does not belong to this room', 'authorization');
    return { role: 'participant', participantId: p.id };
  }

  const requireFacilitator = (room: StoredRoom, bearer: string | undefined) => {
    const c = caller(room, bearer);
    if (!c) throw roomProblem('room-token-required', 'Authorization: Bearer <facilitator key> is required', 'authorization');
    if (c.role !== 'facilitator') throw roomProblem('room-facilitator-only', 'only the facilitator may do this, not a participant', 'authorization');
  };
  const requireParticipant = (room: StoredRoom, bearer: string | undefined) => {
    const c = caller(room, bearer);
    if (!c) throw roomProblem('room-token-required', 'Authorization: Bearer <participant token> is required', 'authorization');
    if (c.role !== 'participant') throw roomProblem('room-participant-only', 'the facilitator key cannot vote: join as a participant', 'authorization');
    return c.participantId;
  };

  const viewerOf = (c: Caller | null): Viewer => (c ? (c.role === 'facilitator' ? { role: 'facilitator' } : { role: 'participant', participantId: c.participantId }) : { role: 'projector' });
  const view = (room: StoredRoom, v: Viewer): RoomView => buildRoomView(room.state, v, now());

  let shippedScenarios: ReturnType<typeof listShippedScenarios> | null = null;
  return {
    catalogue,
    /** The shipped scenarios (read once). */
    scenarios: () => (shippedScenarios ??= listShippedScenarios()),
    onChange(listener: (c: RoomChange) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** `ownerCitizenId`: the signed-in citizen creating it (listed in their "Vos salles"). */
    async create(body: z.output<typeof CreateRoomBodySchema>, ownerCitizenId: number | null = null) {
      const deck = await resolver.resolve(body.scenario ? [...body.deck, ...(await scenarioDeckItems(body.scenario, 30 - body.deck.length, deps.scrutins))] : body.deck);
      const facilitatorKey = `${ROOM_TOKEN_PREFIX.facilitator}${secret(32)}`;
      const recapKey = secret(18);
      const draw = (): StoredRoom => {
        const code = generateJoinCode(() => randomInt(0, 2 ** 32) / 2 ** 32);
        const state = createRoomState({ code, title: body.title, deck, maxParticipants: body.maxParticipants, k: body.k, now: now() });
        return { code, facilitatorKeyHash: sha256(facilitatorKey), recapKey, state, ownerCitizenId, version: 0 };
      };
      // the insert itself says whether the code was free (two processes may draw the same one)
      let room = draw();
      while (!(await repo.insert(room))) room = draw();
      const { code } = room;
      cache.set(code, room);
      const links = { facilitator: facilitatorLink(code, facilitatorKey), projector: `/salle/${code}/projection`, join: `/salle/${code}`, recap: `/salle/${code}/bilan?cle=${recapKey}` };
      return { code, facilitatorKey, recapKey, links, view: view(room, { role: 'facilitator' }) };
    },
    /** "Vos salles": the citizen's rooms still stored (expired ones are dropped on the way). */
    async ownedBy(citizenId: number): Promise<MyRoom[]> {
      const rooms: MyRoom[] = [];
      for (const code of await repo.codesOwnedBy(citizenId, now() - ROOM_IDLE_MS)) {
        const { state } = (await fresh(code)) ?? { state: null };
        if (!state) continue;
        rooms.push({
          code, title: state.title, createdAt: state.createdAt, lastActivityAt: state.lastActivityAt, stage: state.stage, closed: state.closed,
          questions: state.deck.length, participants: state.participants.filter((p) => p.status === 'active').length,
          links: { facilitator: `/salle/${code}/animation`, projector: `/salle/${code}/projection`, join: `/salle/${code}` },
        });
      }
      return rooms;
    },
    /**
     * The owner takes the console back (another browser, a lost link): a fresh facilitator key,
     * the old one stops working. Anyone else's room answers 404, as if it did not exist.
     */
    reissueFacilitatorKey(code: string, citizenId: number) {
      return inTurn(code, async () => {
        const room = await load(code);
        if (room.ownerCitizenId !== citizenId) throw roomProblem('room-not-found', `no room ${code} among your rooms`, 'code');
        const facilitatorKey = `${ROOM_TOKEN_PREFIX.facilitator}${secret(32)}`;
        await repo.setFacilitatorKeyHash(code, sha256(facilitatorKey));
        cache.delete(code);
        return { code, facilitatorKey, links: { facilitator: facilitatorLink(code, facilitatorKey) } };
      });
    },
    /** The state for whoever asks: facilitator, participant, projector (no token) or recap (its key). */
    async view(code: string, bearer: string | undefined, recapKey?: string): Promise<RoomView> {
      const room = await load(code);
      if (recapKey !== undefined) {
        if (!sameHash(sha256(recapKey), sha256(room.recapKey))) throw roomProblem('room-report-forbidden', 'recap: this is not the recap key of the room', 'recap');
        return view(room, { role: 'recap' });
      }
      return view(room, viewerOf(caller(room, bearer)));
    },
    async viewFor(code: string, viewer: Viewer): Promise<RoomView> {
      return view(await load(code), viewer);
    },
    async callerOf(code: string, bearer: string | undefined): Promise<Caller | null> {
      return caller(await load(code), bearer);
    },
    async checkRecap(code: string, recapKey: string): Promise<boolean> {
      return sameHash(sha256(recapKey), sha256((await load(code)).recapKey));
    },
    async join(code: string, pseudonym: string) {
      const token = `${ROOM_TOKEN_PREFIX.participant}${secret(32)}`;
      const tokenHash = sha256(token);
      const { room } = await transition(code, () => ({ event: { type: 'join', pseudonym, tokenHash }, result: null }));
      const participantId = room.state.participants.find((p) => p.tokenHash === tokenHash)!.id;
      emit({ kind: 'roster', code });
      return { participantId, token, view: view(room, { role: 'participant', participantId }) };
    },
    /** A participant coming back (refresh, new network): same identity, same ballots. */
    async rejoin(code: string, bearer: string | undefined): Promise<RoomView> {
      const { room, result } = await transition(code, (r) => {
        const participantId = requireParticipant(r, bearer);
        const wasActive = r.state.participants.find((p) => p.id === participantId)?.status === 'active';
        return { event: { type: 'rejoin', tokenHash: sha256(bearer!) }, result: { participantId, wasActive } };
      });
      const { participantId, wasActive } = result;
      if (!wasActive) emit({ kind: 'roster', code });
      return view(room, { role: 'participant', participantId });
    },
    async leave(code: string, bearer: string | undefined): Promise<void> {
      await transition(code, (r) => ({ event: { type: 'leave', participantId: requireParticipant(r, bearer) }, result: null }));
      emit({ kind: 'roster', code });
    },
    /** `exceptSocket`: the socket that voted (it gets the view in its ack, not twice). */
    async vote(code: string, bearer: string | undefined, index: number, body: z.output<typeof VoteBodySchema>, exceptSocket?: string): Promise<RoomView> {
      const { room, result: participantId } = await transition(code, (r) => {
        const participantId = requireParticipant(r, bearer);
        return { event: { type: 'vote', participantId, questionIndex: index, ballot: { choice: body.choice, prediction: body.prediction } }, result: participantId };
      });
      emit({ kind: 'count', code, participantId, exceptSocket });
      return view(room, { role: 'participant', participantId });
    },
    /** A participant picks their team (when the facilitator lets them): their tabs and the screens hear of it. */
    async chooseTeam(code: string, bearer: string | undefined, teamId: string): Promise<RoomView> {
      const { room, result: participantId } = await transition(code, (r) => {
        const participantId = requireParticipant(r, bearer);
        return { event: { type: 'chooseTeam', participantId, teamId }, result: participantId };
      });
      emit({ kind: 'count', code, participantId });
      return view(room, { role: 'participant', participantId });
    },
    async action(code: string, bearer: string | undefined, action: RoomAction & { type: string }): Promise<RoomView> {
      const { room } = await transition(code, (r) => {
        requireFacilitator(r, bearer);
        return { event: action as RoomEvent, result: null };
      });
      if (action.type === 'kick') emit({ kind: 'kicked', code, participantId: (action as { participantId: string }).participantId });
      emit(action.type === 'close' ? { kind: 'ended', code, reason: 'closed' } : { kind: 'state', code });
      return view(room, { role: 'facilitator' });
    },
    /** Close and delete at once, with every ballot. */
    remove(code: string, bearer: string | undefined): Promise<void> {
      return inTurn(code, async () => {
        const room = await load(code);
        requireFacilitator(room, bearer);
        await repo.delete(code);
        cache.delete(code);
        emit({ kind: 'ended', code, reason: 'deleted' });
      });
    },
    async state(code: string, bearer: string | undefined, recapKey?: string): Promise<RoomState> {
      const room = await load(code);
      if (recapKey !== undefined ? !sameHash(sha256(recapKey), sha256(room.recapKey)) : caller(room, bearer)?.role !== 'facilitator') {
        throw roomProblem('room-report-forbidden', 'the report needs the facilitator key or the recap key', 'authorization');
      }
      return room.state;
    },
    /** Deletes the rooms idle for 24 h; returns how many. */
    async sweep(): Promise<number> {
      const codes = await repo.deleteIdleSince(now() - ROOM_IDLE_MS);
      for (const code of codes) {
        cache.delete(code);
        emit({ kind: 'ended', code, reason: 'expired' });
      }
      for (const [code, room] of cache) if (room.state.lastActivityAt < now() - ROOM_IDLE_MS) cache.delete(code);
      return codes.length;
    },
    /** Forget the in-memory copies (tests: a restart without the process dying). */
    dropCache: () => cache.clear(),
  };
}
export type RoomsService = ReturnType<typeof createRoomsService>;
