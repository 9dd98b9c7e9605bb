import { useId } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { isSimulationError, simulateElectionRound } from '@parallele/core';
import { useFormat } from '../../../lib/format';
import { readTypedElection, typedElectionRecord, type TypedElectionState } from './typed-election-state';

/** "members", "candidates.1.votes"… → the field's name in the user's language. */
function fieldName(t: TFunction, path: readonly PropertyKey[]): string {
  const [head, , sub, j, leaf] = path.map(String);
  if (head !== 'rounds') return t(`assemblies.typed.field.${head ?? 'title'}`);
  if (sub === 'candidates' && j !== undefined && leaf) return t(`assemblies.typed.field.candidate_${leaf}`, { n: Number(j) + 1 });
  if (sub === 'candidates') return t('assemblies.typed.field.ballots');
  return t(`assemblies.typed.field.${sub ?? 'rule'}`);
}

/** zod's issue, said in French or English (zod's own messages are English only). */
function issueText(t: TFunction, issue: z.core.$ZodIssue): string {
  const field = fieldName(t, issue.path);
  if (issue.code === 'invalid_type') return t('assemblies.typed.error.number', { field });
  if (issue.code === 'too_small') return t(issue.origin === 'string' ? 'assemblies.typed.error.empty' : 'assemblies.typed.error.min', { field, min: issue.minimum });
  if (issue.code === 'too_big') return t('assemblies.typed.error.max', { field, max: issue.maximum });
  if (issue.code === 'custom' && issue.message.includes('twice')) return t('assemblies.typed.error.twice', { field });
  if (issue.code === 'custom' && issue.message.includes('ballots')) return t('assemblies.typed.error.ballots', { field });
  return t('assemblies.typed.error.invalid', { field });
}

/**
 * Any election a workshop facilitator types in (issue 15 §3): one round, validated by core's
 * ElectionRecordSchema, simulated in the browser by core's simulateElectionRound with K MaVoix
 * members casting the split typed beside each candidate. The whole state is in the URL.
 */
