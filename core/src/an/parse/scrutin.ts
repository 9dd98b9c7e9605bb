import { acteurRef, mandatRef, organeRef, scrutinUid } from '../ids';
import {
  OUTCOMES,
  VOTE_TYPES,
  type DeputyVote,
  type GroupVote,
  type MiseAuPoint,
  type MiseAuPointPosition,
  type Position,
  type Scrutin,
  type Totals,
} from '../model';
import { unattributedGroup } from '../../assemblies/quality';
import { Ctx, count, date, isNil, list, obj, oneOf, optBool, optCount, optObj, optStr, show, str } from './reader';

/**
 * `{"scrutin": {...}}` (one official VTANR5L…json) → Scrutin. Every quirk of FORMAT.md is accepted;
 * anything else throws an AnParseError naming the uid/source and the JSON path.
 *
 * Consistency checks. ERRORS (they hold in all 4,069 bundled files, and a file breaking them
 * cannot be simulated faithfully):
 *   - votants = pour + contre + abstentions, exprimés = pour + contre (syntheseVote);
 *   - outcome adopté ⇔ pour ≥ nbrSuffragesRequis;
 *   - Σ groups pour / contre / abstentions ≤ syntheseVote's (more votes than announced);
 *   - the uid ends with `L{legislature}V{numero}` (it is the identity of the record).
 * TOLERATED (real exceptions exist, the official counts stay authoritative):
 *   - Σ groups pour / contre / abstentions < syntheseVote's (deputies of a group created after the
 *     export's group list, or not attributed): the difference becomes one more breakdown entry,
 *     UNATTRIBUTED_GROUP_REF, and qualityWarnings() reports it (issue 15);
 *   - Σ groups nonVotants ≠ decompte.nonVotants (VTANR5L17V1: 21 listed vs 10 announced);
 *   - a nominative list shorter/longer than its decompteVoix count (VTANR5L16V1927, 1929, 1930,
 *     1948: GDR's count exceeds its list by 1);
 *   - nbrSuffragesRequis is taken as published (the Congrès needs 3/5, MOC the absolute majority
 *     of members in office: no formula is checked; the simulator reads the rule from typeMajorite,
 *     see majorityRuleOf).
 */

const POSITION_KEYS: Record<string, Position> = {
  pours: 'pour',
  pour: 'pour',
  contres: 'contre',
  contre: 'contre',
  abstentions: 'abstention',
  abstention: 'abstention',
  nonVotants: 'nonVotant',
  nonVotant: 'nonVotant',
};

const MAP_KEYS: Record<string, MiseAuPointPosition> = {
  ...POSITION_KEYS,
  nonVotantsVolontaires: 'nonVotantVolontaire',
  nonVotantVolontaire: 'nonVotantVolontaire',
};

const MAJORITY_POSITIONS = ['pour', 'contre', 'abstention'] as const;

export function parseScrutin(json: unknown, source: string): Scrutin {
  const ctx = new Ctx(source);
  const root = obj(ctx, json, '(root)');
  const s = obj(ctx, root.scrutin, 'scrutin');
  ctx.uid = typeof s.uid === 'string' && s.uid !== '' ? s.uid : null;
  const uid = str(ctx, s.uid, 'scrutin.uid');
  const legislature = count(ctx, s.legislature, 'scrutin.legislature');
  const numero = count(ctx, s.numero, 'scrutin.numero');
  if (!uid.endsWith(`L${legislature}V${numero}`)) {
    ctx.fail('scrutin.uid', `expected a uid ending with L${legislature}V${numero} (legislature, numero), got ${show(uid)}`);
  }

  const typeVote = obj(ctx, s.typeVote, 'scrutin.typeVote');
  const sort = obj(ctx, s.sort, 'scrutin.sort');
  const demandeur = optObj(ctx, s.demandeur, 'scrutin.demandeur');
  const objet = optObj(ctx, s.objet, 'scrutin.objet');
  const synthese = obj(ctx, s.syntheseVote, 'scrutin.syntheseVote');
  const totals = parseTotals(ctx, synthese);
  const outcome = oneOf(ctx, sort.code, 'scrutin.sort.code', OUTCOMES);
  if ((outcome === 'adopté') !== totals.pour >= totals.requis) {
    ctx.fail(
      'scrutin.sort.code',
      `"${outcome}" contradicts the counts (pour ${totals.pour}, nbrSuffragesRequis ${totals.requis})`,
    );
  }

  const { groups, deputies } = parseVentilation(ctx, s.ventilationVotes, totals);
  return {
    uid: scrutinUid(uid),
    legislature,
    numero,
    organeRef: organeRef(str(ctx, s.organeRef, 'scrutin.organeRef')),
    sessionRef: optStr(ctx, s.sessionRef, 'scrutin.sessionRef'),
    seanceRef: optStr(ctx, s.seanceRef, 'scrutin.seanceRef'),
    date: date(ctx, s.dateScrutin, 'scrutin.dateScrutin'),
    sittingOfDay: optCount(ctx, s.quantiemeJourSeance, 'scrutin.quantiemeJourSeance'),
    type: oneOf(ctx, typeVote.codeTypeVote, 'scrutin.typeVote.codeTypeVote', VOTE_TYPES),
    typeLabel: optStr(ctx, typeVote.libelleTypeVote, 'scrutin.typeVote.libelleTypeVote'),
    majorityLabel: optStr(ctx, typeVote.typeMajorite, 'scrutin.typeVote.typeMajorite'),
    outcome,
    outcomeLabel: optStr(ctx, sort.libelle, 'scrutin.sort.libelle'),
    titre: str(ctx, s.titre, 'scrutin.titre'),
    objet: objet ? optStr(ctx, objet.libelle, 'scrutin.objet.libelle') : null,
    demandeur: demandeur ? optStr(ctx, demandeur.texte, 'scrutin.demandeur.texte') : null,
    place: optStr(ctx, s.lieuVote, 'scrutin.lieuVote'),
    announcement: optStr(ctx, synthese.annonce, 'scrutin.syntheseVote.annonce'),
    totals,
    groups,
    deputies,
    misesAuPoint: parseMisesAuPoint(ctx, s.miseAuPoint),
  };
}

