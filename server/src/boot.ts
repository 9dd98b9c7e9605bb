/**
 * Entry file 3 of 4 — the composition root: buildAppDeps() builds every service once into AppDeps (the server, the
 * tests and the CLIs that need services call it); boot() is what `npm start` runs (config, store,
 * bundled data, services, listen, schedules).
 */
import { readFileSync } from 'node:fs';
import { loadConfig, type Config } from './config';
import { openStore } from './db/client';
import type { AppDeps, BaseDeps } from './deps';
import { createEventBus, onTalliesChanged } from './events';
import { createHttpMiddleware } from './http';
import { importBundledDataIfEmpty } from './import/import-service';
import { importBundledAssembliesIfMissing } from './modules/assemblies';
import { createLogger, type Logger } from './logger';
import { loadSecret } from './secrets';
import { startServer, type RunningServer } from './server';
import { DEFAULT_SOCKET_LIMITS, type SocketLimits } from './socket/limits';
import { accountsRepository, createAccountsService, createMailer, identityFingerprints, loggingSmsSender, smsProvider, type VerificationProviders } from './modules/accounts';
import { createDeputiesService } from './modules/deputies';
import { createGroupsService } from './modules/groups';
import { createLegislaturesService } from './modules/legislatures';
import { createModerationService, moderationRepository, scheduleDetector } from './modules/moderation';
import { createScenariosService, platformTalliesOf, platformVotesOf, warmScenarios, type ScenariosServiceOptions } from './modules/scenarios';
import { createPreviewsService } from './modules/previews';
import { createScrutinsService } from './modules/scrutins';
import { createSimulationService } from './modules/simulation';
import { SyncService, syncSettingsFromConfig } from './modules/sync';
import { createVotesService, votesRepository } from './modules/votes';
// issue 16
import { createProfilesService, profilesRepository } from './modules/profiles';
import { createReweightingService, loadShippedMargins, reweightedVotesOf, reweightingRepository } from './modules/reweighting';
import { createRooms } from './modules/rooms';
import { createElectionsService } from './modules/elections';
import { createCouncilsService } from './modules/councils';
// issue 13: the replayable clock, agenda, questions, alerts, agreement
import { createClock } from './clock';
import { importBundledAgendaIfMissing } from './import/bundled-agenda';
import { ensureScrutinSearchCurrent } from './db/scrutin-search';
import { createPlatform } from './modules/platform';

export interface BuildOptions {
  /** extra or replacement verification providers (an SMS gateway, OIDC) */
  providers?: VerificationProviders;
  /** the gallery's folders and refresh delay (tests point them at temp dirs) */
  scenarios?: Omit<ScenariosServiceOptions, 'platformTallies' | 'onTalliesChanged'>;
  /** a sync service built elsewhere (tests: one aimed at a local stand-in of the AN site) */
  sync?: SyncService;
  /** the socket server's event limits (tests lower them) */
  socketLimits?: SocketLimits;
}

/**
 * The gallery, reading the live tallies (`split.source: platform`; `tally: redresse` through the
 * reweighting service, issue 16) and recomputed when they change.
 */
export function liveScenariosService(deps: Pick<AppDeps, 'db' | 'votes' | 'events' | 'reweighting'>, options: BuildOptions['scenarios'] = {}) {
  return createScenariosService({
    platformTallies: platformTalliesOf(deps.db, platformVotesOf(() => deps.votes, reweightedVotesOf(() => deps.reweighting))),
    onTalliesChanged: (listener) => onTalliesChanged(deps.events, listener),
    ...options,
  });
}

