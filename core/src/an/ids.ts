/** Branded identifiers: a scrutin uid can never be passed where an acteur ref is expected. */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** `VTANR5L17V519`, `VTCGR5L16V1` */
export type ScrutinUid = Brand<string, 'ScrutinUid'>;
/** `PA720256` — a deputy (or senator, in the Congrès) */
export type ActeurRef = Brand<string, 'ActeurRef'>;
/** `PM840294` — one mandate of an acteur */
export type MandatRef = Brand<string, 'MandatRef'>;
/** `PO845401` — a group, an assembly, a committee… `PO0` is a real dangling ref. */
export type OrganeRef = Brand<string, 'OrganeRef'>;

export const scrutinUid = (s: string) => s as ScrutinUid;
export const acteurRef = (s: string) => s as ActeurRef;
export const mandatRef = (s: string) => s as MandatRef;
export const organeRef = (s: string) => s as OrganeRef;
