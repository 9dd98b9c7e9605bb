import { z } from 'zod';
import { BallotChoiceSchema, DeckItemSchema, JoinCodeSchema, PackSchema, PredictionSchema, PseudonymSchema } from './rooms';
import type { RoomEventSchema} from './rooms-state';
import { MAX_ROOM_PARTICIPANTS, TIMER_MAX_SECONDS } from './rooms-state';
import { RoomViewSchema, type RoomCount, type RoomView } from './rooms-views';

/**
 * HTTP bodies and socket events of the rooms. Who is asking is said by `Authorization: Bearer`:
 * the facilitator key (`f_…`, from the creation) or a participant token (`p_…`, from joining);
 * without it, GET answers the projector view, and `?recap=` the read-only recap.
 */

export const ROOM_TOKEN_PREFIX = { facilitator: 'f_', participant: 'p_' } as const;
export const RoomTokenSchema = z.string().regex(/^[fp]_[A-Za-z0-9_-]{32,64}$/, { error: 'token: expected a room token (f_… or p_…)' });

export const RoomCodeParamsSchema = z.strictObject({ code: JoinCodeSchema });
export const RoomQuestionParamsSchema = z.strictObject({ code: JoinCodeSchema, i: z.coerce.number({ error: 'i: expected a question index' }).int().min(0).max(29) });
export const RoomViewQuerySchema = z.strictObject({ recap: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, { error: 'recap: expected the recap key of the link' }).optional() });

/** Uploaded scenario YAML is capped: a deck needs a selection, not a novel. */
export const ROOM_SCENARIO_MAX_BYTES = 32 * 1024;
/** At most this many scrutins are taken from a scenario's selection (in its order). */
export const ROOM_SCENARIO_MAX_QUESTIONS = 20;
/** A scenario file as a deck source: a shipped one by name (scenarios/NAME.yaml) or uploaded YAML. */
export const RoomScenarioSourceSchema = z
  .strictObject({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, { error: 'scenario.name: expected a shipped scenario name (scenarios/NAME.yaml)' }).optional(),
    yaml: z.string().min(1, { error: 'scenario.yaml: must not be empty' }).max(ROOM_SCENARIO_MAX_BYTES, { error: `scenario.yaml: at most ${ROOM_SCENARIO_MAX_BYTES} characters` }).optional(),
  })
  .refine((s) => (s.name === undefined) !== (s.yaml === undefined), { error: 'scenario: give either name or yaml', path: [] });
export type RoomScenarioSource = z.infer<typeof RoomScenarioSourceSchema>;

export const CreateRoomBodySchema = z
  .strictObject({
    title: z.string().trim().min(1, { error: 'title: must not be empty' }).max(120, { error: 'title: at most 120 characters' }),
    deck: z.array(DeckItemSchema).max(30, { error: 'deck: at most 30 questions' }).default([]),
    /** scrutins selected by a scenario file, put after the deck's questions */
    scenario: RoomScenarioSourceSchema.optional(),
    maxParticipants: z.number().int().min(2).max(MAX_ROOM_PARTICIPANTS).default(MAX_ROOM_PARTICIPANTS),
    k: z.number().int().min(0).max(2000).nullable().default(null),
  })
  .refine((b) => b.deck.length > 0 || b.scenario !== undefined, { error: 'deck: at least one question', path: ['deck'] });
export type CreateRoomBody = z.input<typeof CreateRoomBodySchema>;

/** The shipped scenarios a room can take its questions from. */
export const RoomScenarioListResponseSchema = z.object({ scenarios: z.array(z.object({ name: z.string(), title: z.string(), titleEn: z.string().nullable() })) }).meta({ id: 'RoomScenarios' });
export type RoomScenarioListResponse = z.infer<typeof RoomScenarioListResponseSchema>;

export const CreateRoomResponseSchema = z
  .object({
    code: z.string(),
    /** the secret that controls the room: keep the facilitator link private */
    facilitatorKey: z.string(),
    recapKey: z.string(),
    links: z.object({ facilitator: z.string(), projector: z.string(), join: z.string(), recap: z.string() }),
    view: RoomViewSchema,
  })
  .meta({ id: 'CreatedRoom' });
export type CreateRoomResponse = z.infer<typeof CreateRoomResponseSchema>;