function parseTotals(ctx: Ctx, synthese: Record<string, unknown>): Totals {
  const p = 'scrutin.syntheseVote';
  const d = obj(ctx, synthese.decompte, `${p}.decompte`);
  const t: Totals = {
    pour: count(ctx, d.pour, `${p}.decompte.pour`),
    contre: count(ctx, d.contre, `${p}.decompte.contre`),
    abstentions: count(ctx, d.abstentions, `${p}.decompte.abstentions`),
    nonVotants: count(ctx, d.nonVotants, `${p}.decompte.nonVotants`),
    votants: count(ctx, synthese.nombreVotants, `${p}.nombreVotants`),
    exprimes: count(ctx, synthese.suffragesExprimes, `${p}.suffragesExprimes`),
    requis: count(ctx, synthese.nbrSuffragesRequis, `${p}.nbrSuffragesRequis`),
  };
  if (t.votants !== t.pour + t.contre + t.abstentions) {
    ctx.fail(`${p}.nombreVotants`, `${t.votants} is not pour + contre + abstentions (${t.pour} + ${t.contre} + ${t.abstentions})`);
  }
  if (t.exprimes !== t.pour + t.contre) {
    ctx.fail(`${p}.suffragesExprimes`, `${t.exprimes} is not pour + contre (${t.pour} + ${t.contre})`);
  }
  return t;
}

