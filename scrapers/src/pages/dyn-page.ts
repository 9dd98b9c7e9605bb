import * as cheerio from 'cheerio';
import {
  acteurRef,
  mandatRef,
  organeRef,
  type ActeurRef,
  type DeputyVote,
  type GroupVote,
  type MiseAuPoint,
  type MiseAuPointPosition,
  type Position,
} from '@parallele/core';
import { PageParseError } from './errors';
import { buildScrutin, causeOf, majorityOf, type ListedKey, type SynthesisCounts } from './scrutin-builder';
import { cleanText, firstInt, frenchDate, nameKey, sittingOrdinal } from './text';
import type { PageGroup, ParsePageOptions, ScrapedScrutin, UnmatchedDeputy } from './types';

/** Parser of the current layout, `/dyn/{legislature}/scrutins/{numero}` (FORMAT.md §10). */

const POSITION_LABELS: Record<string, Position> = {
  pour: 'pour',
  contre: 'contre',
  abstention: 'abstention',
  'non votant': 'nonVotant',
  'non votants': 'nonVotant',
};

const GROUP_KEY: Record<Position, 'pour' | 'contre' | 'abstentions' | 'nonVotants'> = {
  pour: 'pour',
  contre: 'contre',
  abstention: 'abstentions',
  nonVotant: 'nonVotants',
};

type Api = cheerio.CheerioAPI;
/** A cheerio selection (cheerio re-exports the node types only through its selections). */
type Selection = ReturnType<Api>;

/** The `<b>` number of the first element whose text starts with the label. */
function labelledCount($: Api, page: string, selector: string, label: RegExp): number {
  const el = $(selector).filter((_, e) => label.test(cleanText($(e).text()))).first();
  const n = el.length ? firstInt(el.find('b').first().text()) : null;
  if (n === null) throw new PageParseError(page, `${selector} ~ ${label.source} > b`, `missing count "${label.source}"`);
  return n;
}

function optionalCount($: Api, page: string, label: RegExp): number {
  const present = $('ul.votes-list span').filter((_, e) => label.test(cleanText($(e).text()))).length > 0;
  return present ? labelledCount($, page, 'ul.votes-list span', label) : 0;
}

/** A mise au point tooltip: "M. X n'a pas pris part au scrutin." / "… voulait voter pour". */
function miseAuPointPosition(text: string): MiseAuPointPosition | null {
  const key = nameKey(text);
  if (key.includes('pas pris part')) return 'nonVotantVolontaire';
  if (/voter pour|voulu voter pour/.test(key)) return 'pour';
  if (/voter contre/.test(key)) return 'contre';
  if (/abstenir|abstention/.test(key)) return 'abstention';
  return null;
}

export function isDynPage($: Api): boolean {
  return $('div[data-id^="VTANR"]').length > 0 || $('ul.simple-tree-list li[data-acteur-id]').length > 0;
}

