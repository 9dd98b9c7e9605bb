import { z } from 'zod';
import { organeRef, scrutinUid } from '../an/ids';
import type { Group, GroupVote, Scrutin } from '../an/model';
import { requiredFor, type VoteRule } from '../simulator/types';


/**
 * A user-defined assembly (issue 15 §4): a local council with its lists or groups, its majority
 * rule and its deliberations with their official result (by group when known, totals otherwise),
 * from a YAML or JSON file, deliberations optionally from a CSV. The schema names EVERY bad field
 * (zod's path: `deliberations.2.byGroup.majorite.pour`). Records become the same model as the AN's
 * (organe `CM-<council>`, uid `CM-<council>-<deliberation>`), so citizens vote and the simulator
 * runs on them unchanged. A council decides by the absolute majority of the votes cast
 * (CGCT L2121-20) unless the file says otherwise; the mayor's casting vote is not modelled.
 */
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,23}$/, 'expected 1–24 lower-case letters, digits or -');
const count = z.number({ error: 'expected a number' }).int({ error: 'expected a whole number' }).nonnegative({ error: 'expected a number ≥ 0' });
const colour = z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'expected a colour #RRGGBB');

export const COUNCIL_RULES = ['exprimes', 'members', 'three-fifths', 'simple'] as const;

const PositionsSchema = z.strictObject({ pour: count, contre: count, abstentions: count.default(0) });

export const CouncilDeliberationSchema = z.strictObject({
  id: slug,
  date: z.iso.date({ error: 'expected a date YYYY-MM-DD' }),
  title: z.string().trim().min(1).max(500),
  description: z.string().max(2000).optional(),
  /** the official result by group (group id → positions), when the minutes give it */
  byGroup: z.record(z.string(), PositionsSchema).optional(),
  /** the official totals, when only they are known */
  totals: PositionsSchema.optional(),
  /** as announced; checked against the rule */
  outcome: z.enum(['adopté', 'rejeté']).optional(),
});

export const CouncilSchema = z.strictObject({
  id: slug,
  name: z.string().trim().min(1).max(200),
  /** true for an example or a workshop's invented council: shown as such everywhere */
  fictional: z.boolean(),
  source: z.string().max(500).optional(),
  seats: z.number().int().min(1).max(1000),
  rule: z.enum(COUNCIL_RULES).default('exprimes'),
  groups: z.array(z.strictObject({ id: slug, name: z.string().trim().min(1).max(120), seats: z.number().int().min(1), colour: colour.optional() })).min(1).max(40),
});

export const CouncilFileSchema = z
  .strictObject({ council: CouncilSchema, deliberations: z.array(CouncilDeliberationSchema).default([]) })
  .superRefine((f, ctx) => {
    const seats = f.council.groups.reduce((a, g) => a + g.seats, 0);
    if (seats > f.council.seats) ctx.addIssue({ code: 'custom', path: ['council', 'groups'], message: `the groups hold ${seats} seats, more than the council's ${f.council.seats}` });
    const groups = new Map(f.council.groups.map((g) => [g.id, g]));
    if (groups.size !== f.council.groups.length) ctx.addIssue({ code: 'custom', path: ['council', 'groups'], message: 'two groups share an id' });
    const ids = new Set<string>();
    f.deliberations.forEach((d, i) => {
      const at = (...p: (string | number)[]) => ['deliberations', i, ...p];
      if (ids.has(d.id)) ctx.addIssue({ code: 'custom', path: at('id'), message: `${d.id} is used twice` });
      ids.add(d.id);
      if (!d.byGroup === !d.totals) ctx.addIssue({ code: 'custom', path: at('byGroup'), message: 'give either byGroup (the result by group) or totals, exactly one' });
      for (const [gid, p] of Object.entries(d.byGroup ?? {})) {
        const g = groups.get(gid);
        if (!g) ctx.addIssue({ code: 'custom', path: at('byGroup', gid), message: `unknown group "${gid}" (expected ${[...groups.keys()].join(', ')})` });
        else if (p.pour + p.contre + p.abstentions > g.seats) ctx.addIssue({ code: 'custom', path: at('byGroup', gid), message: `${p.pour + p.contre + p.abstentions} votes for the ${g.seats} seats of ${g.name}` });
      }
      if (d.totals && d.totals.pour + d.totals.contre + d.totals.abstentions > f.council.seats) {
        ctx.addIssue({ code: 'custom', path: at('totals'), message: `more votes than the council's ${f.council.seats} seats` });
      }
      const r = deliberationResult(f.council, d);
      if (d.outcome && r && d.outcome !== r.outcome) ctx.addIssue({ code: 'custom', path: at('outcome'), message: `"${d.outcome}" contradicts the counts (pour ${r.pour}, ${r.requis} required by the ${f.council.rule} rule)` });
    });
  });
