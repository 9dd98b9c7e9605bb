import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInApp } from '../../../test-support/render';
import { withUnreachableApi } from '../../../test-support/unreachable-api';
import { ProfileForm } from './profile-form';

withUnreachableApi();
afterEach(cleanup);

describe('the profile form', () => {
  it('says what each field is used for and lets each be skipped in one click', async () => {
    const user = userEvent.setup();
    await renderInApp(<ProfileForm />);
    expect(screen.getByText(/utilisé pour le redressement/)).toBeTruthy();
    expect(screen.getAllByText(/n’entre pas dans le redressement/)).toHaveLength(2);
    const age = screen.getByTestId('profile-age') as HTMLSelectElement;
    await user.selectOptions(age, '35-49');
    expect(age.value).toBe('35-49');
    await user.click(screen.getAllByRole('button', { name: 'Passer' })[1]!);
    expect(age.value).toBe('');
    expect(screen.getAllByRole('button', { name: 'Passer' })).toHaveLength(5);
  });

  it('stores the 2022 vote only after a choice and the explicit consent box', async () => {
    const user = userEvent.setup();
    await renderInApp(<ProfileForm />);
    const save = screen.getByTestId('past-vote-save') as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    await user.selectOptions(screen.getByTestId('past-vote-select'), 'melenchon');
    expect(save.disabled).toBe(true);
    await user.click(screen.getByTestId('past-vote-consent'));
    expect(save.disabled).toBe(false);
    expect(screen.getByText(/RGPD, art\. 9/)).toBeTruthy();
    expect((screen.getByRole('option', { name: 'Je préfère ne pas le dire' }) as HTMLOptionElement).value).toBe('');
  });

  it('shows the failure when the server cannot be reached, in English too', async () => {
    const user = userEvent.setup();
    await renderInApp(<ProfileForm />, { lang: 'en' });
    await user.click(screen.getByRole('button', { name: 'Save the profile' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.queryByText('Profile saved.')).toBeNull();
  });
});
