import { MAVOIX_GROUP, NO_SEATS, type GroupLabel, type VoteReveal } from '@parallele/core';
import type { HemicycleGroup } from './hemicycle';
import { chamberHemicycle, parallelHemicycle, type GroupInfo } from './hemicycle-groups';

/**
 * A workshop room's reveal (issue 12) as its two hemicycles, laid out like every other hemicycle
 * of the site: groups in the chamber's order, the MaVoix bloc in its colour where the seats reach
 * half the chamber. Used by the room's screens and by the server's HTML report, so both draw the
 * same seats.
 */
export function roomHemicycles(reveal: VoteReveal, labels: readonly GroupLabel[], bloc: { label: string; name?: string } = { label: 'MaVoix', name: 'Député·es MaVoix' }): { official: HemicycleGroup[]; parallel: HemicycleGroup[] } {
  const info = (ref: string): GroupInfo => {
    const l = labels.find((x) => x.ref === ref);
    return { organeRef: ref, abbreviation: l?.label ?? null, name: l?.name ?? null, colour: l?.colour ?? null };
  };
  const kept = reveal.parallelSeats.filter((g) => g.ref !== MAVOIX_GROUP);
  const blocSeats = reveal.parallelSeats.find((g) => g.ref === MAVOIX_GROUP)?.seats ?? NO_SEATS;
  return {
    official: chamberHemicycle(reveal.officialSeats.map((g) => ({ ...info(g.ref), seats: g.seats }))),
    parallel: parallelHemicycle(kept.map((g) => info(g.ref)), { groups: kept.map((g, index) => ({ index, seats: g.seats })), bloc: blocSeats }, bloc),
  };
}
