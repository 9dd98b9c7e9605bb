import type { Ballot, Participant, RoomQuestion } from '../contracts/rooms';
import { PHASES } from '../contracts/rooms';
import { ROOM_STATE_VERSION, type RoomEvent, type RoomState } from '../contracts/rooms-state';
import { RoomError } from './errors';
import { computeReveal } from './reveal';
import { dealTeams } from './teams';

/**
 * The room as a pure state machine: `applyRoomEvent(state, event, now)` returns the next state or
 * throws a RoomError (the state is never mutated, so a refused event changes nothing). The clock
 * is the `now` argument; timers are deadlines stored in the state. Per question the stages run
 * présentation → débat → vote → révélation, led by the facilitator (`advance`, `reveal`).
 */

export interface NewRoom {
  code: string;
  title: string;
  deck: RoomQuestion[];
  maxParticipants: number;
  k: number | null;
  now: number;
}

export function createRoomState(r: NewRoom): RoomState {
  if (r.deck.length === 0) throw new RoomError('bad-transition', 'deck', 'deck: a room needs at least one question');
  return {
    version: ROOM_STATE_VERSION, code: r.code, title: r.title, createdAt: r.now, lastActivityAt: r.now, closed: false,
    maxParticipants: r.maxParticipants, k: r.k, deck: r.deck, index: -1, stage: 'lobby', deadline: null,
    participants: [], nextParticipant: 1, teams: [], teamChoice: false, ballots: {}, reveals: {},
  };
}

export const activeParticipants = (s: RoomState): Participant[] => s.participants.filter((p) => p.status === 'active');
export const ballotsOf = (s: RoomState, index: number): Record<string, Ballot> => s.ballots[String(index)] ?? {};
export const currentQuestion = (s: RoomState): RoomQuestion | null => (s.index >= 0 && s.index < s.deck.length ? s.deck[s.index]! : null);

const pseudonymKey = (p: string) => p.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** A free variant of a taken pseudonym: "Camille" → "Camille 2", "Camille 3"… */
export function suggestPseudonym(s: RoomState, pseudonym: string): string {
  const taken = new Set(s.participants.map((p) => pseudonymKey(p.pseudonym)));
  const stem = pseudonym.slice(0, 20);
  for (let i = 2; ; i++) if (!taken.has(pseudonymKey(`${stem} ${i}`))) return `${stem} ${i}`;
}

function findParticipant(s: RoomState, id: string): Participant {
  const p = s.participants.find((x) => x.id === id);
  if (!p) throw new RoomError('unknown-participant', 'participantId', `participant ${id} is not in room ${s.code}`);
  return p;
}

const withParticipant = (s: RoomState, id: string, change: Partial<Participant>): Participant[] =>
  s.participants.map((p) => (p.id === id ? { ...p, ...change } : p));

function checkBallot(q: RoomQuestion, ballot: Ballot) {
  const { choice, prediction } = ballot;
  if (q.kind === 'vote') {
    if (typeof choice === 'number' || choice === 'blanc') throw new RoomError('bad-choice', 'choice', 'choice: expected pour, contre or abstention on this question');
    if (prediction !== null && prediction !== 'adopté' && prediction !== 'rejeté') throw new RoomError('bad-prediction', 'prediction', 'prediction: expected adopté or rejeté on this question');
    return;
  }
  const selectable = (i: number) => i < q.candidates.length && q.candidates[i]!.selectable;
  if (typeof choice === 'number' ? !selectable(choice) : choice !== 'blanc') throw new RoomError('bad-choice', 'choice', `choice: expected a candidate index among ${q.candidates.flatMap((c, i) => (c.selectable ? [i] : [])).join(', ')} or blanc`);
  if (prediction !== null && (typeof prediction === 'number' ? prediction >= q.candidates.length : prediction !== 'aucun')) throw new RoomError('bad-prediction', 'prediction', 'prediction: expected a candidate index or aucun');
}

function reveal(s: RoomState): RoomState {
  const q = currentQuestion(s)!;
  const ballots = Object.values(ballotsOf(s, s.index));
  const r = computeReveal(q, ballots, s.k, activeParticipants(s).length);
  return { ...s, stage: 'revelation', deadline: null, reveals: { ...s.reveals, [String(s.index)]: r } };
}

function advance(s: RoomState): RoomState {
  switch (s.stage) {
    case 'lobby':
      return { ...s, index: 0, stage: 'presentation', deadline: null };
    case 'presentation':
    case 'debat':
      return { ...s, stage: PHASES[PHASES.indexOf(s.stage) + 1]!, deadline: null };
    case 'vote':
      return reveal(s);
    case 'revelation':
      return s.index + 1 < s.deck.length ? { ...s, index: s.index + 1, stage: 'presentation', deadline: null } : { ...s, stage: 'finished', deadline: null };
    case 'finished':
      throw new RoomError('room-finished', 'stage', 'the last question has been revealed: the session is over');
  }
}

