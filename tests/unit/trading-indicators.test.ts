/**
 * The indicators on small series worked by hand (the arithmetic is in the
 * comments), their warm-up positions, the streaming classes against the
 * batch functions (Object.is on every index) and the RangeErrors.
 * Published reference data is in trading-indicators-conformance.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  atr,
  AtrStream,
  bbands,
  BbandsStream,
  computeIndicator,
  ema,
  EmaStream,
  INDICATOR_DEFAULTS,
  macd,
  MacdStream,
  roc,
  RocStream,
  rsi,
  RsiStream,
  sma,
  SmaStream,
  warmup,
} from '@/utils/trading/indicators';
import { INDICATOR_NAMES } from '@/utils/trading/types';

/** [index, expected] for every index that has a value; the others must be NaN. */
function expectSeries(actual: Float64Array, length: number, values: Record<number, number>, digits = 12) {
  expect(actual.length).toBe(length);
  for (let i = 0; i < length; i++) {
    if (i in values) expect(actual[i], `index ${i}`).toBeCloseTo(values[i]!, digits);
    else expect(actual[i], `index ${i}`).toBeNaN();
  }
}

/** A deterministic random walk with high/low around each close. */
function randomBars(n: number, seed: number) {
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const high = new Float64Array(n);
  const low = new Float64Array(n);
  const close = new Float64Array(n);
  let price = 100;
  for (let i = 0; i < n; i++) {
    price *= 1 + (next() - 0.5) * 0.06;
    close[i] = price;
    high[i] = price * (1 + next() * 0.02);
    low[i] = price * (1 - next() * 0.02);
  }
  return { high, low, close };
}

describe('sma', () => {
  it('SMA(3) of 1..6', () => {
    // (1+2+3)/3 = 2, (2+3+4)/3 = 3, (3+4+5)/3 = 4, (4+5+6)/3 = 5
    expectSeries(sma([1, 2, 3, 4, 5, 6], 3), 6, { 2: 2, 3: 3, 4: 4, 5: 5 });
  });
  it('period 1 is the series itself; a series shorter than the period is all NaN', () => {
    expectSeries(sma([4, 7], 1), 2, { 0: 4, 1: 7 });
    expectSeries(sma([1, 2, 3, 4], 5), 4, {});
  });
});

describe('ema', () => {
  it("EMA(3), seed 'sma': alpha = 2/4 = 0.5, first value the average of the first 3", () => {
    // index 2: (2+4+6)/3 = 4; index 3: (8−4)·0.5 + 4 = 6; index 4: (4−6)·0.5 + 6 = 5
    expectSeries(ema([2, 4, 6, 8, 4], 3), 5, { 2: 4, 3: 6, 4: 5 });
  });
  it("EMA(3), seed 'first' (Tulip): starts at values[0]", () => {
    // 2; (4−2)·0.5+2 = 3; (6−3)·0.5+3 = 4.5; (8−4.5)·0.5+4.5 = 6.25; (4−6.25)·0.5+6.25 = 5.125
    expectSeries(ema([2, 4, 6, 8, 4], 3, 'first'), 5, { 0: 2, 1: 3, 2: 4.5, 3: 6.25, 4: 5.125 });
  });
});

describe('rsi', () => {
  it('RSI(3) on 8 closes, Wilder', () => {
    // closes 10, 11, 10.5, 11.5, 12, 11, 11.5, 12.5 → changes +1, −0.5, +1, +0.5, −1, +0.5, +1
    // index 3: gains 1+0+1 → avgGain 2/3; losses 0.5 → avgLoss 1/6; RS 4 → 100 − 100/5 = 80
    // index 4 (+0.5): avgGain (2/3·2 + 0.5)/3 = 11/18; avgLoss (1/6·2)/3 = 1/9; RS 5.5 → 100 − 100/6.5 = 84.615384…
    // index 5 (−1):   avgGain (11/18·2)/3 = 11/27; avgLoss (1/9·2 + 1)/3 = 11/27; RS 1 → 50
    // index 6 (+0.5): avgGain (22/27 + 0.5)/3 = 71/162; avgLoss (22/27)/3 = 44/162 → 100·71/115 = 61.739130…
    // index 7 (+1):   avgGain (142/162 + 1)/3 = 152/243; avgLoss (88/162)/3 = 44/243 → 100·152/196 = 77.551020…
    const out = rsi([10, 11, 10.5, 11.5, 12, 11, 11.5, 12.5], 3);
    expectSeries(out, 8, { 3: 80, 4: 100 - 100 / 6.5, 5: 50, 6: 7100 / 115, 7: 15200 / 196 }, 10);
  });
  it('no losses → 100, no gains → 0, a flat window → 50', () => {
    expectSeries(rsi([1, 2, 3, 4], 2), 4, { 2: 100, 3: 100 });
    expectSeries(rsi([4, 3, 2, 1], 2), 4, { 2: 0, 3: 0 });
    expectSeries(rsi([5, 5, 5, 5], 2), 4, { 2: 50, 3: 50 });
  });
  it('needs period + 1 closes: 14 closes give no RSI(14)', () => {
    expectSeries(rsi(new Float64Array(14).fill(1), 14), 14, {});
  });
});

