/**
 * The participant token and the facilitator key stay on the device (localStorage), so a refresh
 * or a lost network keeps the identity and the ballots. Keys are per room code.
 */
const PARTICIPANT = (code: string) => `parallele.room.${code}.token`;
const FACILITATOR = (code: string) => `parallele.room.${code}.key`;

const read = (k: string) => {
  try {
    return globalThis.localStorage?.getItem(k) ?? null;
  } catch {
    return null;
  }
};
const write = (k: string, v: string | null) => {
  try {
    if (v === null) globalThis.localStorage?.removeItem(k);
    else globalThis.localStorage?.setItem(k, v);
  } catch {
    // private mode: the identity lasts for the page only
  }
};

export const participantToken = (code: string) => read(PARTICIPANT(code));
export const keepParticipantToken = (code: string, token: string | null) => write(PARTICIPANT(code), token);
export const facilitatorKey = (code: string) => read(FACILITATOR(code));
export const keepFacilitatorKey = (code: string, key: string | null) => write(FACILITATOR(code), key);
