import { acteurRef, organeRef, type OrganeRef } from '../ids';
import type { Deputy } from '../model';
import { Ctx, isObject, list, obj, optDate, optStr, show, str } from './reader';

/**
 * `{"acteur": {...}}` (PA….json) → Deputy. `uid` is an object with `#text` in the official files
 * (a plain string is accepted too); `mandats` may be absent (former deputies); nil objects stand
 * for null. The group is that of the newest GP mandate in the file — informative only: the group
 * a deputy voted with comes from the scrutin.
 */
export function parseActeur(json: unknown, source: string): Deputy {
  const ctx = new Ctx(source);
  const a = obj(ctx, obj(ctx, json, '(root)').acteur, 'acteur');
  const ref = acteurRef(idText(ctx, a.uid, 'acteur.uid'));
  ctx.uid = ref;
  const etatCivil = obj(ctx, a.etatCivil, 'acteur.etatCivil');
  const ident = obj(ctx, etatCivil.ident, 'acteur.etatCivil.ident');
  const naissance = isObject(etatCivil.infoNaissance) ? etatCivil.infoNaissance : null;
  return {
    ref,
    civility: optStr(ctx, ident.civ, 'acteur.etatCivil.ident.civ'),
    firstName: str(ctx, ident.prenom, 'acteur.etatCivil.ident.prenom'),
    lastName: str(ctx, ident.nom, 'acteur.etatCivil.ident.nom'),
    alpha: optStr(ctx, ident.alpha, 'acteur.etatCivil.ident.alpha'),
    birthDate: naissance ? optDate(ctx, naissance.dateNais, 'acteur.etatCivil.infoNaissance.dateNais') : null,
    groupRef: newestGroup(ctx, a.mandats),
  };
}

/** A uid written as `"PA1008"` or as `{"@xsi:type": "IdActeur_type", "#text": "PA1008"}`. */
export function idText(ctx: Ctx, v: unknown, path: string): string {
  if (typeof v === 'string') return str(ctx, v, path);
  if (isObject(v) && typeof v['#text'] === 'string') return str(ctx, v['#text'], `${path}.#text`);
  return ctx.fail(path, `expected an id string or an object with #text, got ${show(v)}`);
}

function newestGroup(ctx: Ctx, mandats: unknown): OrganeRef | null {
  if (mandats === undefined || mandats === null) return null;
  const m = obj(ctx, mandats, 'acteur.mandats');
  let best: { start: string; ref: string } | null = null;
  for (const { value, path } of list(ctx, m.mandat, 'acteur.mandats.mandat')) {
    const mandat = obj(ctx, value, path);
    if (mandat.typeOrgane !== 'GP') continue;
    const organes = obj(ctx, mandat.organes, `${path}.organes`);
    const refs = Array.isArray(organes.organeRef) ? organes.organeRef : [organes.organeRef];
    const ref = str(ctx, refs[0], `${path}.organes.organeRef`);
    const start = optDate(ctx, mandat.dateDebut, `${path}.dateDebut`) ?? '';
    if (!best || start > best.start) best = { start, ref };
  }
  return best ? organeRef(best.ref) : null;
}
