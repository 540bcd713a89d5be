/**
 * The backtest engine (utils/trading/backtest.ts, backtest-rotation.ts) on
 * hand-made bars: every fill's date, price, shares and fee, the cash and the
 * equity at each close, worked out in the comments. The point of the issue
 * is no look-ahead: a signal at the close of t fills at the open of t+1.
 */
import { describe, expect, it } from 'vitest';
import { formatDay, parseDay } from '@/utils/portfolio/dates';
import { backtest, buyAndHold, runSignals } from '@/utils/trading/backtest';
import { trainMomentumModel } from '@/utils/trading/model';
import { parseStrategy } from '@/utils/trading/strategy';
import type { PriceSeries, Strategy, StrategyCosts } from '@/utils/trading/types';

const day = (s: string) => parseDay(s)!;

/** Bars on consecutive calendar days from `first`; high/low = max/min of open and close. */
function bars(symbol: string, first: string, open: number[], close: number[], closeOnly = false, dates?: string[]): PriceSeries {
  const start = day(first);
  return {
    symbol,
    dates: Int32Array.from(dates ? dates.map(day) : open.map((_, i) => start + i)),
    open: Float64Array.from(open),
    high: Float64Array.from(open.map((o, i) => Math.max(o, close[i]!))),
    low: Float64Array.from(open.map((o, i) => Math.min(o, close[i]!))),
    close: Float64Array.from(close),
    volume: new Float64Array(open.length),
    adjusted: false,
    closeOnly,
  };
}
const signal = (n: number, at: number[]) => {
  const a = new Uint8Array(n);
  for (const t of at) a[t] = 1;
  return a;
};
const costs = (over: Partial<StrategyCosts> = {}): StrategyCosts => ({
  sizeBasisPoints: 10000,
  feePerTrade: 0,
  feeBasisPoints: 0,
  slippageBasisPoints: 0,
  capital: 1000,
  fractional: false,
  ...over,
});
const round = (a: ArrayLike<number>, d = 6) => Array.from(a, (x) => Number(x.toFixed(d)));

//            t:   0   1   2   3   4   5   6   7        (2024-01-01 … 2024-01-08)
const OPEN = [20, 20, 30, 32, 35, 40, 38, 36];
const CLOSE = [20, 25, 31, 34, 38, 39, 37, 35];
const S = bars('XYZ', '2024-01-01', OPEN, CLOSE);
const ALL = { start: 0, end: 7 };

