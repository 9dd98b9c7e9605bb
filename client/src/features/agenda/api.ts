import { z } from 'zod';
import {
  AgreementResponseSchema, AlertSubscriptionsSchema, MyDeputyResponseSchema, DeputyVotesResponseSchema, MyConstituencySchema, AgreementShareSchema, PlatformRecordSchema, QuestionsResponseSchema, ScrutinMandateSchema,
  UpcomingAgendaResponseSchema, type AlertSubscriptions, type MyConstituencyBody,
} from '@parallele/core';
import { get, send } from '../../lib/api';
import { ensureCsrf } from '../account';

export const fetchUpcoming = () => get(UpcomingAgendaResponseSchema, '/agenda/upcoming');
export const fetchQuestions = () => get(QuestionsResponseSchema, '/questions');
export const fetchMandate = (uid: string, k: number) => get(ScrutinMandateSchema, `/scrutins/${encodeURIComponent(uid)}/mandate`, { k });
export const fetchRecord = (legislature: number, k: number, minVotes: number) => get(PlatformRecordSchema, `/legislatures/${legislature}/record`, { k, minVotes });
export const recordCsvUrl = (legislature: number, k: number, minVotes: number) => `/api/legislatures/${legislature}/record.csv?k=${k}&minVotes=${minVotes}`;
export const fetchAlerts = () => get(AlertSubscriptionsSchema, '/me/alerts');
export const putAlerts = async (subs: AlertSubscriptions) => {
  if (!document.cookie.includes('pl_csrf=')) await ensureCsrf();
  return send(AlertSubscriptionsSchema, 'PUT', '/me/alerts', subs);
};
export const fetchAgreement = (legislature: number) => get(AgreementResponseSchema, '/me/agreement', { legislature });
export const fetchMyDeputy = (departement: string, circo: number) => get(MyDeputyResponseSchema, '/my-deputy', { departement, circo });
export const fetchDeputyVotes = (ref: string) => get(DeputyVotesResponseSchema, '/my-deputy/votes', { ref, legislature: 17, limit: 30 });
export const putMyConstituency = async (numDepartement: string, numCirco: number) => {
  if (!document.cookie.includes('pl_csrf=')) await ensureCsrf();
  return send(MyConstituencySchema, 'PUT', '/me/constituency', { numDepartement, numCirco } satisfies MyConstituencyBody);
};
export const shareAgreement = async () => {
  if (!document.cookie.includes('pl_csrf=')) await ensureCsrf();
  return send(AgreementShareSchema, 'POST', '/me/agreement/share?legislature=17');
};
export const withdrawAgreementShares = async () => {
  if (!document.cookie.includes('pl_csrf=')) await ensureCsrf();
  return send(z.unknown(), 'DELETE', '/me/agreement/share');
};
export const fetchSharedAgreement = (token: string) => get(AgreementResponseSchema, `/agreement/shared/${encodeURIComponent(token)}`);
