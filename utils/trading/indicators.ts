/**
 * Technical indicators over a whole price series (batch form), plus the
 * streaming classes (indicators-stream.ts, re-exported here), `warmup` and
 * `computeIndicator` for the strategy engine and the CLI.
 *
 * Conventions:
 * - input is any ArrayLike<number> of prices in currency units; every output
 *   is a new Float64Array of the input's length, NaN where the value does not
 *   exist yet (warm-up). A series shorter than the warm-up is all NaN;
 * - periods are whole numbers >= 1 (macd: fast < slow), else RangeError;
 * - EMAs use alpha = 2/(period+1). Seed 'sma' (default; TA-Lib,
 *   technicalindicators, StockCharts): the first value, at period−1, is the
 *   average of the first `period` values. Seed 'first' (Tulip Indicators):
 *   the first value, at 0, is values[0];
 * - rsi and atr use Wilder's smoothing avg = (avg·(p−1) + x)/p after a simple
 *   average seed, in the order of operations of the npm package
 *   `technicalindicators`, so rsi agrees with it to 1e-9 (before its 2-decimal
 *   rounding). RSI when a window has no losses is 100, no gains 0, neither 50;
 * - bbands use the population standard deviation (÷ N), like Bollinger,
 *   TA-Lib and Tulip; roc is in percent (Tulip's roc is a fraction);
 * - NaN inputs are not expected (bars.ts gives finite prices). If one comes,
 *   sma/bbands/ema/macd/atr stay NaN from there on (it enters a running sum
 *   or average), rsi counts the changes into and out of it as flat, and roc
 *   is NaN at that bar and `period` bars later. A 0 price makes roc ±Infinity
 *   or NaN `period` bars later.
 * Every batch function runs the same arithmetic, in the same order, as its
 * stream (shared step helpers), so both give identical numbers.
 */
import type { BandsOutput, IndicatorName, MacdOutput } from './types';
import * as shared from './indicators-stream';
import { checkBandWidth, checkMacdPeriods, checkPeriod, checkSeed, type EmaSeed } from './indicators-stream';

export {
  AtrStream,
  BbandsStream,
  EmaStream,
  MacdStream,
  RocStream,
  RsiStream,
  SmaStream,
  type BandsPoint,
  type EmaSeed,
  type MacdPoint,
} from './indicators-stream';

/** Default parameters, positional as the CLI takes them (`macd 12 26 9`, `bbands 20 2`). */
export const INDICATOR_DEFAULTS: Record<IndicatorName, number[]> = {
  sma: [20],
  ema: [20],
  rsi: [14],
  macd: [12, 26, 9],
  bbands: [20, 2],
  atr: [14],
  roc: [12],
};

// The per-bar helpers the streams use, bound once to local names: tsx (the CLI
// and the benchmark) turns imports into getter calls, which cost ~20 ns a call
// in a hot loop; a local binding is inlined.
const emaStep = shared.emaStep;
const wilderStep = shared.wilderStep;
const rsiFromAverages = shared.rsiFromAverages;
const trueRange = shared.trueRange;
const populationSd = shared.populationSd;

function nanArray(length: number): Float64Array {
  return new Float64Array(length).fill(NaN);
}

/** Simple moving average; first value at period−1. Running sum: sum = (sum − x[t−p]) + x[t]. */
export function sma(values: ArrayLike<number>, period: number): Float64Array {
  checkPeriod('sma period', period);
  const n = values.length;
  const out = nanArray(n);
  let sum = 0;
  for (let t = 0; t < n; t++) {
    const old = t >= period ? values[t - period]! : 0;
    sum = sum - old + values[t]!;
    if (t >= period - 1) out[t] = sum / period;
  }
  return out;
}

/** Exponential moving average, alpha = 2/(period+1); first value at period−1 (seed 'sma') or 0 (seed 'first'). */
export function ema(values: ArrayLike<number>, period: number, seed: EmaSeed = 'sma'): Float64Array {
  checkPeriod('ema period', period);
  checkSeed('ema', seed);
  const n = values.length;
  const out = nanArray(n);
  const alpha = 2 / (period + 1);
  if (n === 0) return out;
  let value: number;
  let t: number;
  if (seed === 'first') {
    value = values[0]!;
    out[0] = value;
    t = 1;
  } else {
    if (n < period) return out;
    let sum = 0;
    for (let i = 0; i < period; i++) sum += values[i]!;
    value = sum / period;
    out[period - 1] = value;
    t = period;
  }
  for (; t < n; t++) {
    value = emaStep(value, values[t]!, alpha);
    out[t] = value;
  }
  return out;
}

/**
 * Wilder's RSI; first value at index `period`: the average gain and loss of
 * changes 1..period, then avg = (avg·(period−1) + change)/period.
 * RSI = 100 − 100/(1 + avgGain/avgLoss), computed as 100·gain/(gain + loss); no loss → 100, no gain → 0, neither → 50.
 */
