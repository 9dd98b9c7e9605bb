import { useEffect, useId } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CopyField } from '../../../components/copy-field';
import { ErrorNotice, Loading } from '../../../components/status';
import { capitalise, useFormat } from '../../../lib/format';
import { SimulatorPanel } from '../../simulator';
import { VotePanel } from '../../votes';
// issue 16: profile after a vote, representativity and reweighted result
import { ProfilePrompt, RepresentativityPanel } from '../../reweighting';
import { useScrutinsStore } from '../store';
import { OfficialResult } from './official-result';
import { ScrutinMandate } from '../../agenda';
import { OutcomeBadge } from './scrutin-item';
import { isEuropeanParliament, type ScrutinDetail } from '@parallele/core';
import { RecordNotes, SourceLink } from '../../assemblies';
import { shortTitle, usePageTitle } from '../../../lib/page-title';
import { UnknownScrutin } from './unknown-scrutin';

export const anUrl = (s: Pick<ScrutinDetail, 'legislature' | 'numero'>) => `https://www.assemblee-nationale.fr/dyn/${s.legislature}/scrutins/${s.numero}`;

export function embedSnippet(origin: string, uid: string): string {
  return `<iframe src="${origin}/embed/scrutin/${uid}" title="MaVoix · ${uid}" width="100%" height="640" style="border:0;max-width:640px" loading="lazy"></iframe>`;
}

function WhatWasVoted({ s }: { s: ScrutinDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const typeText = isEuropeanParliament(s) ? t('assemblies.assembly.ep') : t(`type.${s.type}`);
  return (
    <header className="card">
      <p className="eyebrow">
        {typeText} · {t('scrutins.number', { n: s.numero })} · {t('scrutins.legislatureN', { n: s.legislature })}
      </p>
      <h1 className="scrutin-title">{capitalise(s.titre)}</h1>
      {s.objet && s.objet !== s.titre ? <p>{capitalise(s.objet)}</p> : null}
      <dl className="details-grid">
        <div>
          <dt>{t('scrutin.date')}</dt>
          <dd>{f.date(s.date)}</dd>
        </div>
        {s.sittingOfDay ? (
          <div>
            <dt>{t('scrutin.sitting')}</dt>
            <dd>{t('scrutin.sittingN', { count: s.sittingOfDay })}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('scrutin.type')}</dt>
          <dd>{capitalise(isEuropeanParliament(s) ? (s.typeLabel ?? typeText) : typeText)}</dd>
        </div>
        {s.demandeur ? (
          <div>
            <dt>{t('scrutin.demandeur')}</dt>
            <dd>{s.demandeur}</dd>
          </div>
        ) : null}
        {s.place ? (
          <div>
            <dt>{t('scrutin.place')}</dt>
            <dd>{s.place}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('scrutins.outcome')}</dt>
          <dd>
            <OutcomeBadge outcome={s.outcome} />
          </dd>
        </div>
      </dl>
      <SourceLink s={s} fallback={<a href={anUrl(s)} target="_blank" rel="noreferrer">{t('scrutin.openAn')} ↗</a>} />
      <RecordNotes s={s} />
    </header>
  );
}

/** One scrutin: what was voted, the official result, the citizens' vote and the parallel result. */
export function ScrutinPage() {
  const { uid = '' } = useParams();
  const { t } = useTranslation();
  const id = useId();
  const entry = useScrutinsStore((s) => s.details[uid]);
  const loadDetail = useScrutinsStore((s) => s.loadDetail);
  useEffect(() => {
    void loadDetail(uid);
  }, [uid, loadDetail]);
  const known = entry?.data;
  const missing = entry?.status === 'error' && entry.error?.status === 404;
  usePageTitle(known ? `${t('pageTitle.scrutin', { n: known.numero })} – ${shortTitle(known.titre)}` : missing ? t('pageTitle.notFound') : null);

  if (!entry || (entry.status === 'loading' && !entry.data)) return <Loading />;
  // An unknown uid is not a failure to retry: say so and offer search.
  if (missing) return <UnknownScrutin uid={uid} />;
  if (entry.status === 'error' && entry.error) return <ErrorNotice error={entry.error} onRetry={() => void loadDetail(uid, true)} />;
  const s = entry.data;
  if (!s) return <Loading />;
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  return (
    <article className="page scrutin-page">
      <nav className="small" aria-label={t('breadcrumb')}>
        <Link to="/scrutins">← {t('scrutins.title')}</Link>
      </nav>
      <WhatWasVoted s={s} />
      <ScrutinMandate uid={s.uid} />
      <div className="scrutin-layout">
        <OfficialResult s={s} />
        <div className="scrutin-side">
          <VotePanel uid={s.uid} />
          <ProfilePrompt uid={s.uid} />
          <section className="card" aria-labelledby={`${id}-embed`}>
            <h2 id={`${id}-embed`}>{t('scrutin.embed')}</h2>
            <p className="small muted">{t('scrutin.embedHint')}</p>
            <CopyField label="HTML" value={embedSnippet(origin, s.uid)} multiline />
          </section>
        </div>
      </div>
      <RepresentativityPanel uid={s.uid} />
      <SimulatorPanel scrutin={s} />
    </article>
  );
}
