import type { Request } from 'express';
import { isRoomError, type RoomErrorCode } from '@parallele/core';
import { AppError } from '../../errors';

/**
 * Room errors as problem+json in French and English: `detail` in the language the request asks
 * for (Accept-Language, French by default for the rooms' public), both texts in `messages`, the
 * faulty field in `param`. Codes are stable for clients (`room-full`, `pseudonym-taken`…).
 */
type ServerCode = 'room-not-found' | 'room-token-required' | 'room-facilitator-only' | 'room-participant-only' | 'room-rate-limited' | 'room-report-forbidden' | 'room-busy';
type Code = RoomErrorCode | ServerCode;

const STATUS: Record<Code, number> = {
  'room-not-found': 404, 'room-closed': 410, 'room-full': 409, 'room-finished': 409, 'pseudonym-taken': 409, 'token-in-use': 409,
  'unknown-participant': 404, 'participant-kicked': 403, 'participant-inactive': 409, 'vote-outside-phase': 409, 'wrong-question': 409,
  'deadline-passed': 409, 'bad-choice': 400, 'bad-prediction': 400, 'bad-transition': 409, 'bad-teams': 400, 'bad-question': 400,
  'room-token-required': 401, 'room-facilitator-only': 403, 'room-participant-only': 403, 'room-rate-limited': 429, 'room-report-forbidden': 403, 'room-busy': 503,
};

const FR: Record<Code, (x: Record<string, unknown>) => string> = {
  'room-not-found': () => 'Aucune salle ne porte ce code (vérifiez les 6 caractères, ou la salle a expiré).',
  'room-closed': () => 'Cette salle est fermée.',
  'room-full': (x) => `La salle est complète (${String(x.max ?? '')} participant·es au plus).`,
  'room-finished': () => 'La séance est terminée : toutes les questions ont été révélées.',
  'pseudonym-taken': (x) => `Ce pseudonyme est déjà pris dans la salle. Essayez « ${String(x.suggestion ?? '')} ».`,
  'token-in-use': () => 'Cet appareil est déjà dans la salle : reprenez votre place.',
  'unknown-participant': () => 'Participant·e inconnu·e dans cette salle.',
  'participant-kicked': () => 'L’animateur ou l’animatrice vous a retiré·e de la salle.',
  'participant-inactive': () => 'Vous avez quitté la salle : rejoignez-la à nouveau pour voter.',
  'vote-outside-phase': () => 'Le vote n’est pas ouvert : attendez la phase de vote.',
  'wrong-question': () => 'Cette question n’est pas la question en cours.',
  'deadline-passed': () => 'Le temps de vote est écoulé.',
  'bad-choice': () => 'Ce choix n’est pas possible pour cette question.',
  'bad-prediction': () => 'Ce pronostic n’est pas possible pour cette question.',
  'bad-transition': () => 'Cette action n’est pas possible dans la phase en cours.',
  'bad-teams': () => 'Les équipes demandées ne sont pas valides.',
  'bad-question': () => 'Une question du jeu n’est pas valide.',
  'room-token-required': () => 'Il faut le jeton de participant·e ou la clé d’animation (en-tête Authorization: Bearer).',
  'room-facilitator-only': () => 'Action réservée à l’animateur ou l’animatrice de la salle.',
  'room-participant-only': () => 'Action réservée aux participant·es.',
  'room-rate-limited': () => 'Trop de requêtes : réessayez dans un instant.',
  'room-report-forbidden': () => 'Le bilan demande la clé d’animation ou le lien de bilan.',
  'room-busy': () => 'La salle change trop vite : réessayez.',
};

export function roomProblem(code: Code, en: string, param: string | undefined, extras: Record<string, unknown> = {}, lang: 'fr' | 'en' = 'en'): AppError {
  const fr = `${FR[code](extras)}${code === 'bad-question' || code === 'bad-teams' || code === 'bad-choice' || code === 'bad-prediction' ? ` (${en})` : ''}`;
  return new AppError(code, lang === 'fr' ? fr : en, { status: STATUS[code], extras: { ...extras, param, messages: { fr, en } } });
}

export const requestLanguage = (req: Pick<Request, 'get'>): 'fr' | 'en' => (/^\s*en\b/i.test(req.get('accept-language') ?? '') ? 'en' : 'fr');

/** A RoomError from core → the problem of its code; anything else is rethrown as is. */
export function toRoomProblem(error: unknown, lang: 'fr' | 'en'): unknown {
  if (isRoomError(error)) return roomProblem(error.code, error.message, error.param, error.extras, lang);
  return error;
}
