/**
 * The arithmetic shared by the deterministic projection and the Monte Carlo
 * paths (projection.ts documents the rules; this file holds the formulas).
 */
import type { StreamProjectionInput } from './plan-types';

/** Rounds to the nearest integer, halves to even (shared with the stream figures). */
export { roundHalfEven } from './streams-months';

/** Most months a projection covers (100 years). */
export const MAX_PROJECTION_MONTHS = 1200;
/** Most Monte Carlo paths. */
export const MAX_PROJECTION_PATHS = 1_000_000;

/** The monthly rate equivalent to an annual rate: (1 + r)^(1/12) − 1. */
export function monthlyRate(annualReturn: number): number {
  return Math.pow(1 + annualReturn, 1 / 12) - 1;
}

/**
 * Balance after `months` months, `monthly` added at the end of each month:
 * B(1+i)^n + c((1+i)^n − 1)/i, or B + c·n when i = 0 (minor units, float).
 */
export function futureValue(balance: number, monthly: number, annualReturn: number, months: number): number {
  const i = monthlyRate(annualReturn);
  if (i === 0) return balance + monthly * months;
  const growth = Math.pow(1 + i, months);
  return balance * growth + (monthly * (growth - 1)) / i;
}

/** The monthly factor of a stream's income without volatility: (1 + g)·(1 − churn). */
export function streamFixedFactor(stream: StreamProjectionInput): number {
  return (1 + monthlyRate(stream.annualGrowth)) * (1 - stream.monthlyChurn);
}

/**
 * First month t ≥ 1 with passiveIncome[t] ≥ expenses[t]; null if none, or
 * when expenses are 0 (nothing to cover).
 */
export function firstCoveredMonth(passiveIncome: ArrayLike<number>, expenses: readonly number[]): number | null {
  if (expenses[0] === 0) return null;
  for (let t = 1; t < expenses.length; t++) {
    if (passiveIncome[t]! >= expenses[t]!) return t;
  }
  return null;
}

