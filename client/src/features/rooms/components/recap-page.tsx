import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { AsyncView } from '../../../components/status';
import { useResource } from '../../../lib/use-resource';
import { fetchView } from '../api';
import { FinalScores } from './shared';
import { RevealPanel } from './reveal-panel';

/** The read-only recap link: every revealed question and the scores, no control, no ballot. */
export function RecapPage() {
  const { t } = useTranslation();
  const code = (useParams().code ?? '').toUpperCase();
  const key = useSearchParams()[0].get('cle') ?? '';
  const view = useResource(`room-recap-${code}`, () => fetchView(code, undefined, key));
  return (
    <div className="page">
      <AsyncView resource={view}>
        {(v) => (
          <>
            <h1>{v.title}</h1>
            <FinalScores view={v} />
            {v.history.map((h) => (
              <section key={h.index} className="card">
                <h2>{t('rooms.room.question', { n: h.index + 1, total: v.total })} · {h.question.title}</h2>
                <RevealPanel view={{ ...v, question: h.question, reveal: h.reveal }} width={400} />
              </section>
            ))}
          </>
        )}
      </AsyncView>
    </div>
  );
}
