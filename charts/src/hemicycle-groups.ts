import { groupSeats, type ParallelSeats, type SeatCounts, type SimGroup } from '@parallele/core';
import type { HemicycleGroup } from './hemicycle';
import { seatTotal } from './hemicycle-layout';
import { MAVOIX_COLOUR } from './theme';

/**
 * The one layout of a hemicycle's groups, for every rendering (the website's official and parallel
 * hemicycles, the embed, the scenario runner): groups in the chamber's political order, left to
 * right, with the group's colour and label as published, and the MaVoix bloc in purple where the
 * seats reach half the chamber.
 */

/** What a hemicycle needs to know of a group besides its seats (a ScrutinGroupVote is one). */
export interface GroupInfo {
  organeRef: string;
  abbreviation: string | null;
  name: string | null;
  colour: string | null;
}

/**
 * Groups from left to right as they sit in the chamber (by abbreviation, L16 and L17 names);
 * groups not listed keep their file order after the known ones, non-inscrits last.
 */
const LEFT_TO_RIGHT = ['LFI-NFP', 'LFI', 'FI', 'GDR', 'ECOS', 'ECO', 'ECOLO', 'SOC', 'LIOT', 'DEM', 'MODEM', 'EPR', 'RE', 'REN', 'LREM', 'HOR', 'AGIR', 'DR', 'LR', 'UDI', 'UDR', 'RN', 'NI'];

/** "Écolo - NUPES" → "ECOLO", "LFI-NFP" → "LFI": the party token, without accents. */
export function shortAbbreviation(abbreviation: string): string {
  const plain = abbreviation.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase().trim();
  return plain.split(/[\s-]+/)[0] ?? plain;
}

export function chamberRank(abbreviation: string | null): number {
  const i = abbreviation ? LEFT_TO_RIGHT.indexOf(shortAbbreviation(abbreviation)) : -1;
  return i < 0 ? LEFT_TO_RIGHT.length - 1.5 : i;
}

/** The label drawn on the arch: the party token as published ("Écolo", "LFI"). */
export const archLabel = (abbreviation: string) => abbreviation.split(/\s+-\s+|-(?=NFP|NUPES)/)[0]!.trim();

export function inChamberOrder<G extends { abbreviation: string | null }>(groups: readonly G[]): G[] {
  return groups.map((g, i) => ({ g, i })).sort((a, b) => chamberRank(a.g.abbreviation) - chamberRank(b.g.abbreviation) || a.i - b.i).map((x) => x.g);
}

export const groupLabel = (g: Pick<GroupInfo, 'abbreviation' | 'name' | 'organeRef'>) => g.abbreviation ?? g.name ?? g.organeRef;

/** A group's official seats on the hemicycle (its members who did not vote are absent). */
export const officialSeats = (g: SimGroup): SeatCounts => groupSeats(g);

/** Hemicycle groups in chamber order; a ref seen twice (PO0 in some L17 scrutins) gets a distinct id. */
export function chamberHemicycle(groups: readonly (GroupInfo & { seats: SeatCounts })[]): HemicycleGroup[] {
  const seen = new Map<string, number>();
  return inChamberOrder(groups).map((g) => {
    const n = seen.get(g.organeRef) ?? 0;
    seen.set(g.organeRef, n + 1);
    const label = groupLabel(g);
    return { id: n === 0 ? g.organeRef : `${g.organeRef}-${n}`, label, short: archLabel(label), name: g.name ?? undefined, colour: g.colour, seats: g.seats };
  });
}

export function officialHemicycle(s: { groups: readonly (GroupInfo & SimGroup)[] }): HemicycleGroup[] {
  return chamberHemicycle(s.groups.map((g) => ({ ...g, seats: officialSeats(g) })));
}

/**
 * The parallel chamber: each group keeps what core's `parallelSeats` leaves it, and the MaVoix bloc
 * (when K > 0) sits where the cumulated seats reach half the chamber.
 */
export function parallelHemicycle(groups: readonly GroupInfo[], seats: ParallelSeats, bloc: { label: string; name?: string }): HemicycleGroup[] {
  const out = chamberHemicycle(seats.groups.map((g) => ({ ...groups[g.index]!, seats: g.seats })));
  if (seatTotal(seats.bloc) === 0) return out;
  const mavoix: HemicycleGroup = { id: 'mavoix', label: bloc.label, name: bloc.name ?? bloc.label, colour: MAVOIX_COLOUR, emphasis: true, seats: seats.bloc };
  const total = out.reduce((n, g) => n + seatTotal(g.seats), 0);
  let seen = 0;
  let at = out.length;
  for (let j = 0; j < out.length; j++) {
    seen += seatTotal(out[j]!.seats);
    if (seen >= total / 2) {
      at = j + 1;
      break;
    }
  }
  out.splice(at, 0, mavoix);
  return out;
}
