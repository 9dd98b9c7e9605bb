import { z } from 'zod';

/** HTTP contracts of the alerts (issue 13): what a citizen subscribed to, and unsubscribing. */

export const AlertSubscriptionsSchema = z
  .strictObject({
    /** every question on a vote solennel / scrutin public */
    solemn: z.boolean(),
    /** questions on these texts (dossier uids) */
    texts: z.array(z.string().regex(/^DL[A-Z0-9]+$/, 'a dossier uid such as DLR5L17N52428')).max(200),
  })
  .meta({ id: 'AlertSubscriptions' });
export type AlertSubscriptions = z.infer<typeof AlertSubscriptionsSchema>;

export const UnsubscribeQuerySchema = z.object({
  token: z.string().regex(/^\d{1,12}\.[A-Za-z0-9_-]{43}$/, 'token: the link of an alert mail'),
});

export const UnsubscribeResponseSchema = z.object({ unsubscribed: z.literal(true) }).meta({ id: 'Unsubscribed' });
