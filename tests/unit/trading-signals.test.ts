/**
 * Evaluating rules on a price series (utils/trading/signals.ts): exact bars
 * where a rule holds on small hand-made closes (sma and rsi worked out in the
 * comments, a plain Wilder loop for the longer series), crossings, warm-up and
 * `not` of unknown, the cache, the learned signal, warm-up ends and the
 * sentences that explain a signal.
 */
import { describe, expect, it } from 'vitest';
import { evaluateCondition, explainAt, firstKnownIndex, holdsAt, operandValues, type SignalContext } from '@/utils/trading/signals';
import { parseStrategy } from '@/utils/trading/strategy';
import type { Condition, PriceSeries, Strategy } from '@/utils/trading/types';

function series(close: number[]): PriceSeries {
  const c = Float64Array.from(close);
  return {
    symbol: 'TEST',
    dates: Int32Array.from(close, (_, i) => 19000 + i),
    open: c.slice(),
    high: c.slice(),
    low: c.slice(),
    close: c,
    volume: new Float64Array(close.length),
    adjusted: false,
    closeOnly: false,
  };
}
const ctxOf = (close: number[], model?: () => Float64Array): SignalContext => ({ series: series(close), cache: new Map(), model });

function strategy(text: string): Extract<Strategy, { kind: 'rules' }> {
  const r = parseStrategy(text);
  if (!r.ok || r.strategy.kind !== 'rules') throw new Error(r.ok ? 'not rules' : r.error);
  return r.strategy;
}
/** The buy condition of "buy when <text>" (a dummy sell rule completes the strategy). */
const rule = (text: string): Condition => strategy(`buy when ${text}; sell when close < 0`).buy;
/** The bars where the rule holds. */
function barsWhere(text: string, ctx: SignalContext): number[] {
  const mask = evaluateCondition(rule(text), ctx);
  expect(mask).toBeInstanceOf(Uint8Array);
  expect(mask.length).toBe(ctx.series.close.length);
  return [...mask.keys()].filter((t) => mask[t] === 1);
}

// A: closes for sma(3). sma(3) from t=2:
// t2 (10+11+12)/3 = 11, t3 (11+12+11)/3 = 11.333, t4 (12+11+10)/3 = 11, t5 (11+10+9)/3 = 10,
// t6 (10+9+10)/3 = 9.667, t7 (9+10+12)/3 = 10.333, t8 (10+12+13)/3 = 11.667, t9 (12+13+12)/3 = 12.333
const A = [10, 11, 12, 11, 10, 9, 10, 12, 13, 12];
// B: closes for rsi(2). Changes +1, −1, −1, +1, +2.
// t2: avgGain (1+0)/2 = 0.5, avgLoss (0+1)/2 = 0.5 → RSI 50
// t3 (−1): gain (0.5·1+0)/2 = 0.25, loss (0.5·1+1)/2 = 0.75, RS 1/3 → 100 − 100/(4/3) = 25
// t4 (+1): gain (0.25+1)/2 = 0.625, loss (0.75+0)/2 = 0.375, RS 5/3 → 100 − 100/(8/3) = 62.5
// t5 (+2): gain (0.625+2)/2 = 1.3125, loss 0.375/2 = 0.1875, RS 7 → 100 − 100/8 = 87.5
// sma(3) on B: t2 31/3 = 10.333, t3 30/3 = 10, t4 29/3 = 9.667, t5 31/3 = 10.333
const B = [10, 11, 10, 9, 10, 12];