describe('bbands', () => {
  it('BB(3, 2) with the population standard deviation (÷ N)', () => {
    // [1,1,4]: mean 2, squares 1+1+4 = 6, σ = √(6/3) = √2 → 2 ∓ 2√2; [1,4,1] the same
    // [4,1,7]: mean 4, squares 0+9+9 = 18, σ = √6 → 4 ∓ 2√6 (the sample σ √9 = 3 would give 4 ∓ 6)
    // [1,7,7]: mean 5, squares 16+4+4 = 24, σ = √8 → 5 ∓ 2√8
    const { lower, middle, upper } = bbands([1, 1, 4, 1, 7, 7], 3, 2);
    const r2 = Math.SQRT2;
    expectSeries(middle, 6, { 2: 2, 3: 2, 4: 4, 5: 5 });
    expectSeries(upper, 6, { 2: 2 + 2 * r2, 3: 2 + 2 * r2, 4: 4 + 2 * Math.sqrt(6), 5: 5 + 2 * Math.sqrt(8) });
    expectSeries(lower, 6, { 2: 2 - 2 * r2, 3: 2 - 2 * r2, 4: 4 - 2 * Math.sqrt(6), 5: 5 - 2 * Math.sqrt(8) });
  });
  it('the middle band is exactly the sma', () => {
    const { close } = randomBars(200, 7);
    const middle = bbands(close, 20, 2).middle;
    const plain = sma(close, 20);
    expect(middle.every((x, i) => Object.is(x, plain[i]))).toBe(true);
  });
});

describe('atr', () => {
  it('ATR(3) with a gap up and a gap down', () => {
    // bar 0: H 10    L 9     C 9.5    TR = H−L = 1
    // bar 1: H 10.5  L 9.5   C 10     TR = max(1, |10.5−9.5| = 1, |9.5−9.5| = 0) = 1
    // bar 2: H 10.5  L 9.75  C 10.25  TR = max(0.75, |10.5−10| = 0.5, |9.75−10| = 0.25) = 0.75
    //   ATR[2] = (1 + 1 + 0.75)/3 = 11/12
    // bar 3: H 13    L 12.5  C 12.75  gap up: TR = max(0.5, |13−10.25| = 2.75, |12.5−10.25| = 2.25) = 2.75
    //   ATR[3] = (11/12·2 + 2.75)/3 = 55/36
    // bar 4: H 12    L 11    C 11.5   gap down: TR = max(1, |12−12.75| = 0.75, |11−12.75| = 1.75) = 1.75
    //   ATR[4] = (55/36·2 + 1.75)/3 = 173/108
    const out = atr([10, 10.5, 10.5, 13, 12], [9, 9.5, 9.75, 12.5, 11], [9.5, 10, 10.25, 12.75, 11.5], 3);
    expectSeries(out, 5, { 2: 11 / 12, 3: 55 / 36, 4: 173 / 108 });
  });
  it('rejects high, low and close of different lengths', () => {
    expect(() => atr([1, 2], [1], [1, 2], 1)).toThrow(RangeError);
  });
});

describe('roc', () => {
  it('ROC(2) in percent', () => {
    // 100·(15/10 − 1) = 50; 100·(30/20 − 1) = 50; 100·(12/15 − 1) = −20
    expectSeries(roc([10, 20, 15, 30, 12], 2), 5, { 2: 50, 3: 50, 4: -20 });
  });
});