export function parseDynScrutinPage(html: string | Api, options: ParsePageOptions): ScrapedScrutin {
  const { page } = options;
  const $ = typeof html === 'string' ? cheerio.load(html) : html;
  const idAttr = $('div[data-id^="VTANR"]').first().attr('data-id') ?? '';
  const uidMatch = /^VTANR5L(\d+)V(\d+)$/.exec(idAttr);
  if (!uidMatch) throw new PageParseError(page, 'div[data-id^="VTANR"]', 'no scrutin uid on the page');
  const legislature = Number(uidMatch[1]);
  const numero = Number(uidMatch[2]);

  const sitting = cleanText($('h2.h4').first().text());
  if (!sitting) throw new PageParseError(page, 'h2.h4', 'missing sitting heading');
  const date = frenchDate(sitting);
  if (!date) throw new PageParseError(page, 'h2.h4', `no date in the sitting heading "${sitting}"`);
  const subject = cleanText($('p.h6').first().text());
  if (!subject) throw new PageParseError(page, 'p.h6', 'missing scrutin subject');

  const synthesis: SynthesisCounts = {
    votants: labelledCount($, page, 'span', /^Nombre de votants/i),
    exprimes: labelledCount($, page, 'span', /^Nombre de suffrages exprim/i),
    requis: labelledCount($, page, 'span', /^Majorit/i),
    pour: labelledCount($, page, 'ul.votes-list span', /^Pour/i),
    // A censure motion has only "pour" votes and may omit the other lines; the group sums below
    // still guard the totals.
    contre: optionalCount($, page, /^Contre/i),
    abstentions: optionalCount($, page, /^Abstention/i),
  };
  const majorityLabel = cleanText($('span').filter((_, e) => /^Majorit/i.test(cleanText($(e).text()))).first().text()).replace(/\s*:.*$/, '') || null;
  const announcement = cleanText(
    $('span._bold').filter((_, e) => /assembl[ée]e nationale/i.test($(e).text()) && /adopt/i.test($(e).text())).first().text(),
  );
  if (!announcement) throw new PageParseError(page, 'span._bold ~ "adopté"', 'missing outcome announcement');

  const known = options.deputies ? new Set<string>(options.deputies.map((d) => d.ref)) : null;
  const groups: GroupVote[] = [];
  const pageGroups: PageGroup[] = [];
  const deputies: DeputyVote[] = [];
  const unmatched: UnmatchedDeputy[] = [];
  const misesAuPoint: MiseAuPoint[] = [];
  const notes: string[] = [];

  const listed: Array<Record<ListedKey, number>> = [];
  const groupItems = $('ul.simple-tree-list[id^="groupe"] > li[data-organe-id]');
  if (groupItems.length === 0) throw new PageParseError(page, 'ul.simple-tree-list[id^="groupe"] > li[data-organe-id]', 'no group blocks');
  groupItems.each((_, groupEl) => {
    const g = $(groupEl);
    const ref = organeRef(g.attr('data-organe-id') ?? '');
    const name = cleanText(g.find('h3').first().text());
    const members = firstInt(g.find('h3').first().nextAll('span').first().text());
    if (!name || members === null) throw new PageParseError(page, `li[data-organe-id="${ref}"] h3 + span`, 'group name or member count missing');
    const vote: GroupVote = { organeRef: ref, members, pour: 0, contre: 0, abstentions: 0, nonVotants: 0, majorityPosition: 'pour' };
    const before = deputies.length;
    g.find('li.relative-flex._vertical').each((_, posEl) => readPosition($, page, $(posEl), { ref, name, vote, deputies, unmatched, misesAuPoint, notes, known }));
    const mine = deputies.slice(before);
    const count = (p: Position) => mine.filter((d) => d.position === p).length;
    listed.push({ pour: count('pour'), contre: count('contre'), abstentions: count('abstention'), nonVotants: count('nonVotant') });
    vote.majorityPosition = majorityOf(vote);
    groups.push(vote);
    pageGroups.push({ organeRef: ref, name, resolved: true });
  });

  const scrutin = buildScrutin({
    page,
    legislature,
    numero,
    date,
    sittingOfDay: sittingOrdinal(sitting),
    subject,
    majorityLabel,
    announcement,
    synthesis,
    groups,
    deputies,
    misesAuPoint,
    listed,
  });
  return { layout: 'dyn', page, scrutin, groups: pageGroups, unmatched, notes };
}

interface PositionContext {
  ref: GroupVote['organeRef'];
  name: string;
  vote: GroupVote;
  deputies: DeputyVote[];
  unmatched: UnmatchedDeputy[];
  misesAuPoint: MiseAuPoint[];
  notes: string[];
  known: Set<string> | null;
}

function readPosition($: Api, page: string, block: Selection, ctx: PositionContext) {
  const label = nameKey(block.find('span.h6').first().text());
  const position = POSITION_LABELS[label];
  const where = `li[data-organe-id="${ctx.ref}"] li.relative-flex span.h6`;
  if (!position) throw new PageParseError(page, where, `unknown position "${label}"`);
  const count = firstInt(block.find('span.h6').first().nextAll('span').first().text());
  if (count === null) throw new PageParseError(page, `${where} + span`, `no count for "${label}"`);
  ctx.vote[GROUP_KEY[position]] += count;
  block.find('li[data-acteur-id]').each((_, depEl) => {
    const li = $(depEl);
    const ids = /^(PA\d+)\s*-\s*(PM\d+)?/.exec(li.attr('data-acteur-id') ?? '');
    if (!ids?.[1]) throw new PageParseError(page, `${where} ~ li[data-acteur-id]`, `bad data-acteur-id "${li.attr('data-acteur-id')}"`);
    const ref: ActeurRef = acteurRef(ids[1]);
    const note = cleanText(li.find('span._small').first().text());
    ctx.deputies.push({
      acteurRef: ref,
      mandatRef: ids[2] ? mandatRef(ids[2]) : null,
      organeRef: ctx.ref,
      position,
      byProxy: null,
      cause: position === 'nonVotant' && note ? causeOf(note) : null,
      seat: null,
    });
    const displayName = cleanText(li.find('a').first().text());
    if (ctx.known && !ctx.known.has(ref)) {
      ctx.unmatched.push({ name: displayName, group: ctx.name, position, reason: 'unknown-acteur', acteurRef: ref });
    }
    const info = li.find('span.an-icons-info').attr('data-tipsy');
    if (info) {
      const map = miseAuPointPosition(info);
      if (map) ctx.misesAuPoint.push({ acteurRef: ref, mandatRef: ids[2] ? mandatRef(ids[2]) : null, position: map, malfunction: false });
      else ctx.notes.push(`mise au point not understood for ${displayName}: ${cleanText(info)}`);
    }
  });
}