function step(s: RoomState, e: RoomEvent, now: number): RoomState {
  switch (e.type) {
    case 'join': {
      if (s.participants.some((p) => p.tokenHash === e.tokenHash)) throw new RoomError('token-in-use', 'token', 'this participant token is already in the room: rejoin instead');
      if (activeParticipants(s).length >= s.maxParticipants) throw new RoomError('room-full', 'code', `room ${s.code} is full (${s.maxParticipants} participants)`, { max: s.maxParticipants });
      const key = pseudonymKey(e.pseudonym);
      if (s.participants.some((p) => pseudonymKey(p.pseudonym) === key)) {
        throw new RoomError('pseudonym-taken', 'pseudonym', `pseudonym "${e.pseudonym}" is taken in this room`, { suggestion: suggestPseudonym(s, e.pseudonym) });
      }
      const p: Participant = { id: `p${s.nextParticipant}`, pseudonym: e.pseudonym, tokenHash: e.tokenHash, joinedAt: now, joinedAtQuestion: Math.max(0, s.index), status: 'active', teamId: null };
      return { ...s, participants: [...s.participants, p], nextParticipant: s.nextParticipant + 1 };
    }
    case 'rejoin': {
      const p = s.participants.find((x) => x.tokenHash === e.tokenHash);
      if (!p) throw new RoomError('unknown-participant', 'token', `this participant token does not belong to room ${s.code}`);
      if (p.status === 'kicked') throw new RoomError('participant-kicked', 'token', 'the facilitator removed this participant from the room');
      if (p.status === 'active') return s;
      if (activeParticipants(s).length >= s.maxParticipants) throw new RoomError('room-full', 'code', `room ${s.code} is full (${s.maxParticipants} participants)`, { max: s.maxParticipants });
      return { ...s, participants: withParticipant(s, p.id, { status: 'active' }) };
    }
    case 'leave': {
      const p = findParticipant(s, e.participantId);
      if (p.status !== 'active') throw new RoomError('participant-inactive', 'participantId', `participant ${p.id} is not active`);
      return { ...s, participants: withParticipant(s, p.id, { status: 'left' }) };
    }
    case 'kick': {
      const p = findParticipant(s, e.participantId);
      if (p.status === 'kicked') throw new RoomError('participant-kicked', 'participantId', `participant ${p.id} was already removed`);
      // a kicked participant's ballot on a question not yet revealed no longer counts
      const open = s.stage !== 'revelation' && s.stage !== 'finished' && s.index >= 0;
      const ballots = open ? { ...s.ballots, [String(s.index)]: Object.fromEntries(Object.entries(ballotsOf(s, s.index)).filter(([id]) => id !== p.id)) } : s.ballots;
      return { ...s, ballots, participants: withParticipant(s, p.id, { status: 'kicked' }) };
    }
    case 'advance':
      return advance(s);
    case 'reveal':
      if (s.stage !== 'vote') throw new RoomError('bad-transition', 'stage', `reveal: only from the vote phase (the room is in ${s.stage})`);
      return reveal(s);
    case 'setTimer':
      if (s.stage !== 'presentation' && s.stage !== 'debat' && s.stage !== 'vote') throw new RoomError('bad-transition', 'stage', `timer: only during présentation, débat or vote (the room is in ${s.stage})`);
      return { ...s, deadline: e.seconds === null ? null : now + e.seconds * 1000 };
    case 'vote': {
      const p = findParticipant(s, e.participantId);
      if (p.status === 'kicked') throw new RoomError('participant-kicked', 'token', 'the facilitator removed this participant from the room');
      if (p.status !== 'active') throw new RoomError('participant-inactive', 'token', 'rejoin the room before voting');
      if (s.stage !== 'vote') throw new RoomError('vote-outside-phase', 'stage', `votes are open in the vote phase only (the room is in ${s.stage})`, { stage: s.stage });
      if (e.questionIndex !== s.index) throw new RoomError('wrong-question', 'i', `question ${e.questionIndex} is not the current one (${s.index})`, { current: s.index });
      if (s.deadline !== null && now > s.deadline) throw new RoomError('deadline-passed', 'stage', 'the vote timer has run out');
      checkBallot(s.deck[s.index]!, e.ballot);
      const key = String(s.index);
      return { ...s, ballots: { ...s.ballots, [key]: { ...ballotsOf(s, s.index), [p.id]: e.ballot } } };
    }
    case 'setK': {
      const next = { ...s, k: e.k };
      return s.stage === 'revelation' ? reveal(next) : next;
    }
    case 'setTeams': {
      if (s.stage !== 'lobby' && s.stage !== 'revelation' && s.stage !== 'presentation') throw new RoomError('bad-teams', 'stage', 'teams: set them in the lobby, a présentation or after a reveal');
      for (const [id, t] of Object.entries(e.members)) {
        findParticipant(s, id);
        if (t >= e.teams.length) throw new RoomError('bad-teams', `members.${id}`, `members.${id}: team ${t} does not exist (${e.teams.length} teams)`);
      }
      return { ...dealTeams(s, e.teams, e.members, e.choice ? null : e.seed), teamChoice: e.choice === true && e.teams.length > 0 };
    }
    case 'chooseTeam': {
      const p = findParticipant(s, e.participantId);
      if (p.status !== 'active') throw new RoomError('participant-inactive', 'token', 'rejoin the room before choosing a team');
      if (!s.teamChoice) throw new RoomError('bad-teams', 'teamId', 'teamId: the facilitator has not let participants choose their team');
      if (s.stage !== 'lobby' && s.stage !== 'revelation' && s.stage !== 'presentation') throw new RoomError('bad-teams', 'stage', 'teams: choose yours in the lobby, a présentation or after a reveal');
      if (!s.teams.some((t) => t.id === e.teamId)) throw new RoomError('bad-teams', 'teamId', `teamId: no team ${e.teamId} in this room (${s.teams.map((t) => t.id).join(', ')})`);
      return { ...s, participants: withParticipant(s, p.id, { teamId: e.teamId }) };
    }
    case 'close':
      return { ...s, closed: true, deadline: null };
  }
}

export function applyRoomEvent(state: RoomState, event: RoomEvent, now: number): RoomState {
  if (state.closed) throw new RoomError('room-closed', 'code', `room ${state.code} is closed`);
  return { ...step(state, event, now), lastActivityAt: now };
}
