import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AGE_BANDS, CANDIDATE_NAMES, PRES2022_CHOICES, REGION_CODES, REGION_NAMES, SEXES, type MyProfileResponse, type ProfileFields } from '@parallele/core';
import { ErrorNotice } from '../../../components/status';
import { toApiError, type ApiError } from '../../../lib/api';
import { deletePastVote, deleteProfile, fetchMyProfile, savePastVote, saveProfile } from '../api';

const EMPTY: ProfileFields = { sex: null, age: null, region: null, departement: null, circonscription: null };

/** One question: its control, what it is used for, and a one-click "skip". */
function Question({ id, label, use, onSkip, children }: { id: string; label: string; use: string; onSkip: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div style={{ display: 'flex', gap: '0.5rem', alignItems: 'center' }}>
        {children}
        <button type="button" className="button button-small" onClick={onSkip} data-testid={`${id}-skip`}>
          {t('profile.skip')}
        </button>
      </div>
      <p className="small muted">{use}</p>
    </div>
  );
}

/**
 * The optional profile: every field skippable, each saying what it is for; the 2022 vote apart,
 * with its own consent box, save and delete. Shown in the account page and after a vote.
 */
export function ProfileForm({ intro, onLoaded }: { intro?: string; onLoaded?: (mine: MyProfileResponse) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [state, setState] = useState<MyProfileResponse | null>(null);
  const [fields, setFields] = useState<ProfileFields>(EMPTY);
  const [pres, setPres] = useState<string>('');
  const [consent, setConsent] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    fetchMyProfile().then(
      (r) => {
        if (!live) return;
        setState(r);
        onLoaded?.(r);
        if (r.profile) setFields({ sex: r.profile.sex, age: r.profile.age, region: r.profile.region, departement: r.profile.departement, circonscription: r.profile.circonscription });
      },
      (e: unknown) => live && setError(toApiError(e)),
    );
    return () => {
      live = false;
    };
    // loaded once per mount: `onLoaded` is a notification, not an input
  }, []);

  const run = async (action: () => Promise<void>, done: string) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await action();
      setNotice(done);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };
  const set = <K extends keyof ProfileFields>(k: K, v: ProfileFields[K]) => setFields((f) => ({ ...f, [k]: v }));
  const options = (values: readonly string[], label: (v: string) => string) => [
    <option key="" value="">{t('profile.notGiven')}</option>,
    ...values.map((v) => <option key={v} value={v}>{label(v)}</option>),
  ];

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="profile-form">
      <h2 id={`${id}-title`}>{t('profile.title')}</h2>
      <p>{intro ?? t('profile.intro')}</p>
      <form
        className="form-stack"
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            const profile = await saveProfile(fields);
            setState((s) => ({ pastVote: s?.pastVote ?? null, profile }));
          }, t('profile.saved'));
        }}
      >
        <Question id={`${id}-sex`} label={t('profile.sex.label')} use={t('profile.sex.use')} onSkip={() => set('sex', null)}>
          <select id={`${id}-sex`} value={fields.sex ?? ''} onChange={(e) => set('sex', (e.target.value || null) as ProfileFields['sex'])} data-testid="profile-sex">
            {options(SEXES, (v) => t(`profile.sex.${v}`))}
          </select>
        </Question>
        <Question id={`${id}-age`} label={t('profile.age.label')} use={t('profile.age.use')} onSkip={() => set('age', null)}>
          <select id={`${id}-age`} value={fields.age ?? ''} onChange={(e) => set('age', (e.target.value || null) as ProfileFields['age'])} data-testid="profile-age">
            {options(AGE_BANDS, (v) => v)}
          </select>
        </Question>
        <Question id={`${id}-region`} label={t('profile.region.label')} use={t('profile.region.use')} onSkip={() => set('region', null)}>
          <select id={`${id}-region`} value={fields.region ?? ''} onChange={(e) => set('region', (e.target.value || null) as ProfileFields['region'])} data-testid="profile-region">
            {options(REGION_CODES, (v) => REGION_NAMES[v] ?? v)}
          </select>
        </Question>
        <Question id={`${id}-dep`} label={t('profile.departement.label')} use={t('profile.departement.use')} onSkip={() => setFields((f) => ({ ...f, departement: null, circonscription: null }))}>
          <input id={`${id}-dep`} value={fields.departement ?? ''} placeholder={t('profile.departement.placeholder')} maxLength={3} size={5} onChange={(e) => set('departement', e.target.value.trim().toUpperCase() || null)} />
        </Question>
        <Question id={`${id}-circ`} label={t('profile.circonscription.label')} use={t('profile.circonscription.use')} onSkip={() => set('circonscription', null)}>
          <input id={`${id}-circ`} type="number" min={1} max={21} value={fields.circonscription ?? ''} onChange={(e) => set('circonscription', e.target.value ? Number(e.target.value) : null)} />
        </Question>
        <div style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap' }}>
          <button type="submit" className="button" disabled={busy} data-testid="profile-save">
            {t('profile.save')}
          </button>
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => void run(async () => {
              await deleteProfile();
              setFields(EMPTY);
            }, t('profile.deleted'))} data-testid="profile-delete">
            {t('profile.delete')}
          </button>
        </div>
      </form>

      <fieldset className="field" style={{ marginTop: '1.5rem' }}>
        <legend>{t('profile.pastVote.title')}</legend>
        <p className="small">{t('profile.pastVote.intro')}</p>
        {state?.pastVote ? <p data-testid="past-vote-current">{t('profile.pastVote.current', { value: CANDIDATE_NAMES[state.pastVote.pres2022] ?? state.pastVote.pres2022 })}</p> : null}
        <label htmlFor={`${id}-pres`}>{t('profile.pastVote.label')}</label>
        <select id={`${id}-pres`} value={pres} onChange={(e) => setPres(e.target.value)} data-testid="past-vote-select">
          <option value="">{t('profile.pastVote.preferNot')}</option>
          {PRES2022_CHOICES.map((c) => (
            <option key={c} value={c}>{c === 'abstention' ? t('profile.pastVote.abstention') : (CANDIDATE_NAMES[c] ?? c)}</option>
          ))}
        </select>
        <label style={{ display: 'flex', gap: '0.5rem', alignItems: 'flex-start', marginTop: '0.5rem' }}>
          <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} data-testid="past-vote-consent" />
          <span>{t('profile.pastVote.consent')}</span>
        </label>
        <div style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap', marginTop: '0.5rem' }}>
          <button
            type="button"
            className="button"
            disabled={busy || !consent || pres === ''}
            onClick={() => void run(async () => {
              const pastVote = await savePastVote({ pres2022: pres as (typeof PRES2022_CHOICES)[number], consent: true });
              setState((s) => ({ profile: s?.profile ?? null, pastVote }));
            }, t('profile.pastVote.saved'))}
            data-testid="past-vote-save"
          >
            {t('profile.pastVote.save')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={busy || !state?.pastVote}
            onClick={() => void run(async () => {
              await deletePastVote();
              setState((s) => ({ profile: s?.profile ?? null, pastVote: null }));
              setConsent(false);
            }, t('profile.pastVote.deleted'))}
            data-testid="past-vote-delete"
          >
            {t('profile.pastVote.delete')}
          </button>
        </div>
      </fieldset>
      {notice ? <p className="notice notice-success" role="status">{notice}</p> : null}
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}
