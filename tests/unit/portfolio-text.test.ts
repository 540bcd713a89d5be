import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { parseDay } from '@/utils/portfolio/dates';
import type { DriftReport, HarvestBlocker, PortfolioReport } from '@/utils/portfolio/types';
import { listAnd } from '@/utils/labels';
import {
  afterSummary,
  allocationSummary,
  describeBlocker,
  portfolioFormat,
  realizedFor,
  taxCostText,
  unpricedText,
  VERDICT_LABELS,
} from '@/entrypoints/options/portfolioText';
import { PortfolioReportView } from '@/entrypoints/options/PortfolioReportView';

const day = (iso: string) => {
  const d = parseDay(iso);
  if (d === null) throw new Error(`not a date: ${iso}`);
  return d;
};
const usd = portfolioFormat('USD', 'en-US');

// $100,000.00 household: 68% US total market (target 60, band min(5, 25% × 60 = 15) = 5 points: 8 over, outside),
// 27% US bonds (target 30, band min(5, 7.5) = 5: 3 under, inside), 5% REITs (target 10, band min(5, 2.5) = 2.5: 5 under, outside).
const DRIFT: DriftReport = {
  totalMinor: 10_000_000,
  classes: [
    { assetClass: 'us-total-market', valueMinor: 6_800_000, shareBasisPoints: 6800, targetBasisPoints: 6000, driftBasisPoints: 800, bandBasisPoints: 500, outside: true },
    { assetClass: 'us-bonds', valueMinor: 2_700_000, shareBasisPoints: 2700, targetBasisPoints: 3000, driftBasisPoints: -300, bandBasisPoints: 500, outside: false },
    { assetClass: 'reits', valueMinor: 500_000, shareBasisPoints: 500, targetBasisPoints: 1000, driftBasisPoints: -500, bandBasisPoints: 250, outside: true },
  ],
  outside: ['us-total-market', 'reits'],
  unpriced: [],
};

const IRA_BUY: HarvestBlocker = { kind: 'trade', index: 3, account: 'ira', symbol: 'VTI', side: 'buy', quantity: 10_000_000, date: day('2026-11-10') };

describe('portfolioFormat', () => {
  it('writes shares, signed points, bands, quantities, days and money in the locale', () => {
    expect(usd.share(6800)).toBe('68.00%'); // 6800 bp = 0.68
    expect(usd.share(3333)).toBe('33.33%');
    expect(usd.points(800)).toBe('+8.00 pts'); // 800 bp = 8 percentage points
    expect(usd.points(-35)).toBe('-0.35 pts');
    expect(usd.points(0)).toBe('0.00 pts');
    expect(usd.band(250)).toBe('±2.50 pts');
    expect(usd.qty(10_000_000)).toBe('10'); // 10 × 1,000,000 micro-shares
    expect(usd.qty(500_000)).toBe('0.5');
    expect(usd.qty(1_234_567_891)).toBe('1,234.567891'); // all 6 decimals kept
    expect(usd.day(day('2026-11-10'))).toBe('Nov 10, 2026');
    expect(usd.day(day('2024-02-29'))).toBe('Feb 29, 2024');
    expect(usd.money(123_456)).toBe('$1,234.56');
    const de = portfolioFormat('EUR', 'de-DE');
    expect(de.share(6800).replace(/\s/g, ' ')).toBe('68,00 %');
    expect(de.points(-300)).toBe('-3,00 pts');
    expect(de.qty(1_234_500_000)).toBe('1.234,5');
  });
});

