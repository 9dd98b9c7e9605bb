import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInApp } from '../../../test-support/render';
import { withUnreachableApi } from '../../../test-support/unreachable-api';
import { useAccountStore } from '../store';
import { DeleteAccount } from './delete-account';

withUnreachableApi();
beforeEach(() => useAccountStore.setState(useAccountStore.getInitialState()));
afterEach(cleanup);

describe('account deletion', () => {
  it('explains that the votes stay in the tally, unlinked from the person, in French and English', async () => {
    await renderInApp(<DeleteAccount onDeleted={() => undefined} />);
    expect(screen.getByText(/Vos votes restent comptés dans les résultats/).textContent).toMatch(/plus rien ne les relie à vous/);
    cleanup();
    await renderInApp(<DeleteAccount onDeleted={() => undefined} />, { lang: 'en' });
    expect(screen.getByText(/Your votes stay counted in the results/).textContent).toMatch(/nothing links them to you/);
  });

  it('asks for a confirmation with the password, focused, before deleting anything', async () => {
    const user = userEvent.setup();
    await renderInApp(<DeleteAccount onDeleted={() => undefined} />);
    await user.click(screen.getByRole('button', { name: 'Supprimer mon compte…' }));
    const password = screen.getByLabelText('Mot de passe actuel');
    await waitFor(() => expect(document.activeElement).toBe(password));
    const confirm = screen.getByRole('button', { name: 'Supprimer définitivement' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    await user.type(password, 'x');
    expect(confirm.disabled).toBe(false);
    expect(useAccountStore.getState().action).toBeNull();
  });

  it('closes the confirmation with Escape and gives focus back to the button', async () => {
    const user = userEvent.setup();
    await renderInApp(<DeleteAccount onDeleted={() => undefined} />);
    await user.click(screen.getByRole('button', { name: 'Supprimer mon compte…' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByLabelText('Mot de passe actuel')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Supprimer mon compte…' })));
  });

  it('shows the failure and does not report a deletion that did not happen', async () => {
    const user = userEvent.setup();
    let deleted = false;
    await renderInApp(<DeleteAccount onDeleted={() => (deleted = true)} />);
    await user.click(screen.getByRole('button', { name: 'Supprimer mon compte…' }));
    await user.type(screen.getByLabelText('Mot de passe actuel'), 'un mot de passe assez long');
    await user.click(screen.getByRole('button', { name: 'Supprimer définitivement' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/The server cannot be reached/));
    expect(deleted).toBe(false);
  });
});
