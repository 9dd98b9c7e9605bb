import { describe, expect, it } from 'vitest';
import type { RoomEvent, RoomState } from '../contracts/rooms-state';
import { RoomStateSchema } from '../contracts/rooms-state';
import { simulate } from '../simulator/simulate';
import { simulateElection } from '../simulator/election';
import { byUid } from '../simulator/test-support/real-data';
import { toSimScrutin } from '../simulator/types';
import { RoomError } from './errors';
import { applyRoomEvent, createRoomState } from './machine';
import { electionOf } from './reveal';
import { roundQuestion, scrutinQuestion, tokenHash } from './test-support/rooms';

const T0 = Date.UTC(2026, 0, 12, 9);
const room = (deck = [scrutinQuestion('VTANR5L17V3260'), roundQuestion(3)], max = 200, k: number | null = null) =>
  createRoomState({ code: 'ACDEFG', title: 'Classe de 1re B', deck, maxParticipants: max, k, now: T0 });

function play(s: RoomState, events: RoomEvent[], now = T0): RoomState {
  return events.reduce((acc, e) => applyRoomEvent(acc, e, now), s);
}
const join = (i: number, pseudonym = `Élève ${i}`): RoomEvent => ({ type: 'join', pseudonym, tokenHash: tokenHash(i) });
const advance: RoomEvent = { type: 'advance' };
const refused = (s: RoomState, e: RoomEvent, code: string, now = T0) => {
  try {
    applyRoomEvent(s, e, now);
  } catch (error) {
    expect(error).toBeInstanceOf(RoomError);
    expect((error as RoomError).code).toBe(code);
    return error as RoomError;
  }
  throw new Error(`${e.type} was accepted, expected ${code}`);
};
const vote = (p: string, choice: 'pour' | 'contre' | 'abstention' | number, prediction: 'adopté' | 'rejeté' | number | null = null, questionIndex = 0): RoomEvent =>
  ({ type: 'vote', participantId: p, questionIndex, ballot: { choice, prediction } });

describe('room phases', { timeout: 120_000 }, () => {
  it('runs présentation → débat → vote → révélation for each question, then finishes', () => {
    let s = play(room(), [join(1)]);
    expect(s.stage).toBe('lobby');
    const seen: string[] = [];
    for (let i = 0; i < 8; i++) {
      s = applyRoomEvent(s, advance, T0);
      seen.push(`${s.index}:${s.stage}`);
    }
    expect(seen).toEqual(['0:presentation', '0:debat', '0:vote', '0:revelation', '1:presentation', '1:debat', '1:vote', '1:revelation']);
    s = applyRoomEvent(s, advance, T0);
    expect(s.stage).toBe('finished');
    refused(s, advance, 'room-finished');
    expect(RoomStateSchema.parse(s)).toEqual(s);
  });

  it('refuses a reveal outside the vote phase and a timer in the lobby', () => {
    const s = play(room(), [join(1), advance]);
    refused(s, { type: 'reveal' }, 'bad-transition');
    refused(room(), { type: 'setTimer', seconds: 60 }, 'bad-transition');
  });

  it('stores timers as deadlines from the injected clock and refuses a late ballot', () => {
    let s = play(room(), [join(1), advance, advance, advance]);
    s = applyRoomEvent(s, { type: 'setTimer', seconds: 30 }, T0 + 1000);
    expect(s.deadline).toBe(T0 + 31_000);
    expect(applyRoomEvent(s, vote('p1', 'pour'), T0 + 31_000).ballots['0']!.p1!.choice).toBe('pour');
    refused(s, vote('p1', 'pour'), 'deadline-passed', T0 + 31_001);
    expect(applyRoomEvent(s, advance, T0 + 2000).deadline).toBeNull();
  });

  it('closing refuses every later event', () => {
    const s = play(room(), [join(1), { type: 'close' }]);
    expect(s.closed).toBe(true);
    for (const e of [advance, join(2), { type: 'close' } as RoomEvent]) refused(s, e, 'room-closed');
  });
});

