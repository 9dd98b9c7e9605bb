import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { initI18n } from '../../../i18n';
import { keyFigureLabel } from './key-figure-label';

describe('key figure labels', () => {
  it('say the runner’s figures in words, in French and in English, without raw mode codes', async () => {
    initI18n('fr');
    await i18next.changeLanguage('fr');
    const t = i18next.t.bind(i18next);
    expect(keyFigureLabel(t, 'flipped:proportional:10', 'x')).toBe('Issues changées avec K = 10 (remplacement proportionnel)');
    expect(keyFigureLabel(t, 'tipping-point:VTANR5L16V1240:added', 'x')).toBe('K* du scrutin n° 1240 (16e lég.) (sièges ajoutés, répartition du scénario)');
    expect(keyFigureLabel(t, 'leverage:group:PO800490:5', 'x')).toBe('Scrutins basculables avec K ≤ 5 (remplacement dans un groupe)');
    expect(keyFigureLabel(t, 'something-new', 'Libellé du runner')).toBe('Libellé du runner');
    await i18next.changeLanguage('en');
    expect(keyFigureLabel(t, 'flipped:added:7', 'x')).toBe('Outcomes changed with K = 7 (added seats)');
    expect(keyFigureLabel(t, 'platform:votes', 'x')).toBe('Citizens’ votes counted');
    expect(keyFigureLabel(t, 'scrutins', 'x')).not.toMatch(/proportional|Scrutins/);
    await i18next.changeLanguage('fr');
  });
});
