import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApportionMethod, ScrutinDetail, SimScrutin } from '@parallele/core';
import { KCurveChart, kCurvePoints, type KCurvePoint, PhaseChart, type PhaseCell } from '@parallele/charts';
import { ChartFrame } from '../../../components/chart-frame';
import { scrutinPoster } from '../../../components/chart-poster';
import { runCurve, runPhase, type Split } from '../compute';

/** The K-curve and the phase diagram (a separate chunk: loaded with the panel, not the app). */
export function SimulatorCharts({ scrutin, sim, split, mode, method, k, locale }: { scrutin: ScrutinDetail; sim: SimScrutin; split: Split; mode: string; method: ApportionMethod; k: number; locale: 'fr' | 'en' }) {
  const { t, i18n } = useTranslation();
  const curve = useMemo(() => runCurve(sim, { split, mode, method }), [sim, split[0], split[1], split[2], mode, method]);
  const phase = useMemo(() => runPhase(sim, { mode, method }), [sim, mode, method]);
  const points: KCurvePoint[] = useMemo(() => {
    if (!curve.ok) return [];
    return kCurvePoints(curve.value);
  }, [curve]);
  const cells: PhaseCell[] = useMemo(() => {
    if (!phase.ok) return [];
    const p = phase.value;
    return p.ks.flatMap((kk, i) => p.shares.map((share, j) => ({ k: kk, share, outcome: p.adopted[i * p.shares.length + j] ? ('adopté' as const) : ('rejeté' as const) })));
  }, [phase]);
  return (
    <div className="grid-2">
      {curve.ok ? (
        <ChartFrame
          title={t('sim.kcurve')}
          name={`k-curve-${scrutin.uid}`}
          poster={scrutinPoster(scrutin, i18n.language, t('sim.kcurve'), { split, mode, method })}
          data={{ header: ['k', 'pour', 'contre', 'abstentions', 'required', 'margin', 'outcome'], rows: points.map((p) => [p.k, p.pour, p.contre, p.abstentions, p.required, p.pour - p.required, p.outcome]) }}
        >
          <div data-testid="k-curve">
            <KCurveChart points={points} officialOutcome={scrutin.outcome} tippingPoint={curve.value.firstFlip} showContre={scrutin.type !== 'MOC'} width={720} height={420} locale={locale} idPrefix={`kc-${scrutin.uid}`} title={`${t('sim.kcurve')} · K = ${k}`} />
          </div>
        </ChartFrame>
      ) : null}
      {phase.ok ? (
        <ChartFrame
          title={t('sim.phase')}
          description={t('sim.phaseHint')}
          name={`phase-${scrutin.uid}`}
          poster={scrutinPoster(scrutin, i18n.language, t('sim.phase'), { mode, method })}
          data={{ header: ['k', 'pour_share', 'outcome'], rows: cells.map((c) => [c.k, c.share, c.outcome]) }}
        >
          <div data-testid="phase-diagram">
            <PhaseChart cells={cells} officialOutcome={scrutin.outcome} width={720} height={420} locale={locale} idPrefix={`ph-${scrutin.uid}`} title={t('sim.phase')} />
          </div>
        </ChartFrame>
      ) : null}
    </div>
  );
}