describe('evaluateCondition', () => {
  it('compares close with sma(3) bar by bar, false during the warm-up', () => {
    const ctx = ctxOf(A);
    const sma3 = operandValues({ kind: 'indicator', name: 'sma', params: [3], field: null }, ctx);
    expect(Number.isNaN(sma3[0]!) && Number.isNaN(sma3[1]!)).toBe(true);
    expect(sma3[3]).toBeCloseTo(34 / 3, 12);
    expect(sma3[6]).toBeCloseTo(29 / 3, 12);
    // 12 > 11 at t2, 10 > 9.667, 12 > 10.333, 13 > 11.667; 11 > 11.333, 10 > 11, 9 > 10, 12 > 12.333 are false
    expect(barsWhere('close > sma(3)', ctx)).toEqual([2, 6, 7, 8]);
  });

  it('reads <= and >= with equality, and a constant on either side', () => {
    const ctx = ctxOf(A);
    // sma(3) is exactly 11 at t2 and t4 (integer sums 33/3), so both >= 11 and <= 11 hold there
    expect(barsWhere('sma(3) >= 11', ctx)).toEqual([2, 3, 4, 8, 9]);
    expect(barsWhere('sma(3) <= 11', ctx)).toEqual([2, 4, 5, 6, 7]);
    expect(barsWhere('11 <= sma(3)', ctx)).toEqual([2, 3, 4, 8, 9]);
    expect(barsWhere('11 > close', ctx)).toEqual([0, 4, 5, 6]);
  });

  it('finds crossings, with t−1 and t both known', () => {
    const ctx = ctxOf(A);
    // above at t6: close 9 <= sma 10 at t5, then 10 > 9.667 (t2 has no sma at t1: unknown)
    expect(barsWhere('close crosses above sma(3)', ctx)).toEqual([6]);
    // below at t3: 12 >= 11 then 11 < 11.333; at t9: 13 >= 11.667 then 12 < 12.333
    expect(barsWhere('close crosses below sma(3)', ctx)).toEqual([3, 9]);
  });

  it('counts equal at t−1 as not above: equal-then-above is a crossing, equal-then-equal is not', () => {
    expect(barsWhere('close crosses above 11', ctxOf([10, 11, 12]))).toEqual([2]); // 11 <= 11, then 12 > 11
    expect(barsWhere('close crosses above 11', ctxOf([10, 11, 11, 12]))).toEqual([3]); // 11 > 11 is false at t2
    // a touch from above: 12 → 11 is no crossing below (11 < 11 false), 11 → 12 is a crossing above
    expect(barsWhere('close crosses below 11', ctxOf([12, 11, 12]))).toEqual([]);
    expect(barsWhere('close crosses above 11', ctxOf([12, 11, 12]))).toEqual([2]);
    expect(barsWhere('close crosses below 11', ctxOf([12, 11, 10]))).toEqual([2]);
  });

  it('evaluates rsi(2) at the hand-worked values', () => {
    const ctx = ctxOf(B);
    const rsi2 = operandValues({ kind: 'indicator', name: 'rsi', params: [2], field: null }, ctx);
    expect([...rsi2].slice(2)).toEqual([50, 25, 62.5, 87.5].map((v) => expect.closeTo(v, 9)));
    expect(barsWhere('rsi(2) < 30', ctx)).toEqual([3]);
    expect(barsWhere('rsi(2) > 70', ctx)).toEqual([5]);
    expect(barsWhere('rsi(2) >= 50', ctx)).toEqual([2, 4, 5]);
    // 25 <= 50 at t3, then 62.5 > 50 at t4
    expect(barsWhere('rsi(2) crosses above 50', ctx)).toEqual([4]);
    // close > sma(3): t4 10 > 9.667, t5 12 > 10.333; and rsi(2) < 70: t4 only
    expect(barsWhere('close > sma(3) and rsi(2) < 70', ctx)).toEqual([4]);
    expect(barsWhere('rsi(2) < 30 or close > sma(3)', ctx)).toEqual([3, 4, 5]);
  });

  it('matches a plain Wilder RSI loop over a longer series', () => {
    const close = Array.from({ length: 120 }, (_, i) => 100 + 8 * Math.sin(i / 6) + 3 * Math.cos(i / 2.3) + (i % 5) * 0.4);
    const period = 14;
    const expected = new Array<number>(close.length).fill(NaN);
    let gain = 0;
    let loss = 0;
    for (let t = 1; t < close.length; t++) {
      const d = close[t]! - close[t - 1]!;
      const g = Math.max(d, 0);
      const l = Math.max(-d, 0);
      if (t <= period) {
        gain += g / period;
        loss += l / period;
      } else {
        gain = (gain * (period - 1) + g) / period;
        loss = (loss * (period - 1) + l) / period;
      }
      if (t >= period) expected[t] = loss === 0 ? 100 : 100 - 100 / (1 + gain / loss);
    }
    const ctx = ctxOf(close);
    const rsi = operandValues({ kind: 'indicator', name: 'rsi', params: [14], field: null }, ctx);
    for (let t = 0; t < close.length; t++) {
      if (Number.isNaN(expected[t]!)) expect(rsi[t]).toBeNaN();
      else expect(rsi[t]).toBeCloseTo(expected[t]!, 9);
    }
    const below40 = expected.flatMap((v, t) => (v < 40 ? [t] : []));
    const above60 = expected.flatMap((v, t) => (v > 60 ? [t] : []));
    expect(below40.length).toBeGreaterThan(5); // the series does swing through both thresholds
    expect(above60.length).toBeGreaterThan(5);
    expect(barsWhere('rsi(14) < 40', ctx)).toEqual(below40);
    expect(barsWhere('rsi(14) > 60', ctx)).toEqual(above60);
    expect(barsWhere('not rsi(14) <= 60', ctx)).toEqual(above60);
  });

  it('treats a NaN operand as unknown: no signal during warm-up, and not(unknown) is not a signal either', () => {
    const ctx = ctxOf(A);
    // close < sma(3) holds at t3 (11 < 11.333), t4, t5, t9; its negation at the other known bars only
    expect(barsWhere('close < sma(3)', ctx)).toEqual([3, 4, 5, 9]);
    expect(barsWhere('not close < sma(3)', ctx)).toEqual([2, 6, 7, 8]);
    expect(barsWhere('not not close < sma(3)', ctx)).toEqual([3, 4, 5, 9]);
    expect(barsWhere('not close crosses above sma(3)', ctx)).toEqual([3, 4, 5, 7, 8, 9]); // t0..t2 lack t−1 or t
  });

  it('uses three-valued and/or: false and unknown is false, true or unknown is true', () => {
    const ctx = ctxOf(A);
    // close > 100 is false everywhere, so the and is known false even at t0, t1: its negation holds on every bar
    expect(barsWhere('not (close > 100 and close > sma(3))', ctx)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // close < 100 is true, so the and is as unknown as close > sma(3) at t0, t1
    expect(barsWhere('not (close < 100 and close > sma(3))', ctx)).toEqual([3, 4, 5, 9]);
    expect(barsWhere('not (close > 100 or close > sma(3))', ctx)).toEqual([3, 4, 5, 9]);
    // true or unknown = true
    expect(barsWhere('close < 100 or close > sma(3)', ctx)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(barsWhere('not (close < 100 or close > sma(3))', ctx)).toEqual([]);
  });

  it('agrees with holdsAt on every bar of every rule', () => {
    const ctx = ctxOf(A);
    const texts = [
      'close > sma(3)',
      'not (close > 100 and close > sma(3))',
      'not (close < 100 and close > sma(3)) or close crosses below sma(3)',
      'not (sma(3) crosses above close or rsi(2) > 60) and low >= 10',
      'rsi(2) < 40 and not (close > 11 or sma(3) < 10)',
    ];
    for (const text of texts) {
      const cond = rule(text);
      const mask = evaluateCondition(cond, ctx);
      for (let t = 0; t < A.length; t++) expect([text, t, holdsAt(cond, ctx, t)]).toEqual([text, t, mask[t] === 1]);
    }
  });

  // Speed is proved by `npm run bench` (bench/cases/trading.ts), not here: this checks the long mask is right.
  it('evaluates rsi(14) < 30 over 1,000,000 bars, every bar right', () => {
    const n = 1_000_000;
    const close = new Float64Array(n);
    let price = 100;
    let seed = 12345;
    for (let i = 0; i < n; i++) {
      seed = (seed * 16807) % 2147483647; // Park–Miller: a fixed pseudo-random walk, with slow swings added
      price *= 1 + 0.02 * (seed / 2147483647 - 0.5) + 0.004 * Math.sin(i / 40);
      close[i] = price;
    }
    const ctx: SignalContext = { series: { ...series([]), close, high: close, low: close, open: close, volume: close }, cache: new Map() };
    const cond = rule('rsi(14) < 30');
    const rsi = operandValues({ kind: 'indicator', name: 'rsi', params: [14], field: null }, ctx);
    const mask = evaluateCondition(cond, ctx);
    let expected = 0;
    let got = 0;
    for (let i = 0; i < n; i++) {
      if (rsi[i]! < 30) expected++;
      got += mask[i]!;
    }
    expect(expected).toBeGreaterThan(1000);
    expect(got).toBe(expected);
  });
});

describe('operandValues', () => {
  it('computes an indicator once and caches every output by label', () => {
    const ctx = ctxOf(A);
    const s = strategy('buy when rsi(2) < 30 and macd(2,3,2).histogram > 0; sell when rsi(2) > 70');
    evaluateCondition(s.buy, ctx);
    const rsi = ctx.cache.get('rsi(2)');
    expect(rsi).toBeInstanceOf(Float64Array);
    expect(operandValues({ kind: 'indicator', name: 'rsi', params: [2], field: null }, ctx)).toBe(rsi);
    // constants compared with an array are not filled (no array needed), so only the indicators are cached
    expect([...ctx.cache.keys()].sort()).toEqual(['macd(2,3,2)', 'macd(2,3,2).histogram', 'macd(2,3,2).signal', 'rsi(2)']);
    // fast ema(2) − slow ema(3) at t2: ema2 seeded (10+11)/2 = 10.5 at t1, then (12−10.5)·2/3 + 10.5 = 11.5; ema3 = 11 → macd 0.5
    expect(ctx.cache.get('macd(2,3,2)')![2]).toBeCloseTo(0.5, 12);
  });

  it('fills a constant and hands back the price arrays themselves', () => {
    const ctx = ctxOf(B);
    expect([...operandValues({ kind: 'number', value: 30 }, ctx)]).toEqual([30, 30, 30, 30, 30, 30]);
    expect(operandValues({ kind: 'price', field: 'close' }, ctx)).toBe(ctx.series.close);
  });

  it('uses the trained model, and says so when there is none', () => {
    const withoutModel = ctxOf(B);
    expect(() => evaluateCondition(rule('model() > 0.55'), withoutModel)).toThrow('this strategy uses model() but no model was trained');
    const probability = Float64Array.from([NaN, NaN, 0.4, 0.5523, 0.56, 0.9]);
    const ctx = ctxOf(B, () => probability);
    expect(barsWhere('model() > 0.55', ctx)).toEqual([3, 4, 5]);
    expect(barsWhere('not model() > 0.55', ctx)).toEqual([2]);
    expect(explainAt(rule('model() > 0.55'), ctx, 3)).toBe('model() > 0.55 (model() = 0.5523)');
  });
});

describe('firstKnownIndex', () => {
  it('is the first bar where every operand has a value', () => {
    const ctx = ctxOf(A);
    expect(firstKnownIndex(rule('close > sma(3)'), ctx)).toBe(2); // sma(3) from t2
    expect(firstKnownIndex(rule('close > sma(3) or rsi(4) < 30'), ctx)).toBe(4); // rsi(4) from t4
    expect(firstKnownIndex(rule('close > 5'), ctx)).toBe(0);
    expect(firstKnownIndex([], ctx)).toBe(0);
    // macd(12,26,9) needs 26 bars: never on 10
    expect(firstKnownIndex(rule('macd() > 0'), ctx)).toBe(10);
    const s = strategy('buy when close > sma(3); sell when rsi(5) > 70');
    expect(firstKnownIndex(s, ctx)).toBe(5); // rsi(5) from t5
    expect(firstKnownIndex([{ kind: 'model' }], ctxOf(B, () => Float64Array.from([NaN, NaN, 0.4, 0.5, 0.6, 0.7])))).toBe(2);
  });
});

describe('explainAt', () => {
  it('writes the rule with the values that made it true', () => {
    const a = ctxOf(A);
    const b = ctxOf(B);
    expect(explainAt(rule('rsi(2) < 30'), b, 3)).toBe('rsi(2) < 30 (rsi(2) = 25.00)');
    expect(explainAt(rule('close > sma(3)'), a, 6)).toBe('close > sma(3) (close = 10.00, sma(3) = 9.67)');
    expect(explainAt(rule('close crosses above sma(3)'), a, 6)).toBe('close crosses above sma(3) (close = 10.00, was 9.00; sma(3) = 9.67, was 10.00)');
    expect(explainAt(rule('not close > sma(3)'), b, 3)).toBe('not close > sma(3) (close = 9.00, sma(3) = 10.00)');
  });

  it('lists every leaf of an and, the true leaves of an or', () => {
    const b = ctxOf(B);
    expect(explainAt(rule('close > sma(3) and rsi(2) < 70'), b, 4)).toBe('close > sma(3) (close = 10.00, sma(3) = 9.67) and rsi(2) < 70 (rsi(2) = 62.50)');
    expect(explainAt(rule('rsi(2) < 30 or close > sma(3)'), b, 3)).toBe('rsi(2) < 30 (rsi(2) = 25.00)');
    expect(explainAt(rule('rsi(2) < 30 or close > sma(3)'), b, 4)).toBe('close > sma(3) (close = 10.00, sma(3) = 9.67)');
    expect(explainAt(rule('rsi(2) > 80 or (close > sma(3) and rsi(2) < 99)'), b, 5)).toBe(
      'rsi(2) > 80 (rsi(2) = 87.50) or (close > sma(3) (close = 12.00, sma(3) = 10.33) and rsi(2) < 99 (rsi(2) = 87.50))',
    );
  });

  it('refuses a bar outside the series', () => {
    expect(() => explainAt(rule('close > 1'), ctxOf(B), 6)).toThrow(RangeError);
  });
});