describe('macd', () => {
  const closes = [2, 4, 6, 10, 8, 12];
  it("MACD(2, 3, 2), seed 'sma': signal from slow + signal − 2 = 3", () => {
    // fast α 2/3: [1] (2+4)/2 = 3; [2] (6−3)·2/3+3 = 5; [3] (10−5)·2/3+5 = 25/3; [4] 25/3 − 2/9 = 73/9; [5] 73/9 + 70/27 = 289/27
    // slow α 1/2: [2] (2+4+6)/3 = 4; [3] 7; [4] 7.5; [5] 9.75
    // macd: [2] 1; [3] 4/3; [4] 73/9 − 15/2 = 11/18; [5] 289/27 − 39/4 = 103/108
    // signal α 2/3: [3] (1 + 4/3)/2 = 7/6; [4] (11/18 − 7/6)·2/3 + 7/6 = 43/54; [5] (103/108 − 43/54)·2/3 + 43/54 = 73/81
    // histogram: [3] 4/3 − 7/6 = 1/6; [4] 11/18 − 43/54 = −5/27; [5] 103/108 − 73/81 = 17/324
    const out = macd(closes, 2, 3, 2);
    expectSeries(out.macd, 6, { 2: 1, 3: 4 / 3, 4: 11 / 18, 5: 103 / 108 });
    expectSeries(out.signal, 6, { 3: 7 / 6, 4: 43 / 54, 5: 73 / 81 });
    expectSeries(out.histogram, 6, { 3: 1 / 6, 4: -5 / 27, 5: 17 / 324 });
  });
  it("MACD(2, 3, 2), seed 'first' (Tulip): everything from slow − 1 = 2, signal = macd there", () => {
    // fast: 2; (4−2)·2/3+2 = 10/3; (6−10/3)·2/3+10/3 = 46/9; (10−46/9)·2/3+46/9 = 226/27
    // slow: 2; 3; 4.5; 7.25
    // macd: [2] 46/9 − 9/2 = 11/18; [3] 226/27 − 29/4 = 121/108
    // signal: [2] 11/18; [3] (121/108 − 66/108)·2/3 + 66/108 = 77/81; histogram [2] 0, [3] 121/108 − 77/81 = 55/324
    const out = macd(closes.slice(0, 4), 2, 3, 2, 'first');
    expectSeries(out.macd, 4, { 2: 11 / 18, 3: 121 / 108 });
    expectSeries(out.signal, 4, { 2: 11 / 18, 3: 77 / 81 });
    expectSeries(out.histogram, 4, { 2: 0, 3: 55 / 324 });
  });
  it('12/26/9 on 40 bars: macd from 25, signal and histogram from 33', () => {
    const out = macd(randomBars(40, 3).close);
    expect([out.macd.findIndex((x) => !Number.isNaN(x)), out.signal.findIndex((x) => !Number.isNaN(x))]).toEqual([25, 33]);
  });
});

