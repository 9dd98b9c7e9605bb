import {
  bestCaseSplit,
  bestCaseTippingPoint,
  expandK,
  isSimulationError,
  officialTally,
  requiredShare,
  resolvePlatformSplit,
  splitPercents,
  selectScrutins,
  simulate,
  tippingPoint,
  toSimScrutin,
} from '@parallele/core';
import type { ChartSpec, CitizenSplit, PlatformVotes, Scenario, ScenarioIssue, ScenarioKeyFigure, ScenarioRow, Scrutin, SimScrutin } from '@parallele/core';

/** Where the scenario's scrutins come from (the bundled files or the store) and, optionally, citizen votes. */
export interface ScenarioData {
  scrutins: readonly Scrutin[];
  /**
   * The platform's citizen votes, injected by whoever holds the store (the server's votes
   * service, the `--database` CLI, a test): `split.source: platform` cannot run without it.
   */
  platformVotes?: PlatformVotes;
  /** group names and colours for the hemicycle, by organe ref */
  groups?: ReadonlyMap<string, { abbreviation: string | null; name: string; colour: string | null }>;
}

export interface ComputedRow {
  scrutin: Scrutin;
  sim: SimScrutin;
  /** the bloc's split on this scrutin (charts reuse it rather than asking the provider again) */
  split: CitizenSplit;
  row: ScenarioRow;
}

export interface ExcludedScrutin {
  uid: string;
  titre: string;
  reason: string;
}

export interface ComputedScenario {
  scenario: Scenario;
  ks: number[];
  tableK: number;
  rows: ComputedRow[];
  /** selected scrutins left out (`platform` split without votes and `whenNoVotes: exclude`) */
  excluded: ExcludedScrutin[];
  /** per mode: K* per scrutin (null: never tips; undefined: not computable in that mode) */
  leverage: Record<string, { scrutins: number; excluded: number; flippable: Record<string, number> }>;
  keyFigures: ScenarioKeyFigure[];
}

