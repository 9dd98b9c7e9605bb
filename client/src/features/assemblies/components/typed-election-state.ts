import { z } from 'zod';
import { ElectionRecordSchema } from '@parallele/core';

/**
 * The state of an election a workshop facilitator types in (issue 15 §3), kept in the URL
 * (`?saisie=…`) so the page is a permalink. Numbers stay strings here: the form must be able to
 * hold what the user typed, even when invalid, and ElectionRecordSchema says what is wrong.
 */
export const TypedElectionStateSchema = z.object({
  title: z.string().max(200),
  members: z.string().max(12),
  rule: z.enum(['absolute', 'relative']),
  blank: z.string().max(12),
  candidates: z.array(z.object({ name: z.string().max(120), votes: z.string().max(12), weight: z.string().max(12) })).min(1).max(40),
  k: z.number().int().min(0).max(100_000),
});
export type TypedElectionState = z.infer<typeof TypedElectionStateSchema>;

export const DEFAULT_TYPED_ELECTION: TypedElectionState = {
  title: '', members: '', rule: 'absolute', blank: '0', k: 1,
  candidates: [{ name: '', votes: '', weight: '1' }, { name: '', votes: '', weight: '1' }],
};

/** The URL's state, or the empty form when the parameter is absent or was tampered with. */
export function readTypedElection(param: string | null): TypedElectionState {
  if (!param) return DEFAULT_TYPED_ELECTION;
  try {
    const parsed = TypedElectionStateSchema.safeParse(JSON.parse(param));
    return parsed.success ? parsed.data : DEFAULT_TYPED_ELECTION;
  } catch {
    return DEFAULT_TYPED_ELECTION;
  }
}

// '' stays undefined (a missing field, named as such), anything else a number zod checks
const num = (s: string) => (s.trim() === '' ? undefined : Number(s.replace(',', '.')));

/** The typed-in state validated by core's ElectionRecordSchema: the record, or zod's issues. */
export function typedElectionRecord(s: TypedElectionState, today: string) {
  return ElectionRecordSchema.safeParse({
    id: 'saisie', title: s.title.trim(), date: today, members: num(s.members), source: 'saisie',
    rounds: [{ round: 1, rule: s.rule, blank: num(s.blank) ?? 0, candidates: s.candidates.map((c) => ({ name: c.name, votes: num(c.votes) })) }],
  });
}
