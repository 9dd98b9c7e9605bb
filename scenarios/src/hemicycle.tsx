import { apportion, simulate } from '@parallele/core';
import type { ChartSpec } from '@parallele/core';
import { Hemicycle, toCsv } from '@parallele/client';
import type { HemicycleGroup } from '@parallele/client';
import type { BuiltChart } from './charts';
import { scrutinUrl } from './charts';
import { splitFor, ScenarioRunError, type ComputedRow, type ComputedScenario, type ScenarioData } from './compute';

const MAVOIX_COLOUR = '#2B2B2B';

/**
 * Seats of each group once K MaVoix deputies sit, for the parallel hemicycle. The simulator
 * returns totals only, so the per-group split is derived here with the simulator's own
 * `apportion` and the rule of issue 3 (d = apportion(K, [m_g]); inside a group the d_g replaced
 * deputies take away apportion(d_g, [pour, contre, abst, nv, absent])); a test checks that the
 * removed totals equal `simulate(…).removed` on real scrutins.
 */
export function parallelGroupSeats(row: ComputedRow, k: number, mode: string) {
  const groups = row.sim.groups;
  const members = groups.map((g) => g.members);
  const d = mode === 'proportional' ? apportion(k, members) : groups.map(() => 0);
  if (mode !== 'proportional' && mode !== 'added') throw new ScenarioRunError(`hemicycle: mode ${mode} is not drawn (proportional or added only)`);
  return groups.map((g, i) => {
    const absent = Math.max(0, g.members - g.pour - g.contre - g.abstentions - g.nonVotants);
    const cats = [g.pour, g.contre, g.abstentions, g.nonVotants, absent];
    const removed = d[i]! > 0 ? apportion(d[i]!, cats) : [0, 0, 0, 0, 0];
    return {
      organeRef: g.organeRef,
      seats: { pour: cats[0]! - removed[0]!, contre: cats[1]! - removed[1]!, abstention: cats[2]! - removed[2]!, nonVotant: cats[3]! - removed[3]!, absent: cats[4]! - removed[4]! },
      removed,
    };
  });
}

export function hemicycleChart(c: ComputedScenario, spec: Extract<ChartSpec, { type: 'hemicycle' }>, index: number, data: ScenarioData, r: ComputedRow): BuiltChart {
  const { scenario } = c;
  const mode = spec.mode ?? scenario.mode[0]!;
  const split = splitFor(scenario, r.scrutin, data);
  const result = simulate(r.sim, { split, mode, method: scenario.method, k: spec.k, maxK: 0 });
  const seats = parallelGroupSeats(r, spec.k, mode);
  const groups: HemicycleGroup[] = seats.map((g, i) => {
    const info = data.groups?.get(g.organeRef);
    return { id: `${g.organeRef}-${i}`, label: info?.abbreviation ?? g.organeRef, name: info?.name ?? g.organeRef, colour: info?.colour ?? null, seats: g.seats };
  });
  groups.push({
    id: 'mavoix',
    label: 'MaVoix',
    name: `MaVoix (K = ${spec.k})`,
    colour: MAVOIX_COLOUR,
    emphasis: true,
    seats: { pour: result.bloc.pour, contre: result.bloc.contre, abstention: result.bloc.abstentions, nonVotant: 0, absent: 0 },
  });
  const p = result.parallel;
  const title = spec.title ?? `${r.row.uid} — K = ${spec.k} (${mode})`;
  const csvRows = groups.map((g) => ({ group: g.label, organeRef: g.id.replace(/-\d+$/, ''), ...g.seats }));
  return {
    name: spec.name ?? `hemicycle-${r.row.uid.replace(/^VTANR5L\d+/, '').toLowerCase()}-k${spec.k}`,
    type: 'hemicycle',
    title,
    element: (
      <Hemicycle
        groups={groups}
        title={title}
        width={720}
        idPrefix={`c${index}`}
        headline={`${p.pour} pour`}
        subline={`${p.required} requis · ${p.outcome}`}
      />
    ),
    csv: toCsv(csvRows, ['group', 'organeRef', 'pour', 'contre', 'abstention', 'nonVotant', 'absent']),
    interactiveUrl: scrutinUrl(r.row.uid, spec.k, split, mode, scenario.method),
  };
}