export function rsi(values: ArrayLike<number>, period = 14): Float64Array {
  checkPeriod('rsi period', period);
  const n = values.length;
  const out = nanArray(n);
  if (n <= period) return out;
  // Changes 1..period: plain sums (in technicalindicators' order), then their average.
  let avgGain = 0;
  let avgLoss = 0;
  for (let t = 1; t <= period; t++) {
    const x = values[t]!;
    const prev = values[t - 1]!;
    let gain = x - prev;
    gain = gain > 0 ? gain : 0;
    let loss = prev - x;
    loss = loss > 0 ? loss : 0;
    avgGain += gain;
    avgLoss += loss;
  }
  avgGain = avgGain / period;
  avgLoss = avgLoss / period;
  out[period] = rsiFromAverages(avgGain, avgLoss);
  let prev = values[period]!;
  for (let t = period + 1; t < n; t++) {
    const x = values[t]!;
    let gain = x - prev;
    gain = gain > 0 ? gain : 0;
    let loss = prev - x;
    loss = loss > 0 ? loss : 0;
    prev = x;
    avgGain = wilderStep(avgGain, gain, period);
    avgLoss = wilderStep(avgLoss, loss, period);
    out[t] = rsiFromAverages(avgGain, avgLoss);
  }
  return out;
}

/**
 * MACD line (fast EMA − slow EMA), its signal EMA and the histogram (macd − signal).
 * Seed 'sma': both EMAs SMA-seeded, macd from slow−1, signal SMA-seeded over
 * the first `signal` macd values, so signal and histogram start at
 * slow+signal−2 (33 for 12/26/9). Seed 'first' (Tulip): both EMAs start at
 * values[0], macd is reported from slow−1 and the signal EMA starts there
 * with the macd value itself (histogram 0 at slow−1); this reproduces
 * Tulip's regression data (macd 2 5 9). Tulip and the Achelis spreadsheet
 * use the rounded constants 0.15/0.075 for 12/26; we keep 2/(n+1), which
 * moves their 12/26/9 macd line by up to 0.08 (see the conformance test).
 */
export function macd(values: ArrayLike<number>, fast = 12, slow = 26, signal = 9, seed: EmaSeed = 'sma'): MacdOutput {
  checkMacdPeriods(fast, slow, signal);
  checkSeed('macd', seed);
  const n = values.length;
  const line = nanArray(n);
  const sig = nanArray(n);
  const hist = nanArray(n);
  const fastAlpha = 2 / (fast + 1);
  const slowAlpha = 2 / (slow + 1);
  const signalAlpha = 2 / (signal + 1);
  if (n < slow) return { macd: line, signal: sig, histogram: hist };
  let fastEma: number;
  let slowEma: number;
  let signalEma = NaN;
  if (seed === 'first') {
    fastEma = values[0]!;
    slowEma = fastEma;
    for (let t = 1; t < n; t++) {
      const x = values[t]!;
      fastEma = emaStep(fastEma, x, fastAlpha);
      slowEma = emaStep(slowEma, x, slowAlpha);
      if (t < slow - 1) continue;
      const m = fastEma - slowEma;
      signalEma = t === slow - 1 ? m : emaStep(signalEma, m, signalAlpha);
      line[t] = m;
      sig[t] = signalEma;
      hist[t] = m - signalEma;
    }
    return { macd: line, signal: sig, histogram: hist };
  }
  let fastSum = 0;
  let slowSum = 0;
  for (let t = 0; t < fast; t++) fastSum += values[t]!;
  fastEma = fastSum / fast;
  for (let t = fast; t < slow; t++) fastEma = emaStep(fastEma, values[t]!, fastAlpha);
  for (let t = 0; t < slow; t++) slowSum += values[t]!;
  slowEma = slowSum / slow;
  let signalSum = 0;
  for (let t = slow - 1; t < n; t++) {
    if (t >= slow) {
      const x = values[t]!;
      fastEma = emaStep(fastEma, x, fastAlpha);
      slowEma = emaStep(slowEma, x, slowAlpha);
    }
    const m = fastEma - slowEma;
    line[t] = m;
    const k = t - (slow - 1); // how many macd values came before this one
    if (k < signal) {
      signalSum += m;
      if (k < signal - 1) continue;
      signalEma = signalSum / signal;
    } else {
      signalEma = emaStep(signalEma, m, signalAlpha);
    }
    sig[t] = signalEma;
    hist[t] = m - signalEma;
  }
  return { macd: line, signal: sig, histogram: hist };
}

