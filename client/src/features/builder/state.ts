import { BUILDER_DEFAULTS, builderParams, parseBuilderParams, type ScenarioBuilderQuery } from '@parallele/core';

/** The builder's state from the page's URL: the defaults when the URL says nothing. */
export function builderStateOf(params: URLSearchParams): { query: ScenarioBuilderQuery; errors: string[] } {
  if ([...params.keys()].length === 0) return { query: { ...BUILDER_DEFAULTS, leg: [...BUILDER_DEFAULTS.leg], w: [...BUILDER_DEFAULTS.w], mode: [...BUILDER_DEFAULTS.mode] }, errors: [] };
  return parseBuilderParams(params);
}

/** The page's permalink for a state (a site path). */
export const builderPath = (query: ScenarioBuilderQuery) => `/scenarios/builder?${builderParams(query).toString()}`;

/** `VTANR5L16V1240, VTANR5L17V519 …` → the uids, upper-cased, in order, without duplicates. */
export const uidsOf = (text: string) => [...new Set(text.split(/[\s,;]+/).map((s) => s.trim().toUpperCase()).filter(Boolean))];
