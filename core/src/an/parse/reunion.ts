import { voteExpectedOf, type AgendaPoint, type AgendaSitting } from '../../agenda/model';
import { Ctx, isNil, list, obj, optObj, optStr, show, str } from './reader';

/** A `reunion` file: a séance publique of the AN, or another meeting the agenda does not keep. */
export type ParsedReunion =
  | { kind: 'seance'; value: AgendaSitting }
  /** commission meetings, study groups, Sénat séances (they are in the AN feed): not ours */
  | { kind: 'other'; uid: string; type: string };

const UID = /^RU(AN|SN)R5L(\d{1,2})S\d{4}ID[A-Z]+\d+$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function instant(ctx: Ctx, v: unknown, path: string): string {
  const s = str(ctx, v, path);
  if (!ISO.test(s) || Number.isNaN(Date.parse(s))) ctx.fail(path, `expected an ISO 8601 time with its offset, got ${show(v)}`);
  return s;
}

const optInstant = (ctx: Ctx, v: unknown, path: string): string | null => (isNil(v) ? null : instant(ctx, v, path));

/**
 * `{"reunion": {...}}` → a séance publique with its agenda points. Quirks handled (FORMAT-NOTES §1):
 * `pointsODJ.pointODJ` is an object for a single point and an array otherwise; `ODJ` or
 * `pointsODJ` may be null; `dossiersLegislatifsRefs` is null or holds one `dossierRef` (a list is
 * accepted, its first element kept, as the schema allows several).
 */
export function parseReunion(json: unknown, source: string): ParsedReunion {
  const ctx = new Ctx(source);
  const r = obj(ctx, obj(ctx, json, '(root)').reunion, 'reunion');
  const uid = str(ctx, r.uid, 'reunion.uid');
  const m = UID.exec(uid);
  if (!m) return ctx.fail('reunion.uid', `expected a réunion uid such as RUANR5L17S2026IDS29952, got ${show(uid)}`);
  ctx.uid = uid;
  const type = str(ctx, r['@xsi:type'], 'reunion.@xsi:type');
  if (type !== 'seance_type' || m[1] !== 'AN') return { kind: 'other', uid, type: m[1] === 'AN' ? type : `${type} (Sénat)` };

  const cycle = obj(ctx, r.cycleDeVie, 'reunion.cycleDeVie');
  const chrono = optObj(ctx, cycle.chrono, 'reunion.cycleDeVie.chrono');
  const ids = optObj(ctx, r.identifiants, 'reunion.identifiants');
  const odj = optObj(ctx, r.ODJ, 'reunion.ODJ');
  const points = odj ? optObj(ctx, odj.pointsODJ, 'reunion.ODJ.pointsODJ') : null;
  const items = points ? list(ctx, points.pointODJ, 'reunion.ODJ.pointsODJ.pointODJ') : [];

  return {
    kind: 'seance',
    value: {
      uid,
      legislature: Number(m[2]),
      sessionRef: optStr(ctx, r.sessionRef, 'reunion.sessionRef'),
      organeRef: str(ctx, r.organeReuniRef, 'reunion.organeReuniRef'),
      start: instant(ctx, r.timeStampDebut, 'reunion.timeStampDebut'),
      end: optInstant(ctx, r.timeStampFin, 'reunion.timeStampFin'),
      state: str(ctx, cycle.etat, 'reunion.cycleDeVie.etat'),
      quantieme: ids ? optStr(ctx, ids.quantieme, 'reunion.identifiants.quantieme') : null,
      compteRenduRef: optStr(ctx, r.compteRenduRef, 'reunion.compteRenduRef'),
      createdAt: chrono ? optInstant(ctx, chrono.creation, 'reunion.cycleDeVie.chrono.creation') : null,
      closedAt: chrono ? optInstant(ctx, chrono.cloture, 'reunion.cycleDeVie.chrono.cloture') : null,
      points: items.map((item, ordinal) => parsePoint(ctx, item.value, item.path, ordinal, uid)),
    },
  };
}

function parsePoint(ctx: Ctx, v: unknown, path: string, ordinal: number, sittingUid: string): AgendaPoint {
  const p = obj(ctx, v, path);
  const uid = str(ctx, p.uid, `${path}.uid`);
  if (!uid.startsWith(`${sittingUid}PT`)) ctx.fail(`${path}.uid`, `expected ${sittingUid}PT…, got ${show(uid)}`);
  const cycle = obj(ctx, p.cycleDeVie, `${path}.cycleDeVie`);
  const refs = optObj(ctx, p.dossiersLegislatifsRefs, `${path}.dossiersLegislatifsRefs`);
  const dossiers = refs ? (Array.isArray(refs.dossierRef) ? (refs.dossierRef as unknown[]) : [refs.dossierRef]) : [];
  const dossierRef = dossiers.length === 0 ? null : optStr(ctx, dossiers[0], `${path}.dossiersLegislatifsRefs.dossierRef`);
  const type = str(ctx, p.typePointODJ, `${path}.typePointODJ`).normalize('NFC');
  const objet = (optStr(ctx, p.objet, `${path}.objet`) ?? '').normalize('NFC').trim();
  return {
    uid,
    ordinal,
    state: str(ctx, cycle.etat, `${path}.cycleDeVie.etat`),
    type,
    objet,
    dossierRef,
    procedure: optStr(ctx, p.procedure, `${path}.procedure`),
    tentative: /^[ÉE]ventuellement\b/i.test(objet),
    voteExpected: voteExpectedOf(type, objet, dossierRef),
  };
}
