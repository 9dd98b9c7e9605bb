import { z } from 'zod';
import { VOTE_TYPES } from '../an/model';
import { BallotSchema, GroupLabelSchema, ParticipantSchema, RoomStageSchema, TeamSchema } from './rooms';
import { GroupPositionSchema, RevealSchema } from './rooms-state';

/**
 * What each viewer of a room receives (HTTP GET /api/rooms/:code and socket `room:state`). Built
 * by core/src/rooms/views.ts: before a reveal nobody gets the deputies' result, the projector
 * gets counts only, a participant gets their own ballot only, and nobody gets another's ballot.
 */

export const VIEWER_ROLES = ['facilitator', 'projector', 'participant', 'recap'] as const;
export type ViewerRole = (typeof VIEWER_ROLES)[number];

export const PublicQuestionSchema = z.object({
  kind: z.enum(['vote', 'election']),
  id: z.string(),
  title: z.string(),
  text: z.string(),
  date: z.string().nullable(),
  link: z.string().nullable(),
  source: z.string(),
  /** the vote's type (its majority rule) on a vote question */
  voteType: z.enum(VOTE_TYPES).nullable(),
  assemblyName: z.string(),
  seats: z.number().int(),
  groups: z.array(GroupLabelSchema),
  round: z.number().int().nullable(),
  candidates: z.array(z.object({ name: z.string(), selectable: z.boolean() })),
});
export type PublicQuestion = z.infer<typeof PublicQuestionSchema>;

export const ScoreSchema = z.object({ predicted: z.number().int(), correct: z.number().int() });
export const ScoresSchema = z.object({
  leaderboard: z.array(z.object({ pseudonym: z.string(), teamId: z.string().nullable() }).extend(ScoreSchema.shape)),
  teams: z.array(z.object({ id: z.string(), name: z.string(), members: z.number().int(), correct: z.number().int() })),
  revealed: z.number().int(),
  /** questions where the room's bloc changed the result */
  decisive: z.number().int(),
  /** the K of the last reveal */
  k: z.number().int(),
});
export type Scores = z.infer<typeof ScoresSchema>;

export const RoomViewSchema = z
  .object({
    role: z.enum(VIEWER_ROLES),
    code: z.string(),
    title: z.string(),
    closed: z.boolean(),
    stage: RoomStageSchema,
    index: z.number().int(),
    total: z.number().int(),
    deadline: z.number().nullable(),
    /** the server's clock when the view was built, so screens can show timers without drift */
    serverNow: z.number(),
    question: PublicQuestionSchema.nullable(),
    counts: z.object({ participants: z.number().int(), voted: z.number().int() }),
    kSetting: z.number().int().nullable(),
    /** K for the current question: the facilitator's, else the room's size, capped at the assembly */
    k: z.number().int(),
    reveal: RevealSchema.nullable(),
    teams: z.array(TeamSchema),
    /** participants pick their team themselves (among `teams`) */
    teamChoice: z.boolean(),
    /** facilitator: every participant with whether (not what) they voted; projector: active pseudonyms */
    participants: z.array(ParticipantSchema.pick({ id: true, pseudonym: true, status: true, teamId: true }).extend({ voted: z.boolean().nullable() })),
    me: z
      .object({
        id: z.string(),
        pseudonym: z.string(),
        status: ParticipantSchema.shape.status,
        teamId: z.string().nullable(),
        ballot: BallotSchema.nullable(),
        score: ScoreSchema,
        /** after a reveal, the real position of the group the participant's team plays */
        groupPosition: GroupPositionSchema.nullable(),
      })
      .nullable(),
    /** facilitator always; everybody once the session is finished */
    scores: ScoresSchema.nullable(),
    /** facilitator and recap: every revealed question with its reveal */
    history: z.array(z.object({ index: z.number().int(), question: PublicQuestionSchema, reveal: RevealSchema })),
  })
  .meta({ id: 'RoomView' });
export type RoomView = z.infer<typeof RoomViewSchema>;

/** Sent to the whole room on each ballot: a few bytes instead of one full view per screen. */
export const RoomCountSchema = z.object({ code: z.string(), index: z.number().int(), voted: z.number().int(), participants: z.number().int() });
export type RoomCount = z.infer<typeof RoomCountSchema>;
