import { beforeEach, describe, expect, it } from 'vitest';
import { withUnreachableApi } from '../../test-support/unreachable-api';
import { useAccountStore } from './store';

withUnreachableApi();
beforeEach(() => useAccountStore.setState(useAccountStore.getInitialState()));

describe('the account store’s new actions', () => {
  it('leaves a failed reset request in `error`, tagged with the action, and stays on the request', async () => {
    const ok = await useAccountStore.getState().requestReset('alice@example.org');
    const s = useAccountStore.getState();
    expect(ok).toBe(false);
    expect([s.error?.code, s.action, s.busy, s.resetEmail]).toEqual(['network', 'requestReset', false, null]);
  });

  it('keeps the citizen signed in when the deletion fails', async () => {
    const me = { email: 'a@example.org', voterId: 'a'.repeat(32), level: 'email' as const, role: 'citizen' as const, createdAt: '2026-11-24T06:00:00.000Z' };
    useAccountStore.setState({ me, status: 'ready' });
    expect(await useAccountStore.getState().deleteAccount('un mot de passe assez long')).toBe(false);
    expect(useAccountStore.getState().me).toEqual(me);
    expect(useAccountStore.getState().action).toBe('deleteAccount');
  });

  it('refuses to confirm an SMS code before a code was asked for, without a request', async () => {
    expect(await useAccountStore.getState().confirmSms('123456')).toBe(false);
    expect(useAccountStore.getState().error?.code).toBe('no_challenge');
  });

  it('forgets the pending SMS challenge and its error when the citizen picks another number', () => {
    useAccountStore.setState({ smsChallenge: { id: '7', phone: '+33612345678' } });
    useAccountStore.getState().cancelSms();
    expect(useAccountStore.getState()).toMatchObject({ smsChallenge: null, error: null, action: null });
  });

  it('a failed reset confirmation keeps the address the code was sent to', async () => {
    useAccountStore.setState({ resetEmail: 'alice@example.org' });
    const ok = await useAccountStore.getState().confirmReset({ email: 'alice@example.org', code: '123456', newPassword: 'un mot de passe assez long' });
    expect(ok).toBe(false);
    expect(useAccountStore.getState()).toMatchObject({ resetEmail: 'alice@example.org', action: 'confirmReset' });
  });
});
