import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementResponse, MyDeputyResponse } from '@parallele/core';
import { capitalise } from '../../../lib/format';
import { AsyncView } from '../../../components/status';
import { useFormat } from '../../../lib/format';
import { useResource } from '../../../lib/use-resource';
import { useAccountStore } from '../../account';
import { fetchAgreement, fetchDeputyVotes, fetchMyDeputy, fetchSharedAgreement, putMyConstituency, shareAgreement, withdrawAgreementShares } from '../api';
import { useParams } from 'react-router';

type Row = AgreementResponse['deputies'][number];

function ScoreList({ rows, min }: { rows: Row[]; min: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <ol>
      {rows.map((r) => (
        <li key={r.ref} data-testid="agreement-row">
          {r.name} —{' '}
          {r.score === null ? <span className="muted">{t('agenda.agreement.hidden', { min })}</span> : <strong>{f.pct(r.score, 0)}</strong>}{' '}
          <span className="small muted">{t('agenda.agreement.compared', { count: r.compared })}</span>
        </li>
      ))}
    </ol>
  );
}

function DeputyVotes({ refId }: { refId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const votes = useResource(`deputy-votes-${refId}`, () => fetchDeputyVotes(refId));
  return (
    <AsyncView resource={votes}>
      {(data) => (
        <table className="table" data-testid="deputy-votes">
          <caption>{t('agenda.agreement.votesTitle')}</caption>
          <thead>
            <tr><th>{t('agenda.record.question')}</th><th>{t('agenda.agreement.theirVote')}</th><th>{t('agenda.agreement.yourVote')}</th><th>{t('agenda.agreement.constituency')}</th></tr>
          </thead>
          <tbody>
            {data.votes.map((v) => (
              <tr key={v.scrutinUid}>
                <td>{f.date(v.date, 'short')} · {capitalise(v.titre)}</td>
                <td>{t(`position.${v.deputy}`)}</td>
                <td>{v.mine ? t(`position.${v.mine}`) : '—'}</td>
                <td>{v.constituency ? `${f.n(v.constituency.pour)} / ${f.n(v.constituency.contre)} / ${f.n(v.constituency.abstention)}` : t('agenda.agreement.fewVotes', { min: data.minSplit })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AsyncView>
  );
}

function MyDeputy({ scores, min }: { scores: Map<string, Row>; min: number }) {
  const { t } = useTranslation();
  const [departement, setDepartement] = useState('');
  const [circo, setCirco] = useState('');
  const [found, setFound] = useState<MyDeputyResponse | null>(null);
  const find = (e: React.FormEvent) => {
    e.preventDefault();
    fetchMyDeputy(departement.trim(), Number(circo)).then(setFound, () => setFound({ deputies: [] }));
  };
  return (
    <section>
      <h2>{t('agenda.agreement.myDeputy')}</h2>
      <form onSubmit={find} style={{ display: 'flex', gap: '1rem', flexWrap: 'wrap', alignItems: 'end' }}>
        <label>{t('agenda.agreement.departement')} <input value={departement} onChange={(e) => setDepartement(e.target.value)} size={4} required /></label>
        <label>{t('agenda.agreement.circo')} <input type="number" min={1} max={99} value={circo} onChange={(e) => setCirco(e.target.value)} required /></label>
        <button type="submit" className="button">{t('agenda.agreement.find')}</button>
      </form>
      {found && found.deputies.length === 0 ? <p className="muted">{t('agenda.agreement.none')}</p> : null}
      {found && found.deputies.length > 0 ? (
        <>
          <p className="small muted">{t('agenda.agreement.seat', { departement: found.deputies[0]!.departement, circo: found.deputies[0]!.numCirco })}</p>
          <ScoreList rows={found.deputies.map((d) => scores.get(d.ref) ?? { ref: d.ref, name: d.name, groupRef: d.groupRef, compared: 0, score: null, agreed: 0, opposed: 0 })} min={min} />
          <label className="small">
            <input type="checkbox" onChange={(e) => e.target.checked && void putMyConstituency(found.deputies[0]!.numDepartement, found.deputies[0]!.numCirco)} /> {t('agenda.agreement.mine')}
          </label>
          <DeputyVotes refId={found.deputies[0]!.ref} />
        </>
      ) : null}
    </section>
  );
}

function ShareButtons() {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  return (
    <p style={{ display: 'flex', gap: '1rem', flexWrap: 'wrap' }}>
      <button type="button" className="button button-secondary" onClick={() => void shareAgreement().then((s) => setUrl(`${window.location.origin}${s.path}`))}>
        {t('agenda.agreement.share')}
      </button>
      <button type="button" className="button button-secondary" onClick={() => void withdrawAgreementShares().then(() => setUrl(null))}>
        {t('agenda.agreement.unshare')}
      </button>
      {url ? <span className="small" data-testid="share-url">{t('agenda.agreement.sharedLink', { url })}</span> : null}
    </p>
  );
}

/** /partage/:token: a comparison its author chose to share (scores only). */
export function SharedAgreementPage() {
  const { t } = useTranslation();
  const token = useParams().token ?? '';
  const shared = useResource(`shared-${token}`, () => fetchSharedAgreement(token));
  return (
    <div className="page">
      <h1>{t('agenda.agreement.title')}</h1>
      <p className="muted">{t('agenda.agreement.shared')}</p>
      <AsyncView resource={shared}>
        {(data) => {
          const byRef = new Map(data.deputies.map((d) => [d.ref, d]));
          const pick = (refs: string[]) => refs.map((r) => byRef.get(r)!).filter(Boolean);
          return (
            <div className="grid-2">
              <section><h2>{t('agenda.agreement.closest')}</h2><ScoreList rows={pick(data.closest)} min={data.minCompared} /></section>
              <section><h2>{t('agenda.agreement.farthest')}</h2><ScoreList rows={pick(data.farthest)} min={data.minCompared} /></section>
            </div>
          );
        }}
      </AsyncView>
    </div>
  );
}

/** /qui-vote-comme-moi: the signed-in citizen's agreement with deputies and groups (private). */
export function AgreementPage() {
  const { t } = useTranslation();
  const me = useAccountStore((s) => s.me);
  const [query, setQuery] = useState('');
  const agreement = useResource(me ? 'agreement-17' : null, () => fetchAgreement(17));
  if (!me) return <div className="page"><h1>{t('agenda.agreement.title')}</h1><p>{t('agenda.agreement.login')}</p></div>;
  return (
    <div className="page">
      <h1>{t('agenda.agreement.title')}</h1>
      <p>{t('agenda.agreement.intro')}</p>
      <AsyncView resource={agreement}>
        {(data) => {
          const byRef = new Map(data.deputies.map((d) => [d.ref, d]));
          const pick = (refs: string[]) => refs.map((r) => byRef.get(r)!).filter(Boolean);
          const found = query.length >= 2 ? data.deputies.filter((d) => d.name.toLowerCase().includes(query.toLowerCase())).slice(0, 10) : [];
          return (
            <>
              <p className="small muted">{data.rules}</p>
              <ShareButtons />
              <div className="grid-2">
                <section><h2>{t('agenda.agreement.closest')}</h2><ScoreList rows={pick(data.closest)} min={data.minCompared} /></section>
                <section><h2>{t('agenda.agreement.farthest')}</h2><ScoreList rows={pick(data.farthest)} min={data.minCompared} /></section>
              </div>
              <h2>{t('agenda.agreement.groups')}</h2>
              <ScoreList rows={data.groups.filter((g) => g.compared > 0).map((g) => ({ ...g, name: g.abbreviation ?? g.name, groupRef: null }))} min={data.minCompared} />
              <MyDeputy scores={byRef} min={data.minCompared} />
              <label>
                {t('agenda.agreement.search')} <input value={query} onChange={(e) => setQuery(e.target.value)} />
              </label>
              <ScoreList rows={found} min={data.minCompared} />
            </>
          );
        }}
      </AsyncView>
    </div>
  );
}
