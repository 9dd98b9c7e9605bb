import { expandK, kCurve, legislatureUrl, phaseGrid, simulatorUrl } from '@parallele/core';
import type { ChartSpec } from '@parallele/core';
import { dateInWords, KCurveChart, kCurvePoints, LeverageChart, methodInWords, modeInWords, outcomeInWords, PhaseChart, ResultsTable, toCsv } from '@parallele/charts';
import type { TableColumn } from '@parallele/charts';
import { capitalise, scrutinContext, splitInWords, type BuiltChart } from './chart-context';
import { ScenarioRunError, type ComputedRow, type ComputedScenario, type ScenarioData } from './compute';
import { hemicycleChart } from './hemicycle';
import { chartWords, specTitle, type ChartLang } from './chart-words';

export type { BuiltChart } from './chart-context';

const shortUid = (uid: string) => uid.replace(/^VTANR5L\d+/, '').toLowerCase();

function pick(c: ComputedScenario, uid: string | undefined): ComputedRow {
  const row = uid ? c.rows.find((r) => r.row.uid === uid) : c.rows[0];
  const left = uid ? c.excluded.find((x) => x.uid === uid) : undefined;
  if (left) throw new ScenarioRunError(`scrutin ${uid} was left out of the scenario: ${left.reason} (split.whenNoVotes: exclude)`);
  if (!row) throw new ScenarioRunError(`chart scrutin ${uid ?? '(first)'} is not in the selection`);
  return row;
}

function kRange(c: ComputedScenario, spec: { k?: { from: number; to: number; step: number } | undefined }) {
  if (spec.k) return spec.k;
  return { from: Math.min(0, ...c.ks), to: Math.max(...c.ks), step: 1 };
}

/** One chart of the scenario, its words in `lang` (the CLI writes French; the gallery asks for either). */
export function buildChart(c: ComputedScenario, spec: ChartSpec, index: number, data: ScenarioData, lang: ChartLang = 'fr'): BuiltChart {
  const { scenario } = c;
  const method = scenario.method;
  const w = chartWords(lang);
  switch (spec.type) {
    case 'k-curve': {
      const r = pick(c, spec.scrutin);
      const mode = spec.mode ?? scenario.mode[0]!;
      const range = kRange(c, spec);
      const split = r.split;
      const curve = kCurve(r.sim, { split, mode, method, from: range.from, to: range.to });
      const points = kCurvePoints(curve).map((p) => ({ ...p, margin: p.pour - p.required })).filter((p) => (p.k - range.from) % range.step === 0);
      const tipping = r.row.modes[mode]?.tippingPoint ?? curve.firstFlip;
      const name = spec.name ?? `k-curve-${shortUid(r.row.uid)}${scenario.mode.length > 1 ? `-${mode.replace(/[^a-z0-9]+/g, '-')}` : ''}`;
      const title = specTitle(spec, lang, capitalise(r.scrutin.titre));
      const context = scrutinContext(r, { split, mode, method }, title, null, data, lang);
      context.lines = [...context.lines.slice(0, -1), `${outcomeInWords(r.scrutin.outcome, null, lang)} · ${tipping === null ? w.noFlip : w.flipsFrom(tipping)}`];
      return {
        name,
        type: 'k-curve',
        title,
        context,
        element: <KCurveChart points={points} officialOutcome={r.scrutin.outcome} tippingPoint={tipping} idPrefix={`c${index}`} showContre={r.scrutin.type !== 'MOC'} locale={lang} />,
        csv: toCsv(points, ['k', 'pour', 'contre', 'abstentions', 'required', 'margin', 'outcome']),
        interactiveUrl: simulatorUrl(r.row.uid, { k: tipping ?? range.to, split, mode, method }),
      };
    }
    case 'phase': {
      const r = pick(c, spec.scrutin);
      const mode = spec.mode ?? scenario.mode[0]!;
      const range = kRange(c, spec);
      const grid = phaseGrid(r.sim, { mode, method, from: range.from, to: range.to, kStep: range.step, shareStep: spec.shareStep });
      const cells = grid.ks.flatMap((k, i) =>
        grid.shares.map((share, j) => ({ k, share, outcome: grid.adopted[i * grid.shares.length + j] ? ('adopté' as const) : ('rejeté' as const) })),
      );
      const title = specTitle(spec, lang, w.phaseTitle(capitalise(r.scrutin.titre)));
      return {
        name: spec.name ?? `phase-${shortUid(r.row.uid)}`,
        type: 'phase',
        title,
        context: scrutinContext(r, { mode, method }, title, null, data, lang),
        element: <PhaseChart cells={cells} officialOutcome={r.scrutin.outcome} idPrefix={`c${index}`} locale={lang} />,
        csv: toCsv(cells, ['k', 'share', 'outcome']),
        interactiveUrl: simulatorUrl(r.row.uid, { k: range.to, split: r.split, mode, method }),
      };
    }
    case 'leverage': {
      const ks = spec.k ? expandK(spec.k) : c.ks.filter((k) => k >= 1);
      const series = scenario.mode.map((mode) => {
        const stars = c.rows.map((r) => r.row.modes[mode]?.tippingPoint ?? null).filter((x): x is number => x !== null);
        return { mode, label: modeInWords(mode, lang), points: ks.map((k) => ({ k, flippable: stars.filter((s) => s <= k).length })) };
      });
      const rows = ks.map((k, i) => Object.fromEntries([['k', k], ...series.map((s) => [s.mode, s.points[i]!.flippable])]) as Record<string, number>);
      const title = specTitle(spec, lang, w.leverageTitle(c.rows.length));
      const leg = c.rows[0]!.scrutin.legislature;
      return {
        name: spec.name ?? 'leverage',
        type: 'leverage',
        title,
        context: { title, lines: [`${w.scrutins(c.rows.length)} · ${methodInWords(method, lang)}`, splitInWords(c, lang)], lang },
        element: <LeverageChart series={series} locale={lang} />,
        csv: toCsv(rows, ['k', ...scenario.mode]),
        interactiveUrl: c.rows.every((r) => r.scrutin.legislature === leg) ? legislatureUrl(leg, { k: c.tableK, mode: scenario.mode[0]! }) : null,
      };
    }
    case 'hemicycle':
      return hemicycleChart(c, spec, index, data, pick(c, spec.scrutin), lang);
    case 'table':
      return tableChart(c, spec, lang);
  }
}

