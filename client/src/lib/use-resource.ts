import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError, type ApiError } from './api';

export type Resource<T> =
  | { status: 'loading'; data: T | null; error: null; reload: () => void }
  | { status: 'ready'; data: T; error: null; reload: () => void }
  | { status: 'error'; data: T | null; error: ApiError; reload: () => void };

/**
 * A request tied to a component: loading, ready or error, reloaded when `key` changes; a stale
 * answer (the key changed meanwhile) is dropped. Data of the previous key stays visible while
 * the next loads, so lists do not flash.
 */
export function useResource<T>(key: string | null, load: () => Promise<T>): Resource<T> {
  const [state, setState] = useState<{ status: 'loading' | 'ready' | 'error'; data: T | null; error: ApiError | null }>({ status: 'loading', data: null, error: null });
  const [nonce, setNonce] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    if (key === null) return;
    let live = true;
    setState((s) => ({ status: 'loading', data: s.data, error: null }));
    loadRef.current().then(
      (data) => live && setState({ status: 'ready', data, error: null }),
      (e: unknown) => live && setState((s) => ({ status: 'error', data: s.data, error: toApiError(e) })),
    );
    return () => {
      live = false;
    };
  }, [key, nonce]);
  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { ...state, reload } as Resource<T>;
}
