import type { ScrutinDetail, ScrutinGroupVote } from '@parallele/core';
import type { HemicycleGroup, SeatCounts } from '../charts/hemicycle';

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

export const groupLabel = (g: Pick<ScrutinGroupVote, 'abbreviation' | 'name' | 'organeRef'>) => g.abbreviation ?? g.name ?? g.organeRef;

export function officialSeats(g: ScrutinGroupVote): SeatCounts {
  return {
    pour: g.pour,
    contre: g.contre,
    abstention: g.abstentions,
    nonVotant: g.nonVotants,
    absent: Math.max(0, g.members - g.pour - g.contre - g.abstentions - g.nonVotants),
  };
}

export function officialHemicycle(s: Pick<ScrutinDetail, 'groups'>): HemicycleGroup[] {
  return inChamberOrder(s.groups).map((g) => ({ id: g.organeRef, label: groupLabel(g), short: archLabel(groupLabel(g)), name: g.name ?? undefined, colour: g.colour, seats: officialSeats(g) }));
}

export const MAVOIX_COLOUR = '#6d28d9';
