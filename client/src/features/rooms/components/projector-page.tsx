import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import QRCode from 'qrcode';
import { useRoomSocket } from '../socket';
import { FinalScores, QuestionHeader, Timer } from './shared';
import { RevealPanel } from './reveal-panel';

/** The QR code of the join link, drawn in the browser (no external service). */
function JoinQr({ url }: { url: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void QRCode.toDataURL(url, { margin: 1, width: 320, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } }).then((d) => live && setSrc(d));
    return () => {
      live = false;
    };
  }, [url]);
  return src ? <img className="room-qr" src={src} width={320} height={320} alt={url} /> : null;
}

/**
 * The big screen: large type and high contrast, readable from the back of a classroom. It shows
 * how many have voted, never who voted what; the reveal is the same for everybody.
 */
export function ProjectorPage() {
  const { t } = useTranslation();
  const code = (useParams().code ?? '').toUpperCase();
  const room = useRoomSocket(code, {});
  const v = room.view;
  const joinUrl = `${globalThis.location?.origin ?? ''}/salle/${code}`;
  if (room.ended && room.ended.reason !== 'closed') return <main className="room-projector"><p className="room-big">{t('rooms.room.closed')}</p></main>;
  if (!v) return <main className="room-projector"><p>{room.error ?? t('common.loading')}</p></main>;
  return (
    <main className="room-projector" data-stage={v.stage}>
      <div className="room-projector-bar">
        <span>{v.title}</span>
        <span className="room-code-small">{code}</span>
      </div>
      {v.stage === 'lobby' ? (
        <section className="room-lobby">
          <div>
            <p>{t('rooms.room.join', { url: joinUrl.replace(/^https?:\/\//, '') })}</p>
            <p className="room-code">{code}</p>
            <p className="room-count">{t('rooms.console.participants', { count: v.counts.participants })}</p>
          </div>
          <JoinQr url={joinUrl} />
          <ul className="room-names">{v.participants.map((p) => <li key={p.id}>{p.pseudonym}</li>)}</ul>
        </section>
      ) : null}
      {v.stage !== 'lobby' && v.stage !== 'finished' ? <QuestionHeader view={v} large /> : null}
      <Timer view={v} />
      {v.stage === 'vote' ? <p className="room-count" aria-live="polite">{t('rooms.room.votes', { voted: v.counts.voted, count: v.counts.participants })}</p> : null}
      {v.stage === 'revelation' ? <RevealPanel view={v} width={600} /> : null}
      {v.stage === 'finished' ? <FinalScores view={v} /> : null}
      {v.closed ? <p className="room-big">{t('rooms.room.closed')}</p> : null}
    </main>
  );
}
