import * as cheerio from 'cheerio';
import { organeRef, type DeputyVote, type GroupVote, type Position } from '@parallele/core';
import { PageParseError } from './errors';
import { NameMatcher, resolveGroup } from './name-matcher';
import { buildScrutin, causeOf, majorityOf, type SynthesisCounts } from './scrutin-builder';
import { cleanText, firstInt, frenchDate, sittingOrdinal } from './text';
import type { PageGroup, ParsePageOptions, ScrapedScrutin, UnmatchedDeputy } from './types';

/**
 * Parser of the old layout, `www2…/scrutins/detail/(legislature)/14/(num)/1212` (FORMAT.md §10).
 * It prints names, not ids: each name is matched against the acteurs given, and every name that
 * matches none (or several) is returned in `unmatched` with its group and position.
 */

const POSITIONS: Array<[string, Position, 'pour' | 'contre' | 'abstentions' | 'nonVotants']> = [
  ['Pour', 'pour', 'pour'],
  ['Contre', 'contre', 'contre'],
  ['Abstention', 'abstention', 'abstentions'],
  ['Non-votants', 'nonVotant', 'nonVotants'],
];

type Api = cheerio.CheerioAPI;
type Selection = ReturnType<Api>;

export function isWww2Page($: Api): boolean {
  return $('div.TTgroupe').length > 0 || $('p#total.repartitionvotes').length > 0;
}

function count($: Api, page: string, selector: string): number {
  const n = firstInt($(selector).first().find('b').first().text());
  if (n === null) throw new PageParseError(page, `${selector} > b`, 'missing count');
  return n;
}

interface ListedName {
  first: string;
  last: string;
  note: string | null;
}

/** `<li>Prénom&nbsp;<b>Nom</b></li>`: the bold part is the last name. */
function listedNames($: Api, list: Selection): ListedName[] {
  const items = list.find('li');
  if (items.length > 0) {
    return items.toArray().map((li) => {
      const el = $(li);
      const last = cleanText(el.find('b').first().text());
      const full = cleanText(el.text());
      const first = cleanText(full.slice(0, Math.max(0, full.lastIndexOf(last))));
      return { first, last, note: null };
    });
  }
  // Free text: "MM. Claude <b>Bartolone</b> (Président de l'Assemblée nationale) et David <b>Habib</b> (…)."
  const html = list.html() ?? '';
  const text = cleanText(cheerio.load(`<div>${html.replace(/<b>([^<]*)<\/b>/g, '[[$1]]')}</div>`)('div').text());
  const names: ListedName[] = [];
  const re = /(?:^|,|\bet\b)\s*(?:MM\.|M\.|Mmes|Mme)?\s*([^[\],]*?)\s*\[\[([^\]]+)\]\]\s*(?:\(([^)]*)\))?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    names.push({ first: cleanText(m[1] ?? ''), last: cleanText(m[2] ?? ''), note: m[3] ? cleanText(m[3]) : null });
  }
  return names;
}

