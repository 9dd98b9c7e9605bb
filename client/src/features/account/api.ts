import {
  AcceptedResponseSchema, CsrfResponseSchema, MeSchema, MyVotesResponseSchema, SessionResponseSchema,
  type LoginBody, type RegisterBody, type VerifyEmailBody,
} from '@parallele/core';
import { z } from 'zod';
import { get, send, setCsrfToken } from '../../lib/api';

const Empty = z.unknown();

/** A CSRF cookie must exist before the first write (double submit). */
export async function ensureCsrf(): Promise<void> {
  const { csrfToken } = await get(CsrfResponseSchema, '/auth/csrf');
  setCsrfToken(csrfToken);
}

export const fetchMe = () => get(MeSchema, '/auth/me');
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
