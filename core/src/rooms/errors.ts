/**
 * A refused room event. `code` is stable (clients translate it), `param` names what was wrong,
 * `message` says it in English (the server adds the French text from the same code).
 */
export const ROOM_ERROR_CODES = [
  'room-closed', 'room-full', 'room-finished', 'pseudonym-taken', 'token-in-use', 'unknown-participant', 'participant-kicked',
  'participant-inactive', 'vote-outside-phase', 'wrong-question', 'deadline-passed', 'bad-choice', 'bad-prediction',
  'bad-transition', 'bad-teams', 'bad-question',
] as const;
export type RoomErrorCode = (typeof ROOM_ERROR_CODES)[number];

export class RoomError extends Error {
  override readonly name = 'RoomError';
  constructor(
    readonly code: RoomErrorCode,
    readonly param: string,
    message: string,
    readonly extras: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const isRoomError = (e: unknown): e is RoomError => e instanceof RoomError;