export class ScenarioRunError extends Error {
  override readonly name = 'ScenarioRunError';
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** What the offline runner says about a `platform` scenario: the votes live in the server's store. */
export const PLATFORM_NEEDS_STORE =
  "split.source platform needs the citizens' votes, which live in the server's store: pass --database file:data/parallele.db (or set DATABASE_URL)";

type ResolvedSplit = { split: CitizenSplit; platform?: NonNullable<ScenarioRow['platform']> } | { excluded: string };

function resolveSplit(scenario: Scenario, s: Scrutin, data: ScenarioData): ResolvedSplit {
  const src = scenario.split;
  if (src.source !== 'platform') return { split: splitFor(scenario, s, data) };
  if (!data.platformVotes) throw new ScenarioRunError(PLATFORM_NEEDS_STORE);
  const r = resolvePlatformSplit(src, data.platformVotes(s.uid, src.tally));
  if (r.use === 'exclude') return { excluded: r.reason };
  return { split: r.split, platform: { votes: r.votes, total: r.total, used: r.use } };
}

/** The split the K MaVoix deputies cast on one scrutin, according to the scenario's split source. */
export function splitFor(scenario: Scenario, s: Scrutin, data: ScenarioData): CitizenSplit {
  const src = scenario.split;
  switch (src.source) {
    case 'best-case':
      return bestCaseSplit(s.outcome);
    case 'fixed':
    case 'poll': {
      const o = src.overrides?.[s.uid];
      return o ? [o.pour, o.contre, o.abstention] : [src.pour, src.contre, src.abstention];
    }
    case 'platform': {
      if (!data.platformVotes) throw new ScenarioRunError(PLATFORM_NEEDS_STORE);
      const r = resolvePlatformSplit(src, data.platformVotes(s.uid, src.tally));
      if (r.use === 'exclude') throw new ScenarioRunError(`${s.uid} is left out of the scenario: ${r.reason} (split.whenNoVotes: exclude)`);
      return r.split;
    }
  }
}

/** The K of the table and key figures: a table chart's own K, else the largest K of the scenario. */
export function tableKOf(scenario: Scenario, ks: number[]): number {
  const t = scenario.charts.find((c): c is Extract<ChartSpec, { type: 'table' }> => c.type === 'table');
  return t?.k ?? Math.max(...ks);
}

function computeRow(scenario: Scenario, s: Scrutin, split: CitizenSplit, tableK: number, platform?: ScenarioRow['platform']): ComputedRow {
  const sim = toSimScrutin(s, { withDeputies: scenario.mode.some((m) => m.startsWith('deputies:')) });
  const modes: ScenarioRow['modes'] = {};
  for (const mode of scenario.mode) {
    const base = { k: tableK, split: [split[0], split[1], split[2]] as [number, number, number] };
    try {
      const opts = { split, mode, method: scenario.method };
      const kStar = tippingPoint(sim, opts);
      const best = bestCaseTippingPoint(sim, mode, mode === 'added' ? 577 : Number.MAX_SAFE_INTEGER);
      let parallel = null;
      let flipped = null;
      let error: string | undefined;
      try {
        const r = simulate(sim, { ...opts, k: tableK, maxK: 0 });
        parallel = r.parallel;
        flipped = r.flipped;
      } catch (e) {
        if (!isSimulationError(e)) throw e;
        error = e.message;
      }
      modes[mode] = { ...base, parallel, flipped, tippingPoint: kStar, bestCaseTippingPoint: best, ...(error ? { error } : {}) };
    } catch (e) {
      if (!isSimulationError(e)) throw e;
      modes[mode] = { ...base, parallel: null, flipped: null, tippingPoint: null, bestCaseTippingPoint: null, error: e.message };
    }
  }
  const row: ScenarioRow = {
    uid: s.uid,
    legislature: s.legislature,
    numero: s.numero,
    date: s.date,
    type: s.type,
    titre: s.titre,
    official: officialTally(sim),
    modes,
    ...(platform ? { platform } : {}),
  };
  return { scrutin: s, sim, split, row };
}

/**
 * Leverage as issue 3 defines it, with the scenario's split: for each K, how many scrutins have
 * K* ≤ K. Scrutins the mode cannot apply to (a group absent from the scrutin) are counted apart.
 */
function leverageOf(rows: ComputedRow[], mode: string, ks: number[]) {
  let excluded = 0;
  const stars: number[] = [];
  for (const { row } of rows) {
    const m = row.modes[mode];
    if (!m || (m.error && m.tippingPoint === null && m.bestCaseTippingPoint === null)) excluded++;
    else if (m.tippingPoint !== null) stars.push(m.tippingPoint);
  }
  const flippable = Object.fromEntries(ks.filter((k) => k >= 1).map((k) => [String(k), stars.filter((s) => s <= k).length]));
  return { scrutins: rows.length - excluded, excluded, flippable };
}

function keyFigures(c: Omit<ComputedScenario, 'keyFigures'>): ScenarioKeyFigure[] {
  const { scenario, rows, tableK, leverage } = c;
  const out: ScenarioKeyFigure[] = [{ id: 'scrutins', label: 'Scrutins étudiés', value: rows.length }];
  if (scenario.split.source === 'platform') out.push(...platformFigures(c));
  for (const mode of scenario.mode) {
    const flipped = rows.filter((r) => r.row.modes[mode]?.flipped).length;
    out.push({ id: `flipped:${mode}:${tableK}`, label: `Issues changées avec K = ${tableK} (${mode})`, value: flipped });
    const lev = leverage[mode]!;
    for (const k of [1, 2, 5, 10, 20, 50, 100]) {
      const v = lev.flippable[String(k)];
      if (v !== undefined && c.ks.length > 1 && rows.length > 5) out.push({ id: `leverage:${mode}:${k}`, label: `Scrutins basculables avec K ≤ ${k} (${mode})`, value: v });
    }
  }
  if (rows.length <= 5) {
    for (const { row, sim } of rows) {
      for (const mode of scenario.mode) {
        const m = row.modes[mode]!;
        out.push({ id: `tipping-point:${row.uid}:${mode}`, label: `K* ${row.uid} (${mode}, répartition du scénario)`, value: m.tippingPoint });
        out.push({ id: `best-case-tipping-point:${row.uid}:${mode}`, label: `K* ${row.uid} (${mode}, meilleur cas)`, value: m.bestCaseTippingPoint });
        // "with what split": the pour share that tips the vote at K*, at the table's K and at round Ks
        const at = [m.bestCaseTippingPoint, tableK, ...[50, 100, 150, 200, 300].filter((k) => c.ks.includes(k))];
        for (const k of [...new Set(at.filter((x): x is number => x !== null))].sort((a, b) => a - b)) {
          try {
            const rs = requiredShare(sim, { k, mode, method: scenario.method });
            out.push({
              id: `required-share:${row.uid}:${mode}:${k}`,
              label: `Part « pour » minimale du bloc pour adopter ${row.uid} avec K = ${k} (${mode})`,
              value: rs.share === null ? null : round(rs.share),
              ...(rs.exact ? { detail: `${rs.exact[0]}/${rs.exact[1]} (${rs.seats} sièges pour sur ${k})` } : { detail: 'aucune part ne fait adopter' }),
            });
          } catch (e) {
            if (!isSimulationError(e)) throw e;
          }
        }
      }
    }
  }
  return out;
}

/** How much of the scenario rests on citizens' votes, and each small scenario's split (75 / 25 / 0 %). */
function platformFigures(c: Omit<ComputedScenario, 'keyFigures'>): ScenarioKeyFigure[] {
  const withVotes = c.rows.filter((r) => r.row.platform?.used === 'platform');
  const fallback = c.rows.length - withVotes.length;
  const out: ScenarioKeyFigure[] = [
    { id: 'platform:scrutins-with-votes', label: 'Scrutins avec des votes citoyens', value: withVotes.length },
    { id: 'platform:votes', label: 'Votes citoyens comptés', value: withVotes.reduce((n, r) => n + (r.row.platform?.total ?? 0), 0) },
  ];
  if (fallback > 0) out.push({ id: 'platform:fallback', label: 'Scrutins sans votes citoyens (répartition de repli)', value: fallback });
  if (c.excluded.length > 0) out.push({ id: 'platform:excluded', label: 'Scrutins sans votes citoyens (exclus)', value: c.excluded.length });
  if (c.rows.length <= 5) {
    for (const { row, split } of c.rows) {
      const p = row.platform!;
      const [pour, contre, abstention] = splitPercents(split);
      out.push({
        id: `platform:share-pour:${row.uid}`,
        label: `Part « pour » du bloc sur ${row.uid}${p.used === 'fallback' ? ' (repli : aucun vote citoyen)' : ''}`,
        value: round(pour / 100),
        detail: `${pour} % pour / ${contre} % contre / ${abstention} % abstention — ${p.votes.pour} pour, ${p.votes.contre} contre, ${p.votes.abstention} abstention`,
      });
    }
  }
  return out;
}

/**
 * What only the data can tell: a K larger than the Assembly it replaces members of. With the
 * `proportional` mode (and in every chart), K cannot exceed the members of a selected scrutin.
 */
export function checkScenarioAgainstData(scenario: Scenario, data: ScenarioData): ScenarioIssue[] {
  const selected = selectScrutins(scenario.scrutins, data.scrutins);
  if (selected.length === 0) return [{ path: ['scrutins'], message: 'the selection matches no scrutin in the data' }];
  const members = (s: Scrutin) => s.groups.reduce((n, g) => n + g.members, 0);
  const smallest = selected.reduce((a, b) => (members(b) < members(a) ? b : a));
  const issues: ScenarioIssue[] = [];
  const maxK = Math.max(...expandK(scenario.k));
  if (scenario.mode.includes('proportional') && maxK > members(smallest))
    issues.push({ path: ['k'], message: `K = ${maxK} exceeds the ${members(smallest)} members of ${smallest.uid} (mode proportional replaces sitting deputies)` });
  scenario.charts.forEach((chart, i) => {
    if (chart.type === 'leverage' || chart.type === 'table' || (chart.mode ?? scenario.mode[0]) !== 'proportional') return;
    const s = chart.scrutin ? selected.find((x) => x.uid === chart.scrutin) : selected[0];
    const top = typeof chart.k === 'number' ? chart.k : chart.k?.to;
    if (s && top !== undefined && top > members(s))
      issues.push({ path: ['charts', i, 'k'], message: `K = ${top} exceeds the ${members(s)} members of ${s.uid}` });
  });
  return issues;
}

/** Runs the simulator over the scenario's scrutins: everything the charts and the report need. */
export function computeScenario(scenario: Scenario, data: ScenarioData): ComputedScenario {
  const selected = selectScrutins(scenario.scrutins, data.scrutins);
  if (selected.length === 0) throw new ScenarioRunError('scrutins: the selection matches no scrutin in the data');
  const ks = expandK(scenario.k);
  const tableK = tableKOf(scenario, ks);
  const rows: ComputedRow[] = [];
  const excluded: ExcludedScrutin[] = [];
  for (const s of selected) {
    const r = resolveSplit(scenario, s, data);
    if ('excluded' in r) excluded.push({ uid: s.uid, titre: s.titre, reason: r.excluded });
    else rows.push(computeRow(scenario, s, r.split, tableK, r.platform));
  }
  if (rows.length === 0)
    throw new ScenarioRunError(
      `split: none of the ${selected.length} selected scrutins has citizen votes on the platform (whenNoVotes: exclude); declare \`whenNoVotes: fallback\` with a \`fallback\` split to run it anyway`,
    );
  const leverage = Object.fromEntries(scenario.mode.map((m) => [m, leverageOf(rows, m, ks)]));
  const base = { scenario, ks, tableK, rows, excluded, leverage };
  return { ...base, keyFigures: keyFigures(base) };
}
