/**
 * `strata indicator` and `strata backtest` on tests/fixtures/trading/tiny.csv,
 * every figure worked by hand.
 *
 * Closes 10, 11, 10, 9, 10, 12, 11, 13 (2024-01-02 … 2024-01-11); opens 10, 10.5, 10.8, 9.5, 9.2, 10.5, 11.8, 11.2.
 * RSI(2), Wilder: changes +1, −1, −1, +1, +2, −1, +2.
 *   t2: gain (1+0)/2 = 0.5, loss (0+1)/2 = 0.5 → 50
 *   t3: change −1: gain 0.25, loss 0.75, RS 1/3 → 25
 *   t4: +1: gain 0.625, loss 0.375, RS 5/3 → 62.5
 *   t5: +2: gain 1.3125, loss 0.1875, RS 7 → 87.5
 *   t6: −1: gain 0.65625, loss 0.59375, RS 21/19 → 100 − 100·19/40 = 52.5
 *   t7: +2: gain 1.328125, loss 0.296875, RS 85/19 → 100 − 100·19/104 = 81.730769…
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '@/cli/run';
import { formatDay, parseDay } from '@/utils/portfolio/dates';
import { parseBarsCsv, toSeries } from '@/utils/trading/bars';
import { trainMomentumModel } from '@/utils/trading/model';

const TINY = fileURLToPath(new URL('../fixtures/trading/tiny.csv', import.meta.url));
const BROKEN = fileURLToPath(new URL('../fixtures/trading/broken-rows.csv', import.meta.url));

function run(args: string[]) {
  const result = runCli(args);
  expect(result.stderr).toBe('');
  expect(result.exitCode).toBe(0);
  return JSON.parse(result.stdout);
}

describe('strata indicator', () => {
  it('prints one value per bar, null during the warm-up', () => {
    const out = run(['indicator', 'rsi', '--period', '2', TINY]);
    expect(out).toHaveLength(8);
    expect(out.slice(0, 4)).toEqual([null, null, 50, 25]);
    expect(out[4]).toBeCloseTo(62.5, 12);
    expect(out[5]).toBeCloseTo(87.5, 12);
    expect(out[6]).toBeCloseTo(52.5, 12);
    expect(out[7]).toBeCloseTo(100 - (100 * 19) / 104, 12);
  });

  it('sma(3) and roc(2) by hand', () => {
    // SMA(3): (10+11+10)/3, (11+10+9)/3, (10+9+10)/3, (9+10+12)/3, (10+12+11)/3, (12+11+13)/3
    const sma = run(['indicator', 'sma', '--period', '3', TINY]);
    expect(sma.slice(0, 2)).toEqual([null, null]);
    [31 / 3, 10, 29 / 3, 31 / 3, 11, 12].forEach((v, i) => expect(sma[i + 2]).toBeCloseTo(v, 12));
    // ROC(2) at t2 = 100 × (10/10 − 1) = 0; t3 = 100 × (9/11 − 1) = −18.1818…
    const roc = run(['indicator', 'roc', '--period', '2', TINY]);
    expect(roc[2]).toBe(0);
    expect(roc[3]).toBeCloseTo(-200 / 11, 12);
  });

  it('macd and bbands print objects once their first line exists', () => {
    const macd = run(['indicator', 'macd', '--fast', '2', '--slow', '3', '--signal', '2', TINY]);
    expect(macd[0]).toBeNull();
    expect(macd[1]).toBeNull();
    expect(Object.keys(macd[2]).sort()).toEqual(['histogram', 'macd', 'signal']);
    expect(macd[2].signal).toBeNull();
    const bands = run(['indicator', 'bbands', '--period', '3', '--k', '2', TINY]);
    // Population σ of 10, 11, 10: mean 31/3, variance ((1/3)² + (2/3)² + (1/3)²)/3 = 2/9 → σ = 0.4714…
    expect(bands[2].middle).toBeCloseTo(31 / 3, 12);
    expect(bands[2].upper - bands[2].middle).toBeCloseTo(2 * Math.sqrt(2 / 9), 12);
  });

  it('refuses an unknown indicator, a bad flag and a broken file with reasons', () => {
    expect(runCli(['indicator', 'stoch', TINY]).stderr).toContain('unknown indicator "stoch" (known: sma, ema, rsi, macd, bbands, atr, roc)');
    expect(runCli(['indicator', 'rsi', '--period', 'x', TINY]).stderr).toContain('--period "x" is not a number');
    expect(runCli(['indicator', 'rsi', '--k', '2', TINY]).stderr).toContain('--k does not apply to rsi');
    const broken = runCli(['indicator', 'rsi', BROKEN]);
    expect(broken.exitCode).toBe(2);
    const error = JSON.parse(broken.stdout);
    expect(error.error).toContain('is not a price file Strata can read');
    expect(error.problems.length).toBeGreaterThan(0);
    expect(error.problems[0]).toHaveProperty('line');
  });
});

describe('strata backtest', () => {
  const out = run(['backtest', TINY, '--symbol', 'TINY', '--strategy', 'buy when rsi(2) < 30; sell when rsi(2) > 80']);

  it('fills the day after each signal, at the open', () => {
    // Signal t3 (RSI 25) → buy at the open of t4, 9.20: floor(10,000 / 9.2) = 1,086 shares = 9,991.20.
    // Signal t5 (RSI 87.5) → sell at the open of t6, 11.80: 1,086 × 11.8 = 12,814.80. Profit 2,823.60.
    // t7's RSI 81.7 > 80 finds the account flat: nothing.
    expect(out.trades).toEqual([
      {
        symbol: 'TINY',
        entry: { side: 'buy', date: '2024-01-08', signalDate: '2024-01-05', shares: 1086, price: 9.2, fee: 0, reason: 'rsi(2) < 30 (rsi(2) = 25.00)' },
        exit: { side: 'sell', date: '2024-01-10', signalDate: '2024-01-09', shares: 1086, price: 11.8, fee: 0, reason: 'rsi(2) > 80 (rsi(2) = 87.50)' },
        profit: 2823.6,
        // 2,823.60 / 9,991.20
        returnPct: 0.282609,
        barsHeld: 2,
      },
    ]);
  });

  it('measures it against buy-and-hold on the same bars', () => {
    // Bars from the first RSI (t2, 2024-01-04) to t7: 6 closes; holding at the closes of t4 and t5: exposure 2/6.
    expect(out).toMatchObject({ symbols: ['TINY'], from: '2024-01-04', to: '2024-01-11', bars: 6 });
    // 8.80 left in cash + 12,814.80 = 12,823.60. Peak at t5's close: 8.80 + 1,086 × 12 = 13,040.80; after the
    // sale at t6's open the equity is 12,823.60: drawdown 1 − 12,823.60 / 13,040.80 = 0.016655.
    expect(out.metrics).toMatchObject({ totalReturn: 0.28236, maxDrawdown: 0.016655, winRate: 1, exposure: 0.3333, tradeCount: 1, finalEquity: 12823.6 });
    // Buy-and-hold buys at t3's open, 9.50: 1,052 shares (9,994.00), 6.00 cash; at t7's close 13: 13,676 + 6 = 13,682.
    expect(out.benchmark).toMatchObject({ totalReturn: 0.3682, finalEquity: 13682, tradeCount: 0 });
    expect(out.walkForward.overfit).toBe(false);
    expect(out.walkForward.verdict).toMatch(/Too few bars/);
  });

  it('reports the learned signal the rules used, scored out of sample, and none when they use none', () => {
    expect(out.model).toBeNull();
    // 600 weekdays whose returns follow r[t] = 0.5·r[t−1] + noise: momentum the model can learn.
    const dir = mkdtempSync(path.join(tmpdir(), 'strata-model-'));
    const rows = ['Date,Close'];
    let day = parseDay('2020-01-01')!;
    let price = 100;
    let r = 0;
    let seed = 7;
    for (let i = 0; i < 600; i++) {
      while ((day + 4) % 7 === 0 || (day + 4) % 7 === 6) day++; // (day + 4) % 7: 0 = Sunday, 6 = Saturday
      seed = (seed * 16807) % 2147483647;
      r = 0.5 * r + 0.01 * (seed / 2147483647 - 0.5);
      price *= 1 + r;
      rows.push(`${formatDay(day)},${price.toFixed(4)}`);
      day++;
    }
    const file = path.join(dir, 'AR.csv');
    writeFileSync(file, rows.join('\n') + '\n');
    const parsed = parseBarsCsv(rows.join('\n'));
    if (!parsed.ok) throw new Error('the generated file must read');
    const expected = trainMomentumModel(toSeries('AR', parsed.bars, { adjusted: true, closeOnly: true }));
    const result = run(['backtest', file, '--strategy', 'buy when model() > 0.55; sell when model() < 0.45']);
    expect(result.model.predictions).toBe(expected.predictions);
    expect(result.model.accuracy).toBe(Number(expected.accuracy!.toFixed(4)));
    expect(result.model.verdict).toBe(expected.verdict);
  });

  it('refuses a strategy it cannot read, saying where', () => {
    const result = runCli(['backtest', TINY, '--strategy', 'buy when rs(14) < 30; sell when rsi(14) > 70']);
    expect(result.exitCode).toBe(2);
    const error = JSON.parse(result.stdout);
    expect(error.error).toMatch(/^--strategy: unknown indicator "rs"/);
    expect(error.at).toBe(9);
  });
});
