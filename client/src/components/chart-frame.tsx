import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadCsv, downloadPng, downloadSvg, type CsvCell } from '@parallele/charts';

export interface ChartData {
  header: readonly string[];
  rows: readonly (readonly CsvCell[])[];
}

/**
 * A chart with its title and its exports: SVG and PNG of what is drawn (the first <svg> inside),
 * and the data as CSV. `name` is the file name stem.
 */
export function ChartFrame({ title, name, data, children, description }: { title: string; name: string; data?: ChartData; children: ReactNode; description?: ReactNode }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(false);
  const svg = () => ref.current?.querySelector('svg.chart-root, svg.hemicycle, svg.recharts-surface, svg') as SVGSVGElement | null;
  const onPng = async () => {
    const el = svg();
    if (!el) return;
    setBusy(true);
    try {
      await downloadPng(el, `${name}.png`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <figure className="chart-frame">
      <figcaption>
        <h3>{title}</h3>
        {description ? <p className="muted">{description}</p> : null}
      </figcaption>
      <div ref={ref} className="chart-body">
        {children}
      </div>
      <div className="chart-actions" role="group" aria-label={t('chart.download')}>
        <span className="muted" aria-hidden="true">
          {t('chart.download')}
        </span>
        <button type="button" className="button button-small" aria-label={t('chart.downloadLabel', { name: title, format: 'SVG' })} onClick={() => { const el = svg(); if (el) downloadSvg(el, `${name}.svg`); }}>
          {t('chart.svg')}
        </button>
        <button type="button" className="button button-small" disabled={busy} aria-label={t('chart.downloadLabel', { name: title, format: 'PNG' })} onClick={() => void onPng()}>
          {t('chart.png')}
        </button>
        {data ? (
          <button type="button" className="button button-small" aria-label={t('chart.downloadLabel', { name: title, format: 'CSV' })} onClick={() => downloadCsv(`${name}.csv`, data.header, data.rows)}>
            {t('chart.csv')}
          </button>
        ) : null}
      </div>
    </figure>
  );
}
