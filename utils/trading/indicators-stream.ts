/**
 * Streaming technical indicators: one new bar at a time, for paper trading
 * and live checks. Each `push` returns exactly (Object.is) the number the
 * batch function in indicators.ts gives at the same index, because both run
 * the same arithmetic in the same order through the small step helpers
 * below (emaStep, wilderStep, rsiFromAverages, trueRange, populationSd).
 *
 * Conventions (the full list is at the top of indicators.ts):
 * - NaN during warm-up, exactly where the batch form has NaN;
 * - periods are whole numbers >= 1, checked by `checkPeriod` (RangeError);
 * - nothing is allocated per bar except the small result object of
 *   MacdStream.push and BbandsStream.push (the batch forms allocate none).
 */

/** Where the first EMA value comes from: 'sma' = average of the first `period` values (TA-Lib, StockCharts, technicalindicators); 'first' = values[0] (Tulip Indicators). */
export type EmaSeed = 'sma' | 'first';

/** Throws a RangeError unless `period` is a whole number >= 1. `what` names it in the message ("rsi period"). */
export function checkPeriod(what: string, period: number): void {
  if (!Number.isSafeInteger(period) || period < 1) {
    throw new RangeError(`${what} must be a whole number of bars, 1 or more (got ${String(period)})`);
  }
}

export function checkSeed(what: string, seed: string): void {
  if (seed !== 'sma' && seed !== 'first') throw new RangeError(`${what} seed must be 'sma' or 'first' (got ${String(seed)})`);
}

/** Throws a RangeError unless fast < slow and all three are periods. */
export function checkMacdPeriods(fast: number, slow: number, signal: number): void {
  checkPeriod('macd fast period', fast);
  checkPeriod('macd slow period', slow);
  checkPeriod('macd signal period', signal);
  if (fast >= slow) throw new RangeError(`macd fast period must be less than the slow period (got fast ${fast}, slow ${slow})`);
}

export function checkBandWidth(k: number): void {
  if (!Number.isFinite(k) || k <= 0) throw new RangeError(`bbands width must be a number of standard deviations above 0 (got ${String(k)})`);
}

// ------------------------------------------------------------------ shared per-bar arithmetic

/** One EMA step: (x − prev)·alpha + prev (TA-Lib, technicalindicators and Tulip all write it this way). */
export function emaStep(prev: number, x: number, alpha: number): number {
  return (x - prev) * alpha + prev;
}

/** Wilder's smoothing step, in technicalindicators' order of operations: (avg·(p−1) + x) / p. */
export function wilderStep(avg: number, x: number, period: number): number {
  return (avg * (period - 1) + x) / period;
}

/** RSI from Wilder's average gain and loss. No loss: 100 (or 50 when there is no gain either: a flat window); no gain: 0. */
export function rsiFromAverages(avgGain: number, avgLoss: number): number {
  if (avgLoss === 0) return avgGain === 0 ? 50 : 100;
  // = 100 − 100 / (1 + gain/loss), with one division instead of two (the bench's
  // hot loop); it differs from that form by a few ulps (< 1e-13).
  return (100 * avgGain) / (avgGain + avgLoss);
}

/** True range against the previous close: max(h − l, |h − cPrev|, |l − cPrev|). */
export function trueRange(high: number, low: number, prevClose: number): number {
  return Math.max(high - low, Math.abs(high - prevClose), Math.abs(low - prevClose));
}

/**
 * Population standard deviation (÷ N) of `window[start..start+n)` read as a
 * ring (indices wrap at window.length) around the given mean, oldest first.
 * The batch form passes the input itself with start = t−n+1 and a length
 * that never wraps; the stream passes its ring buffer.
 */
export function populationSd(window: ArrayLike<number>, start: number, n: number, mean: number): number {
  const len = window.length;
  let squares = 0;
  for (let j = 0, i = start; j < n; j++, i++) {
    if (i === len) i = 0;
    const d = window[i]! - mean;
    squares += d * d;
  }
  return Math.sqrt(squares / n);
}

