/**
 * Walk-forward check (utils/trading/walkforward.ts) on synthetic closes that
 * move exactly ±1% a day, so every segment's Sharpe can be worked by hand.
 *
 * The rule is momentum: buy when roc(1) > 0 (today closed up), sell when
 * roc(1) < 0. Opens equal the previous close, shares are fractional and
 * trading is free, so a held day returns exactly the day's ±1%.
 * - Regime A, runs of 4 up days then 4 down: the rule buys after the first
 *   up day, keeps 3 more ups, takes 1 down, sells: it is right.
 * - Regime B, up/down alternating: it buys after each up day and takes the
 *   next down day every time: it is wrong.
 */
import { describe, expect, it } from 'vitest';
import { formatDay, parseDay } from '@/utils/portfolio/dates';
import type { Operand, PriceSeries, Strategy } from '@/utils/trading/types';
import { walkForward } from '@/utils/trading/walkforward';

const roc1: Operand = { kind: 'indicator', name: 'roc', params: [1], field: null };
const zero: Operand = { kind: 'number', value: 0 };
const MOMENTUM: Strategy = {
  kind: 'rules',
  text: 'buy when roc(1) > 0; sell when roc(1) < 0',
  buy: { kind: 'compare', op: '>', left: roc1, right: zero },
  sell: { kind: 'compare', op: '<', left: roc1, right: zero },
  costs: { sizeBasisPoints: 10000, feePerTrade: 0, feeBasisPoints: 0, slippageBasisPoints: 0, capital: 10000, fractional: true },
};

/** `bars` closes from 100; `upOn(t)` says whether bar t (t ≥ 1) closes 1% up or 1% down. Open = previous close. */
function walk(bars: number, upOn: (t: number) => boolean): PriceSeries {
  const close = new Float64Array(bars);
  const open = new Float64Array(bars);
  close[0] = 100;
  open[0] = 100;
  for (let t = 1; t < bars; t++) {
    open[t] = close[t - 1]!;
    close[t] = close[t - 1]! * (upOn(t) ? 1.01 : 0.99);
  }
  const first = parseDay('2024-01-01')!;
  return {
    symbol: 'SYN',
    dates: Int32Array.from({ length: bars }, (_, i) => first + i),
    open,
    high: Float64Array.from(close, (c, i) => Math.max(c, open[i]!)),
    low: Float64Array.from(close, (c, i) => Math.min(c, open[i]!)),
    close,
    volume: new Float64Array(bars),
    adjusted: false,
    closeOnly: false,
  };
}
const regimeA = (t: number) => (t - 1) % 8 < 4; // t = 1..4 up, 5..8 down, …
const regimeB = (t: number) => (t - 1) % 2 === 0; // t = 1 up, 2 down, …

