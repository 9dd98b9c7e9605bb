import axios, { AxiosError, type AxiosRequestConfig } from 'axios';
import {
  CSRF_COOKIE, CSRF_HEADER, ProblemSchema,
  type CompleteVerificationBody, type DeleteAccountBody, type LoginBody, type PasswordResetConfirmBody, type PasswordResetRequestBody, type Problem,
  type PutBallotBody, type CouncilImportBody, type PutMyVoteBody, type PutPastVoteBody, type PutProfileBody, type RegisterBody, type ReviewFlagBody, type StartVerificationBody, type VerifyEmailBody, type VoteWindowBody,
  type AlertSubscriptions, type MyConstituencyBody,
} from '@parallele/core';
import type { z } from 'zod';

/**
 * The one HTTP client of the app. Every request goes through `request()`: the answer is checked
 * against its zod contract from core, and every failure (network, problem+json, unexpected body)
 * becomes an `ApiError` — the single error path the UI renders.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    /** HTTP status, 0 for network failures, -1 for a body that broke its contract */
    readonly status: number,
    /** problem `code` (`not_found`, `invalid_request`…) or `network` / `contract` */
    readonly code: string,
    message: string,
    readonly problem: Problem | null = null,
  ) {
    super(message);
  }
  /** the parameter the server blamed, if any */
  get param(): string | undefined {
    return this.problem?.param ?? this.problem?.errors?.[0]?.param;
  }
}

export const http = axios.create({ baseURL: '/api', withCredentials: true, timeout: 20_000, headers: { Accept: 'application/json' } });

let csrfToken: string | null = null;
/** The login answer carries the token; the cookie carries it too (double submit). */
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

function readCookie(name: string): string | null {
  if (typeof document === 'undefined') return null;
  const hit = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`));
  return hit ? decodeURIComponent(hit.slice(name.length + 1)) : null;
}

http.interceptors.request.use((config) => {
  const method = (config.method ?? 'get').toLowerCase();
  if (!['get', 'head', 'options'].includes(method)) {
    const token = readCookie(CSRF_COOKIE) ?? csrfToken;
    if (token) config.headers.set(CSRF_HEADER, token);
  }
  return config;
});

export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  if (e instanceof AxiosError) {
    if (!e.response) return new ApiError(0, 'network', e.code === 'ECONNABORTED' ? 'The server took too long to answer' : 'The server cannot be reached');
    const parsed = ProblemSchema.safeParse(e.response.data);
    if (parsed.success) return new ApiError(e.response.status, parsed.data.code, parsed.data.detail || parsed.data.title, parsed.data);
    return new ApiError(e.response.status, `http_${e.response.status}`, `HTTP ${e.response.status}`);
  }
  return new ApiError(-1, 'unknown', e instanceof Error ? e.message : String(e));
}

export async function request<S extends z.ZodType>(schema: S, config: AxiosRequestConfig): Promise<z.output<S>> {
  let data: unknown;
  try {
    data = (await http.request(config)).data;
  } catch (e) {
    throw toApiError(e);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ApiError(-1, 'contract', `Unexpected answer from ${config.url}: ${issue ? `${issue.path.join('.')} ${issue.message}` : 'invalid body'}`);
  }
  return parsed.data;
}

export const get = <S extends z.ZodType>(schema: S, url: string, params?: Record<string, unknown>) => request(schema, { method: 'GET', url, params });
/** Every body the client may send: core's contracts, the ones the server validates them against. */
export type RequestBody =
  | RegisterBody | VerifyEmailBody | LoginBody | PasswordResetRequestBody | PasswordResetConfirmBody | DeleteAccountBody
  | StartVerificationBody | CompleteVerificationBody | PutMyVoteBody | ReviewFlagBody | VoteWindowBody
  | PutProfileBody | PutPastVoteBody // issue 16
  | PutBallotBody | CouncilImportBody // issue 15
  | AlertSubscriptions | MyConstituencyBody; // issue 13

export const send = <S extends z.ZodType>(schema: S, method: 'POST' | 'PUT' | 'DELETE' | 'PATCH', url: string, data?: RequestBody) => request(schema, { method, url, data });

/** Drops undefined / empty values so URLs stay short and stable (permalinks, caches). */
export function cleanParams(p: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(p)) if (v !== undefined && v !== null && v !== '') out[k] = String(v);
  return out;
}
