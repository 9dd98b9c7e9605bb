import {
  AcceptedResponseSchema, CsrfResponseSchema, MeSchema, MyVotesResponseSchema, ScrutinLogSchema, SessionResponseSchema, SessionStateSchema, StartVerificationResponseSchema,
  type CompleteVerificationBody, type DeleteAccountBody, type LoginBody, type PasswordResetConfirmBody, type PasswordResetRequestBody, type RegisterBody,
  type StartVerificationBody, type VerifyEmailBody,
} from '@parallele/core';
import { z } from 'zod';
import { get, send, setCsrfToken } from '../../lib/api';

const Empty = z.unknown();

/** A CSRF cookie must exist before the first write (double submit). */
export async function ensureCsrf(): Promise<void> {
  const { csrfToken } = await get(CsrfResponseSchema, '/auth/csrf');
  setCsrfToken(csrfToken);
}

/** The signed-in citizen, null when anonymous (a 200 either way: no console error on every page load). */
export const fetchMe = () => get(SessionStateSchema, '/auth/session').then((s) => s.me);
export const register = async (body: RegisterBody) => {
  await ensureCsrf();
  return send(AcceptedResponseSchema, 'POST', '/auth/register', body);
};
export const verifyEmail = async (body: VerifyEmailBody) => {
  await ensureCsrf();
  return send(MeSchema, 'POST', '/auth/verify-email', body);
};
export const login = async (body: LoginBody) => {
  await ensureCsrf();
  const session = await send(SessionResponseSchema, 'POST', '/auth/login', body);
  setCsrfToken(session.csrfToken);
  return session;
};
export const logout = async () => {
  await ensureCsrf();
  await send(Empty, 'POST', '/auth/logout');
  setCsrfToken(null);
};
export const fetchMyVotes = () => get(MyVotesResponseSchema, '/me/votes');

/** Always "accepted", whether or not the address has an account (no enumeration). */
export const requestPasswordReset = async (email: string) => {
  await ensureCsrf();
  return send(AcceptedResponseSchema, 'POST', '/auth/password-reset/request', { email } satisfies PasswordResetRequestBody);
};
/** With the mailed code (and the address) or the link's token; ends every session of the account. */
export const confirmPasswordReset = async (body: PasswordResetConfirmBody) => {
  await ensureCsrf();
  await send(Empty, 'POST', '/auth/password-reset/confirm', body);
};
/** Anonymises the account; its votes stay in the tally and the public log, unlinked. */
export const deleteAccount = async (password: string) => {
  await ensureCsrf();
  await send(Empty, 'DELETE', '/me', { password } satisfies DeleteAccountBody);
  setCsrfToken(null);
};
export const startSmsVerification = async (phone: string) => {
  await ensureCsrf();
  return send(StartVerificationResponseSchema, 'POST', '/me/verifications', { provider: 'sms', phone } satisfies StartVerificationBody);
};
export const completeSmsVerification = async (challengeId: string, code: string) => {
  await ensureCsrf();
  return send(MeSchema, 'POST', '/me/verifications/sms/complete', { challengeId, code } satisfies CompleteVerificationBody);
};
/** A scrutin's whole public log, to check a receipt in the browser. */
export const fetchScrutinLog = (uid: string) => get(ScrutinLogSchema, `/scrutins/${encodeURIComponent(uid)}/log`);
