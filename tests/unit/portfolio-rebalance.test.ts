import { describe, expect, it } from 'vitest';
import { rebalance } from '@/utils/portfolio/rebalance';
import { brief, day, expectAllInside, IRA, ledgerOf, lot, openLots, portfolio, prices, qty, ROTH, S, TAXABLE, TODAY } from './portfolio-rebalance-setup';

describe('rebalance', () => {
  it('fixes a two-account household entirely in the IRA, with no tax and one sell and one buy', () => {
    const p = portfolio({
      lots: [
        lot('taxable', 'VTI', '100', 2_000_000, '2020-03-02'), // 100 × 300.00 = 30,000.00, a long-term gain
        lot('ira', 'VTI', '50', 1_000_000, '2021-05-03'), // 50 × 300.00 = 15,000.00
        lot('ira', 'BND', '200', 1_700_000, '2021-05-03'), // 200 × 75.00 = 15,000.00
      ],
      prices: prices({ VTI: 30_000, BND: 7_500 }),
    });
    const plan = rebalance(p, ledgerOf(p), TODAY);
    // total 60,000.00: stocks 45,000 = 75.00% (drift +15 > 5), bonds 15,000 = 25.00% (drift −15)
    expect(plan.before.outside).toEqual(['us-total-market', 'us-bonds']);
    // stocks to 60% × 60,000 = 36,000: sell 9,000.00 = 30 VTI, in the IRA first (it holds 15,000 there)
    // bonds to 40% × 60,000 = 24,000: buy 9,000.00 / 75.00 = 120 BND, in the IRA with the proceeds
    expect(brief(plan)).toEqual([
      ['sell', 'ira', 'VTI', qty('30'), 900_000],
      ['buy', 'ira', 'BND', qty('120'), 900_000],
    ]);
    const [sell, buy] = plan.trades;
    // 30 of the lot's 50 shares: basis 10,000.00 × 30/50 = 6,000.00; proceeds 9,000.00; gain 3,000.00, not taxed in an IRA
    expect(sell!.lots).toEqual([{ lotId: 'lot:1', quantity: qty('30'), basisMinor: 600_000, proceedsMinor: 900_000, gainMinor: 300_000, term: 'long' }]);
    expect(sell!.realizedGainMinor).toBe(0);
    expect(sell!.taxCostMinor).toBe(0);
    expect(sell!.reason).toBe(
      'Sell 30 VTI in Vanguard IRA (tax-deferred, no tax due): US total market is at 75.00% against a 60.00% target, outside its ±5.00-point band.',
    );
    expect(buy!.reason).toBe(
      'Buy 120 BND in Vanguard IRA (tax-deferred) with 9,000.00 USD of sale proceeds: US bonds are at 25.00% against a 40.00% target, outside its ±5.00-point band.',
    );
    expect(plan.taxCostMinor).toBe(0);
    expect(plan.cashUsedMinor).toBe(0);
    expect(plan.unresolved).toEqual([]);
    // after: stocks 36,000 / 60,000 = 60.00%, bonds 24,000 / 60,000 = 40.00%
    expect(plan.after.classes.map((c) => [c.assetClass, c.valueMinor, c.shareBasisPoints])).toEqual([
      ['us-total-market', 3_600_000, 6000],
      ['us-bonds', 2_400_000, 4000],
    ]);
    expectAllInside(p, plan);
  });

  it('sells in the tax-deferred account before the tax-free one, and both before taxable', () => {
    const p = portfolio({
      accounts: [TAXABLE, ROTH, IRA],
      lots: [
        lot('taxable', 'VTI', '100', 1_000_000, '2020-03-02'), // 30,000.00
        lot('roth', 'VTI', '20', 400_000, '2021-05-03'), // 6,000.00
        lot('ira', 'VTI', '10', 200_000, '2021-05-03'), // 3,000.00
        lot('taxable', 'BND', '280', 2_000_000, '2021-05-03'), // 280 × 75.00 = 21,000.00
      ],
      prices: prices({ VTI: 30_000, BND: 7_500 }),
    });
    const plan = rebalance(p, ledgerOf(p), TODAY);
    // total 60,000: stocks 39,000 = 65.00%, exactly on the edge → inside; bonds 35.00% likewise: nothing to do
    expect(plan.trades).toEqual([]);
    // one more share of VTI in the taxable account: stocks 39,300 / 60,300 = 65.17% → outside; bonds 34.83% → outside
    const q = { ...p, lots: [...p.lots, lot('taxable', 'VTI', '1', 30_000, '2020-03-02')] };
    const plan2 = rebalance(q, ledgerOf(q), TODAY);
    expect(plan2.before.classes.map((c) => c.shareBasisPoints)).toEqual([6517, 3483]);
    // target 60% × 60,300 = 36,180: sell 3,120.00 → IRA 3,000.00 (10 VTI), then Roth 120.00 (0.4 VTI)
    expect(brief(plan2).filter((t) => t[0] === 'sell')).toEqual([
      ['sell', 'ira', 'VTI', qty('10'), 300_000],
      ['sell', 'roth', 'VTI', qty('0.4'), 12_000],
    ]);
    expect(plan2.taxCostMinor).toBe(0);
    // bonds 21,000 → 24,120: 3,000 / 75 = 40 BND in the IRA, 120 / 75 = 1.6 BND in the Roth
    // (buys listed tax-deferred first, then tax-free)
    expect(brief(plan2).filter((t) => t[0] === 'buy')).toEqual([
      ['buy', 'ira', 'BND', qty('40'), 300_000],
      ['buy', 'roth', 'BND', qty('1.6'), 12_000],
    ]);
    expectAllInside(q, plan2);
  });

  it('cash-flow only: new cash brings the underweight class back with no sale', () => {
    const p = portfolio({
      accounts: [TAXABLE],
      lots: [
        lot('taxable', 'VTI', '200', 4_000_000, '2020-03-02'), // 200 × 300.00 = 60,000.00
        lot('taxable', 'BND', '375', 3_000_000, '2020-03-02'), // 375 × 80.00 = 30,000.00
      ],
      prices: prices({ VTI: 30_000, BND: 8_000 }),
      cash: { taxable: 1_000_000 }, // 10,000.00 uninvested
    });
    const plan = rebalance(p, ledgerOf(p), TODAY);
    // total 100,000: stocks 60.00% (in), bonds 30.00% (−10 points, out), cash 10.00% against 0 (+10, out)
    expect(plan.before.outside).toEqual(['us-bonds', 'cash']);
    // bonds to 40,000: buy 10,000.00 / 80.00 = 125 BND with the cash; stocks untouched
    expect(brief(plan)).toEqual([['buy', 'taxable', 'BND', qty('125'), 1_000_000]]);
    expect(plan.trades[0]!.reason).toBe(
      'Buy 125 BND in Fidelity brokerage (taxable) with 10,000.00 USD of uninvested cash (no sale needed): US bonds are at 30.00% against a 40.00% target, outside its ±5.00-point band.',
    );
    expect(plan.cashUsedMinor).toBe(1_000_000);
    expect(plan.taxCostMinor).toBe(0);
    expect(plan.after.classes.map((c) => [c.assetClass, c.valueMinor, c.shareBasisPoints])).toEqual([
      ['us-total-market', 6_000_000, 6000],
      ['us-bonds', 4_000_000, 4000],
      // no cash left and no cash target: the class is no longer listed
    ]);
    expectAllInside(p, plan);
  });

  it('spends cash above its target before selling an in-band class', () => {
    const p = portfolio({
      accounts: [TAXABLE],
      targets: { 'us-total-market': 5000, 'us-bonds': 4000, 'intl-developed': 1000 },
      lots: [
        lot('taxable', 'VTI', '212', 4_240_000, '2020-03-02'), // 212 × 250.00 = 53,000.00, basis 200.00 a share
        lot('taxable', 'BND', '412.5', 3_300_000, '2020-03-02'), // 412.5 × 80.00 = 33,000.00
        lot('taxable', 'VEA', '200', 1_000_000, '2020-03-02'), // 200 × 50.00 = 10,000.00
      ],
      prices: prices({ VTI: 25_000, BND: 8_000, VEA: 5_000 }),
      cash: { taxable: 400_000 }, // 4,000.00
    });
    const plan = rebalance(p, ledgerOf(p), TODAY);
    // total 100,000: stocks 53% (+3, in), bonds 33% (−7, out), intl 10% (in), cash 4% against 0 (+4, in)
    expect(plan.before.outside).toEqual(['us-bonds']);
    // bonds need +7,000: cash above target (4,000) first, then the in-band overweight stocks (3,000 = 12 VTI)
    expect(brief(plan)).toEqual([
      ['sell', 'taxable', 'VTI', qty('12'), 300_000],
      ['buy', 'taxable', 'BND', qty('87.5'), 700_000], // 7,000 / 80 = 87.5
    ]);
    const [sell, buy] = plan.trades;
    // basis 42,400 × 12/212 = 2,400.00; gain 600.00 long-term; tax 600 × 15% = 90.00
    expect(sell!.lots).toEqual([{ lotId: 'lot:0', quantity: qty('12'), basisMinor: 240_000, proceedsMinor: 300_000, gainMinor: 60_000, term: 'long' }]);
    expect(sell!.realizedGainMinor).toBe(60_000);
    expect(sell!.taxCostMinor).toBe(9_000);
    expect(sell!.reason).toBe(
      'Sell 12 VTI in Fidelity brokerage (taxable): US total market is at 53.00% against a 50.00% target, inside its ±5.00-point band but above target, ' +
        'so selling it down pays for the buys the classes outside their bands need; this realizes a long-term gain of 600.00 USD, about 90.00 USD in tax at your 15.00% long-term rate.',
    );
    expect(buy!.reason).toContain('with 3,000.00 USD of sale proceeds and 4,000.00 USD of uninvested cash:');
    expect(plan.cashUsedMinor).toBe(400_000);
    expect(plan.taxCostMinor).toBe(9_000);
    expectAllInside(p, plan);
  });

  describe('in a taxable account', () => {
    // VTI at 300.00, ITOT at 150.00, BND at 80.00
    const p = portfolio({
      accounts: [TAXABLE],
      lots: [
        lot('taxable', 'VTI', '235', 2_350_000, '2020-01-02'), // 70,500.00 against 23,500.00: +47,000 long-term
        lot('taxable', 'VTI', '20', 660_000, '2022-01-03'), // 6,000.00 against 6,600.00: −600 long-term (−10 c a dollar)
        lot('taxable', 'ITOT', '40', 750_000, '2026-03-02'), // 6,000.00 against 7,500.00: −1,500 short-term (−25 c a dollar)
        lot('taxable', 'BND', '375', 3_000_000, '2020-01-02'), // 30,000.00
      ],
      prices: prices({ VTI: 30_000, ITOT: 15_000, BND: 8_000 }),
    });

    it('sells losses first, largest loss per dollar first, then the smallest long-term gain', () => {
      const plan = rebalance(p, ledgerOf(p), TODAY);
      // total 112,500: stocks 82,500 = 73.33% (+13.33), bonds 30,000 = 26.67% (−13.33)
      expect(plan.before.classes.map((c) => c.shareBasisPoints)).toEqual([7333, 2667]);
      // stocks to 60% × 112,500 = 67,500: sell 15,000.00 = ITOT 6,000 (loss) + VTI 6,000 (loss lot) + VTI 3,000 (10 shares of the gain lot)
      expect(brief(plan)).toEqual([
        ['sell', 'taxable', 'ITOT', qty('40'), 600_000],
        ['sell', 'taxable', 'VTI', qty('30'), 900_000],
        ['buy', 'taxable', 'BND', qty('187.5'), 1_500_000], // 15,000 / 80 = 187.5
      ]);
      const [itot, vti] = plan.trades;
      expect(itot!.lots).toEqual([{ lotId: 'lot:2', quantity: qty('40'), basisMinor: 750_000, proceedsMinor: 600_000, gainMinor: -150_000, term: 'short' }]);
      // −1,500.00 short-term × 32% = −480.00 (saves tax)
      expect(itot!.taxCostMinor).toBe(-48_000);
      expect(itot!.reason).toContain('this realizes a short-term loss of 1,500.00 USD, saving about 480.00 USD in tax at your 32.00% short-term rate.');
      // the loss lot before the gain lot; 10 of 235 gain-lot shares: basis 23,500 × 10/235 = 1,000.00, gain 2,000.00
      expect(vti!.lots).toEqual([
        { lotId: 'lot:1', quantity: qty('20'), basisMinor: 660_000, proceedsMinor: 600_000, gainMinor: -60_000, term: 'long' },
        { lotId: 'lot:0', quantity: qty('10'), basisMinor: 100_000, proceedsMinor: 300_000, gainMinor: 200_000, term: 'long' },
      ]);
      // net long-term 2,000 − 600 = 1,400.00; tax 1,400 × 15% = 210.00
      expect(vti!.realizedGainMinor).toBe(140_000);
      expect(vti!.taxCostMinor).toBe(21_000);
      expect(plan.taxCostMinor).toBe(-27_000); // −480 + 210
      expectAllInside(p, plan);
    });
  });

  describe('short-term gains', () => {
    const p = portfolio({
      accounts: [TAXABLE],
      lots: [
        lot('taxable', 'VTI', '100', 2_500_000, '2026-06-01'), // 30,000.00 against 25,000.00, held under a year
        lot('taxable', 'BND', '125', 1_000_000, '2020-01-02'), // 125 × 80.00 = 10,000.00
      ],
      prices: prices({ VTI: 30_000, BND: 8_000 }),
    });

    it('are refused by default: both classes left unresolved, with why', () => {
      const plan = rebalance(p, ledgerOf(p), TODAY);
      // total 40,000: stocks 75% (+15), bonds 25% (−15); stocks would sell 6,000 but only short-term gains are held
      expect(plan.before.outside).toEqual(['us-total-market', 'us-bonds']);
      expect(plan.trades).toEqual([]);
      expect(plan.after).toEqual(plan.before);
      expect(plan.unresolved).toEqual([
        {
          assetClass: 'us-total-market',
          reason:
            'Only short-term gains are left to sell: 30,000.00 USD of US total market in taxable accounts has been held one year or less and is at a gain, ' +
            'and your settings do not allow realizing short-term gains; 0.00 USD of the 6,000.00 USD above its target could be sold.',
        },
        {
          assetClass: 'us-bonds',
          reason: 'Only 0.00 USD of the 6,000.00 USD it needs to reach its target could be paid for: US total market could not be sold far enough to pay for it.',
        },
      ]);
    });

    it('are realized when the setting allows, with their tax at the short-term rate', () => {
      const q = { ...p, settings: { ...S, allowShortTermGains: true } };
      const plan = rebalance(q, ledgerOf(q), TODAY);
      // sell 6,000 / 300 = 20 VTI: basis 25,000 × 20/100 = 5,000.00, gain 1,000.00 short-term; tax 1,000 × 32% = 320.00
      expect(brief(plan)).toEqual([
        ['sell', 'taxable', 'VTI', qty('20'), 600_000],
        ['buy', 'taxable', 'BND', qty('75'), 600_000], // 6,000 / 80 = 75
      ]);
      expect(plan.trades[0]!.lots).toEqual([{ lotId: 'lot:0', quantity: qty('20'), basisMinor: 500_000, proceedsMinor: 600_000, gainMinor: 100_000, term: 'short' }]);
      expect(plan.trades[0]!.taxCostMinor).toBe(32_000);
      expect(plan.trades[0]!.reason).toBe(
        'Sell 20 VTI in Fidelity brokerage (taxable): US total market is at 75.00% against a 60.00% target, outside its ±5.00-point band; ' +
          'this realizes a short-term gain of 1,000.00 USD, about 320.00 USD in tax at your 32.00% short-term rate.',
      );
      expect(plan.taxCostMinor).toBe(32_000);
      expect(plan.unresolved).toEqual([]);
      expectAllInside(q, plan);
    });

    it('a lot held more than a year counts as long-term from the day after its anniversary', () => {
      // bought 2025-11-24: 2026-11-24 is the anniversary (still short), 2026-11-25 is long-term
      const q = { ...p, lots: [lot('taxable', 'VTI', '100', 2_500_000, '2025-11-24'), p.lots[1]!] };
      expect(rebalance(q, ledgerOf(q), TODAY).trades).toEqual([]);
      const next = rebalance(q, ledgerOf(q), day('2026-11-25'));
      expect(next.trades[0]!.lots[0]!.term).toBe('long');
      expect(next.trades[0]!.taxCostMinor).toBe(15_000); // 1,000.00 × 15%
    });
  });

  it('sells a clean loss before a loss a recent identical purchase would wash, and says why when only the washed one is left', () => {
    // One taxable account, 60/40. Stocks: VTI 100 at 300 bought 2025-01-10 for 31,000 (loss 1,000, long-term)
    // and VXUS 100 at 60 bought 2026-06-01 for 7,000 (loss 1,000, short-term), both class us-total-market here (override).
    // VTSAX (identical to VTI) was reinvested on 2026-11-10, 14 days before: selling VTI at a loss would be a wash sale.
    const p = portfolio({
      accounts: [TAXABLE, ROTH],
      classes: { VXUS: 'us-total-market' },
      lots: [
        lot('taxable', 'VTI', '100', 3_100_000, '2025-01-10'), // 100 × 300.00 = 30,000.00, loss 1,000.00
        lot('taxable', 'VXUS', '100', 700_000, '2026-06-01'), // 100 × 60.00 = 6,000.00, loss 1,000.00
        lot('taxable', 'BND', '200', 1_600_000, '2020-01-02'), // 200 × 80.00 = 16,000.00
      ],
      trades: [{ account: 'roth', symbol: 'VTSAX', side: 'reinvest', quantity: qty('1'), date: day('2026-11-10'), priceMinor: 10_000 }],
      prices: prices({ VTI: 30_000, VXUS: 6_000, BND: 8_000, VTSAX: 10_000 }),
    });
    // Roth holds no lot here (the reinvested share is not in openLots): total 52,000 + 0 = 52,000.
    // stocks 36,000 = 69.23% (+9.23, out), bonds 16,000 = 30.77% (−9.23, out).
    // Target stocks 31,200: sell 4,800. VXUS's loss is clean (−16.67% per dollar), VTI's would be washed.
    const plan = rebalance(p, ledgerOf(p), TODAY);
    expect(brief(plan)).toEqual([
      ['sell', 'taxable', 'VXUS', qty('80'), 480_000], // 4,800 / 60 = 80 shares
      ['buy', 'taxable', 'BND', qty('60'), 480_000], // 4,800 / 80 = 60 shares
    ]);
    // basis 7,000 × 80/100 = 5,600; loss 800 short-term saves 800 × 32% = 256.00
    expect(plan.trades[0]!.taxCostMinor).toBe(-25_600);

    // Without VXUS, the washed VTI lot is the only one left: sold, with its loss saving nothing now.
    const washedOnly = portfolio({ ...p, lots: [p.lots[0]!, p.lots[2]!] });
    // stocks 30,000 / 46,000 = 65.22% (+5.22, out); target 27,600: sell 2,400 = 8 VTI; basis 31,000 × 8/100 = 2,480, loss 80
    const washed = rebalance(washedOnly, ledgerOf(washedOnly), TODAY);
    expect(brief(washed)[0]).toEqual(['sell', 'taxable', 'VTI', qty('8'), 240_000]);
    expect(washed.trades[0]!.taxCostMinor).toBe(0);
    expect(washed.trades[0]!.reason).toContain(
      'the 80.00 USD loss would not be deductible now: a wash sale with VTSAX bought on 2026-11-10 in Vanguard Roth (a tax-advantaged account: the loss is lost for good)',
    );
  });

  it('makes no trade when every class is inside its band, cash included', () => {
    const p = portfolio({
      lots: [
        lot('taxable', 'VTI', '200', 4_000_000, '2020-01-02'), // 200 × 300.00 = 60,000.00
        lot('ira', 'BND', '462.5', 3_000_000, '2020-01-02'), // 462.5 × 80.00 = 37,000.00
      ],
      prices: prices({ VTI: 30_000, BND: 8_000 }),
      cash: { taxable: 300_000 }, // 3,000.00
    });
    const plan = rebalance(p, ledgerOf(p), TODAY);
    // total 100,000: stocks 60% (0), bonds 37% (−3, band 5), cash 3% against 0 (+3, band 5): all inside
    expect(plan.before.classes.map((c) => [c.assetClass, c.driftBasisPoints, c.outside])).toEqual([
      ['us-total-market', 0, false],
      ['us-bonds', -300, false],
      ['cash', 300, false],
    ]);
    expect(plan).toEqual({ before: plan.before, after: plan.before, trades: [], cashUsedMinor: 0, taxCostMinor: 0, unresolved: [] });
  });

  it('buys the symbol held in the account, else the one held elsewhere, else the default fund', () => {
    const p = portfolio({
      accounts: [TAXABLE, IRA],
      targets: { 'us-total-market': 5000, 'us-bonds': 3000, 'intl-developed': 1500, reits: 500 },
      lots: [
        lot('ira', 'VTI', '320', 3_000_000, '2020-01-02'), // 320 × 250.00 = 80,000.00
        lot('ira', 'BND', '50', 400_000, '2020-01-02'), // 50 × 80.00 = 4,000.00 (bonds in the IRA)
        lot('taxable', 'AGG', '60', 600_000, '2020-01-02'), // 60 × 100.00 = 6,000.00 (bonds, the larger position, taxable)
        lot('taxable', 'VEA', '200', 1_000_000, '2020-01-02'), // 200 × 50.00 = 10,000.00 (intl, taxable only)
      ],
      prices: prices({ VTI: 25_000, BND: 8_000, AGG: 10_000, VEA: 5_000, VNQ: 8_000 }),
    });
    const plan = rebalance(p, ledgerOf(p), TODAY);
    // total 100,000: stocks 80% (+30), bonds 10% (−20), intl 10% (−5 > band min(5, 3.75)), reits 0% (−5 > band 1.25)
    expect(plan.before.outside).toEqual(['us-total-market', 'us-bonds', 'intl-developed', 'reits']);
    // sell 30,000 of stocks in the IRA (120 VTI); the IRA buys bonds 20,000 as BND (held there, though AGG is larger),
    // intl 5,000 as VEA (held in the taxable account) and reits 5,000 as VNQ (the default fund, priced)
    expect(brief(plan)).toEqual([
      ['sell', 'ira', 'VTI', qty('120'), 3_000_000],
      ['buy', 'ira', 'BND', qty('250'), 2_000_000], // 20,000 / 80
      ['buy', 'ira', 'VEA', qty('100'), 500_000], // 5,000 / 50
      ['buy', 'ira', 'VNQ', qty('62.5'), 500_000], // 5,000 / 80
    ]);
    expect(plan.trades.map((t) => t.assetClass)).toEqual(['us-total-market', 'us-bonds', 'intl-developed', 'reits']);
    expectAllInside(p, plan);
  });

  it('leaves a class with nothing to buy unresolved, and never sells unclassified holdings', () => {
    const p = portfolio({
      accounts: [TAXABLE],
      targets: { 'us-total-market': 9000, crypto: 1000 },
      lots: [
        lot('taxable', 'VTI', '300', 3_000_000, '2020-01-02'), // 90,000.00
        lot('taxable', 'ARKK', '200', 1_000_000, '2020-01-02'), // 200 × 50.00 = 10,000.00, unclassified
      ],
      prices: prices({ VTI: 30_000, ARKK: 5_000 }),
    });
    const plan = rebalance(p, ledgerOf(p), TODAY);
    // total 100,000: stocks 90% (in), crypto 0% against 10% (band 2.5: out), unclassified 10% against 0 (band 5: out)
    expect(plan.before.outside).toEqual(['crypto', 'unclassified']);
    expect(plan.trades).toEqual([]);
    expect(plan.unresolved).toEqual([
      {
        assetClass: 'crypto',
        reason: 'Nothing of crypto is held with a price and it has no default fund: hold or price a symbol of this class so the plan can buy it.',
      },
      { assetClass: 'unclassified', reason: 'The plan does not sell holdings it cannot class (ARKK): give it an asset class to rebalance it.' },
    ]);
  });

  it('names an account the portfolio does not list', () => {
    const p = portfolio({ lots: [lot('nowhere', 'VTI', '1', 100, '2020-01-02')], prices: prices({ VTI: 30_000 }) });
    // No ledger here: it would refuse the account first (LedgerError); rebalance names it on its own too.
    expect(() => rebalance(p, { open: openLots(p), purchases: [] }, TODAY)).toThrow('rebalance: lot lot:0 is in account "nowhere", which the portfolio\'s accounts do not list');
  });
});