describe('participants', { timeout: 120_000 }, () => {
  it('refuses a taken pseudonym (case and accents ignored) and suggests a free one', () => {
    const s = play(room(), [join(1, 'Camille'), join(2, 'Camille 2')]);
    const error = refused(s, join(3, 'camille'), 'pseudonym-taken');
    expect(error.extras.suggestion).toBe('camille 3');
    refused(s, join(4, 'CAMÎLLE'), 'pseudonym-taken');
  });

  it('refuses a full room and a token used twice', () => {
    const s = play(room(undefined, 2), [join(1), join(2)]);
    refused(s, join(3), 'room-full');
    refused(play(room(), [join(1)]), { ...join(2), tokenHash: tokenHash(1) } as RoomEvent, 'token-in-use');
  });

  it('keeps identity and ballots across leave and rejoin', () => {
    let s = play(room(), [join(1), advance, advance, advance, vote('p1', 'contre')]);
    s = applyRoomEvent(s, { type: 'leave', participantId: 'p1' }, T0);
    refused(s, vote('p1', 'pour'), 'participant-inactive');
    s = applyRoomEvent(s, { type: 'rejoin', tokenHash: tokenHash(1) }, T0);
    expect(s.participants[0]!.status).toBe('active');
    expect(s.ballots['0']!.p1!.choice).toBe('contre');
    refused(s, { type: 'rejoin', tokenHash: tokenHash(9) }, 'unknown-participant');
  });

  it('a kicked participant loses the open ballot, cannot vote nor rejoin', () => {
    let s = play(room(), [join(1), join(2), advance, advance, advance, vote('p1', 'pour'), vote('p2', 'contre')]);
    s = applyRoomEvent(s, { type: 'kick', participantId: 'p1' }, T0);
    expect(Object.keys(s.ballots['0']!)).toEqual(['p2']);
    refused(s, vote('p1', 'pour'), 'participant-kicked');
    refused(s, { type: 'rejoin', tokenHash: tokenHash(1) }, 'participant-kicked');
    refused(s, { type: 'kick', participantId: 'p9' }, 'unknown-participant');
  });

  it('a late joiner votes on the current question and counts in K', () => {
    let s = play(room(), [join(1), advance, advance, advance, vote('p1', 'contre'), join(2)]);
    expect(s.participants[1]!.joinedAtQuestion).toBe(0);
    s = play(s, [vote('p2', 'contre'), { type: 'reveal' }]);
    const r = s.reveals['0']!;
    expect(r.k).toBe(2);
    expect(r.ballots).toBe(2);
  });
});

describe('ballots', { timeout: 120_000 }, () => {
  const inVote = () => play(room(), [join(1), advance, advance, advance]);
  it('refuses a ballot outside the vote phase, on another question or of the wrong kind', () => {
    refused(play(room(), [join(1), advance]), vote('p1', 'pour'), 'vote-outside-phase');
    refused(inVote(), vote('p1', 'pour', null, 1), 'wrong-question');
    refused(inVote(), vote('p1', 2), 'bad-choice');
    refused(inVote(), { type: 'vote', participantId: 'p1', questionIndex: 0, ballot: { choice: 'pour', prediction: 'aucun' } }, 'bad-prediction');
    refused(inVote(), vote('p9', 'pour'), 'unknown-participant');
  });
  it('a second ballot replaces the first', () => {
    const s = play(inVote(), [vote('p1', 'pour'), vote('p1', 'abstention', 'rejeté')]);
    expect(s.ballots['0']).toEqual({ p1: { choice: 'abstention', prediction: 'rejeté' } });
  });
  it('an election round accepts selectable candidates and blanc only', () => {
    const s = play(room([roundQuestion(2)]), [join(1), advance, advance, advance]);
    refused(s, vote('p1', 4), 'bad-choice'); // "Autres (voix dispersées)" is not a choice
    refused(s, vote('p1', 'pour'), 'bad-choice');
    expect(applyRoomEvent(s, { type: 'vote', participantId: 'p1', questionIndex: 0, ballot: { choice: 'blanc', prediction: 'aucun' } }, T0).ballots['0']!.p1!.choice).toBe('blanc');
  });
});