export type CouncilFile = z.output<typeof CouncilFileSchema>;
export type Council = z.output<typeof CouncilSchema>;
export type CouncilDeliberation = z.output<typeof CouncilDeliberationSchema>;

/** Every zod issue as `path: message`, one per line: what an admin reads to fix a file. */
export const describeIssues = (error: z.ZodError): string[] => error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`);

const LABELS: Record<VoteRule, string> = {
  exprimes: 'majorité absolue des suffrages exprimés',
  members: 'majorité des membres composant le conseil',
  'three-fifths': 'trois cinquièmes des suffrages exprimés',
  simple: 'majorité simple des suffrages exprimés',
};

function deliberationResult(c: Council, d: CouncilDeliberation) {
  const rows = d.byGroup ? Object.values(d.byGroup) : d.totals ? [d.totals] : null;
  if (!rows) return null;
  const pour = rows.reduce((a, r) => a + r.pour, 0);
  const contre = rows.reduce((a, r) => a + r.contre, 0);
  const abstentions = rows.reduce((a, r) => a + r.abstentions, 0);
  const requis = requiredFor(c.rule, pour, contre, c.seats);
  return { pour, contre, abstentions, requis, outcome: pour >= requis ? ('adopté' as const) : ('rejeté' as const) };
}

export const councilOrganeRef = (councilId: string) => `CM-${councilId}`;
export const isCouncil = (s: { organeRef: string }) => s.organeRef.startsWith('CM-');

/** The council and its groups as organes, for names and colours. */
export function councilGroups(c: Council): Group[] {
  const base = councilOrganeRef(c.id);
  const organe = (ref: string, kind: string, name: string, abbreviation: string | null, colourValue: string | null, preseance: number | null): Group => ({
    ref: organeRef(ref), kind, name, abbreviation, colour: colourValue, politicalPosition: null, legislature: null, startDate: null, endDate: null, preseance,
  });
  return [
    organe(base, 'CONSEIL', c.fictional ? `${c.name} (exemple fictif)` : c.name, null, null, null),
    organe(`${base}-TOTAL`, 'LISTE', 'Ensemble du conseil (totaux seuls)', 'Total', '#7A7A7A', null),
    ...c.groups.map((g, i) => organe(`${base}-${g.id}`, 'LISTE', g.name, g.name.length <= 12 ? g.name : g.id.toUpperCase(), g.colour ?? null, i)),
  ];
}

/** A deliberation as a record of the common model; by group when known, else one entry for the whole council. */
export function councilScrutin(c: Council, d: CouncilDeliberation, numero: number): Scrutin {
  const r = deliberationResult(c, d)!;
  const base = councilOrganeRef(c.id);
  const entry = (ref: string, members: number, p: { pour: number; contre: number; abstentions: number }): GroupVote => ({
    organeRef: organeRef(ref), members, pour: p.pour, contre: p.contre, abstentions: p.abstentions, nonVotants: 0,
    majorityPosition: p.contre > p.pour && p.contre >= p.abstentions ? 'contre' : p.abstentions > p.pour && p.abstentions > p.contre ? 'abstention' : 'pour',
  });
  const groups = d.byGroup
    ? c.groups.map((g) => entry(`${base}-${g.id}`, g.seats, d.byGroup![g.id] ?? { pour: 0, contre: 0, abstentions: 0 }))
    : [entry(`${base}-TOTAL`, c.seats, r)];
  return {
    uid: scrutinUid(`${base}-${d.id}`), legislature: 1, numero, organeRef: organeRef(base), sessionRef: null, seanceRef: null, date: d.date, sittingOfDay: null,
    type: 'SPO', typeLabel: c.fictional ? 'délibération (conseil fictif)' : 'délibération du conseil', majorityLabel: LABELS[c.rule],
    outcome: r.outcome, outcomeLabel: null, titre: d.title, objet: d.description ?? null, demandeur: null, place: null, announcement: null,
    totals: { pour: r.pour, contre: r.contre, abstentions: r.abstentions, nonVotants: 0, votants: r.pour + r.contre + r.abstentions, exprimes: r.pour + r.contre, requis: r.requis },
    groups, deputies: [], misesAuPoint: [],
  };
}
