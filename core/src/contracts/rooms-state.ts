import { z } from 'zod';
import { OUTCOMES } from '../an/model';
import { BallotSchema, ParticipantSchema, RoomQuestionSchema, RoomStageSchema, TeamSchema } from './rooms';

/** The reveal of one question and the persisted room state (what the store holds, as JSON). */

const n = z.number().int();
export const SeatCountsSchema = z.object({ pour: n, contre: n, abstention: n, nonVotant: n, absent: n });
export type SeatCountsData = z.infer<typeof SeatCountsSchema>;
export const GroupSeatsSchema = z.object({ ref: z.string(), seats: SeatCountsSchema });
const SimTallySchema = z.object({ pour: n, contre: n, abstentions: n, required: n, outcome: z.enum(OUTCOMES) });

/** The position most of a group's present members took that day, and how many followed it. */
export const GroupPositionSchema = z.object({
  ref: z.string(),
  position: z.enum(['pour', 'contre', 'abstention', 'nonVotant', 'absent']),
  /** share of the group's voters (pour + contre + abstention) who took that position, 0…1 */
  discipline: z.number().min(0).max(1),
});

export const VoteRevealSchema = z.object({
  kind: z.literal('vote'),
  k: n,
  ballots: n,
  roomSplit: z.object({ pour: n, contre: n, abstention: n }),
  bloc: z.object({ pour: n, contre: n, abstentions: n }),
  official: SimTallySchema,
  parallel: SimTallySchema,
  flipped: z.boolean(),
  /** smallest K with the room's split that tips the result, or null */
  tippingPoint: n.nullable(),
  officialSeats: z.array(GroupSeatsSchema),
  /** each group once K deputies are replaced (proportionally), plus the bloc as group `MAVOIX` */
  parallelSeats: z.array(GroupSeatsSchema),
  groupPositions: z.array(GroupPositionSchema),
});
export const ElectionTallySchema = z.object({ votes: z.array(n), blank: n, exprimes: n, required: n.nullable(), winner: n.nullable() });
export const ElectionRevealSchema = z.object({
  kind: z.literal('election'),
  k: n,
  ballots: n,
  /** the room's ballots per candidate, then blank */
  roomSplit: z.array(n),
  bloc: z.array(n),
  official: ElectionTallySchema,
  parallel: ElectionTallySchema,
  /** the bloc changes who is elected in this round */
  changed: z.boolean(),
  /** somebody was elected, and with the bloc nobody is: another round would have been needed */
  forcedAnotherRound: z.boolean(),
  /** smallest K with the room's split that changes the winner, or null */
  tippingPoint: n.nullable(),
});
export const RevealSchema = z.discriminatedUnion('kind', [VoteRevealSchema, ElectionRevealSchema]);
export type Reveal = z.infer<typeof RevealSchema>;
export type VoteReveal = z.infer<typeof VoteRevealSchema>;
export type ElectionReveal = z.infer<typeof ElectionRevealSchema>;

export const ROOM_STATE_VERSION = 1;
export const MAX_ROOM_PARTICIPANTS = 200;
export const RoomStateSchema = z.object({
  version: z.literal(ROOM_STATE_VERSION),
  code: z.string(),
  title: z.string(),
  createdAt: z.number(),
  lastActivityAt: z.number(),
  closed: z.boolean(),
  maxParticipants: n.min(1).max(MAX_ROOM_PARTICIPANTS),
  /** K chosen by the facilitator; null = the room's size, capped at the assembly's */
  k: n.nullable(),
  deck: z.array(RoomQuestionSchema).min(1),
  /** the current question, -1 in the lobby */
  index: n,
  stage: RoomStageSchema,
  /** end of the current phase's timer (ms since epoch), null without a timer */
  deadline: z.number().nullable(),
  participants: z.array(ParticipantSchema),
  nextParticipant: n,
  teams: z.array(TeamSchema),
  /** participants pick their own team (among `teams`) from their phone; rows stored before it: false */
  teamChoice: z.boolean().default(false),
  /** ballots[questionIndex][participantId] */
  ballots: z.record(z.string(), z.record(z.string(), BallotSchema)),
  reveals: z.record(z.string(), RevealSchema),
});
export type RoomState = z.infer<typeof RoomStateSchema>;

export const TIMER_MAX_SECONDS = 3600;
/** Every event the room reducer accepts. The clock (`now`) is passed beside it, never read. */
export const RoomEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('join'), pseudonym: z.string(), tokenHash: z.string().min(16) }),
  z.object({ type: z.literal('rejoin'), tokenHash: z.string() }),
  z.object({ type: z.literal('leave'), participantId: z.string() }),
  z.object({ type: z.literal('kick'), participantId: z.string() }),
  z.object({ type: z.literal('advance') }),
  z.object({ type: z.literal('reveal') }),
  z.object({ type: z.literal('setTimer'), seconds: n.min(5).max(TIMER_MAX_SECONDS).nullable() }),
  z.object({ type: z.literal('vote'), participantId: z.string(), questionIndex: n, ballot: BallotSchema }),
  z.object({ type: z.literal('setK'), k: n.min(0).max(2000).nullable() }),
  z.object({
    type: z.literal('setTeams'),
    teams: z.array(z.object({ name: z.string().trim().min(1).max(60), groupRef: z.string().max(40).nullable() })).max(20),
    /** participantId → team index; participants not listed are dealt at random with `seed` */
    members: z.record(z.string(), n.min(0)).default({}),
    seed: n.default(1),
    /** participants not in `members` pick their team themselves instead of being dealt one */
    choice: z.boolean().optional(),
  }),
  /** a participant picks their team, when the facilitator let them choose */
  z.object({ type: z.literal('chooseTeam'), participantId: z.string(), teamId: z.string() }),
  z.object({ type: z.literal('close') }),
]);
export type RoomEvent = z.infer<typeof RoomEventSchema>;
