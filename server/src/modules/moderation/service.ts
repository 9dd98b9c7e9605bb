import type { Logger } from 'pino';
import type { BurstDetectorOptions, DetectorRunResponse, Flag, FlagListResponse, FlagStatus, ReviewFlagBody } from '@parallele/core';
import { DEFAULT_BURST_OPTIONS, detectBursts } from '@parallele/core';
import { AppError } from '../../errors';
import type { AppEventBus } from '../../events';
import type { ModerationRepository } from './repository';

/** Networks of deleted accounts stay this long (accounts/service.ts DELETED_NETWORKS_KEPT_MS). */
const DELETED_ACCOUNT_NETWORKS_MS = 24 * 3_600_000;

export interface ModerationServiceDeps {
  repo: ModerationRepository;
  logger: Logger;
  now: () => Date;
  detector?: Partial<BurstDetectorOptions>;
  /** `tallies:changed` is emitted there: flags count in the "unflagged" scopes */
  events?: AppEventBus;
}

/**
 * Moderation: runs the pure burst detector on the recent votes of new accounts, turns its
 * clusters into flags, and lets admins clear or confirm them. A flag never deletes a vote: the
 * tally is published with and without flagged accounts, and the log keeps every entry.
 */
export function createModerationService(deps: ModerationServiceDeps) {
  const options = { ...DEFAULT_BURST_OPTIONS, ...deps.detector };

  return {
    options,

    async runDetector(): Promise<DetectorRunResponse> {
      const now = deps.now().getTime();
      // The last hour of votes is enough context for bursts of minutes (windowMs ≤ 1 h).
      const since = now - Math.max(options.windowMs * 6, 3_600_000);
      const events = await deps.repo.recentVotes(since, since - options.newAccountMaxAgeMs);
      const report = detectBursts(events, now, options);
      const rows = report.clusters.flatMap((c) =>
        c.accountIds.map((id) => ({
          citizenId: Number(id),
          network: c.network,
          scrutinUid: c.scrutinUid,
          clusterSize: c.accountIds.length,
          reason: `${c.accountIds.length} new accounts from ${c.network} (${c.via} address) voted ${c.choice} on ${c.scrutinUid} within ${Math.max(1, Math.round((c.to - c.from) / 60_000))} min (${Math.round(c.share * 100)} % of that network's new voters)`,
        })),
      );
      const flagged = await deps.repo.addFlags(rows, now);
      // Deleted accounts were seen (their networks are kept a day for this run); now forget them.
      await deps.repo.purgeDeletedNetworks(now - DELETED_ACCOUNT_NETWORKS_MS);
      if (flagged > 0) {
        deps.logger.warn({ flagged, clusters: report.clusters.length }, 'burst detector flagged accounts for moderation');
        deps.events?.emit('tallies:changed', { uids: [...new Set(report.clusters.map((c) => c.scrutinUid))] });
      }
      return { flagged, clusters: report.clusters.length };
    },

    list(status: FlagStatus, limit: number, offset: number): Promise<FlagListResponse> {
      return deps.repo.list(status, limit, offset);
    },

    async review(id: number, adminId: number, body: ReviewFlagBody): Promise<Flag> {
      const flag = await deps.repo.get(id);
      if (!flag) throw new AppError('flag_not_found', `No flag ${id}`, { status: 404, extras: { param: 'id' } });
      await deps.repo.review(id, body.decision === 'clear' ? 'cleared' : 'confirmed', adminId, body.note ?? null, deps.now().getTime());
      deps.events?.emit('tallies:changed', { uids: await deps.repo.scrutinsOfFlag(id) });
      return (await deps.repo.get(id))!;
    },
  };
}

export type ModerationService = ReturnType<typeof createModerationService>;

/** Runs the burst detector every `intervalS` seconds (0: never); returns the stop. */
export function scheduleDetector(moderation: Pick<ModerationService, 'runDetector'>, intervalS: number, logger: Logger): () => void {
  if (intervalS <= 0) return () => {};
  const timer = setInterval(() => {
    moderation.runDetector().catch((error: unknown) => logger.error({ err: error }, 'burst detector run failed'));
  }, intervalS * 1000).unref();
  return () => clearInterval(timer);
}
