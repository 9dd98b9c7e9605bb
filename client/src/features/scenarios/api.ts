import { ScenarioDetailResponseSchema, ScenarioListResponseSchema } from '@parallele/core';
import { get } from '../../lib/api';

/** `lang`: the page's language, in which the server draws the charts (their titles, axes, legends). */
export const fetchScenarios = (lang: 'fr' | 'en') => get(ScenarioListResponseSchema, `/scenarios?lang=${lang}`);
export const fetchScenario = (name: string, lang: 'fr' | 'en') => get(ScenarioDetailResponseSchema, `/scenarios/${encodeURIComponent(name)}?lang=${lang}`);
