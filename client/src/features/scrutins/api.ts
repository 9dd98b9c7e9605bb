import { ScrutinDetailSchema, ScrutinListResponseSchema, type ScrutinListQueryInput } from '@parallele/core';
import { cleanParams, get } from '../../lib/api';

/** `assembly` (issue 15) picks the list: the AN's at /scrutins, another assembly's at /assemblies/{id}/scrutins. */
export const fetchScrutins = ({ assembly, ...query }: ScrutinListQueryInput & { assembly?: string }) =>
  get(ScrutinListResponseSchema, assembly && assembly !== 'an' ? `/assemblies/${encodeURIComponent(assembly)}/scrutins` : '/scrutins', cleanParams(query as Record<string, unknown>));

export const fetchScrutin = (uid: string) => get(ScrutinDetailSchema, `/scrutins/${encodeURIComponent(uid)}`);
