import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BUILDER_MAX_UIDS, BUILDER_SPLITS, expandK, OUTCOMES, SCENARIO_METHODS, VOTE_TYPES, type ScenarioBuilderQuery } from '@parallele/core';
import { uidsOf } from '../state';

type Patch = Partial<ScenarioBuilderQuery>;

/** A text field that commits its value after a pause in typing (each commit recomputes the scenario). */
function DraftInput({ id, value, onCommit, type = 'text', multiline = false, ...rest }: { id: string; value: string; onCommit: (v: string) => void; type?: string; multiline?: boolean; placeholder?: string; 'data-testid'?: string }) {
  const [draft, setDraft] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => setDraft(value), [value]);
  useEffect(() => () => clearTimeout(timer.current), []);
  const commit = (v: string) => {
    clearTimeout(timer.current);
    if (v !== value) onCommit(v);
  };
  const onChange = (e: { target: { value: string } }) => {
    const v = e.target.value;
    setDraft(v);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => commit(v), 500);
  };
  const props = { id, value: draft, onChange, onBlur: () => commit(draft), ...rest };
  return multiline ? <textarea rows={3} {...props} /> : <input type={type} {...props} />;
}

/** a checkbox or radio and its words on one line */
const CHECK = { display: 'flex', gap: '0.4rem', alignItems: 'center', fontWeight: 400 } as const;

const numberOrUndefined = (v: string) => (v.trim() === '' || !Number.isFinite(Number(v)) ? undefined : Math.max(0, Math.round(Number(v))));

