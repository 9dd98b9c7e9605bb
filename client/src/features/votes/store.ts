import { create } from 'zustand';
import type { MyVote, Tally, TallyScope, VoteChoice, VoteWindow } from '@parallele/core';
import { DEFAULT_TALLY_SCOPE } from '@parallele/core';
import { ApiError, toApiError } from '../../lib/api';
import { onMyVote, resubscribeTally, watchTally } from '../../lib/socket';
import * as api from './api';

interface Entry {
  tally: Tally | null;
  tallyError: ApiError | null;
  mine: MyVote | null;
  window: VoteWindow | null;
  sending: VoteChoice | null;
  voteError: ApiError | null;
}

/** i18n key naming each tally scope (the vote panel's choice, the simulator's and the embed's note) */
export const SCOPE_LABEL = { all: 'vote.scopeAll', verified: 'vote.scopeVerified', unflagged: 'vote.scopeUnflagged', verifiedUnflagged: 'vote.scopeVerifiedUnflagged' } as const;

const EMPTY: Entry = { tally: null, tallyError: null, mine: null, window: null, sending: null, voteError: null };

interface VotesState {
  byUid: Record<string, Entry>;
  /** which voters the tally, the simulator and the embed count (the reader may switch) */
  scope: TallyScope;
  setScope: (scope: TallyScope) => void;
  /** Follows the tally over the socket (the subscription's answer, then the pushes); returns the stop function. */
  follow: (uid: string) => () => void;
  retryTally: (uid: string) => void;
  loadMine: (uid: string) => Promise<void>;
  cast: (uid: string, choice: VoteChoice) => Promise<boolean>;
  applyTally: (t: Tally) => void;
}

export const useVotesStore = create<VotesState>((set, get) => {
  const patch = (uid: string, p: Partial<Entry>) => set((s) => ({ byUid: { ...s.byUid, [uid]: { ...(s.byUid[uid] ?? EMPTY), ...p } } }));
  // Votes cast from another tab of the same citizen arrive here too.
  let unsubscribeMine: (() => void) | null = null;
  const listenMine = () => {
    unsubscribeMine ??= onMyVote((v) => patch(v.scrutinUid, { mine: v }));
  };
  return {
    byUid: {},
    scope: DEFAULT_TALLY_SCOPE,
    setScope: (scope) => set({ scope }),
    follow(uid) {
      listenMine();
      return watchTally(
        uid,
        (t) => get().applyTally(t),
        (message) => patch(uid, { tallyError: new ApiError(0, 'network', message) }),
      );
    },
    retryTally(uid) {
      patch(uid, { tallyError: null });
      resubscribeTally(uid);
    },
    applyTally(t) {
      const current = get().byUid[t.scrutinUid]?.tally;
      // the socket and HTTP may cross: never go back to an older state of the log
      if (current && current.logLength > t.logLength) return;
      patch(t.scrutinUid, { tally: t, tallyError: null, window: t.window });
    },
    async loadMine(uid) {
      try {
        const r = await api.fetchMyVote(uid);
        patch(uid, { mine: r.vote, window: r.window });
      } catch {
        patch(uid, { mine: null });
      }
    },
    async cast(uid, choice) {
      patch(uid, { sending: choice, voteError: null });
      try {
        const r = await api.putMyVote(uid, choice);
        // the answer is the citizen's own choice; the new tally comes pushed over the socket
        patch(uid, { mine: r.vote, window: r.window, sending: null });
        return true;
      } catch (e) {
        patch(uid, { sending: null, voteError: toApiError(e) });
        return false;
      }
    },
  };
});

export const entryOf = (s: VotesState, uid: string): Entry => s.byUid[uid] ?? EMPTY;