describe('verdicts and blockers in words', () => {
  it('names every verdict', () => {
    expect(VERDICT_LABELS['partial-wash-sale']).toBe('Partial wash sale');
    expect(VERDICT_LABELS['below-threshold']).toBe('Below your thresholds');
  });

  it('describes the purchase that blocks a harvest', () => {
    expect(describeBlocker(IRA_BUY)).toBe('bought 10 VTI on 2026-11-10 in ira');
    expect(describeBlocker({ ...IRA_BUY, side: 'reinvest', account: 'brokerage', symbol: 'VTSAX', quantity: 250_000, date: day('2026-12-01') })).toBe(
      'bought 0.25 VTSAX on 2026-12-01 in brokerage (a reinvested dividend)',
    );
    expect(describeBlocker({ ...IRA_BUY, kind: 'lot', index: 0, side: 'lot' })).toBe('acquired 10 VTI on 2026-11-10 in ira (a lot held before the first trade)');
    expect(describeBlocker(IRA_BUY, { day: usd.day, qty: usd.qty })).toBe('bought 10 VTI on Nov 10, 2026 in ira');
  });

  it('says when a loss saves tax', () => {
    expect(taxCostText(-4_500, usd.money)).toBe('saves $45.00');
    expect(taxCostText(12_000, usd.money)).toBe('$120.00');
    expect(taxCostText(0, usd.money)).toBe('$0.00');
  });
});

describe('summaries', () => {
  it('lists with "and"', () => {
    expect(listAnd([])).toBe('');
    expect(listAnd(['a'])).toBe('a');
    expect(listAnd(['a', 'b', 'c'])).toBe('a, b and c');
  });

  it('says where the plan leaves the allocation', () => {
    expect(afterSummary({ ...DRIFT, outside: [] })).toBe('After these trades every class is inside its band.');
    expect(afterSummary({ ...DRIFT, outside: ['reits'] })).toBe('After these trades REITs is still outside its band.');
    expect(afterSummary({ ...DRIFT, outside: ['us-bonds', 'my-class'] })).toBe('After these trades US bonds and my-class are still outside their bands.');
  });

  it('names the unpriced symbols, or nothing', () => {
    expect(unpricedText([])).toBeNull();
    expect(unpricedText(['VXUS'])).toBe('No price for VXUS: its lots are left out of these values.');
    expect(unpricedText(['VXUS', 'BND', 'FOO'])).toBe('No price for VXUS, BND and FOO: their lots are left out of these values.');
  });

  it('summarises the chart for a screen reader', () => {
    expect(allocationSummary(DRIFT, usd)).toBe(
      'Allocation against target, of $100,000.00: US total market 68.00%, target 60.00%, outside its band; ' +
        'US bonds 27.00%, target 30.00%, inside its band; REITs 5.00%, target 10.00%, outside its band. ' +
        'Outside their bands: US total market and REITs.',
    );
    expect(allocationSummary({ ...DRIFT, classes: [], outside: [], totalMinor: 0 }, usd)).toBe('Allocation against target: no holdings and no targets yet.');
  });

  it('finds the realized year, zeros when nothing was sold', () => {
    const y2025 = { year: 2025, shortTermMinor: -1_000, longTermMinor: 50_000, disallowedMinor: 0, proceedsMinor: 900_000 };
    expect(realizedFor([y2025], 2025)).toBe(y2025);
    expect(realizedFor([y2025], 2026)).toEqual({ year: 2026, shortTermMinor: 0, longTermMinor: 0, disallowedMinor: 0, proceedsMinor: 0 });
  });
});

// ---------------------------------------------------------------- the view, rendered

