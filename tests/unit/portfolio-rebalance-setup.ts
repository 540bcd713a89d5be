/**
 * Shared set-up of the rebalance tests: portfolios built by hand, the open
 * lots a ledger would leave with no trades, and an independent application
 * of a plan's trades to check its `after`.
 */
import { expect } from 'vitest';
import { parseDay } from '@/utils/portfolio/dates';
import { driftReport } from '@/utils/portfolio/drift';
import { buildLedger } from '@/utils/portfolio/ledger';
import { parseQty } from '@/utils/portfolio/quantity';
import {
  DEFAULT_PORTFOLIO_SETTINGS,
  type Ledger,
  type OpenLot,
  type Portfolio,
  type PortfolioAccount,
  type PortfolioLot,
  type RebalancePlan,
} from '@/utils/portfolio/types';

// Settings: 5/25 bands, short-term 32%, long-term 15%, no short-term gains.
export const S = DEFAULT_PORTFOLIO_SETTINGS;
export const day = (text: string) => parseDay(text)!;
export const TODAY = day('2026-11-24');
export const qty = (shares: string) => parseQty(shares)!;
export const lot = (account: string, symbol: string, shares: string, costBasisMinor: number, acquired: string): PortfolioLot => ({
  account,
  symbol,
  quantity: qty(shares),
  costBasisMinor,
  acquired: day(acquired),
});
export const prices = (minor: Record<string, number>) => Object.fromEntries(Object.entries(minor).map(([s, priceMinor]) => [s, { priceMinor }]));
export const TAXABLE: PortfolioAccount = { id: 'taxable', name: 'Fidelity brokerage', taxType: 'taxable' };
export const IRA: PortfolioAccount = { id: 'ira', name: 'Vanguard IRA', taxType: 'tax-deferred' };
export const ROTH: PortfolioAccount = { id: 'roth', name: 'Vanguard Roth', taxType: 'tax-free' };
export const SIXTY_FORTY = { 'us-total-market': 6000, 'us-bonds': 4000 };

export function portfolio(parts: Partial<Portfolio>): Portfolio {
  return {
    currency: 'USD',
    accounts: [TAXABLE, IRA],
    lots: [],
    trades: [],
    income: [],
    prices: {},
    cash: {},
    targets: SIXTY_FORTY,
    classes: {},
    identical: [],
    settings: { ...S },
    ...parts,
  };
}

/**
 * What rebalance reads of a ledger: the opening lots, in file order, as the
 * ledger would leave them with no trades, and the ledger's purchases (the
 * wash-sale window looks at them, trades included).
 */
export function ledgerOf(p: Portfolio): Pick<Ledger, 'open' | 'purchases'> {
  return { open: openLots(p), purchases: buildLedger(p).purchases };
}

/** The opening lots as the ledger would leave them with no trades. */
export function openLots(p: Portfolio): OpenLot[] {
  return p.lots.map((l, i) => ({
    id: `lot:${i}`,
    origin: { kind: 'lot', index: i },
    account: l.account,
    symbol: l.symbol,
    quantity: l.quantity,
    basisMinor: l.costBasisMinor,
    acquired: l.acquired,
    holdingFrom: l.acquired,
    washAdjustmentMinor: 0,
  }));
}

/** The plan's trades applied by hand (independently of rebalance.ts), then measured again. */
export function driftAfterTrades(p: Portfolio, plan: RebalancePlan) {
  const open = openLots(p);
  const cash = { ...p.cash };
  for (const t of plan.trades) {
    cash[t.account] = (cash[t.account] ?? 0) + (t.side === 'sell' ? t.amountMinor : -t.amountMinor);
    for (const sold of t.lots) {
      const l = open.find((o) => o.id === sold.lotId)!;
      l.quantity -= sold.quantity;
    }
    if (t.side === 'buy') open.push({ ...open[0]!, id: `bought:${t.symbol}`, account: t.account, symbol: t.symbol, quantity: t.quantity });
  }
  return driftReport({ ...p, cash }, open.filter((o) => o.quantity > 0));
}

export function expectAllInside(p: Portfolio, plan: RebalancePlan) {
  expect(plan.after).toEqual(driftAfterTrades(p, plan));
  expect(plan.after.outside).toEqual([]);
  for (const c of plan.after.classes) expect(Math.abs(c.driftBasisPoints)).toBeLessThanOrEqual(c.bandBasisPoints);
}

export const brief = (plan: RebalancePlan) => plan.trades.map((t) => [t.side, t.account, t.symbol, t.quantity, t.amountMinor]);
