import { builderParams, ScenarioBuilderResponseSchema, type ScenarioBuilderQuery } from '@parallele/core';
import { get } from '../../lib/api';

/** GET /api/scenario-builder: the scenario file, figures, table and charts of a builder state. */
export const fetchBuiltScenario = (query: ScenarioBuilderQuery) => get(ScenarioBuilderResponseSchema, '/scenario-builder', Object.fromEntries(builderParams(query)));