describe('reveal', { timeout: 120_000 }, () => {
  it('computes the parallel result of the real scrutin with the room’s split and K = room size', () => {
    // V3260 was adopted by one vote: a room voting contre flips it with a small K
    let s = play(room(), [join(1), join(2), join(3), advance, advance, advance, vote('p1', 'contre', 'rejeté'), vote('p2', 'contre', 'adopté'), vote('p3', 'pour')]);
    s = applyRoomEvent(s, { type: 'reveal' }, T0);
    const r = s.reveals['0']!;
    const expected = simulate(toSimScrutin(byUid('VTANR5L17V3260')), { k: 3, split: [1, 2, 0] });
    expect(r.kind).toBe('vote');
    if (r.kind !== 'vote') return;
    expect(r.roomSplit).toEqual({ pour: 1, contre: 2, abstention: 0 });
    expect(r.parallel).toEqual(expected.parallel);
    expect(r.official.outcome).toBe('adopté');
    expect(r.tippingPoint).toBe(expected.tippingPoint);
    expect(r.parallelSeats.at(-1)).toEqual({ ref: 'MAVOIX', seats: { pour: expected.bloc.pour, contre: expected.bloc.contre, abstention: 0, nonVotant: 0, absent: 0 } });
    const seats = (x: typeof r.officialSeats) => x.reduce((a, g) => a + Object.values(g.seats).reduce((b, c) => b + c, 0), 0);
    expect(seats(r.parallelSeats)).toBe(seats(r.officialSeats));
  });

  it('setK during the reveal recomputes it; K is capped at the assembly size', () => {
    let s = play(room(), [join(1), advance, advance, advance, vote('p1', 'contre'), advance]);
    s = applyRoomEvent(s, { type: 'setK', k: 40 }, T0);
    expect(s.reveals['0']!.k).toBe(40);
    s = applyRoomEvent(s, { type: 'setK', k: 2000 }, T0);
    expect(s.reveals['0']!.k).toBe(byUid('VTANR5L17V3260').groups.reduce((a, g) => a + g.members, 0));
  });

  it('an election round says whether the bloc changes the winner, with the core election simulator', () => {
    let s = play(room([roundQuestion(3)], 200, 20), [join(1), join(2), advance, advance, advance, vote('p1', 1, 0), vote('p2', 1, 1)]);
    s = applyRoomEvent(s, advance, T0);
    const r = s.reveals['0']!;
    if (r.kind !== 'election') throw new Error('expected an election reveal');
    const expected = simulateElection(electionOf(roundQuestion(3) as never), { k: 20, split: [0, 2, 0, 0, 0] });
    expect(r.official.winner).toBe(0); // Yaël Braun-Pivet
    expect(r.parallel).toEqual(expected.parallel);
    expect(r.changed).toBe(expected.changed);
    expect(r.forcedAnotherRound).toBe(false);
    const firstChange = Array.from({ length: 577 }, (_, i) => i + 1).find((k) => simulateElection(electionOf(roundQuestion(3) as never), { k, split: [0, 2, 0, 0, 0] }).changed) ?? null;
    expect(r.tippingPoint).toBe(firstChange);
  });

  it('a reveal with no ballot leaves the real result unchanged', () => {
    const s = play(room(), [join(1), advance, advance, advance, advance]);
    const r = s.reveals['0']!;
    expect(r.k).toBe(0);
    if (r.kind === 'vote') expect(r.parallel).toEqual(r.official);
  });
});

describe('teams', { timeout: 120_000 }, () => {
  it('deals the unassigned participants evenly and reproducibly with the seed', () => {
    const s = play(room(), [...Array.from({ length: 7 }, (_, i) => join(i + 1))]);
    const teams = [{ name: 'RN', groupRef: 'PO845401' }, { name: 'LFI', groupRef: 'PO845413' }, { name: 'EPR', groupRef: null }];
    const a = applyRoomEvent(s, { type: 'setTeams', teams, members: { p1: 2 }, seed: 7 }, T0);
    const b = applyRoomEvent(s, { type: 'setTeams', teams, members: { p1: 2 }, seed: 7 }, T0);
    expect(a.participants).toEqual(b.participants);
    const sizes = a.teams.map((t) => a.participants.filter((p) => p.teamId === t.id).length);
    expect(sizes.reduce((x, y) => x + y, 0)).toBe(7);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(a.participants[0]!.teamId).toBe('t3');
    refused(s, { type: 'setTeams', teams, members: { p1: 5 }, seed: 1 }, 'bad-teams');
  });

  it('lets participants choose their team when the facilitator says so, and only then', () => {
    const s = play(room(), [join(1), join(2), join(3)]);
    const teams = [{ name: 'Verts', groupRef: null }, { name: 'Bleus', groupRef: null }];
    refused(applyRoomEvent(s, { type: 'setTeams', teams, members: {}, seed: 1 }, T0), { type: 'chooseTeam', participantId: 'p1', teamId: 't1' }, 'bad-teams');
    const open = applyRoomEvent(s, { type: 'setTeams', teams, members: { p3: 1 }, seed: 1, choice: true }, T0);
    expect(open.teamChoice).toBe(true);
    // nobody is dealt a team: the placed one has theirs, the others choose
    expect(open.participants.map((p) => p.teamId)).toEqual([null, null, 't2']);
    const chosen = applyRoomEvent(applyRoomEvent(open, { type: 'chooseTeam', participantId: 'p1', teamId: 't2' }, T0), { type: 'chooseTeam', participantId: 'p3', teamId: 't1' }, T0);
    expect(chosen.participants.map((p) => p.teamId)).toEqual(['t2', null, 't1']);
    refused(open, { type: 'chooseTeam', participantId: 'p1', teamId: 't9' }, 'bad-teams');
    refused(play(open, [{ type: 'advance' }, { type: 'advance' }]), { type: 'chooseTeam', participantId: 'p1', teamId: 't1' }, 'bad-teams');
    refused(applyRoomEvent(open, { type: 'leave', participantId: 'p2' }, T0), { type: 'chooseTeam', participantId: 'p2', teamId: 't1' }, 'participant-inactive');
    // teams dealt again without choice close the choice
    expect(applyRoomEvent(chosen, { type: 'setTeams', teams, members: {}, seed: 1 }, T0).teamChoice).toBe(false);
  });
});
