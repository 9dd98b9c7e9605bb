import type { GroupLabel } from '../contracts/rooms';
import type { SeatCountsData, VoteReveal } from '../contracts/rooms-state';
import { MAVOIX_GROUP } from './reveal';

/**
 * The two hemicycles of a reveal as chart input (the shape of the client's HemicycleGroup): the
 * real one and the parallel one, where the MaVoix bloc sits as its own outlined group. Shared by
 * the browser and the server's report so both draw the same seats.
 */
export interface RevealHemicycleGroup {
  id: string;
  label: string;
  name: string;
  colour: string | null;
  seats: SeatCountsData;
  emphasis?: boolean;
}

export const MAVOIX_COLOUR = '#2B2B2B';

export function revealHemicycles(reveal: VoteReveal, labels: readonly GroupLabel[]): { official: RevealHemicycleGroup[]; parallel: RevealHemicycleGroup[] } {
  const named = (ref: string, seats: SeatCountsData): RevealHemicycleGroup => {
    if (ref === MAVOIX_GROUP) return { id: ref, label: 'MaVoix', name: 'Député·es MaVoix', colour: MAVOIX_COLOUR, seats, emphasis: true };
    const l = labels.find((x) => x.ref === ref);
    return { id: ref, label: l?.label ?? ref, name: l?.name ?? ref, colour: l?.colour ?? null, seats };
  };
  return { official: reveal.officialSeats.map((g) => named(g.ref, g.seats)), parallel: reveal.parallelSeats.map((g) => named(g.ref, g.seats)) };
}
