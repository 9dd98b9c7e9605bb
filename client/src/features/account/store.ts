import { create } from 'zustand';
import type { LoginBody, Me, PasswordResetConfirmBody, RegisterBody } from '@parallele/core';
import { ApiError, toApiError } from '../../lib/api';
import { reconnectSocket } from '../../lib/socket';
import * as api from './api';

type Status = 'unknown' | 'loading' | 'ready';
/** Which action `error` (and `busy`) belongs to, so each form shows only its own failure. */
export type AccountAction = 'register' | 'verify' | 'login' | 'logout' | 'requestReset' | 'confirmReset' | 'deleteAccount' | 'startSms' | 'confirmSms';

interface AccountState {
  me: Me | null;
  status: Status;
  /** the address just registered, to verify it with the mailed code */
  pendingEmail: string | null;
  busy: boolean;
  error: ApiError | null;
  /** the action running (busy) or that failed last (error) */
  action: AccountAction | null;
  load: () => Promise<void>;
  register: (body: RegisterBody) => Promise<boolean>;
  verify: (email: string, code: string) => Promise<boolean>;
  login: (body: LoginBody) => Promise<boolean>;
  logout: () => Promise<void>;
  /** the address a reset code was just requested for, to type the code next */
  resetEmail: string | null;
  requestReset: (email: string) => Promise<boolean>;
  /** sets the new password; the server ends every session, so the citizen logs in again */
  confirmReset: (body: PasswordResetConfirmBody) => Promise<boolean>;
  deleteAccount: (password: string) => Promise<boolean>;
  /** the pending SMS challenge, between sending the code and typing it */
  smsChallenge: { id: string; phone: string } | null;
  startSms: (phone: string) => Promise<boolean>;
  confirmSms: (code: string) => Promise<boolean>;
  cancelSms: () => void;
  clearError: () => void;
}

/**
 * The signed-in citizen. Actions return whether they succeeded and leave the failure in `error`
 * (the API's problem detail), so forms show it next to the fields.
 */
export const useAccountStore = create<AccountState>((set, get) => {
  const run = async (action: AccountAction, f: () => Promise<void>): Promise<boolean> => {
    set({ busy: true, error: null, action });
    try {
      await f();
      return true;
    } catch (e) {
      set({ error: toApiError(e) });
      return false;
    } finally {
      set({ busy: false });
    }
  };
  return {
    me: null,
    status: 'unknown',
    pendingEmail: null,
    busy: false,
    error: null,
    action: null,
    async load() {
      if (get().status === 'loading') return;
      set({ status: 'loading' });
      try {
        set({ me: await api.fetchMe(), status: 'ready' });
      } catch {
        // 401: nobody is signed in, which is a normal state
        set({ me: null, status: 'ready' });
      }
    },
    register: (body) =>
      run('register', async () => {
        await api.register(body);
        set({ pendingEmail: body.email });
      }),
    verify: (email, code) =>
      run('verify', async () => {
        const me = await api.verifyEmail({ email, code });
        // verifying does not open a session (the form signs in next); keep a session's view in step
        if (get().me) set({ me });
        set({ pendingEmail: null });
      }),
    login: (body) =>
      run('login', async () => {
        const { me } = await api.login(body);
        set({ me, status: 'ready' });
        reconnectSocket();
      }),
    logout: async () => {
      await run('logout', async () => {
        await api.logout();
        set({ me: null });
        reconnectSocket();
      });
    },
    resetEmail: null,
    requestReset: (email) =>
      run('requestReset', async () => {
        await api.requestPasswordReset(email);
        set({ resetEmail: email });
      }),
    confirmReset: (body) =>
      run('confirmReset', async () => {
        await api.confirmPasswordReset(body);
        const wasSignedIn = get().me !== null;
        set({ me: null, resetEmail: null, smsChallenge: null });
        if (wasSignedIn) reconnectSocket();
      }),
    deleteAccount: (password) =>
      run('deleteAccount', async () => {
        await api.deleteAccount(password);
        set({ me: null, smsChallenge: null });
        reconnectSocket();
      }),
    smsChallenge: null,
    startSms: (phone) =>
      run('startSms', async () => {
        const { challengeId } = await api.startSmsVerification(phone);
        set({ smsChallenge: { id: challengeId, phone } });
      }),
    confirmSms: (code) =>
      run('confirmSms', async () => {
        const challenge = get().smsChallenge;
        if (!challenge) throw new ApiError(400, 'no_challenge', 'Ask for a code first');
        const me = await api.completeSmsVerification(challenge.id, code);
        set({ me, smsChallenge: null });
      }),
    cancelSms: () => set({ smsChallenge: null, error: null, action: null }),
    clearError: () => set({ error: null, action: null }),
  };
});