function tableChart(c: ComputedScenario, spec: Extract<ChartSpec, { type: 'table' }>, lang: ChartLang): BuiltChart {
  const { scenario, tableK } = c;
  const w = chartWords(lang);
  const flat = c.rows.map(({ row }) => {
    const out: Record<string, string | number | boolean | null> = {
      uid: row.uid,
      date: row.date,
      type: row.type,
      titre: row.titre,
      pour: row.official.pour,
      contre: row.official.contre,
      abstentions: row.official.abstentions,
      requis: row.official.required,
      issue: row.official.outcome,
    };
    let flippedAny = false;
    for (const mode of scenario.mode) {
      const m = row.modes[mode]!;
      out[`k*:${mode}`] = m.tippingPoint;
      out[`k*best:${mode}`] = m.bestCaseTippingPoint;
      out[`parallele:${mode}`] = m.parallel?.outcome ?? null;
      out[`bascule:${mode}`] = m.flipped;
      flippedAny ||= Boolean(m.flipped);
    }
    out.flipped = flippedAny;
    return out;
  });
  const rows = (spec.rows === 'flipped' ? flat.filter((r) => r.flipped) : flat).slice(0, spec.limit ?? Infinity);
  const outcomeWord = (v: unknown) => (v === 'adopté' || v === 'rejeté' ? w.outcome[v] : v);
  const modeCols = scenario.mode.flatMap((mode): TableColumn[] => [
    { key: `k*:${mode}`, label: w.flipsAt(modeInWords(mode, lang)), width: 130, align: 'end' },
    { key: `parallele:${mode}`, label: w.withK(tableK, modeInWords(mode, lang)), width: 130 },
  ]);
  const L = w.columns;
  const columns: TableColumn[] = [
    { key: 'numero', label: L.numero, width: 50, align: 'end' },
    { key: 'jour', label: L.jour, width: 120, wrap: true },
    { key: 'titre', label: L.titre, width: 360, wrap: true },
    { key: 'pour', label: L.pour, width: 50, align: 'end' },
    // wide enough for the English headers ("Against", "Required") on one line
    { key: 'contre', label: L.contre, width: 66, align: 'end' },
    { key: 'requis', label: L.requis, width: 76, align: 'end' },
    { key: 'issue', label: L.issue, width: 80, wrap: true },
    ...modeCols,
  ];
  const title = specTitle(spec, lang, w.tableTitle(tableK));
  const csvColumns = Object.keys(flat[0] ?? {}).filter((k) => k !== 'flipped');
  const drawn = rows.map((r) => ({
    ...Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'boolean' ? (k === 'flipped' ? (v ? 1 : null) : v ? w.yes : w.no) : (outcomeWord(v) as string | number | null)])),
    numero: String(r.uid).replace(/^VTANR5L\d+V/, ''),
    jour: dateInWords(String(r.date), lang),
    titre: capitalise(String(r.titre)),
  }));
  return {
    name: spec.name ?? 'table',
    type: 'table',
    title,
    context: {
      title,
      lines: [`${w.scrutins(c.rows.length)} · ${scenario.mode.map((m) => modeInWords(m, lang)).join(' / ')} · ${methodInWords(scenario.method, lang)}`, splitInWords(c, lang), w.tableNote],
      lang,
    },
    element: <ResultsTable columns={columns} rows={drawn} highlightKey="flipped" locale={lang} />,
    csv: toCsv(rows, csvColumns),
    interactiveUrl: null,
  };
}
