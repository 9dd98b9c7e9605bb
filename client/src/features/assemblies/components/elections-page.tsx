import { useCallback, useEffect, useId, useState } from 'react';
import { useParams, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ElectionDetail, ElectionListResponse } from '@parallele/core';
import { ErrorNotice, Loading } from '../../../components/status';
import { toApiError, type ApiError } from '../../../lib/api';
import { useFormat } from '../../../lib/format';
import { useAccountStore } from '../../account';
import { fetchElection, fetchElections, fetchMyBallots } from '../api';
import { ElectionRound } from './election-round';
import { TypedElection } from './typed-election';

/**
 * Multi-candidate elections (issue 15 §3): the Président de l'Assemblée, round by round, the
 * citizens' ballot per round, and one K slider for what K MaVoix deputies would have done.
 */
export function ElectionsPage() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const id = useId();
  const navigate = useNavigate();
  const { id: electionId = 'president-an-2024' } = useParams();
  const me = useAccountStore((s) => s.me);
  const [list, setList] = useState<ElectionListResponse | null>(null);
  const [election, setElection] = useState<ElectionDetail | null>(null);
  const [mine, setMine] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [k, setK] = useState(20);
  const [mode, setMode] = useState<'proportional' | 'added'>('proportional');

  const load = useCallback(async () => {
    try {
      setError(null);
      setElection(await fetchElection(electionId));
      setMine(me ? (await fetchMyBallots(electionId)).ballots : {});
    } catch (e) {
      setError(toApiError(e));
    }
  }, [electionId, me]);
  useEffect(() => {
    void fetchElections().then(setList, (e: unknown) => setError(toApiError(e)));
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="page">
      <h1>{t('assemblies.election.title')}</h1>
      <div className="card filters">
        <div className="field">
          <label htmlFor={`${id}-e`}>{t('assemblies.election.choose')}</label>
          <select id={`${id}-e`} value={electionId} onChange={(e) => navigate(`/elections/${e.target.value}`)}>
            {(list?.items ?? []).map((e) => (
              <option key={e.id} value={e.id}>{f.date(e.date)}{e.legislature ? ` · ${t('scrutins.legislatureN', { n: e.legislature })}` : ''}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-k`}>{t('assemblies.election.kN', { k })}</label>
          <input id={`${id}-k`} type="range" min={0} max={120} value={k} onChange={(e) => setK(Number(e.target.value))} data-testid="election-k" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-m`}>{t('assemblies.election.mode')}</label>
          <select id={`${id}-m`} value={mode} onChange={(e) => setMode(e.target.value === 'added' ? 'added' : 'proportional')}>
            <option value="proportional">{t('assemblies.election.modeProportional')}</option>
            <option value="added">{t('assemblies.election.modeAdded')}</option>
          </select>
        </div>
      </div>
      {error ? <ErrorNotice error={error} onRetry={() => void load()} /> : null}
      {!election && !error ? <Loading /> : null}
      {election ? (
        <>
          <p className="small muted">{t('assemblies.election.source', { source: election.source })}</p>
          <p className="lead">{i18n.language === 'en' && election.titleEn ? election.titleEn : election.title} · {f.date(election.date)}</p>
          {election.roundsDetail.map((r) => (
            <ElectionRound key={r.round} election={election} round={r} mine={mine[String(r.round)]} onVoted={() => void load()} k={k} mode={mode} />
          ))}
        </>
      ) : null}
      <TypedElection />
    </section>
  );
}
