import { organeRef } from '../ids';
import type { Group } from '../model';
import { idText } from './acteur';
import { Ctx, isObject, obj, optCount, optDate, optStr, str } from './reader';

/**
 * `{"organe": {...}}` (PO….json) → Group. Assemblies (codeType ASSEMBLEE) have no colour,
 * position nor preseance: those are null. Nil objects stand for null.
 */
export function parseOrgane(json: unknown, source: string): Group {
  const ctx = new Ctx(source);
  const o = obj(ctx, obj(ctx, json, '(root)').organe, 'organe');
  const ref = organeRef(idText(ctx, o.uid, 'organe.uid'));
  ctx.uid = ref;
  const viMoDe = isObject(o.viMoDe) ? o.viMoDe : {};
  return {
    ref,
    kind: str(ctx, o.codeType, 'organe.codeType'),
    name: str(ctx, o.libelle, 'organe.libelle'),
    abbreviation: optStr(ctx, o.libelleAbrege, 'organe.libelleAbrege'),
    colour: optStr(ctx, o.couleurAssociee, 'organe.couleurAssociee'),
    politicalPosition: optStr(ctx, o.positionPolitique, 'organe.positionPolitique'),
    legislature: optCount(ctx, o.legislature, 'organe.legislature'),
    startDate: optDate(ctx, viMoDe.dateDebut, 'organe.viMoDe.dateDebut'),
    endDate: optDate(ctx, viMoDe.dateFin, 'organe.viMoDe.dateFin'),
    preseance: optCount(ctx, o.preseance, 'organe.preseance'),
  };
}