describe('runSignals: fills at the next open', () => {
  it('buy on the close of 1 fills at the open of 2, sell on the close of 4 at the open of 5', () => {
    const run = runSignals(S, signal(8, [1]), signal(8, [4]), costs(), ALL);
    // buy: 1000 / 30 = 33.3 → 33 shares, cost 990, cash 10
    // sell: 33 × 40 = 1320 → cash 1330
    expect(run.fills.map((f) => [f.side, formatDay(f.signalDate), formatDay(f.date), f.price, f.shares, f.fee])).toEqual([
      ['buy', '2024-01-02', '2024-01-03', 30, 33, 0],
      ['sell', '2024-01-05', '2024-01-06', 40, 33, 0],
    ]);
    expect(run.fills[0]!.reason).toBe('buy signal on 2024-01-02');
    expect(run.fills[1]!.reason).toBe('sell signal on 2024-01-05');
    // equity: flat 1000, 1000; then 10 + 33 × close: 31 → 1033, 34 → 1132, 38 → 1264; then cash 1330
    expect(round(run.equity)).toEqual([1000, 1000, 1033, 1132, 1264, 1330, 1330, 1330]);
    const trade = run.trades[0]!;
    expect(trade.profit).toBeCloseTo(330, 9); // 1320 − 990
    expect(trade.returnPct).toBeCloseTo(1 / 3, 9); // 330 / 990
    expect(trade.barsHeld).toBe(3); // filled at 2, sold at 5
    expect(run.barsInMarket).toBe(3); // closes 2, 3, 4
  });

  it('half the equity, a fee per trade, a fee in bp and slippage', () => {
    const c = costs({ sizeBasisPoints: 5000, feePerTrade: 1, feeBasisPoints: 10, slippageBasisPoints: 50 });
    const run = runSignals(S, signal(8, [1]), signal(8, [4]), c, ALL);
    const [buy, sell] = run.fills;
    // buy price 30 × 1.005 = 30.15; money 1000 × 50% = 500
    // shares = floor((500 − 1) / (30.15 × 1.001)) = floor(499 / 30.18015) = floor(16.53) = 16
    // fee = 1 + 30.15 × 16 × 0.001 = 1.4824; cost = 482.4 + 1.4824 = 483.8824; cash = 516.1176
    expect(buy!.price).toBeCloseTo(30.15, 12);
    expect(buy!.shares).toBe(16);
    expect(buy!.fee).toBeCloseTo(1.4824, 12);
    // sell price 40 × 0.995 = 39.8; fee = 1 + 39.8 × 16 × 0.001 = 1.6368
    // cash = 516.1176 + 636.8 − 1.6368 = 1151.2808
    expect(sell!.price).toBeCloseTo(39.8, 12);
    expect(sell!.fee).toBeCloseTo(1.6368, 12);
    // equity: 516.1176 + 16 × (31, 34, 38) = 1012.1176, 1060.1176, 1124.1176
    expect(round(run.equity)).toEqual([1000, 1000, 1012.1176, 1060.1176, 1124.1176, 1151.2808, 1151.2808, 1151.2808]);
    // profit = (636.8 − 1.6368) − 483.8824 = 151.2808; returnPct = 151.2808 / 483.8824 = 0.312640
    expect(run.trades[0]!.profit).toBeCloseTo(151.2808, 9);
    expect(run.trades[0]!.returnPct).toBeCloseTo(0.31264, 5);
  });

  it('fractional shares use all the money', () => {
    const run = runSignals(S, signal(8, [1]), signal(8, [4]), costs({ fractional: true }), ALL);
    // 1000 / 30 = 33.333… shares, cash 0; close 2: 33.333 × 31 = 1033.333; sold at 40: 1333.333
    expect(run.fills[0]!.shares).toBeCloseTo(1000 / 30, 12);
    expect(round(run.equity, 3)).toEqual([1000, 1000, 1033.333, 1133.333, 1266.667, 1333.333, 1333.333, 1333.333]);
  });

  it('a signal on the last bar does nothing; an open trade is marked at the last close', () => {
    // buy on 1 (fills at 2, 33 shares, cash 10); sell on 7 = the last bar: no fill; buy on 7 while flat in a second run: no fill
    const run = runSignals(S, signal(8, [1]), signal(8, [7]), costs(), ALL);
    expect(run.fills).toHaveLength(1);
    const open = run.trades[0]!;
    expect(open.exit).toBeNull();
    expect(open.profit).toBeCloseTo(165, 9); // 33 × 35 − 990, no exit fee
    expect(open.barsHeld).toBe(5); // 7 − 2
    expect(run.equity[7]).toBeCloseTo(1165, 9); // 10 + 33 × 35
    expect(run.barsInMarket).toBe(6); // closes 2..7
    expect(runSignals(S, signal(8, [7]), signal(8, []), costs(), ALL).fills).toEqual([]);
  });

  it('signals before the start are ignored; the first fill is at start + 1', () => {
    // buy on 1 is before start 2: nothing; buy on 2 fills at the open of 3 (32): floor(1000/32) = 31, cash 8
    expect(runSignals(S, signal(8, [1]), signal(8, []), costs(), { start: 2, end: 7 }).fills).toEqual([]);
    const run = runSignals(S, signal(8, [1, 2]), signal(8, []), costs(), { start: 2, end: 7 });
    expect(run.fills.map((f) => [formatDay(f.date), f.price, f.shares])).toEqual([['2024-01-04', 32, 31]]);
    // equity from the close of 2: 1000, then 8 + 31 × (34, 38, 39, 37, 35)
    expect(round(run.equity)).toEqual([1000, 1062, 1186, 1217, 1155, 1093]);
  });

  it('close-only series fill at the next close', () => {
    const C = bars('XYZ', '2024-01-01', OPEN, CLOSE, true);
    const run = runSignals(C, signal(8, [1]), signal(8, [4]), costs(), ALL);
    // buy at close 2 = 31: floor(1000/31) = 32, cost 992, cash 8; sell at close 5 = 39: 8 + 1248 = 1256
    expect(run.fills.map((f) => [formatDay(f.date), f.price, f.shares])).toEqual([
      ['2024-01-03', 31, 32],
      ['2024-01-06', 39, 32],
    ]);
    expect(round(run.equity)).toEqual([1000, 1000, 1000, 1096, 1224, 1256, 1256, 1256]); // 8 + 32 × (31, 34, 38)
    expect(run.trades[0]!.profit).toBeCloseTo(256, 9); // 1248 − 992
  });

  it('no fill and a note when the money does not buy one share', () => {
    const run = runSignals(S, signal(8, [1, 3]), signal(8, []), costs({ capital: 25 }), ALL); // 25 < 30 and < 35
    expect(run.fills).toEqual([]);
    expect(run.notes).toEqual(['Buy signals (2) did not fill: the money for the position did not cover one share plus fees (first on 2024-01-02).']);
    expect(round(run.equity)).toEqual([25, 25, 25, 25, 25, 25, 25, 25]);
  });

  it('buy-and-hold: all the capital at the open after the first close, held', () => {
    // open of 1 = 20: 50 shares, cash 0 → 50 × close
    expect(round(buyAndHold(S, costs(), ALL))).toEqual([1000, 1250, 1550, 1700, 1900, 1950, 1850, 1750]);
    // from start 3: open of 4 = 35 → 28 shares (980), cash 20 → 20 + 28 × (38, 39, 37, 35)
    expect(round(buyAndHold(S, costs(), { start: 3, end: 7 }))).toEqual([1000, 1084, 1112, 1056, 1000]);
  });
});

