/**
 * Bench case: RSI(14) and a full RSI backtest ("buy when rsi(14) < 30; sell
 * when rsi(14) > 70", fills at the next open, whole shares, 0.05% fee and
 * slippage) on 1,000,000 daily bars of a seeded, mean-reverting random walk.
 *
 * Side by side with the `technicalindicators` package on the same closes:
 * its RSI.calculate, then the same backtest rules in a plain loop over its
 * values (the package has no backtester). Before timing, the check proves:
 * - our RSI agrees with the package's Wilder averages (AverageGain and
 *   AverageLoss, RSI = 100 − 100 / (1 + gain / loss)) to 1e-9 on every bar;
 *   RSI.calculate itself rounds to 2 decimals, so against that output the
 *   difference is at most 0.005;
 * - our backtest's fills equal the plain loop's fills on the package's
 *   unrounded RSI: same days, shares and prices.
 */
import { AverageGain, AverageLoss, RSI } from 'technicalindicators';
import { parseDay } from '@/utils/portfolio/dates';
import { backtest } from '@/utils/trading/backtest';
import { rsi } from '@/utils/trading/indicators';
import { parseStrategy } from '@/utils/trading/strategy';
import type { PriceSeries, StrategyCosts } from '@/utils/trading/types';
import type { BenchCase } from '../harness';
import { seededRandom } from '../random';

export const TRADING_BARS = 1_000_000;
const TEXT = 'buy when rsi(14) < 30; sell when rsi(14) > 70; fee 0.05%; slippage 0.05%';

/**
 * A random walk of the log price with 1% daily moves, pulled gently back
 * toward 100 (so a million days stay between about 30 and 300 instead of
 * drifting off to e^±10); the open gaps a little from the previous close.
 */
export function randomWalkSeries(n: number, seed: number): PriceSeries {
  const random = seededRandom(seed);
  const dates = new Int32Array(n);
  const open = new Float64Array(n);
  const high = new Float64Array(n);
  const low = new Float64Array(n);
  const close = new Float64Array(n);
  const volume = new Float64Array(n);
  const first = parseDay('1900-01-01')!;
  let price = 100;
  for (let i = 0; i < n; i++) {
    dates[i] = first + i;
    const o = price * (1 + (random() - 0.5) * 0.004);
    const c = o * Math.exp(0.001 * Math.log(100 / o) + (random() - 0.5) * 0.035);
    open[i] = o;
    close[i] = c;
    high[i] = Math.max(o, c) * (1 + random() * 0.005);
    low[i] = Math.min(o, c) * (1 - random() * 0.005);
    volume[i] = 1000;
    price = c;
  }
  return { symbol: 'WALK', dates, open, high, low, close, volume, adjusted: false, closeOnly: false };
}

/** The package's RSI without its 2-decimal rounding: its own Wilder averages. */
function packageRsiUnrounded(values: number[]): Float64Array {
  const gains = new AverageGain({ period: 14, values });
  const losses = new AverageLoss({ period: 14, values });
  const out = new Float64Array(values.length).fill(NaN);
  const g = gains.getResult();
  const l = losses.getResult();
  const offset = values.length - g.length;
  for (let i = 0; i < g.length; i++) {
    const gain = g[i]!;
    const loss = l[i]!;
    out[i + offset] = loss === 0 ? 100 : gain === 0 ? 0 : 100 - 100 / (1 + gain / loss);
  }
  return out;
}

interface LoopFill {
  index: number;
  shares: number;
  price: number;
}

/** The backtest rules as a plain loop over an RSI array aligned to the bars (NaN = none). */
function loopBacktest(series: PriceSeries, values: ArrayLike<number>, costs: StrategyCosts): { fills: LoopFill[]; equity: number } {
  const { open, close } = series;
  const fee = costs.feeBasisPoints / 10000;
  const slip = costs.slippageBasisPoints / 10000;
  let cash = costs.capital;
  let shares = 0;
  const fills: LoopFill[] = [];
  let start = 0;
  while (start < values.length && Number.isNaN(values[start]!)) start++;
  for (let t = start; t < close.length - 1; t++) {
    const v = values[t]!;
    if (shares === 0 && v < 30) {
      const price = open[t + 1]! * (1 + slip);
      const n = Math.floor((cash * (costs.sizeBasisPoints / 10000) - costs.feePerTrade) / (price * (1 + fee)) + 1e-9);
      if (n > 0) {
        cash -= n * price + costs.feePerTrade + n * price * fee;
        shares = n;
        fills.push({ index: t + 1, shares: n, price });
      }
    } else if (shares > 0 && v > 70) {
      const price = open[t + 1]! * (1 - slip);
      cash += shares * price - costs.feePerTrade - shares * price * fee;
      fills.push({ index: t + 1, shares, price });
      shares = 0;
    }
  }
  return { fills, equity: cash + shares * close[close.length - 1]! };
}

