/**
 * The ledger (replay, FIFO and chosen lots, wash sales on recorded sells) and
 * realized gains per year, on hand-worked cases. Figures in cents; quantities
 * in shares (× QTY_SCALE micro-shares); day counts worked out in comments.
 */
import { describe, expect, it } from 'vitest';
import { firstLongTermDay, parseDay } from '@/utils/portfolio/dates';
import { buildLedger, LedgerError } from '@/utils/portfolio/ledger';
import { QTY_SCALE } from '@/utils/portfolio/quantity';
import { incomeByYear, realizedByYear } from '@/utils/portfolio/realized';
import { DEFAULT_PORTFOLIO_SETTINGS, type Portfolio, type PortfolioLot, type PortfolioTrade } from '@/utils/portfolio/types';

const day = (s: string) => parseDay(s)!;
const sh = (n: number) => Math.round(n * QTY_SCALE);

function portfolio(lots: PortfolioLot[], trades: PortfolioTrade[], extra: Partial<Portfolio> = {}): Portfolio {
  return {
    currency: 'USD',
    accounts: [
      { id: 'brokerage', name: 'Brokerage', taxType: 'taxable' },
      { id: 'other', name: 'Other brokerage', taxType: 'taxable' },
      { id: 'ira', name: 'IRA', taxType: 'tax-deferred' },
      { id: 'roth', name: 'Roth IRA', taxType: 'tax-free' },
    ],
    lots,
    trades,
    income: [],
    prices: {},
    cash: {},
    targets: {},
    classes: {},
    identical: [],
    settings: { ...DEFAULT_PORTFOLIO_SETTINGS },
    ...extra,
  };
}
const lot = (account: string, symbol: string, shares: number, costBasisMinor: number, acquired: string): PortfolioLot => ({
  account,
  symbol,
  quantity: sh(shares),
  costBasisMinor,
  acquired: day(acquired),
});
const trade = (account: string, side: PortfolioTrade['side'], symbol: string, shares: number, date: string, priceMinor: number, lots?: [string, number][]): PortfolioTrade => ({
  account,
  side,
  symbol,
  quantity: sh(shares),
  date: day(date),
  priceMinor,
  ...(lots ? { lots: lots.map(([acquired, n]) => ({ acquired: day(acquired), quantity: sh(n) })) } : {}),
});

