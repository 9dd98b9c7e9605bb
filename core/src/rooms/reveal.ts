import type { Ballot, ElectionQuestion, RoomQuestion, VoteQuestion } from '../contracts/rooms';
import type { ElectionReveal, Reveal, VoteReveal } from '../contracts/rooms-state';
import { groupSeats, parallelSeats } from '../simulator/parallel-seats';
import { simulateElection, type Election } from '../simulator/election';
import { officialTally, simulate } from '../simulator/simulate';
import type { SimGroup } from '../simulator/types';

/**
 * The reveal of a question, computed by the core simulator from the room's ballots: the room's
 * split, the real result, the parallel result with K MaVoix deputies casting that split (the
 * `proportional` mode: they replace deputies of every group in proportion), the tipping point,
 * and the seats of both hemicycles. Election rounds use `simulateElection` (secret ballot).
 */

export const MAVOIX_GROUP = 'MAVOIX';

/** The most seats a bloc can take: the assembly's members. */
export const assemblySize = (q: RoomQuestion): number =>
  q.kind === 'election' ? q.members : q.sim.groups.reduce((a, g) => a + g.members, 0);

/** K used at the reveal: the facilitator's, else the room's size, capped at the assembly's size. */
export const effectiveK = (q: RoomQuestion, setting: number | null, roomSize: number): number => Math.min(setting ?? roomSize, assemblySize(q));

const officialSeatsOf = (q: VoteQuestion): VoteReveal['officialSeats'] => q.sim.groups.map((g) => ({ ref: g.organeRef, seats: groupSeats(g) }));

/** Seats per group once K deputies sit: core's one derivation (proportional mode), the bloc last. */
function seatsWith(q: VoteQuestion, k: number, split: readonly [number, number, number]): VoteReveal['parallelSeats'] {
  const seats = parallelSeats(q.sim, { k, split: [...split], mode: 'proportional' });
  return [...seats.groups.map((g) => ({ ref: g.organeRef, seats: g.seats })), { ref: MAVOIX_GROUP, seats: seats.bloc }];
}

function groupPosition(g: SimGroup) {
  const voters = g.pour + g.contre + g.abstentions;
  if (voters === 0) return { ref: g.organeRef, position: (g.nonVotants > 0 ? 'nonVotant' : 'absent') as 'nonVotant' | 'absent', discipline: 0 };
  const options = [['pour', g.pour], ['contre', g.contre], ['abstention', g.abstentions]] as const;
  const [position, top] = options.reduce((best, o) => (o[1] > best[1] ? o : best));
  return { ref: g.organeRef, position, discipline: top / voters };
}

export function voteReveal(q: VoteQuestion, ballots: readonly Ballot[], kSetting: number | null, roomSize: number): VoteReveal {
  const split = { pour: 0, contre: 0, abstention: 0 };
  for (const b of ballots) if (b.choice === 'pour' || b.choice === 'contre' || b.choice === 'abstention') split[b.choice]++;
  const cast = split.pour + split.contre + split.abstention;
  const k = cast === 0 ? 0 : effectiveK(q, kSetting, roomSize);
  const official = officialTally(q.sim);
  const base = {
    kind: 'vote' as const,
    ballots: cast,
    roomSplit: split,
    officialSeats: officialSeatsOf(q),
    groupPositions: q.sim.groups.map(groupPosition),
  };
  if (k === 0) {
    const bloc = { pour: 0, contre: 0, abstentions: 0 };
    return { ...base, k, bloc, official, parallel: official, flipped: false, tippingPoint: null, parallelSeats: officialSeatsOf(q) };
  }
  const r = simulate(q.sim, { k, split: [split.pour, split.contre, split.abstention] });
  return { ...base, k, bloc: r.bloc, official: r.official, parallel: r.parallel, flipped: r.flipped, tippingPoint: r.tippingPoint, parallelSeats: seatsWith(q, k, [split.pour, split.contre, split.abstention]) };
}

export const electionOf = (q: ElectionQuestion): Election => ({ candidates: q.candidates.map((c) => ({ name: c.name, votes: c.votes })), blank: q.blank, members: q.members, round: q.round });

export function electionReveal(q: ElectionQuestion, ballots: readonly Ballot[], kSetting: number | null, roomSize: number): ElectionReveal {
  const split = [...q.candidates.map(() => 0), 0];
  for (const b of ballots) {
    if (b.choice === 'blanc') split[q.candidates.length]!++;
    else if (typeof b.choice === 'number' && b.choice < q.candidates.length) split[b.choice]!++;
  }
  const cast = split.reduce((a, b) => a + b, 0);
  const k = cast === 0 ? 0 : effectiveK(q, kSetting, roomSize);
  const e = electionOf(q);
  const r = simulateElection(e, { k, split });
  let tippingPoint: number | null = null;
  if (cast > 0) {
    for (let kk = 1; kk <= q.members; kk++) {
      if (simulateElection(e, { k: kk, split }).changed) {
        tippingPoint = kk;
        break;
      }
    }
  }
  return {
    kind: 'election',
    k,
    ballots: cast,
    roomSplit: split,
    bloc: r.bloc,
    official: r.official,
    parallel: r.parallel,
    changed: r.changed,
    forcedAnotherRound: r.official.winner !== null && r.parallel.winner === null,
    tippingPoint,
  };
}

export function computeReveal(q: RoomQuestion, ballots: readonly Ballot[], kSetting: number | null, roomSize: number): Reveal {
  return q.kind === 'vote' ? voteReveal(q, ballots, kSetting, roomSize) : electionReveal(q, ballots, kSetting, roomSize);
}

/** Whether a prediction came true: adopté/rejeté on a vote, the winner's index or `aucun` in a round. */
export function predictionCorrect(reveal: Reveal, prediction: Ballot['prediction']): boolean | null {
  if (prediction === null) return null;
  if (reveal.kind === 'vote') return prediction === reveal.official.outcome;
  return reveal.official.winner === null ? prediction === 'aucun' : prediction === reveal.official.winner;
}

/** The room's bloc was decisive: the parallel result differs from the real one. */
export const decisive = (reveal: Reveal): boolean => (reveal.kind === 'vote' ? reveal.flipped : reveal.changed);
