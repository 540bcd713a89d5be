import { describe, expect, it } from 'vitest';
import { openLots } from './portfolio-rebalance-setup';
import { parseDay } from '@/utils/portfolio/dates';
import { bandFor, driftReport } from '@/utils/portfolio/drift';
import { parseQty } from '@/utils/portfolio/quantity';
import { DEFAULT_PORTFOLIO_SETTINGS, type Portfolio, type PortfolioLot } from '@/utils/portfolio/types';

const S = DEFAULT_PORTFOLIO_SETTINGS; // 5 points absolute, 25% relative
const day = (text: string) => parseDay(text)!;
const lot = (account: string, symbol: string, shares: string, costBasisMinor: number, acquired = '2024-01-02'): PortfolioLot => ({
  account,
  symbol,
  quantity: parseQty(shares)!,
  costBasisMinor,
  acquired: day(acquired),
});
const prices = (minor: Record<string, number>) => Object.fromEntries(Object.entries(minor).map(([s, priceMinor]) => [s, { priceMinor }]));

function portfolio(parts: Partial<Portfolio>): Portfolio {
  return {
    currency: 'USD',
    accounts: [{ id: 'taxable', name: 'Fidelity brokerage', taxType: 'taxable' }],
    lots: [],
    trades: [],
    income: [],
    prices: {},
    cash: {},
    targets: {},
    classes: {},
    identical: [],
    settings: { ...S },
    ...parts,
  };
}

describe('bandFor: the 5/25 rule', () => {
  it('a 60% target has the 5-point absolute band (25% × 60 = 15 points is wider)', () => {
    // min(500, 2500 × 6000 / 10000 = 1500) = 500
    expect(bandFor(6000, S)).toBe(500);
  });

  it('a 10% target has a 2.5-point band (25% × 10 = 2.5 points, narrower than 5)', () => {
    // min(500, 2500 × 1000 / 10000 = 250) = 250
    expect(bandFor(1000, S)).toBe(250);
  });

  it('a 0% target has the absolute band alone', () => {
    // a relative band would be 25% × 0 = 0 and flag any holding; the absolute 500 applies
    expect(bandFor(0, S)).toBe(500);
  });

  it('the crossover is at a 20% target, and fractions of a basis point round half to even', () => {
    expect(bandFor(2000, S)).toBe(500); // 2500 × 2000 / 10000 = 500 = absolute
    expect(bandFor(1250, S)).toBe(312); // 2500 × 1250 / 10000 = 312.5 → 312 (even)
    expect(bandFor(1350, S)).toBe(338); // 2500 × 1350 / 10000 = 337.5 → 338 (even)
    expect(bandFor(1, S)).toBe(0); // 2500 × 1 / 10000 = 0.25 → 0
  });

  it('follows the person’s own bands', () => {
    const s = { ...S, absoluteBandBasisPoints: 300, relativeBandBasisPoints: 1000 };
    expect(bandFor(6000, s)).toBe(300); // min(300, 1000 × 6000 / 10000 = 600)
    expect(bandFor(2000, s)).toBe(200); // min(300, 1000 × 2000 / 10000 = 200)
    expect(bandFor(0, s)).toBe(300);
  });
});