describe('wash sales on recorded sells (IRS Publication 550, "Wash Sales")', () => {
  it('Pub 550 Example 1: buy 100 for $1,000, sell for $750, rebuy 100 within 30 days for $800 → $250 disallowed, new basis $1,050', () => {
    const ledger = buildLedger(
      portfolio([lot('brokerage', 'X', 100, 100000, '2025-06-02')], [
        trade('brokerage', 'sell', 'X', 100, '2026-03-02', 750), // 100 × $7.50 = $750
        trade('brokerage', 'buy', 'X', 100, '2026-03-20', 800), // 100 × $8.00 = $800, 18 days after the sale
      ]),
    );
    const [sale] = ledger.disposals;
    expect(sale).toMatchObject({ proceedsMinor: 75000, basisMinor: 100000, gainMinor: -25000, disallowedMinor: 25000, term: 'short' });
    expect(sale!.replacements).toEqual([
      { purchase: { kind: 'trade', index: 1 }, account: 'brokerage', symbol: 'X', date: day('2026-03-20'), quantity: sh(100), disallowedMinor: 25000, permanent: false },
    ]);
    // Basis $800 + $250 = $1,050. Held 2025-06-02 → 2026-03-02 = 273 days
    // (30+31+31+30+31+30+31+31+28), so the new shares' holding period starts
    // 2026-03-20 − 273 days = 2025-06-20.
    expect(ledger.open).toEqual([
      { id: 'trade:1', origin: { kind: 'trade', index: 1 }, account: 'brokerage', symbol: 'X', quantity: sh(100), basisMinor: 105000, acquired: day('2026-03-20'), holdingFrom: day('2025-06-20'), washAdjustmentMinor: 25000 },
    ]);
    // Deductible in 2026: −250 + 250 = 0; $250 disallowed.
    expect(realizedByYear(ledger)).toEqual([{ year: 2026, shortTermMinor: 0, longTermMinor: 0, disallowedMinor: 25000, proceedsMinor: 75000 }]);
  });

  it('purchase within 30 days BEFORE the sale: 40 of 100 shares replaced, 2/5 of the loss disallowed', () => {
    const ledger = buildLedger(
      portfolio([lot('brokerage', 'X', 100, 100000, '2025-01-10')], [
        trade('brokerage', 'buy', 'X', 40, '2026-02-01', 900), // 40 × $9 = $360, 19 days before the sale
        trade('brokerage', 'sell', 'X', 100, '2026-02-20', 800), // FIFO: the 2025 lot; 100 × $8 = $800, loss $200
      ]),
    );
    const [sale] = ledger.disposals;
    // Loss $200 × 40/100 = $80 disallowed; $120 deductible.
    expect(sale).toMatchObject({ acquired: day('2025-01-10'), gainMinor: -20000, disallowedMinor: 8000, term: 'long' });
    // $360 + $80 = $440. Held 2025-01-10 → 2026-02-20 = 365 + 41 = 406 days;
    // 2026-02-01 − 406 days = 2025-01-10 − 19 days = 2024-12-22.
    expect(ledger.open).toMatchObject([{ id: 'trade:0', quantity: sh(40), basisMinor: 44000, holdingFrom: day('2024-12-22'), washAdjustmentMinor: 8000 }]);
    expect(realizedByYear(ledger)).toEqual([{ year: 2026, shortTermMinor: 0, longTermMinor: -12000, disallowedMinor: 8000, proceedsMinor: 80000 }]);
  });

  it('purchase within 30 days AFTER the sale (day 30 exactly): whole loss carried into the new lot', () => {
    const ledger = buildLedger(
      portfolio([lot('brokerage', 'X', 50, 600000, '2025-09-01')], [
        trade('brokerage', 'sell', 'X', 50, '2025-12-01', 10000), // 50 × $100 = $5,000, loss $1,000
        trade('brokerage', 'buy', 'X', 50, '2025-12-31', 9000), // 30 days later; 50 × $90 = $4,500
      ]),
    );
    expect(ledger.disposals[0]).toMatchObject({ gainMinor: -100000, disallowedMinor: 100000 });
    // $4,500 + $1,000 = $5,500; held 2025-09-01 → 2025-12-01 = 30+31+30 = 91 days; 2025-12-31 − 91 = 2025-10-01.
    expect(ledger.open).toMatchObject([{ id: 'trade:1', basisMinor: 550000, acquired: day('2025-12-31'), holdingFrom: day('2025-10-01') }]);
  });

  describe('window boundaries: sale 2026-03-02 at a $10 loss', () => {
    const withBuyOn = (date: string) =>
      buildLedger(
        portfolio([lot('brokerage', 'X', 10, 11000, '2024-01-02')], [
          trade('brokerage', 'buy', 'X', 10, date, 1000),
          trade('brokerage', 'sell', 'X', 10, '2026-03-02', 1000, [['2024-01-02', 10]]), // 10 × $10 = $100 against a $110 basis: $10 loss
        ]),
      ).disposals[0]!.disallowedMinor;
    // 2026-03-02 + 30 days = 2026-04-01 (March has 31 days); − 30 days = 2026-01-31 (February 2026 has 28).
    it('a purchase 30 days after is inside', () => expect(withBuyOn('2026-04-01')).toBe(1000));
    it('a purchase 31 days after is outside', () => expect(withBuyOn('2026-04-02')).toBe(0));
    it('a purchase 30 days before is inside', () => expect(withBuyOn('2026-01-31')).toBe(1000));
    it('a purchase 31 days before is outside', () => expect(withBuyOn('2026-01-30')).toBe(0));
  });

  it('purchase in an IRA: the loss is disallowed for good (Rev. Rul. 2008-5), the IRA lot keeps its basis', () => {
    const ledger = buildLedger(
      portfolio([lot('brokerage', 'X', 10, 20000, '2025-01-02')], [
        trade('brokerage', 'sell', 'X', 10, '2025-04-01', 1500), // $150, loss $50
        trade('ira', 'buy', 'X', 10, '2025-04-10', 1500), // $150 in the IRA
      ]),
    );
    expect(ledger.disposals[0]!.disallowedMinor).toBe(5000);
    expect(ledger.disposals[0]!.replacements).toMatchObject([{ account: 'ira', quantity: sh(10), disallowedMinor: 5000, permanent: true }]);
    expect(ledger.open).toEqual([
      { id: 'trade:1', origin: { kind: 'trade', index: 1 }, account: 'ira', symbol: 'X', quantity: sh(10), basisMinor: 15000, acquired: day('2025-04-10'), holdingFrom: day('2025-04-10'), washAdjustmentMinor: 0 },
    ]);
    // Nothing deductible: −50 + 50 = 0, and the $50 is not in any basis.
    expect(realizedByYear(ledger)).toEqual([{ year: 2025, shortTermMinor: 0, longTermMinor: 0, disallowedMinor: 5000, proceedsMinor: 15000 }]);
  });

  it('via dividend reinvestment: 0.5 reinvested share replaces 0.5 of the 10 sold', () => {
    const p = portfolio([lot('brokerage', 'VTI', 10, 300000, '2025-01-02')], [
      trade('brokerage', 'sell', 'VTI', 10, '2025-06-02', 25000), // 10 × $250 = $2,500, loss $500
      trade('brokerage', 'reinvest', 'VTI', 0.5, '2025-06-20', 25200), // 0.5 × $252 = $126
    ]);
    const ledger = buildLedger(p);
    // $500 × 0.5/10 = $25 disallowed.
    expect(ledger.disposals[0]).toMatchObject({ disallowedMinor: 2500, replacements: [{ quantity: sh(0.5), disallowedMinor: 2500 }] });
    // $126 + $25 = $151; held 2025-01-02 → 2025-06-02 = 31+28+31+30+31 = 151 days; 2025-06-20 − 151 = 2025-01-20.
    expect(ledger.open).toMatchObject([{ id: 'trade:1', quantity: sh(0.5), basisMinor: 15100, holdingFrom: day('2025-01-20') }]);
    expect(ledger.purchases.map((x) => x.side)).toEqual(['lot', 'reinvest']);
    // The reinvested dividend is dividend income: $126.
    expect(incomeByYear(p)).toEqual([{ year: 2025, dividendsMinor: 12600, interestMinor: 0 }]);
  });

  it('partial replacement: 30 shares bought after selling 100 at a loss, 30% of the loss disallowed', () => {
    const ledger = buildLedger(
      portfolio([lot('brokerage', 'X', 100, 500000, '2025-01-02')], [
        trade('brokerage', 'sell', 'X', 100, '2025-03-03', 4000), // $4,000, loss $1,000
        trade('brokerage', 'buy', 'X', 30, '2025-03-08', 4100), // 30 × $41 = $1,230
      ]),
    );
    // $1,000 × 30/100 = $300 disallowed; $700 deductible.
    expect(ledger.disposals[0]).toMatchObject({ disallowedMinor: 30000, replacements: [{ quantity: sh(30), disallowedMinor: 30000 }] });
    expect(ledger.open).toMatchObject([{ id: 'trade:1', quantity: sh(30), basisMinor: 153000 }]); // $1,230 + $300
    expect(realizedByYear(ledger)[0]).toMatchObject({ shortTermMinor: -70000, disallowedMinor: 30000 });
  });

  it('a replacement lot larger than the sale is split: the matched part is "trade:1.2", the rest keeps "trade:1"', () => {
    const ledger = buildLedger(
      portfolio([lot('brokerage', 'X', 100, 500000, '2025-01-02')], [
        trade('brokerage', 'sell', 'X', 100, '2025-03-03', 4000), // loss $1,000
        trade('brokerage', 'buy', 'X', 130, '2025-03-08', 4100), // 130 × $41 = $5,330
      ]),
    );
    // Matched 100: $5,330 × 100/130 = $4,100 + $1,000 = $5,100; rest 30: $1,230.
    // Held 2025-01-02 → 2025-03-03 = 31 + 28 + 1 = 60 days; 2025-03-08 − 60 = 2025-01-07.
    expect(ledger.open.map((l) => [l.id, l.quantity / QTY_SCALE, l.basisMinor, l.holdingFrom])).toEqual([
      ['trade:1', 30, 123000, day('2025-03-08')],
      ['trade:1.2', 100, 510000, day('2025-01-07')],
    ]);
  });

  it('substantially identical symbol: VTI sold, VTSAX (its mutual-fund share class) bought', () => {
    const ledger = buildLedger(
      portfolio([lot('brokerage', 'VTI', 10, 300000, '2025-01-02')], [
        trade('brokerage', 'sell', 'VTI', 10, '2025-06-02', 28000), // $2,800, loss $200
        trade('other', 'buy', 'VTSAX', 20, '2025-06-05', 14000), // 20 × $140 = $2,800
      ]),
    );
    expect(ledger.disposals[0]).toMatchObject({ disallowedMinor: 20000, replacements: [{ symbol: 'VTSAX', account: 'other', quantity: sh(10) }] });
    // 10 of the 20 VTSAX matched: split off with $1,400 + $200 = $1,600.
    expect(ledger.open.map((l) => [l.id, l.quantity / QTY_SCALE, l.basisMinor])).toEqual([
      ['trade:1', 10, 140000],
      ['trade:1.2', 10, 160000],
    ]);
  });

  it('substantially identical symbol: a group the person declares (ABC ~ XYZ); without it, no wash sale', () => {
    const lots = [lot('brokerage', 'ABC', 10, 10000, '2025-01-02')];
    const trades = [trade('brokerage', 'sell', 'ABC', 10, '2025-06-02', 900), trade('brokerage', 'buy', 'XYZ', 10, '2025-06-03', 900)];
    expect(buildLedger(portfolio(lots, trades, { identical: [['ABC', 'XYZ']] })).disposals[0]!.disallowedMinor).toBe(1000); // $100 − $90
    expect(buildLedger(portfolio(lots, trades)).disposals[0]!.disallowedMinor).toBe(0);
    // VTI and ITOT track different indexes: not substantially identical by default.
    const vti = [lot('brokerage', 'VTI', 10, 10000, '2025-01-02')];
    expect(buildLedger(portfolio(vti, [trade('brokerage', 'sell', 'VTI', 10, '2025-06-02', 900), trade('brokerage', 'buy', 'ITOT', 10, '2025-06-03', 900)])).disposals[0]!.disallowedMinor).toBe(0);
  });

  it('a gain sale never triggers', () => {
    const ledger = buildLedger(
      portfolio([lot('brokerage', 'X', 10, 10000, '2025-01-02')], [
        trade('brokerage', 'sell', 'X', 10, '2025-06-02', 1200), // $120: gain $20
        trade('brokerage', 'buy', 'X', 10, '2025-06-03', 1100),
      ]),
    );
    expect(ledger.disposals[0]).toMatchObject({ gainMinor: 2000, disallowedMinor: 0, replacements: [] });
    expect(ledger.open).toMatchObject([{ basisMinor: 11000, washAdjustmentMinor: 0, holdingFrom: day('2025-06-03') }]);
  });

  it('a sale at a loss in an IRA never triggers', () => {
    const ledger = buildLedger(
      portfolio([lot('ira', 'X', 10, 10000, '2025-01-02')], [trade('ira', 'sell', 'X', 10, '2025-06-02', 800), trade('brokerage', 'buy', 'X', 10, '2025-06-03', 800)]),
    );
    expect(ledger.disposals[0]).toMatchObject({ gainMinor: -2000, disallowedMinor: 0, taxType: 'tax-deferred' });
    expect(ledger.open).toMatchObject([{ basisMinor: 8000, washAdjustmentMinor: 0 }]);
    expect(realizedByYear(ledger)).toEqual([]); // IRA sales are not reported
  });

  it('each purchased share replaces at most once: a second loss sale finds the 10 shares used', () => {
    const ledger = buildLedger(
      portfolio([lot('brokerage', 'X', 20, 20000, '2025-01-02')], [
        trade('brokerage', 'sell', 'X', 10, '2025-03-01', 800), // loss $20
        trade('brokerage', 'buy', 'X', 10, '2025-03-05', 800),
        trade('brokerage', 'sell', 'X', 10, '2025-03-10', 700, [['2025-01-02', 10]]), // loss $30: the March 5 shares already replaced the first sale
      ]),
    );
    expect(ledger.disposals.map((d) => [d.gainMinor, d.disallowedMinor])).toEqual([
      [-2000, 2000],
      [-3000, 0],
    ]);
  });

  it('shares of a purchase sold before the loss sale are not replacements', () => {
    const ledger = buildLedger(
      portfolio([lot('brokerage', 'X', 10, 10000, '2025-01-02')], [
        trade('other', 'buy', 'X', 10, '2025-03-01', 800),
        trade('other', 'sell', 'X', 10, '2025-03-03', 850), // gain, and the March 1 shares are gone
        trade('brokerage', 'sell', 'X', 10, '2025-03-10', 800), // loss $20
      ]),
    );
    expect(ledger.disposals.map((d) => d.disallowedMinor)).toEqual([0, 0]);
  });

  it('cascade: a replacement lot later sold at a loss carries its adjusted basis and holding period', () => {
    const ledger = buildLedger(
      portfolio([lot('brokerage', 'X', 10, 100000, '2025-01-02')], [
        trade('brokerage', 'sell', 'X', 10, '2025-05-01', 8000), // $800, loss $200
        trade('brokerage', 'buy', 'X', 10, '2025-05-10', 8500), // $850 + $200 = $1,050
        trade('brokerage', 'sell', 'X', 10, '2025-09-01', 9000), // $900 − $1,050 = −$150, no purchase around it
      ]),
    );
    // Held 2025-01-02 → 2025-05-01 = 31+28+31+29 = 119 days; 2025-05-10 − 119 = 2025-01-11.
    expect(ledger.disposals[1]).toMatchObject({ basisMinor: 105000, gainMinor: -15000, holdingFrom: day('2025-01-11'), disallowedMinor: 0, term: 'short' });
    // 2025: −200 + 200 (disallowed) − 150 = −150 deductible.
    expect(realizedByYear(ledger)).toEqual([{ year: 2025, shortTermMinor: -15000, longTermMinor: 0, disallowedMinor: 20000, proceedsMinor: 170000 }]);
  });
});

