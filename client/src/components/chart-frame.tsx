import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadBlob, downloadCsv, downloadPng, downloadSvg, SOCIAL_FORMATS, type CsvCell, type SocialFormat } from '@parallele/charts';
import { downloadPoster, posterDocument, type PosterText } from './chart-poster';

export interface ChartData {
  header: readonly string[];
  rows: readonly (readonly CsvCell[])[];
}

/**
 * A chart with its title and its exports: SVG and PNG of what is drawn (the first <svg> inside),
 * and the data as CSV. `name` is the file name stem.
 */
/**
 * `poster`: the context the downloaded images carry around the chart (the vote, date, settings and
 * outcome in words; the source line and the page's link are added), and the social formats.
 */
export function ChartFrame({ title, name, data, children, description, poster }: { title: string; name: string; data?: ChartData; children: ReactNode; description?: ReactNode; poster?: PosterText }) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(false);
  const svg = () => ref.current?.querySelector('svg.chart-root, svg.hemicycle, svg.recharts-surface, svg') as SVGSVGElement | null;
  const onPng = async (format?: SocialFormat) => {
    const el = svg();
    if (!el) return;
    setBusy(true);
    try {
      const file = format ? `${name}-${SOCIAL_FORMATS[format].width}x${SOCIAL_FORMATS[format].height}.png` : `${name}.png`;
      await (poster ? downloadPoster(el, poster, i18n.language, file, format) : downloadPng(el, file));
    } finally {
      setBusy(false);
    }
  };
  const onSvg = () => {
    const el = svg();
    if (!el) return;
    if (!poster) return downloadSvg(el, `${name}.svg`);
    downloadBlob(new Blob([posterDocument(el, poster, i18n.language)], { type: 'image/svg+xml' }), `${name}.svg`);
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
        <button type="button" className="button button-small" aria-label={t('chart.downloadLabel', { name: title, format: 'SVG' })} onClick={onSvg}>
          {t('chart.svg')}
        </button>
        <button type="button" className="button button-small" disabled={busy} aria-label={t('chart.downloadLabel', { name: title, format: 'PNG' })} onClick={() => void onPng()}>
          {t('chart.png')}
        </button>
        {poster
          ? (Object.keys(SOCIAL_FORMATS) as SocialFormat[]).map((f) => (
              <button key={f} type="button" className="button button-small" disabled={busy} aria-label={t('chart.downloadLabel', { name: title, format: `${SOCIAL_FORMATS[f].width}×${SOCIAL_FORMATS[f].height} (PNG)` })} title={t(`chart.social.${f}`)} onClick={() => void onPng(f)}>
                {`${SOCIAL_FORMATS[f].width}×${SOCIAL_FORMATS[f].height}`}
              </button>
            ))
          : null}
        {data ? (
          <button type="button" className="button button-small" aria-label={t('chart.downloadLabel', { name: title, format: 'CSV' })} onClick={() => downloadCsv(`${name}.csv`, data.header, data.rows)}>
            {t('chart.csv')}
          </button>
        ) : null}
      </div>
    </figure>
  );
}