const REPORT: PortfolioReport = {
  currency: 'USD',
  date: day('2026-11-24'),
  drift: { ...DRIFT, unpriced: ['XYZ'] },
  rebalance: {
    before: DRIFT,
    after: { ...DRIFT, outside: [] },
    trades: [
      {
        account: 'ira', taxType: 'tax-deferred', symbol: 'VTI', assetClass: 'us-total-market', side: 'sell', quantity: 25_000_000,
        amountMinor: 750_000, lots: [], realizedGainMinor: 0, taxCostMinor: 0, reason: 'Overweight <b>8.00</b> points; sold in the IRA: no tax',
      },
      {
        account: 'brokerage', taxType: 'taxable', symbol: 'BND', assetClass: 'us-bonds', side: 'sell', quantity: 3_000_000,
        amountMinor: 210_000, lots: [], realizedGainMinor: -30_000, taxCostMinor: -9_600, reason: 'A loss lot',
      },
      {
        account: 'ira', taxType: 'tax-deferred', symbol: 'VNQ', assetClass: 'reits', side: 'buy', quantity: 5_500_000,
        amountMinor: 500_000, lots: [], realizedGainMinor: 0, taxCostMinor: 0, reason: 'Underweight 5.00 points',
      },
    ],
    cashUsedMinor: 40_000,
    taxCostMinor: -9_600, // the BND loss: 300.00 × 32% = 96.00 saved
    unresolved: [],
  },
  harvest: {
    date: day('2026-11-24'),
    candidates: [
      {
        lotId: 'trade:1', account: 'brokerage', symbol: 'VXUS', acquired: day('2026-03-02'), holdingFrom: day('2026-03-02'),
        quantity: 40_000_000, basisMinor: 260_000, valueMinor: 220_000, lossMinor: 40_000, lossBasisPoints: 1538, term: 'short',
        taxSavedMinor: 12_800, disallowedMinor: 0, harvestable: true, verdict: 'harvestable', blockedBy: null, reason: 'Loss over both thresholds', replacements: ['IXUS', 'VEA'],
      },
      {
        lotId: 'lot:0', account: 'brokerage', symbol: 'VTSAX', acquired: day('2025-01-15'), holdingFrom: day('2025-01-15'),
        quantity: 10_000_000, basisMinor: 150_000, valueMinor: 130_000, lossMinor: 20_000, lossBasisPoints: 1333, term: 'long',
        taxSavedMinor: 0, disallowedMinor: 20_000, harvestable: false, verdict: 'wash-sale', blockedBy: IRA_BUY, reason: 'VTI is the same fund', replacements: [],
      },
    ],
    taxSavedMinor: 12_800, // 400.00 × 32% short-term = 128.00
  },
  realized: [
    { year: 2026, shortTermMinor: -30_000, longTermMinor: 125_000, disallowedMinor: 5_000, proceedsMinor: 2_000_000 },
    { year: 2025, shortTermMinor: 10_000, longTermMinor: 0, disallowedMinor: 0, proceedsMinor: 300_000 },
  ],
  open: [],
  incomeByYear: [{ year: 2026, dividendsMinor: 84_250, interestMinor: 1_200 }],
};

