import { createElement, type ReactElement } from 'react';
import { ElectionRoundChart, Hemicycle, roomHemicycles } from '@parallele/charts';
import { renderSvg, svgToPng } from '@parallele/scenarios';
import { computeScores, type Reveal, type RoomQuestion, type RoomState } from '@parallele/core';

/**
 * After the session: the anonymous CSV (one row per revealed question: the room's split, the real
 * and parallel results; no pseudonym, no individual ballot) and a one-page HTML report whose charts
 * (hemicycles of a vote, bars of an election round) are drawn by @parallele/charts and rendered
 * like the scenario runner's: an SVG shown in the page and its PNG (resvg) as a link beside it.
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
const dataUri = (type: string, data: string | Buffer) => `data:${type};base64,${Buffer.from(data).toString('base64')}`;

/** A chart as the page shows it: the SVG, and its PNG to download beside it. */
function figure(chart: ReactElement, alt: string, file: string, width: number): string {
  const svg = renderSvg(chart);
  return `<figure><img alt="${esc(alt)}" width="${width}" src="${dataUri('image/svg+xml', svg)}">` +
    `<figcaption><a download="${file}.png" href="${dataUri('image/png', svgToPng(svg))}">PNG</a> · <a download="${file}.svg" href="${dataUri('image/svg+xml', svg)}">SVG</a></figcaption></figure>`;
}

function charts(q: RoomQuestion, r: Reveal, n: number, fr: boolean): string {
  if (r.kind === 'vote' && q.kind === 'vote') {
    const h = roomHemicycles(r, q.groups);
    const draw = (groups: typeof h.official, title: string, id: string, headline: string) =>
      figure(createElement(Hemicycle, { groups, title, width: 420, idPrefix: id, headline, showLegend: false }), title, `question-${n}-${id[0] === 'o' ? 'reel' : 'parallele'}`, 420);
    return `<div class="charts">${draw(h.official, fr ? 'Assemblée réelle' : 'Real Assembly', `o${n}`, `${r.official.pour} pour`)}${draw(h.parallel, fr ? `Avec ${r.k} député·es MaVoix` : `With ${r.k} MaVoix deputies`, `p${n}`, `${r.parallel.pour} pour`)}</div>`;
  }
  if (r.kind === 'election' && q.kind === 'election') {
    const title = fr ? `Tour ${q.round} : réel et avec ${r.k} député·es MaVoix` : `Round ${q.round}: real and with ${r.k} MaVoix deputies`;
    const chart = createElement(ElectionRoundChart, {
      candidates: q.candidates.map((c) => c.name), official: r.official.votes, parallel: r.parallel.votes,
      required: { official: r.official.required, parallel: r.parallel.required }, k: r.k, title, width: 640, locale: fr ? 'fr' : 'en', idPrefix: `e${n}`,
    });
    return `<div class="charts">${figure(chart, title, `question-${n}-tour`, 640)}</div>`;
  }
  return '';
}

export function roomReportHtml(s: RoomState, lang: 'fr' | 'en'): string {
  const fr = lang === 'fr';
  const scores = computeScores(s);
  const sections = Object.entries(s.reveals).sort(([a], [b]) => Number(a) - Number(b)).map(([key, r]) => {
    const q = s.deck[Number(key)]!;
    const tipping = r.tippingPoint === null ? (fr ? 'aucun' : 'none') : String(r.tippingPoint);
    return `<section><h2>${Number(key) + 1}. ${esc(q.title)}</h2><p>${fr ? 'La salle' : 'The room'} (${r.ballots}) : ${esc(splitText(q, r))}</p>
<p>${fr ? 'Résultat réel' : 'Real result'} : <b>${esc(resultText(q, r, 'official'))}</b> · ${fr ? `Avec K = ${r.k}` : `With K = ${r.k}`} : <b>${esc(resultText(q, r, 'parallel'))}</b> · ${fr ? 'point de bascule' : 'tipping point'} : ${tipping}</p>${charts(q, r, Number(key) + 1, fr)}</section>`;
  });
  const summary = fr
    ? `Avec ${scores.k} député·es, la salle aurait changé ${scores.decisive} des ${scores.revealed} résultats.`
    : `With ${scores.k} deputies, the room would have changed ${scores.decisive} of the ${scores.revealed} results.`;
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${esc(s.title)}</title>
<style>body{font:16px/1.45 system-ui,sans-serif;max-width:900px;margin:2rem auto;padding:0 1rem;color:#111}h1{font-size:1.6rem}h2{font-size:1.1rem;margin-top:1.5rem}.charts{display:flex;flex-wrap:wrap;gap:1rem}figure{margin:0}figcaption{font-size:.85rem}</style></head>
<body><h1>${esc(s.title)}</h1><p><b>${esc(summary)}</b></p>${sections.join('\n')}
<p><small>${fr ? 'Données : Assemblée nationale – données ouvertes (Licence Ouverte). Résultats anonymes.' : 'Data: Assemblée nationale – open data (Licence Ouverte). Anonymous results.'}</small></p></body></html>`;
}
