import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInApp } from '../../../test-support/render';
import { withUnreachableApi } from '../../../test-support/unreachable-api';
import { useAccountStore } from '../store';
import { newPasswordProblem } from './form-parts';
import { PasswordResetPage } from './password-reset-page';

withUnreachableApi();
beforeEach(() => useAccountStore.setState(useAccountStore.getInitialState()));
afterEach(cleanup);

const TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWxYz_0123456789';

describe('the password reset page', () => {
  it('asks for the address first, with a labelled field', async () => {
    await renderInApp(<PasswordResetPage />, { path: '/reinitialiser' });
    expect(screen.getByRole('heading', { level: 2, name: 'Choisir un nouveau mot de passe' })).toBeTruthy();
    expect(screen.getByLabelText('Adresse électronique')).toBeTruthy();
    expect(screen.queryByLabelText('Nouveau mot de passe')).toBeNull();
    expect(screen.getByRole('link', { name: 'Retour à la connexion' }).getAttribute('href')).toBe('/account');
  });

  it('opened from the mailed link, asks only for the new password', async () => {
    await renderInApp(<PasswordResetPage />, { path: `/reinitialiser?token=${TOKEN}` });
    expect(screen.getByLabelText('Nouveau mot de passe')).toBeTruthy();
    expect(screen.getByLabelText('Confirmer le nouveau mot de passe')).toBeTruthy();
    expect(screen.queryByLabelText('Adresse électronique')).toBeNull();
    expect(screen.queryByLabelText('Code de réinitialisation')).toBeNull();
  });

  it('says so when the link was copied wrongly, and offers to ask for a code', async () => {
    await renderInApp(<PasswordResetPage />, { path: '/reinitialiser?token=short' });
    expect(screen.getByRole('alert').textContent).toMatch(/incomplet ou mal copié/);
    expect(screen.getByLabelText('Adresse électronique')).toBeTruthy();
  });

  it('stops a mismatched confirmation before asking the server', async () => {
    const user = userEvent.setup();
    await renderInApp(<PasswordResetPage />, { path: `/reinitialiser?token=${TOKEN}` });
    await user.type(screen.getByLabelText('Nouveau mot de passe'), 'un mot de passe assez long');
    await user.type(screen.getByLabelText('Confirmer le nouveau mot de passe'), 'un autre mot de passe long');
    await user.click(screen.getByRole('button', { name: 'Changer mon mot de passe' }));
    expect(screen.getByRole('alert').textContent).toBe('Les deux mots de passe ne sont pas identiques.');
    expect(screen.getByLabelText('Confirmer le nouveau mot de passe').getAttribute('aria-invalid')).toBe('true');
    expect(useAccountStore.getState().action).toBeNull();
  });

  it('shows the request’s failure and keeps the form usable', async () => {
    const user = userEvent.setup();
    await renderInApp(<PasswordResetPage />, { path: '/reinitialiser' });
    await user.type(screen.getByLabelText('Adresse électronique'), 'alice@example.org');
    await user.click(screen.getByRole('button', { name: 'Recevoir un code' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/The server cannot be reached/));
    expect((screen.getByRole('button', { name: 'Recevoir un code' }) as HTMLButtonElement).disabled).toBe(false);
    expect(screen.getByLabelText('Adresse électronique')).toBeTruthy();
  });

  it('goes straight to the code when a code was just requested, naming the address', async () => {
    useAccountStore.setState({ resetEmail: 'alice@example.org' });
    await renderInApp(<PasswordResetPage />, { path: '/reinitialiser' });
    expect(screen.getByRole('status').textContent).toContain('alice@example.org');
    expect(screen.getByLabelText('Code de réinitialisation').getAttribute('autocomplete')).toBe('one-time-code');
  });

  it('speaks English too', async () => {
    await renderInApp(<PasswordResetPage />, { path: `/reinitialiser?token=${TOKEN}`, lang: 'en' });
    expect(screen.getByLabelText('New password')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Change my password' })).toBeTruthy();
  });
});

describe('new password checks', () => {
  it('want 10 to 200 characters, typed twice alike', () => {
    expect(newPasswordProblem('court', 'court')).toBe('tooShort');
    expect(newPasswordProblem('x'.repeat(201), 'x'.repeat(201))).toBe('tooLong');
    expect(newPasswordProblem('un mot de passe assez long', 'un mot de passe assez lon')).toBe('mismatch');
    expect(newPasswordProblem('un mot de passe assez long', 'un mot de passe assez long')).toBeNull();
  });
});
