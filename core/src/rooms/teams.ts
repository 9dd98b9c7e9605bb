import type { RoomState } from '../contracts/rooms-state';
import { mulberry32 } from '../reweighting/prng';

/** A small seeded PRNG (mulberry32): the same seed deals the same teams, so tests can check it. */
export const seededRandom = mulberry32;

/**
 * Teams playing parliamentary groups: participants named in `members` go to their team, the
 * others (active ones) are shuffled with the seed and dealt to the smallest team each time, so
 * teams differ by one at most among the dealt; a null seed deals nobody (they will choose). No
 * teams clears them.
 */
export function dealTeams(s: RoomState, teams: readonly { name: string; groupRef: string | null }[], members: Record<string, number>, seed: number | null): RoomState {
  const ids = teams.map((_, i) => `t${i + 1}`);
  if (ids.length === 0) return { ...s, teams: [], participants: s.participants.map((p) => ({ ...p, teamId: null })) };
  const sizes = ids.map(() => 0);
  const assigned = new Map<string, number>();
  for (const [id, t] of Object.entries(members)) {
    assigned.set(id, t);
    sizes[t]!++;
  }
  const random = seededRandom(seed ?? 0);
  const rest = seed === null ? [] : s.participants.filter((p) => p.status === 'active' && !assigned.has(p.id)).map((p) => p.id);
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [rest[i], rest[j]] = [rest[j]!, rest[i]!];
  }
  for (const id of rest) {
    const t = sizes.indexOf(Math.min(...sizes));
    assigned.set(id, t);
    sizes[t]!++;
  }
  return {
    ...s,
    teams: teams.map((t, i) => ({ id: ids[i]!, name: t.name, groupRef: t.groupRef })),
    participants: s.participants.map((p) => ({ ...p, teamId: assigned.has(p.id) ? ids[assigned.get(p.id)!]! : null })),
  };
}
