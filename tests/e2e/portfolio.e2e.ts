/**
 * The Portfolio section end to end, in real Chromium with the built
 * extension (time zone UTC, en-US): a portfolio file is imported through the
 * file input; the page must show the drift per class against the 5/25 bands,
 * the rebalance trades, harvest candidates with their wash-sale verdicts and
 * realized gains; the background's drift check must put "±2" on the toolbar
 * badge; a broken file must change nothing; a trade entered by hand must be
 * stored and replayed. A screenshot goes to test-artifacts/portfolio.png.
 *
 * Dates are relative to today, so verdicts do not change with the calendar.
 * Values at the file's prices (hand-checked, as in tests/fixtures/portfolio):
 *   taxable VTI 100 × 300 = 30,000; VXUS 200 × 60 = 12,000; VNQ 50 × 90 = 4,500; VEA 300 × 45 = 13,500
 *   ira BND 300 × 70 = 21,000; VTI 20 × 300 = 6,000; roth VXUS 5 × 60 = 300 (reinvested 14 days ago); cash 1,000
 *   total 88,300: US total market 36,000 = 40.77% (target 50, −9.23, outside ±5), international
 *   25,800 = 29.22% (+9.22, outside), US bonds 23.78% (inside), REITs 5.10% (band ±1.25, inside).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { launchExtension, readStoredRows, REPO_ROOT, type ExtensionHarness } from './harness';

const DAY_MS = 86_400_000;
let harness: ExtensionHarness;
let options: Page;

/** The UTC calendar date `days` from today. */
const dayFromToday = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

function portfolioFile() {
  return {
    format: 'strata-portfolio',
    version: 1,
    accounts: [
      { id: 'taxable', taxType: 'taxable', name: 'Fidelity brokerage' },
      { id: 'ira', taxType: 'tax-deferred', name: 'Vanguard IRA' },
      { id: 'roth', taxType: 'tax-free', name: 'Vanguard Roth IRA' },
    ],
    lots: [
      { account: 'taxable', symbol: 'VTI', quantity: 100, costBasisMinor: 2_000_000, acquired: '2023-03-01' },
      // 200 VXUS for 14,000 → worth 12,000: a 2,000 short-term loss; 5 VXUS were reinvested in the Roth 14 days ago.
      { account: 'taxable', symbol: 'VXUS', quantity: 200, costBasisMinor: 1_400_000, acquired: dayFromToday(-200) },
      // 50 VNQ for 5,000 → 4,500: a 500 loss, under the 1,000 threshold.
      { account: 'taxable', symbol: 'VNQ', quantity: 50, costBasisMinor: 500_000, acquired: '2024-06-10' },
      // 300 VEA for 15,000 → 13,500: a 1,500 long-term loss (10%), harvestable: saves 1,500 × 15% = 225.00.
      { account: 'taxable', symbol: 'VEA', quantity: 300, costBasisMinor: 1_500_000, acquired: '2024-03-01' },
      { account: 'taxable', symbol: 'SCHB', quantity: 100, costBasisMinor: 400_000, acquired: '2021-05-01' },
      { account: 'ira', symbol: 'BND', quantity: 300, costBasisMinor: 2_400_000, acquired: '2022-01-10' },
      { account: 'ira', symbol: 'VTI', quantity: 20, costBasisMinor: 400_000, acquired: '2024-01-02' },
    ],
    trades: [
      { account: 'taxable', symbol: 'ITOT', side: 'buy', quantity: 20, date: dayFromToday(-40), priceMinor: 14_000 },
      // Sold today: 100 SCHB at 60 against 40 a share: +2,000 long-term; 20 ITOT at 130 against 140: −200 short-term.
      { account: 'taxable', symbol: 'SCHB', side: 'sell', quantity: 100, date: dayFromToday(0), priceMinor: 6_000 },
      { account: 'taxable', symbol: 'ITOT', side: 'sell', quantity: 20, date: dayFromToday(0), priceMinor: 13_000 },
      { account: 'roth', symbol: 'VXUS', side: 'reinvest', quantity: 5, date: dayFromToday(-14), priceMinor: 6_000 },
    ],
    income: [{ account: 'taxable', symbol: 'VTI', kind: 'dividend', date: dayFromToday(-20), amountMinor: 31_250 }],
    prices: { VTI: 30_000, VXUS: 6_000, VNQ: 9_000, VEA: 4_500, BND: 7_000, ITOT: 13_500, SCHB: 6_200 },
    cash: { taxable: 100_000 },
    targets: { 'us-total-market': 0.5, 'intl-developed': 0.2, 'us-bonds': 0.25, reits: 0.05 },
    settings: { currency: 'USD', harvest: { minLossMinor: 100_000, minLossShare: 0.05 }, taxRates: { shortTerm: 0.32, longTerm: 0.15 } },
  };
}

