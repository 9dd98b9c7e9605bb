import type { Scores } from '../contracts/rooms-views';
import type { RoomState } from '../contracts/rooms-state';
import { decisive, predictionCorrect } from './reveal';

/**
 * Scores over the revealed questions: each participant's predictions and how many came true
 * (late joiners are scored on what they played), the teams' totals of correct predictions, and
 * how often the room's bloc was decisive (its parallel result differs from the real one).
 */
export function computeScores(s: RoomState): Scores {
  const per = new Map(s.participants.map((p) => [p.id, { predicted: 0, correct: 0 }]));
  let revealed = 0;
  let decisiveCount = 0;
  let k = 0;
  for (const [key, reveal] of Object.entries(s.reveals)) {
    revealed++;
    if (decisive(reveal)) decisiveCount++;
    k = reveal.k;
    for (const [id, ballot] of Object.entries(s.ballots[key] ?? {})) {
      const ok = predictionCorrect(reveal, ballot.prediction);
      const score = per.get(id);
      if (ok === null || !score) continue;
      score.predicted++;
      if (ok) score.correct++;
    }
  }
  const ranked = s.participants.filter((p) => p.status !== 'kicked');
  const leaderboard = ranked
    .map((p) => ({ pseudonym: p.pseudonym, teamId: p.teamId, ...per.get(p.id)! }))
    .sort((a, b) => b.correct - a.correct || a.predicted - b.predicted || a.pseudonym.localeCompare(b.pseudonym, 'fr'));
  const teams = s.teams.map((t) => {
    const members = ranked.filter((p) => p.teamId === t.id);
    return { id: t.id, name: t.name, members: members.length, correct: members.reduce((a, p) => a + per.get(p.id)!.correct, 0) };
  });
  return { leaderboard, teams, revealed, decisive: decisiveCount, k };
}

export const participantScore = (scores: Scores, pseudonym: string) => {
  const row = scores.leaderboard.find((r) => r.pseudonym === pseudonym);
  return { predicted: row?.predicted ?? 0, correct: row?.correct ?? 0 };
};