describe('no look-ahead', () => {
  it('the signal day closes low, the next day gaps up at the open then falls: the honest fill loses', () => {
    //       t:    0    1    2    3    4
    const open = [100, 100, 100, 110, 99];
    const close = [100, 100, 90, 100, 99];
    const G = bars('GAP', '2024-02-01', open, close);
    // Buy on the close of 2 (90), sell on the close of 3.
    // Cheating (fill at the signal close): 1100 / 90 = 12 shares, sold at 100 → +120.
    // Honest: buy at the open of 3 = 110 → 10 shares, cash 0; sell at the open of 4 = 99 → 990: −110.
    const run = runSignals(G, signal(5, [2]), signal(5, [3]), costs({ capital: 1100 }), { start: 0, end: 4 });
    expect(run.fills.map((f) => [formatDay(f.signalDate), formatDay(f.date), f.price, f.shares])).toEqual([
      ['2024-02-03', '2024-02-04', 110, 10],
      ['2024-02-04', '2024-02-05', 99, 10],
    ]);
    expect(run.trades[0]!.profit).toBe(-110);
    expect(Array.from(run.equity)).toEqual([1100, 1100, 1100, 1000, 990]);
  });

  it('changing the bars after t changes nothing before t + 1', () => {
    // A pseudo-random walk and pseudo-random signals; then the bars after t = 60 are replaced.
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const n = 120;
    const close: number[] = [];
    const open: number[] = [];
    let p = 50;
    for (let i = 0; i < n; i++) {
      open.push(p * (1 + (rand() - 0.5) * 0.02));
      p *= 1 + (rand() - 0.5) * 0.04;
      close.push(p);
    }
    const buy = Uint8Array.from({ length: n }, () => (rand() < 0.2 ? 1 : 0));
    const sell = Uint8Array.from({ length: n }, () => (rand() < 0.2 ? 1 : 0));
    const t = 60;
    const A = bars('RW', '2024-01-01', open, close);
    const B = bars('RW', '2024-01-01', open.map((x, i) => (i > t ? x * 3 : x)), close.map((x, i) => (i > t ? x / 3 : x)));
    const c = costs({ feePerTrade: 1, slippageBasisPoints: 5 });
    const a = runSignals(A, buy, sell, c, { start: 0, end: n - 1 });
    const b = runSignals(B, buy, sell, c, { start: 0, end: n - 1 });
    expect(a.fills.length).toBeGreaterThan(10);
    // Every fill is exactly one bar after its signal.
    for (const f of a.fills) expect(f.date - f.signalDate).toBe(1);
    // Equity through the close of t and every fill up to t are identical.
    expect(Array.from(b.equity.subarray(0, t + 1))).toEqual(Array.from(a.equity.subarray(0, t + 1)));
    const upTo = (fills: typeof a.fills) => fills.filter((f) => f.date <= A.dates[t]!);
    expect(upTo(b.fills)).toEqual(upTo(a.fills));
    // Fills for signals up to t are still dated <= t + 1 and on the same bars.
    const dated = (fills: typeof a.fills) => fills.filter((f) => f.signalDate <= A.dates[t]!).map((f) => [f.side, f.date]);
    expect(dated(b.fills)).toEqual(dated(a.fills));
    expect(Math.max(...a.fills.filter((f) => f.signalDate <= A.dates[t]!).map((f) => f.date))).toBeLessThanOrEqual(A.dates[t + 1]!);
  });
});

