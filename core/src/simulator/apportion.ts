import { SimulationError } from './errors';

/**
 * Apportionment of n indivisible seats among weighted shares, with exact integer arithmetic:
 * plain numbers while every product stays below 2^53, BigInt beyond. Ties always go to the earlier
 * entry, so the result is a function of the ordered weights (the official files' group order).
 */
export const APPORTION_METHODS = ['largest-remainder', 'dhondt', 'sainte-lague', 'majority'] as const;
export type ApportionMethod = (typeof APPORTION_METHODS)[number];

const METHOD_ALIASES: Record<string, ApportionMethod> = {
  'largest-remainder': 'largest-remainder',
  hare: 'largest-remainder',
  lr: 'largest-remainder',
  dhondt: 'dhondt',
  "d'hondt": 'dhondt',
  jefferson: 'dhondt',
  'sainte-lague': 'sainte-lague',
  'sainte-laguë': 'sainte-lague',
  webster: 'sainte-lague',
  majority: 'majority',
};

export function parseMethod(value: string | undefined, parameter = 'method'): ApportionMethod {
  if (value === undefined || value === '') return 'largest-remainder';
  const method = METHOD_ALIASES[value.trim().toLowerCase()];
  if (!method) {
    throw new SimulationError('bad-method', parameter, `${parameter}: unknown apportionment method "${value}" (expected ${APPORTION_METHODS.join(', ')})`);
  }
  return method;
}

/**
 * Turns non-negative weights (vote counts, or percentages such as 55.5) into integers with the
 * same ratios, EXACTLY: each weight is read as the decimal it prints as (`String(w)`: 33.3 is
 * 333/10, 1.0000004 is 10000004/10^7, 1e-7 is 1/10^7), and all are scaled by the common power of
 * ten. No rounding: `apportion(1, [1, 1.0000004])` gives the seat to the larger weight. When the
 * exact integers would not fit in 2^53 (too many significant digits between the smallest and the
 * largest weight), this refuses with an error rather than round.
 */
export function toIntegerWeights(weights: readonly number[], parameter = 'weights'): number[] {
  if (weights.length === 0) throw new SimulationError('bad-weights', parameter, `${parameter}: at least one weight is needed`);
  const decimals = weights.map((w, i) => {
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) {
      throw new SimulationError('bad-weights', parameter, `${parameter}[${i}]: weights must be finite non-negative numbers, got ${String(w)}`);
    }
    return exactDecimal(w);
  });
  const scale = Math.max(...decimals.map((d) => d.exponent));
  const ints = decimals.map((d) => d.digits * 10n ** BigInt(scale - d.exponent));
  const total = ints.reduce((a, b) => a + b, 0n);
  if (total > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new SimulationError(
      'bad-weights',
      parameter,
      `${parameter}: these weights cannot be apportioned exactly (scaled to whole numbers they sum beyond 2^53); give counts, or fewer decimals`,
    );
  }
  return ints.map(Number);
}

/** w = digits / 10^exponent, from the shortest decimal that prints w (handles 1e-7 and 1.5e+21). */
function exactDecimal(w: number): { digits: bigint; exponent: number } {
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(w));
  if (!m) throw new Error(`unexpected number format ${String(w)}`); // unreachable for finite w ≥ 0
  const fraction = m[2] ?? '';
  let exponent = fraction.length - Number(m[3] ?? 0);
  let digits = BigInt(m[1]! + fraction);
  if (exponent < 0) {
    digits *= 10n ** BigInt(-exponent);
    exponent = 0;
  }
  return { digits, exponent };
}

function checkSeats(n: number, parameter: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new SimulationError('k-out-of-range', parameter, `${parameter}: the number of seats must be a non-negative integer, got ${String(n)}`);
}

/** Largest remainder (Hare quota): floor(n·w/W) each, the rest to the largest remainders. */
function largestRemainder(n: number, w: readonly number[], total: number): number[] {
  const p = w.length;
  const seats = new Array<number>(p);
  if (n * total <= Number.MAX_SAFE_INTEGER) {
    const rem = new Array<number>(p);
    let given = 0;
    for (let i = 0; i < p; i++) {
      const a = n * w[i]!;
      const q = Math.floor(a / total);
      seats[i] = q;
      rem[i] = a - q * total;
      given += q;
    }
    giveToLargest(seats, rem, n - given);
    return seats;
  }
  const N = BigInt(n);
  const T = BigInt(total);
  const rem = new Array<bigint>(p);
  let given = 0;
  for (let i = 0; i < p; i++) {
    const a = N * BigInt(w[i]!);
    const q = a / T;
    seats[i] = Number(q);
    rem[i] = a - q * T;
    given += seats[i]!;
  }
  giveToLargest(seats, rem, n - given);
  return seats;
}