// roc(1) exists from bar 1, so 201 bars leave bars 1..200 = 200 bars: 5 blocks of 40,
// block b = bars 1 + 40b … 40 + 40b. Fold i: in-sample bars 1 … 40(i+1), out-of-sample the next 40.
//
// A 40-bar regime-B block starting on an up day (bars 161..200): the account buys at the open of 162,
// 162 is down (−1%), sells at the open of 163; 163 is up but it is flat (0), buys again… Returns on
// 162..200: twenty −1% (even bars), nineteen 0.
//   mean = −0.20/39 = −0.0051282; Σ(r − mean)² = 0.002 − 0.04/39 = 0.00097436; sd = √(0.00097436/38) = 0.0050637
//   Sharpe = −0.0051282/0.0050637 × √252 = −1.012739 × 15.874508 = −16.0767
// Buy-and-hold on the same bars: twenty −1%, nineteen +1%:
//   mean = −0.01/39 = −0.00025641; Σ(r − mean)² = 0.0039 − 0.0001/39 = 0.0038974; sd = √(0.0038974/38) = 0.010127
//   Sharpe = −0.025319 × 15.874508 = −0.4019       edge = −16.0767 + 0.4019 = −15.6748
// A 40-bar regime-A block starting on the first up day of a run (bars 1..40, 41..80, 81..120): returns on
// 2..40 repeat [+1, +1, +1, −1, 0, 0, 0, 0]% from bar 2: fifteen +1%, five −1%, nineteen 0.
//   mean = 0.10/39 = 0.0025641; Σ(r − mean)² = 0.002 − 0.01/39 = 0.0017436; sd = √(0.0017436/38) = 0.0067738
//   Sharpe = 0.378532 × 15.874508 = 6.0090; buy-and-hold: nineteen +1%, twenty −1%: −0.4019 as above
//   edge = 6.0090 + 0.4019 = 6.4110
describe('walkForward', () => {
  it('a rule right in blocks 0–2 and wrong in 3–4 is overfit', () => {
    const series = walk(201, (t) => (t <= 120 ? regimeA(t) : regimeB(t - 120)));
    const report = walkForward(MOMENTUM, [series]);
    expect(report.folds).toHaveLength(4);
    // Fold dates: bar k is 2024-01-01 + k days (2024 is a leap year).
    expect(report.folds.map((f) => [formatDay(f.inSample.from), formatDay(f.inSample.to), formatDay(f.outOfSample.from), formatDay(f.outOfSample.to)])).toEqual([
      ['2024-01-02', '2024-02-10', '2024-02-11', '2024-03-21'], // in 1..40, out 41..80
      ['2024-01-02', '2024-03-21', '2024-03-22', '2024-04-30'], // in 1..80, out 81..120
      ['2024-01-02', '2024-04-30', '2024-05-01', '2024-06-09'], // in 1..120, out 121..160
      ['2024-01-02', '2024-06-09', '2024-06-10', '2024-07-19'], // in 1..160, out 161..200
    ]);
    const out = report.folds.map((f) => f.outOfSample.edge);
    // blocks 1 and 2 are regime A (+6.4110), blocks 3 and 4 regime B (−15.6748)
    expect(out[0]).toBeCloseTo(6.411, 3);
    expect(out[1]).toBeCloseTo(6.411, 3);
    expect(out[2]).toBeCloseTo(-15.6748, 3);
    expect(out[3]).toBeCloseTo(-15.6748, 3);
    expect(report.folds[0]!.inSample.edge).toBeCloseTo(6.411, 3); // block 0 alone
    // out-of-sample mean = (6.4110 × 2 − 15.6748 × 2) / 4 = −4.6319
    expect(report.outOfSampleEdge).toBeCloseTo(-4.6319, 3);
    // in-sample folds 1..3 mix more bars (worked by the same formulas: 6.2046, 6.1362, 1.5082): mean 5.0650
    expect(report.inSampleEdge).toBeCloseTo(5.065, 3);
    expect(report.overfit).toBe(true);
    expect(report.verdict).toBe(
      'In sample it beat buy-and-hold (Sharpe +5.06), out of sample it did not (−4.63): the edge does not survive new data; treat it as overfit.',
    );
  });

  it('a rule that is right throughout holds up', () => {
    const report = walkForward(MOMENTUM, [walk(201, regimeA)]);
    expect(report.folds.map((f) => Number(f.outOfSample.edge.toFixed(3)))).toEqual([6.411, 6.411, 6.411, 6.411]);
    expect(report.overfit).toBe(false);
    expect(report.outOfSampleEdge).toBeGreaterThan(0);
    expect(report.verdict).toMatch(/^It beat buy-and-hold in sample \(Sharpe \+6\.21\) and out of sample \(\+6\.41\)/);
  });

  it('a rule wrong from the start has no edge in sample, and is not called overfit', () => {
    const report = walkForward(MOMENTUM, [walk(201, regimeB)]);
    expect(report.inSampleEdge).toBeLessThan(0);
    expect(report.outOfSampleEdge).toBeCloseTo(-15.6748, 3);
    expect(report.overfit).toBe(false);
    expect(report.verdict).toMatch(/^It did not beat buy-and-hold even in sample/);
  });

  it('too few bars: no folds and a verdict with the bars needed', () => {
    // 60 bars − 1 warm-up bar = 59; 5 blocks would have 11 bars each, fewer than 20.
    const report = walkForward(MOMENTUM, [walk(60, regimeA)]);
    expect(report.folds).toEqual([]);
    expect(report.overfit).toBe(false);
    expect(report.verdict).toBe('Too few bars for a walk-forward check: 4 folds need at least 100 bars after the 1-bar warm-up (5 blocks of 20); there are 59.');
    // 2 folds (3 blocks) on the same bars: 59 / 3 = 19 per block, still short; 3 × 20 = 60 needed.
    expect(walkForward(MOMENTUM, [walk(60, regimeA)], 2).verdict).toContain('2 folds need at least 60 bars');
  });
});
