/**
 * Exact integer arithmetic on minor units (fen). Amounts are bigint inside the calculations so no
 * product (balance × rate × days) can lose precision; they leave as safe integers.
 */

/** n ÷ d rounded half up (四舍五入), for n ≥ 0 and d > 0. */
export function divideHalfUp(n: bigint, d: bigint): bigint {
  return (2n * n + d) / (2n * d);
}

/** n ÷ d rounded down, for n ≥ 0 and d > 0. */
export function divideDown(n: bigint, d: bigint): bigint {
  return n / d;
}

export function sum(values: readonly bigint[]): bigint {
  return values.reduce((a, b) => a + b, 0n);
}

export function maxOf(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

export function minOf(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

/** A bigint amount back to a number, refusing anything beyond what a number holds exactly. */
export function toSafeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError('amount exceeds the exactly representable range');
  }
  return Number(value);
}
