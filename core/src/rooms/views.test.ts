import { describe, expect, it } from 'vitest';
import { RoomViewSchema } from '../contracts/rooms-views';
import type { RoomEvent, RoomState } from '../contracts/rooms-state';
import { applyRoomEvent, createRoomState } from './machine';
import { buildRoomView } from './views';
import { roundQuestion, scrutinQuestion, tokenHash } from './test-support/rooms';

const T0 = Date.UTC(2026, 0, 12, 9);
const play = (s: RoomState, events: RoomEvent[]) => events.reduce((acc, e) => applyRoomEvent(acc, e, T0), s);
const start = () =>
  play(createRoomState({ code: 'ACDEFG', title: 'Atelier', deck: [scrutinQuestion('VTANR5L17V519'), roundQuestion(1)], maxParticipants: 50, k: null, now: T0 }), [
    { type: 'join', pseudonym: 'Ana', tokenHash: tokenHash(1) },
    { type: 'join', pseudonym: 'Bilal', tokenHash: tokenHash(2) },
    { type: 'setTeams', teams: [{ name: 'Les RN', groupRef: 'PO845401' }], members: {}, seed: 3 },
    { type: 'advance' }, { type: 'advance' }, { type: 'advance' },
    { type: 'vote', participantId: 'p1', questionIndex: 0, ballot: { choice: 'pour', prediction: 'adopté' } },
  ]);

describe('room views', { timeout: 120_000 }, () => {
  it('before the reveal, nobody gets the deputies’ result and the projector gets counts only', () => {
    const s = start();
    for (const role of ['projector', 'facilitator'] as const) {
      const v = RoomViewSchema.parse(buildRoomView(s, { role }, T0));
      expect(v.reveal).toBeNull();
      expect(JSON.stringify(v)).not.toMatch(/"(choice|prediction|tokenHash|sim)"/);
      expect(v.counts).toEqual({ participants: 2, voted: 1 });
    }
    const projector = buildRoomView(s, { role: 'projector' }, T0);
    expect(projector.participants.every((p) => p.voted === null)).toBe(true);
    const facilitator = buildRoomView(s, { role: 'facilitator' }, T0);
    expect(facilitator.participants.map((p) => p.voted)).toEqual([true, false]);
  });

  it('a participant sees their own ballot and never another’s', () => {
    const s = start();
    const ana = buildRoomView(s, { role: 'participant', participantId: 'p1' }, T0);
    const bilal = buildRoomView(s, { role: 'participant', participantId: 'p2' }, T0);
    expect(ana.me?.ballot).toEqual({ choice: 'pour', prediction: 'adopté' });
    expect(bilal.me?.ballot).toBeNull();
    expect(JSON.stringify(bilal)).not.toContain('"choice"');
    expect(bilal.participants).toEqual([]);
  });

  it('after the reveal, a team sees its group’s real position and discipline; the final screen ranks everybody', () => {
    let s = play(start(), [{ type: 'reveal' }]);
    const ana = buildRoomView(s, { role: 'participant', participantId: 'p1' }, T0);
    expect(ana.reveal?.kind).toBe('vote');
    expect(ana.me?.groupPosition?.ref).toBe('PO845401');
    expect(ana.me?.groupPosition?.position).toBe('pour'); // the RN voted the censure of 4 December 2024
    expect(ana.me?.score).toEqual({ predicted: 1, correct: 1 });
    s = play(s, [{ type: 'advance' }, { type: 'advance' }, { type: 'advance' }, { type: 'advance' }, { type: 'advance' }]);
    expect(s.stage).toBe('finished');
    const final = buildRoomView(s, { role: 'projector' }, T0);
    expect(final.scores?.leaderboard.map((r) => [r.pseudonym, r.correct])).toEqual([['Ana', 1], ['Bilal', 0]]);
    expect(final.scores?.revealed).toBe(2);
    const recap = buildRoomView(s, { role: 'recap' }, T0);
    expect(recap.history.map((h) => h.index)).toEqual([0, 1]);
  });

  it('an election round shows candidates without their votes before the reveal', () => {
    const s = play(start(), [{ type: 'reveal' }, { type: 'advance' }]);
    const v = buildRoomView(s, { role: 'projector' }, T0);
    expect(v.question?.candidates[0]).toEqual({ name: 'André Chassaigne (NFP/GDR)', selectable: true });
    expect(JSON.stringify(v.question)).not.toContain('"votes"');
  });
});
