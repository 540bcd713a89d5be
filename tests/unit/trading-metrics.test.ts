/**
 * Backtest metrics (utils/trading/metrics.ts) on a 5-close equity curve
 * worked by hand: returns, Sharpe, Sortino, drawdown, CAGR over real dates,
 * win rate and exposure; and the cases where a figure does not exist.
 */
import { describe, expect, it } from 'vitest';
import { parseDay } from '@/utils/portfolio/dates';
import { computeMetrics, drawdownSeries } from '@/utils/trading/metrics';
import type { Fill, TradeRecord } from '@/utils/trading/types';

const day = (s: string) => parseDay(s)!;
const days = (...s: string[]) => Int32Array.from(s.map(day));

function trade(profit: number, open = false): TradeRecord {
  const fill: Fill = { symbol: 'X', side: 'buy', date: 0, signalDate: 0, shares: 1, price: 100, fee: 0, reason: '' };
  return { symbol: 'X', entry: fill, exit: open ? null : { ...fill, side: 'sell' }, profit, returnPct: profit / 100, barsHeld: 1 };
}

describe('computeMetrics', () => {
  // Equity at five closes, one year apart: 2020-01-01 → 2024-01-01 is
  // 366 + 365 + 365 + 365 = 1461 days = exactly 4 × 365.25.
  const equity = Float64Array.from([100, 110, 99, 121, 146.41]);
  const dates = days('2020-01-01', '2021-01-01', '2022-01-01', '2023-01-01', '2024-01-01');
  // Trades: three closed (+5 win, −2 loss, 0 is not a win) and one open (+100, not counted).
  const trades = [trade(5), trade(-2), trade(0), trade(100, true)];
  const m = computeMetrics(equity, dates, trades, 3);

  it('total return and CAGR over the calendar days', () => {
    // 146.41 / 100 − 1 = 0.4641
    expect(m.totalReturn).toBeCloseTo(0.4641, 12);
    // (1.4641)^(365.25/1461) − 1 = 1.4641^0.25 − 1 = 1.1 − 1 = 0.1 (1.1^4 = 1.4641)
    expect(m.cagr).toBeCloseTo(0.1, 12);
    expect(m.finalEquity).toBe(146.41);
  });

  it('max drawdown is the deepest fall from a running peak', () => {
    // peaks 100, 110, 110, 121, 146.41; falls 0, 0, 1 − 99/110 = 0.1, 0, 0
    expect(m.maxDrawdown).toBeCloseTo(0.1, 12);
    const dd = drawdownSeries(equity);
    expect(Array.from(dd).map((x) => Number(x.toFixed(12)))).toEqual([0, 0, 0.1, 0, 0]);
  });

  it('Sharpe: mean daily return over its sample standard deviation, × √252', () => {
    // r = 110/100 − 1 = 0.1, 99/110 − 1 = −0.1, 121/99 − 1 = 0.222222…, 146.41/121 − 1 = 0.21
    // mean = (0.1 − 0.1 + 0.2222222 + 0.21) / 4 = 0.1080556
    // deviations −0.0080556, −0.2080556, 0.1141667, 0.1019444; squares sum 0.0667787
    // sample sd = √(0.0667787 / 3) = √0.0222596 = 0.1491964
    // Sharpe = 0.1080556 / 0.1491964 × 15.8745079 = 0.7242513 × 15.8745079 = 11.49712
    expect(m.sharpe).toBeCloseTo(11.49712, 4);
  });

  it('Sortino: downside deviation over all days, × √252', () => {
    // only −0.1 is negative: √((0.01 + 0 + 0 + 0) / 4) = √0.0025 = 0.05
    // Sortino = 0.1080556 / 0.05 × 15.8745079 = 2.1611111 × 15.8745079 = 34.30658
    expect(m.sortino).toBeCloseTo(34.30658, 4);
  });

  it('win rate over closed trades, trade count and exposure', () => {
    expect(m.winRate).toBeCloseTo(1 / 3, 12); // 1 win of 3 closed
    expect(m.tradeCount).toBe(3);
    expect(m.exposure).toBeCloseTo(3 / 5, 12); // 3 closes in the market of 5
  });

  it('null and zero where a figure does not exist', () => {
    // Flat equity: the returns 0, 0 have no variance and no down day.
    const flat = computeMetrics(Float64Array.from([50, 50, 50]), days('2024-01-01', '2024-01-02', '2024-01-03'), [], 0);
    expect(flat.sharpe).toBeNull();
    expect(flat.sortino).toBeNull();
    expect(flat.winRate).toBeNull();
    expect(flat.tradeCount).toBe(0);
    expect(flat.totalReturn).toBe(0);
    // One return is not enough for a sample deviation; it is negative, so Sortino exists:
    // r = 90/100 − 1 = −0.1; Sortino = −0.1 / √(0.01/1) × √252 = −√252 = −15.8745
    const one = computeMetrics(Float64Array.from([100, 90]), days('2024-01-01', '2024-01-02'), [], 1);
    expect(one.sharpe).toBeNull();
    expect(one.sortino).toBeCloseTo(-Math.sqrt(252), 9);
    expect(one.maxDrawdown).toBeCloseTo(0.1, 12);
    expect(one.exposure).toBe(0.5);
    // Steady growth (+1% a day) has no variance: Sharpe null, no down day: Sortino null.
    const steady = computeMetrics(Float64Array.from([100, 101, 102.01, 103.0301]), days('2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04'), [], 0);
    expect(steady.sharpe).toBeNull();
    expect(steady.sortino).toBeNull();
    // Same first and last date: no calendar time, CAGR 0 (not Infinity).
    const sameDay = computeMetrics(Float64Array.from([100]), days('2024-01-01'), [], 0);
    expect(sameDay.cagr).toBe(0);
    expect(sameDay.totalReturn).toBe(0);
    expect(sameDay.finalEquity).toBe(100);
  });
});