describe('PortfolioReportView', () => {
  let root: HTMLElement;
  beforeEach(() => {
    const { document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
    (globalThis as { document?: unknown }).document = document;
    root = document.getElementById('root') as unknown as HTMLElement;
  });
  afterEach(() => {
    render(null, root);
    delete (globalThis as { document?: unknown }).document;
  });
  const show = async (report: PortfolioReport) => {
    await act(async () => {
      render(h(PortfolioReportView, { report, locale: 'en-US' }), root);
    });
  };
  const squash = (s: string | null | undefined) => s?.replace(/\s+/g, ' ').trim();
  const text = (selector: string) => squash(root.querySelector(selector)?.textContent);
  /** A table row's cells, one space between them. */
  const row = (selector: string) =>
    squash([...root.querySelector(selector)!.querySelectorAll('th, td')].map((cell) => cell.textContent).join(' '));

  it('shows drift, the plan, the candidates and realized gains', async () => {
    await show(REPORT);
    const chart = root.querySelector('[data-testid="allocation-chart"]')!;
    expect(chart.getAttribute('role')).toBe('img');
    expect(chart.getAttribute('aria-label')).toContain('REITs 5.00%, target 10.00%, outside its band');
    expect(chart.querySelectorAll('g[data-class]').length).toBe(3);

    expect(row('[data-testid="portfolio-drift-table"] tr[data-class="reits"]')).toBe('REITs $5,000.00 5.00% 10.00% -5.00 pts ±2.50 pts Outside — rebalance');
    expect(row('[data-testid="portfolio-drift-table"] tr[data-class="us-bonds"]')).toBe('US bonds $27,000.00 27.00% 30.00% -3.00 pts ±5.00 pts Inside');
    expect(text('[data-testid="portfolio-unpriced"]')).toBe('No price for XYZ: its lots are left out of these values.');

    const trades = root.querySelectorAll('[data-testid="portfolio-rebalance-trades"] tbody tr');
    expect(trades.length).toBe(3);
    // The reason is the person's text: markup in it stays text.
    expect(row('[data-testid="portfolio-rebalance-trades"] tr[data-symbol="VTI"]')).toBe(
      'ira (Tax-deferred) Sell 25 VTI US total market $7,500.00 $0.00 Overweight <b>8.00</b> points; sold in the IRA: no tax',
    );
    expect(root.querySelector('b')).toBeNull();
    expect(text('tr[data-symbol="BND"] td.num.positive')).toBe('saves $96.00');
    expect(row('tr[data-symbol="VNQ"]')).toContain('Buy 5.5 VNQ REITs $5,000.00 —');
    expect(text('[data-testid="portfolio-rebalance-totals"]')).toBe('Cash used: $400.00. Estimated tax: saves $96.00.');
    expect(text('[data-testid="portfolio-rebalance-after"]')).toBe('After these trades every class is inside its band.');

    expect(text('[data-testid="portfolio-harvest-total"]')).toBe('Harvesting the harvestable lot would save about $128.00 in tax.');
    expect(row('tr[data-symbol="VXUS"]')).toBe(
      'brokerage VXUS Mar 2, 2026 40 $400.00 (15.38%) Short-term Harvestable Loss over both thresholds $128.00 IXUS, VEA',
    );
    const washed = root.querySelector('tr[data-symbol="VTSAX"]')!;
    expect(washed.getAttribute('data-verdict')).toBe('wash-sale');
    expect(washed.querySelector('[data-testid="harvest-blocker"]')!.textContent).toBe('Blocked by: bought 10 VTI on 2026-11-10 in ira');
    expect(washed.textContent).toContain('Loss disallowed by the wash-sale rule: $200.00');

    expect(text('#portfolio-realized-heading')).toBe('Realized gains in 2026');
    expect(text('[data-testid="realized-short"]')).toBe('-$300.00');
    expect(text('[data-testid="realized-net"]')).toBe('$950.00'); // -300.00 + 1,250.00
    expect(text('[data-testid="realized-disallowed"]')).toBe('$50.00');
    expect(row('[data-testid="portfolio-realized-years"] tr[data-year="2025"]')).toBe('2025 $100.00 $0.00 $100.00 $0.00');
    expect(row('[data-testid="portfolio-income-table"] tr[data-year="2026"]')).toBe('2026 $842.50 $12.00 $854.50');
  });

  it('says so when nothing is outside and no lot is at a loss', async () => {
    const calm: DriftReport = { ...DRIFT, outside: [], classes: DRIFT.classes.map((c) => ({ ...c, outside: false })) };
    await show({
      ...REPORT,
      drift: calm,
      rebalance: { before: calm, after: calm, trades: [], cashUsedMinor: 0, taxCostMinor: 0, unresolved: [] },
      harvest: { date: REPORT.date, candidates: [], taxSavedMinor: 0 },
      realized: [],
      incomeByYear: [],
    });
    expect(text('[data-testid="portfolio-rebalance"]')).toContain('Every class is inside its band — nothing to trade.');
    expect(root.querySelector('[data-testid="portfolio-rebalance-trades"]')).toBeNull();
    expect(text('[data-testid="portfolio-harvest"]')).toContain('No lot is at a loss.');
    expect(root.querySelector('[data-testid="portfolio-harvest-table"]')).toBeNull();
    expect(text('[data-testid="realized-net"]')).toBe('$0.00');
    expect(root.querySelector('[data-testid="portfolio-unpriced"]')).toBeNull();
  });

  it('names the classes the plan could not bring back', async () => {
    await show({
      ...REPORT,
      rebalance: {
        ...REPORT.rebalance,
        trades: [],
        after: DRIFT,
        unresolved: [{ assetClass: 'us-total-market', reason: 'Only short-term gains left to sell in taxable accounts' }],
      },
    });
    expect(text('[data-testid="portfolio-rebalance"] > p')).toBe('Outside their bands: US total market and REITs. No trade can bring them back (see below).');
    expect(text('[data-testid="portfolio-rebalance-unresolved"] li[data-class="us-total-market"]')).toBe(
      'US total market: Only short-term gains left to sell in taxable accounts',
    );
    expect(text('[data-testid="portfolio-rebalance-after"]')).toBe('After these trades US total market and REITs are still outside their bands.');
  });
});
