import { z } from 'zod';
import { VOTE_KINDS } from '../agenda/model';

/** HTTP contract of GET /api/agenda/upcoming: the sittings after "now" and their points. */

export const AgendaClockSchema = z
  .object({
    now: z.string().meta({ description: 'The instant the agenda is read at (ISO 8601)' }),
    source: z.enum(['live', 'as-of', 'snapshot']).meta({
      description: 'live: the real clock; as-of: replayed by the AS_OF setting; snapshot: the stored agenda is older than the clock and is read as of its own date',
    }),
    asOfDate: z.string().nullable().meta({ description: 'YYYY-MM-DD to label the page with, null when live' }),
  })
  .meta({ id: 'AgendaClock' });

export const AgendaPointSchema = z
  .object({
    uid: z.string(),
    type: z.string().meta({ description: 'typePointODJ, e.g. "Vote solennel"' }),
    objet: z.string(),
    dossierRef: z.string().nullable(),
    tentative: z.boolean().meta({ description: '"Éventuellement, …": takes place only if needed' }),
    voteExpected: z.boolean(),
    voteKind: z.enum(VOTE_KINDS).nullable(),
  })
  .meta({ id: 'AgendaPoint' });

export const AgendaSittingSchema = z
  .object({
    uid: z.string().meta({ example: 'RUANR5L17S2026IDS29952' }),
    start: z.string().meta({ description: 'ISO 8601 with the Paris offset' }),
    state: z.string(),
    points: z.array(AgendaPointSchema),
  })
  .meta({ id: 'AgendaSitting' });

export const UpcomingTextSchema = z
  .object({
    dossierRef: z.string(),
    title: z.string().meta({ description: 'objet of the most decisive point (the vote solennel when there is one)' }),
    voteKind: z.enum(VOTE_KINDS),
    decisiveSittingUid: z.string(),
    decisiveStart: z.string(),
    firstStart: z.string(),
    sittings: z.array(z.object({ uid: z.string(), start: z.string(), type: z.string(), voteKind: z.enum(VOTE_KINDS), tentative: z.boolean() })),
    questionId: z.string().nullable().meta({ description: 'the platform question citizens vote on before the deputies, if open' }),
  })
  .meta({ id: 'UpcomingText' });
export type UpcomingText = z.infer<typeof UpcomingTextSchema>;

export const UpcomingAgendaResponseSchema = z
  .object({
    clock: AgendaClockSchema,
    sittings: z.array(AgendaSittingSchema),
    texts: z.array(UpcomingTextSchema).meta({ description: 'the upcoming points that lead to a vote, grouped by text, soonest decisive vote first' }),
  })
  .meta({ id: 'UpcomingAgenda' });
export type UpcomingAgendaResponse = z.infer<typeof UpcomingAgendaResponseSchema>;
export type AgendaSittingDto = z.infer<typeof AgendaSittingSchema>;
