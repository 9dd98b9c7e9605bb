import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isSimulationError, simulateElectionRound, type ElectionDetail } from '@parallele/core';
import { useFormat } from '../../../lib/format';
import { useAccountStore } from '../../account';
import { castBallot } from '../api';

type RoundDetail = ElectionDetail['roundsDetail'][number];

/**
 * One round: the official figures (or its gaps), the citizen's ballot, and what K MaVoix deputies
 * casting the platform's split would have done, computed in the browser by the pure core function.
 * Reusable outside /elections (a workshop room's typed-in election): pass `ballot` to send the
 * ballot elsewhere, and `canVote` when the room, not the account, decides who votes.
 */
export function ElectionRound({ election, round, mine, onVoted, k, mode, ballot, canVote }: {
  election: ElectionDetail;
  round: RoundDetail;
  mine: string | undefined;
  onVoted: () => void;
  k: number;
  mode: 'proportional' | 'added';
  ballot?: (candidate: string) => Promise<unknown>;
  canVote?: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const signedIn = useAccountStore((s) => s.me) !== null;
  const me = canVote ?? signedIn;
  const [error, setError] = useState<string | null>(null);
  const candidates = round.candidates ?? [];
  const sim = useMemo(() => {
    if (round.unsimulable || !round.candidates) return null;
    // the platform's ballots; an even split while nobody has voted
    const platformSplit = round.platform.total > 0 ? [...round.platform.votes, round.platform.blank] : round.candidates.map(() => 1);
    try {
      return simulateElectionRound(election, round, { k, split: platformSplit, mode });
    } catch (e) {
      if (isSimulationError(e)) return null;
      throw e;
    }
  }, [election, round, k, mode]);

  async function vote(candidate: string) {
    setError(null);
    try {
      await (ballot ? ballot(candidate) : castBallot(election.id, round.round, candidate));
      onVoted();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  const name = (i: number | null) => (i === null ? null : (candidates[i]?.name ?? null));
  return (
    <section className="card" data-testid={`round-${round.round}`}>
      <h2>
        {t('assemblies.election.round', { n: round.round })} · <span className="muted small">{round.rule === 'relative' ? t('assemblies.election.rule3') : t('assemblies.election.rule12')}</span>
      </h2>
      {round.gaps.map((g) => (
        <p key={g} className="notice notice-info" role="note">{t('assemblies.election.gap', { what: g })}</p>
      ))}
      {round.notes.map((n) => (
        <p key={n} className="small muted">{n}</p>
      ))}
      {candidates.length > 0 ? (
        <table>
          <thead>
            <tr><th>{t('assemblies.election.candidate')}</th><th>{t('assemblies.election.votes')}</th><th>MaVoix</th></tr>
          </thead>
          <tbody>
            {candidates.map((c, i) => (
              <tr key={c.name}>
                <td>{c.name}{c.group ? <span className="muted small"> ({c.group})</span> : null}</td>
                <td>{f.n(c.votes)}</td>
                <td>{f.n(round.platform.votes[i] ?? 0)}</td>
              </tr>
            ))}
            <tr><td>{t('assemblies.election.blank')}</td><td>{round.blank === null ? '—' : f.n(round.blank)}</td><td>{f.n(round.platform.blank)}</td></tr>
          </tbody>
        </table>
      ) : null}
      {round.official ? (
        <p data-testid={`official-${round.round}`}>
          {t('assemblies.election.exprimes', { n: f.n(round.official.exprimes) })}
          {round.official.required !== null ? ` · ${t('assemblies.election.required', { n: f.n(round.official.required) })}` : ''} ·{' '}
          <strong>{round.official.winner === null ? t('assemblies.election.nobody') : t('assemblies.election.elected', { name: name(round.official.winner) })}</strong>
        </p>
      ) : round.elected ? (
        <p><strong>{t('assemblies.election.elected', { name: round.elected })}</strong></p>
      ) : null}

      {candidates.length > 0 ? (
        <div>
          <h3>{t('assemblies.election.yourVote')}</h3>
          <div className="button-row" style={{ display: 'flex', flexWrap: 'wrap', gap: '0.4rem' }}>
            {candidates.map((c) => (
              <button key={c.name} type="button" className={mine === c.name ? 'button' : 'button button-secondary'} aria-pressed={mine === c.name} disabled={!me} onClick={() => void vote(c.name)}>
                {t('assemblies.election.voteFor', { name: c.name })}
              </button>
            ))}
            <button type="button" className={mine === '' ? 'button' : 'button button-secondary'} aria-pressed={mine === ''} disabled={!me} onClick={() => void vote('')}>
              {t('assemblies.election.voteBlank')}
            </button>
          </div>
          {!me ? <p className="small"><Link to="/account?next=/elections">{t('vote.loginToVote')}</Link></p> : null}
          {mine !== undefined ? <p className="small" role="status">{t('assemblies.election.yourChoice', { name: mine === '' ? t('assemblies.election.blank') : mine })}</p> : null}
          {error ? <p className="notice notice-error" role="alert">{error}</p> : null}
        </div>
      ) : null}

      {sim ? (
        <div data-testid={`parallel-${round.round}`}>
          <h3>{t('assemblies.election.parallel')}</h3>
          {round.platform.total === 0 ? <p className="small muted">{t('assemblies.election.noVotes')}</p> : null}
          <p className="small">{t('assemblies.election.platformLine', { list: [...candidates.map((c, i) => `${c.name} ${sim.bloc[i]}`), `${t('assemblies.election.blank')} ${sim.bloc[candidates.length]}`].join(', ') })}</p>
          <p>
            <strong>
              {sim.verdict === 'nothing'
                ? t('assemblies.election.sameWinner')
                : sim.verdict === 'other-winner'
                  ? t('assemblies.election.otherWinner', { name: name(sim.parallel.winner) })
                  : sim.verdict === 'another-round'
                    ? t('assemblies.election.otherRound', { count: 1 })
                    : t('assemblies.election.electedNow', { name: name(sim.parallel.winner) })}
            </strong>
          </p>
        </div>
      ) : null}
    </section>
  );
}
