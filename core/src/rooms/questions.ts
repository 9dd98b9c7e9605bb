import type { Scrutin } from '../an/model';
import type { CustomQuestionInput, ElectionData, ElectionQuestion, GroupLabel, VoteQuestion } from '../contracts/rooms';
import { hypotheticalScrutin } from '../simulator/assemblies';
import { toSimScrutin } from '../simulator/types';
import { RoomError } from './errors';

/**
 * Deck items resolved into room questions: a real scrutin (with its groups' names), a round of a
 * shipped election, or a custom question put to the AN groups of a date or to a fictional assembly.
 * Each question carries what its reveal needs, so the room state is self-contained.
 */

export const AN_SOURCE = 'Assemblée nationale – données ouvertes (Licence Ouverte / Etalab 2.0)';
const FICTIONAL_COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#7f7f7f'];

const sentence = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

export function voteQuestionFromScrutin(s: Scrutin, labels: readonly GroupLabel[], text?: string): VoteQuestion {
  const refs = new Set<string>(s.groups.map((g) => g.organeRef));
  return {
    kind: 'vote',
    id: s.uid,
    title: sentence(s.titre).slice(0, 300),
    // the title already names what is voted; a pack may add the question in plain words
    text: (text ?? '').slice(0, 2000),
    date: s.date,
    link: `https://www.assemblee-nationale.fr/dyn/${s.legislature}/scrutins/${s.numero}`,
    source: AN_SOURCE,
    assembly: 'an',
    assemblyName: 'Assemblée nationale',
    sim: toSimScrutin(s),
    groups: s.groups.map((g) => labels.find((l) => l.ref === g.organeRef) ?? { ref: g.organeRef, label: g.organeRef, name: g.organeRef, colour: null }).filter((l) => refs.has(l.ref)),
  };
}

export function electionQuestion(data: ElectionData, round: 1 | 2 | 3, text?: string): ElectionQuestion {
  const r = data.rounds.find((x) => x.round === round);
  if (!r) throw new RoomError('bad-question', 'round', `round: election ${data.id} has no round ${round} in the data`);
  const rule = r.rule === 'absolute' ? 'majorité absolue des suffrages exprimés' : 'majorité relative';
  return {
    kind: 'election',
    id: `${data.id}-t${round}`,
    title: `${data.title.fr} — ${round === 1 ? '1er' : `${round}e`} tour`,
    text: text ?? `Scrutin secret à la tribune, ${rule}. Pour qui votez-vous ?`,
    date: data.id,
    link: null,
    source: data.source,
    round,
    candidates: r.candidates,
    blank: r.blank,
    members: data.members,
    elected: r.elected,
  };
}

/** The AN groups sitting on a date, with their seats (the server reads them from the store). */
export interface AssemblyGroups {
  date: string;
  groups: readonly (GroupLabel & { members: number })[];
}

export function customQuestion(input: CustomQuestionInput, index: number, anGroups: AssemblyGroups | null): VoteQuestion {
  const a = input.assembly;
  const positioned = (p: 'pour' | 'contre' | 'abstention' | undefined, members: number) => ({
    pour: p === 'pour' ? members : 0,
    contre: p === 'contre' ? members : 0,
    abstentions: p === 'abstention' || p === undefined ? members : 0,
  });
  const base = { kind: 'vote' as const, id: `custom-${index + 1}`, title: input.title, text: input.text, date: null, link: null };
  if (a.kind === 'fictional') {
    const groups = a.parties.map((p, i) => ({ ref: `F${i + 1}`, label: p.name, name: p.name, colour: p.colour ?? FICTIONAL_COLOURS[i % FICTIONAL_COLOURS.length]! }));
    const seats = a.parties.reduce((s, p) => s + p.seats, 0);
    const sim = hypotheticalScrutin(
      { id: 'fictional', name: a.name, nameEn: a.name, seats, maxBloc: seats, rule: 'exprimes' },
      { uid: base.id, groups: a.parties.map((p, i) => ({ name: `F${i + 1}`, members: p.seats, ...positioned(p.position, p.seats) })) },
    );
    return { ...base, source: 'Assemblée fictive', assembly: 'fictional', assemblyName: a.name, sim, groups };
  }
  if (!anGroups || anGroups.groups.length === 0) throw new RoomError('bad-question', 'assembly.date', `assembly.date: no AN groups are known on ${a.date}`);
  for (const key of Object.keys(a.positions)) {
    if (!anGroups.groups.some((g) => g.ref === key || g.label === key)) {
      throw new RoomError('bad-question', `assembly.positions.${key}`, `assembly.positions.${key}: no group ${key} sat on ${a.date} (groups: ${anGroups.groups.map((g) => g.label).join(', ')})`);
    }
  }
  const sim = hypotheticalScrutin(
    { id: 'an', name: 'Assemblée nationale', nameEn: 'National Assembly', seats: 577, maxBloc: 577, rule: 'exprimes' },
    { uid: base.id, groups: anGroups.groups.map((g) => ({ name: g.ref, members: g.members, ...positioned(a.positions[g.ref] ?? a.positions[g.label], g.members) })) },
  );
  const groups = anGroups.groups.map(({ ref, label, name, colour }) => ({ ref, label, name, colour }));
  return { ...base, date: anGroups.date, source: `Groupes de l’Assemblée nationale au ${anGroups.date} (${AN_SOURCE})`, assembly: 'an', assemblyName: 'Assemblée nationale', sim, groups };
}
