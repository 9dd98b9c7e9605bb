import { useTranslation } from 'react-i18next';
import type { RoomView } from '@parallele/core';
import { Hemicycle, roomHemicycles } from '@parallele/charts';
import { hemicycleLabels } from '../../../lib/hemicycle-labels';
import { localeOf } from '../../../i18n';

/**
 * The reveal: the room's split, the real result and hemicycle, the parallel result with K MaVoix
 * deputies and its hemicycle, the tipping point; for an election round, who is elected and
 * whether the room's bloc changes the winner or forces another round.
 */
export function RevealPanel({ view, width = 520 }: { view: RoomView; width?: number }) {
  const { t, i18n } = useTranslation();
  const r = view.reveal;
  const q = view.question;
  if (!r || !q) return null;
  const locale = localeOf(i18n.language);
  if (r.kind === 'election') {
    const name = (w: number | null) => (w === null ? t('rooms.reveal.nobody') : t('rooms.reveal.elected', { name: q.candidates[w]?.name ?? '' }));
    return (
      <section className="room-reveal" aria-live="polite">
        <h3>{t('rooms.reveal.room')} · {t('rooms.reveal.ballots', { count: r.ballots })}</h3>
        <ul className="room-split">
          {q.candidates.map((c, i) => (c.selectable ? <li key={c.name}>{c.name} : <strong>{r.roomSplit[i]}</strong></li> : null))}
          <li>{t('rooms.vote.blanc')} : <strong>{r.roomSplit.at(-1)}</strong></li>
        </ul>
        <div className="room-versus">
          <div>
            <h3>{t('rooms.reveal.real')}</h3>
            <p className="room-big">{name(r.official.winner)}</p>
            <ul className="room-split">{q.candidates.map((c, i) => <li key={c.name}>{c.name} : {r.official.votes[i]}</li>)}</ul>
          </div>
          <div>
            <h3>{t('rooms.reveal.parallel', { count: r.k })}</h3>
            <p className="room-big">{name(r.parallel.winner)}</p>
            <ul className="room-split">{q.candidates.map((c, i) => <li key={c.name}>{c.name} : {r.parallel.votes[i]}</li>)}</ul>
          </div>
        </div>
        <p className="room-verdict">{r.forcedAnotherRound ? t('rooms.reveal.forced') : r.changed ? t('rooms.reveal.changed') : t('rooms.reveal.unchanged')}</p>
        <p>{r.tippingPoint === null ? t('rooms.reveal.noTipping') : t('rooms.reveal.tipping', { count: r.tippingPoint })}</p>
      </section>
    );
  }
  const h = roomHemicycles(r, q.groups, { label: 'MaVoix', name: t('rooms.reveal.bloc') });
  const labels = hemicycleLabels(t);
  // on a phone the arch is too small for the headline: the heading above says the result
  const headline = width >= 400;
  return (
    <section className="room-reveal" aria-live="polite">
      <h3>{t('rooms.reveal.room')} · {t('rooms.reveal.ballots', { count: r.ballots })}</h3>
      <p className="room-split-bar">
        <span className="pour">{t('rooms.vote.pour')} {r.roomSplit.pour}</span>
        <span className="contre">{t('rooms.vote.contre')} {r.roomSplit.contre}</span>
        <span className="abstention">{t('rooms.vote.abstention')} {r.roomSplit.abstention}</span>
      </p>
      <div className="room-versus">
        <div>
          <h3>{t('rooms.reveal.real')} : <strong>{t(`rooms.reveal.outcome.${r.official.outcome}`)}</strong></h3>
          <Hemicycle groups={h.official} title={t('rooms.reveal.real')} width={width} headline={headline ? `${r.official.pour} ${labels.positions.pour}` : undefined} subline={headline ? t('rooms.reveal.required', { count: r.official.required }) : undefined} labels={labels} locale={locale} idPrefix="real" showLegend={false} />
        </div>
        <div>
          <h3>{t('rooms.reveal.parallel', { count: r.k })} : <strong>{t(`rooms.reveal.outcome.${r.parallel.outcome}`)}</strong></h3>
          <Hemicycle groups={h.parallel} title={t('rooms.reveal.parallel', { count: r.k })} width={width} headline={headline ? `${r.parallel.pour} ${labels.positions.pour}` : undefined} subline={headline ? t('rooms.reveal.required', { count: r.parallel.required }) : undefined} labels={labels} locale={locale} idPrefix="parallel" showLegend={false} />
        </div>
      </div>
      <p className="room-verdict">{r.flipped ? t('rooms.reveal.flipped') : t('rooms.reveal.same')}</p>
      <p>{r.tippingPoint === null ? t('rooms.reveal.noTipping') : t('rooms.reveal.tipping', { count: r.tippingPoint })}</p>
    </section>
  );
}