describe('lots a sell closes', () => {
  const lots = [lot('brokerage', 'X', 10, 100000, '2024-01-10'), lot('brokerage', 'X', 10, 150000, '2025-03-10')];

  it('FIFO closes the oldest lot: 5 of the 2024 lot, a long-term gain', () => {
    const ledger = buildLedger(portfolio(lots, [trade('brokerage', 'sell', 'X', 5, '2025-06-10', 12000)]));
    // 5 × $120 = $600 − $1,000 × 5/10 = $500 → +$100.
    expect(ledger.disposals).toMatchObject([{ acquired: day('2024-01-10'), proceedsMinor: 60000, basisMinor: 50000, gainMinor: 10000, term: 'long' }]);
    expect(ledger.open.map((l) => [l.id, l.quantity / QTY_SCALE, l.basisMinor])).toEqual([
      ['lot:0', 5, 50000],
      ['lot:1', 10, 150000],
    ]);
  });

  it('chosen lots close the named lot: 5 of the 2025 lot, a short-term loss; across lots, proceeds pro rata', () => {
    const one = buildLedger(portfolio(lots, [trade('brokerage', 'sell', 'X', 5, '2025-06-10', 12000, [['2025-03-10', 5]])]));
    // $600 − $1,500 × 5/10 = $750 → −$150.
    expect(one.disposals).toMatchObject([{ acquired: day('2025-03-10'), basisMinor: 75000, gainMinor: -15000, term: 'short' }]);
    const two = buildLedger(portfolio(lots, [trade('brokerage', 'sell', 'X', 15, '2025-06-10', 12000, [['2025-03-10', 10], ['2024-01-10', 5]])]));
    // 15 × $120 = $1,800: 10/15 → $1,200 to the 2025 lot, 5/15 → $600 to the 2024 lot, in the order named.
    expect(two.disposals.map((d) => [d.acquired, d.proceedsMinor])).toEqual([
      [day('2025-03-10'), 120000],
      [day('2024-01-10'), 60000],
    ]);
  });

  it('proceeds split so the parts add up exactly (half a cent goes to the even side)', () => {
    const ledger = buildLedger(
      portfolio([lot('brokerage', 'X', 0.5, 100, '2025-01-02'), lot('brokerage', 'X', 0.5, 100, '2025-01-03')], [trade('brokerage', 'sell', 'X', 1, '2025-02-01', 1)]),
    );
    // 1 share × 1 cent = 1 cent; the first half: round(0.5) = 0 (to even), the second 1 − 0 = 1.
    expect(ledger.disposals.map((d) => d.proceedsMinor)).toEqual([0, 1]);
  });

  it('with lot method "chosen", a sell that names no lots is an error', () => {
    const p = portfolio(lots, [trade('brokerage', 'sell', 'X', 5, '2025-06-10', 12000)]);
    p.settings = { ...p.settings, lotMethod: 'chosen' };
    expect(() => buildLedger(p)).toThrow('trades[0] sells 5 X in "brokerage" on 2025-06-10 without naming its lots, but the lot method is "chosen": every sell must name the lots it closes');
  });

  it('a named lot that does not exist or does not hold enough is an error', () => {
    expect(() => buildLedger(portfolio(lots, [trade('brokerage', 'sell', 'X', 5, '2025-06-10', 12000, [['2025-03-11', 5]])]))).toThrow(
      'trades[0] sells 5 X in "brokerage" on 2025-06-10 from the lot acquired 2025-03-11, but no lot acquired that day is held then',
    );
    expect(() => buildLedger(portfolio(lots, [trade('brokerage', 'sell', 'X', 12, '2025-06-10', 12000, [['2025-03-10', 12]])]))).toThrow(
      'trades[0] sells 12 X in "brokerage" on 2025-06-10 with 12 from the lot acquired 2025-03-10, but that lot holds only 10 then',
    );
  });

  it('LedgerError on overselling names the trade; lots bought after the sale date do not count', () => {
    const p = portfolio([lot('brokerage', 'VTI', 5, 100000, '2025-01-02')], [trade('brokerage', 'buy', 'VTI', 10, '2026-02-01', 20000), trade('brokerage', 'sell', 'VTI', 10, '2026-01-05', 20000)]);
    expect(() => buildLedger(p)).toThrow(LedgerError);
    expect(() => buildLedger(p)).toThrow('trades[1] sells 10 VTI in "brokerage" on 2026-01-05, but only 5 are held then');
  });
});

