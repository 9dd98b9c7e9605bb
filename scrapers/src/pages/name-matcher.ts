import type { ActeurRef } from '@parallele/core';
import { nameKey } from './text';
import type { KnownDeputy, KnownGroup } from './types';

/**
 * Matches names printed on old-layout pages ("Iñaki Echaniz", "Charles de Courson") to acteurs.
 * Only a full first+last name match counts: last names alone collide (two Habib in L14).
 */
export class NameMatcher {
  private readonly byKey = new Map<string, ActeurRef[]>();

  constructor(deputies: readonly KnownDeputy[]) {
    for (const d of deputies) {
      const key = nameKey(`${d.firstName} ${d.lastName}`);
      const refs = this.byKey.get(key) ?? [];
      if (!refs.includes(d.ref)) refs.push(d.ref);
      this.byKey.set(key, refs);
    }
  }

  /** The acteur of that name, or why there is none. */
  match(firstName: string, lastName: string): { ref: ActeurRef } | { reason: 'no-match' | 'ambiguous' } {
    const refs = this.byKey.get(nameKey(`${firstName} ${lastName}`)) ?? [];
    if (refs.length === 1 && refs[0]) return { ref: refs[0] };
    return { reason: refs.length === 0 ? 'no-match' : 'ambiguous' };
  }
}

/** "Groupe écologiste" ↔ organe libelle "Écologiste"; "Non inscrits" ↔ "Députés non inscrits". */
export function groupKey(name: string): string {
  return nameKey(name)
    .replace(/^groupe (de l |de la |des |du |de )?/, '')
    .replace(/^deputes /, '');
}

export function resolveGroup(name: string, groups: readonly KnownGroup[], legislature: number): KnownGroup | null {
  const key = groupKey(name);
  const candidates = groups.filter((g) => groupKey(g.name) === key && (g.legislature == null || g.legislature === legislature));
  return candidates.length === 1 ? (candidates[0] ?? null) : null;
}
