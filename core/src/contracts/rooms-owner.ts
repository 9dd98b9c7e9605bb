import { z } from 'zod';
import { RoomStageSchema } from './rooms';

/**
 * "Vos salles": the rooms a signed-in citizen created, still stored (deleted or expired rooms are
 * gone). The facilitator key is only stored hashed, so the list carries the console link without
 * it; the owner gets a fresh key (the old one stops working) from POST /api/me/rooms/:code/facilitator-key.
 */
export const MyRoomSchema = z
  .object({
    code: z.string(),
    title: z.string(),
    createdAt: z.number(),
    lastActivityAt: z.number(),
    stage: RoomStageSchema,
    closed: z.boolean(),
    questions: z.number().int(),
    participants: z.number().int(),
    links: z.object({ facilitator: z.string(), projector: z.string(), join: z.string() }),
  })
  .meta({ id: 'MyRoom' });
export type MyRoom = z.infer<typeof MyRoomSchema>;

export const MyRoomsResponseSchema = z.object({ rooms: z.array(MyRoomSchema) }).meta({ id: 'MyRooms' });
export type MyRoomsResponse = z.infer<typeof MyRoomsResponseSchema>;

export const FacilitatorKeyResponseSchema = z
  .object({ code: z.string(), facilitatorKey: z.string(), links: z.object({ facilitator: z.string() }) })
  .meta({ id: 'FacilitatorKey' });
export type FacilitatorKeyResponse = z.infer<typeof FacilitatorKeyResponseSchema>;