export function TypedElection() {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const state = readTypedElection(params.get('saisie'));
  const update = (next: Partial<TypedElectionState>) => {
    const p = new URLSearchParams(params);
    p.set('saisie', JSON.stringify({ ...state, ...next }));
    setParams(p, { replace: true });
  };
  const setCandidate = (i: number, c: Partial<TypedElectionState['candidates'][number]>) =>
    update({ candidates: state.candidates.map((x, j) => (j === i ? { ...x, ...c } : x)) });

  const parsed = typedElectionRecord(state, new Date().toISOString().slice(0, 10));
  // the split's weights, checked here so their errors are named in the user's language too
  const weights = state.candidates.map((c) => (c.weight.trim() === '' ? NaN : Number(c.weight.replace(',', '.'))));
  const weightErrors = weights.flatMap((w, i) =>
    Number.isFinite(w) && w >= 0 ? [] : [t('assemblies.typed.error.weight', { field: t('assemblies.typed.field.candidate_weight', { n: i + 1 }) })],
  );
  if (weightErrors.length === 0 && weights.every((w) => w === 0)) weightErrors.push(t('assemblies.typed.error.allZero'));
  // cheap (one round): recomputed on every render, as the URL's state is parsed afresh each time
  const result = (() => {
    if (!parsed.success || weightErrors.length > 0) return null;
    const record = parsed.data;
    const round = record.rounds[0]!;
    try {
      return { round, sim: simulateElectionRound(record, round, { k: state.k, split: weights, mode: 'proportional' }), error: null };
    } catch (e) {
      if (isSimulationError(e)) return { round, sim: null, error: e.message };
      throw e;
    }
    })();
  const members = Number(state.members);
  const name = (i: number | null) => (i === null ? null : (result?.round.candidates?.[i]?.name ?? null));

  return (
    <section className="card" data-testid="typed-election">
      <h2>{t('assemblies.typed.title')}</h2>
      <p className="small muted">{t('assemblies.typed.intro')}</p>
      <div className="filters">
        <div className="field">
          <label htmlFor={`${id}-t`}>{t('assemblies.typed.field.title')}</label>
          <input id={`${id}-t`} value={state.title} onChange={(e) => update({ title: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-m`}>{t('assemblies.typed.field.members')}</label>
          <input id={`${id}-m`} inputMode="numeric" value={state.members} onChange={(e) => update({ members: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-r`}>{t('assemblies.typed.field.rule')}</label>
          <select id={`${id}-r`} value={state.rule} onChange={(e) => update({ rule: e.target.value === 'relative' ? 'relative' : 'absolute' })}>
            <option value="absolute">{t('assemblies.election.rule12')}</option>
            <option value="relative">{t('assemblies.election.rule3')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-b`}>{t('assemblies.typed.field.blank')}</label>
          <input id={`${id}-b`} inputMode="numeric" value={state.blank} onChange={(e) => update({ blank: e.target.value })} />
        </div>
      </div>
      <table>
        <thead>
          <tr><th>{t('assemblies.election.candidate')}</th><th>{t('assemblies.election.votes')}</th><th>{t('assemblies.typed.weight')}</th><th /></tr>
        </thead>
        <tbody>
          {state.candidates.map((c, i) => (
            <tr key={i}>
              <td><input aria-label={t('assemblies.typed.field.candidate_name', { n: i + 1 })} value={c.name} onChange={(e) => setCandidate(i, { name: e.target.value })} /></td>
              <td><input aria-label={t('assemblies.typed.field.candidate_votes', { n: i + 1 })} inputMode="numeric" value={c.votes} onChange={(e) => setCandidate(i, { votes: e.target.value })} /></td>
              <td><input aria-label={t('assemblies.typed.field.candidate_weight', { n: i + 1 })} inputMode="decimal" value={c.weight} onChange={(e) => setCandidate(i, { weight: e.target.value })} /></td>
              <td>
                <button type="button" className="button button-secondary" disabled={state.candidates.length <= 1} onClick={() => update({ candidates: state.candidates.filter((_, j) => j !== i) })}>
                  {t('assemblies.typed.remove', { n: i + 1 })}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="button button-secondary" disabled={state.candidates.length >= 40} onClick={() => update({ candidates: [...state.candidates, { name: '', votes: '', weight: '1' }] })}>
        {t('assemblies.typed.add')}
      </button>
      <div className="field">
        <label htmlFor={`${id}-k`}>{t('assemblies.typed.kN', { k: state.k })}</label>
        <input id={`${id}-k`} type="range" min={0} max={Number.isInteger(members) && members > 0 ? Math.min(members, 1000) : 100} value={state.k} onChange={(e) => update({ k: Number(e.target.value) })} data-testid="typed-k" />
      </div>

      {!parsed.success || weightErrors.length > 0 ? (
        <ul className="notice notice-error" role="alert" data-testid="typed-errors">
          {(parsed.success ? [] : parsed.error.issues.map((issue) => issueText(t, issue))).concat(weightErrors).map((text, i) => <li key={i}>{text}</li>)}
        </ul>
      ) : null}
      {result?.error ? <p className="notice notice-error" role="alert">{t('assemblies.typed.cannot', { why: result.error })}</p> : null}
      {result?.sim ? (
        <div data-testid="typed-result">
          <p data-testid="typed-official">
            {t('assemblies.election.exprimes', { n: f.n(result.sim.official.exprimes) })}
            {result.sim.official.required !== null ? ` · ${t('assemblies.election.required', { n: f.n(result.sim.official.required) })}` : ''} ·{' '}
            <strong>{result.sim.official.winner === null ? t('assemblies.election.nobody') : t('assemblies.election.elected', { name: name(result.sim.official.winner) })}</strong>
          </p>
          <h3>{t('assemblies.election.parallel')}</h3>
          <p className="small">{t('assemblies.election.platformLine', { list: [...result.sim.candidates.map((c, i) => `${c} ${result.sim!.bloc[i]}`), `${t('assemblies.election.blank')} ${result.sim.bloc[result.sim.candidates.length]}`].join(', ') })}</p>
          <p data-testid="typed-parallel">
            <strong>
              {result.sim.verdict === 'nothing'
                ? t('assemblies.election.sameWinner')
                : result.sim.verdict === 'other-winner'
                  ? t('assemblies.election.otherWinner', { name: name(result.sim.parallel.winner) })
                  : result.sim.verdict === 'another-round'
                    ? t('assemblies.election.otherRound', { count: 1 })
                    : t('assemblies.election.electedNow', { name: name(result.sim.parallel.winner) })}
            </strong>
          </p>
          <p className="small muted">{t('assemblies.typed.permalink')}</p>
        </div>
      ) : null}
    </section>
  );
}
