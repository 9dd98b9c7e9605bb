import { parallelSeats, simulatorUrl, toSimScrutin } from '@parallele/core';
import type { ChartSpec } from '@parallele/core';
import { Hemicycle, parallelHemicycle, toCsv } from '@parallele/charts';
import { capitalise, scrutinContext, type BuiltChart } from './chart-context';
import type { ComputedRow, ComputedScenario, ScenarioData } from './compute';
import { chartWords, HEMICYCLE_LABELS, specTitle, type ChartLang } from './chart-words';

/**
 * The parallel hemicycle of a scenario: core's `parallelSeats` (every displacement mode) laid out
 * by the charts' one hemicycle layout, exactly as the website draws it (chamber order, the groups'
 * colours and labels, MaVoix in purple).
 */
export function hemicycleChart(
  c: ComputedScenario,
  spec: Extract<ChartSpec, { type: 'hemicycle' }>,
  index: number,
  data: ScenarioData,
  r: ComputedRow,
  lang: ChartLang = 'fr',
): BuiltChart {
  const w = chartWords(lang);
  const { scenario } = c;
  const mode = spec.mode ?? scenario.mode[0]!;
  const split = r.split;
  const sim = mode.startsWith('deputies:') && !r.sim.deputies ? toSimScrutin(r.scrutin, { withDeputies: true }) : r.sim;
  const seats = parallelSeats(sim, { split, mode, method: scenario.method, k: spec.k });
  const info = r.scrutin.groups.map((g) => {
    const known = data.groups?.get(g.organeRef);
    return { organeRef: g.organeRef, abbreviation: known?.abbreviation ?? null, name: known?.name ?? null, colour: known?.colour ?? null };
  });
  const groups = parallelHemicycle(info, seats, { label: 'MaVoix', name: `MaVoix (K = ${spec.k})` });
  const p = seats.parallel;
  const title = specTitle(spec, lang, capitalise(r.scrutin.titre));
  const csvRows = groups.map((g) => ({ group: g.label, organeRef: g.id === 'mavoix' ? 'mavoix' : g.id.replace(/-\d+$/, ''), ...g.seats }));
  return {
    name: spec.name ?? `hemicycle-${r.row.uid.replace(/^VTANR5L\d+/, '').toLowerCase()}-k${spec.k}`,
    type: 'hemicycle',
    title,
    context: scrutinContext(r, { k: spec.k, split, mode, method: scenario.method }, title, p.outcome, data, lang),
    element: (
      <Hemicycle
        groups={groups}
        title={title}
        width={720}
        idPrefix={`c${index}`}
        headline={w.pour(p.pour)}
        subline={`${w.required(p.required)} · ${w.outcome[p.outcome]}`}
        labels={HEMICYCLE_LABELS[lang]}
        locale={lang}
      />
    ),
    csv: toCsv(csvRows, ['group', 'organeRef', 'pour', 'contre', 'abstention', 'nonVotant', 'absent']),
    interactiveUrl: simulatorUrl(r.row.uid, { k: spec.k, split, mode, method: scenario.method }),
  };
}
