import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router';
import { renderInApp } from '../../../test-support/render';
import { TypedElection } from './typed-election';

/** Shows the router's current search, so the test can read the permalink the form writes. */
function Search() {
  return <output data-testid="search">{useLocation().search}</output>;
}
const page = (
  <Routes>
    <Route path="*" element={<><TypedElection /><Search /></>} />
  </Routes>
);
const permalink = (state: object) => `/elections?saisie=${encodeURIComponent(JSON.stringify(state))}`;
// a workshop of 30: Awa 12, Bruno 11, 2 blank; absolute majority of the 23 votes cast is 12
const workshop = {
  title: 'Délégué·e de l’atelier', members: '30', rule: 'absolute', blank: '2', k: 4,
  candidates: [{ name: 'Awa', votes: '12', weight: '0' }, { name: 'Bruno', votes: '11', weight: '1' }],
};

describe('an election typed in by a facilitator', () => {
  afterEach(cleanup);

  it('names every bad field in French, and in English', async () => {
    await renderInApp(page, { path: '/elections' });
    const errors = screen.getByTestId('typed-errors').textContent!;
    expect(errors).toContain('Intitulé\u00a0: à remplir.');
    expect(errors).toContain('Nombre de membres (sièges)\u00a0: un nombre entier est attendu.');
    expect(errors).toContain('Nom du ou de la candidat·e 2\u00a0: à remplir.');
    expect(errors).toContain('Voix du ou de la candidat·e 1\u00a0: un nombre entier est attendu.');
    expect(screen.queryByTestId('typed-result')).toBeNull();
    cleanup();

    const bad = { ...workshop, members: '20', candidates: [{ name: 'Awa', votes: '12', weight: '-1' }, { name: 'Awa', votes: '11', weight: '1' }] };
    await renderInApp(page, { path: permalink(bad), lang: 'en' });
    const en = screen.getByTestId('typed-errors').textContent!;
    expect(en).toContain('Ballots: more ballots than members.');
    expect(en).toContain('Name of candidate 2: this name is listed twice.');
    expect(en).toContain('MaVoix share of candidate 1: a non-negative number is expected.');
  });

  it('simulates K MaVoix members from a permalink, and keeps what is typed in the URL', async () => {
    await renderInApp(page, { path: permalink(workshop) });
    expect(screen.queryByTestId('typed-errors')).toBeNull();
    expect(screen.getByTestId('typed-official').textContent).toContain('majorité requise\u00a0: 12');
    expect(screen.getByTestId('typed-official').textContent).toContain('Élu·e\u00a0: Awa');
    // 4 of the 30 members replaced in proportion to their positions, then 4 ballots for Bruno
    expect(screen.getByTestId('typed-parallel').textContent).toBe('Autre élu·e\u00a0: Bruno.');

    fireEvent.change(screen.getByTestId('typed-k'), { target: { value: '0' } });
    expect(screen.getByTestId('typed-parallel').textContent).toBe('Même résultat\u00a0: rien ne change.');
    fireEvent.change(screen.getByLabelText('Voix du ou de la candidat·e 2'), { target: { value: '13' } });
    expect(screen.getByTestId('typed-official').textContent).toContain('Élu·e\u00a0: Bruno');
    const saved = JSON.parse(new URLSearchParams(screen.getByTestId('search').textContent!).get('saisie')!);
    expect(saved).toMatchObject({ k: 0, candidates: [{ name: 'Awa', votes: '12' }, { name: 'Bruno', votes: '13' }] });
  });

  it('applies the relative majority rule when chosen', async () => {
    await renderInApp(page, { path: permalink({ ...workshop, k: 0, candidates: [...workshop.candidates, { name: 'Chloé', votes: '5', weight: '1' }], members: '40' }) });
    // 12 of 30 votes cast: no absolute majority (16)
    expect(screen.getByTestId('typed-official').textContent).toContain('Personne n’est élu à ce tour');
    fireEvent.change(screen.getByLabelText('Règle'), { target: { value: 'relative' } });
    expect(screen.getByTestId('typed-official').textContent).toContain('Élu·e\u00a0: Awa');
  });
});
