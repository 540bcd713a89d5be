/**
 * The learned momentum signal (utils/trading/model.ts): a logistic fit checked
 * against closed forms and plain gradient descent, the walk-forward schedule
 * recomputed independently, the no-look-ahead property bit for bit, and the
 * out-of-sample verdict on a learnable series and on a random walk.
 * Random data come from mulberry32 (seeded, written here) + Box–Muller.
 */
import { describe, expect, it } from 'vitest';
import { macd, rsi } from '@/utils/trading/indicators';
import { DEFAULT_MODEL_OPTIONS, featureNames, trainMomentumModel } from '@/utils/trading/model';
import { fitLogistic } from '@/utils/trading/model-fit';
import type { ModelReport, PriceSeries } from '@/utils/trading/types';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normalSource(seed: number): () => number {
  const uniform = mulberry32(seed);
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

function seriesFromCloses(close: Float64Array): PriceSeries {
  const n = close.length;
  const dates = new Int32Array(n);
  for (let i = 0; i < n; i++) dates[i] = 19000 + i;
  return { symbol: 'TEST', dates, open: close, high: close, low: close, close, volume: new Float64Array(n), adjusted: false, closeOnly: true };
}

/** Closes from 100 following returns r[t] = phi·r[t−1] + 0.01·z (phi = 0: a random walk). */
function arCloses(n: number, phi: number, seed: number): Float64Array {
  const normal = normalSource(seed);
  const close = new Float64Array(n);
  close[0] = 100;
  let r = 0;
  for (let t = 1; t < n; t++) {
    r = phi * r + 0.01 * normal();
    close[t] = close[t - 1]! * (1 + r);
  }
  return close;
}

/** First bar whose features all exist, found from the indicators directly (not from model.ts). */
function firstUsableBar(close: Float64Array, lags: number): number {
  const strength = rsi(close, 14);
  const m = macd(close, 12, 26, 9);
  for (let t = lags; t < close.length; t++) {
    if (Number.isFinite(strength[t]!) && Number.isFinite(m.macd[t]!) && Number.isFinite(m.histogram[t]!)) return t;
  }
  return -1;
}

/** The verdict's figures must be the report's figures. */
function expectVerdictMatches(report: ModelReport): void {
  const match = /^Out of sample the model was right (\d+\.\d)% of ([\d,]+) days; always guessing '(up|down)' was right (\d+\.\d)%\./.exec(report.verdict);
  expect(match).not.toBeNull();
  const [, accuracy, count, side, common] = match!;
  expect(accuracy).toBe((report.accuracy! * 100).toFixed(1));
  expect(Number(count!.replace(/,/g, ''))).toBe(report.predictions);
  expect(side).toBe(report.baseRate! >= 0.5 ? 'up' : 'down');
  expect(common).toBe((Math.max(report.baseRate!, 1 - report.baseRate!) * 100).toFixed(1));
  const errors = /two standard errors \((\d+\.\d) points\)/.exec(report.verdict);
  expect(errors?.[1]).toBe((twoStandardErrors(report) * 100).toFixed(1));
}

function twoStandardErrors(report: ModelReport): number {
  const p = Math.max(report.baseRate!, 1 - report.baseRate!);
  return 2 * Math.sqrt((p * (1 - p)) / report.predictions);
}

describe('fitLogistic', () => {
  it('matches the closed form for one ±1 feature without penalty', () => {
    // x = +1: 10 rows, 8 up → P = 0.8; x = −1: 10 rows, 3 up → P = 0.3.
    // The MLE reproduces both shares: w0 + w1 = logit(0.8) = ln 4 = 1.3862944,
    // w0 − w1 = logit(0.3) = ln(3/7) = −0.8472979 → w1 = 1.1167961, w0 = 0.2694982.
    const X = new Float64Array(20);
    const y = new Uint8Array(20);
    for (let i = 0; i < 20; i++) {
      X[i] = i < 10 ? 1 : -1;
      y[i] = i < 10 ? (i < 8 ? 1 : 0) : i < 13 ? 1 : 0;
    }
    const w = fitLogistic(X, y, 20, 1, 0);
    expect(w[1]).toBeCloseTo((Math.log(4) - Math.log(3 / 7)) / 2, 10);
    expect(w[0]).toBeCloseTo((Math.log(4) + Math.log(3 / 7)) / 2, 10);
    expect(w[1]).toBeCloseTo(1.1167961, 6);
  });

  it('agrees with 20,000 steps of gradient descent on the penalized loss and solves the score equations', () => {
    const normal = normalSource(7);
    const rows = 200;
    const X = new Float64Array(rows);
    const y = new Uint8Array(rows);
    for (let i = 0; i < rows; i++) {
      X[i] = normal();
      y[i] = normal() < 0.8 * X[i]! + 0.3 ? 1 : 0;
    }
    const l2 = 0.05;
    const w = fitLogistic(X, y, rows, 1, l2);
    // Gradient descent on mean log-loss + (l2/2)·w1², learning rate 1 (the Hessian's eigenvalues are below ~0.5).
    let b0 = 0;
    let b1 = 0;
    for (let step = 0; step < 20000; step++) {
      let g0 = 0;
      let g1 = 0;
      for (let i = 0; i < rows; i++) {
        const p = 1 / (1 + Math.exp(-(b0 + b1 * X[i]!)));
        g0 += p - y[i]!;
        g1 += (p - y[i]!) * X[i]!;
      }
      b0 -= g0 / rows;
      b1 -= g1 / rows + l2 * b1;
    }
    expect(Math.abs(w[0]! - b0)).toBeLessThan(1e-6);
    expect(Math.abs(w[1]! - b1)).toBeLessThan(1e-6);
    expect(w[1]).toBeGreaterThan(0.3); // the data do depend on x
    // Score equations at the IRLS solution: mean(p − y) = 0, mean((p − y)·x) + l2·w1 = 0.
    let s0 = 0;
    let s1 = 0;
    for (let i = 0; i < rows; i++) {
      const p = 1 / (1 + Math.exp(-(w[0]! + w[1]! * X[i]!)));
      s0 += (p - y[i]!) / rows;
      s1 += ((p - y[i]!) * X[i]!) / rows;
    }
    expect(Math.abs(s0)).toBeLessThan(1e-12);
    expect(Math.abs(s1 + l2 * w[1]!)).toBeLessThan(1e-12);
  });

  it('leaves a zero-variance column at weight 0 without penalty (singular system)', () => {
    // rows × 2, second column all 0. x = +1: ups 1, 1, 0 → 2/3; x = −1: ups 0, 1, 0 → 1/3.
    // w0 + w1 = logit(2/3) = ln 2, w0 − w1 = logit(1/3) = −ln 2 → w0 = 0, w1 = ln 2 = 0.6931472; the zero column gets 0.
    const X = new Float64Array([1, 0, -1, 0, 1, 0, -1, 0, 1, 0, -1, 0]);
    const y = new Uint8Array([1, 0, 1, 1, 0, 0]);
    const w = fitLogistic(X, y, 6, 2, 0);
    expect(Math.abs(w[0]!)).toBeLessThan(1e-12);
    expect(w[1]).toBeCloseTo(Math.log(2), 10);
    expect(w[2]).toBe(0);
  });
});

describe('trainMomentumModel', () => {
  it('documents its defaults and names its features', () => {
    expect(DEFAULT_MODEL_OPTIONS).toEqual({ lags: 5, minTrain: 250, step: 21, l2: 1e-3 });
    expect(featureNames(3)).toEqual(['return t', 'return t−1', 'return t−2', 'rsi(14)', 'macd histogram / close', 'macd / close']);
    expect(() => trainMomentumModel(seriesFromCloses(arCloses(50, 0, 1)), { lags: 0 })).toThrow(RangeError);
  });

  it('finds real momentum in an AR(1) series out of sample and says there is an edge', () => {
    // Returns with lag-1 correlation 0.5: P(sign r[t+1] = sign r[t]) = 1/2 + arcsin(0.5)/π = 1/2 + 1/6 ≈ 0.667.
    const close = arCloses(3000, 0.5, 42);
    const report = trainMomentumModel(seriesFromCloses(close));
    const f = firstUsableBar(close, 5);
    // Scored bars: f + 250 … n − 2.
    expect(report.predictions).toBe(3000 - 1 - (f + 250));
    expect(report.accuracy!).toBeGreaterThan(0.6);
    expect(report.accuracy!).toBeLessThan(0.72);
    expect(report.edge!).toBeGreaterThan(0.08);
    expect(report.edge!).toBeGreaterThan(twoStandardErrors(report));
    expect(report.verdict).toContain('Edge: +');
    // 2,716 bars, base rate 0.496 → 2·√(0.504·0.496 / 2716) = 2 × 0.00959 = 1.9 points.
    expect(report.verdict).toContain('more than two standard errors (1.9 points)');
    expect(report.verdict).not.toContain('No edge');
    expectVerdictMatches(report);
    // Intercept + 8 weights; today's return carries the signal, positively.
    expect(report.weights).toHaveLength(9);
    const returnWeights = report.weights.slice(1, 6).map(Math.abs);
    expect(report.weights[1]!).toBeGreaterThan(0);
    expect(Math.max(...returnWeights)).toBe(returnWeights[0]);
  });

  it('finds no edge in a random walk', () => {
    for (const seed of [3, 11]) {
      const report = trainMomentumModel(seriesFromCloses(arCloses(3000, 0, seed)));
      expect(report.predictions).toBeGreaterThan(2700);
      expect(report.edge!).toBeLessThanOrEqual(twoStandardErrors(report));
      expect(Math.abs(report.accuracy! - Math.max(report.baseRate!, 1 - report.baseRate!))).toBeLessThan(0.04);
      expect(report.baseRate!).toBeGreaterThan(0.45);
      expect(report.baseRate!).toBeLessThan(0.55);
      expect(report.verdict).toContain('No edge');
      expectVerdictMatches(report);
    }
  });

  it('never looks ahead: later closes do not change earlier probabilities, bit for bit', () => {
    const options = { minTrain: 100, step: 7 };
    const close = arCloses(700, 0.3, 5);
    const full = trainMomentumModel(seriesFromCloses(close), options);
    // Replace closes 600 … 699 with another path starting from close[599].
    const changed = close.slice();
    const normal = normalSource(99);
    for (let t = 600; t < 700; t++) changed[t] = changed[t - 1]! * (1 + 0.02 * normal());
    const other = trainMomentumModel(seriesFromCloses(changed), options);
    // probability[599] uses models fit on samples s <= 598, whose labels need closes up to 599 only.
    for (let t = 0; t < 600; t++) expect(Object.is(other.probability[t], full.probability[t])).toBe(true);
    let differing = 0;
    for (let t = 600; t < 700; t++) if (!Object.is(other.probability[t], full.probability[t])) differing++;
    expect(differing).toBeGreaterThan(90); // the guard can fail: later bars do change
    // Truncating the series after bar t gives the same probability[0..t], at refit bars and between them.
    const f = firstUsableBar(close, 5);
    for (const t of [f + 100, f + 106, f + 107, f + 108, 400, 599]) {
      const cut = trainMomentumModel(seriesFromCloses(close.slice(0, t + 1)), options);
      for (let s = 0; s <= t; s++) expect(Object.is(cut.probability[s], full.probability[s])).toBe(true);
    }
  });

  it('starts predicting at bar f + minTrain and refits every step bars (recomputed independently)', () => {
    const lags = 2;
    const options = { lags, minTrain: 20, step: 5, l2: 0.1 };
    const close = arCloses(120, 0.2, 8);
    const report = trainMomentumModel(seriesFromCloses(close), options);
    // f = 33: MACD(12,26,9) line from bar 25 (EMA26 seeded on bars 0..25), its signal EMA9 from 25 + 8 = 33; RSI(14) from 14; lags from 2.
    const f = firstUsableBar(close, lags);
    expect(f).toBe(33);
    // First model at bar t = f + 20 = 53, trained on samples 33..52 (labels use closes up to 53).
    for (let t = 0; t < 53; t++) expect(Number.isNaN(report.probability[t]!)).toBe(true);
    for (let t = 53; t < 120; t++) expect(Number.isFinite(report.probability[t]!)).toBe(true);
    expect(report.predictions).toBe(120 - 1 - 53);

    // Independent features: r[t], r[t−1], rsi/100 − 0.5, hist/close, macd/close.
    const strength = rsi(close, 14);
    const m = macd(close, 12, 26, 9);
    const row = (t: number) => [
      close[t]! / close[t - 1]! - 1,
      close[t - 1]! / close[t - 2]! - 1,
      strength[t]! / 100 - 0.5,
      m.histogram[t]! / close[t]!,
      m.macd[t]! / close[t]!,
    ];
    /** Fit on samples first..last with their own mean and population sd; returns a predictor. */
    const model = (first: number, last: number) => {
      const rows = last - first + 1;
      const raw = Array.from({ length: rows }, (_, i) => row(first + i));
      const mean = [0, 1, 2, 3, 4].map((j) => raw.reduce((sum, r) => sum + r[j]!, 0) / rows);
      const sd = [0, 1, 2, 3, 4].map((j) => Math.sqrt(raw.reduce((sum, r) => sum + (r[j]! - mean[j]!) ** 2, 0) / rows));
      const X = new Float64Array(rows * 5);
      const y = new Uint8Array(rows);
      raw.forEach((r, i) => {
        r.forEach((v, j) => (X[i * 5 + j] = (v - mean[j]!) / sd[j]!));
        y[i] = close[first + i + 1]! > close[first + i]! ? 1 : 0;
      });
      const w = fitLogistic(X, y, rows, 5, 0.1);
      return (t: number) => 1 / (1 + Math.exp(-row(t).reduce((z, v, j) => z + w[j + 1]! * ((v - mean[j]!) / sd[j]!), w[0]!)));
    };
    const first = model(33, 52);
    for (let t = 53; t <= 57; t++) expect(Math.abs(report.probability[t]! - first(t))).toBeLessThan(1e-9);
    // Bar 58 = 53 + 5: refit on samples 33..57.
    const second = model(33, 57);
    expect(Math.abs(report.probability[58]! - second(58))).toBeLessThan(1e-9);
    expect(Math.abs(report.probability[58]! - first(58))).toBeGreaterThan(1e-6);
    expect(Math.abs(report.probability[62]! - second(62))).toBeLessThan(1e-9);
    expect(Math.abs(report.probability[63]! - model(33, 62)(63))).toBeLessThan(1e-9);
  });

  it('says how many bars it needs when the series is too short', () => {
    const short = trainMomentumModel(seriesFromCloses(arCloses(200, 0, 4)));
    expect(Array.from(short.probability).every(Number.isNaN)).toBe(true);
    expect(short).toMatchObject({ predictions: 0, accuracy: null, baseRate: null, edge: null, weights: [] });
    // 33 warm-up bars + 250 training days + the predicted day + the day that checks it = 285.
    expect(short.verdict).toContain('at least 285 bars; this series has 200');
    // Small options: the first probability is at 33 + 20 = 53, so 54 bars give one but nothing to score; 55 bars score one.
    const options = { minTrain: 20, step: 5 };
    const closes = arCloses(55, 0.2, 8);
    const oneUnscored = trainMomentumModel(seriesFromCloses(closes.slice(0, 54)), options);
    expect(Number.isFinite(oneUnscored.probability[53]!)).toBe(true);
    expect(oneUnscored.predictions).toBe(0);
    expect(oneUnscored.accuracy).toBeNull();
    expect(oneUnscored.verdict).toContain('at least 55 bars; this series has 54');
    const oneScored = trainMomentumModel(seriesFromCloses(closes), options);
    expect(oneScored.predictions).toBe(1);
    expect([0, 1]).toContain(oneScored.accuracy);
  });

  it('scores every bar after the first model on a long series', () => {
    const series = seriesFromCloses(arCloses(10000, 0.1, 21));
    const report = trainMomentumModel(series);
    // 10,000 − 1 − (33 + 250) scored bars; about 460 fits (one every 21 bars).
    expect(report.predictions).toBe(10000 - 1 - 283);
  });
});
