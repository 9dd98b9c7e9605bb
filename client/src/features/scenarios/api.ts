import { ScenarioDetailResponseSchema, ScenarioListResponseSchema } from '@parallele/core';
import { get } from '../../lib/api';

export const fetchScenarios = () => get(ScenarioListResponseSchema, '/scenarios');
export const fetchScenario = (name: string) => get(ScenarioDetailResponseSchema, `/scenarios/${encodeURIComponent(name)}`);
