import { Ctx, isNil, obj, optObj, optStr, show, str } from './reader';

/**
 * An `amendement` file of the AN's Amendements export, reduced to what links a scrutin to its text
 * (FORMAT-NOTES §3, method 2): the séance it was discussed in and its number (the scrutin's titre
 * says « l'amendement n° 2194 … » and the scrutin's `seanceRef` is that séance), and the text it
 * amends. The file does not name the dossier: the export's folder layout does
 * (`<dossier>/<texte>/<amendement>.json`), so it is read from the file's location, or from a
 * `dossierRef` key that a bundle packing the files one per line kept from that folder.
 */
export interface Amendement {
  /** `AMANR5L17PO838901BTC1245P0D1N000001` */
  uid: string;
  legislature: number;
  /** identification.numeroLong: `2194`, `CE10`, `I-1176` */
  numero: string;
  texteRef: string;
  /** the séance where it was discussed (= scrutin.seanceRef); null for a commission amendement */
  seanceRef: string | null;
  dossierRef: string | null;
  /** Adopté | Rejeté | Retiré | Tombé | Non soutenu, null while undecided */
  sort: string | null;
}

const UID = /^AMANR5L(\d{1,2})[A-Z0-9]+$/;
const DOSSIER = /^DL[A-Z0-9]+$/;
const FOLDER = /(?:^|[/!\\])(DL[A-Z0-9]+)[/\\][A-Z0-9]+[/\\]AMAN[A-Z0-9]+\.json$/;

export function parseAmendement(json: unknown, source: string): Amendement {
  const ctx = new Ctx(source);
  const a = obj(ctx, obj(ctx, json, '(root)').amendement, 'amendement');
  const uid = str(ctx, a.uid, 'amendement.uid');
  const m = UID.exec(uid);
  if (!m) return ctx.fail('amendement.uid', `expected an amendement uid such as AMANR5L17PO838901BTC1245P0D1N000001, got ${show(uid)}`);
  ctx.uid = uid;
  const id = obj(ctx, a.identification, 'amendement.identification');
  const cycle = optObj(ctx, a.cycleDeVie, 'amendement.cycleDeVie');
  const kept = optStr(ctx, a.dossierRef, 'amendement.dossierRef');
  if (kept !== null && !DOSSIER.test(kept)) ctx.fail('amendement.dossierRef', `expected a dossier uid such as DLR5L17N52428, got ${show(kept)}`);
  return {
    uid,
    legislature: Number(m[1]),
    numero: str(ctx, id.numeroLong, 'amendement.identification.numeroLong'),
    texteRef: str(ctx, a.texteLegislatifRef, 'amendement.texteLegislatifRef'),
    seanceRef: isNil(a.seanceDiscussionRef) ? null : str(ctx, a.seanceDiscussionRef, 'amendement.seanceDiscussionRef'),
    dossierRef: kept ?? FOLDER.exec(source.replace(/:\d+$/, ''))?.[1] ?? null,
    sort: cycle ? optStr(ctx, cycle.sort, 'amendement.cycleDeVie.sort') : null,
  };
}

/**
 * The amendement number a scrutin's titre is about: the first « n° » of « l'amendement n° 65
 * (rect.) de M. … », « le sous-amendement n° 776 … à l'amendement n° 609 » (the sous-amendement,
 * itself an amendement file), « l'amendement de suppression n° 1 … et les amendements identiques
 * suivants » (the first one: the others are settled with it). null for any other scrutin.
 */
export function amendementNumberOf(titre: string): string | null {
  const t = titre.normalize('NFC').trimStart();
  if (!/^(l['’]|les |le )(sous-)?amende?m[a-z]*\b/i.test(t)) return null;
  return /n°\s*([0-9A-Z][0-9A-Z-]*)/.exec(t)?.[1] ?? null;
}
