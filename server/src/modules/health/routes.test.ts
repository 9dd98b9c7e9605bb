import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HealthResponseSchema } from '@parallele/core';
import { createTestApi, type TestApi } from '../../test-support/imported-store';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi({ empty: true });
});
afterAll(() => api?.cleanup());

describe('GET /api/health', () => {
  it('reports ok, the version and the scrutin count of the store', async () => {
    const res = await api.get('/api/health');
    expect(res.status).toBe(200);
    expect(HealthResponseSchema.parse(res.body)).toMatchObject({ status: 'ok', version: 'test', db: { ok: true, scrutins: 0 } });
  });

  it('answers 503 degraded when the store no longer answers', async () => {
    api.db.close();
    const res = await api.get('/api/health');
    expect(res.status).toBe(503);
    expect(HealthResponseSchema.parse(res.body)).toMatchObject({ status: 'degraded', db: { ok: false } });
  });
});