// ------------------------------------------------------------------ streams

/** Simple moving average; first value after `period` bars. */
export class SmaStream {
  private readonly ring: Float64Array;
  private count = 0;
  private sum = 0;
  constructor(readonly period: number) {
    checkPeriod('sma period', period);
    this.ring = new Float64Array(period);
  }
  push(x: number): number {
    const p = this.period;
    const slot = this.count % p;
    const old = this.count >= p ? this.ring[slot]! : 0;
    this.ring[slot] = x;
    this.sum = this.sum - old + x;
    this.count++;
    return this.count >= p ? this.sum / p : NaN;
  }
}

/** Exponential moving average, alpha = 2/(period+1), seeded as `seed` says. */
export class EmaStream {
  private readonly alpha: number;
  private count = 0;
  private sum = 0;
  private value = NaN;
  constructor(
    readonly period: number,
    readonly seed: EmaSeed = 'sma',
  ) {
    checkPeriod('ema period', period);
    checkSeed('ema', seed);
    this.alpha = 2 / (period + 1);
  }
  push(x: number): number {
    const n = this.count++;
    if (this.seed === 'first') {
      this.value = n === 0 ? x : emaStep(this.value, x, this.alpha);
      return this.value;
    }
    if (n < this.period) {
      this.sum += x;
      if (n === this.period - 1) this.value = this.sum / this.period;
      return this.value;
    }
    this.value = emaStep(this.value, x, this.alpha);
    return this.value;
  }
}

/** Wilder's RSI; first value after period+1 bars (period changes). */
export class RsiStream {
  private count = 0;
  private prev = NaN;
  private avgGain = 0;
  private avgLoss = 0;
  constructor(readonly period: number) {
    checkPeriod('rsi period', period);
  }
  push(x: number): number {
    const n = this.count++;
    const p = this.period;
    const prev = this.prev;
    this.prev = x;
    if (n === 0) return NaN;
    let gain = x - prev;
    gain = gain > 0 ? gain : 0;
    let loss = prev - x;
    loss = loss > 0 ? loss : 0;
    if (n < p) {
      this.avgGain += gain; // running sums of the first changes
      this.avgLoss += loss;
      return NaN;
    }
    if (n === p) {
      this.avgGain = (this.avgGain + gain) / p;
      this.avgLoss = (this.avgLoss + loss) / p;
    } else {
      this.avgGain = wilderStep(this.avgGain, gain, p);
      this.avgLoss = wilderStep(this.avgLoss, loss, p);
    }
    return rsiFromAverages(this.avgGain, this.avgLoss);
  }
}

export interface MacdPoint {
  macd: number;
  signal: number;
  histogram: number;
}