describe('warmup and computeIndicator', () => {
  it('warm-up index of each default output', () => {
    expect(warmup('sma', [50])).toBe(49);
    expect(warmup('ema', [20])).toBe(19);
    expect(warmup('rsi', [14])).toBe(14);
    expect(warmup('macd', [12, 26, 9])).toBe(25); // the macd line; the signal starts at 33
    expect(warmup('macd', [])).toBe(25);
    expect(warmup('bbands', [20, 2])).toBe(19);
    expect(warmup('atr', [14])).toBe(13);
    expect(warmup('roc', [12])).toBe(12);
  });

  it('the first value of every output of every indicator sits at warmup()', () => {
    const series = randomBars(120, 11);
    for (const name of INDICATOR_NAMES) {
      const params = INDICATOR_DEFAULTS[name];
      const first = warmup(name, params);
      const outputs = computeIndicator(name, params, series);
      const field = name === 'macd' ? 'macd' : name === 'bbands' ? 'middle' : 'value';
      const out = outputs[field]!;
      expect(Number.isNaN(out[first - 1]!) && !Number.isNaN(out[first]!), `${name} at ${first}`).toBe(true);
    }
  });

  it('fields by name, positional params with the defaults for missing ones', () => {
    const series = randomBars(80, 5);
    expect(Object.keys(computeIndicator('sma', [50], series))).toEqual(['value']);
    expect(Object.keys(computeIndicator('macd', [], series))).toEqual(['macd', 'signal', 'histogram']);
    expect(Object.keys(computeIndicator('bbands', [20, 2], series))).toEqual(['lower', 'middle', 'upper']);
    expect(computeIndicator('macd', [5], series).signal).toEqual(macd(series.close, 5, 26, 9).signal);
    expect(computeIndicator('bbands', [10], series).upper).toEqual(bbands(series.close, 10, 2).upper);
    expect(computeIndicator('atr', [], series).value).toEqual(atr(series.high, series.low, series.close, 14));
    expect(computeIndicator('ema', [7], series).value).toEqual(ema(series.close, 7, 'sma'));
  });

  it('RangeErrors that say what is wrong', () => {
    const series = randomBars(10, 1);
    expect(() => sma([1, 2], 0)).toThrow(new RangeError('sma period must be a whole number of bars, 1 or more (got 0)'));
    expect(() => rsi([1, 2], 2.5)).toThrow(/rsi period must be a whole number of bars, 1 or more \(got 2\.5\)/);
    expect(() => ema([1, 2], Number.NaN)).toThrow(RangeError);
    expect(() => macd([1, 2], 26, 12, 9)).toThrow(/fast period must be less than the slow period \(got fast 26, slow 12\)/);
    expect(() => computeIndicator('sma', [20, 5], series)).toThrow(/sma takes at most 1 number \(period\), got 2/);
    expect(() => computeIndicator('macd', [12, 26, 9, 3], series)).toThrow(/macd takes at most 3 numbers/);
    expect(() => computeIndicator('roc', [-3], series)).toThrow(/roc period .* \(got -3\)/);
    expect(() => computeIndicator('bbands', [20, 0], series)).toThrow(/bbands width .* above 0 \(got 0\)/);
    expect(() => warmup('macd', [30])).toThrow(/got fast 30, slow 26/);
    expect(() => new RsiStream(0)).toThrow(RangeError);
  });
});

describe('streams give exactly the batch numbers', () => {
  const { high, low, close } = randomBars(400, 42);
  const same = (a: ArrayLike<number>, b: ArrayLike<number>) => {
    for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return `index ${i}: ${a[i]} vs ${b[i]}`;
    return 'identical';
  };
  const run = (push: (i: number) => number) => Float64Array.from({ length: close.length }, (_, i) => push(i));

  for (const period of [1, 2, 3, 14, 20, 50]) {
    it(`period ${period}: sma, ema (both seeds), rsi, atr, roc, bbands`, () => {
      const s = new SmaStream(period);
      expect(same(run((i) => s.push(close[i]!)), sma(close, period))).toBe('identical');
      for (const seed of ['sma', 'first'] as const) {
        const e = new EmaStream(period, seed);
        expect(same(run((i) => e.push(close[i]!)), ema(close, period, seed))).toBe('identical');
      }
      const r = new RsiStream(period);
      expect(same(run((i) => r.push(close[i]!)), rsi(close, period))).toBe('identical');
      const a = new AtrStream(period);
      expect(same(run((i) => a.push(high[i]!, low[i]!, close[i]!)), atr(high, low, close, period))).toBe('identical');
      const c = new RocStream(period);
      expect(same(run((i) => c.push(close[i]!)), roc(close, period))).toBe('identical');
      for (const k of [2, 1.5]) {
        const b = new BbandsStream(period, k);
        const points = Array.from(close, (x) => b.push(x));
        const batch = bbands(close, period, k);
        for (const f of ['lower', 'middle', 'upper'] as const) expect(same(points.map((p) => p[f]), batch[f])).toBe('identical');
      }
    });
  }

  for (const [fast, slow, signal] of [[1, 2, 1], [2, 3, 2], [12, 26, 9], [5, 35, 5]] as const) {
    for (const seed of ['sma', 'first'] as const) {
      it(`macd ${fast}/${slow}/${signal} seed ${seed}`, () => {
        const m = new MacdStream(fast, slow, signal, seed);
        const points = Array.from(close, (x) => m.push(x));
        const batch = macd(close, fast, slow, signal, seed);
        for (const f of ['macd', 'signal', 'histogram'] as const) expect(same(points.map((p) => p[f]), batch[f])).toBe('identical');
      });
    }
  }
});
