import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { CapacityReport, CapacityResponse } from '@parallele/core';
import { REPO_ROOT, type Config } from '../../config';
import type { CapacityRepository } from './repository';
import { capacityView } from './cost';
import { readCapacityReport } from './report';

const DAY_MS = 24 * 3600 * 1000;
/** The load is recounted at most once a minute: the page is public, the counts scan an index. */
const LOAD_CACHE_MS = 60_000;

export interface CapacityServiceDeps {
  config: Pick<Config, 'DATABASE_URL' | 'CAPACITY_FILE' | 'PRICE_CURRENCY' | 'PRICE_VCPU_MONTH' | 'PRICE_MEMORY_GB_MONTH' | 'PRICE_STORAGE_GB_MONTH' | 'COST_PEAK_FACTOR' | 'COST_VOTES_PER_VOTER_MONTH'>;
  repo: CapacityRepository;
  now: () => Date;
}

/** The "Coûts et capacité" page's data: the saved bench report, the load, the cost per 1,000 voters. */
export function createCapacityService(deps: CapacityServiceDeps) {
  const { config, repo, now } = deps;
  const path = isAbsolute(config.CAPACITY_FILE) ? config.CAPACITY_FILE : resolve(REPO_ROOT, config.CAPACITY_FILE);
  // Shown in errors as configured (relative to the repo), not as an absolute path of the host.
  const shown = isAbsolute(config.CAPACITY_FILE) ? config.CAPACITY_FILE : relative(REPO_ROOT, path);
  let sockets = () => 0;
  // The report is re-read when its file changes (an operator saves a new run): keyed by mtime.
  let report: { mtimeMs: number; value: CapacityReport } | undefined;
  let load: { at: number; value: Awaited<ReturnType<CapacityRepository['load']>> } | undefined;

  const currentReport = (): CapacityReport => {
    let mtimeMs = -1;
    try {
      mtimeMs = statSync(path).mtimeMs;
    } catch {
      // readCapacityReport says the file is missing
    }
    if (report?.mtimeMs !== mtimeMs) report = { mtimeMs, value: readCapacityReport(path, shown) };
    return report.value;
  };

  return {
    /** The socket server's count of connected clients (this process's). */
    watchSockets(count: () => number) {
      sockets = count;
    },
    async view(): Promise<CapacityResponse> {
      const saved = currentReport();
      const t = now().getTime();
      if (!load || t - load.at > LOAD_CACHE_MS || t < load.at) load = { at: t, value: await repo.load(t - 30 * DAY_MS) };
      const { activeVoters, votes, storeBytes } = load.value;
      return capacityView({
        report: saved,
        load: { store: /^postgres(ql)?:/.test(config.DATABASE_URL) ? 'postgres' : 'sqlite', activeVoters30d: activeVoters, votesPerDay: Number((votes / 30).toFixed(1)), storeBytes, connectedSockets: sockets() },
        prices: {
          currency: config.PRICE_CURRENCY,
          vcpuMonth: config.PRICE_VCPU_MONTH,
          memoryGbMonth: config.PRICE_MEMORY_GB_MONTH,
          storageGbMonth: config.PRICE_STORAGE_GB_MONTH,
          peakFactor: config.COST_PEAK_FACTOR,
        },
        measuredVotesPerVoter: activeVoters > 0 ? votes / activeVoters : undefined,
        configuredVotesPerVoter: config.COST_VOTES_PER_VOTER_MONTH,
      });
    },
  };
}
export type CapacityService = ReturnType<typeof createCapacityService>;