/** The builder's settings; every change goes to the URL (the permalink) through `onChange`. */
export function BuilderForm({ query, onChange }: { query: ScenarioBuilderQuery; onChange: (patch: Patch, replace?: boolean) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const byList = query.uids !== undefined;
  const k = query.k ?? 10;
  const range = typeof k === 'object' && !Array.isArray(k) ? k : null;
  const ks = expandK(k);
  const split = query.split ?? 'manual';
  const w = query.w ?? [50, 50, 0];
  const modes = query.mode ?? ['proportional'];
  const toggleType = (type: (typeof VOTE_TYPES)[number]) => {
    const now = query.type ?? [];
    const next = now.includes(type) ? now.filter((x) => x !== type) : [...now, type];
    onChange({ type: next.length ? next : undefined });
  };
  return (
    <form className="card" aria-label={t('builder.title')} onSubmit={(e) => e.preventDefault()} style={{ display: 'grid', gap: '1rem', gridTemplateColumns: 'minmax(0, 1fr)' }}>
      <fieldset className="field">
        <legend>{t('builder.selection')}</legend>
        <div role="radiogroup" aria-label={t('builder.selection')} style={{ display: 'flex', flexWrap: 'wrap', gap: '1.25rem' }}>
          <label style={CHECK}><input type="radio" name={`${id}-sel`} checked={!byList} onChange={() => onChange({ uids: undefined, leg: [17], final: true }, true)} /> {t('builder.byFilter')}</label>
          <label style={CHECK}><input type="radio" name={`${id}-sel`} checked={byList} onChange={() => onChange({ uids: ['VTANR5L17V519'], leg: undefined, type: undefined, final: undefined, outcome: undefined, from: undefined, to: undefined, q: undefined, gap: undefined, swing: undefined }, true)} data-testid="builder-by-list" /> {t('builder.byList')}</label>
        </div>
      </fieldset>
      {byList ? (
        <div className="field">
          <label htmlFor={`${id}-uids`}>{t('builder.uids')}</label>
          <DraftInput id={`${id}-uids`} multiline value={(query.uids ?? []).join(', ')} onCommit={(v) => onChange({ uids: uidsOf(v).slice(0, BUILDER_MAX_UIDS) })} data-testid="builder-uids" />
          <span className="hint">{t('builder.uidsHint', { max: BUILDER_MAX_UIDS })}</span>
        </div>
      ) : (
        <div className="filters">
          <div className="field">
            <label htmlFor={`${id}-leg`}>{t('builder.legislature')}</label>
            <select id={`${id}-leg`} value={(query.leg ?? [17]).join(',')} onChange={(e) => onChange({ leg: e.target.value.split(',').map(Number) })}>
              <option value="17">17</option>
              <option value="16">16</option>
              <option value="16,17">16 + 17</option>
            </select>
          </div>
          <fieldset className="field" style={{ gridColumn: '1 / -1' }}>
            <legend>{t('builder.types')}</legend>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem 1.25rem' }}>
              {VOTE_TYPES.map((type) => (
                <label key={type} style={CHECK}>
                  <input type="checkbox" checked={query.type?.includes(type) ?? false} onChange={() => toggleType(type)} /> {t(`type.${type}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="field" style={{ gridColumn: '1 / -1' }}>
            <label style={CHECK}>
              <input type="checkbox" checked={query.final === true} onChange={(e) => onChange({ final: e.target.checked ? true : undefined })} data-testid="builder-final" /> {t('builder.finalLawVote')}
            </label>
            <span className="hint">{t('builder.finalLawVoteHint')}</span>
          </div>
          <div className="field">
            <label htmlFor={`${id}-from`}>{t('builder.from')}</label>
            <input id={`${id}-from`} type="date" value={query.from ?? ''} onChange={(e) => onChange({ from: e.target.value || undefined })} data-testid="builder-from" />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>{t('builder.to')}</label>
            <input id={`${id}-to`} type="date" value={query.to ?? ''} onChange={(e) => onChange({ to: e.target.value || undefined })} data-testid="builder-to" />
          </div>
          <div className="field">
            <label htmlFor={`${id}-q`}>{t('builder.text')}</label>
            <DraftInput id={`${id}-q`} type="search" value={query.q ?? ''} onCommit={(v) => onChange({ q: v.trim() || undefined })} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-outcome`}>{t('builder.outcome')}</label>
            <select id={`${id}-outcome`} value={query.outcome ?? ''} onChange={(e) => onChange({ outcome: (e.target.value || undefined) as ScenarioBuilderQuery['outcome'] })}>
              <option value="">{t('builder.anyOutcome')}</option>
              {OUTCOMES.map((o) => <option key={o} value={o}>{t(`outcome.${o}`)}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-gap`}>{t('builder.maxGap')}</label>
            <DraftInput id={`${id}-gap`} type="number" value={query.gap?.toString() ?? ''} onCommit={(v) => onChange({ gap: numberOrUndefined(v) })} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-swing`}>{t('builder.maxSwing')}</label>
            <DraftInput id={`${id}-swing`} type="number" value={query.swing?.toString() ?? ''} onCommit={(v) => onChange({ swing: numberOrUndefined(v) || undefined })} />
          </div>
        </div>
      )}
      <fieldset className="field">
        <legend>{t('builder.k')}</legend>
        <div className="filters">
          <div className="field">
            <label htmlFor={`${id}-kfrom`}>{range ? t('builder.kFrom') : t('builder.kMode')}</label>
            <DraftInput id={`${id}-kfrom`} type="number" value={String(range ? range.from : ks[0])} onCommit={(v) => { const n = numberOrUndefined(v) ?? 0; onChange({ k: range ? { ...range, from: Math.min(n, range.to) } : n }); }} data-testid="builder-k-from" />
          </div>
          {range ? (
            <div className="field">
              <label htmlFor={`${id}-kto`}>{t('builder.kTo')}</label>
              <DraftInput id={`${id}-kto`} type="number" value={String(range.to)} onCommit={(v) => onChange({ k: { ...range, to: Math.max(range.from, numberOrUndefined(v) ?? range.to) } })} data-testid="builder-k-to" />
            </div>
          ) : null}
          <div className="field">
            <label style={CHECK}>
              <input type="checkbox" checked={range !== null} onChange={(e) => onChange({ k: e.target.checked ? { from: 1, to: Math.max(2, ks.at(-1) ?? 20), step: 1 } : (ks.at(-1) ?? 10), tk: undefined })} /> {t('builder.kRange')}
            </label>
          </div>
          {range ? (
            <div className="field">
              <label htmlFor={`${id}-tk`}>{t('builder.tableK')}</label>
              <DraftInput id={`${id}-tk`} type="number" value={String(query.tk ?? range.to)} onCommit={(v) => onChange({ tk: numberOrUndefined(v) })} data-testid="builder-tk" />
            </div>
          ) : null}
        </div>
      </fieldset>
      <fieldset className="field">
        <legend>{t('builder.split')}</legend>
        <select aria-label={t('builder.split')} value={split} onChange={(e) => onChange({ split: e.target.value as ScenarioBuilderQuery['split'] })} data-testid="builder-split">
          {BUILDER_SPLITS.map((s) => <option key={s} value={s}>{t(`builder.splits.${s}`)}</option>)}
        </select>
        {split === 'manual' || split === 'poll' ? (
          <div className="filters">
            {(['pour', 'contre', 'abstention'] as const).map((key, i) => (
              <div className="field" key={key}>
                <label htmlFor={`${id}-w${i}`}>{t(`builder.${key}`)}</label>
                <DraftInput id={`${id}-w${i}`} type="number" value={String(w[i])} onCommit={(v) => { const next = [...w] as [number, number, number]; next[i] = numberOrUndefined(v) ?? 0; if (next.some((x) => x > 0)) onChange({ w: next }); }} data-testid={`builder-w-${key}`} />
              </div>
            ))}
          </div>
        ) : null}
        {split === 'platform' ? <span className="hint">{t('builder.platformHint')}</span> : null}
        {split === 'poll' ? (
          <div className="filters">
            {(['pollster', 'pollDate', 'pollQuestion', 'pollFigure', 'pollUrl'] as const).map((key) => (
              <div className="field" key={key}>
                <label htmlFor={`${id}-${key}`}>{t(`builder.${key}`)}</label>
                <DraftInput id={`${id}-${key}`} type={key === 'pollDate' ? 'date' : key === 'pollUrl' ? 'url' : 'text'} value={query[key] ?? ''} onCommit={(v) => onChange({ [key]: v.trim() || undefined })} />
              </div>
            ))}
          </div>
        ) : null}
      </fieldset>
      <div className="filters">
        <fieldset className="field">
          <legend>{t('builder.modes')}</legend>
          {(['proportional', 'added'] as const).map((m) => (
            <label key={m} style={CHECK}>
              <input type="checkbox" checked={modes.includes(m)} onChange={() => { const next = modes.includes(m) ? modes.filter((x) => x !== m) : [...modes, m]; if (next.length) onChange({ mode: next }); }} /> {t(`sim.modes.${m}`)}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-method`}>{t('builder.method')}</label>
          <select id={`${id}-method`} value={query.method ?? 'largest-remainder'} onChange={(e) => onChange({ method: e.target.value as ScenarioBuilderQuery['method'] })}>
            {SCENARIO_METHODS.map((m) => <option key={m} value={m}>{t(`sim.methods.${m}`)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-title`}>{t('builder.scenarioTitle')}</label>
          <DraftInput id={`${id}-title`} value={query.title ?? ''} onCommit={(v) => onChange({ title: v.trim() || undefined })} data-testid="builder-title" />
        </div>
      </div>
    </form>
  );
}