export const JoinRoomBodySchema = z.strictObject({ pseudonym: PseudonymSchema });
export const JoinRoomResponseSchema = z.object({ participantId: z.string(), token: z.string(), view: RoomViewSchema }).meta({ id: 'JoinedRoom' });
export type JoinRoomResponse = z.infer<typeof JoinRoomResponseSchema>;

export const VoteBodySchema = z.strictObject({ choice: BallotChoiceSchema, prediction: PredictionSchema.nullable().default(null) });
export type VoteBody = z.input<typeof VoteBodySchema>;

/** Facilitator actions (POST /api/rooms/:code/actions and socket `room:action`). */
export const RoomActionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('advance') }),
  z.strictObject({ type: z.literal('reveal') }),
  z.strictObject({ type: z.literal('setTimer'), seconds: z.number().int().min(5).max(TIMER_MAX_SECONDS).nullable() }),
  z.strictObject({ type: z.literal('setK'), k: z.number().int().min(0).max(2000).nullable() }),
  z.strictObject({ type: z.literal('kick'), participantId: z.string().regex(/^p\d{1,6}$/) }),
  z.strictObject({
    type: z.literal('setTeams'),
    teams: z.array(z.strictObject({ name: z.string().trim().min(1).max(60), groupRef: z.string().max(40).nullable().default(null) })).max(20),
    members: z.record(z.string().regex(/^p\d{1,6}$/), z.number().int().min(0)).default({}),
    seed: z.number().int().default(1),
    /** the participants left out of `members` pick their team from their phone */
    choice: z.boolean().default(false),
  }),
  z.strictObject({ type: z.literal('close') }),
], { error: 'type: expected advance, reveal, setTimer, setK, kick, setTeams or close' });
export type RoomAction = z.input<typeof RoomActionSchema>;
/** A participant's pick of a team (PUT /api/rooms/:code/participants/me/team), when the room lets them choose. */
export const ChooseTeamBodySchema = z.strictObject({ teamId: z.string().regex(/^t\d{1,2}$/, { error: 'teamId: expected a team id such as t1' }) });
export type ChooseTeamBody = z.infer<typeof ChooseTeamBodySchema>;
/** An action is a room event the facilitator may send. */
export const actionEvent = (a: z.output<typeof RoomActionSchema>): z.infer<typeof RoomEventSchema> => a;

export const PackListResponseSchema = z.object({ packs: z.array(PackSchema) }).meta({ id: 'RoomPacks' });

// ── socket.io namespace /rooms ───────────────────────────────────────────────────────────────
export const ROOMS_NAMESPACE = '/rooms';
export const ROOM_EVENTS = {
  /** server → client: the full view for this socket's viewer (after each transition) */
  state: 'room:state',
  /** server → client: the vote count changed (every screen of the room) */
  count: 'room:count',
  /** server → client: the room was closed or deleted, or this participant was removed */
  ended: 'room:ended',
  /** client → server: a participant's ballot; ack gets the participant's view */
  vote: 'room:vote',
  /** client → server: a facilitator action; ack gets the facilitator's view */
  action: 'room:action',
} as const;

/** `auth` of the socket handshake. */
export const RoomSocketAuthSchema = z.object({ code: JoinCodeSchema, token: RoomTokenSchema.optional(), recap: z.string().max(64).optional() });
export type RoomSocketAuth = z.input<typeof RoomSocketAuthSchema>;
export const RoomVotePayloadSchema = z.strictObject({ index: z.number().int().min(0), choice: BallotChoiceSchema, prediction: PredictionSchema.nullable().default(null) });
export type RoomVotePayload = z.input<typeof RoomVotePayloadSchema>;
export const RoomEndedSchema = z.object({ code: z.string(), reason: z.enum(['closed', 'deleted', 'kicked', 'expired']) });
export type RoomEnded = z.infer<typeof RoomEndedSchema>;

export type RoomAck<T> = (answer: { ok: true; data: T } | { ok: false; code: string; error: string }) => void;
export interface RoomClientToServer {
  [ROOM_EVENTS.vote]: (payload: RoomVotePayload, ack?: RoomAck<RoomView>) => void;
  [ROOM_EVENTS.action]: (payload: RoomAction, ack?: RoomAck<RoomView>) => void;
}
export interface RoomServerToClient {
  [ROOM_EVENTS.state]: (view: RoomView) => void;
  [ROOM_EVENTS.count]: (count: RoomCount) => void;
  [ROOM_EVENTS.ended]: (ended: RoomEnded) => void;
}
