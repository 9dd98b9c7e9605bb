import type { Logger } from 'pino';
import type { StartVerificationBody, VerificationLevel, VerificationProviderId } from '@parallele/core';
import { AppError } from '../../errors';
import { hmacHex, randomCode } from '../../secrets';

/**
 * Stronger identity checks than an email. A provider proves that the citizen controls something
 * scarce (a phone number, a state identity) and returns a stable `subjectKey` for it: the
 * accounts service stores it under a unique index, so one phone (or one identity) verifies one
 * account only. Voting code never sees providers: it only reads the resulting level.
 *
 * Two shapes fit this interface: code-based (SMS: `start` sends a code, `complete` checks it)
 * and redirect-based (OpenID Connect à la FranceConnect: `start` returns the authorization URL,
 * `complete` exchanges the authorization code and reads the `sub` claim of the ID token).
 */
export interface VerificationChallenge {
  /** what `complete` must find again (stored hashed by the service) */
  secret: string;
  /** HMAC of the phone number / identity subject being proven */
  subjectKey: string;
  redirectUrl: string | null;
}

export interface VerificationProvider {
  id: VerificationProviderId;
  /** the level a successful check grants */
  level: VerificationLevel;
  start(input: StartVerificationBody, citizen: { citizenId: number; locale: string }): Promise<VerificationChallenge>;
  /** Resolves to the subject key when `code` answers the challenge; rejects with an AppError otherwise. */
  complete(challenge: { secretMatches: (candidate: string) => boolean; subjectKey: string | null }, code: string): Promise<string>;
}

/** Where an SMS goes. The development sender logs it; a real one (an SMS gateway) plugs in here. */
export interface SmsSender {
  send(phone: string, text: string): Promise<void>;
}

export const loggingSmsSender = (logger: Logger): SmsSender => ({
  async send(phone, text) {
    // Development only (refused in production by the config): the code is meant to be read here.
    logger.info({ sms: { to: phone, text } }, `SMS to ${phone}: ${text}`);
  },
});

export function smsProvider(sender: SmsSender, secret: Buffer): VerificationProvider {
  return {
    id: 'sms',
    level: 'phone',
    async start(input, citizen) {
      if (input.provider !== 'sms') throw AppError.badRequest('provider: expected sms', { param: 'provider' });
      const code = randomCode();
      const text =
        citizen.locale === 'en'
          ? `Législature parallèle: your code is ${code}`
          : `Législature parallèle : votre code est ${code}`;
      await sender.send(input.phone, text);
      return { secret: code, subjectKey: hmacHex(secret, 'phone', input.phone), redirectUrl: null };
    },
    async complete(challenge, code) {
      if (!challenge.subjectKey || !challenge.secretMatches(code.trim())) {
        throw new AppError('invalid_code', 'The code is wrong or has expired', { status: 400, extras: { param: 'code' } });
      }
      return challenge.subjectKey;
    },
  };
}

/** The providers a deployment offers, by id. */
export type VerificationProviders = Partial<Record<VerificationProviderId, VerificationProvider>>;
