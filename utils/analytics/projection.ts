/**
 * Projections to financial independence: a deterministic projection and a
 * Monte Carlo fan of the invested balance, the passive income and the date
 * it covers expenses (issue 4).
 *
 * Units and rules (every figure below is in minor units of the base currency,
 * as floats; only `finalMinor` is rounded, half to even):
 * - Rates are annual; a month uses the equivalent monthly rate
 *   i = (1 + r)^(1/12) − 1 (`monthlyRate`), so twelve months compound to r.
 * - Balance: the contribution `monthly` is added at the END of each month,
 *   after that month's growth: b(t+1) = b(t)·(1 + i) + c, b(0) = balance.
 *   The deterministic balance equals the closed form `futureValue`.
 * - Streams: income s(t+1) = s(t)·(1 + g)·(1 − monthlyChurn), g the monthly
 *   rate of `annualGrowth`. The deterministic projection has no volatility
 *   and IGNORES collapse (it is the path where the stream survives); the
 *   Monte Carlo paths apply both (projection-montecarlo.ts). A negative
 *   (loss-making) stream's income is scaled the same way.
 * - Passive income a month = balance × withdrawalRate ÷ 12 + Σ streams' income.
 * - Expenses: expenses(t) = monthlyExpenses·(1 + e)^t, e the monthly rate of
 *   `expensesGrowth`.
 * - FI month: the first month t ≥ 1 whose passive income ≥ its expenses
 *   (month 0, today, is not counted); null if none within the horizon. With
 *   monthlyExpenses = 0 there is nothing to cover and fiMonth is null.
 * - Monte Carlo: log-normal monthly returns with the annual mean and
 *   volatility given, seeded (same seed, same result); percentiles 10/50/90
 *   by nearest rank (projection-percentiles.ts), per month, of the balance
 *   and of the passive income; see projection-montecarlo.ts. The FI month of
 *   a percentile is the first month that percentile's passive income covers
 *   the expenses: p10 is the pessimistic one and reaches FI last.
 * - Progress: `onProgress` gets months done ÷ months every 16 simulated
 *   months, then 1 once at the end (also without Monte Carlo).
 *
 * Worked example (the closed form, checked by hand): 10,000.00 at 7% a year
 * for 30 years with 500.00 a month, in cents. i = 1.07^(1/12) − 1 =
 * 0.00565414538740…, (1 + i)^360 = 1.07^30 = 7.61225504266…;
 *   balance       1,000,000 × 7.61225504266                    =  7,612,255.04
 *   contributions 50,000 × (7.61225504266 − 1) / 0.00565414538740
 *                 = 50,000 × 1,169.45260334                    = 58,472,630.17
 *   total 66,084,885.21 cents → finalMinor 66,084,885 (660,848.85).
 */
import type { ProgressCallback, ProjectionInput, ProjectionResult, StreamProjectionInput } from './plan-types';
import {
  firstCoveredMonth,
  MAX_PROJECTION_MONTHS,
  MAX_PROJECTION_PATHS,
  monthlyRate,
  roundHalfEven,
  streamFixedFactor,
} from './projection-core';
import { simulateMonteCarlo } from './projection-montecarlo';

export {
  firstCoveredMonth,
  futureValue,
  MAX_PROJECTION_MONTHS,
  MAX_PROJECTION_PATHS,
  monthlyRate,
  roundHalfEven,
  streamFixedFactor,
} from './projection-core';
export { nearestRankIndex, percentiles } from './projection-percentiles';

function fail(field: string, rule: string, value: unknown): never {
  throw new Error(`projection: ${field} ${rule} (got ${String(value)})`);
}

function requireFinite(field: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(field, 'must be a finite number', value);
}

function requireRate(field: string, value: number): void {
  requireFinite(field, value);
  if (value <= -1) fail(field, 'must be greater than −1 (−100% a year)', value);
}

function requireRange(field: string, value: number, low: number, high: number): void {
  requireFinite(field, value);
  if (value < low || value > high) fail(field, `must be from ${low} to ${high}`, value);
}

