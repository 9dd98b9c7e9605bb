import { z } from 'zod';
import { parseMethod, type ApportionMethod } from '../simulator/apportion';
import { formatMode, parseMode, parseSplit, type CitizenSplit } from '../simulator/types';

/**
 * The simulator's permalink, a URL contract (STYLE 12): `/scrutins/<uid>?k=&split=&mode=&method=
 * &source=`. Written by the web simulator, the legislature and embed pages and the scenario
 * runner; read by the web simulator. The values are checked by the simulator's own parsers, so a
 * link accepts exactly what the API and the CLI accept.
 */
export const PERMALINK_SOURCES = ['platform', 'manual'] as const;
export type PermalinkSource = (typeof PERMALINK_SOURCES)[number];

const viaParser = <T>(parse: (s: string) => T) =>
  z.string().transform((value, ctx): T => {
    try {
      return parse(value);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
      return z.NEVER;
    }
  });

/** Each parameter of the permalink, as it arrives in a query string. */
export const SimulatorPermalinkSchema = z.object({
  k: z.string().regex(/^\d{1,6}$/, { error: 'k: expected a whole number ≥ 0' }).transform(Number),
  split: viaParser((v) => parseSplit(v)),
  mode: viaParser((v) => formatMode(parseMode(v))),
  method: viaParser((v) => parseMethod(v)),
  source: z.enum(PERMALINK_SOURCES),
}).partial();
export type SimulatorPermalink = { k?: number; split?: CitizenSplit; mode?: string; method?: ApportionMethod; source?: PermalinkSource };

const KEYS = ['k', 'split', 'mode', 'method', 'source'] as const;

/**
 * The permalink's settings read from a query string, parameter by parameter: a bad value is left
 * out (a hand-edited link still opens the page, with the default for that setting).
 */
export function parseSimulatorParams(params: URLSearchParams): SimulatorPermalink {
  const out: Record<string, unknown> = {};
  for (const key of KEYS) {
    const raw = params.get(key);
    if (raw === null) continue;
    const one = SimulatorPermalinkSchema.shape[key].safeParse(raw);
    if (one.success && one.data !== undefined) out[key] = one.data;
  }
  return out as SimulatorPermalink;
}

const splitParam = (s: CitizenSplit) => s.map((x) => Math.round(x * 1000) / 1000).join(',');

/**
 * Writes the settings into a copy of `base` (other parameters kept), in the permalink's order
 * (k, split, mode, method, source); settings left undefined are removed from the copy.
 */
export function simulatorParams(settings: SimulatorPermalink, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const p = new URLSearchParams(base);
  for (const key of KEYS) p.delete(key);
  if (settings.k !== undefined) p.set('k', String(settings.k));
  if (settings.split !== undefined) p.set('split', splitParam(settings.split));
  if (settings.mode !== undefined) p.set('mode', formatMode(parseMode(settings.mode)));
  if (settings.method !== undefined) p.set('method', parseMethod(settings.method));
  if (settings.source !== undefined) p.set('source', settings.source);
  return p;
}

/** The simulator's view of a scrutin with these settings, e.g. `/scrutins/VTANR5L16V1240?k=7&split=70,23,7`. */
export function simulatorUrl(uid: string, settings: SimulatorPermalink = {}): string {
  const q = simulatorParams(settings).toString();
  return `/scrutins/${encodeURIComponent(uid)}${q ? `?${q}` : ''}`;
}

/** The legislature page with its leverage settings (`/legislatures/17?k=10&mode=added`). */
export function legislatureUrl(legislature: number, settings: Pick<SimulatorPermalink, 'k' | 'mode'> = {}): string {
  const q = simulatorParams(settings).toString();
  return `/legislatures/${legislature}${q ? `?${q}` : ''}`;
}
