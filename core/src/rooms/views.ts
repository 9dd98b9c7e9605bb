import type { RoomQuestion } from '../contracts/rooms';
import type { RoomState } from '../contracts/rooms-state';
import type { PublicQuestion, RoomView } from '../contracts/rooms-views';
import { activeParticipants, ballotsOf, currentQuestion } from './machine';
import { assemblySize, effectiveK } from './reveal';
import { computeScores, participantScore } from './scores';

export type Viewer = { role: 'facilitator' } | { role: 'projector' } | { role: 'recap' } | { role: 'participant'; participantId: string };

/** A question as shown before its reveal: no deputies' result, no candidates' votes. */
export function publicQuestion(q: RoomQuestion): PublicQuestion {
  const common = { id: q.id, title: q.title, text: q.text, date: q.date, link: q.link, source: q.source, seats: assemblySize(q) };
  if (q.kind === 'vote') return { ...common, kind: 'vote', voteType: q.sim.type, assemblyName: q.assemblyName, groups: q.groups, round: null, candidates: [] };
  return { ...common, kind: 'election', voteType: null, assemblyName: 'Assemblée nationale', groups: [], round: q.round, candidates: q.candidates.map((c) => ({ name: c.name, selectable: c.selectable })) };
}

/**
 * The view of a room for one viewer. The facilitator sees who has voted (never what); the
 * projector sees counts and the active pseudonyms; a participant sees their own ballot and
 * score; nobody sees another's ballot. The deputies' result appears only with the reveal.
 */
export function buildRoomView(s: RoomState, viewer: Viewer, now: number): RoomView {
  const q = currentQuestion(s);
  const active = activeParticipants(s);
  const ballots = s.index >= 0 ? ballotsOf(s, s.index) : {};
  const voted = active.filter((p) => ballots[p.id] !== undefined).length;
  const reveal = s.stage === 'revelation' ? (s.reveals[String(s.index)] ?? null) : null;
  const needScores = viewer.role === 'facilitator' || viewer.role === 'recap' || s.stage === 'finished' || viewer.role === 'participant';
  const scores = needScores ? computeScores(s) : null;
  const showScores = viewer.role === 'facilitator' || viewer.role === 'recap' || s.stage === 'finished';
  const participants =
    viewer.role === 'facilitator'
      ? s.participants.map((p) => ({ id: p.id, pseudonym: p.pseudonym, status: p.status, teamId: p.teamId, voted: s.index >= 0 ? ballots[p.id] !== undefined : null }))
      : viewer.role === 'projector'
        ? active.map((p) => ({ id: p.id, pseudonym: p.pseudonym, status: p.status, teamId: p.teamId, voted: null }))
        : [];
  let me: RoomView['me'] = null;
  if (viewer.role === 'participant') {
    const p = s.participants.find((x) => x.id === viewer.participantId);
    if (p) {
      const team = s.teams.find((t) => t.id === p.teamId);
      const groupRef = team?.groupRef ?? null;
      const position = reveal?.kind === 'vote' && groupRef !== null ? (reveal.groupPositions.find((g) => g.ref === groupRef || labelOf(q, g.ref) === groupRef) ?? null) : null;
      me = { id: p.id, pseudonym: p.pseudonym, status: p.status, teamId: p.teamId, ballot: ballots[p.id] ?? null, score: participantScore(scores!, p.pseudonym), groupPosition: position };
    }
  }
  const history =
    viewer.role === 'facilitator' || viewer.role === 'recap'
      ? Object.entries(s.reveals).map(([key, r]) => ({ index: Number(key), question: publicQuestion(s.deck[Number(key)]!), reveal: r })).sort((a, b) => a.index - b.index)
      : [];
  return {
    role: viewer.role,
    code: s.code,
    title: s.title,
    closed: s.closed,
    stage: s.stage,
    index: s.index,
    total: s.deck.length,
    deadline: s.deadline,
    serverNow: now,
    question: q ? publicQuestion(q) : null,
    counts: { participants: active.length, voted },
    kSetting: s.k,
    k: reveal ? reveal.k : effectiveK(q ?? s.deck[0]!, s.k, active.length),
    reveal,
    teams: s.teams,
    teamChoice: s.teamChoice,
    participants,
    me,
    scores: showScores ? scores : null,
    history,
  };
}

function labelOf(q: RoomQuestion | null, ref: string): string | null {
  return q?.kind === 'vote' ? (q.groups.find((g) => g.ref === ref)?.label ?? null) : null;
}
