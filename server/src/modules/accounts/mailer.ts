import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';

/**
 * Outgoing mail. In development every message is rendered by nodemailer's JSON transport, written
 * to `data/mailbox/` as one file and logged; in production it goes through SMTP. Sending is queued
 * and never awaited by a request: a slow SMTP server must not slow down (or reveal anything
 * through the timing of) register or reset.
 */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** extra headers (List-Unsubscribe of the alerts, RFC 8058) */
  headers?: Record<string, string>;
}

export interface Mailer {
  /** Queue a message; failures are logged, never thrown at the caller. */
  send(message: MailMessage): void;
  /**
   * Compose (reading the store) and send AFTER the current request has been answered: the answer
   * takes as long whether or not a message follows (password reset, no account enumeration by
   * timing). `compose` returning null sends nothing; a throw is logged.
   */
  later(compose: () => MailMessage | null | Promise<MailMessage | null>): void;
  /** Resolves when every queued message has been handed over (tests, shutdown). */
  idle(): Promise<void>;
}

export interface MailerOptions {
  transport: 'mailbox' | 'smtp';
  mailboxPath: string;
  smtpUrl?: string | undefined;
  from: string;
  logger: Logger;
}

let fileSeq = 0;

export function createMailer(options: MailerOptions): Mailer {
  const transport =
    options.transport === 'smtp'
      ? nodemailer.createTransport(options.smtpUrl ?? '')
      : nodemailer.createTransport({ jsonTransport: true });
  const pending = new Set<Promise<void>>();

  async function deliver(message: MailMessage): Promise<void> {
    const info = await transport.sendMail({ from: options.from, ...message });
    if (options.transport === 'mailbox') {
      mkdirSync(options.mailboxPath, { recursive: true });
      const safeTo = message.to.replace(/[^a-z0-9@._-]/gi, '_');
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${String(++fileSeq).padStart(6, '0')}-${safeTo}.json`;
      const path = join(options.mailboxPath, name);
      writeFileSync(path, String((info as { message?: unknown }).message ?? JSON.stringify(message)), { mode: 0o600 });
      options.logger.info({ mail: { to: message.to, subject: message.subject, file: path } }, `mail written to ${path}`);
    }
  }

  const track = (p: Promise<void>) => {
    const tracked = p.finally(() => pending.delete(tracked));
    pending.add(tracked);
  };

  return {
    send(message) {
      track(deliver(message).catch((err: unknown) => options.logger.error({ err, to: message.to }, 'mail delivery failed')));
    },
    later(compose) {
      track(
        new Promise<void>((resolve) => setImmediate(resolve))
          .then(async () => {
            const message = await compose();
            return message ? deliver(message) : undefined;
          })
          .catch((err: unknown) => options.logger.error({ err }, 'deferred mail failed')),
      );
    },
    async idle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
