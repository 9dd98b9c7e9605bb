import { isLivePoint, type AgendaPoint, type AgendaSitting, type VoteKind } from './model';

/**
 * What "now" means for the agenda, and the upcoming business from it. Pure: the clock is passed in.
 *
 * - `as-of`: AS_OF replays an instant (tests, demos): the whole server runs from it.
 * - `snapshot`: the agenda in the store is older than the clock (the bundled data, taken on
 *   18 Nov 2025, or a sync that stopped): the agenda is read as of the end of the snapshot's day
 *   (Paris time), and labelled with that date, rather than showing nothing at all.
 * - `live`: the real clock.
 */
export type AgendaClockSource = 'live' | 'as-of' | 'snapshot';

export interface AgendaClock {
  now: Date;
  source: AgendaClockSource;
  /** YYYY-MM-DD of the replayed date or of the snapshot; null when live */
  asOfDate: string | null;
}

const PARIS_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/** YYYY-MM-DD of an instant in Paris time (the Assemblée's calendar). */
export const parisDate = (at: Date): string => PARIS_DAY.format(at);

/** The last instant of a Paris calendar day. */
export function endOfParisDay(day: string): Date {
  // Paris is UTC+1 or UTC+2: take the later of the two candidates that still falls on `day`.
  for (const offset of ['+01:00', '+02:00']) {
    const candidate = new Date(`${day}T23:59:59.999${offset}`);
    if (parisDate(candidate) === day) return candidate;
  }
  return new Date(`${day}T23:59:59.999+01:00`);
}

/**
 * The agenda's clock. `snapshotAt` is the latest instant the imported agenda attests (null: no
 * agenda); `asOf` is the AS_OF setting. The snapshot wins only when it is from an earlier day than
 * the clock: a fresh sync reads the agenda against the real clock.
 */
export function agendaClock(clockNow: Date, asOf: Date | null, snapshotAt: Date | null): AgendaClock {
  if (asOf) return { now: clockNow, source: 'as-of', asOfDate: parisDate(clockNow) };
  if (snapshotAt && parisDate(snapshotAt) < parisDate(clockNow)) {
    const day = parisDate(snapshotAt);
    return { now: endOfParisDay(day), source: 'snapshot', asOfDate: day };
  }
  return { now: clockNow, source: 'live', asOfDate: null };
}

/** Confirmed sittings starting after `now`, soonest first, with their confirmed points only. */
export function upcomingSittings(sittings: readonly AgendaSitting[], now: Date): AgendaSitting[] {
  const t = now.getTime();
  return sittings
    .filter((s) => s.state === 'Confirmé' && Date.parse(s.start) > t)
    .map((s) => ({ ...s, points: s.points.filter((p) => isLivePoint(s, p)) }))
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.uid.localeCompare(b.uid));
}

/** How decisive a kind of vote is: the question on a text closes before its most decisive sitting. */
const WEIGHT: Record<VoteKind, number> = { solennel: 3, 'scrutin-public': 3, declaration: 2, discussion: 1 };

export interface TextAgenda {
  dossierRef: string;
  /** objet of the most decisive point (the vote solennel when there is one) */
  title: string;
  /** the most decisive kind of vote expected, and the sitting where it happens */
  voteKind: VoteKind;
  decisiveSittingUid: string;
  decisiveStart: string;
  /** the sitting where the text comes up first (its first votes, on amendments, happen there) */
  firstStart: string;
  items: { sittingUid: string; start: string; point: AgendaPoint }[];
}

/**
 * The upcoming business grouped by text (dossierRef): every point that leads to a vote. The most
 * decisive point is the latest vote solennel / scrutin public on the text, else its first
 * discussion (amendments are voted from the first sitting on).
 */
export function groupByText(upcoming: readonly AgendaSitting[]): TextAgenda[] {
  const byText = new Map<string, TextAgenda['items']>();
  for (const s of upcoming) {
    for (const point of s.points) {
      if (!point.voteExpected || !point.dossierRef) continue;
      const items = byText.get(point.dossierRef) ?? [];
      items.push({ sittingUid: s.uid, start: s.start, point });
      byText.set(point.dossierRef, items);
    }
  }
  const texts: TextAgenda[] = [];
  for (const [dossierRef, items] of byText) {
    items.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    let decisive = items[0]!;
    for (const item of items) {
      if (WEIGHT[item.point.voteExpected!] > WEIGHT[decisive.point.voteExpected!]) decisive = item;
    }
    texts.push({
      dossierRef,
      title: decisive.point.objet,
      voteKind: decisive.point.voteExpected!,
      decisiveSittingUid: decisive.sittingUid,
      decisiveStart: decisive.start,
      firstStart: items[0]!.start,
      items,
    });
  }
  return texts.sort((a, b) => Date.parse(a.decisiveStart) - Date.parse(b.decisiveStart) || a.dossierRef.localeCompare(b.dossierRef));
}
