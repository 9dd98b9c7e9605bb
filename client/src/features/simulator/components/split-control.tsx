import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Split } from '../compute';
import { useSimulatorStore } from '../store';

/** Where the bloc's instruction comes from: the platform's votes, or three linked sliders. */
export function SplitControl({ platformAvailable, reweightedAvailable = false, usingPlatform, percents }: { platformAvailable: boolean; reweightedAvailable?: boolean; usingPlatform: boolean; percents: Split }) {
  const { t } = useTranslation();
  const id = useId();
  const source = useSimulatorStore((s) => s.source);
  const set = useSimulatorStore((s) => s.set);
  const setManualShare = useSimulatorStore((s) => s.setManualShare);
  const names = ['pour', 'contre', 'abstention'] as const;
  return (
    <fieldset className="field" style={{ gridColumn: '1 / -1' }}>
      <legend>{t('sim.splitSource')}</legend>
      {/* the highlighted choice is the split in use: with no citizen vote yet, the manual one */}
      <div className="segmented" style={{ margin: '0.35rem 0 0.6rem' }}>
        <label>
          <input type="radio" name={`${id}-source`} checked={usingPlatform && source === 'platform'} onChange={() => set({ source: 'platform' })} data-testid="source-platform" />
          <span>{t('sim.splitPlatform')}</span>
        </label>
        <label>
          <input type="radio" name={`${id}-source`} checked={usingPlatform && source === 'redresse'} onChange={() => set({ source: 'redresse' })} data-testid="source-redresse" />
          <span>{t('representativity.splitSource')}</span>
        </label>
        <label>
          <input type="radio" name={`${id}-source`} checked={!usingPlatform} onChange={() => set({ source: 'manual' })} data-testid="source-manual" />
          <span>{t('sim.splitManual')}</span>
        </label>
      </div>
      {source === 'platform' && !platformAvailable ? <p className="small muted">{t('sim.splitPlatformEmpty')}</p> : null}
      {source === 'redresse' && !reweightedAvailable ? <p className="small muted">{t('representativity.splitUnavailable')}</p> : null}
      <div className="split-sliders">
        {names.map((name, i) => (
          <div className="field" key={name}>
            <label htmlFor={`${id}-${name}`}>{t(`sim.${name}`)}</label>
            <input
              id={`${id}-${name}`}
              type="range"
              min={0}
              max={100}
              step={1}
              value={percents[i]}
              disabled={usingPlatform}
              onChange={(e) => setManualShare(i as 0 | 1 | 2, Number(e.target.value))}
              aria-valuetext={t('sim.percent', { n: percents[i] })}
              data-testid={`split-${name}`}
            />
            <output htmlFor={`${id}-${name}`}>{t('sim.percent', { n: percents[i] })}</output>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
