import { afterAll, beforeAll } from 'vitest';
import { http } from '../lib/api';

/**
 * For the tests of one file, points the API client at a closed port: nothing listens on port 1,
 * so every request fails for real, as when the server is down (the error paths, without a mock).
 */
export function withUnreachableApi(): void {
  const baseURL = http.defaults.baseURL;
  beforeAll(() => {
    http.defaults.baseURL = 'http://127.0.0.1:1/api';
  });
  afterAll(() => {
    http.defaults.baseURL = baseURL;
  });
}
