/**
 * The one error type of the simulator: a stable `code` for programs (the API maps it to a 400),
 * the offending `parameter` and a message that names it, for people.
 */
export const SIMULATION_ERROR_CODES = [
  'k-out-of-range',
  'unknown-group',
  'unknown-deputy',
  'bad-split',
  'bad-mode',
  'bad-method',
  'bad-range',
  'bad-quota',
  'bad-weights',
  'bad-scrutin',
  'bad-assembly',
  'bad-election',
] as const;
export type SimulationErrorCode = (typeof SIMULATION_ERROR_CODES)[number];

export class SimulationError extends Error {
  override readonly name = 'SimulationError';
  constructor(
    readonly code: SimulationErrorCode,
    /** The parameter at fault: `k`, `split`, `mode`, `method`, `from`, `to`, `quota`… */
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}

export const isSimulationError = (e: unknown): e is SimulationError => e instanceof SimulationError;
