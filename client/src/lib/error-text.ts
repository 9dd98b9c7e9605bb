import type { TFunction } from 'i18next';
import type { ApiError } from './api';

/**
 * The user's-language text of a server error: the problem's stable `code` translated (errors.*),
 * with the wait of a rate limit; the server's own detail only for a code we do not know.
 */
export function errorText(t: TFunction, error: Pick<ApiError, 'message'> & Partial<Pick<ApiError, 'code' | 'problem' | 'param'>>): string {
  const code = error.code;
  if (!code) return error.message;
  if (code === 'too_many_requests') {
    const seconds = Number(error.problem?.retryAfterSeconds ?? error.problem?.retryAfter);
    if (Number.isFinite(seconds) && seconds > 0) {
      return seconds >= 120
        ? t('errors.too_many_requests_wait_minutes', { count: Math.ceil(seconds / 60) })
        : t('errors.too_many_requests_wait', { count: Math.ceil(seconds) });
    }
  }
  const key = `errors.${code}`;
  return t(key, { defaultValue: error.message, param: error.param ?? '' });
}
