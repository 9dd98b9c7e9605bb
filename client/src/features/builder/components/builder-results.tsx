import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ScenarioBuilderResponse } from '@parallele/core';
import { downloadBlob, modeInWords } from '@parallele/charts';
import { ChartFrame } from '../../../components/chart-frame';
import { CopyField } from '../../../components/copy-field';
import { capitalise, useFormat } from '../../../lib/format';
import { OutcomeBadge } from '../../scrutins';

type Chart = ScenarioBuilderResponse['charts'][number];

const download = (text: string, type: string, file: string) => downloadBlob(new Blob([text], { type }), file);

/** A chart the server drew with the charts workspace (the same SVG the CLI writes), with the site's exports. */
function BuiltChart({ chart }: { chart: Chart }) {
  const { t } = useTranslation();
  return (
    <ChartFrame title={chart.title} name={chart.name} poster={chart.context}>
      {/* markup rendered by React on the server from our chart components: text is escaped there */}
      <div data-testid={`builder-chart-${chart.type}`} style={{ overflowX: 'auto' }} dangerouslySetInnerHTML={{ __html: chart.svg }} />
      <button type="button" className="button button-small" style={{ marginTop: '0.4rem' }} aria-label={t('chart.downloadLabel', { name: chart.title, format: 'CSV' })} onClick={() => download(`\ufeff${chart.csv}`, 'text/csv;charset=utf-8', `${chart.name}.csv`)}>
        {t('chart.csv')}
      </button>
    </ChartFrame>
  );
}

/** What the builder computed: key figures, the scenario file and link, the charts and the table. */
export function BuilderResults({ data, permalink }: { data: ScenarioBuilderResponse; permalink: string }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  const table = data.charts.find((c) => c.type === 'table');
  const file = `${data.name}.yaml`;
  return (
    <div style={{ display: 'grid', gap: '1rem', gridTemplateColumns: 'minmax(0, 1fr)' }}>
      <section className="card" aria-labelledby="builder-figures">
        <h2 id="builder-figures">{t('builder.keyFigures')}</h2>
        <p className="muted small" data-testid="builder-status">{t('builder.computed', { count: data.scrutinCount, ms: f.n(data.computeMs) })}</p>
        <dl className="figures" data-testid="builder-figures">
          {data.keyFigures.slice(0, 24).map((k) => (
            <div key={k.id} data-figure={k.id}>
              <dt>{k.label}</dt>
              <dd>{k.value === null ? '—' : f.n(k.value)}</dd>
            </div>
          ))}
        </dl>
        {data.excluded.length > 0 ? <p className="small">{t('builder.excluded', { count: data.excluded.length })}</p> : null}
      </section>
      <section className="card" aria-labelledby="builder-save" style={{ display: 'grid', gap: '0.6rem' }}>
        <h2 id="builder-save">{t('builder.save')}</h2>
        <div className="chart-actions">
          <button type="button" className="button" onClick={() => download(data.yaml, 'application/yaml;charset=utf-8', file)} data-testid="builder-download-yaml">
            {t('builder.downloadYaml')}
          </button>
          {table ? (
            <button type="button" className="button button-secondary" onClick={() => download(`\ufeff${table.csv}`, 'text/csv;charset=utf-8', `${data.name}.csv`)} data-testid="builder-download-csv">
              {t('builder.downloadCsv')}
            </button>
          ) : null}
        </div>
        <CopyField label={t('builder.permalink')} value={permalink} />
        <p className="small muted">{t('builder.cli', { file })}</p>
      </section>
      <div className="grid-2">
        {data.charts.filter((c) => c.type !== 'table').map((c) => <BuiltChart key={c.name} chart={c} />)}
      </div>
      <section className="card" aria-labelledby="builder-table">
        <h2 id="builder-table">{t('builder.table', { k: f.n(data.tableK) })}</h2>
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="builder-table">
          <table data-testid="builder-table">
            <thead>
              <tr>
                <th scope="col">{t('scrutin.date')}</th>
                <th scope="col">{t('scrutins.title')}</th>
                <th scope="col">{t('scrutins.outcome')}</th>
                {data.modes.flatMap((m) => [
                  <th key={`k-${m}`} scope="col" className="num">{t('builder.colK', { mode: modeInWords(m, lang) })}</th>,
                  <th key={`p-${m}`} scope="col">{t('builder.colParallel', { k: f.n(data.tableK), mode: modeInWords(m, lang) })}</th>,
                ])}
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.uid} data-uid={r.uid}>
                  <td>{f.date(r.date, 'short')}</td>
                  <td style={{ whiteSpace: 'normal', minWidth: '16rem' }}>
                    <Link to={`/scrutins/${r.uid}`}>{capitalise(r.titre)}</Link>
                  </td>
                  <td><OutcomeBadge outcome={r.official.outcome} /></td>
                  {data.modes.flatMap((m) => {
                    const mode = r.modes[m];
                    return [
                      <td key={`k-${m}`} className="num">{mode?.tippingPoint === null || mode?.tippingPoint === undefined ? t('builder.never') : f.n(mode.tippingPoint)}</td>,
                      <td key={`p-${m}`}>{mode?.parallel ? <><OutcomeBadge outcome={mode.parallel.outcome} />{mode.flipped ? <strong> · {t('builder.flipped')}</strong> : null}</> : '—'}</td>,
                    ];
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {data.rowsOmitted > 0 ? <p className="small muted">{t('builder.rowsOmitted', { count: data.rowsOmitted })}</p> : null}
      </section>
    </div>
  );
}
