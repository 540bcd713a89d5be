/**
 * The tax-loss-harvest scan on a hand-worked household, on 2026-06-15
 * (wash window 2026-05-16 … 2026-07-15). Thresholds $1,000 and 5% of basis;
 * rates 32% short term, 15% long term. Figures in cents.
 */
import { describe, expect, it } from 'vitest';
import { parseDay } from '@/utils/portfolio/dates';
import { harvest } from '@/utils/portfolio/harvest';
import { formatMoneyPlain } from '@/utils/money';
import { formatBasisPoints } from '@/utils/portfolio/harvest-text';
import { buildLedger } from '@/utils/portfolio/ledger';
import { QTY_SCALE } from '@/utils/portfolio/quantity';
import { DEFAULT_PORTFOLIO_SETTINGS, type Portfolio, type PortfolioLot, type PortfolioTrade } from '@/utils/portfolio/types';

const day = (s: string) => parseDay(s)!;
const sh = (n: number) => Math.round(n * QTY_SCALE);
const lot = (account: string, symbol: string, shares: number, costBasisMinor: number, acquired: string): PortfolioLot => ({ account, symbol, quantity: sh(shares), costBasisMinor, acquired: day(acquired) });
const trade = (account: string, side: PortfolioTrade['side'], symbol: string, shares: number, date: string, priceMinor: number): PortfolioTrade => ({ account, side, symbol, quantity: sh(shares), date: day(date), priceMinor });
const DATE = day('2026-06-15');

function household(extra: Partial<Portfolio> = {}): Portfolio {
  return {
    currency: 'USD',
    accounts: [
      { id: 'brokerage', name: 'Brokerage', taxType: 'taxable' },
      { id: 'ira', name: 'IRA', taxType: 'tax-deferred' },
      { id: 'roth', name: 'Roth IRA', taxType: 'tax-free' },
    ],
    lots: [
      lot('brokerage', 'VTI', 100, 3_000_000, '2024-01-10'), // 0: $30,000; at $250 → $25,000: loss $5,000, long term
      lot('ira', 'VTI', 10, 300_000, '2024-01-10'), // 1: loss $500 in an IRA
      lot('brokerage', 'BND', 10, 80_000, '2025-01-10'), // 2: at $75 → $750: loss $50 < $1,000
      lot('brokerage', 'AGG', 1000, 10_000_000, '2025-01-10'), // 3: at $97 → $97,000: loss $3,000 = 3% < 5%
      lot('brokerage', 'VEA', 100, 500_000, '2025-01-10'), // 4: at $40 → $4,000: loss $1,000 = 20%, exactly the minimum
      lot('brokerage', 'VWO', 100, 500_000, '2025-02-01'), // 5: at $40 → loss $1,000
      lot('ira', 'VEMAX', 25, 100_000, '2026-05-20'), // 6: VWO's share class, 26 days before: covers 25 of lot 5's 100
      lot('brokerage', 'ZZZ', 5, 10_000, '2025-01-10'), // 7: no price
      lot('brokerage', 'SCHB', 10, 100_000, '2025-01-10'), // 8
      lot('brokerage', 'ITOT', 10, 300_000, '2025-01-10'), // 9
      lot('ira', 'FSKAX', 10, 100_000, '2025-01-10'), // 10
      lot('brokerage', 'VOO', 10, 400_000, '2025-01-10'), // 11: at a gain, not a candidate
    ],
    trades: [
      trade('ira', 'buy', 'VTMGX', 60, '2026-06-01', 4100), // 0: VEA's share class, 14 days before
      trade('roth', 'reinvest', 'VEA', 40, '2026-07-10', 4000), // 1: recorded, 25 days after: with trade 0, 100 ≥ lot 4's 100
      trade('brokerage', 'sell', 'SCHB', 10, '2026-05-10', 9000), // 2: loss sale 36 days before: outside the window
      trade('brokerage', 'sell', 'ITOT', 10, '2026-06-01', 25000), // 3: loss sale 14 days before: ITOT is no replacement
      trade('ira', 'sell', 'FSKAX', 10, '2026-06-10', 5000), // 4: loss sale in an IRA: washes nothing
    ],
    income: [],
    prices: {
      VTI: { priceMinor: 25_000 },
      BND: { priceMinor: 7_500 },
      AGG: { priceMinor: 9_700 },
      VEA: { priceMinor: 4_000 },
      VTMGX: { priceMinor: 4_200 }, // trade 0's lot at a gain
      VWO: { priceMinor: 4_000 },
      VEMAX: { priceMinor: 4_100 }, // lot 6 at a gain
      VOO: { priceMinor: 50_000 },
    },
    cash: {},
    targets: {},
    classes: {},
    identical: [],
    settings: { ...DEFAULT_PORTFOLIO_SETTINGS, harvestMinLossMinor: 100_000, harvestMinLossBasisPoints: 500, shortTermRateBasisPoints: 3200, longTermRateBasisPoints: 1500 },
    ...extra,
  };
}

