import { ScrutinDetailSchema, ScrutinListResponseSchema, type ScrutinListQueryInput } from '@parallele/core';
import { cleanParams, get } from '../../lib/api';

export const fetchScrutins = (query: ScrutinListQueryInput) => get(ScrutinListResponseSchema, '/scrutins', cleanParams(query as Record<string, unknown>));

export const fetchScrutin = (uid: string) => get(ScrutinDetailSchema, `/scrutins/${encodeURIComponent(uid)}`);
