import { createElement } from 'react';
import { Hemicycle, roomHemicycles } from '@parallele/charts';
import { renderSvg } from '@parallele/scenarios';
import { computeScores, type Reveal, type RoomQuestion, type RoomState } from '@parallele/core';

/**
 * After the session: the anonymous CSV (one row per revealed question: the room's split, the real
 * and parallel results; no pseudonym, no individual ballot) and a one-page HTML report whose
 * hemicycles are drawn by @parallele/charts, the chart code of the web client and the scenario runner.
 */
const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  // a leading = + - @ would be a formula in a spreadsheet
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

const splitText = (q: RoomQuestion, r: Reveal) =>
  r.kind === 'vote'
    ? `pour ${r.roomSplit.pour} / contre ${r.roomSplit.contre} / abstention ${r.roomSplit.abstention}`
    : q.kind === 'election' ? [...q.candidates.map((c, i) => `${c.name} ${r.roomSplit[i]}`), `blanc ${r.roomSplit.at(-1)}`].join(' / ') : '';
const resultText = (q: RoomQuestion, r: Reveal, which: 'official' | 'parallel') =>
  r.kind === 'vote' ? r[which].outcome : q.kind === 'election' ? (r[which].winner === null ? 'aucun élu (autre tour)' : q.candidates[r[which].winner!]!.name) : '';

export function roomCsv(s: RoomState): string {
  const header = ['question', 'id', 'titre', 'type', 'bulletins', 'repartition_salle', 'k', 'resultat_reel', 'resultat_parallele', 'bascule', 'point_de_bascule'];
  const rows = Object.entries(s.reveals).sort(([a], [b]) => Number(a) - Number(b)).map(([key, r]) => {
    const q = s.deck[Number(key)]!;
    return [Number(key) + 1, q.id, q.title, q.kind, r.ballots, splitText(q, r), r.k, resultText(q, r, 'official'), resultText(q, r, 'parallel'), r.kind === 'vote' ? r.flipped : r.changed, r.tippingPoint];
  });
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const dataUri = (svg: string) => `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

export function roomReportHtml(s: RoomState, lang: 'fr' | 'en'): string {
  const fr = lang === 'fr';
  const scores = computeScores(s);
  const sections = Object.entries(s.reveals).sort(([a], [b]) => Number(a) - Number(b)).map(([key, r]) => {
    const q = s.deck[Number(key)]!;
    let charts = '';
    if (r.kind === 'vote' && q.kind === 'vote') {
      const h = roomHemicycles(r, q.groups);
      const draw = (groups: typeof h.official, title: string, id: string, headline: string) =>
        `<img alt="${esc(title)}" width="420" src="${dataUri(renderSvg(createElement(Hemicycle, { groups, title, width: 420, idPrefix: id, headline, showLegend: false })))}">`;
      charts = `<div class="charts">${draw(h.official, fr ? 'Assemblée réelle' : 'Real Assembly', `o${key}`, `${r.official.pour} pour`)}${draw(h.parallel, fr ? `Avec ${r.k} député·es MaVoix` : `With ${r.k} MaVoix deputies`, `p${key}`, `${r.parallel.pour} pour`)}</div>`;
    }
    const tipping = r.tippingPoint === null ? (fr ? 'aucun' : 'none') : String(r.tippingPoint);
    return `<section><h2>${Number(key) + 1}. ${esc(q.title)}</h2><p>${fr ? 'La salle' : 'The room'} (${r.ballots}) : ${esc(splitText(q, r))}</p>
<p>${fr ? 'Résultat réel' : 'Real result'} : <b>${esc(resultText(q, r, 'official'))}</b> · ${fr ? `Avec K = ${r.k}` : `With K = ${r.k}`} : <b>${esc(resultText(q, r, 'parallel'))}</b> · ${fr ? 'point de bascule' : 'tipping point'} : ${tipping}</p>${charts}</section>`;
  });
  const summary = fr
    ? `Avec ${scores.k} député·es, la salle aurait changé ${scores.decisive} des ${scores.revealed} résultats.`
    : `With ${scores.k} deputies, the room would have changed ${scores.decisive} of the ${scores.revealed} results.`;
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${esc(s.title)}</title>
<style>body{font:16px/1.45 system-ui,sans-serif;max-width:900px;margin:2rem auto;padding:0 1rem;color:#111}h1{font-size:1.6rem}h2{font-size:1.1rem;margin-top:1.5rem}.charts{display:flex;flex-wrap:wrap;gap:1rem}</style></head>
<body><h1>${esc(s.title)}</h1><p><b>${esc(summary)}</b></p>${sections.join('\n')}
<p><small>${fr ? 'Données : Assemblée nationale – données ouvertes (Licence Ouverte). Résultats anonymes.' : 'Data: Assemblée nationale – open data (Licence Ouverte). Anonymous results.'}</small></p></body></html>`;
}