function requireInteger(field: string, value: number, low: number, high: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < low || value > high) {
    fail(field, `must be an integer from ${low} to ${high}`, value);
  }
}

function validateStream(stream: StreamProjectionInput, index: number): void {
  const at = `streams[${index}]`;
  requireFinite(`${at}.monthlyIncome`, stream.monthlyIncome);
  requireRate(`${at}.annualGrowth`, stream.annualGrowth);
  requireRange(`${at}.annualVolatility`, stream.annualVolatility, 0, Number.MAX_VALUE);
  requireRange(`${at}.monthlyChurn`, stream.monthlyChurn, 0, 1);
  requireRange(`${at}.monthlyCollapse`, stream.monthlyCollapse, 0, 1);
}

/** Throws an Error naming the first bad field of `input`. */
export function validateProjectionInput(input: ProjectionInput): void {
  requireFinite('balance', input.balance);
  requireFinite('monthly', input.monthly);
  requireRate('annualReturn', input.annualReturn);
  requireRange('annualVolatility', input.annualVolatility, 0, Number.MAX_VALUE);
  requireInteger('months', input.months, 0, MAX_PROJECTION_MONTHS);
  requireInteger('paths', input.paths, 0, MAX_PROJECTION_PATHS);
  if (typeof input.seed !== 'number' || !Number.isSafeInteger(input.seed)) fail('seed', 'must be a safe integer', input.seed);
  if (!Array.isArray(input.streams)) fail('streams', 'must be a list', input.streams);
  input.streams.forEach(validateStream);
  requireRange('monthlyExpenses', input.monthlyExpenses, 0, Number.MAX_VALUE);
  requireRate('expensesGrowth', input.expensesGrowth);
  requireRange('withdrawalRate', input.withdrawalRate, 0, Number.MAX_VALUE);
}

/** Expenses a month, months 0…months: monthlyExpenses·(1 + e)^t. */
export function projectExpenses(monthlyExpenses: number, expensesGrowth: number, months: number): number[] {
  const growth = 1 + monthlyRate(expensesGrowth);
  const expenses = new Array<number>(months + 1);
  for (let t = 0; t <= months; t++) expenses[t] = monthlyExpenses * Math.pow(growth, t);
  return expenses;
}

/** The deterministic projection: no volatility, streams never collapse. */
export function projectDeterministic(input: ProjectionInput, expenses: readonly number[]): ProjectionResult['deterministic'] {
  const { months, monthly, withdrawalRate } = input;
  const growth = 1 + monthlyRate(input.annualReturn);
  const factors = input.streams.map(streamFixedFactor);
  const incomes = input.streams.map((s) => s.monthlyIncome);
  const balance = new Array<number>(months + 1);
  const passiveIncome = new Array<number>(months + 1);
  let current = input.balance;
  for (let t = 0; t <= months; t++) {
    if (t > 0) {
      current = current * growth + monthly;
      for (let k = 0; k < incomes.length; k++) incomes[k] = incomes[k]! * factors[k]!;
    }
    balance[t] = current;
    let passive = (current * withdrawalRate) / 12;
    for (let k = 0; k < incomes.length; k++) passive += incomes[k]!;
    passiveIncome[t] = passive;
  }
  return {
    balance,
    passiveIncome,
    finalMinor: roundHalfEven(current),
    fiMonth: firstCoveredMonth(passiveIncome, expenses),
  };
}

/**
 * The deterministic projection and, when input.paths > 0, the Monte Carlo
 * fan. `onProgress` is called between chunks of work with the share done,
 * increasing, and once with 1 at the end. Throws on invalid input (the
 * message names the field).
 */
export function project(input: ProjectionInput, onProgress?: ProgressCallback): ProjectionResult {
  validateProjectionInput(input);
  const expenses = projectExpenses(input.monthlyExpenses, input.expensesGrowth, input.months);
  const deterministic = projectDeterministic(input, expenses);
  const monteCarlo = input.paths > 0 ? simulateMonteCarlo(input, expenses, onProgress) : null;
  onProgress?.(1);
  return { months: input.months, deterministic, monteCarlo, expenses };
}
