import { useEffect, useId } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { TALLY_SCOPES, VOTE_CHOICES, type TallyCounts, type TallyScope, type VoteChoice } from '@parallele/core';
import { ErrorNotice } from '../../../components/status';
import { useFormat } from '../../../lib/format';
import { useAccountStore } from '../../account';
import { entryOf, SCOPE_LABEL, useVotesStore } from '../store';

const GLYPH: Record<VoteChoice, string> = { pour: '✓', contre: '✗', abstention: '○' };
const COLOUR: Record<VoteChoice, string> = { pour: '#11703f', contre: '#b3102a', abstention: '#8a6d00' };

export type TallyScopeView = TallyScope;

/** The citizens' tally as a bar and three figures, for the chosen scope. */
export function TallyView({ counts, title }: { counts: TallyCounts; title?: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const total = counts.total || 1;
  return (
    <div className="tally" aria-live="polite">
      {title ? <p className="eyebrow">{title}</p> : null}
      <div className="bar" role="img" aria-label={VOTE_CHOICES.map((c) => `${f.n(counts[c])} ${t(`position.${c}`)}`).join(', ')}>
        {VOTE_CHOICES.map((c) => (
          <span key={c} style={{ width: `${(100 * counts[c]) / total}%`, background: COLOUR[c] }} />
        ))}
      </div>
      <dl className="figures" style={{ marginTop: '0.5rem' }}>
        {VOTE_CHOICES.map((c) => (
          <div key={c}>
            <dt>
              {GLYPH[c]} {t(`positionPlural.${c}`)}
            </dt>
            <dd data-testid={`tally-${c}`}>{f.n(counts[c])}</dd>
          </div>
        ))}
        <div>
          <dt>Total</dt>
          <dd data-testid="tally-total">{f.n(counts.total)}</dd>
        </div>
      </dl>
    </div>
  );
}

/**
 * A platform question's own words (the agenda feature gives them): its title and prompt, where to
 * come back after signing in, and why it closed (its sitting started…, not "the deputies voted").
 */
export interface QuestionWording {
  title: string;
  prompt: string;
  backTo: string;
  closed: string;
}

/** Vote buttons, the citizen's vote and receipt, and the live tally of the platform. */
export function VotePanel({ uid, compact = false, question }: { uid: string; compact?: boolean; question?: QuestionWording }) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const me = useAccountStore((s) => s.me);
  const entry = useVotesStore((s) => entryOf(s, uid));
  const follow = useVotesStore((s) => s.follow);
  const retryTally = useVotesStore((s) => s.retryTally);
  const loadMine = useVotesStore((s) => s.loadMine);
  const cast = useVotesStore((s) => s.cast);
  const scope = useVotesStore((s) => s.scope);
  const setScope = useVotesStore((s) => s.setScope);

  useEffect(() => follow(uid), [uid, follow]);
  useEffect(() => {
    if (me) void loadMine(uid);
  }, [uid, me, loadMine]);

  const closed = entry.window?.status === 'closed';
  const canVote = !!me && me.level !== 'none' && !closed;
  const navigate = useNavigate();
  const loginUrl = `/account?next=${encodeURIComponent(question?.backTo ?? `/scrutins/${uid}`)}`;
  const closedByTime = question && entry.voteError?.code === 'question_closed';
  const counts = entry.tally ? entry.tally[scope] : null;

  return (
    <section className="card vote-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{question?.title ?? t('vote.title')}</h2>
      <p>{question?.prompt ?? t('vote.question')}</p>
      <div className="vote-buttons" role="group" aria-label={t('vote.title')}>
        {VOTE_CHOICES.map((c) => (
          <button
            key={c}
            type="button"
            className="vote-button"
            aria-pressed={entry.mine?.choice === c}
            // Signed out, a click leads to sign-in and back here. While a vote is sending the
            // buttons stay enabled (aria-disabled): a disabled button would drop the keyboard focus.
            disabled={!!me && !canVote}
            aria-disabled={entry.sending !== null || undefined}
            onClick={() => {
              if (!me) void navigate(loginUrl);
              else if (entry.sending === null) void cast(uid, c);
            }}
            data-testid={`vote-${c}`}
          >
            <span className="glyph" aria-hidden="true" style={{ color: entry.mine?.choice === c ? '#fff' : COLOUR[c] }}>
              {GLYPH[c]}
            </span>
            {t(`position.${c}`)}
          </button>
        ))}
      </div>
      {!me ? (
        <p className="small" style={{ marginTop: '0.6rem' }}>
          <Link to={loginUrl}>{t('vote.loginToVote')}</Link>
        </p>
      ) : me.level === 'none' ? (
        <p className="small" style={{ marginTop: '0.6rem' }}>
          <Link to="/account">{t('vote.verifyToVote')}</Link>
        </p>
      ) : null}
      {entry.voteError && !closedByTime ? <ErrorNotice error={entry.voteError} /> : null}
      {entry.mine ? (
        <div className="notice notice-success" style={{ marginTop: '0.75rem' }} role="status">
          <p>
            <strong>{t('vote.yourVote', { choice: t(`position.${entry.mine.choice}`) })}</strong> · {f.date(entry.mine.castAt.slice(0, 10))}
          </p>
          {!compact ? (
            <>
              <p className="small">{t('vote.receiptHint')}</p>
              <p className="receipt" data-testid="receipt">
                {entry.mine.receipt}
              </p>
            </>
          ) : null}
        </div>
      ) : null}
      {entry.window?.retrospective && !compact ? <p className="small muted">{t('vote.retrospective')}</p> : null}
      {closedByTime ? (
        <p className="notice notice-error" role="alert" data-testid="question-closed">
          {question.closed}
        </p>
      ) : closed ? (
        <p className="small" data-testid="vote-closed">
          {question?.closed ?? t('vote.closed')}
        </p>
      ) : null}

      <div style={{ marginTop: '1rem' }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: '0.5rem', flexWrap: 'wrap' }}>
          <h3 style={{ margin: 0 }}>
            {t('vote.tally')} <span className="badge badge-mavoix">● {t('vote.live')}</span>
          </h3>
          {!compact ? (
            <label className="small">
              {t('vote.scope')}{' '}
              <select value={scope} onChange={(e) => setScope(e.target.value as TallyScopeView)} style={{ minHeight: 36, padding: '0.2rem 0.4rem' }}>
                {TALLY_SCOPES.map((s) => (
                  <option key={s} value={s}>
                    {t(SCOPE_LABEL[s])}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
        </div>
        <p className="small muted" data-testid="tally-scope-note">
          {t('vote.scopeNote', { scope: t(SCOPE_LABEL[scope]) })}
        </p>
        {entry.tallyError ? <ErrorNotice error={entry.tallyError} onRetry={() => retryTally(uid)} /> : null}
        {counts ? (
          <>
            <TallyView counts={counts} />
            {counts.total === 0 ? <p className="muted small">{t('vote.noVotes')}</p> : null}
          </>
        ) : !entry.tallyError ? (
          <p className="muted small">{t('common.loading')}</p>
        ) : null}
      </div>
    </section>
  );
}