const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000, interval: 100 });
const section = () => options.locator('section[aria-labelledby="portfolio-heading"]');
const count = async (table: string) => (await readStoredRows(options, [table]))[table]!.length;

async function importText(name: string, content: string) {
  await options.locator('#portfolio-import').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
}

beforeAll(async () => {
  harness = await launchExtension({ locale: 'en-US', timezone: 'UTC' });
  harness.context.setDefaultTimeout(10_000);
  options = await harness.openOptions();
});

afterAll(async () => {
  await harness?.close();
});

describe('the Portfolio section', () => {
  it('imports a portfolio file and shows drift, the rebalance plan, harvest verdicts and realized gains', async () => {
    await importText('household.json', JSON.stringify(portfolioFile()));
    await poll(() => text(options.getByTestId('portfolio-import-status'))).toContain('Imported household.json: 7 lots, 4 trades, 7 prices, 4 targets');

    const drift = options.getByTestId('portfolio-drift-table');
    const row = (assetClass: string) => drift.locator(`tr[data-class="${assetClass}"]`);
    await poll(() => text(row('us-total-market'))).toContain('40.77%');
    expect(await row('us-total-market').getAttribute('data-outside')).toBe('true');
    expect(await text(row('us-total-market'))).toContain('-9.23 pts');
    expect(await row('intl-developed').getAttribute('data-outside')).toBe('true');
    expect(await text(row('intl-developed'))).toContain('29.22%');
    expect(await row('us-bonds').getAttribute('data-outside')).toBe('false');
    // REITs: 5.10% against 5%: the relative band (25% × 5 = 1.25 points) applies, and it is inside.
    expect(await text(row('reits'))).toContain('±1.25 pts');
    expect(await row('reits').getAttribute('data-outside')).toBe('false');
    expect(await options.getByTestId('allocation-chart').getAttribute('aria-label')).toMatch(/US total market/);

    // Rebalance: the Roth's VXUS first (no tax), then VEA at a long-term loss in the taxable account
    // (not VXUS: its loss would be washed by the Roth's reinvestment), VTI bought with the proceeds.
    const trades = options.getByTestId('portfolio-rebalance-trades');
    await poll(() => trades.locator('tr[data-side="sell"]').count()).toBe(2);
    expect(await trades.locator('tr[data-side="sell"][data-symbol="VXUS"]').getAttribute('data-account')).toBe('roth');
    const veaSale = trades.locator('tr[data-side="sell"][data-symbol="VEA"]');
    // 7,840 of VEA: 174.222222 shares; basis 15,000 × 174.222222 / 300 = 8,711.11, loss 871.11 saves 130.67
    expect(await text(veaSale)).toContain('174.222222');
    expect(await text(veaSale)).toContain('$7,840.00');
    expect(await text(veaSale)).toContain('saves $130.67');
    expect(await trades.locator('tr[data-side="buy"][data-symbol="VTI"]').count()).toBe(2);

    // Harvest candidates
    const harvest = options.getByTestId('portfolio-harvest-table');
    const candidate = (symbol: string) => harvest.locator(`tr[data-symbol="${symbol}"]`);
    expect(await candidate('VEA').getAttribute('data-verdict')).toBe('harvestable');
    expect(await text(candidate('VEA'))).toContain('$225.00');
    expect(await candidate('VXUS').getAttribute('data-verdict')).toBe('partial-wash-sale');
    expect(await text(candidate('VXUS').getByTestId('harvest-blocker'))).toMatch(/5 VXUS .* in Vanguard Roth IRA/);
    expect(await candidate('VNQ').getAttribute('data-verdict')).toBe('below-threshold');
    expect(await candidate('BND').getAttribute('data-verdict')).toBe('not-taxable');

    // Realized this year: +2,000.00 long-term, −200.00 short-term.
    expect(await text(options.getByTestId('realized-long'))).toContain('$2,000.00');
    expect(await text(options.getByTestId('realized-short'))).toMatch(/-\$200\.00|−\$200\.00|\(\$200\.00\)/);

    // The reinvested dividend and the file's dividend are Foundation income.
    const { incomeEvents, streams } = await readStoredRows<Record<string, unknown>>(options, ['incomeEvents', 'streams']);
    expect(incomeEvents!.map((e) => (e['amount'] as { minor: number }).minor).sort((a, b) => a - b)).toEqual([30_000, 31_250]);
    expect(streams!.every((s) => s['layer'] === 'foundation')).toBe(true);
  });

  it('puts the drift on the toolbar badge', async () => {
    type Action = { action: { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string> } };
    const action = () => (globalThis as unknown as { chrome: Action }).chrome.action;
    await poll(() => harness.serviceWorker.evaluate(`(${action.toString()})().getBadgeText({})`)).toBe('±2');
    expect(await harness.serviceWorker.evaluate(`(${action.toString()})().getTitle({})`)).toContain('2 asset classes are outside their band');
  });

  it('refuses a broken file and keeps what is stored', async () => {
    const broken = portfolioFile();
    (broken.lots[6] as { acquired: string }).acquired = '2024-02-30';
    await importText('broken.json', JSON.stringify(broken));
    await poll(() => text(options.getByTestId('portfolio-import-error'))).toContain('lots[6].acquired must be a real date');
    expect(await count('trades')).toBe(4);
    expect(await count('taxLots')).toBe(7);
  });

  it('records a trade entered by hand and replays it', async () => {
    const form = options.getByRole('form', { name: 'Record a trade', exact: true });
    await form.getByRole('combobox', { name: 'Account' }).selectOption({ label: 'Vanguard IRA (tax-deferred)' });
    await form.getByRole('textbox', { name: 'Symbol', exact: true }).fill('bnd');
    await form.getByRole('textbox', { name: 'Shares', exact: true }).fill('10');
    await form.getByRole('textbox', { name: 'Price per share', exact: true }).fill('70.00');
    await form.getByLabel('Trade date').fill(dayFromToday(0));
    await form.getByRole('button', { name: 'Record trade' }).click();
    await poll(() => count('trades')).toBe(5);
    const stored = (await readStoredRows<Record<string, unknown>>(options, ['trades'])).trades!.find((t) => t['symbol'] === 'BND')!;
    expect(stored).toMatchObject({ side: 'buy', quantity: '10', price: { minor: 7_000, currency: 'USD' }, date: dayFromToday(0) });
    // 310 BND now: 21,700; the open-lots table shows the new lot.
    await poll(() => options.getByTestId('portfolio-open-lots').locator('tr[data-symbol="BND"]').count()).toBe(2);

    const artifacts = path.join(REPO_ROOT, 'test-artifacts');
    mkdirSync(artifacts, { recursive: true });
    await section().screenshot({ path: path.join(artifacts, 'portfolio.png') });
    harness.assertNoForeignRequests();
    expect(harness.pageErrors).toEqual([]);
  });
});
