import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RoomStateSchema, type RoomEvent, type RoomState } from '../contracts/rooms-state';
import { RoomViewSchema } from '../contracts/rooms-views';
import { RoomError } from './errors';
import { activeParticipants, applyRoomEvent, createRoomState } from './machine';
import { buildRoomView } from './views';
import { roundQuestion, scrutinQuestion, tokenHash } from './test-support/rooms';

const deck = [scrutinQuestion('VTANR5L17V3058'), roundQuestion(1), scrutinQuestion('VTANR5L17V3850')];
const pid = fc.integer({ min: 1, max: 8 }).map((i) => `p${i}`);
const event: fc.Arbitrary<RoomEvent> = fc.oneof(
  fc.integer({ min: 1, max: 10 }).map((i): RoomEvent => ({ type: 'join', pseudonym: `Joueur ${i % 7}`, tokenHash: tokenHash(i) })),
  fc.integer({ min: 1, max: 10 }).map((i): RoomEvent => ({ type: 'rejoin', tokenHash: tokenHash(i) })),
  pid.map((participantId): RoomEvent => ({ type: 'leave', participantId })),
  pid.map((participantId): RoomEvent => ({ type: 'kick', participantId })),
  fc.constant<RoomEvent>({ type: 'advance' }),
  fc.constant<RoomEvent>({ type: 'advance' }),
  fc.constant<RoomEvent>({ type: 'reveal' }),
  fc.option(fc.integer({ min: 5, max: 120 })).map((seconds): RoomEvent => ({ type: 'setTimer', seconds })),
  fc.option(fc.integer({ min: 0, max: 700 })).map((k): RoomEvent => ({ type: 'setK', k })),
  fc.record({
    participantId: pid,
    questionIndex: fc.integer({ min: 0, max: 2 }),
    choice: fc.oneof(fc.constantFrom('pour', 'contre', 'abstention', 'blanc'), fc.integer({ min: 0, max: 6 })),
    prediction: fc.oneof(fc.constant(null), fc.constantFrom('adopté', 'rejeté', 'aucun'), fc.integer({ min: 0, max: 6 })),
  }).map(({ participantId, questionIndex, choice, prediction }): RoomEvent => ({ type: 'vote', participantId, questionIndex, ballot: { choice, prediction } })),
  // closing ends the game: rare, so most sequences play through reveals
  fc.integer({ min: 0, max: 19 }).map((i): RoomEvent => (i === 0 ? { type: 'close' } : { type: 'advance' })),
);

describe('room machine (property)', { timeout: 120_000 }, () => {
  it('any sequence of events keeps the state valid; refused events change nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(event, fc.integer({ min: 0, max: 60_000 })), { maxLength: 60 }), (steps) => {
        let s: RoomState = createRoomState({ code: 'ACDEFG', title: 'P', deck, maxParticipants: 5, k: null, now: 0 });
        let now = 0;
        for (const [e, dt] of steps) {
          now += dt;
          const before = JSON.stringify(s);
          try {
            s = applyRoomEvent(s, e, now);
          } catch (error) {
            if (!(error instanceof RoomError)) throw error;
            expect(JSON.stringify(s)).toBe(before);
            continue;
          }
          RoomStateSchema.parse(s);
          expect(activeParticipants(s).length).toBeLessThanOrEqual(s.maxParticipants);
          expect(s.stage === 'lobby').toBe(s.index === -1);
          expect(s.index).toBeLessThan(deck.length);
          // ballots only on questions reached, by known participants, never by a kicked one on an open question
          for (const [key, ballots] of Object.entries(s.ballots)) {
            expect(Number(key)).toBeLessThanOrEqual(s.index);
            for (const id of Object.keys(ballots)) {
              const p = s.participants.find((x) => x.id === id);
              expect(p).toBeDefined();
              if (Number(key) === s.index && s.stage === 'vote') expect(p!.status).not.toBe('kicked');
            }
          }
          // revealed questions are exactly those passed through révélation
          for (const key of Object.keys(s.reveals)) expect(Number(key) < s.index || s.stage === 'revelation' || s.stage === 'finished' || s.closed).toBe(true);
          for (const p of s.participants) {
            const v = RoomViewSchema.parse(buildRoomView(s, { role: 'participant', participantId: p.id }, now));
            const others = JSON.stringify({ ...v, me: null });
            expect(others).not.toContain('"choice"');
          }
          const projector = buildRoomView(s, { role: 'projector' }, now);
          expect(projector.counts.voted).toBeLessThanOrEqual(projector.counts.participants);
          if (s.stage !== 'revelation') expect(projector.reveal).toBeNull();
        }
      }),
      { numRuns: 150 },
    );
  });
});
