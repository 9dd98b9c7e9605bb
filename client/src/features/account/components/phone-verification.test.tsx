import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Me } from '@parallele/core';
import { renderInApp } from '../../../test-support/render';
import { useAccountStore } from '../store';
import { PhoneVerification } from './phone-verification';

const me = (level: Me['level']): Me => ({ email: 'a@example.org', voterId: 'a'.repeat(32), level, role: 'citizen', createdAt: '2026-11-24T06:00:00.000Z' });

beforeEach(() => useAccountStore.setState(useAccountStore.getInitialState()));
afterEach(cleanup);

describe('stronger verification by SMS', () => {
  it('offers the SMS check to an email-verified account', async () => {
    await renderInApp(<PhoneVerification me={me('email')} />);
    expect(screen.getByRole('heading', { name: 'Vérification renforcée' })).toBeTruthy();
    expect(screen.getByLabelText('Numéro de téléphone').getAttribute('type')).toBe('tel');
    expect(screen.getByRole('button', { name: 'Recevoir un code par SMS' })).toBeTruthy();
  });

  it('refuses a number that is not in international format, before any request', async () => {
    const user = userEvent.setup();
    await renderInApp(<PhoneVerification me={me('email')} />);
    await user.type(screen.getByLabelText('Numéro de téléphone'), '06 12 34 56 78');
    await user.click(screen.getByRole('button', { name: 'Recevoir un code par SMS' }));
    expect(screen.getByRole('alert').textContent).toMatch(/format international/);
    expect(screen.getByLabelText('Numéro de téléphone').getAttribute('aria-invalid')).toBe('true');
    expect(useAccountStore.getState().action).toBeNull();
  });

  it('asks for the code once it was sent, focused, and lets the citizen change the number', async () => {
    const user = userEvent.setup();
    await renderInApp(<PhoneVerification me={me('email')} />);
    useAccountStore.setState({ smsChallenge: { id: '12', phone: '+33612345678' } });
    const code = await screen.findByLabelText('Code reçu par SMS');
    await waitFor(() => expect(document.activeElement).toBe(code));
    expect(screen.getByRole('status').textContent).toContain('+33612345678');
    await user.click(screen.getByRole('button', { name: 'Changer de numéro' }));
    expect(screen.getByLabelText('Numéro de téléphone')).toBeTruthy();
  });

  it('asks for the email first, and says when the phone is already verified', async () => {
    await renderInApp(<PhoneVerification me={me('none')} />);
    expect(screen.getByText('Vérifiez d’abord votre adresse électronique.')).toBeTruthy();
    expect(screen.queryByLabelText('Numéro de téléphone')).toBeNull();
    cleanup();
    await renderInApp(<PhoneVerification me={me('phone')} />, { lang: 'en' });
    expect(screen.getByRole('status').textContent).toBe('Your account has a stronger verification.');
  });
});
