import { create } from 'zustand';
import type { LoginBody, Me, RegisterBody } from '@parallele/core';
import { toApiError, type ApiError } from '../../lib/api';
import { reconnectSocket } from '../../lib/socket';
import * as api from './api';

type Status = 'unknown' | 'loading' | 'ready';

interface AccountState {
  me: Me | null;
  status: Status;
  /** the address just registered, to verify it with the mailed code */
  pendingEmail: string | null;
  busy: boolean;
  error: ApiError | null;
  load: () => Promise<void>;
  register: (body: RegisterBody) => Promise<boolean>;
  verify: (email: string, code: string) => Promise<boolean>;
  login: (body: LoginBody) => Promise<boolean>;
  logout: () => Promise<void>;
  clearError: () => void;
}

/**
 * The signed-in citizen. Actions return whether they succeeded and leave the failure in `error`
 * (the API's problem detail), so forms show it next to the fields.
 */
export const useAccountStore = create<AccountState>((set, get) => {
  const run = async (f: () => Promise<void>): Promise<boolean> => {
    set({ busy: true, error: null });
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
      run(async () => {
        await api.register(body);
        set({ pendingEmail: body.email });
      }),
    verify: (email, code) =>
      run(async () => {
        const me = await api.verifyEmail({ email, code });
        // verifying does not sign in; keep a session's view in step if there is one
        if (get().me) set({ me });
        set({ pendingEmail: null });
      }),
    login: (body) =>
      run(async () => {
        const { me } = await api.login(body);
        set({ me, status: 'ready' });
        reconnectSocket();
      }),
    logout: async () => {
      await run(async () => {
        await api.logout();
        set({ me: null });
        reconnectSocket();
      });
    },
    clearError: () => set({ error: null }),
  };
});