/** Builds every service once, from the config, log, store, bus and clock. */
export function buildAppDeps(base: Omit<BaseDeps, 'events' | 'now'> & Partial<Pick<BaseDeps, 'events' | 'now'>>, options: BuildOptions = {}): AppDeps {
  const { config, db } = base;
  const events = base.events ?? createEventBus();
  // AS_OF (issue 13) replays an instant: the clock starts there and runs on
  const now = base.now ?? createClock(config.AS_OF);
  const logger = base.logger;
  // Acknowledged votes must survive a power cut, not only a crash: FULL fsyncs the WAL on every
  // commit (group commit makes that one fsync per batch). NORMAL in WAL mode survives a killed
  // process (the WAL is in the OS cache) but may lose the last commits on power loss.
  // SQLite only (db.sqlite is null on PostgreSQL, whose server configures its own durability).
  db.sqlite?.pragma(`synchronous = ${config.VOTES_SYNCHRONOUS}`);
  const secret = loadSecret(config);
  const citizensLog = logger.child({ module: 'citizens' });
  const mailer = createMailer({ transport: config.mailTransport, mailboxPath: config.mailboxPath, smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, logger: citizensLog });
  const providers: VerificationProviders = {
    ...(config.smsProvider === 'log' ? { sms: smsProvider(loggingSmsSender(citizensLog), secret) } : {}),
    ...options.providers,
  };
  const publicUrl = config.PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`;
  const accounts = createAccountsService({
    repo: accountsRepository(db), config: { ...config, secret }, mailer, logger: citizensLog, now, publicUrl, providers,
    // Issue 10: fingerprints of verified identifiers; ended sessions downgrade their sockets.
    fingerprints: identityFingerprints(db, secret),
    onSessionsEnded: (ended) => events.emit('sessions:ended', ended),
  });
  const votes = createVotesService({
    repo: votesRepository(db),
    logger: citizensLog,
    now,
    voteMinLevel: config.VOTE_MIN_LEVEL,
    verifiedLevel: config.TALLY_VERIFIED_LEVEL,
    events,
  });
  const moderation = createModerationService({ repo: moderationRepository(db), logger: citizensLog, now, events });
  const stopDetector = scheduleDetector(moderation, config.DETECTOR_INTERVAL_S, citizensLog);
  // issue 16: one reweighting service (its refresh cache is shared by the routes and the gallery)
  const reweighting = createReweightingService({ repo: reweightingRepository(db), shipped: loadShippedMargins(), now });
  const profiles = createProfilesService({ repo: profilesRepository(db), logger: logger.child({ module: 'profiles' }), now });
  const scenarios = liveScenariosService({ db, votes, events, reweighting }, options.scenarios);
  const simulation = createSimulationService(db);
  const platform = createPlatform({ db, now, logger, config, votes, mailer, secret, publicUrl });
  const scrutins = createScrutinsService(db);
  return {
    config, logger, db, events, now,
    scrutins,
    groups: createGroupsService(db),
    deputies: createDeputiesService(db),
    legislatures: createLegislaturesService(db),
    simulation,
    scenarios,
    sync: options.sync ?? new SyncService(db, syncSettingsFromConfig(config), now, logger),
    accounts, votes, moderation, mailer,
    profiles, reweighting,
    rooms: createRooms({ config, db, now, scrutins }),
    elections: createElectionsService(db), // issue 15
    councils: createCouncilsService({ db, simulation }), // issue 15
    http: createHttpMiddleware(config, secret, (token) => accounts.resolveSession(token), now),
    platform,
    socketLimits: options.socketLimits ?? DEFAULT_SOCKET_LIMITS,
    previews: createPreviewsService({ db, scrutins, votes, scenarios }),
    async close() {
      stopDetector();
      platform.stopJob();
      await votes.writer.drain();
      await mailer.idle();
    },
  };
}

export interface BootOptions {
  /** Defaults to process.env. */
  env?: Record<string, string | undefined>;
  /** Overrides PORT (tests pass 0). */
  port?: number;
  logger?: Logger;
}

export interface Booted {
  deps: AppDeps;
  server: RunningServer;
  /** Close the server, then the store. Idempotent. */
  close(): Promise<void>;
}

export const SERVER_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** The gallery is warmed after listening, unless under test or WARM_SCENARIOS=false. */
export function shouldWarmScenarios(config: Pick<Config, 'NODE_ENV' | 'WARM_SCENARIOS'>): boolean {
  return config.NODE_ENV !== 'test' && config.WARM_SCENARIOS;
}

/**
 * What `npm start` does: read the config, open (and migrate) the store, import the bundled open
 * data when the store is empty, then serve. Anything failing before listening closes what opened.
 */
export async function boot(options: BootOptions = {}): Promise<Booted> {
  const config: Config = loadConfig(options.env ?? process.env, SERVER_VERSION);
  const logger = options.logger ?? createLogger(config);
  const db = await openStore(config.DATABASE_URL);
  try {
    await importBundledDataIfEmpty(db, logger);
    await importBundledAssembliesIfMissing(db, logger); // issue 15: European Parliament votes, example council
    await importBundledAgendaIfMissing(db, logger);
    const reindexed = await ensureScrutinSearchCurrent(db); // a store indexed by an older search document
    if (reindexed > 0) logger.info({ scrutins: reindexed }, 'Rebuilt the search index of scrutins');
    const deps = buildAppDeps({ config, logger, db });
    // the platform job: its state lives in the store (questions, what was sent), so a restart resumes, never re-sends
    if (config.NODE_ENV !== 'test') deps.platform.startJob(config.PLATFORM_JOB_INTERVAL_S * 1000);
    const server = await startServer(deps, options.port ?? config.PORT, config.HOST);
    // The AN sync on an interval: off unless SYNC_INTERVAL_MINUTES is set.
    const { sync } = deps;
    if (config.SYNC_INTERVAL_MINUTES > 0) sync.startSchedule(config.SYNC_INTERVAL_MINUTES, config.SYNC_LEGISLATURE);
    if (!config.clientBuilt) logger.warn(`No built client in ${config.clientDistPath}: serving the API only (run npm run build:client)`);
    logger.info({ url: server.url, database: config.databasePath }, `Législature parallèle listening on ${server.url}`);
    // Not awaited: the server answers while the gallery computes (5–8 s on a fresh store).
    if (shouldWarmScenarios(config)) void warmScenarios(deps.scenarios, logger);
    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= (async () => {
        sync.stopSchedule();
        await server.close();
        await deps.close();
        await db.close();
      })());
    return { deps, server, close };
  } catch (error) {
    await db.close();
    throw error;
  }
}
