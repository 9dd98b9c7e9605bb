import { z } from 'zod';

/**
 * Issue 14, "what a voter costs". Two contracts:
 * - the capacity report that `npm run bench -- scale --save <file>` writes (the operator keeps it
 *   and points CAPACITY_FILE at it: the page's figures are measured, never constants of the code);
 * - GET /api/capacity: that report, the platform's current load and the cost per 1,000 voters.
 */

const count = z.number().int().nonnegative();
const positive = z.number().nonnegative();

/** One vote-load configuration, measured, or why it could not be. */
export const VoteRunSchema = z.discriminatedUnion('available', [
  z.object({
    available: z.literal(true),
    store: z.enum(['sqlite', 'postgres']),
    processes: z.number().int().min(1),
    /** keep-alive HTTP clients and seconds of load */
    connections: z.number().int().min(1),
    durationS: positive,
    /** acknowledged (2xx) votes, each durable when acknowledged */
    votes: count,
    votesPerSecond: positive,
    latencyP50Ms: positive,
    latencyP99Ms: positive,
    /** non-2xx answers, errors and timeouts together */
    failures: count,
    /** user + system CPU of the server processes (not the database's) per acknowledged vote */
    cpuMsPerVote: positive,
    /** CPU of the database server's processes per vote, when measurable (PostgreSQL on this machine) */
    storeCpuMsPerVote: positive.optional(),
    chainsVerified: z.boolean(),
  }),
  z.object({ available: z.literal(false), store: z.enum(['sqlite', 'postgres']), processes: z.number().int().min(1), reason: z.string().min(1) }),
]);
export type VoteRun = z.infer<typeof VoteRunSchema>;

/** Bytes in the store per vote: size after the load minus size before, over the votes written. */
export const StorageRunSchema = z.discriminatedUnion('available', [
  z.object({ available: z.literal(true), store: z.enum(['sqlite', 'postgres']), votes: count.min(1), bytes: count, bytesPerVote: positive }),
  z.object({ available: z.literal(false), store: z.enum(['sqlite', 'postgres']), reason: z.string().min(1) }),
]);
export type StorageRun = z.infer<typeof StorageRunSchema>;

export const SocketRunSchema = z.object({
  /** sockets the bench aimed for, and those connected and subscribed at once */
  target: z.number().int().min(1),
  connected: count,
  /** why it stopped there: the target, a refused connection, a file-descriptor limit… */
  ceiling: z.string().min(1),
  fileDescriptorLimit: count,
  /** votes whose tally:update every socket was waiting for */
  updates: count,
  /** vote acknowledged → tally:update received, over every socket and every vote */
  updateLatencyP50Ms: positive,
  updateLatencyP95Ms: positive,
  /** sockets that missed an update (did not receive it within the wait) */
  missedUpdates: count,
  baselineRssBytes: count,
  rssBytesPer1000: positive,
  heapBytesPer1000: positive,
});
export type SocketRun = z.infer<typeof SocketRunSchema>;

export const CapacityReportSchema = z
  .object({
    schemaVersion: z.literal(1),
    date: z.iso.datetime({ offset: true }),
    machine: z.object({
      cores: z.number().int().min(1),
      cpuModel: z.string(),
      memoryBytes: count,
      node: z.string(),
      platform: z.string(),
      /** 1, 5 and 15 minute load averages when the bench started: a shared machine says so */
      loadAverage: z.array(positive).length(3),
    }),
    votes: z.object({ sqlite1: VoteRunSchema, postgres1: VoteRunSchema, postgres2: VoteRunSchema }),
    sockets: SocketRunSchema,
    storage: z.object({ sqlite: StorageRunSchema, postgres: StorageRunSchema }),
  })
  .meta({ id: 'CapacityReport' });
export type CapacityReport = z.infer<typeof CapacityReportSchema>;

/** GET /api/capacity */
export const CapacityResponseSchema = z
  .object({
    report: CapacityReportSchema,
    /** what the page shows first, derived from the report */
    capacity: z.object({
      /** votes one fully used core serves: 1000 / cpuMsPerVote of the best measured run */
      votesPerSecondPerCore: positive,
      /** the run the figure comes from (`sqlite1`, `postgres2`…) */
      fromRun: z.enum(['sqlite1', 'postgres1', 'postgres2']),
      socketsPerProcess: count,
      storageBytesPerMillionVotes: positive,
      storageStore: z.enum(['sqlite', 'postgres']),
    }),
    load: z.object({
      store: z.enum(['sqlite', 'postgres']),
      /** citizens who voted in the last 30 days */
      activeVoters30d: count,
      /** votes cast or changed in the last 30 days, per day */
      votesPerDay: positive,
      storeBytes: count,
      /** sockets connected to the process that answered */
      connectedSockets: count,
    }),
    prices: z.object({
      currency: z.string().length(3),
      vcpuMonth: positive,
      memoryGbMonth: positive,
      storageGbMonth: positive,
      /** servers are sized for the peak: peak rate / mean rate */
      peakFactor: positive,
    }),
    /** votes per active voter per month: measured over the last 30 days, or the configured assumption */
    votesPerVoterMonth: positive,
    votesPerVoterSource: z.enum(['measured', 'configured']),
    /** monthly cost of 1,000 active voters, by resource */
    costPer1000: z.object({ cpu: positive, memory: positive, storage: positive, total: positive }),
  })
  .meta({ id: 'Capacity' });
export type CapacityResponse = z.infer<typeof CapacityResponseSchema>;