describe('harvest scan', () => {
  const p = household();
  const report = harvest(p, buildLedger(p), DATE);
  const byLot = (id: string) => report.candidates.find((c) => c.lotId === id)!;

  it('one candidate per lot at a loss (or without a price), largest loss first, then by lot id', () => {
    expect(report.candidates.map((c) => [c.lotId, c.lossMinor, c.verdict])).toEqual([
      ['lot:0', 500_000, 'harvestable'],
      ['lot:3', 300_000, 'below-threshold'],
      ['lot:4', 100_000, 'wash-sale'],
      ['lot:5', 100_000, 'partial-wash-sale'],
      ['lot:1', 50_000, 'not-taxable'],
      ['lot:2', 5_000, 'below-threshold'],
      ['lot:7', 0, 'no-price'],
    ]);
    expect(report.candidates.filter((c) => c.harvestable).map((c) => c.lotId)).toEqual(['lot:0']);
  });

  it('harvestable: tax saved at the long-term rate, and the reason with its figures', () => {
    const c = byLot('lot:0');
    // $5,000 / $30,000 = 16.666…% → 1667 bp; held since 2024-01-10: long term; $5,000 × 15% = $750.
    expect(c).toMatchObject({ valueMinor: 2_500_000, lossBasisPoints: 1667, term: 'long', taxSavedMinor: 75_000, disallowedMinor: 0, blockedBy: null, harvestable: true });
    expect(c.reason).toBe(
      'Harvestable: selling on 2026-06-15 realizes a long-term loss of 5,000.00 USD (16.67% of basis), saving about 750.00 USD at your 15% long-term rate; ' +
        'no purchase of VTI or a substantially identical symbol from 2026-05-16 to 2026-07-15.',
    );
    expect(report.taxSavedMinor).toBe(75_000);
  });

  it('replacements: same class, not identical, none sold at a loss in the last 30 days (taxable), at most 3', () => {
    // us-total-market funds after VTI: ITOT (loss sale 2026-06-01: excluded), SCHB (loss sale 36 days before: fine),
    // FSKAX (loss sale in an IRA: fine), SWTSX, FZROX → the first 3 left.
    expect(byLot('lot:0').replacements).toEqual(['SCHB', 'FSKAX', 'SWTSX']);
    // Declaring VTI ~ SCHB makes SCHB substantially identical: dropped too.
    const q = household({ identical: [['VTI', 'SCHB']] });
    expect(harvest(q, buildLedger(q), DATE).candidates.find((c) => c.lotId === 'lot:0')!.replacements).toEqual(['FSKAX', 'SWTSX', 'FZROX']);
  });

  it('not-taxable: a loss in an IRA', () => {
    expect(byLot('lot:1')).toMatchObject({ verdict: 'not-taxable', taxSavedMinor: 0, harvestable: false });
    expect(byLot('lot:1').reason).toBe('This lot is in "IRA", a tax-deferred account: its loss of 500.00 USD is not deductible, so harvesting it saves no tax.');
  });

  it('below-threshold: under the absolute minimum, or under the share of basis', () => {
    expect(byLot('lot:2').reason).toBe(
      'The loss of 50.00 USD (6.25% of its 800.00 USD basis) is below your thresholds: a harvest needs a loss of at least 1,000.00 USD and at least 5% of basis.',
    ); // $50 / $800 = 6.25%
    expect(byLot('lot:3')).toMatchObject({ lossBasisPoints: 300, verdict: 'below-threshold' }); // $3,000 / $100,000
  });

  it('wash-sale: purchases of a share class in other accounts (one recorded after the date) cover the lot; the first is named', () => {
    const c = byLot('lot:4');
    // 60 VTMGX (IRA, 2026-06-01) + 40 VEA reinvested (Roth, 2026-07-10) = 100 = the lot: all $1,000 disallowed.
    expect(c).toMatchObject({ disallowedMinor: 100_000, taxSavedMinor: 0, harvestable: false });
    expect(c.blockedBy).toEqual({ kind: 'trade', index: 0, account: 'ira', symbol: 'VTMGX', side: 'buy', quantity: sh(60), date: day('2026-06-01') });
    expect(c.reason).toBe(
      'Selling on 2026-06-15 would be a wash sale: 60 VTMGX bought in "IRA" on 2026-06-01, and purchases of VEA or a substantially identical symbol ' +
        'from 2026-05-16 to 2026-07-15 cover all 100 shares of this lot, so the whole loss of 1,000.00 USD would be disallowed.',
    );
  });

  it('partial-wash-sale: an opening lot of 25 VEMAX covers 25 of 100 VWO', () => {
    const c = byLot('lot:5');
    // $1,000 × 25/100 = $250 disallowed.
    expect(c).toMatchObject({ disallowedMinor: 25_000, blockedBy: { kind: 'lot', index: 6, side: 'lot', symbol: 'VEMAX', quantity: sh(25) } });
    expect(c.reason).toContain('partial wash sale: the lot of 25 VEMAX acquired in "IRA" on 2026-05-20');
    expect(c.reason).toContain('cover 25 of this lot\'s 100 shares, so 250.00 USD of the 1,000.00 USD loss would be disallowed.');
  });

  it('no-price: listed with loss 0 and a reason, never dropped', () => {
    expect(byLot('lot:7')).toMatchObject({ lossMinor: 0, valueMinor: 0, harvestable: false, blockedBy: null });
    expect(byLot('lot:7').reason).toBe('There is no price for ZZZ, so the loss on this lot of 5 ZZZ (basis 100.00 USD) cannot be computed; add a price for ZZZ to check it.');
  });

  it('the lot\'s own purchase inside the window does not block it; short-term rate; thresholds are inclusive', () => {
    const q = household({
      lots: [],
      trades: [trade('brokerage', 'buy', 'SCHX', 20, '2026-06-01', 50_000)], // 20 × $500 = $10,000
      prices: { SCHX: { priceMinor: 45_000 } }, // $9,000: loss exactly $1,000 = 10%
    });
    const [c] = harvest(q, buildLedger(q), DATE).candidates;
    // Short term (bought 14 days ago): $1,000 × 32% = $320.
    expect(c).toMatchObject({ lotId: 'trade:0', verdict: 'harvestable', term: 'short', lossMinor: 100_000, taxSavedMinor: 32_000 });
    // With a minimum one cent above the loss, it is below the threshold.
    q.settings = { ...q.settings, harvestMinLossMinor: 100_001 };
    expect(harvest(q, buildLedger(q), DATE).candidates[0]!.verdict).toBe('below-threshold');
  });

  it('tax saved rounds half to even; lots bought after the date are not candidates (but are purchases)', () => {
    const withBasis = (basisMinor: number, later: string) => {
      const q = household({
        lots: [lot('brokerage', 'X', 1, basisMinor, '2025-06-01'), lot('brokerage', 'X', 1, 900_000, later)],
        trades: [],
        prices: { X: { priceMinor: 800_000 } },
      });
      return harvest(q, buildLedger(q), DATE).candidates;
    };
    // Held from 2025-06-01: long term from 2026-06-02. Loss 1,000,010 − 800,000 = 200,010;
    // × 15% = 30,001.5 → 30,002 (ties to even). lot:1, acquired 2026-08-01, is not held on the date.
    expect(withBasis(1_000_010, '2026-08-01').map((c) => [c.lotId, c.term, c.taxSavedMinor])).toEqual([['lot:0', 'long', 30_002]]);
    // 200,030 × 15% = 30,004.5 → 30,004 (even).
    expect(withBasis(1_000_030, '2026-08-01')[0]!.taxSavedMinor).toBe(30_004);
    // Acquired 2026-06-20 instead: still not a candidate, but a recorded purchase 5 days after the date: a wash sale.
    expect(withBasis(1_000_010, '2026-06-20').map((c) => [c.lotId, c.verdict, c.blockedBy?.index])).toEqual([['lot:0', 'wash-sale', 1]]);
  });
});

describe('formatting (no locale)', () => {
  it('money and basis points', () => {
    expect(formatMoneyPlain({ minor: 123456, currency: 'USD' })).toBe('1,234.56 USD');
    expect(formatMoneyPlain({ minor: -5, currency: 'USD' })).toBe('-0.05 USD');
    expect(formatMoneyPlain({ minor: 1234567, currency: 'JPY' })).toBe('1,234,567 JPY');
    expect(formatBasisPoints(3200)).toBe('32%');
    expect(formatBasisPoints(250)).toBe('2.5%');
    expect(formatBasisPoints(1234)).toBe('12.34%');
    expect(formatBasisPoints(5)).toBe('0.05%');
  });
});
