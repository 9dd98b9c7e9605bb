import { builderParams, ScenarioBuilderResponseSchema, type ScenarioBuilderQuery } from '@parallele/core';
import { get } from '../../lib/api';

/** GET /api/scenario-builder: the scenario file, figures, table and charts (drawn in `lang`) of a builder state. */
export const fetchBuiltScenario = (query: ScenarioBuilderQuery, lang: 'fr' | 'en') =>
  get(ScenarioBuilderResponseSchema, '/scenario-builder', { ...Object.fromEntries(builderParams(query)), lang });