export function tradingCase(): BenchCase {
  const series = randomWalkSeries(TRADING_BARS, 20261124);
  const closes = Array.from(series.close);
  const parsed = parseStrategy(TEXT);
  if (!parsed.ok) throw new Error(`bench strategy does not parse: ${parsed.error}`);
  const strategy = parsed.strategy;
  const ours = {
    name: 'rsi + backtest (ours)',
    runs: 15,
    warmup: 3,
    run: () => {
      rsi(series.close, 14);
      return backtest(strategy, [series]);
    },
  };
  const baseline = {
    name: 'technicalindicators RSI + loop',
    runs: 5,
    warmup: 1,
    run: () => {
      const values = RSI.calculate({ period: 14, values: closes });
      const aligned = new Float64Array(closes.length).fill(NaN);
      aligned.set(values, closes.length - values.length);
      return loopBacktest(series, aligned, strategy.costs);
    },
  };
  return {
    title: 'Trading lab: RSI and an RSI backtest',
    describe: () => `${TRADING_BARS.toLocaleString('en-US')} daily bars (seeded, mean-reverting random walk), "${TEXT}"`,
    implementations: [ours, baseline],
    target: { name: ours.name, medianMs: 100 },
    check: () => {
      const mine = rsi(series.close, 14);
      const theirs = packageRsiUnrounded(closes);
      const rounded = RSI.calculate({ period: 14, values: closes });
      let maxDiff = 0;
      let maxRoundedDiff = 0;
      const offset = closes.length - rounded.length;
      for (let i = 0; i < mine.length; i++) {
        const a = mine[i]!;
        const b = theirs[i]!;
        if (Number.isNaN(a) !== Number.isNaN(b)) throw new Error(`RSI warm-up differs at bar ${i}: ours ${a}, package ${b}`);
        if (Number.isNaN(a)) continue;
        maxDiff = Math.max(maxDiff, Math.abs(a - b));
        maxRoundedDiff = Math.max(maxRoundedDiff, Math.abs(a - rounded[i - offset]!));
      }
      if (maxDiff > 1e-9) throw new Error(`RSI differs from technicalindicators' Wilder averages by ${maxDiff}`);
      if (maxRoundedDiff > 0.005 + 1e-9) throw new Error(`RSI differs from RSI.calculate's 2-decimal output by ${maxRoundedDiff}`);
      const result = backtest(strategy, [series]);
      const loop = loopBacktest(series, theirs, strategy.costs);
      if (result.fills.length !== loop.fills.length) throw new Error(`fill counts differ: ours ${result.fills.length}, loop ${loop.fills.length}`);
      result.fills.forEach((fill, k) => {
        const other = loop.fills[k]!;
        if (fill.date !== series.dates[other.index] || fill.shares !== other.shares || Math.abs(fill.price - other.price) > 1e-9) {
          throw new Error(`fill ${k} differs: ours ${fill.date}/${fill.shares}/${fill.price}, loop ${series.dates[other.index]}/${other.shares}/${other.price}`);
        }
      });
      const finalEquity = result.metrics.finalEquity;
      if (Math.abs(finalEquity - loop.equity) > 1e-6 * loop.equity) throw new Error(`final equity differs: ours ${finalEquity}, loop ${loop.equity}`);
      return (
        `RSI agrees with technicalindicators to ${maxDiff.toExponential(2)} (≤ 1e-9; ${maxRoundedDiff.toFixed(4)} against its 2-decimal output); ` +
        `${result.fills.length.toLocaleString('en-US')} fills and final equity ${finalEquity.toFixed(2)} identical to the plain loop`
      );
    },
  };
}
