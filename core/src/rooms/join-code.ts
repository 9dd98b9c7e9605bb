/**
 * Join codes: 6 characters read aloud in a classroom or copied from a projector, so the alphabet
 * leaves out what is easily confused (0/O, 1/I/L, 5/S, 2/Z, 8/B, U/V). 23^6 ≈ 1.5·10⁸ codes: a guess
 * hits one of 1,000 open rooms with probability 7·10⁻⁶, and joining is rate-limited per IP.
 */
export const JOIN_CODE_ALPHABET = 'ACDEFGHJKMNPQRTWXY34679';
export const JOIN_CODE_LENGTH = 6;

/** `random` returns a float in [0, 1) (crypto-backed on the server, seeded in tests). */
export function generateJoinCode(random: () => number): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[Math.floor(random() * JOIN_CODE_ALPHABET.length)]!;
  return code;
}

export const isJoinCode = (s: string): boolean => new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`).test(s);
