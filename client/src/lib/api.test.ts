import { describe, expect, it } from 'vitest';
import { AxiosError, AxiosHeaders, type AxiosResponse } from 'axios';
import { ApiError, cleanParams, toApiError } from './api';

const response = (status: number, data: unknown): AxiosResponse => ({ status, statusText: '', data, headers: {}, config: { headers: new AxiosHeaders() } });

describe('the API client’s single error path', () => {
  it('reads a problem+json answer: code, detail and the parameter at fault', () => {
    const problem = { type: 'urn:parallele:problem:invalid_request', title: 'Bad Request', status: 400, detail: 'k: expected a number ≥ 1', code: 'invalid_request', param: 'k' };
    const e = toApiError(new AxiosError('Request failed', 'ERR_BAD_REQUEST', undefined, null, response(400, problem)));
    expect(e).toBeInstanceOf(ApiError);
    expect([e.status, e.code, e.message, e.param]).toEqual([400, 'invalid_request', 'k: expected a number ≥ 1', 'k']);
  });

  it('names a network failure and a body that is not a problem', () => {
    expect(toApiError(new AxiosError('Network Error', 'ERR_NETWORK')).code).toBe('network');
    const e = toApiError(new AxiosError('Request failed', 'ERR_BAD_RESPONSE', undefined, null, response(502, '<html>bad gateway</html>')));
    expect([e.status, e.code]).toEqual([502, 'http_502']);
  });

  it('drops empty query parameters so URLs stay stable', () => {
    expect(cleanParams({ q: '', page: 2, type: undefined, sort: null, legislature: 17 })).toEqual({ page: '2', legislature: '17' });
  });
});
