/**
 * Seat geometry of a hemicycle, computed without the DOM so it renders the same in the browser,
 * in tests and on the server (scenario reports). Seats sit on concentric arcs; each row gets a
 * number of seats proportional to its radius so the spacing is even, then all seats are swept
 * from left to right by angle and dealt to the groups in order: each group gets a wedge.
 */

import { SEAT_POSITIONS, type SeatCounts, type SeatPosition } from '@parallele/core';

export { SEAT_POSITIONS, type SeatCounts, type SeatPosition };

export interface Seat {
  x: number;
  y: number;
  /** angle in radians, π on the far left, 0 on the far right */
  angle: number;
  row: number;
}

export interface ArcLayout {
  seats: Seat[];
  seatRadius: number;
  rows: number;
  innerRadius: number;
  outerRadius: number;
}

/** Largest remainder over non-negative weights (ties to the earlier entry). */
function share(n: number, weights: number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  if (total === 0 || n === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (n * w) / total);
  const out = exact.map(Math.floor);
  let left = n - out.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left-- <= 0) break;
    out[i]!++;
  }
  return out;
}

/**
 * Seats of an arch of `total` seats centred on (cx, cy) with outer radius `radius`.
 * The number of rows makes the arc spacing roughly equal to the row spacing.
 */
export function layoutArc(total: number, cx: number, cy: number, radius: number): ArcLayout {
  const innerRatio = total <= 20 ? 0.5 : 0.36;
  const innerRadius = radius * innerRatio;
  if (total <= 0) return { seats: [], seatRadius: 0, rows: 0, innerRadius, outerRadius: radius };
  // rows·(rows−1) ≈ 2N(R−r)/(π(R+r)): equal radial and tangential spacing
  const target = (2 * total * (radius - innerRadius)) / (Math.PI * (radius + innerRadius));
  const rows = Math.max(1, Math.min(total, Math.round((1 + Math.sqrt(1 + 4 * target)) / 2)));
  const radii = Array.from({ length: rows }, (_, i) => (rows === 1 ? (radius + innerRadius) / 2 : innerRadius + ((radius - innerRadius) * i) / (rows - 1)));
  const perRow = share(total, radii);
  const seats: Seat[] = [];
  perRow.forEach((n, row) => {
    const r = radii[row]!;
    for (let j = 0; j < n; j++) {
      const angle = n === 1 ? Math.PI / 2 : Math.PI * (1 - j / (n - 1));
      seats.push({ x: cx + r * Math.cos(angle), y: cy - r * Math.sin(angle), angle, row });
    }
  });
  // left to right; at the same angle, the inner row first (reads as a wedge)
  seats.sort((a, b) => b.angle - a.angle || a.row - b.row);
  const radial = rows === 1 ? radius - innerRadius : (radius - innerRadius) / (rows - 1);
  const tangential = Math.min(...perRow.map((n, i) => (n > 1 ? (Math.PI * radii[i]!) / (n - 1) : Infinity)));
  const spacing = Math.min(radial, Number.isFinite(tangential) ? tangential : radial);
  return { seats, seatRadius: Math.max(0.8, spacing * 0.42), rows, innerRadius, outerRadius: radius };
}

export interface GroupSeats<G> {
  group: G;
  /** index of the first seat of the group in the sweep */
  start: number;
  /** position of each of the group's seats, in sweep order */
  positions: SeatPosition[];
}

/** Deals the swept seats to the groups in order; inside a group, pour first, then contre… */
export function dealSeats<G extends { seats: SeatCounts }>(groups: readonly G[]): GroupSeats<G>[] {
  let start = 0;
  return groups.map((group) => {
    const positions: SeatPosition[] = [];
    for (const p of SEAT_POSITIONS) for (let i = 0; i < Math.max(0, group.seats[p]); i++) positions.push(p);
    const out = { group, start, positions };
    start += positions.length;
    return out;
  });
}

export const seatTotal = (c: SeatCounts): number => SEAT_POSITIONS.reduce((s, p) => s + Math.max(0, c[p]), 0);
