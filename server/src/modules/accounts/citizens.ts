import { REPO_ROOT } from '../../config';
import type { AppDeps } from '../../deps';
import { createModerationService, type ModerationService } from '../moderation/service';
import { moderationRepository } from '../moderation/repository';
import { createVotesService, type VotesService } from '../votes/service';
import { votesRepository } from '../votes/repository';
import { loadCitizensConfig, type CitizensConfig } from './citizens-config';
import { httpHelpers, type HttpHelpers } from './http';
import { createMailer, type Mailer } from './mailer';
import { accountsRepository, type CitizensDb } from './repository';
import { identityFingerprints } from './identity-fingerprint';
import { createAccountsService, type AccountsService } from './service';
import { loggingSmsSender, smsProvider, type VerificationProviders } from './verification-providers';

/**
 * The citizens' side, wired once per app: accounts, votes, moderation and their HTTP helpers.
 * boot() builds it into deps.citizens; an app built without it (other modules' tests) gets one
 * lazily from the environment (see citizensOf).
 */
export interface Citizens {
  config: CitizensConfig;
  accounts: AccountsService;
  votes: VotesService;
  moderation: ModerationService;
  http: HttpHelpers;
  mailer: Mailer;
  /** stop the detector timer, finish queued votes and mails */
  close(): Promise<void>;
}

export interface CitizensOptions {
  env?: Record<string, string | undefined>;
  /** extra or replacement verification providers (an SMS gateway, OIDC) */
  providers?: VerificationProviders;
}

export function createCitizens(deps: AppDeps, options: CitizensOptions = {}): Citizens {
  const config = loadCitizensConfig(options.env ?? process.env, { nodeEnv: deps.config.NODE_ENV, root: REPO_ROOT, publicUrl: deps.config.PUBLIC_URL });
  const db = deps.db as unknown as CitizensDb;
  // Acknowledged votes must survive a power cut, not only a crash: FULL fsyncs the WAL on every
  // commit (group commit makes that one fsync per batch). NORMAL in WAL mode survives a killed
  // process (the WAL is in the OS cache) but may lose the last commits on power loss.
  db.sqlite.pragma(`synchronous = ${config.VOTES_SYNCHRONOUS}`);
  const logger = deps.logger.child({ module: 'citizens' });
  const mailer = createMailer({ transport: config.mailTransport, mailboxPath: config.mailboxPath, smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, logger });
  const providers: VerificationProviders = {
    ...(config.smsProvider === 'log' ? { sms: smsProvider(loggingSmsSender(logger), config.secret) } : {}),
    ...options.providers,
  };
  const publicUrl = deps.config.PUBLIC_URL ?? `http://${deps.config.HOST}:${deps.config.PORT}`;
  const accounts = createAccountsService({
    repo: accountsRepository(db), config, mailer, logger, now: deps.now, publicUrl, providers,
    // Issue 10: fingerprints of verified identifiers; ended sessions reach the sockets.
    fingerprints: identityFingerprints(db, config.secret),
    onSessionsEnded: (ended) => deps.events.emit('sessions:ended', ended),
  });
  const votes = createVotesService({
    repo: votesRepository(db),
    logger,
    now: deps.now,
    voteMinLevel: config.VOTE_MIN_LEVEL,
    verifiedLevel: config.TALLY_VERIFIED_LEVEL,
    onCast: (committed) => {
      const changed = committed.filter((c) => c.outcome.changed);
      if (changed.length > 0) {
        deps.events.emit('votes:cast', { votes: changed.map((c) => ({ scrutinUid: c.item.scrutinUid, citizenId: c.item.citizenId, vote: c.outcome.vote })) });
      }
    },
  });
  const moderation = createModerationService({
    repo: moderationRepository(db),
    logger,
    now: deps.now,
    onTalliesChanged: (uids) => deps.events.emit('tallies:changed', { uids }),
  });
  const timer =
    config.DETECTOR_INTERVAL_S > 0
      ? setInterval(() => {
          try {
            moderation.runDetector();
          } catch (error) {
            logger.error({ err: error }, 'burst detector run failed');
          }
        }, config.DETECTOR_INTERVAL_S * 1000).unref()
      : null;

  return {
    config, accounts, votes, moderation, mailer,
    http: httpHelpers(config, accounts),
    async close() {
      if (timer) clearInterval(timer);
      await votes.writer.drain();
      await mailer.idle();
    },
  };
}

const lazily = new WeakMap<AppDeps, Citizens>();

/** deps.citizens when boot() built it, else one built once per deps from the environment. */
export function citizensOf(deps: AppDeps): Citizens {
  if (deps.citizens) return deps.citizens;
  let citizens = lazily.get(deps);
  if (!citizens) {
    citizens = createCitizens(deps);
    lazily.set(deps, citizens);
  }
  return citizens;
}
