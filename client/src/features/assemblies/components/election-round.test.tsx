import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { ElectionFileSchema, simulateElectionRound, unsimulableReason, type ElectionDetail } from '@parallele/core';
import { renderInApp } from '../../../test-support/render';
import { ElectionRound } from './election-round';

/** The bundled 2024 and 2022 records, shaped as the API's ElectionDetail with citizens' ballots. */
// jsdom gives modules an http: import.meta.url: find the repository from the working directory
function electionsFile(dir = process.cwd()): string {
  const path = join(dir, 'data/elections/president-an.json');
  if (existsSync(path)) return path;
  if (dirname(dir) === dir) throw new Error('data/elections not found');
  return electionsFile(dirname(dir));
}
const file = ElectionFileSchema.parse(JSON.parse(readFileSync(electionsFile(), 'utf8')));
function detail(id: string, ballots: Record<number, number[]> = {}): ElectionDetail {
  const e = file.elections.find((x) => x.id === id)!;
  return {
    ...e, rounds: e.rounds.length,
    roundsDetail: e.rounds.map((r) => {
      const why = unsimulableReason(r);
      const votes = ballots[r.round] ?? (r.candidates ?? []).map(() => 0);
      return { ...r, unsimulable: why, official: why ? null : simulateElectionRound(e, r, { k: 0, split: r.candidates!.map(() => 1) }).official, platform: { votes, blank: 0, total: votes.reduce((a, b) => a + b, 0) } };
    }),
  };
}

describe('a round of the Président election', () => {
  afterEach(cleanup);

  it('shows round 3 of 2024 and what 20 MaVoix deputies following the citizens would have done', async () => {
    const e = detail('president-an-2024', { 3: [0, 7, 0, 0] });
    await renderInApp(<ElectionRound election={e} round={e.roundsDetail[2]!} mine={undefined} onVoted={() => undefined} k={20} mode="proportional" />);
    expect(screen.getByTestId('official-3').textContent).toContain('Élu·e\u00a0: Yaël Braun-Pivet');
    expect(screen.getByTestId('parallel-3').textContent).toContain('Autre élu·e\u00a0: André Chassaigne.');
  });

  it('sends the ballot where a workshop room says, for an election typed in there', async () => {
    const room = ElectionFileSchema.shape.elections.element.parse({
      id: 'atelier-1', title: 'Délégué·e', date: '2026-11-30', members: 30, source: 'saisie par l’animatrice',
      rounds: [{ round: 1, rule: 'absolute', blank: 1, candidates: [{ name: 'Awa', votes: 12 }, { name: 'Bruno', votes: 11 }] }],
    });
    const e: ElectionDetail = { ...room, rounds: 1, roundsDetail: [{ ...room.rounds[0]!, unsimulable: null, official: null, platform: { votes: [0, 3], blank: 0, total: 3 } }] };
    const sent: string[] = [];
    await renderInApp(<ElectionRound election={e} round={e.roundsDetail[0]!} mine={undefined} onVoted={() => undefined} k={4} mode="proportional" canVote ballot={async (c) => sent.push(c)} />);
    screen.getByRole('button', { name: 'Voter pour Bruno' }).click();
    await expect.poll(() => sent).toEqual(['Bruno']);
    expect(screen.getByTestId('parallel-1').textContent).toContain('Autre élu·e\u00a0: Bruno.');
  });

  it('shows the 2022 gaps and does not simulate an incomplete round', async () => {
    const e = detail('president-an-2022');
    await renderInApp(<ElectionRound election={e} round={e.roundsDetail[1]!} mine={undefined} onVoted={() => undefined} k={20} mode="proportional" />);
    expect(screen.getByTestId('round-2').textContent).toContain("Données manquantes\u00a0: the other candidates' votes of round 2");
    expect(screen.queryByTestId('parallel-2')).toBeNull();
  });
});
