import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import type { ScenarioDetailResponse, ScenarioRow } from '@parallele/core';
import { renderInApp } from '../../../test-support/render';
import { PlatformSplitInfo } from './platform-split';

afterEach(cleanup);

const tally = { pour: 0, contre: 0, abstentions: 0, required: 289, outcome: 'adopté' as const };
const row = (uid: string, titre: string, used: 'platform' | 'fallback'): ScenarioRow => ({
  uid,
  legislature: 17,
  numero: Number(/V(\d+)$/.exec(uid)?.[1]),
  date: '2024-12-04',
  type: 'MOC',
  titre,
  official: tally,
  modes: {},
  platform: { votes: used === 'platform' ? { pour: 3, contre: 1, abstention: 0 } : { pour: 0, contre: 0, abstention: 0 }, total: used === 'platform' ? 4 : 0, used },
});

const platformSplit: ScenarioDetailResponse['split'] = {
  source: 'platform',
  weights: null,
  rationale: null,
  citations: [],
  overrides: {},
  platform: { tally: 'unflagged', minVotes: 1, whenNoVotes: 'fallback', fallback: [50, 50, 0], fallbackRationale: null, scrutinsWithVotes: 1, scrutinsWithoutVotes: 1, votes: 4 },
};
const rows = [
  row('VTANR5L17V519', 'la motion de censure déposée en application de l’article 49-3 (M. Barnier)', 'platform'),
  row('VTANR5L17V520', 'la motion de censure (deuxième)', 'fallback'),
];
const excluded = [{ uid: 'VTANR5L17V1', titre: 'une motion sans vote citoyen', reason: 'no votes' }];

describe('the platform split of a gallery scenario', () => {
  it('names the tally used, the excluded scrutins and the rows on the declared fallback, in French', async () => {
    await renderInApp(<PlatformSplitInfo split={platformSplit} rows={rows} excluded={excluded} />);
    expect(screen.getByText(/Décompte utilisé.*votes non signalés par la modération.*au moins 1 vote/)).toBeTruthy();
    expect(screen.getByText(/Scrutins exclus \(aucun vote\)\s*:\s*1/)).toBeTruthy();
    expect(screen.getByText(/VTANR5L17V1 · une motion sans vote citoyen/)).toBeTruthy();
    expect(screen.getByText(/répartition de repli déclarée\s*:\s*1/)).toBeTruthy();
    expect(screen.getByText(/Repli\s*:\s*50\s*% pour, 50\s*% contre, 0\s*% abstention/)).toBeTruthy();
    expect(screen.getByText(/VTANR5L17V520/)).toBeTruthy();
    // a row computed on the citizens' votes is not listed as a fallback
    expect(screen.queryByText(/VTANR5L17V519/)).toBeNull();
  });

  it('says the same in English', async () => {
    await renderInApp(<PlatformSplitInfo split={platformSplit} rows={rows} excluded={excluded} />, { lang: 'en' });
    expect(screen.getByText(/Tally used: votes not flagged by moderation/)).toBeTruthy();
    expect(screen.getByText('Scrutins excluded (no votes): 1')).toBeTruthy();
    expect(screen.getByText('Scrutins computed with the declared fallback split: 1')).toBeTruthy();
  });

  it('shows nothing for a scenario with a fixed or poll split', async () => {
    const { container } = await renderInApp(
      <PlatformSplitInfo split={{ ...platformSplit, source: 'poll', platform: null, weights: [60, 30, 10] }} rows={rows} excluded={[]} />,
    );
    expect(container.textContent).toBe('');
  });
});