function parseVentilation(ctx: Ctx, v: unknown, totals: Totals): { groups: GroupVote[]; deputies: DeputyVote[] } {
  const p = 'scrutin.ventilationVotes';
  const organe = obj(ctx, obj(ctx, v, p).organe, `${p}.organe`);
  const groupes = obj(ctx, organe.groupes, `${p}.organe.groupes`);
  const items = list(ctx, groupes.groupe, `${p}.organe.groupes.groupe`);
  if (items.length === 0) ctx.fail(`${p}.organe.groupes.groupe`, 'expected at least one groupe, got none');
  const groups: GroupVote[] = [];
  const deputies: DeputyVote[] = [];
  const sum = { pour: 0, contre: 0, abstentions: 0 };
  for (const { value, path } of items) {
    const g = obj(ctx, value, path);
    const ref = organeRef(str(ctx, g.organeRef, `${path}.organeRef`));
    const vote = obj(ctx, g.vote, `${path}.vote`);
    const dv = obj(ctx, vote.decompteVoix, `${path}.vote.decompteVoix`);
    const group: GroupVote = {
      organeRef: ref,
      members: count(ctx, g.nombreMembresGroupe, `${path}.nombreMembresGroupe`),
      pour: count(ctx, dv.pour, `${path}.vote.decompteVoix.pour`),
      contre: count(ctx, dv.contre, `${path}.vote.decompteVoix.contre`),
      abstentions: count(ctx, dv.abstentions, `${path}.vote.decompteVoix.abstentions`),
      nonVotants: count(ctx, dv.nonVotants, `${path}.vote.decompteVoix.nonVotants`),
      majorityPosition: oneOf(ctx, vote.positionMajoritaire, `${path}.vote.positionMajoritaire`, MAJORITY_POSITIONS),
    };
    sum.pour += group.pour;
    sum.contre += group.contre;
    sum.abstentions += group.abstentions;
    groups.push(group);
    const dn = optObj(ctx, vote.decompteNominatif, `${path}.vote.decompteNominatif`);
    if (dn) {
      for (const [key, bucket] of Object.entries(dn)) {
        if (key.startsWith('@')) continue;
        const position = POSITION_KEYS[key];
        const kp = `${path}.vote.decompteNominatif.${key}`;
        if (!position) ctx.fail(kp, `unknown position key (expected one of ${Object.keys(POSITION_KEYS).join(', ')})`);
        for (const voter of votants(ctx, bucket, kp)) {
          const x = obj(ctx, voter.value, voter.path);
          deputies.push({
            acteurRef: acteurRef(str(ctx, x.acteurRef, `${voter.path}.acteurRef`)),
            mandatRef: optRef(ctx, x.mandatRef, `${voter.path}.mandatRef`),
            organeRef: ref,
            position,
            byProxy: optBool(ctx, x.parDelegation, `${voter.path}.parDelegation`),
            cause: optStr(ctx, x.causePositionVote, `${voter.path}.causePositionVote`),
            seat: optStr(ctx, x.numPlace, `${voter.path}.numPlace`),
          });
        }
      }
    }
  }
  for (const k of ['pour', 'contre', 'abstentions'] as const) {
    if (sum[k] > totals[k]) {
      // more votes in the groups than announced: no honest reading of that record exists
      ctx.fail(`${p}.organe.groupes.groupe`, `the groups' ${k} add up to ${sum[k]}, but syntheseVote.decompte.${k} is ${totals[k]} (more votes than announced)`);
    }
  }
  const missing = { pour: totals.pour - sum.pour, contre: totals.contre - sum.contre, abstentions: totals.abstentions - sum.abstentions };
  // fewer: the official totals win; the difference is carried as votes not attributed to a group
  if (missing.pour + missing.contre + missing.abstentions > 0) groups.push(unattributedGroup(missing));
  return { groups, deputies };
}

/** `null` or `{"votant": obj | array}` → the listed votants with their paths. */
function votants(ctx: Ctx, bucket: unknown, path: string): { value: unknown; path: string }[] {
  if (isNil(bucket)) return [];
  const b = obj(ctx, bucket, path);
  return list(ctx, b.votant, `${path}.votant`);
}

function optRef(ctx: Ctx, v: unknown, path: string) {
  const s = optStr(ctx, v, path);
  return s === null ? null : mandatRef(s);
}

/**
 * miseAuPoint: null (L16), or an object whose entries are null, `{votant}`, or the `[null, X]`
 * 2-element arrays of the L17 export; `dysfonctionnement` holds the same shape (singular keys) for
 * voting-machine malfunctions.
 */
function parseMisesAuPoint(ctx: Ctx, v: unknown): MiseAuPoint[] {
  const p = 'scrutin.miseAuPoint';
  const map = optObj(ctx, v, p);
  if (!map) return [];
  const out: MiseAuPoint[] = [];
  const read = (o: Record<string, unknown>, base: string, malfunction: boolean) => {
    for (const [key, entry] of Object.entries(o)) {
      if (key.startsWith('@') || (key === 'dysfonctionnement' && !malfunction)) continue;
      const position = MAP_KEYS[key];
      const kp = `${base}.${key}`;
      if (!position) ctx.fail(kp, `unknown position key (expected one of ${Object.keys(MAP_KEYS).join(', ')})`);
      const buckets = Array.isArray(entry) ? entry.map((value, i) => ({ value, path: `${kp}[${i}]` })) : [{ value: entry, path: kp }];
      for (const bucket of buckets) {
        for (const voter of votants(ctx, bucket.value, bucket.path)) {
          const x = obj(ctx, voter.value, voter.path);
          out.push({
            acteurRef: acteurRef(str(ctx, x.acteurRef, `${voter.path}.acteurRef`)),
            mandatRef: optRef(ctx, x.mandatRef, `${voter.path}.mandatRef`),
            position,
            malfunction,
          });
        }
      }
    }
  };
  read(map, p, false);
  const dys = optObj(ctx, map.dysfonctionnement, `${p}.dysfonctionnement`);
  if (dys) read(dys, `${p}.dysfonctionnement`, true);
  return out;
}
