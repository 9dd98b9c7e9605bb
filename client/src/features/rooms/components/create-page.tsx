import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { DeckItem, RoomScenarioSource } from '@parallele/core';
import { AsyncView } from '../../../components/status';
import type { ApiError } from '../../../lib/api';
import { useResource } from '../../../lib/use-resource';
import { createRoom, fetchPacks, searchScrutins } from '../api';
import { keepFacilitatorKey } from '../identity';
import { CustomQuestionForm } from './custom-question-form';
import { MyRooms } from './my-rooms';
import { ScenarioSource } from './scenario-source';

const label = (item: DeckItem) => (item.kind === 'scrutin' ? item.uid : item.kind === 'election' ? `${item.election} · ${item.round}` : item.title);

/** Create a room in under a minute: a name, questions from packs, a search or typed by hand. */
export function CreateRoomPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  const navigate = useNavigate();
  const packs = useResource('rooms-packs', fetchPacks);
  const [title, setTitle] = useState('');
  const [deck, setDeck] = useState<{ item: DeckItem; text: string }[]>([]);
  const [scenario, setScenario] = useState<RoomScenarioSource | null>(null);
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<{ uid: string; titre: string; date: string }[]>([]);
  const [k, setK] = useState('');
  const [max, setMax] = useState('200');
  const [error, setError] = useState<string | null>(null);
  const add = (items: { item: DeckItem; text: string }[]) => setDeck((d) => [...d, ...items].slice(0, 30));

  const search = async (e: FormEvent) => {
    e.preventDefault();
    try {
      setHits((await searchScrutins(q)).items.map((s) => ({ uid: s.uid, titre: s.titre, date: s.date })));
    } catch (err) {
      setError((err as ApiError).message);
    }
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (deck.length === 0 && !scenario) return setError(t('rooms.create.empty'));
    try {
      const room = await createRoom({ title, deck: deck.map((d) => d.item), ...(scenario ? { scenario } : {}), maxParticipants: Number(max), k: k.trim() === '' ? null : Number(k) });
      keepFacilitatorKey(room.code, room.facilitatorKey);
      void navigate(room.links.facilitator);
    } catch (err) {
      setError((err as ApiError).message);
    }
  };

  return (
    <div className="page room-create">
      <h1>{t('rooms.create.title')}</h1>
      <p>{t('rooms.create.intro')}</p>
      <p><a href="/salles/guide">{t('rooms.create.guide')}</a></p>
      <MyRooms />
      <form onSubmit={submit} className="card">
        <label htmlFor="room-title">{t('rooms.create.name')}</label>
        <input id="room-title" value={title} onChange={(e) => setTitle(e.target.value)} placeholder={t('rooms.create.namePlaceholder')} required maxLength={120} />
        <h2>{t('rooms.create.deck', { count: deck.length })}</h2>
        <ol className="room-deck">
          {deck.map((d, i) => (
            <li key={`${label(d.item)}-${i}`}>
              <span>{d.text}</span>{' '}
              <button type="button" className="button button-secondary small" onClick={() => setDeck((x) => x.filter((_, j) => j !== i))}>{t('rooms.create.remove')}</button>
            </li>
          ))}
        </ol>
        <div className="grid-2">
          <p>
            <label htmlFor="room-k">{t('rooms.create.k')}</label>
            <input id="room-k" type="number" min={0} max={2000} value={k} onChange={(e) => setK(e.target.value)} />
          </p>
          <p>
            <label htmlFor="room-max">{t('rooms.create.max')}</label>
            <input id="room-max" type="number" min={2} max={200} value={max} onChange={(e) => setMax(e.target.value)} />
          </p>
        </div>
        {error ? <p role="alert" className="notice notice-error">{error}</p> : null}
        <button type="submit" className="button">{t('rooms.create.submit')}</button>
      </form>
      <section className="card">
        <h2>{t('rooms.create.packs')}</h2>
        <AsyncView resource={packs}>
          {(data) => (
            <ul className="room-packs">
              {data.packs.map((p) => (
                <li key={p.id}>
                  <button type="button" className="button button-secondary" onClick={() => add(p.questions.map((item) => ({ item, text: `${p.title[lang]} · ${label(item)}` })))}>
                    {t('rooms.create.add')}
                  </button>{' '}
                  <strong>{p.title[lang]}</strong> ({p.questions.length}) — <span className="muted">{p.description[lang]}</span>
                </li>
              ))}
            </ul>
          )}
        </AsyncView>
      </section>
      <section className="card">
        <h2>{t('rooms.create.search')}</h2>
        <form onSubmit={search} role="search">
          <input aria-label={t('rooms.create.search')} value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('rooms.create.searchPlaceholder')} />{' '}
          <button type="submit" className="button button-secondary">OK</button>
        </form>
        <ul className="room-hits">
          {hits.map((h) => (
            <li key={h.uid}>
              <button type="button" className="button button-secondary small" onClick={() => add([{ item: { kind: 'scrutin', uid: h.uid }, text: `${h.date} · ${h.titre}` }])}>{t('rooms.create.add')}</button>{' '}
              {h.date} · {h.titre}
            </li>
          ))}
        </ul>
      </section>
      <ScenarioSource value={scenario} onChange={setScenario} />
      <CustomQuestionForm onAdd={(item) => add([{ item, text: item.kind === 'custom' ? item.title : '' }])} />
    </div>
  );
}
