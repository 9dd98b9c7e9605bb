import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RecordRow } from '@parallele/core';
import { AsyncView } from '../../../components/status';
import { ChartFrame } from '../../../components/chart-frame';
import { ResultsTable } from '@parallele/charts';
import { capitalise, useFormat } from '../../../lib/format';
import { useResource } from '../../../lib/use-resource';
import { fetchRecord, recordCsvUrl } from '../api';

function RecordTable({ rows }: { rows: RecordRow[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const pct = (x: number | null) => (x === null ? '—' : f.pct(x / 100));
  return (
    <table className="table" data-testid="record-table">
      <thead>
        <tr>
          <th>{t('agenda.record.question')}</th>
          <th>{t('agenda.record.citizens')}</th>
          <th>{t('agenda.record.assembly')}</th>
          <th>{t('agenda.record.outcome')}</th>
          <th>{t('agenda.record.parallelOutcome')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.questionId} data-question={r.questionId}>
            <td>
              {capitalise(r.title)} <span className="small muted">({r.mandate ? t('agenda.mandate.votes', { count: r.mandate.total, n: f.n(r.mandate.total) }) : '—'})</span>
            </td>
            <td>{pct(r.citizensPour)}</td>
            <td>{pct(r.assemblyPour)}</td>
            <td>{r.outcome ? t(`outcome.${r.outcome}`) : t('agenda.record.pending')}</td>
            <td>{r.parallelOutcome ? `${t(`outcome.${r.parallelOutcome}`)}${r.flipped ? ' ⟲' : ''}` : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** /record/:n: the platform's record for a legislature. */
export function RecordPage() {
  const { t } = useTranslation();
  const n = Number(useParams().n ?? 17);
  const [params, setParams] = useSearchParams();
  const k = Math.min(577, Math.max(1, Number(params.get('k') ?? 10) || 10));
  const minVotes = Math.max(1, Number(params.get('minVotes') ?? 20) || 20);
  const record = useResource(`record-${n}-${k}-${minVotes}`, () => fetchRecord(n, k, minVotes));
  const set = (key: string, value: number) => setParams((p) => {
    const next = new URLSearchParams(p);
    next.set(key, String(value));
    return next;
  });
  return (
    <div className="page">
      <h1>{t('agenda.record.title', { n })}</h1>
      <p>{t('agenda.record.intro')}</p>
      <p style={{ display: 'flex', gap: '1rem', flexWrap: 'wrap', alignItems: 'end' }}>
        <label>
          {t('agenda.record.k')}{' '}
          <input type="number" min={1} max={577} value={k} onChange={(e) => set('k', Number(e.target.value))} data-testid="record-k" />
        </label>
        <label>
          {t('agenda.record.minVotes')}{' '}
          <input type="number" min={1} value={minVotes} onChange={(e) => set('minVotes', Number(e.target.value))} />
        </label>
        <a className="button button-secondary" href={recordCsvUrl(n, k, minVotes)} download>
          {t('agenda.record.csv')}
        </a>
      </p>
      <AsyncView resource={record}>
        {(data) => (
          <>
            <p className="headline" data-testid="record-changed">{t('agenda.record.changed', { count: data.changed, k })}</p>
            <RecordTable rows={data.questions} />
            <ChartFrame
              title={t('agenda.record.title', { n })}
              name={`mavoix-record-L${n}-k${k}`}
              data={{
                header: ['question', 'citizensPour', 'assemblyPour', 'outcome', 'parallelOutcome', 'flipped'],
                rows: data.questions.map((r) => [r.title, r.citizensPour ?? '', r.assemblyPour ?? '', r.outcome ?? '', r.parallelOutcome ?? '', r.flipped === null ? '' : String(r.flipped)]),
              }}
            >
              <ResultsTable
                title={t('agenda.record.title', { n })}
                columns={[
                  { key: 'title', label: t('agenda.record.question'), width: 360, wrap: true },
                  { key: 'citizens', label: t('agenda.record.citizens'), width: 120, align: 'end' },
                  { key: 'assembly', label: t('agenda.record.assembly'), width: 120, align: 'end' },
                  { key: 'outcome', label: t('agenda.record.outcome'), width: 100 },
                  { key: 'parallel', label: t('agenda.record.parallelOutcome'), width: 130 },
                ]}
                rows={data.questions.map((r) => ({
                  title: capitalise(r.title), citizens: r.citizensPour, assembly: r.assemblyPour, outcome: r.outcome ? t(`outcome.${r.outcome}`) : '—',
                  parallel: r.parallelOutcome ? t(`outcome.${r.parallelOutcome}`) : '—', flipped: r.flipped ? 1 : 0,
                }))}
                highlightKey="flipped"
                maxRows={40}
              />
            </ChartFrame>
            <h2>{t('agenda.record.divergences')}</h2>
            {data.divergences.length === 0 ? <p className="muted">{t('agenda.record.noDivergence')}</p> : <RecordTable rows={data.divergences.slice(0, 10)} />}
          </>
        )}
      </AsyncView>
    </div>
  );
}
