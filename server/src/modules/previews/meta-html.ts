import type { PageMeta } from './service';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * index.html with the page's own <title>, description, Open Graph and Twitter card tags, for the
 * crawlers of chat apps and social networks, which do not run the app's JavaScript.
 */
export function withPageMeta(html: string, meta: PageMeta, siteName: string): string {
  const tags = [
    `<meta name="description" content="${esc(meta.description)}">`,
    `<meta property="og:type" content="website">`,
    `<meta property="og:site_name" content="${esc(siteName)}">`,
    `<meta property="og:locale" content="${meta.lang === 'en' ? 'en_GB' : 'fr_FR'}">`,
    `<meta property="og:title" content="${esc(meta.title)}">`,
    `<meta property="og:description" content="${esc(meta.description)}">`,
    `<meta property="og:url" content="${esc(meta.url)}">`,
    `<meta property="og:image" content="${esc(meta.image)}">`,
    `<meta property="og:image:type" content="image/png">`,
    `<meta property="og:image:width" content="1200">`,
    `<meta property="og:image:height" content="630">`,
    `<meta property="og:image:alt" content="${esc(meta.imageAlt)}">`,
    `<meta name="twitter:card" content="summary_large_image">`,
    `<meta name="twitter:title" content="${esc(meta.title)}">`,
    `<meta name="twitter:description" content="${esc(meta.description)}">`,
    `<meta name="twitter:image" content="${esc(meta.image)}">`,
    `<link rel="canonical" href="${esc(meta.url)}">`,
  ].join('\n    ');
  const title = `<title>${esc(meta.title)} · ${esc(siteName)}</title>`;
  const withTitle = /<title>[\s\S]*?<\/title>/.test(html) ? html.replace(/<title>[\s\S]*?<\/title>/, () => title) : html.replace('</head>', () => `${title}\n</head>`);
  return withTitle.replace('</head>', () => `    ${tags}\n  </head>`).replace(/<html lang="[a-z]+"/, `<html lang="${meta.lang}"`);
}
