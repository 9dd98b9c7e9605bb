import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router';
import { renderInApp } from '../../../test-support/render';
import { withUnreachableApi } from '../../../test-support/unreachable-api';
import { useAccountStore } from '../store';
import { AccountPage } from './account-page';
import { EmailLinkLanding } from './email-link';

function Where() {
  const location = useLocation();
  return <p data-testid="where">{location.pathname + location.search}</p>;
}

const app = (
  <Routes>
    <Route index element={<EmailLinkLanding><p>accueil</p></EmailLinkLanding>} />
    <Route path="account/*" element={<><Where /><AccountPage /></>} />
  </Routes>
);

// The signed-in page loads "my votes": nothing listens on port 1, so that request fails at once.
withUnreachableApi();
beforeEach(() => useAccountStore.setState({ ...useAccountStore.getInitialState(), status: 'ready' }));
afterEach(cleanup);

describe('the landing of the mailed verification link', () => {
  it('goes on to the account page, which says the address is verified', async () => {
    await renderInApp(app, { path: '/?emailVerification=ok' });
    expect(screen.getByTestId('where').textContent).toBe('/account?emailVerification=ok');
    expect(screen.getByText(/Adresse vérifiée par le lien reçu/)).toBeTruthy();
  });

  it('says when the link was used or expired', async () => {
    await renderInApp(app, { path: '/?emailVerification=invalid', lang: 'en' });
    expect(screen.getByRole('alert').textContent).toMatch(/^This verification link is invalid, already used or expired/);
  });

  it('leaves any other visit of the home page alone', async () => {
    await renderInApp(app, { path: '/?emailVerification=maybe' });
    expect(screen.getByText('accueil')).toBeTruthy();
  });

  it('shows a signed-in citizen’s verification level', async () => {
    useAccountStore.setState({ me: { email: 'a@example.org', voterId: 'a'.repeat(32), level: 'phone', role: 'citizen', createdAt: '2026-11-24T06:00:00.000Z' } });
    await renderInApp(app, { path: '/account', lang: 'en' });
    expect(screen.getByTestId('me-level').textContent).toBe('phone verified');
    expect(screen.getByRole('heading', { name: 'Delete my account' })).toBeTruthy();
  });

  it('links the login form to the password reset page', async () => {
    await renderInApp(app, { path: '/account' });
    expect(screen.getByRole('link', { name: 'Mot de passe oublié ?'.replace(' ?', '\u202f?') }).getAttribute('href')).toBe('/reinitialiser');
  });
});
