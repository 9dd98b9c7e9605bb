import { parseSimulatorParams, type CitizenSplit } from '@parallele/core';
import { fitPreview, scrutinPreview, svgToPng, type PreviewLang, type PreviewSettings } from '@parallele/scenarios';
import { getScrutin } from '../../db/an-reads';
import type { Db } from '../../db/client';
import type { ScenariosService } from '../scenarios';
import type { ScrutinsService } from '../scrutins';
import type { VotesService } from '../votes';
import { AppError } from '../../errors';

/** The client's defaults (client/src/features/simulator/store.ts): K = 10, the platform's votes, else 55/35/10. */
const DEFAULT_SPLIT: CitizenSplit = [55, 35, 10];
const DEFAULTS = { k: 10, mode: 'proportional', method: 'largest-remainder' } as const;
/** PNGs kept in memory: a preview is asked for by every chat app a link is pasted into. */
const CACHE_SIZE = 200;

export interface PageMeta {
  title: string;
  description: string;
  /** absolute URL of the page */
  url: string;
  /** absolute URL of the 1200×630 image */
  image: string;
  imageAlt: string;
  lang: PreviewLang;
}

interface Deps {
  db: Db;
  scrutins: ScrutinsService;
  votes: { tally(uid: string): ReturnType<VotesService['tally']> };
  scenarios: Pick<ScenariosService, 'get' | 'chartFile'>;
}

/** A small LRU of rendered PNGs, keyed by what the image depends on. */
function lru<V>(size: number) {
  const map = new Map<string, V>();
  return (key: string, make: () => V): V => {
    const hit = map.get(key);
    if (hit !== undefined) {
      map.delete(key);
      map.set(key, hit);
      return hit;
    }
    const value = make();
    map.set(key, value);
    if (map.size > size) map.delete(map.keys().next().value!);
    return value;
  };
}

/**
 * Link previews: the words (Open Graph / Twitter card) and the 1200×630 image of a scrutin at the
 * settings its link carries (`?k=7&split=70,23,7`), and of a scenario (its first chart on a card).
 */
export function createPreviewsService(deps: Deps) {
  const pngs = lru<Buffer>(CACHE_SIZE);

  /** The settings of a permalink; bad values fall back to the defaults, as the page does. */
  async function settingsOf(uid: string, query: URLSearchParams): Promise<PreviewSettings> {
    const read = parseSimulatorParams(query);
    let split = read.split;
    let splitSource: PreviewSettings['splitSource'] = 'manual';
    if (!split && read.source !== 'manual') {
      const all = (await deps.votes.tally(uid)).all;
      if (all.total > 0) {
        split = [all.pour, all.contre, all.abstention];
        splitSource = 'platform';
      }
    }
    return { k: read.k ?? DEFAULTS.k, split: split ?? DEFAULT_SPLIT, mode: read.mode ?? DEFAULTS.mode, method: read.method ?? DEFAULTS.method, splitSource };
  }

  async function scrutin(uid: string, query: URLSearchParams, lang: PreviewLang, origin: string) {
    const detail = await deps.scrutins.get(uid);
    const raw = await getScrutin(deps.db, uid);
    if (!raw) throw AppError.notFound(`No scrutin ${uid}`, { param: 'uid' });
    const settings = await settingsOf(uid, query);
    const permalink = new URLSearchParams();
    permalink.set('k', String(settings.k));
    permalink.set('split', settings.split.join(','));
    if (settings.mode !== DEFAULTS.mode) permalink.set('mode', settings.mode);
    if (settings.method !== DEFAULTS.method) permalink.set('method', settings.method);
    // the page's permalink as the app writes it (commas kept), shown on the image and in og:url
    const link = permalink.toString().replace(/%2C/g, ',');
    const page = `${origin}/scrutins/${uid}${query.size ? `?${link}` : ''}`;
    permalink.set('lang', lang);
    const groups = detail.groups.map((g) => ({ organeRef: g.organeRef, abbreviation: g.abbreviation, name: g.name, colour: g.colour }));
    return { preview: () => scrutinPreview(raw, groups, settings, page, lang), settings, page, image: `${origin}/api/previews/scrutins/${uid}.png?${permalink}` };
  }

  return {
    async scrutinMeta(uid: string, query: URLSearchParams, lang: PreviewLang, origin: string): Promise<PageMeta> {
      const s = await scrutin(uid, query, lang, origin);
      const p = s.preview();
      return { title: p.title, description: p.description, url: s.page, image: s.image, imageAlt: p.description, lang };
    },

    async scrutinPng(uid: string, query: URLSearchParams, lang: PreviewLang, origin: string): Promise<Buffer> {
      const s = await scrutin(uid, query, lang, origin);
      const key = `s|${uid}|${lang}|${origin}|${s.settings.k}|${s.settings.split.join(',')}|${s.settings.mode}|${s.settings.method}`;
      return pngs(key, () => svgToPng(s.preview().svg));
    },

    async scenarioMeta(name: string, lang: PreviewLang, origin: string): Promise<PageMeta> {
      const r = await deps.scenarios.get(name);
      const title = (lang === 'en' && r.titleEn) || r.title;
      const description = (lang === 'en' && r.descriptionEn) || r.description;
      return { title, description, url: `${origin}/scenarios/${name}`, image: `${origin}/api/previews/scenarios/${name}.png`, imageAlt: title, lang };
    },

    async scenarioPng(name: string): Promise<Buffer> {
      const r = await deps.scenarios.get(name);
      const first = r.charts[0];
      if (!first) throw AppError.notFound(`Scenario ${name} has no chart`, { param: 'name' });
      const svg = (await deps.scenarios.chartFile(name, first.files.svg)).body.toString('utf8');
      // the platform's votes change a scenario's charts: the SVG itself is the key
      return pngs(`c|${name}|${svg.length}|${hash(svg)}`, () => svgToPng(fitPreview(svg)));
    },
  };
}

/** A cheap string hash (FNV-1a) for cache keys. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

export type PreviewsService = ReturnType<typeof createPreviewsService>;
