import { describe, expect, it } from 'vitest';
import { valueOf } from '@/utils/portfolio/quantity';
import { buildLedger } from '@/utils/portfolio/ledger';
import { rebalance } from '@/utils/portfolio/rebalance';
import type { Portfolio, PortfolioLot } from '@/utils/portfolio/types';
import { driftAfterTrades, IRA, openLots, portfolio, ROTH, S, TAXABLE, TODAY } from './portfolio-rebalance-setup';

describe('rebalance on many generated households (invariants)', () => {
  // A small deterministic generator (mulberry32), so a failure names its seed.
  const generator = (seed: number) => {
    let a = seed >>> 0;
    return (n: number) => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return (((t ^ (t >>> 14)) >>> 0) % n);
    };
  };
  const SYMBOLS = ['VTI', 'ITOT', 'BND', 'AGG', 'VXUS', 'VEA', 'VNQ', 'VWO', 'SGOV'];
  const TARGET_SETS: Record<string, number>[] = [
    { 'us-total-market': 6000, 'us-bonds': 4000 },
    { 'us-total-market': 4000, 'intl-developed': 2000, 'us-bonds': 2500, reits: 500, emerging: 1000 },
    { 'us-total-market': 5000, 'us-bonds': 3000, cash: 2000 },
  ];

  function household(seed: number): Portfolio {
    const rnd = generator(seed);
    const lots: PortfolioLot[] = [];
    const count = 1 + rnd(12);
    for (let i = 0; i < count; i++) {
      // even seeds: a taxable-only household, lots from the last 500 days (short-term gains are common)
      const account = seed % 2 === 0 ? 'taxable' : ['taxable', 'ira', 'roth'][rnd(3)]!;
      const quantity = 1 + rnd(500_000_000); // up to 500 shares, in micro-shares
      const basis = rnd(8_000_000);
      lots.push({ account, symbol: SYMBOLS[rnd(SYMBOLS.length)]!, quantity, costBasisMinor: basis, acquired: TODAY - rnd(seed % 2 === 0 ? 500 : 900) });
    }
    const priced = Object.fromEntries(SYMBOLS.map((s) => [s, { priceMinor: 100 + rnd(40_000) }]));
    return portfolio({
      accounts: [TAXABLE, IRA, ROTH],
      lots,
      prices: priced,
      cash: rnd(2) === 0 ? {} : { [['taxable', 'ira', 'roth'][rnd(3)]!]: rnd(5_000_000) },
      targets: TARGET_SETS[rnd(TARGET_SETS.length)]!,
      settings: { ...S, allowShortTermGains: rnd(2) === 0 },
    });
  }

  it('never oversells, never overspends an account, and ends inside every band or says why', () => {
    let withTrades = 0;
    let withUnresolved = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const p = household(seed);
      const open = openLots(p);
      const plan = rebalance(p, { open, purchases: buildLedger(p).purchases }, TODAY);
      const context = `seed ${seed}`;
      // after is what driftReport says of the traded portfolio
      expect(plan.after, context).toEqual(driftAfterTrades(p, plan));
      // one trade per account + symbol + side, every figure a whole number, amount = value of the quantity
      const keys = plan.trades.map((t) => `${t.account}|${t.symbol}|${t.side}`);
      expect(new Set(keys).size, context).toBe(keys.length);
      const soldPerLot = new Map<string, number>();
      const balance = new Map<string, number>(Object.entries(p.cash));
      for (const t of plan.trades) {
        expect(Number.isSafeInteger(t.quantity) && t.quantity > 0, context).toBe(true);
        expect(t.amountMinor, context).toBe(valueOf(t.quantity, p.prices[t.symbol]!.priceMinor));
        balance.set(t.account, (balance.get(t.account) ?? 0) + (t.side === 'sell' ? t.amountMinor : -t.amountMinor));
        if (t.side === 'sell') {
          expect(t.lots.reduce((sum, l) => sum + l.quantity, 0), context).toBe(t.quantity);
          expect(t.lots.reduce((sum, l) => sum + l.proceedsMinor, 0), context).toBe(t.amountMinor);
          if (t.taxType !== 'taxable') expect([t.realizedGainMinor, t.taxCostMinor], context).toEqual([0, 0]);
          for (const l of t.lots) soldPerLot.set(l.lotId, (soldPerLot.get(l.lotId) ?? 0) + l.quantity);
        }
      }
      for (const [id, sold] of soldPerLot) expect(sold, context).toBeLessThanOrEqual(open.find((o) => o.id === id)!.quantity);
      for (const [, left] of balance) expect(left, context).toBeGreaterThanOrEqual(0);
      // sells before buys
      const sides = plan.trades.map((t) => t.side).join(',');
      expect(sides, context).toMatch(/^(sell,)*(sell|buy)?(,buy)*$/);
      // no short-term gain realized in a taxable account unless allowed
      if (!p.settings.allowShortTermGains) {
        for (const t of plan.trades) if (t.taxType === 'taxable') for (const l of t.lots) expect(l.term === 'short' && l.gainMinor > 0, context).toBe(false);
      }
      // every class still outside is explained, and nothing else is
      expect(plan.unresolved.map((u) => u.assetClass), context).toEqual(plan.after.outside);
      if (p.settings.allowShortTermGains) expect(plan.after.outside, context).toEqual([]);
      if (plan.trades.length > 0) withTrades++;
      if (plan.unresolved.length > 0) withUnresolved++;
    }
    expect(withTrades).toBeGreaterThan(200);
    expect(withUnresolved).toBeGreaterThan(30);
  });
});
