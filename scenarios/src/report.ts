import type { ScenarioResult } from '@parallele/core';

/**
 * The scenario report, in Markdown (next to the chart files) and as a standalone HTML page: the
 * SVGs are inlined and the CSS is in the page, so it opens offline and references nothing
 * outside itself (links to the cited sources are plain anchors, followed only on a click).
 */

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/**
 * Text from a scenario file or the data, in Markdown: what would be raw HTML, a link or a table
 * cell is backslash-escaped, so `<script>` stays text (issue 10, point 13). Emphasis is harmless.
 */
const mdEsc = (s: string) => s.replace(/[\\`[\]<>|&]/g, '\\$&').replace(/\n/g, ' ');
/** A description keeps its Markdown, never raw HTML. */
const mdBlock = (s: string) => s.replace(/[<>&]/g, '\\$&');
/**
 * Only http(s) links become links (the schema refuses others; this holds for results built in
 * code too): anything else, `javascript:` included, is shown as inert text.
 */
const httpUrl = (url: string) => {
  try {
    return /^https?:$/.test(new URL(url).protocol) ? url : null;
  } catch {
    return null;
  }
};
const mdLink = (label: string, url: string) => {
  const safe = httpUrl(url);
  return safe ? `[${mdEsc(label)}](<${safe.replace(/[<>\s]/g, encodeURIComponent)}>)` : `${mdEsc(label)} (${mdEsc(url)})`;
};
const htmlLink = (label: string, url: string) => {
  const safe = httpUrl(url);
  return safe ? `<a href="${esc(safe)}">${esc(label)}</a>` : `${esc(label)} (${esc(url)})`;
};
const fmt = (v: number | null) => (v === null ? '—' : Number.isInteger(v) ? String(v) : `${Math.round(v * 10000) / 100} %`);

function splitText(r: ScenarioResult): string {
  const s = r.split;
  if (s.source === 'best-case') return 'Meilleur cas : 100 % contre si le texte a été adopté, 100 % pour s’il a été rejeté (le plus qu’un bloc de K puisse changer).';
  if (s.source === 'platform') {
    const p = s.platform;
    if (!p) return 'Les votes des citoyens sur la plateforme.';
    const tally = { all: 'tous les comptes', verified: 'comptes vérifiés', unflagged: 'sans les comptes signalés', 'verified-unflagged': 'comptes vérifiés et non signalés', redresse: 'redressé (sexe et âge, marges Insee)' }[p.tally] ?? p.tally;
    const none =
      p.whenNoVotes === 'fallback' && p.fallback
        ? `répartition de repli pour ${p.fallback[0]} / contre ${p.fallback[1]} / abstention ${p.fallback[2]}${p.fallbackRationale ? ` — ${p.fallbackRationale}` : ''}`
        : 'scrutin exclu des résultats';
    return `Les votes des citoyens sur la plateforme (${tally}, au moins ${p.minVotes} vote${p.minVotes > 1 ? 's' : ''}) : ${p.votes} votes sur ${p.scrutinsWithVotes} scrutin(s). Sans votes : ${none} (${p.scrutinsWithoutVotes} scrutin(s)).`;
  }
  const w = s.weights ? `pour ${s.weights[0]} / contre ${s.weights[1]} / abstention ${s.weights[2]}` : '';
  return `${s.source === 'poll' ? 'Sondage' : 'Répartition fixe'} : ${w}${s.rationale ? ` — ${s.rationale}` : ''}`;
}

const TABLE_ROWS = 50;

export function reportMarkdown(r: ScenarioResult): string {
  const out: string[] = [`# ${mdEsc(r.title)}`, ''];
  if (r.titleEn) out.push(`*${mdEsc(r.titleEn)}*`, '');
  out.push(mdBlock(r.description.trim()), '');
  out.push('## Paramètres', '', `- Scrutins : ${r.scrutinCount}`, `- K : ${r.ks.length > 8 ? `${r.ks[0]} à ${r.ks.at(-1)}` : r.ks.join(', ')}`);
  out.push(`- Déplacement : ${r.modes.join(', ')} · répartition des sièges : ${r.method}`, `- Répartition du bloc MaVoix : ${mdEsc(splitText(r))}`, '');
  if (r.split.citations.length > 0) {
    out.push('### Sondages cités', '');
    for (const c of r.split.citations) {
      out.push(`- **${mdEsc(c.pollster)}**${c.client ? ` pour ${mdEsc(c.client)}` : ''}, ${mdEsc(c.date)} — « ${mdEsc(c.question)} » : ${mdEsc(c.figure)}${c.sample ? ` (${mdEsc(c.sample)})` : ''}. ${mdLink('Source', c.url)}${c.verified ? '' : ' — *chiffre non vérifié à la source*'}${c.note ? ` — ${mdEsc(c.note)}` : ''}`);
    }
    out.push('');
  }
  out.push('## Chiffres clés', '', '| Chiffre | Valeur |', '|---|---|');
  for (const f of r.keyFigures) out.push(`| ${mdEsc(f.label)} | ${fmt(f.value)}${f.detail ? ` (${mdEsc(f.detail)})` : ''} |`);
  out.push('', '## Graphiques', '');
  for (const c of r.charts) {
    out.push(`### ${c.title}`, '', `![${mdEsc(c.title)}](${c.files.svg})`, '', `[PNG](${c.files.png}) · [données CSV](${c.files.csv})${c.interactiveUrl ? ` · vue interactive : \`${c.interactiveUrl}\`` : ''}`, '');
  }
  const modes = r.modes;
  out.push(`## Scrutins (K = ${r.tableK})`, '', `| Scrutin | Date | Titre | Pour | Contre | Requis | Issue | ${modes.map((m) => `K* ${m} | K=${r.tableK} ${m}`).join(' | ')} |`);
  out.push(`|---|---|---|---:|---:|---:|---|${modes.map(() => '---:|---|').join('')}`);
  for (const row of r.rows.slice(0, TABLE_ROWS)) {
    const cells = modes.map((m) => {
      const x = row.modes[m];
      return `${fmt(x?.tippingPoint ?? null)} | ${x?.parallel?.outcome ?? '—'}${x?.flipped ? ' **(bascule)**' : ''}`;
    });
    out.push(`| ${row.uid}${row.platform?.used === 'fallback' ? ' (repli)' : ''} | ${row.date} | ${mdEsc(row.titre.slice(0, 120))} | ${row.official.pour} | ${row.official.contre} | ${row.official.required} | ${row.official.outcome} | ${cells.join(' | ')} |`);
  }
  const more = r.rows.length - Math.min(TABLE_ROWS, r.rows.length) + r.rowsOmitted;
  if (more > 0) out.push('', `… et ${more} autres scrutins : voir les fichiers CSV.`);
  if (r.excluded.length > 0) {
    out.push('', '## Scrutins exclus', '');
    for (const x of r.excluded) out.push(`- ${x.uid} — ${mdEsc(x.titre.slice(0, 120))} : ${mdEsc(x.reason)}`);
  }
  out.push('', '## Sources', '');
  for (const s of r.sources) out.push(`- ${mdLink(s.label, s.url)} — ${s.publisher ? `${mdEsc(s.publisher)}, ` : ''}${mdEsc(s.date)}${s.note ? ` — ${mdEsc(s.note)}` : ''}`);
  out.push('', 'Données : « Assemblée nationale – données ouvertes », Licence Ouverte / Open Licence (Etalab).', '');
  return out.join('\n');
}

const CSS = `body{font-family:"DejaVu Sans",Verdana,Arial,sans-serif;max-width:980px;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.45}
table{border-collapse:collapse;margin:1rem 0;font-size:.85rem}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}
td.n{text-align:right}figure{margin:1.5rem 0}figure svg{max-width:100%;height:auto}figcaption{font-size:.85rem;color:#444}
.flip{font-weight:bold}`;

/** The standalone page: `svgs` maps a chart name to its SVG document (inlined without its XML prolog). */
export function reportHtml(r: ScenarioResult, svgs: ReadonlyMap<string, string>): string {
  const p: string[] = [];
  p.push(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(r.title)}</title><style>${CSS}</style></head><body>`);
  p.push(`<h1>${esc(r.title)}</h1>`);
  if (r.titleEn) p.push(`<p lang="en"><em>${esc(r.titleEn)}</em></p>`);
  p.push(...r.description.trim().split(/\n\s*\n/).map((para) => `<p>${esc(para)}</p>`));
  p.push('<h2>Paramètres</h2><ul>');
  p.push(`<li>Scrutins : ${r.scrutinCount}</li><li>K : ${esc(r.ks.length > 8 ? `${r.ks[0]} à ${r.ks.at(-1)}` : r.ks.join(', '))}</li>`);
  p.push(`<li>Déplacement : ${esc(r.modes.join(', '))} · répartition des sièges : ${esc(r.method)}</li><li>Répartition du bloc MaVoix : ${esc(splitText(r))}</li></ul>`);
  if (r.split.citations.length > 0) {
    p.push('<h3>Sondages cités</h3><ul>');
    for (const c of r.split.citations) {
      p.push(`<li><strong>${esc(c.pollster)}</strong>${c.client ? ` pour ${esc(c.client)}` : ''}, ${esc(c.date)} — « ${esc(c.question)} » : ${esc(c.figure)}${c.sample ? ` (${esc(c.sample)})` : ''}. ${htmlLink('Source', c.url)}${c.verified ? '' : ' — <em>chiffre non vérifié à la source</em>'}${c.note ? ` — ${esc(c.note)}` : ''}</li>`);
    }
    p.push('</ul>');
  }
  p.push('<h2>Chiffres clés</h2><table><thead><tr><th>Chiffre</th><th>Valeur</th></tr></thead><tbody>');
  for (const f of r.keyFigures) p.push(`<tr><td>${esc(f.label)}</td><td class="n">${esc(fmt(f.value))}${f.detail ? ` <small>(${esc(f.detail)})</small>` : ''}</td></tr>`);
  p.push('</tbody></table><h2>Graphiques</h2>');
  for (const c of r.charts) {
    const svg = (svgs.get(c.name) ?? '').replace(/^<\?xml[^>]*\?>\s*/, '');
    p.push(`<figure id="${esc(c.name)}">${svg}<figcaption>${esc(c.title)} — fichiers : ${esc(c.files.svg)}, ${esc(c.files.png)}, ${esc(c.files.csv)}${c.interactiveUrl ? ` — vue interactive : <code>${esc(c.interactiveUrl)}</code>` : ''}</figcaption></figure>`);
  }
  p.push(`<h2>Scrutins (K = ${r.tableK})</h2><table><thead><tr><th>Scrutin</th><th>Date</th><th>Titre</th><th>Pour</th><th>Contre</th><th>Requis</th><th>Issue</th>`);
  for (const m of r.modes) p.push(`<th>K* ${esc(m)}</th><th>K=${r.tableK} ${esc(m)}</th>`);
  p.push('</tr></thead><tbody>');
  for (const row of r.rows.slice(0, TABLE_ROWS)) {
    p.push(`<tr><td>${esc(row.uid)}${row.platform?.used === 'fallback' ? ' <small>(repli)</small>' : ''}</td><td>${esc(row.date)}</td><td>${esc(row.titre.slice(0, 160))}</td><td class="n">${row.official.pour}</td><td class="n">${row.official.contre}</td><td class="n">${row.official.required}</td><td>${esc(row.official.outcome)}</td>`);
    for (const m of r.modes) {
      const x = row.modes[m];
      p.push(`<td class="n">${fmt(x?.tippingPoint ?? null)}</td><td${x?.flipped ? ' class="flip"' : ''}>${esc(x?.parallel?.outcome ?? '—')}${x?.flipped ? ' ▶ bascule' : ''}</td>`);
    }
    p.push('</tr>');
  }
  p.push('</tbody></table>');
  const more = r.rows.length - Math.min(TABLE_ROWS, r.rows.length) + r.rowsOmitted;
  if (more > 0) p.push(`<p>… et ${more} autres scrutins : voir les fichiers CSV.</p>`);
  if (r.excluded.length > 0) {
    p.push('<h2>Scrutins exclus</h2><ul>');
    for (const x of r.excluded) p.push(`<li>${esc(x.uid)} — ${esc(x.titre.slice(0, 160))} : ${esc(x.reason)}</li>`);
    p.push('</ul>');
  }
  p.push('<h2>Sources</h2><ul>');
  for (const s of r.sources) p.push(`<li>${htmlLink(s.label, s.url)} — ${s.publisher ? `${esc(s.publisher)}, ` : ''}${esc(s.date)}${s.note ? ` — ${esc(s.note)}` : ''}</li>`);
  p.push('</ul><p>Données : « Assemblée nationale – données ouvertes », Licence Ouverte / Open Licence (Etalab).</p></body></html>');
  return p.join('\n');
}
