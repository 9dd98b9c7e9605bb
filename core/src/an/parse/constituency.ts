import { idText } from './acteur';
import { Ctx, isObject, list, obj, optCount, optDate, optStr, str } from './reader';

/** A deputy's seat: the constituency of one ASSEMBLEE mandate (from the acteur's `mandats`). */
export interface Constituency {
  acteurRef: string;
  mandatRef: string;
  legislature: number;
  departement: string;
  /** `75`, `2A`, `971`, `099` (French abroad) */
  numDepartement: string;
  numCirco: number;
  startDate: string | null;
  endDate: string | null;
}

/**
 * The constituencies of an acteur's Assemblée mandates ("Mon député·e": find one's deputy by
 * département and circonscription). Mandates without an election place (none in the L16/L17
 * files, but the schema allows it) are left out.
 */
export function parseConstituencies(json: unknown, source: string): Constituency[] {
  const ctx = new Ctx(source);
  const a = obj(ctx, obj(ctx, json, '(root)').acteur, 'acteur');
  const acteurRef = idText(ctx, a.uid, 'acteur.uid');
  ctx.uid = acteurRef;
  const mandats = isObject(a.mandats) ? a.mandats : {};
  const out: Constituency[] = [];
  for (const item of list(ctx, mandats.mandat, 'acteur.mandats.mandat')) {
    const m = obj(ctx, item.value, item.path);
    if (m.typeOrgane !== 'ASSEMBLEE') continue;
    const election = isObject(m.election) ? m.election : null;
    const lieu = election && isObject(election.lieu) ? election.lieu : null;
    if (!lieu || optStr(ctx, lieu.numCirco, `${item.path}.election.lieu.numCirco`) === null) continue;
    out.push({
      acteurRef,
      mandatRef: str(ctx, m.uid, `${item.path}.uid`),
      legislature: optCount(ctx, m.legislature, `${item.path}.legislature`) ?? 0,
      departement: str(ctx, lieu.departement, `${item.path}.election.lieu.departement`),
      numDepartement: str(ctx, lieu.numDepartement, `${item.path}.election.lieu.numDepartement`),
      numCirco: optCount(ctx, lieu.numCirco, `${item.path}.election.lieu.numCirco`)!,
      startDate: optDate(ctx, m.dateDebut, `${item.path}.dateDebut`),
      endDate: optDate(ctx, m.dateFin, `${item.path}.dateFin`),
    });
  }
  return out;
}