describe('realized gains per year', () => {
  it('short and long term split on the one-year boundary (dates.ts firstLongTermDay), taxable accounts only', () => {
    // Held from 2024-03-15: long-term from 2025-03-16 (the day after the anniversary).
    expect(firstLongTermDay(day('2024-03-15'))).toBe(day('2025-03-16'));
    const ledger = buildLedger(
      portfolio([lot('brokerage', 'X', 10, 100000, '2024-03-15'), lot('ira', 'X', 10, 100000, '2024-03-15')], [
        trade('brokerage', 'sell', 'X', 2, '2025-03-15', 11000), // $220 − $200 = +$20, short (the anniversary itself)
        trade('brokerage', 'sell', 'X', 2, '2025-03-16', 9000), // $180 − $200 = −$20, long; no purchase around it
        trade('ira', 'sell', 'X', 5, '2025-07-01', 20000), // an IRA gain: not reported
        trade('brokerage', 'sell', 'X', 1, '2026-01-05', 13000), // $130 − $100 = +$30, long
      ]),
    );
    expect(ledger.disposals.map((d) => d.term)).toEqual(['short', 'long', 'long', 'long']);
    expect(realizedByYear(ledger)).toEqual([
      { year: 2025, shortTermMinor: 2000, longTermMinor: -2000, disallowedMinor: 0, proceedsMinor: 40000 }, // $220 + $180
      { year: 2026, shortTermMinor: 0, longTermMinor: 3000, disallowedMinor: 0, proceedsMinor: 13000 },
    ]);
  });

  it('dividends and interest per year: income entries plus reinvested dividends', () => {
    const p = portfolio([lot('brokerage', 'X', 10, 1000, '2024-01-02')], [trade('brokerage', 'reinvest', 'X', 1.5, '2025-12-31', 1001)], {
      income: [
        { account: 'brokerage', symbol: 'X', kind: 'dividend', date: day('2025-06-30'), amountMinor: 5000 },
        { account: 'brokerage', kind: 'interest', date: day('2025-07-31'), amountMinor: 123 },
        { account: 'ira', kind: 'interest', date: day('2024-07-31'), amountMinor: 77 },
      ],
    });
    // 1.5 × 1001 = 1501.5 → 1502 (half to even); 5000 + 1502 = 6502.
    expect(incomeByYear(p)).toEqual([
      { year: 2024, dividendsMinor: 0, interestMinor: 77 },
      { year: 2025, dividendsMinor: 6502, interestMinor: 123 },
    ]);
  });
});
