/**
 * The Trading lab end to end, in real Chromium with the built extension
 * (time zone UTC, en-US): a price file is imported through the file input;
 * a backtest runs in the analytics worker and must show exactly what the
 * same engine computes here in Node (trades, walk-forward verdict); a rule
 * that does not read is refused with its place; a saved strategy followed by
 * a paper account records the fills the engine predicts and no income; an
 * option logged in a real account is premium income, listed as expiring
 * soon, and puts capital at risk over the plan's cap (0 while the gate is
 * closed) with a visible warning. No request leaves the machine. A
 * screenshot goes to test-artifacts/trading.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { formatDay, parseDay } from '../../utils/portfolio/dates';
import { backtest } from '../../utils/trading/backtest';
import { parseBarsCsv, toSeries } from '../../utils/trading/bars';
import { labForward } from '../../utils/trading/lab';
import { parseStrategy } from '../../utils/trading/strategy';
import { walkForward } from '../../utils/trading/walkforward';
import { launchExtension, readStoredRows, REPO_ROOT, type ExtensionHarness } from './harness';

const DAY_MS = 86_400_000;
const RULES = 'buy when rsi(14) < 30; sell when rsi(14) > 70';
let harness: ExtensionHarness;
let options: Page;

/** 320 weekdays from 2024-01-02 of a price swinging around 100 (RSI(14) crosses 30 and 70 several times). */
function priceFile(): string {
  const rows = ['Date,Open,High,Low,Close,Volume'];
  let day = parseDay('2024-01-02')!;
  let previous = 100;
  for (let i = 0; i < 320; i++) {
    while (((day % 7) + 7) % 7 === 2 || ((day % 7) + 7) % 7 === 3) day++; // 1970-01-01 was a Thursday: 2 = Saturday, 3 = Sunday
    const close = Math.round((100 + 8 * Math.sin(i / 6) + 0.3 * (((i * 7) % 5) - 2)) * 100) / 100;
    const open = Math.round((previous + 0.1) * 100) / 100;
    const high = Math.max(open, close) + 0.5;
    const low = Math.min(open, close) - 0.5;
    rows.push(`${formatDay(day)},${open.toFixed(2)},${high.toFixed(2)},${low.toFixed(2)},${close.toFixed(2)},1000`);
    previous = close;
    day++;
  }
  return rows.join('\n') + '\n';
}

const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 });
const section = () => options.locator('section[aria-labelledby="trading-heading"]');
const dayFromToday = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

const csv = priceFile();
const parsed = parseBarsCsv(csv);
if (!parsed.ok) throw new Error('the generated price file must read');
const series = toSeries('SPY', parsed.bars, { adjusted: true, closeOnly: false });
const strategy = (() => {
  const s = parseStrategy(RULES);
  if (!s.ok) throw new Error(s.error);
  return s.strategy;
})();

beforeAll(async () => {
  harness = await launchExtension({ locale: 'en-US', timezone: 'UTC' });
  harness.context.setDefaultTimeout(15_000);
  options = await harness.openOptions();
});

afterAll(async () => {
  await harness?.close();
});

