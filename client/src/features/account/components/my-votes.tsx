import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MyVote } from '@parallele/core';
import { AsyncView, ErrorNotice } from '../../../components/status';
import { toApiError, type ApiError } from '../../../lib/api';
import { useFormat } from '../../../lib/format';
import { useResource } from '../../../lib/use-resource';
import { fetchMyVotes, fetchScrutinLog } from '../api';
import { verifyReceipt, type ReceiptVerdict } from '../receipt-check';

type Check = { state: 'idle' } | { state: 'checking' } | { state: 'done'; verdict: ReceiptVerdict } | { state: 'error'; error: ApiError };

/** The verdict in words: the chain first (nothing else means anything if it breaks), then the receipt. */
export function Verdict({ vote, verdict }: { vote: MyVote; verdict: ReceiptVerdict }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!verdict.chainOk) {
    return (
      <p className="notice notice-error" role="alert">
        {t('account.receiptCheck.broken', { problem: verdict.problem ?? '' })}
      </p>
    );
  }
  const n = f.n(verdict.length);
  if (!verdict.found) {
    return (
      <p className="notice notice-error" role="alert">
        {t('plural.missing', { count: verdict.length, n })}
      </p>
    );
  }
  const choice = t(`position.${verdict.entry?.choice ?? vote.choice}`);
  return (
    <p className={`notice ${verdict.superseded ? 'notice-info' : 'notice-success'}`} role="status" data-testid="receipt-verdict">
      {verdict.superseded ? t('plural.superseded', { count: verdict.length, n, choice }) : t('plural.counted', { count: verdict.length, n, choice, seq: verdict.entry?.seq ?? vote.seq })}
    </p>
  );
}

/** One vote with its receipt and a button that checks it against the public log, in the browser. */
function VoteItem({ vote }: { vote: MyVote }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [check, setCheck] = useState<Check>({ state: 'idle' });
  const logUrl = `/api/scrutins/${encodeURIComponent(vote.scrutinUid)}/log`;

  const run = async () => {
    setCheck({ state: 'checking' });
    try {
      const log = await fetchScrutinLog(vote.scrutinUid);
      setCheck({ state: 'done', verdict: verifyReceipt(log, vote.receipt) });
    } catch (e) {
      setCheck({ state: 'error', error: toApiError(e) });
    }
  };

  return (
    <li className="scrutin-item" data-testid="my-vote">
      <div className="scrutin-meta">
        <strong>{t(`position.${vote.choice}`)}</strong>
        <span>{t('account.castAt', { date: f.date(vote.castAt.slice(0, 10)) })}</span>
        <Link to={`/scrutins/${vote.scrutinUid}`}>{vote.scrutinUid}</Link>
      </div>
      <span className="small muted">{t('vote.receipt')}</span>
      <span className="receipt" data-testid="my-vote-receipt">
        {vote.receipt}
      </span>
      <div style={{ display: 'flex', gap: '0.75rem', alignItems: 'center', flexWrap: 'wrap' }}>
        <button type="button" className="button button-secondary button-small" onClick={() => void run()} disabled={check.state === 'checking'} aria-busy={check.state === 'checking'}>
          {check.state === 'checking' ? t('account.receiptCheck.checking') : t('account.receiptCheck.button')}
        </button>
        <a className="small" href={logUrl} target="_blank" rel="noreferrer">
          {t('account.receiptCheck.raw')}
        </a>
      </div>
      <div aria-live="polite">
        {check.state === 'done' ? <Verdict vote={vote} verdict={check.verdict} /> : null}
        {check.state === 'error' ? <ErrorNotice error={check.error} onRetry={() => void run()} /> : null}
      </div>
    </li>
  );
}

export function MyVotes() {
  const { t } = useTranslation();
  const votes = useResource('my-votes', fetchMyVotes);
  return (
    <section className="card" aria-labelledby="my-votes">
      <h2 id="my-votes">{t('account.myVotes')}</h2>
      <p className="muted small">{t('account.receiptCheck.intro')}</p>
      <AsyncView resource={votes}>
        {(data) =>
          data.votes.length === 0 ? (
            <p className="muted">{t('account.noVotes')}</p>
          ) : (
            <ul className="scrutin-list">
              {data.votes.map((v) => (
                <VoteItem key={v.scrutinUid} vote={v} />
              ))}
            </ul>
          )
        }
      </AsyncView>
    </section>
  );
}
