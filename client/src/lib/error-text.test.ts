import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { initI18n } from '../i18n';
import { ApiError } from './api';
import { errorText } from './error-text';

const problem = (code: string, extras: Record<string, unknown> = {}) =>
  new ApiError(429, code, 'Too many requests: slow down', { type: 'about:blank', title: 'x', status: 429, detail: 'Too many requests: slow down', code, ...extras });

describe('server errors in the user’s language', () => {
  it('translates the problem code, with the wait of a rate limit, in French and English', async () => {
    initI18n('fr');
    await i18next.changeLanguage('fr');
    const t = i18next.t.bind(i18next);
    expect(errorText(t, new ApiError(401, 'invalid_credentials', 'Wrong email or password'))).toBe('Adresse e-mail ou mot de passe incorrect.');
    expect(errorText(t, problem('too_many_requests', { retryAfterSeconds: 900 }))).toBe('Trop de demandes\u00a0: réessayez dans 15 minutes.');
    expect(errorText(t, problem('too_many_requests', { retryAfterSeconds: 1 }))).toBe('Trop de demandes\u00a0: réessayez dans 1 seconde.');
    expect(errorText(t, problem('too_many_requests', { retryAfterSeconds: 60 }))).toBe('Trop de demandes\u00a0: réessayez dans 60 secondes.');
    // a code the client does not know keeps the server's detail
    expect(errorText(t, new ApiError(418, 'teapot', 'I am a teapot'))).toBe('I am a teapot');
    await i18next.changeLanguage('en');
    expect(errorText(t, problem('too_many_requests', { retryAfterSeconds: 900 }))).toBe('Too many requests: try again in 15 minutes.');
    expect(errorText(t, new ApiError(401, 'invalid_credentials', 'Mauvais'))).toBe('Wrong email or password.');
    await i18next.changeLanguage('fr');
  });
});
