import type { Config } from './config';
import type { Db } from './db/types';
import type { AppEventBus } from './events';
import type { HttpMiddleware } from './http';
import type { Logger } from './logger';
import type { SocketLimits } from './socket/limits';
import type { AccountsService, Mailer } from './modules/accounts';
import type { DeputiesService } from './modules/deputies';
import type { GroupsService } from './modules/groups';
import type { LegislaturesService } from './modules/legislatures';
import type { ModerationService } from './modules/moderation';
import type { PreviewsService } from './modules/previews';
import type { ScenariosService } from './modules/scenarios';
import type { ScrutinsService } from './modules/scrutins';
import type { SimulationService } from './modules/simulation';
import type { SyncService } from './modules/sync';
import type { VotesService } from './modules/votes';
// issue 16
import type { ProfilesService } from './modules/profiles';
import type { ReweightingService } from './modules/reweighting';
import type { Rooms } from './modules/rooms';
import type { ElectionsService } from './modules/elections';
import type { CouncilsService } from './modules/councils';
import type { Platform } from './modules/platform';
import type { CapacityService } from './modules/capacity';
import type { SharedRedis } from './cluster/redis';
import type { Leadership } from './cluster/leader';

/** The open store: `{ dialect, store, sqlite, close }` from db/client (openStore). */
export type Store = Db;

/** What every service is built from: the process's config, log, store, event bus and clock. */
export interface BaseDeps {
  config: Config;
  logger: Logger;
  db: Store;
  events: AppEventBus;
  /** Injected clock so tests can move time (vote windows, sessions, rate limits). */
  now: () => Date;
}

/**
 * Everything a route, a socket handler or a job may use: built once by buildAppDeps() in boot.ts
 * (the one composition root; tests call it too) and passed down explicitly. A new service gets a
 * field here and one line in buildAppDeps.
 */
export interface AppDeps extends BaseDeps {
  scrutins: ScrutinsService;
  groups: GroupsService;
  deputies: DeputiesService;
  legislatures: LegislaturesService;
  simulation: SimulationService;
  scenarios: ScenariosService;
  sync: SyncService;
  accounts: AccountsService;
  votes: VotesService;
  moderation: ModerationService;
  mailer: Mailer;
  /** issue 16: the citizen's optional profile, and the representativity / reweighted split */
  profiles: ProfilesService;
  reweighting: ReweightingService;
  /** Workshop rooms (issue 12): the service and its rate limiters. */
  rooms: Rooms;
  /** Issue 15: the Président elections (ballots per round) and the local councils' import. */
  elections: ElectionsService;
  councils: CouncilsService;
  /** link previews: Open Graph tags and 1200×630 images of scrutins and scenarios */
  previews: PreviewsService;
  /** Session cookie, CSRF and rate-limit middleware of the citizens' routes. */
  http: HttpMiddleware;
  /** Agenda, platform questions, alerts, agreement (issue 13) and their job. */
  platform: Platform;
  /** Issue 14: the "Coûts et capacité" page (saved bench report, load, cost per voter). */
  capacity: CapacityService;
  /** Event limits of the socket server (issue 10, point 4). */
  socketLimits: SocketLimits;
  /** issue 14: what several processes share (REDIS_URL); undefined: one process, all in memory */
  redis?: SharedRedis;
  /** issue 14: whether this process runs the scheduled jobs (always, without Redis) */
  leader: Leadership;
  /** Stop the services' timers and finish their queues (votes, mails); the store stays open. */
  close(): Promise<void>;
}