describe('the Trading lab', () => {
  it('says plainly that backtests are not predictions', async () => {
    expect(await text(options.getByTestId('trading-disclaimer'))).toContain('Backtests are not predictions');
  });

  it('imports a price file through the file input', async () => {
    await options.locator('#trading-price-file').setInputFiles({ name: 'SPY.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await poll(() => options.locator('#trading-price-symbol').inputValue()).toBe('SPY');
    await options.getByRole('form', { name: 'Import a price file' }).getByRole('button', { name: 'Import' }).click();
    await poll(() => text(options.getByTestId('trading-import-status'))).toContain('Imported 320 bars of SPY');
    const { bars } = await readStoredRows<Record<string, unknown>>(options, ['bars']);
    expect(bars).toHaveLength(320);
    // The first row: 2024-01-02, open 100.10, close 100 + 8·sin 0 + 0.3·(0 − 2) = 99.40, in micro-units.
    expect(bars!.find((b) => b['date'] === '2024-01-02')).toMatchObject({ symbol: 'SPY', open: 100_100_000, close: 99_400_000 });
    expect(await text(options.getByTestId('trading-symbols'))).toContain('SPY');
  });

  it('backtests in the worker and shows what the engine computes', async () => {
    const expected = backtest(strategy, [series]);
    const wf = walkForward(strategy, [series], 4);
    expect(expected.trades.length).toBeGreaterThan(2);
    const form = options.getByRole('form', { name: 'Backtest a strategy' });
    await form.getByLabel('Rules').fill(RULES);
    await form.getByLabel('Symbol').selectOption('SPY');
    await form.getByRole('button', { name: 'Run backtest' }).click();
    const trades = options.getByTestId('trading-trades');
    await poll(() => trades.locator('tbody tr').count()).toBe(expected.trades.length);
    // The first trade: the day after its signal, at that day's open.
    const first = expected.trades[0]!;
    const firstRow = await text(trades.locator('tbody tr').first());
    expect(firstRow).toContain(first.entry.reason);
    expect(firstRow).toContain(`$${first.entry.price.toFixed(2)}`);
    expect(await text(options.getByTestId('trading-metrics'))).toMatch(/Total return.*Buy and hold|Buy and hold.*Total return/);
    expect(await text(options.getByTestId('trading-walkforward'))).toContain(wf.verdict.slice(0, 40));
    expect(await options.getByTestId('trading-overfit').count()).toBe(wf.overfit ? 1 : 0);
  });

  it('refuses rules it cannot read, saying where', async () => {
    const form = options.getByRole('form', { name: 'Backtest a strategy' });
    await form.getByLabel('Rules').fill('buy when rs(14) < 30; sell when rsi(14) > 70');
    await form.getByRole('button', { name: 'Run backtest' }).click();
    await poll(() => text(options.getByTestId('trading-backtest-error'))).toContain('unknown indicator "rs"');
    expect(await text(options.getByTestId('trading-backtest-error'))).toContain('column 10');
    await form.getByLabel('Rules').fill(RULES);
  });

  it('a paper account follows a saved strategy forward and records the fills the engine predicts, with no income', async () => {
    await options.getByRole('form', { name: 'Save the strategy' }).getByLabel('Strategy name').fill('RSI swing');
    await options.getByRole('form', { name: 'Save the strategy' }).getByRole('button', { name: 'Save strategy' }).click();
    await poll(async () => (await readStoredRows<Record<string, unknown>>(options, ['strategies'])).strategies!.length).toBe(1);

    const create = options.getByRole('form', { name: 'Create a lab account' });
    await create.getByLabel('Name').fill('Paper RSI');
    await create.getByLabel('Paper').check();
    await create.getByLabel('Starting capital').fill('10,000.00');
    await create.getByLabel('Strategy (optional)').selectOption({ label: 'RSI swing (SPY)' });
    await create.getByLabel('Start date').fill('2024-06-03');
    await create.getByRole('button', { name: 'Create account' }).click();

    const forward = labForward({
      text: RULES,
      symbols: [{ symbol: 'SPY', bars: parsed.bars, closeOnly: false }],
      useAdjusted: true,
      currency: 'USD',
      capitalMinor: 1_000_000,
      startDay: parseDay('2024-06-03')!,
      processedThrough: null,
    });
    if (!forward.ok) throw new Error(forward.error);
    expect(forward.fills.length).toBeGreaterThan(1);
    const account = options.getByTestId('trading-account').filter({ hasText: 'Paper RSI' });
    await account.getByRole('button', { name: 'Update with new prices' }).click();
    await poll(async () => (await readStoredRows<Record<string, unknown>>(options, ['labFills'])).labFills!.length).toBe(forward.fills.length);
    const { labFills, labAccounts, incomeEvents } = await readStoredRows<Record<string, unknown>>(options, ['labFills', 'labAccounts', 'incomeEvents']);
    const stored = [...labFills!].sort((a, b) => String(a['id']).localeCompare(String(b['id'])));
    expect(stored.map((f) => [f['side'], f['date'], f['quantity'], f['priceMicros']])).toEqual(
      forward.fills.map((f) => [f.side, f.date, f.quantity, f.priceMicros]),
    );
    expect(labAccounts!.find((a) => a['name'] === 'Paper RSI')).toMatchObject({ mode: 'paper', processedThrough: forward.processedThrough });
    expect(incomeEvents).toEqual([]);
    // Updating again with no new prices records nothing more.
    await account.getByRole('button', { name: 'Update with new prices' }).click();
    await options.waitForTimeout(500);
    expect((await readStoredRows(options, ['labFills'])).labFills).toHaveLength(forward.fills.length);
  });

  it('an option in a real account is premium income, expires soon, and puts capital over the closed gate’s cap', async () => {
    const create = options.getByRole('form', { name: 'Create a lab account' });
    await create.getByLabel('Name').fill('Wheel');
    await create.getByLabel('Real').check();
    await create.getByLabel('Starting capital').fill('6,000.00');
    await create.getByLabel('Strategy (optional)').selectOption({ index: 0 });
    await create.getByRole('button', { name: 'Create account' }).click();
    await poll(async () => (await readStoredRows<Record<string, unknown>>(options, ['labAccounts'])).labAccounts!.length).toBe(2);

    const log = options.getByRole('form', { name: 'Log an option position' });
    await log.getByLabel('Account').selectOption({ label: 'Wheel (real, USD)' });
    await log.getByLabel('Kind').selectOption('cash-secured-put');
    await log.getByLabel('Symbol').fill('KO');
    await log.getByLabel('Opened').fill(dayFromToday(-5));
    await log.getByLabel('Expiry').fill(dayFromToday(2));
    await log.getByLabel('Strike per share').fill('50.00');
    await log.getByLabel('Contracts').fill('1');
    await log.getByLabel('Premium received').fill('120.00');
    await log.getByRole('button', { name: 'Log option' }).click();

    await poll(() => text(options.getByTestId('trading-expiring'))).toContain('KO');
    const { incomeEvents } = await readStoredRows<Record<string, unknown>>(options, ['incomeEvents']);
    expect(incomeEvents!.map((e) => [e['kind'], (e['amount'] as { minor: number }).minor])).toEqual([['options-premium', 12_000]]);
    // Capital at risk: the put secures 50.00 × 100 = 5,000.00; with no surplus history the gate is closed, the cap is 0.
    await poll(() => text(options.getByTestId('trading-risk'))).toContain('5,000.00');
    expect(await text(options.getByTestId('trading-risk-warning'))).toMatch(/over the plan's cap/);

    const artifacts = path.join(REPO_ROOT, 'test-artifacts');
    mkdirSync(artifacts, { recursive: true });
    await section().screenshot({ path: path.join(artifacts, 'trading.png') });
    harness.assertNoForeignRequests();
    expect(harness.pageErrors).toEqual([]);
  });
});
