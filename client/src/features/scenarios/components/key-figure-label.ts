import type { TFunction } from 'i18next';

/**
 * A scenario key figure's label in the reader's language, from its structured id (the runner
 * writes French labels with raw mode codes: "Issues changées avec K = 10 (proportional)"). An id
 * this does not know keeps the runner's label.
 */
export function keyFigureLabel(t: TFunction, id: string, fallback: string): string {
  const mode = (m: string) => {
    const kind = m.split(':')[0]!;
    return t(`keyFigure.modes.${kind}`, { defaultValue: m });
  };
  const vote = (uid: string) => {
    const m = /^VT[A-Z]{3}\dL(\d+)V(\d+)$/.exec(uid);
    return m ? t('keyFigure.vote', { n: m[2], l: m[1] }) : uid;
  };
  const parts = id.split(':');
  const [kind] = parts;
  // modes may hold a colon themselves (`group:PO…`): the uid and K sit at known ends
  switch (kind) {
    case 'scrutins':
      return t('keyFigure.scrutins');
    case 'flipped':
    case 'leverage':
      return t(`keyFigure.${kind}`, { k: parts.at(-1), mode: mode(parts.slice(1, -1).join(':')) });
    case 'tipping-point':
      return t('keyFigure.tipping', { vote: vote(parts[1]!), mode: mode(parts.slice(2).join(':')) });
    case 'best-case-tipping-point':
      return t('keyFigure.bestTipping', { vote: vote(parts[1]!), mode: mode(parts.slice(2).join(':')) });
    case 'required-share':
      return t('keyFigure.requiredShare', { vote: vote(parts[1]!), mode: mode(parts.slice(2, -1).join(':')), k: parts.at(-1) });
    case 'platform':
      if (id === 'platform:scrutins-with-votes') return t('keyFigure.withVotes');
      if (id === 'platform:votes') return t('keyFigure.votes');
      if (id === 'platform:fallback') return t('keyFigure.fallback');
      if (id === 'platform:excluded') return t('keyFigure.excluded');
      if (parts[1] === 'share-pour' && parts[2]) return t('keyFigure.sharePour', { vote: vote(parts[2]) });
      return fallback;
    default:
      return fallback;
  }
}
