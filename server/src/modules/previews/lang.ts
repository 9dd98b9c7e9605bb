import type { Request } from 'express';
import type { PreviewLang } from '@parallele/scenarios';
import type { Config } from '../../config';

/** The preview's language: `?lang=en|fr`, else the first of fr/en in Accept-Language (crawlers send one), else French. */
export function previewLang(req: Request): PreviewLang {
  const asked = req.query.lang;
  if (asked === 'en' || asked === 'fr') return asked;
  return req.acceptsLanguages('fr', 'en') === 'en' ? 'en' : 'fr';
}

/** Absolute URLs in the tags: PUBLIC_URL when set (production), the request's own origin otherwise. */
export function publicOrigin(config: Pick<Config, 'PUBLIC_URL'>, req: Request): string {
  if (config.PUBLIC_URL) return config.PUBLIC_URL.replace(/\/+$/, '');
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}
