/**
 * The Monte Carlo fan: `paths` random futures of the balance and of every
 * stream's income, summarised per month by percentiles 10/50/90.
 *
 * Model (per path, per month t → t + 1):
 * - Balance: b ← b·G + c with G = exp(μ + s·Z), Z standard normal,
 *   s = σ/√12 and μ = ln(1 + r)/12 − s²/2, so E[G] = (1 + r)^(1/12): the
 *   annual mean r and volatility σ are the input's. With σ = 0, G is exactly
 *   the deterministic 1 + i and every path equals the deterministic one.
 * - Each stream: income ← income·exp(μₖ + sₖ·Zₖ)·(1 − churn) (μₖ, sₖ from
 *   its annualGrowth and annualVolatility as above; with no volatility the
 *   same fixed factor as the deterministic projection), then with
 *   probability monthlyCollapse it falls to 0 for good. A path's stream
 *   income that is 0 stays 0 and draws no more numbers.
 * - Passive income = b × withdrawalRate ÷ 12 + Σ streams' income.
 *
 * Draw order (fixed, so a seed always gives the same fan): month by month;
 * within a month, one normal per path for the balance (none when σ = 0),
 * then stream by stream, path by path: a normal (when sₖ > 0) and a uniform
 * (when monthlyCollapse > 0). Random numbers: random.ts (xoshiro128** and a
 * ziggurat normal).
 *
 * Cost: O(paths × months × (1 + streams)) time and O(paths × (1 + streams))
 * memory. Paths are advanced month by month in Float64Arrays (nothing of
 * size paths × months is kept); each month's percentiles are selected from
 * a bucket pass and quickselect (projection-percentiles.ts).
 */
import type { ProgressCallback, ProjectionInput, ProjectionResult } from './plan-types';
import { firstCoveredMonth, monthlyRate, roundHalfEven, streamFixedFactor } from './projection-core';
import { PercentileWorkspace } from './projection-percentiles';
import { Random } from './random';

/** Months simulated between two progress reports. */
export const PROGRESS_CHUNK_MONTHS = 16;

type MonteCarloResult = NonNullable<ProjectionResult['monteCarlo']>;

/** μ and s of the monthly log-return for an annual mean and volatility. */
export function logNormalMonthly(annualMean: number, annualVolatility: number): { drift: number; sd: number } {
  const sd = annualVolatility / Math.sqrt(12);
  return { drift: Math.log(1 + annualMean) / 12 - (sd * sd) / 2, sd };
}

interface StreamState {
  income: Float64Array;
  drift: number;
  sd: number;
  keep: number;
  fixedFactor: number;
  collapse: number;
}

/** Advances every path's balance one month. */
function advanceBalances(balances: Float64Array, random: Random, drift: number, sd: number, fixedGrowth: number, monthly: number): void {
  const n = balances.length;
  if (sd === 0) {
    for (let p = 0; p < n; p++) balances[p] = balances[p]! * fixedGrowth + monthly;
    return;
  }
  for (let p = 0; p < n; p++) balances[p] = balances[p]! * Math.exp(drift + sd * random.normal()) + monthly;
}

/** Advances every path's income of one stream one month. */
function advanceStream(stream: StreamState, random: Random): void {
  const { income, drift, sd, keep, fixedFactor, collapse } = stream;
  const n = income.length;
  if (sd === 0 && collapse === 0) {
    for (let p = 0; p < n; p++) income[p] = income[p]! * fixedFactor;
    return;
  }
  for (let p = 0; p < n; p++) {
    let value = income[p]!;
    if (value === 0) continue;
    value = sd === 0 ? value * fixedFactor : value * Math.exp(drift + sd * random.normal()) * keep;
    if (collapse > 0 && random.uniform() < collapse) value = 0;
    income[p] = value;
  }
}

/**
 * Runs the paths of a validated input. `expenses` holds the expenses of
 * months 0…months. Reports progress (months done ÷ months) every
 * PROGRESS_CHUNK_MONTHS months, before the last chunk at most; the caller
 * reports the final 1.
 */
export function simulateMonteCarlo(
  input: ProjectionInput,
  expenses: readonly number[],
  onProgress?: ProgressCallback,
): MonteCarloResult {
  const { paths, months, monthly, withdrawalRate } = input;
  const random = new Random(input.seed);
  const { drift, sd } = logNormalMonthly(input.annualReturn, input.annualVolatility);
  const fixedGrowth = 1 + monthlyRate(input.annualReturn);
  const balances = new Float64Array(paths).fill(input.balance);
  const streams: StreamState[] = input.streams.map((s) => ({
    income: new Float64Array(paths).fill(s.monthlyIncome),
    ...logNormalMonthly(s.annualGrowth, s.annualVolatility),
    keep: 1 - s.monthlyChurn,
    fixedFactor: streamFixedFactor(s),
    collapse: s.monthlyCollapse,
  }));
  /** Passive income per path, rebuilt each month (streams only). */
  const passive = new Float64Array(streams.length > 0 ? paths : 0);
  const workspace = new PercentileWorkspace(paths);

  const balance = { p10: new Array<number>(months + 1), p50: new Array<number>(months + 1), p90: new Array<number>(months + 1) };
  const passiveIncome = { p10: new Array<number>(months + 1), p50: new Array<number>(months + 1), p90: new Array<number>(months + 1) };

  const record = (t: number) => {
    const b = workspace.select(balances, paths);
    balance.p10[t] = b.p10;
    balance.p50[t] = b.p50;
    balance.p90[t] = b.p90;
    if (streams.length === 0) {
      // Passive income is b × w ÷ 12, non-decreasing in b, so its percentiles
      // are those of the balance put through the same formula.
      passiveIncome.p10[t] = (b.p10 * withdrawalRate) / 12;
      passiveIncome.p50[t] = (b.p50 * withdrawalRate) / 12;
      passiveIncome.p90[t] = (b.p90 * withdrawalRate) / 12;
      return;
    }
    for (let p = 0; p < paths; p++) passive[p] = (balances[p]! * withdrawalRate) / 12;
    for (const stream of streams) {
      const income = stream.income;
      for (let p = 0; p < paths; p++) passive[p] = passive[p]! + income[p]!;
    }
    const q = workspace.select(passive, paths);
    passiveIncome.p10[t] = q.p10;
    passiveIncome.p50[t] = q.p50;
    passiveIncome.p90[t] = q.p90;
  };

  record(0);
  for (let t = 1; t <= months; t++) {
    advanceBalances(balances, random, drift, sd, fixedGrowth, monthly);
    for (const stream of streams) advanceStream(stream, random);
    record(t);
    if (onProgress && t % PROGRESS_CHUNK_MONTHS === 0 && t < months) onProgress(t / months);
  }

  return {
    paths,
    balance,
    passiveIncome,
    finalMinor: {
      p10: roundHalfEven(balance.p10[months]!),
      p50: roundHalfEven(balance.p50[months]!),
      p90: roundHalfEven(balance.p90[months]!),
    },
    fiMonth: {
      p10: firstCoveredMonth(passiveIncome.p10, expenses),
      p50: firstCoveredMonth(passiveIncome.p50, expenses),
      p90: firstCoveredMonth(passiveIncome.p90, expenses),
    },
  };
}
