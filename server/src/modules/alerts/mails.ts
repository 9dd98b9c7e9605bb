import type { Question } from '@parallele/core';
import type { MailMessage } from '../accounts';
import type { AlertKind } from './repository';

/** The alert digest, in the citizen's language, with the one-click unsubscribe (RFC 8058). */

export interface DigestItem {
  kind: AlertKind;
  question: Question;
}

const DATE = { fr: new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Paris' }), en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Paris' }) };

function line(item: DigestItem, locale: 'fr' | 'en', publicUrl: string): string {
  const q = item.question;
  const when = DATE[locale].format(new Date(q.closesAt));
  const url = `${publicUrl}/agenda#${q.id}`;
  if (item.kind === 'opened') {
    return locale === 'fr'
      ? `• Nouveau : « ${q.title} ». Votez avant le ${when}, quand les député·es se prononcent.\n  ${url}`
      : `• New: “${q.title}”. Vote before ${when}, when the deputies decide.\n  ${url}`;
  }
  if (item.kind === 'closing') {
    return locale === 'fr' ? `• Dernier jour : « ${q.title} » se clôt le ${when}.\n  ${url}` : `• Last day: “${q.title}” closes on ${when}.\n  ${url}`;
  }
  const m = q.mandate;
  const final = q.links.find((l) => l.role === 'final') ?? q.links[0];
  const split = m ? `${m.percents[0]} % pour, ${m.percents[1]} % contre, ${m.percents[2]} % abstention (${m.total})` : '—';
  const scrutinUrl = final ? `${publicUrl}/scrutins/${final.scrutinUid}` : url;
  return locale === 'fr'
    ? `• Résultat : « ${q.title} ». Les citoyen·nes avaient décidé ${split} ; l'Assemblée : ${final?.outcome ?? '—'}. Le résultat parallèle :\n  ${scrutinUrl}`
    : `• Result: “${q.title}”. Citizens had decided ${split}; the Assembly: ${final?.outcome ?? '—'}. The parallel result:\n  ${scrutinUrl}`;
}

export function digestMail(to: string, locale: 'fr' | 'en', items: DigestItem[], publicUrl: string, unsubscribeUrl: string): MailMessage {
  const body = items.map((i) => line(i, locale, publicUrl)).join('\n\n');
  const text =
    locale === 'fr'
      ? `Bonjour,\n\nDu nouveau à l'ordre du jour de l'Assemblée :\n\n${body}\n\nVous recevez ce message parce que vous suivez ces votes sur la Législature parallèle. Se désabonner en un clic : ${unsubscribeUrl}\n`
      : `Hello,\n\nNews from the Assemblée's agenda:\n\n${body}\n\nYou receive this because you follow these votes on the Législature parallèle. Unsubscribe in one click: ${unsubscribeUrl}\n`;
  const subject =
    locale === 'fr'
      ? `${items.length} nouvelle${items.length > 1 ? 's' : ''} de l'ordre du jour — Législature parallèle`
      : `${items.length} agenda update${items.length > 1 ? 's' : ''} — Législature parallèle`;
  return {
    to, subject, text,
    headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}
