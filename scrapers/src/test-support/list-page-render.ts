import { cleanText } from '../pages/text';

/**
 * Renders a GENERATED scrutin list page (`/dyn/{leg}/scrutins?page=N`) in the markup family of the
 * real /dyn pages (same site chrome classes, `data-id` uids, links to the detail pages). The real
 * AN list page is not among our fixtures: the entries come from real data (the bundled L17 open
 * data and the real detail pages), the markup is ours. See src/fixtures/README.md.
 */
export interface ListEntry {
  legislature: number;
  numero: number;
  /** YYYY-MM-DD */
  date: string;
  titre: string;
  outcome: 'adopté' | 'rejeté';
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#039;');

export function renderListPage(entries: readonly ListEntry[], opts: { legislature: number; page: number; nextPage: number | null }): string {
  const items = entries
    .map(
      (e) => `                    <li class="_no-border" data-id="VTANR5L${e.legislature}V${e.numero}">
                        <a class="h6 _colored link" href="/dyn/${e.legislature}/scrutins/${e.numero}">Scrutin public n°${e.numero}</a>
                        <span class="_small _colored-grey">${e.date.split('-').reverse().join('/')}</span>
                        <p class="_small">${escapeHtml(cleanText(e.titre))}</p>
                        <span class="_bold ${e.outcome === 'adopté' ? '_colored-green' : '_colored-fadered'}">${e.outcome === 'adopté' ? "L'Assemblée nationale a adopté" : "L'Assemblée nationale n'a pas adopté"}</span>
                    </li>`,
    )
    .join('\n');
  const next = opts.nextPage
    ? `<a class="button" rel="next" href="/dyn/${opts.legislature}/scrutins?page=${opts.nextPage}">Page suivante</a>`
    : '';
  return `<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><title>Scrutins publics - ${opts.legislature}e législature - Assemblée nationale</title></head>
<body>
<main>
    <div class="page-content">
        <div class="container _small">
            <h1 class="h4 _colored">Les scrutins publics</h1>
            <ul class="simple-tree-list scrutins-list" data-page="${opts.page}">
${items}
            </ul>
            <nav class="an-pagination">${next}</nav>
        </div>
    </div>
</main>
</body>
</html>
`;
}
