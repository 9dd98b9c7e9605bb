import { apportion, simulate } from '@parallele/core';
import type { ChartSpec } from '@parallele/core';
import { Hemicycle, toCsv } from '@parallele/client';
import type { HemicycleGroup } from '@parallele/client';
import type { BuiltChart } from './charts';
import { scrutinUrl } from './charts';
import { ScenarioRunError, type ComputedRow, type ComputedScenario, type ScenarioData } from './compute';

const MAVOIX_COLOUR = '#2B2B2B';

const POSITION_INDEX = { pour: 0, contre: 1, abstention: 2, nonVotant: 3 } as const;

/** Deputies replaced in each group entry, per category (pour, contre, abst, nv, absent), for a mode. */
function removalByGroup(row: ComputedRow, k: number, mode: string): number[][] {
  const groups = row.sim.groups;
  const catsOf = (g: (typeof groups)[number]) => [g.pour, g.contre, g.abstentions, g.nonVotants, Math.max(0, g.members - g.pour - g.contre - g.abstentions - g.nonVotants)];
  const none = () => [0, 0, 0, 0, 0];
  if (mode === 'added') return groups.map(none);
  if (mode === 'proportional') {
    const d = apportion(k, groups.map((g) => g.members));
    return groups.map((g, i) => (d[i]! > 0 ? apportion(d[i]!, catsOf(g)) : none()));
  }
  if (mode.startsWith('group:')) {
    const ref = mode.slice(6);
    const hits = groups.flatMap((g, i) => (g.organeRef === ref ? [i] : []));
    if (hits.length !== 1) throw new ScenarioRunError(`hemicycle: group ${ref} appears ${hits.length} times in ${row.sim.uid}`);
    return groups.map((g, i) => (i === hits[0] && k > 0 ? apportion(k, catsOf(g)) : none()));
  }
  // deputies:PA…,PA…: the first K named deputies leave their group with their recorded position
  const refs = mode.slice(9).split(',').map((r) => r.trim()).slice(0, k);
  const out = groups.map(none);
  for (const ref of refs) {
    const d = row.scrutin.deputies.find((x) => x.acteurRef === ref);
    const gi = d ? groups.findIndex((g) => g.organeRef === d.organeRef) : -1;
    if (!d || gi < 0) throw new ScenarioRunError(`hemicycle: deputy ${ref} has no recorded position in ${row.sim.uid}`);
    out[gi]![POSITION_INDEX[d.position]]!++;
  }
  return out;
}

/**
 * Seats of each group once K MaVoix deputies sit, for the parallel hemicycle. The simulator
 * returns totals only, so the per-group split is derived here with the simulator's own
 * `apportion` and the rules of issue 3 (proportional: d = apportion(K, [m_g]), then inside a
 * group apportion(d_g, [pour, contre, abst, nv, absent]); group: the same inside that group;
 * deputies: their recorded positions). A test checks that the removed totals equal
 * `simulate(…).removed` on real scrutins, for every mode.
 */
export function parallelGroupSeats(row: ComputedRow, k: number, mode: string) {
  const removal = removalByGroup(row, k, mode);
  return row.sim.groups.map((g, i) => {
    const absent = Math.max(0, g.members - g.pour - g.contre - g.abstentions - g.nonVotants);
    const cats = [g.pour, g.contre, g.abstentions, g.nonVotants, absent];
    const removed = removal[i]!;
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
  const split = r.split;
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