describe('backtest: rules through the parser', () => {
  //        t:   0   1   2   3   4  5   6   7   8   9      (2024-01-01 … 2024-01-10)
  const close = [10, 11, 12, 11, 10, 9, 10, 11, 12, 13];
  const open = [10, 10, 11, 12, 11, 10, 9.5, 10, 11, 12.5];
  const R = bars('RSI', '2024-01-01', open, close);
  // rsi(2), Wilder: changes +1 +1 −1 −1 −1 +1 +1 +1 +1 (t = 1..9)
  //  t=2: avgGain (1+1)/2 = 1, avgLoss 0 → 100
  //  t=3: gain (1+0)/2 = 0.5, loss (0+1)/2 = 0.5 → 50
  //  t=4: gain 0.25, loss 0.75 → RS 1/3 → 100 − 100/(4/3) = 25
  //  t=5: gain 0.125, loss 0.875 → RS 1/7 → 100 − 87.5 = 12.5  < 20: buy, fills at the open of 6 = 9.5
  //  t=6: gain 0.5625, loss 0.4375 → 56.25
  //  t=7: gain 0.78125, loss 0.21875 → 78.125 (not > 80)
  //  t=8: gain 0.890625, loss 0.109375 → RS 8.142857 → 100 − 10.9375 = 89.0625 > 80: sell at the open of 9 = 12.5
  const parsed = parseStrategy('buy when rsi(2) < 20; sell when rsi(2) > 80');
  if (!parsed.ok) throw new Error(parsed.error);
  const strategy = { ...parsed.strategy, costs: costs() } as Strategy;

  it('trades on the hand-computed RSI', () => {
    const r = backtest(strategy, [R]);
    expect(r.firstSignalIndex).toBe(2); // rsi(2) exists from t = 2
    expect(Array.from(r.dates, formatDay)).toEqual(['2024-01-03', '2024-01-04', '2024-01-05', '2024-01-06', '2024-01-07', '2024-01-08', '2024-01-09', '2024-01-10']);
    // buy 1000 / 9.5 = 105.26 → 105 shares, cost 997.5, cash 2.5; sell 105 × 12.5 = 1312.5 → 1315
    expect(r.fills.map((f) => [f.side, formatDay(f.signalDate), formatDay(f.date), f.price, f.shares])).toEqual([
      ['buy', '2024-01-06', '2024-01-07', 9.5, 105],
      ['sell', '2024-01-09', '2024-01-10', 12.5, 105],
    ]);
    expect(r.fills[0]!.reason).toContain('rsi(2)');
    // closes 2..5 flat 1000; 6..8: 2.5 + 105 × (10, 11, 12); 9: 1315
    expect(round(r.equity)).toEqual([1000, 1000, 1000, 1000, 1052.5, 1157.5, 1262.5, 1315]);
    expect(r.trades[0]!.profit).toBeCloseTo(315, 9);
    expect(r.metrics.finalEquity).toBeCloseTo(1315, 9);
    expect(r.metrics.tradeCount).toBe(1);
    expect(r.metrics.winRate).toBe(1);
    expect(r.metrics.exposure).toBeCloseTo(3 / 8, 12); // closes 6, 7, 8 of 8
    // benchmark: open of 3 = 12 → 83 shares (996), cash 4; last: 4 + 83 × 13 = 1083
    expect(r.benchmarkEquity[0]).toBe(1000);
    expect(r.benchmarkEquity[7]).toBeCloseTo(1083, 9);
    expect(r.benchmark.totalReturn).toBeCloseTo(0.083, 12);
    // drawdown: peak 1000 then rising, never below: all 0
    expect(Array.from(r.drawdown)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(r.notes).toContain('Whole shares only: money that does not buy a whole share stays in cash.');
  });

  it('from / to cut the range; indicators keep their earlier history', () => {
    // from 2024-01-06 (t = 5): the signal on 5 still counts (rsi 12.5 uses bars 0..5), to 2024-01-09 (t = 8):
    // the sell on 8 would fill at 9, past the end: the trade stays open, marked at close 8 = 12.
    const r = backtest(strategy, [R], { from: day('2024-01-06'), to: day('2024-01-09') });
    expect(r.firstSignalIndex).toBe(5);
    expect(r.fills.map((f) => formatDay(f.date))).toEqual(['2024-01-07']);
    expect(r.trades[0]!.exit).toBeNull();
    expect(r.trades[0]!.profit).toBeCloseTo(105 * 12 - 997.5, 9); // 262.5
    expect(round(r.equity)).toEqual([1000, 1052.5, 1157.5, 1262.5]);
  });

  it('bars after t do not change signals, fills or equity through t', () => {
    const t = 6;
    const later = bars('RSI', '2024-01-01', open.map((x, i) => (i > t ? x * 2 : x)), close.map((x, i) => (i > t ? 1 : x)));
    const a = backtest(strategy, [R]);
    const b = backtest(strategy, [later]);
    const k = t - a.firstSignalIndex; // index of bar t in the result arrays
    expect(Array.from(b.equity.subarray(0, k + 1))).toEqual(Array.from(a.equity.subarray(0, k + 1)));
    expect(b.fills.filter((f) => f.date <= R.dates[t]!)).toEqual(a.fills.filter((f) => f.date <= R.dates[t]!));
  });
  it('a range that ends inside the warm-up leaves one flat bar and says why', () => {
    // to 2024-01-02 is bar 1, but rsi(2) first exists at bar 2
    const r = backtest(strategy, [R], { to: day('2024-01-02') });
    expect(Array.from(r.equity)).toEqual([1000]);
    expect(r.fills).toEqual([]);
    expect(r.notes).toContain("The strategy's indicators need 2 bars of history before the first signal; the chosen dates leave no bar to trade.");
  });

  it('model() uses the walk-forward probabilities, trained once on the whole series', () => {
    // 200 pseudo-random closes; the model's first probability is at its warm-up + minTrain.
    let seed = 11;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const closes: number[] = [];
    let p = 100;
    for (let i = 0; i < 200; i++) closes.push((p *= 1 + (rand() - 0.5) * 0.04));
    const M = bars('MOD', '2024-01-01', [100, ...closes.slice(0, -1)], closes);
    const parsedModel = parseStrategy('buy when model() > 0.5; sell when model() < 0.5');
    if (!parsedModel.ok) throw new Error(parsedModel.error);
    const options = { minTrain: 60, step: 10 };
    const r = backtest({ ...parsedModel.strategy, costs: costs() } as Strategy, [M], { model: options });
    // The same trades by hand from the probabilities: signals where p > 0.5 / p < 0.5, from the first number.
    const prob = trainMomentumModel(M, options).probability;
    const first = prob.findIndex((x) => !Number.isNaN(x));
    expect(first).toBeGreaterThan(0);
    expect(r.firstSignalIndex).toBe(first);
    const buy = Uint8Array.from(prob, (x) => (x > 0.5 ? 1 : 0));
    const sell = Uint8Array.from(prob, (x) => (x < 0.5 ? 1 : 0));
    const byHand = runSignals(M, buy, sell, costs(), { start: first, end: 199 });
    expect(r.fills.length).toBeGreaterThan(2);
    expect(r.fills.map((f) => [f.side, f.date, f.price, f.shares])).toEqual(byHand.fills.map((f) => [f.side, f.date, f.price, f.shares]));
    expect(Array.from(r.equity)).toEqual(Array.from(byHand.equity));
  });
});

describe('backtest: rotation', () => {
  const rotation = (over: Partial<Extract<Strategy, { kind: 'rotation' }>>): Strategy => ({
    kind: 'rotation',
    text: 'rotation',
    symbols: ['AAA', 'BBB'],
    score: { kind: 'price', field: 'close' },
    top: 1,
    every: 2,
    absolute: false,
    costs: costs(),
    ...over,
  });

  it('every 2 bars, top 1 by close, ties alphabetical', () => {
    //          t:  0   1   2   3   4   5   6
    const A = bars('AAA', '2024-03-01', [10, 10, 30, 31, 26, 26, 28], [10, 10, 30, 30, 26, 26, 28]);
    const B = bars('BBB', '2024-03-01', [20, 20, 25, 25, 26, 24, 20], [20, 20, 25, 25, 26, 24, 20]);
    const r = backtest(rotation({}), [B, A]);
    // t=0: AAA 10 < BBB 20 → BBB at the open of 1 (20): 50 shares, cash 0
    // t=2: AAA 30 > BBB 25 → sell BBB at the open of 3 (25): cash 1250; buy AAA with
    //      equity(close 2) = 50 × 25 = 1250 at 31: 40 shares (1240), cash 10
    // t=4: AAA 26 = BBB 26 → tie goes to AAA (alphabetical): hold, no fills. t=6 is the last bar.
    expect(r.fills.map((f) => [f.side, f.symbol, formatDay(f.date), f.price, f.shares])).toEqual([
      ['buy', 'BBB', '2024-03-02', 20, 50],
      ['sell', 'BBB', '2024-03-04', 25, 50],
      ['buy', 'AAA', '2024-03-04', 31, 40],
    ]);
    // equity: 1000; 50 × (20, 25) = 1000, 1250; 10 + 40 × (30, 26, 26, 28) = 1210, 1050, 1050, 1130
    expect(round(r.equity)).toEqual([1000, 1000, 1250, 1210, 1050, 1050, 1130]);
    expect(r.trades.map((x) => [x.symbol, x.exit === null, Number(x.profit.toFixed(6)), x.barsHeld])).toEqual([
      ['BBB', false, 250, 2], // 50 × 25 − 1000, held 1 → 3
      ['AAA', true, -120, 3], // 40 × 28 − 1240, open, 3 → 6
    ]);
    // benchmark: 500 each at the open of 1: AAA 10 → 50 shares, BBB 20 → 25 shares, cash 0
    // closes: 50 × 10 + 25 × 20 = 1000, then 50×30 + 25×25 = 2125 … last 50 × 28 + 25 × 20 = 1900
    expect(round(r.benchmarkEquity)).toEqual([1000, 1000, 2125, 2125, 1950, 1900, 1900]);
    expect(r.symbols).toEqual(['AAA', 'BBB']);
    expect(r.metrics.exposure).toBeCloseTo(6 / 7, 12);
  });

  it('aligns dates, ranks by roc(1) and holds cash when nothing is above 0', () => {
    // CCC has no bar on 03-03: the three are aligned on 03-01, 03-02, 03-04, 03-05, 03-06 (aligned t = 0..4).
    // AAA's bar on 03-03 (close 500) is dropped and must not matter.
    const d6 = ['2024-03-01', '2024-03-02', '2024-03-03', '2024-03-04', '2024-03-05', '2024-03-06'];
    const d5 = ['2024-03-01', '2024-03-02', '2024-03-04', '2024-03-05', '2024-03-06'];
    const A = bars('AAA', '', [100, 100, 500, 100, 95, 92], [100, 110, 500, 99, 90, 95], false, d6);
    const B = bars('BBB', '', [100, 100, 100, 110, 108, 99], [100, 105, 100, 110, 99, 100], false, d6);
    const C = bars('CCC', '', [100, 95, 95, 95, 96], [100, 90, 95, 94, 96], false, d5);
    const strategy = rotation({ symbols: ['AAA', 'BBB', 'CCC'], score: { kind: 'indicator', name: 'roc', params: [1], field: null }, absolute: true });
    const r = backtest(strategy, [A, B, C]);
    expect(r.notes).toContain('Aligned 3 symbols on the 5 dates they all have: 1 date that not every symbol has was dropped.');
    // roc(1) exists from aligned t = 1; rebalance at t = 1 and 3 (t = 4 is the last bar)
    // t=1: AAA +10%, BBB +5%, CCC −10% → AAA at the open of t=2 (03-04) = 100: 10 shares, cash 0
    // t=3: AAA 90/99 − 1 = −9.09%, BBB 99/110 − 1 = −10%, CCC 94/95 − 1 = −1.05%: none > 0
    //      → sell AAA at the open of t=4 (03-06) = 92: cash 920, nothing bought
    expect(r.firstSignalIndex).toBe(1);
    expect(Array.from(r.dates, formatDay)).toEqual(['2024-03-02', '2024-03-04', '2024-03-05', '2024-03-06']);
    expect(r.fills.map((f) => [f.side, f.symbol, formatDay(f.date), f.price, f.shares])).toEqual([
      ['buy', 'AAA', '2024-03-04', 100, 10],
      ['sell', 'AAA', '2024-03-06', 92, 10],
    ]);
    expect(round(r.equity)).toEqual([1000, 990, 900, 920]); // 10 × 99, 10 × 90, then cash
    expect(r.trades[0]!.profit).toBeCloseTo(-80, 9);
    // benchmark: 333.33 each at the open of t=2: AAA 100 → 3, BBB 110 → 3, CCC 95 → 3; cash 1000 − 915 = 85
    // last: 85 + 3 × 95 + 3 × 100 + 3 × 96 = 958
    expect(r.benchmarkEquity[3]).toBeCloseTo(958, 9);
  });
});