describe('driftReport', () => {
  const targets = { 'us-total-market': 6000, 'us-bonds': 4000 };

  it('exactly on the band edge is inside: 65.00% against 60%', () => {
    // VTI 260 × 250.00 = 65,000.00; BND 500 × 70.00 = 35,000.00; total 100,000.00
    const p = portfolio({ lots: [lot('taxable', 'VTI', '260', 5_000_000), lot('taxable', 'BND', '500', 3_600_000)], prices: prices({ VTI: 25_000, BND: 7_000 }), targets });
    const r = driftReport(p, openLots(p));
    expect(r.totalMinor).toBe(10_000_000);
    expect(r.classes.map((c) => [c.assetClass, c.shareBasisPoints, c.driftBasisPoints, c.bandBasisPoints, c.outside])).toEqual([
      ['us-total-market', 6500, 500, 500, false], // 65,000 / 100,000 = 6500 bp; drift +500 = band → inside
      ['us-bonds', 3500, -500, 500, false], // 35,000 / 100,000 = 3500 bp; drift −500, band min(500, 1000) = 500 → inside
    ]);
    expect(r.outside).toEqual([]);
  });

  it('65.01% against 60% is outside, figured from dollar values', () => {
    // VTI 260.04 × 250.00 = 65,010.00; BND 500 × 69.98 = 34,990.00; total 100,000.00
    const p = portfolio({ lots: [lot('taxable', 'VTI', '260.04', 5_000_000), lot('taxable', 'BND', '500', 3_600_000)], prices: prices({ VTI: 25_000, BND: 6_998 }), targets });
    const r = driftReport(p, openLots(p));
    expect(r.totalMinor).toBe(10_000_000);
    const [stocks, bonds] = r.classes;
    expect(stocks).toEqual({
      assetClass: 'us-total-market',
      valueMinor: 6_501_000,
      shareBasisPoints: 6501, // 6,501,000 × 10000 / 10,000,000
      targetBasisPoints: 6000,
      driftBasisPoints: 501, // 6501 − 6000 > 500
      bandBasisPoints: 500,
      outside: true,
    });
    expect(bonds).toMatchObject({ valueMinor: 3_499_000, shareBasisPoints: 3499, driftBasisPoints: -501, bandBasisPoints: 500, outside: true });
    expect(r.outside).toEqual(['us-total-market', 'us-bonds']);
  });

  it('rounds shares half to even and decides on the rounded share', () => {
    // VTI 6,000.50 + BND 3,999.50 = 10,000.00 → VTI 6000.5 bp → 6000 (even), BND 3999.5 → 4000 (even)
    const p = portfolio({ lots: [lot('taxable', 'VTI', '1', 0), lot('taxable', 'BND', '1', 0)], prices: prices({ VTI: 600_050, BND: 399_950 }), targets });
    const r = driftReport(p, openLots(p));
    expect(r.classes.map((c) => c.shareBasisPoints)).toEqual([6000, 4000]);
    expect(r.classes.map((c) => c.driftBasisPoints)).toEqual([0, 0]);
  });

  const household = () =>
    portfolio({
      accounts: [
        { id: 'taxable', name: 'Fidelity brokerage', taxType: 'taxable' },
        { id: 'ira', name: 'Vanguard IRA', taxType: 'tax-deferred' },
      ],
      lots: [
        lot('taxable', 'VTI', '100', 2_000_000), // 100 × 300.00 = 30,000.00 us-total-market
        lot('ira', 'BND', '200', 1_500_000), // 200 × 70.00 = 14,000.00 us-bonds
        lot('ira', 'VXUS', '50', 250_000), // 50 × 60.00 = 3,000.00 intl-developed
        lot('taxable', 'ARKK', '10', 80_000), // 10 × 50.00 = 500.00 unclassified
        lot('taxable', 'VNQ', '5', 40_000), // no price: left out, named
        lot('ira', 'VNQ', '2', 16_000),
      ],
      prices: prices({ VTI: 30_000, BND: 7_000, VXUS: 6_000, ARKK: 5_000 }),
      cash: { taxable: 200_000, ira: 50_000 }, // 2,500.00 uninvested → class cash
      targets: { 'us-total-market': 6000, 'us-bonds': 3000, 'intl-developed': 1000 },
    });

  it('values every class, cash included, in target order then class id, and names unpriced symbols', () => {
    const p = household();
    const r = driftReport(p, openLots(p));
    // total = 30,000 + 14,000 + 3,000 + 500 + 2,500 = 50,000.00 (VNQ left out)
    expect(r.totalMinor).toBe(5_000_000);
    expect(r.unpriced).toEqual(['VNQ']);
    expect(r.classes.map((c) => [c.assetClass, c.valueMinor, c.shareBasisPoints, c.targetBasisPoints, c.driftBasisPoints, c.bandBasisPoints, c.outside])).toEqual([
      ['us-total-market', 3_000_000, 6000, 6000, 0, 500, false], // 30,000 / 50,000
      ['us-bonds', 1_400_000, 2800, 3000, -200, 500, false], // band min(500, 750)
      ['intl-developed', 300_000, 600, 1000, -400, 250, true], // band 250; |−400| > 250
      ['cash', 250_000, 500, 0, 500, 500, false], // 2,500 / 50,000 = 5.00%: on the zero target's 5-point edge → inside
      ['unclassified', 50_000, 100, 0, 100, 500, false], // 500 / 50,000 = 1.00%
    ]);
    expect(r.outside).toEqual(['intl-developed']);
    // reits (VNQ) has no price and no target: not listed at all
    expect(r.classes.some((c) => c.assetClass === 'reits')).toBe(false);
  });

  it('with no targets, every class has target 0 and none is outside', () => {
    const p = { ...household(), targets: {} };
    const r = driftReport(p, openLots(p));
    expect(r.classes.map((c) => c.assetClass)).toEqual(['cash', 'intl-developed', 'unclassified', 'us-bonds', 'us-total-market']);
    expect(r.classes.every((c) => c.targetBasisPoints === 0 && !c.outside)).toBe(true);
    expect(r.classes.find((c) => c.assetClass === 'us-total-market')!.shareBasisPoints).toBe(6000);
    expect(r.outside).toEqual([]);
  });

  it('an empty portfolio: total 0, shares 0, nothing outside', () => {
    const p = portfolio({ targets });
    const r = driftReport(p, []);
    expect(r).toEqual({
      totalMinor: 0,
      classes: [
        { assetClass: 'us-total-market', valueMinor: 0, shareBasisPoints: 0, targetBasisPoints: 6000, driftBasisPoints: -6000, bandBasisPoints: 500, outside: false },
        { assetClass: 'us-bonds', valueMinor: 0, shareBasisPoints: 0, targetBasisPoints: 4000, driftBasisPoints: -4000, bandBasisPoints: 500, outside: false },
      ],
      outside: [],
      unpriced: [],
    });
  });

  it('the person’s class overrides win', () => {
    const p = portfolio({ lots: [lot('taxable', 'VTI', '10', 0)], prices: prices({ VTI: 10_000 }), classes: { VTI: 'us-sp500' }, targets: { 'us-sp500': 10000 } });
    const r = driftReport(p, openLots(p));
    expect(r.classes.map((c) => [c.assetClass, c.shareBasisPoints])).toEqual([['us-sp500', 10000]]);
  });
});