/** Bollinger Bands: middle = SMA (identical to `sma`), lower/upper = middle ∓ k·σ, σ the population standard deviation of the window. */
export function bbands(values: ArrayLike<number>, period = 20, k = 2): BandsOutput {
  checkPeriod('bbands period', period);
  checkBandWidth(k);
  const n = values.length;
  const lower = nanArray(n);
  const middle = nanArray(n);
  const upper = nanArray(n);
  let sum = 0;
  for (let t = 0; t < n; t++) {
    const old = t >= period ? values[t - period]! : 0;
    sum = sum - old + values[t]!;
    if (t < period - 1) continue;
    const mean = sum / period;
    const width = k * populationSd(values, t - period + 1, period, mean);
    middle[t] = mean;
    lower[t] = mean - width;
    upper[t] = mean + width;
  }
  return { lower, middle, upper };
}

/**
 * Average true range. TR[0] = high−low, then max(h−l, |h−cPrev|, |l−cPrev|);
 * the first ATR, at period−1, is the average of TR[0..period−1], then Wilder's smoothing.
 */
export function atr(high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>, period = 14): Float64Array {
  checkPeriod('atr period', period);
  const n = high.length;
  if (low.length !== n || close.length !== n) {
    throw new RangeError(`atr needs high, low and close of the same length (got ${n}, ${low.length}, ${close.length})`);
  }
  const out = nanArray(n);
  if (n < period) return out;
  let value = 0;
  value += high[0]! - low[0]!;
  for (let t = 1; t < period; t++) value += trueRange(high[t]!, low[t]!, close[t - 1]!);
  value = value / period;
  out[period - 1] = value;
  for (let t = period; t < n; t++) {
    value = wilderStep(value, trueRange(high[t]!, low[t]!, close[t - 1]!), period);
    out[t] = value;
  }
  return out;
}

/** Rate of change in percent: 100·(x[t]/x[t−period] − 1); first value at index `period`. */
export function roc(values: ArrayLike<number>, period = 12): Float64Array {
  checkPeriod('roc period', period);
  const n = values.length;
  const out = nanArray(n);
  for (let t = period; t < n; t++) out[t] = 100 * (values[t]! / values[t - period]! - 1);
  return out;
}

/** How many numbers each indicator takes, and what they are called in messages. */
const PARAM_NAMES: Record<IndicatorName, string[]> = {
  sma: ['period'],
  ema: ['period'],
  rsi: ['period'],
  macd: ['fast period', 'slow period', 'signal period'],
  bbands: ['period', 'width in standard deviations'],
  atr: ['period'],
  roc: ['period'],
};

/** `params` completed with the defaults for the missing trailing ones, and checked (RangeError). */
function fullParams(name: IndicatorName, params: readonly number[]): number[] {
  const names = PARAM_NAMES[name];
  if (names === undefined) throw new RangeError(`unknown indicator "${String(name)}"`);
  if (params.length > names.length) {
    const list = names.join(', ');
    throw new RangeError(`${name} takes at most ${names.length} number${names.length === 1 ? '' : 's'} (${list}), got ${params.length}: ${params.join(' ')}`);
  }
  const full = INDICATOR_DEFAULTS[name].map((d, i) => (i < params.length ? params[i]! : d));
  if (name === 'macd') checkMacdPeriods(full[0]!, full[1]!, full[2]!);
  else checkPeriod(`${name} period`, full[0]!);
  if (name === 'bbands') checkBandWidth(full[1]!);
  return full;
}

/** Index of the first value of the indicator's default output (macd: the macd line, at slow−1; its signal starts at slow+signal−2). */
export function warmup(name: IndicatorName, params: number[]): number {
  const p = fullParams(name, params);
  switch (name) {
    case 'macd':
      return p[1]! - 1;
    case 'rsi':
    case 'roc':
      return p[0]!;
    default:
      return p[0]! - 1;
  }
}

/**
 * One indicator by name, as the strategy engine and the CLI ask for it.
 * Outputs by field: sma/ema/rsi/atr/roc → value; macd → macd, signal,
 * histogram; bbands → lower, middle, upper. EMAs use the 'sma' seed.
 */
export function computeIndicator(
  name: IndicatorName,
  params: number[],
  series: { high: Float64Array; low: Float64Array; close: Float64Array },
): Record<string, Float64Array> {
  const p = fullParams(name, params);
  const close = series.close;
  switch (name) {
    case 'sma':
      return { value: sma(close, p[0]!) };
    case 'ema':
      return { value: ema(close, p[0]!) };
    case 'rsi':
      return { value: rsi(close, p[0]!) };
    case 'roc':
      return { value: roc(close, p[0]!) };
    case 'atr':
      return { value: atr(series.high, series.low, close, p[0]!) };
    case 'macd': {
      const out = macd(close, p[0]!, p[1]!, p[2]!);
      return { macd: out.macd, signal: out.signal, histogram: out.histogram };
    }
    case 'bbands': {
      const out = bbands(close, p[0]!, p[1]!);
      return { lower: out.lower, middle: out.middle, upper: out.upper };
    }
  }
}
