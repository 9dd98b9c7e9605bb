import type { CapacityReport, CapacityResponse, StorageRun, VoteRun } from '@parallele/core';

/**
 * What the page shows from a capacity report, the current load and the operator's prices. Pure.
 *
 * Per 1,000 active voters and month, with V votes per voter and month:
 * - CPU: 1,000·V votes × CPU seconds per vote (server + database), spread over the month's
 *   2,592,000 seconds, times the peak factor (servers are sized for the busiest hour): vCPUs;
 * - memory: their 1,000 sockets open at once (RSS per 1,000 sockets): GB;
 * - storage: the month's 1,000·V votes × bytes per vote: GB, kept month after month.
 */
export const SECONDS_PER_MONTH = 30 * 24 * 3600;
const GB = 1e9;

type RunKey = keyof CapacityReport['votes'];
type Measured<T> = Extract<T, { available: true }>;

/** The run that describes this deployment best: its own store, the most processes measured. */
function bestRun(report: CapacityReport, store: 'sqlite' | 'postgres'): { key: RunKey; run: Measured<VoteRun> } {
  const order: RunKey[] = store === 'postgres' ? ['postgres2', 'postgres1', 'sqlite1'] : ['sqlite1', 'postgres2', 'postgres1'];
  for (const key of order) {
    const run = report.votes[key];
    if (run.available && run.votes > 0) return { key, run };
  }
  throw new Error('the capacity report has no measured vote run');
}

function bestStorage(report: CapacityReport, store: 'sqlite' | 'postgres'): Measured<StorageRun> | undefined {
  const own = report.storage[store];
  if (own.available) return own;
  const other = report.storage[store === 'sqlite' ? 'postgres' : 'sqlite'];
  return other.available ? other : undefined;
}

export interface CostInputs {
  report: CapacityReport;
  load: CapacityResponse['load'];
  prices: CapacityResponse['prices'];
  /** votes per voter and month measured over the last 30 days (undefined: no voter) */
  measuredVotesPerVoter: number | undefined;
  configuredVotesPerVoter: number;
}

export function capacityView(inputs: CostInputs): CapacityResponse {
  const { report, load, prices } = inputs;
  const { key, run } = bestRun(report, load.store);
  const cpuMsPerVote = run.cpuMsPerVote + (run.storeCpuMsPerVote ?? 0);
  const storage = bestStorage(report, load.store);
  const bytesPerVote = storage?.bytesPerVote ?? 0;
  const measured = inputs.measuredVotesPerVoter !== undefined && inputs.measuredVotesPerVoter > 0;
  const votesPerVoterMonth = measured ? inputs.measuredVotesPerVoter! : inputs.configuredVotesPerVoter;
  const votes = 1000 * votesPerVoterMonth;
  const vcpus = ((votes * cpuMsPerVote) / 1000 / SECONDS_PER_MONTH) * prices.peakFactor;
  const cpu = vcpus * prices.vcpuMonth;
  const memory = (report.sockets.rssBytesPer1000 / GB) * prices.memoryGbMonth;
  const stored = ((votes * bytesPerVote) / GB) * prices.storageGbMonth;
  return {
    report,
    capacity: {
      votesPerSecondPerCore: cpuMsPerVote > 0 ? Math.round(1000 / cpuMsPerVote) : 0,
      fromRun: key,
      socketsPerProcess: report.sockets.connected,
      storageBytesPerMillionVotes: bytesPerVote * 1e6,
      storageStore: storage?.store ?? load.store,
    },
    load,
    prices,
    votesPerVoterMonth: Number(votesPerVoterMonth.toFixed(2)),
    votesPerVoterSource: measured ? 'measured' : 'configured',
    costPer1000: { cpu, memory, storage: stored, total: cpu + memory + stored },
  };
}