export function parseWww2ScrutinPage(html: string | Api, options: ParsePageOptions): ScrapedScrutin {
  const { page } = options;
  const $ = typeof html === 'string' ? cheerio.load(html) : html;
  const title = cleanText($('title').first().text());
  const numero = firstInt(/scrutin n°\s*(\d+)/i.exec(title)?.[1] ?? '');
  if (numero === null) throw new PageParseError(page, 'title', `no scrutin number in the title "${title}"`);
  const sitting = cleanText(title.split(' - ')[1] ?? '');
  const date = frenchDate(sitting);
  if (!date) throw new PageParseError(page, 'title', `no sitting date in the title "${title}"`);
  const crumb = $('a[href*="(legislature)/"]').attr('href') ?? '';
  const legislature = firstInt(/\(legislature\)\/(\d+)/.exec(crumb)?.[1] ?? '') ?? options.legislature ?? null;
  if (legislature === null) throw new PageParseError(page, 'a[href*="(legislature)/"]', 'legislature not on the page and not given');
  const subject = cleanText($('h3.president-title').first().text());
  if (!subject) throw new PageParseError(page, 'h3.president-title', 'missing scrutin subject');

  const votants = count($, page, 'p#total');
  const exprimes = count($, page, 'p.repartitionvotes:contains("suffrages exprim")');
  const synthesis: SynthesisCounts = {
    votants,
    exprimes,
    requis: count($, page, 'p.repartitionvotes:contains("Majorit")'),
    pour: count($, page, 'p#pour'),
    contre: count($, page, 'p#contre'),
    // The old layout prints no abstention total: it is what the votants have beyond the exprimés.
    abstentions: votants - exprimes,
  };
  const announcement = cleanText($('span.annoncevote').first().text());
  if (!announcement) throw new PageParseError(page, 'span.annoncevote', 'missing outcome announcement');

  const matcher = new NameMatcher(options.deputies ?? []);
  const groups: GroupVote[] = [];
  const pageGroups: PageGroup[] = [];
  const deputies: DeputyVote[] = [];
  const unmatched: UnmatchedDeputy[] = [];
  const notes: string[] = [];
  const listedCounts: Array<Record<'pour' | 'contre' | 'abstentions' | 'nonVotants', number>> = [];
  const blocks = $('div.TTgroupe');
  if (blocks.length === 0) throw new PageParseError(page, 'div.TTgroupe', 'no group blocks');
  blocks.each((_, el) => {
    const block = $(el);
    const label = cleanText(block.find('p.nomgroupe').first().text());
    const members = firstInt(/\((\d+)[^)]*\)\s*$/.exec(label)?.[1] ?? '');
    if (!label || members === null) throw new PageParseError(page, 'div.TTgroupe p.nomgroupe', `bad group heading "${label}"`);
    const name = label.replace(/\s*\(\d+[^)]*\)\s*$/, '');
    const known = resolveGroup(name, options.groups ?? [], legislature);
    const ref = known ? known.ref : organeRef('PO0');
    pageGroups.push({ organeRef: ref, name, resolved: known !== null });
    const vote: GroupVote = { organeRef: ref, members, pour: 0, contre: 0, abstentions: 0, nonVotants: 0, majorityPosition: 'pour' };
    const counts = { pour: 0, contre: 0, abstentions: 0, nonVotants: 0 };
    listedCounts.push(counts);
    for (const [cls, position, key] of POSITIONS) {
      const div = block.children(`div.${cls}`).first();
      if (div.length === 0) continue;
      const n = firstInt(div.find('p.typevote b').first().text());
      if (n === null) throw new PageParseError(page, `div.TTgroupe div.${cls} p.typevote > b`, `no count in group "${name}"`);
      vote[key] += n;
      const listed = listedNames($, div.find('ul.deputes').first());
      if (listed.length !== n) notes.push(`${name}, ${cls}: ${n} announced, ${listed.length} names read`);
      for (const person of listed) {
        const found = matcher.match(person.first, person.last);
        const display = cleanText(`${person.first} ${person.last}`);
        if ('reason' in found) {
          unmatched.push({ name: display, group: name, position, reason: found.reason });
          continue;
        }
        counts[key]++;
        deputies.push({
          acteurRef: found.ref,
          mandatRef: null,
          organeRef: ref,
          position,
          byProxy: null,
          cause: person.note ? causeOf(person.note) : null,
          seat: null,
        });
      }
    }
    vote.majorityPosition = majorityOf(vote);
    groups.push(vote);
  });
  const scrutin = buildScrutin({
    page,
    legislature,
    numero,
    date,
    sittingOfDay: sittingOrdinal(sitting),
    subject,
    majorityLabel: 'Majorité absolue',
    announcement: announcement.replace(/\.$/, ''),
    synthesis,
    groups,
    deputies,
    misesAuPoint: [],
    // Unmatched names are missing from `deputies`: the per-list check would fail for that reason only.
    listed: unmatched.length === 0 ? listedCounts : null,
  });
  return { layout: 'www2', page, scrutin, groups: pageGroups, unmatched, notes };
}
