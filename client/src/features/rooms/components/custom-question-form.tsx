import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CustomQuestionInputSchema, type DeckItem } from '@parallele/core';

type Position = 'pour' | 'contre' | 'abstention';
const POSITIONS: Position[] = ['pour', 'contre', 'abstention'];

/**
 * A question typed by the facilitator, put to the AN groups of a date (each group's position,
 * "RN: contre" one a line) or to a fictional assembly of fictional parties. Checked with the same
 * schema as the server, which names the faulty field.
 */
export function CustomQuestionForm({ onAdd }: { onAdd: (item: DeckItem) => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [kind, setKind] = useState<'an' | 'fictional'>('fictional');
  const [date, setDate] = useState('2025-10-16');
  const [positions, setPositions] = useState('RN: contre\nLFI-NFP: pour\nEPR: abstention');
  const [name, setName] = useState('Conseil de classe');
  const [parties, setParties] = useState<{ name: string; seats: string; position: Position }[]>([
    { name: 'Parti A', seats: '12', position: 'pour' },
    { name: 'Parti B', seats: '10', position: 'contre' },
  ]);
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const assembly =
      kind === 'an'
        ? { kind, date, positions: Object.fromEntries(positions.split('\n').map((l) => l.split(':').map((x) => x.trim())).filter((p) => p.length === 2 && p[0]).map(([g, p]) => [g, p])) }
        : { kind, name, parties: parties.map((p) => ({ name: p.name, seats: Number(p.seats), position: p.position })) };
    const parsed = CustomQuestionInputSchema.safeParse({ kind: 'custom', title, text, assembly });
    if (!parsed.success) return setError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join(' · '));
    setError(null);
    onAdd(parsed.data);
  };
  return (
    <form className="card" onSubmit={submit}>
      <h2>{t('rooms.create.custom')}</h2>
      <label htmlFor="cq-title">{t('rooms.create.customTitle')}</label>
      <input id="cq-title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={300} />
      <label htmlFor="cq-text">{t('rooms.create.customText')}</label>
      <textarea id="cq-text" value={text} onChange={(e) => setText(e.target.value)} maxLength={2000} rows={2} />
      <fieldset>
        <legend>{t('rooms.create.assembly')}</legend>
        <label><input type="radio" name="cq-kind" checked={kind === 'fictional'} onChange={() => setKind('fictional')} /> {t('rooms.create.assemblyFictional')}</label>{' '}
        <label><input type="radio" name="cq-kind" checked={kind === 'an'} onChange={() => setKind('an')} /> {t('rooms.create.assemblyAn')}</label>
      </fieldset>
      {kind === 'an' ? (
        <>
          <label htmlFor="cq-date">{t('rooms.create.date')}</label>
          <input id="cq-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          <textarea aria-label="positions" value={positions} onChange={(e) => setPositions(e.target.value)} rows={4} />
        </>
      ) : (
        <>
          <label htmlFor="cq-name">{t('rooms.create.fictionalName')}</label>
          <input id="cq-name" value={name} onChange={(e) => setName(e.target.value)} />
          <p>{t('rooms.create.parties')}</p>
          {parties.map((p, i) => (
            <p key={i} className="room-party">
              <input aria-label={`${t('rooms.create.parties')} ${i + 1}`} value={p.name} onChange={(e) => setParties((x) => x.map((y, j) => (j === i ? { ...y, name: e.target.value } : y)))} />
              <input aria-label={`seats ${i + 1}`} type="number" min={1} value={p.seats} onChange={(e) => setParties((x) => x.map((y, j) => (j === i ? { ...y, seats: e.target.value } : y)))} />
              <select aria-label={`position ${i + 1}`} value={p.position} onChange={(e) => setParties((x) => x.map((y, j) => (j === i ? { ...y, position: e.target.value as Position } : y)))}>
                {POSITIONS.map((pos) => <option key={pos} value={pos}>{t(`rooms.vote.${pos}`)}</option>)}
              </select>
            </p>
          ))}
          <button type="button" className="button button-secondary small" onClick={() => setParties((x) => [...x, { name: `Parti ${String.fromCharCode(65 + x.length)}`, seats: '5', position: 'abstention' }])}>{t('rooms.create.addParty')}</button>
        </>
      )}
      {error ? <p role="alert" className="notice notice-error">{error}</p> : null}
      <p><button type="submit" className="button button-secondary">{t('rooms.create.add')}</button></p>
    </form>
  );
}
