import { create } from 'zustand';
import type { ScrutinDetail, ScrutinListQueryInput, ScrutinListResponse } from '@parallele/core';
import { toApiError, type ApiError } from '../../lib/api';
import { fetchScrutin, fetchScrutins } from './api';

type Status = 'idle' | 'loading' | 'ready' | 'error';

/** Query keys the list understands, as they appear in the URL (its permalink). */
export const LIST_KEYS = ['q', 'assembly', 'legislature', 'type', 'outcome', 'dateFrom', 'dateTo', 'finalLawVote', 'sort', 'page'] as const;
export type ListKey = (typeof LIST_KEYS)[number];

export function queryFromParams(params: URLSearchParams): ScrutinListQueryInput {
  const q: Record<string, string> = {};
  for (const k of LIST_KEYS) {
    const v = params.get(k);
    if (v) q[k] = v;
  }
  return q as ScrutinListQueryInput;
}

interface ScrutinsState {
  list: { key: string; status: Status; data: ScrutinListResponse | null; error: ApiError | null };
  details: Record<string, { status: Status; data: ScrutinDetail | null; error: ApiError | null }>;
  loadList: (query: ScrutinListQueryInput) => Promise<void>;
  loadDetail: (uid: string, force?: boolean) => Promise<void>;
}

/** Scrutins list (one query at a time, stale answers dropped) and a cache of the detail pages. */
export const useScrutinsStore = create<ScrutinsState>((set, get) => ({
  list: { key: '', status: 'idle', data: null, error: null },
  details: {},
  async loadList(query) {
    const key = JSON.stringify(query);
    set((s) => ({ list: { ...s.list, key, status: 'loading', error: null } }));
    try {
      const data = await fetchScrutins(query);
      if (get().list.key === key) set({ list: { key, status: 'ready', data, error: null } });
    } catch (e) {
      if (get().list.key === key) set((s) => ({ list: { ...s.list, status: 'error', error: toApiError(e) } }));
    }
  },
  async loadDetail(uid, force = false) {
    const hit = get().details[uid];
    if (hit && !force && (hit.status === 'ready' || hit.status === 'loading')) return;
    set((s) => ({ details: { ...s.details, [uid]: { status: 'loading', data: hit?.data ?? null, error: null } } }));
    try {
      const data = await fetchScrutin(uid);
      set((s) => ({ details: { ...s.details, [uid]: { status: 'ready', data, error: null } } }));
    } catch (e) {
      set((s) => ({ details: { ...s.details, [uid]: { status: 'error', data: null, error: toApiError(e) } } }));
    }
  },
}));