/** MACD line, signal line and histogram; see `macd` in indicators.ts for the two seed conventions. */
export class MacdStream {
  private readonly fastAlpha: number;
  private readonly slowAlpha: number;
  private readonly signalAlpha: number;
  private count = 0;
  private fastSum = 0;
  private slowSum = 0;
  private fastEma = NaN;
  private slowEma = NaN;
  private signalCount = 0;
  private signalSum = 0;
  private signalEma = NaN;
  /** The latest bar's outputs, written by `step` (the batch form reads these, so it allocates nothing). */
  macd = NaN;
  signal = NaN;
  histogram = NaN;
  constructor(
    readonly fast: number = 12,
    readonly slow: number = 26,
    readonly signalPeriod: number = 9,
    readonly seed: EmaSeed = 'sma',
  ) {
    checkMacdPeriods(fast, slow, signalPeriod);
    checkSeed('macd', seed);
    this.fastAlpha = 2 / (fast + 1);
    this.slowAlpha = 2 / (slow + 1);
    this.signalAlpha = 2 / (signalPeriod + 1);
  }
  push(x: number): MacdPoint {
    this.step(x);
    return { macd: this.macd, signal: this.signal, histogram: this.histogram };
  }
  /** Advance one bar and update macd/signal/histogram in place. */
  step(x: number): void {
    const n = this.count++;
    const { fast, slow } = this;
    if (this.seed === 'first') {
      if (n === 0) {
        this.fastEma = x;
        this.slowEma = x;
      } else {
        this.fastEma = emaStep(this.fastEma, x, this.fastAlpha);
        this.slowEma = emaStep(this.slowEma, x, this.slowAlpha);
      }
      if (n < slow - 1) return;
      const m = this.fastEma - this.slowEma;
      this.signalEma = n === slow - 1 ? m : emaStep(this.signalEma, m, this.signalAlpha);
      this.macd = m;
      this.signal = this.signalEma;
      this.histogram = m - this.signalEma;
      return;
    }
    if (n < fast) {
      this.fastSum += x;
      if (n === fast - 1) this.fastEma = this.fastSum / fast;
    } else {
      this.fastEma = emaStep(this.fastEma, x, this.fastAlpha);
    }
    if (n < slow) {
      this.slowSum += x;
      if (n < slow - 1) return;
      this.slowEma = this.slowSum / slow;
    } else {
      this.slowEma = emaStep(this.slowEma, x, this.slowAlpha);
    }
    const m = this.fastEma - this.slowEma;
    this.macd = m;
    const k = this.signalCount++;
    const sp = this.signalPeriod;
    if (k < sp) {
      this.signalSum += m;
      if (k < sp - 1) return;
      this.signalEma = this.signalSum / sp;
    } else {
      this.signalEma = emaStep(this.signalEma, m, this.signalAlpha);
    }
    this.signal = this.signalEma;
    this.histogram = m - this.signalEma;
  }
}

export interface BandsPoint {
  lower: number;
  middle: number;
  upper: number;
}

/** Bollinger Bands: SMA ± k population standard deviations. */
export class BbandsStream {
  private readonly ring: Float64Array;
  private count = 0;
  private sum = 0;
  lower = NaN;
  middle = NaN;
  upper = NaN;
  constructor(
    readonly period: number = 20,
    readonly k: number = 2,
  ) {
    checkPeriod('bbands period', period);
    checkBandWidth(k);
    this.ring = new Float64Array(period);
  }
  push(x: number): BandsPoint {
    this.step(x);
    return { lower: this.lower, middle: this.middle, upper: this.upper };
  }
  step(x: number): void {
    const p = this.period;
    const slot = this.count % p;
    const old = this.count >= p ? this.ring[slot]! : 0;
    this.ring[slot] = x;
    this.sum = this.sum - old + x;
    this.count++;
    if (this.count < p) return;
    const mean = this.sum / p;
    // The oldest value in the window sits right after the slot just written.
    const width = this.k * populationSd(this.ring, slot + 1 === p ? 0 : slot + 1, p, mean);
    this.middle = mean;
    this.lower = mean - width;
    this.upper = mean + width;
  }
}

/** Average true range with Wilder's smoothing; first value after `period` bars. */
export class AtrStream {
  private count = 0;
  private prevClose = NaN;
  private value = 0;
  constructor(readonly period: number = 14) {
    checkPeriod('atr period', period);
  }
  push(high: number, low: number, close: number): number {
    const n = this.count++;
    const p = this.period;
    const tr = n === 0 ? high - low : trueRange(high, low, this.prevClose);
    this.prevClose = close;
    if (n < p) {
      this.value += tr; // running sum of the first true ranges
      if (n < p - 1) return NaN;
      this.value = this.value / p;
      return this.value;
    }
    this.value = wilderStep(this.value, tr, p);
    return this.value;
  }
}

/** Rate of change in percent over `period` bars. */
export class RocStream {
  private readonly ring: Float64Array;
  private count = 0;
  constructor(readonly period: number = 12) {
    checkPeriod('roc period', period);
    this.ring = new Float64Array(period);
  }
  push(x: number): number {
    const slot = this.count % this.period;
    const out = this.count >= this.period ? 100 * (x / this.ring[slot]! - 1) : NaN;
    this.ring[slot] = x;
    this.count++;
    return out;
  }
}
