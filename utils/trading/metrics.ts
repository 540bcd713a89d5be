/**
 * Performance figures of an equity curve (issue 6, trading lab).
 *
 * Conventions: `equity` is the account value at each close, currency units;
 * `dates` are the matching `Day` numbers. Daily returns are close-to-close,
 * r[t] = equity[t] / equity[t−1] − 1 for t ≥ 1; risk-free rate 0; Sharpe and
 * Sortino are annualized × √252. Drawdowns are positive shares (0.25 = −25%).
 */
import type { Metrics, TradeRecord } from './types';

const ANNUALIZE = Math.sqrt(252);
const DAYS_PER_YEAR = 365.25;

/** Fall from the running peak at each close, 0..1. */
export function drawdownSeries(equity: Float64Array): Float64Array {
  const out = new Float64Array(equity.length);
  let peak = -Infinity;
  for (let t = 0; t < equity.length; t++) {
    const e = equity[t]!;
    if (e > peak) peak = e;
    out[t] = peak > 0 ? 1 - e / peak : 0;
  }
  return out;
}

/**
 * Metrics of one equity curve. `trades` gives the win rate and trade count
 * (closed round trips only); `barsInMarket` the exposure (closes that ended
 * holding a position ÷ closes).
 */
export function computeMetrics(equity: Float64Array, dates: Int32Array, trades: TradeRecord[], barsInMarket: number): Metrics {
  const n = equity.length;
  if (n === 0) {
    return { totalReturn: 0, cagr: 0, maxDrawdown: 0, sharpe: null, sortino: null, winRate: null, exposure: 0, tradeCount: 0, finalEquity: 0 };
  }
  const first = equity[0]!;
  const last = equity[n - 1]!;
  const growth = first > 0 ? last / first : 1;
  const calendarDays = dates[n - 1]! - dates[0]!;
  let cagr = 0;
  if (calendarDays > 0) cagr = growth <= 0 ? -1 : Math.pow(growth, DAYS_PER_YEAR / calendarDays) - 1;

  // First pass: running peak for the drawdown, and the mean daily return.
  let peak = first;
  let maxDrawdown = 0;
  let sum = 0;
  for (let t = 1; t < n; t++) {
    const e = equity[t]!;
    if (e > peak) peak = e;
    const dd = peak > 0 ? 1 - e / peak : 0;
    if (dd > maxDrawdown) maxDrawdown = dd;
    const prev = equity[t - 1]!;
    sum += prev !== 0 ? e / prev - 1 : 0;
  }
  const count = n - 1;
  const mean = count > 0 ? sum / count : 0;
  // Second pass: squared deviations (sample variance) and the downside squares.
  let deviationSq = 0;
  let downSq = 0;
  let downDays = 0;
  for (let t = 1; t < n; t++) {
    const prev = equity[t - 1]!;
    const r = prev !== 0 ? equity[t]! / prev - 1 : 0;
    deviationSq += (r - mean) * (r - mean);
    if (r < 0) {
      downSq += r * r;
      downDays++;
    }
  }
  let sharpe: number | null = null;
  if (count >= 2) {
    const std = Math.sqrt(deviationSq / (count - 1));
    // Constant returns leave only rounding noise: treat it as no variance.
    if (std > 1e-12) sharpe = (mean / std) * ANNUALIZE;
  }
  const sortino = downDays > 0 ? (mean / Math.sqrt(downSq / count)) * ANNUALIZE : null;

  let closed = 0;
  let wins = 0;
  for (const trade of trades) {
    if (trade.exit === null) continue;
    closed++;
    if (trade.profit > 0) wins++;
  }
  return {
    totalReturn: growth - 1,
    cagr,
    maxDrawdown,
    sharpe,
    sortino,
    winRate: closed > 0 ? wins / closed : null,
    exposure: barsInMarket / n,
    tradeCount: closed,
    finalEquity: last,
  };
}