function giveToLargest<T extends number | bigint>(seats: number[], rem: T[], left: number): void {
  const taken = new Uint8Array(rem.length);
  for (let t = 0; t < left; t++) {
    let best = -1;
    for (let i = 0; i < rem.length; i++) {
      if (taken[i]) continue;
      // strict comparison: on equal remainders the earlier entry keeps the seat
      if (best < 0 || rem[i]! > rem[best]!) best = i;
    }
    taken[best] = 1;
    seats[best]!++;
  }
}

/**
 * Highest averages, seat by seat: divisor s+1 (D'Hondt) or 2s+1 (Sainte-Laguë). `afterSeat(seats, k)`
 * sees the apportionment of k seats as it grows (the methods are house-monotone).
 */
function highestAverages(
  n: number,
  w: readonly number[],
  total: number,
  step: 1 | 2,
  afterSeat?: (seats: readonly number[], k: number) => void,
): number[] {
  const p = w.length;
  const seats = new Array<number>(p).fill(0);
  const safe = total * (step * n + 1) <= Number.MAX_SAFE_INTEGER;
  const W = safe ? [] : w.map(BigInt);
  for (let k = 1; k <= n; k++) {
    let best = 0;
    for (let i = 1; i < p; i++) {
      const di = step * seats[i]! + 1;
      const db = step * seats[best]! + 1;
      // w_i/d_i > w_best/d_best ⇔ w_i·d_best > w_best·d_i (strict: ties stay with the earlier entry)
      const better = safe ? w[i]! * db > w[best]! * di : W[i]! * BigInt(db) > W[best]! * BigInt(di);
      if (better) best = i;
    }
    seats[best]!++;
    afterSeat?.(seats, k);
  }
  return seats;
}

/**
 * apportion(n, weights): seats per weight. Weights may be counts or percentages (decimals are
 * scaled exactly); the result always sums to n.
 */
export function apportion(n: number, weights: readonly number[], method: ApportionMethod = 'largest-remainder', parameter = 'weights'): number[] {
  checkSeats(n, 'n');
  const w = toIntegerWeights(weights, parameter);
  const total = w.reduce((a, b) => a + b, 0);
  if (n === 0) return w.map(() => 0);
  if (total === 0) throw new SimulationError('bad-weights', parameter, `${parameter}: all weights are zero, ${n} seat(s) cannot be apportioned`);
  switch (method) {
    case 'largest-remainder':
      return largestRemainder(n, w, total);
    case 'dhondt':
      return highestAverages(n, w, total, 1);
    case 'sainte-lague':
      return highestAverages(n, w, total, 2);
    case 'majority': {
      let best = 0;
      for (let i = 1; i < w.length; i++) if (w[i]! > w[best]!) best = i;
      return w.map((_, i) => (i === best ? n : 0));
    }
  }
}

/**
 * apportion(k, weights) for every k = 0..maxK at once, as rows of weights.length seats. Highest
 * averages are house-monotone (k + 1 seats = k seats + the next best quotient), so the whole
 * sequence costs one pass; largest remainder is not (Alabama paradox) and is computed per k.
 */
export function apportionSequence(maxK: number, weights: readonly number[], method: ApportionMethod = 'largest-remainder', parameter = 'weights'): Int32Array {
  checkSeats(maxK, 'maxK');
  const w = toIntegerWeights(weights, parameter);
  const p = w.length;
  const total = w.reduce((a, b) => a + b, 0);
  const out = new Int32Array(p * (maxK + 1));
  if (maxK === 0) return out;
  if (total === 0) throw new SimulationError('bad-weights', parameter, `${parameter}: all weights are zero, seats cannot be apportioned`);
  if (method === 'dhondt' || method === 'sainte-lague') {
    highestAverages(maxK, w, total, method === 'dhondt' ? 1 : 2, (seats, k) => out.set(seats, p * k));
    return out;
  }
  for (let k = 1; k <= maxK; k++) {
    out.set(method === 'majority' ? apportion(k, w, 'majority') : largestRemainder(k, w, total), p * k);
  }
  return out;
}
