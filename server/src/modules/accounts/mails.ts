import type { MailMessage } from './mailer';

/** The account mails, French first then English (the reader's locale decides the subject). */
type Locale = 'fr' | 'en';

const both = (fr: string, en: string) => `${fr}\n\n— English —\n\n${en}\n`;

export const mails = {
  verifyEmail(to: string, locale: Locale, code: string, url: string): MailMessage {
    return {
      to,
      subject: locale === 'en' ? `Your code: ${code} — Législature parallèle` : `Votre code : ${code} — Législature parallèle`,
      text: both(
        `Bonjour,\n\nVotre code de vérification : ${code}\nOu ouvrez ce lien : ${url}\n\nLe code est valable 48 heures. Si vous n'avez rien demandé, ignorez ce message.`,
        `Hello,\n\nYour verification code: ${code}\nOr open this link: ${url}\n\nThe code is valid for 48 hours. If you did not ask for it, ignore this message.`,
      ),
    };
  },

  alreadyRegistered(to: string, locale: Locale, loginUrl: string): MailMessage {
    return {
      to,
      subject: locale === 'en' ? 'You already have an account — Législature parallèle' : 'Vous avez déjà un compte — Législature parallèle',
      text: both(
        `Bonjour,\n\nQuelqu'un (vous, sans doute) a voulu créer un compte avec cette adresse, qui en a déjà un. Connectez-vous, ou réinitialisez votre mot de passe si vous l'avez oublié : ${loginUrl.split('?')[0]}`,
        `Hello,\n\nSomeone (you, probably) tried to create an account with this address, which already has one. Log in, or reset your password if you forgot it: ${loginUrl.split('?')[0]}`,
      ),
    };
  },

  resetPassword(to: string, locale: Locale, code: string, url: string): MailMessage {
    return {
      to,
      subject: locale === 'en' ? `Password reset code: ${code}` : `Code de réinitialisation : ${code}`,
      text: both(
        `Bonjour,\n\nVotre code pour choisir un nouveau mot de passe : ${code}\nOu ouvrez ce lien : ${url}\n\nValable une heure. Si vous n'avez rien demandé, ignorez ce message : votre mot de passe ne change pas.`,
        `Hello,\n\nYour code to choose a new password: ${code}\nOr open this link: ${url}\n\nValid for one hour. If you did not ask for it, ignore this message: your password stays the same.`,
      ),
    };
  },
};
