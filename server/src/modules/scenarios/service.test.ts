import { describe, expect, it } from 'vitest';
import type { ScenarioListResponse } from '@parallele/core';
import { shouldWarmScenarios } from '../../boot';
import { loadConfig } from '../../config';
import { warmScenarios } from './service';

const lines = () => {
  const logged: { level: string; msg: string }[] = [];
  return {
    logged,
    logger: {
      info: (_obj: unknown, msg?: string) => void logged.push({ level: 'info', msg: msg ?? '' }),
      warn: (_obj: unknown, msg?: string) => void logged.push({ level: 'warn', msg: msg ?? '' }),
    },
  };
};

/** A valid production environment: the server requires a secret and SMTP there. */
const PRODUCTION = { NODE_ENV: 'production', SECRET_KEY: 'a-production-secret-of-at-least-32-chars', SMTP_URL: 'smtp://mail.example.org' };

describe('warming the scenario gallery after start', () => {
  it('is on by default outside tests, off under NODE_ENV=test or with WARM_SCENARIOS=false', () => {
    expect(shouldWarmScenarios(loadConfig({ NODE_ENV: 'development' }))).toBe(true);
    expect(shouldWarmScenarios(loadConfig({ ...PRODUCTION }))).toBe(true);
    expect(shouldWarmScenarios(loadConfig({ ...PRODUCTION, WARM_SCENARIOS: 'true' }))).toBe(true);
    expect(shouldWarmScenarios(loadConfig({ NODE_ENV: 'test' }))).toBe(false);
    expect(shouldWarmScenarios(loadConfig({ NODE_ENV: 'development', WARM_SCENARIOS: 'false' }))).toBe(false);
    expect(shouldWarmScenarios(loadConfig({ ...PRODUCTION, WARM_SCENARIOS: '0' }))).toBe(false);
  });

  it('rejects a WARM_SCENARIOS that is not a boolean, naming it', () => {
    expect(() => loadConfig({ WARM_SCENARIOS: 'yes' })).toThrow(/WARM_SCENARIOS/);
  });

  it('runs the list computation once and logs it', async () => {
    let calls = 0;
    const { logged, logger } = lines();
    const service = {
      list: (): Promise<ScenarioListResponse> => {
        calls++;
        return Promise.resolve({ scenarios: [] });
      },
    };
    await warmScenarios(service, logger);
    expect(calls).toBe(1);
    expect(logged).toEqual([{ level: 'info', msg: 'Scenario gallery warmed' }]);
  });

  it('logs a failure instead of throwing it', async () => {
    const { logged, logger } = lines();
    await expect(warmScenarios({ list: () => Promise.reject(new Error('bad scenario')) }, logger)).resolves.toBeUndefined();
    expect(logged.map((l) => l.level)).toEqual(['warn']);
  });
});
