/**
 * The rebalance plan: the fewest trades that bring every asset class back
 * inside its band (utils/portfolio/drift.ts for the bands).
 *
 * - Nothing outside its band → no trade at all (in-band classes are left
 *   alone, even when uninvested cash could go somewhere).
 * - Which classes move and by how much: rebalance-classes.ts (outside classes
 *   back to target; money balanced with cash above its target first, then
 *   the in-band classes furthest from target).
 * - Sales: tax-advantaged accounts first, then taxable lots losses first,
 *   long-term gains next, short-term gains only when allowed
 *   (rebalance-lots.ts). Buys: in accounts with money, since money cannot
 *   move between accounts, with the symbol the household already holds
 *   (rebalance-buys.ts).
 * - Quantities are whole micro-shares, floored: a sale never exceeds what is
 *   held, a buy never spends more than its money; amountMinor = value of the
 *   quantity at the price. Taxable sales carry their realized gain and
 *   estimated tax; tax-advantaged ones realize nothing (their lots still show
 *   the gain they close).
 * - Trades merge per account + symbol + side; sells come first (tax-deferred,
 *   tax-free, then taxable accounts), then buys (same account order).
 * - `after` is driftReport of the portfolio with the trades applied (lots
 *   reduced and bought, each account's cash + proceeds − buys).
 * - `unresolved`: every class still outside its band after the trades, with
 *   why (only short-term gains left to sell, nothing to sell, no symbol to
 *   buy, holdings without a class).
 * - Wash sales: a taxable loss lot with a purchase of the same or a
 *   substantially identical symbol within 30 days (wash-window.ts, as the
 *   harvest scan judges it) is sold only after clean losses and long-term
 *   gains, and its reason names the purchase; its loss saves no tax here.
 */
import { CASH_CLASS } from './classes';
import { driftReport } from './drift';
import { placeBuys, SymbolChooser, type AccountMoney } from './rebalance-buys';
import { planClasses, type ClassRole } from './rebalance-classes';
import { accountIndexer, floorMulDiv, markWashSales, pickLots, pricedLots, sellGroups, sellOrder, TAX_RANK, type LotPick, type WashPurchase } from './rebalance-lots';
import { classSituation, fundingText, moneyText, ROUNDING_REASON, taxText, tradeHead } from './rebalance-text';
import { QTY_SCALE, valueOf } from './quantity';
import type { ClassDrift, Day, Ledger, OpenLot, Portfolio, RebalancePlan, RebalanceTrade } from './types';
import { formatDay } from './dates';

/** "; the 120.00 USD loss is not deductible now: a wash sale with VXUS bought on 2026-11-10 in Roth (lost for good)". */
function washText(disallowedMinor: number, washedBy: readonly WashPurchase[], p: Portfolio): string {
  if (disallowedMinor === 0) return '';
  const name = (id: string) => p.accounts.find((a) => a.id === id)?.name ?? id;
  const what = washedBy.map((w) => `${w.symbol} bought on ${formatDay(w.date)} in ${name(w.account)}${w.permanent ? ' (a tax-advantaged account: the loss is lost for good)' : ''}`);
  return `; the ${moneyText(disallowedMinor, p.currency)} loss would not be deductible now: a wash sale with ${what.join(' and ')}`;
}

export function rebalance(p: Portfolio, ledger: Pick<Ledger, 'open' | 'purchases'>, date: Day): RebalancePlan {
  const { open } = ledger;
  const before = driftReport(p, open);
  if (before.outside.length === 0) return { before, after: before, trades: [], cashUsedMinor: 0, taxCostMinor: 0, unresolved: [] };

  const indexOf = accountIndexer(p);
  for (const id of Object.keys(p.cash)) indexOf(id, 'uninvested cash');
  const lots = pricedLots(p, open, date);
  markWashSales(p, lots, ledger.purchases, date);
  const chooser = new SymbolChooser(p, lots);
  const uninvested = Object.values(p.cash).reduce((sum, amount) => sum + amount, 0);
  const plan = planClasses(p, before, lots, chooser, uninvested);
  const drift = new Map(before.classes.map((c) => [c.assetClass, c]));
  const roleOf = (c: string): ClassRole => plan.roles.get(c) ?? 'outside';

  // Sales, class by class.
  const picks: LotPick[] = [];
  let plannedSales = 0;
  for (const [assetClass, delta] of plan.deltas) {
    if (delta >= 0) continue;
    const fromLots = assetClass === CASH_CLASS ? Math.max(0, -delta - uninvested) : -delta;
    if (fromLots === 0) continue;
    plannedSales += fromLots;
    picks.push(...pickLots(sellOrder(lots.filter((l) => l.assetClass === assetClass), p.settings), fromLots));
  }
  const sells = sellGroups(picks, p.settings);
  const proceeds = new Map<string, number>();
  for (const s of sells) proceeds.set(s.account.id, (proceeds.get(s.account.id) ?? 0) + s.amountMinor);
  const totalProceeds = sells.reduce((sum, s) => sum + s.amountMinor, 0);

  // Buys: the planned amounts, trimmed (least urgent last) to the money the floored sales really bring.
  const buys = plan.buyOrder.filter((c) => c !== CASH_CLASS).map((assetClass) => ({ assetClass, amountMinor: plan.deltas.get(assetClass)! }));
  const plannedBuys = buys.reduce((sum, b) => sum + b.amountMinor, 0);
  const budget = Math.min(plannedBuys, totalProceeds + Math.max(0, plannedBuys - plannedSales));
  let trim = plannedBuys - budget;
  for (const b of [...buys].reverse()) {
    const cut = Math.min(trim, b.amountMinor);
    b.amountMinor -= cut;
    trim -= cut;
  }
  const money: AccountMoney[] = p.accounts.map((a, accountIndex) => ({
    account: a.id,
    accountIndex,
    proceedsMinor: proceeds.get(a.id) ?? 0,
    cashMinor: p.cash[a.id] ?? 0,
  }));
  const fundings = placeBuys(
    buys.filter((b) => b.amountMinor > 0),
    money,
    Math.max(0, budget - totalProceeds),
    chooser,
  );

  const trades: RebalanceTrade[] = [];
  for (const s of sells) {
    const situation = classSituation(drift.get(s.assetClass)!, roleOf(s.assetClass));
    const tax =
      (s.account.taxType === 'taxable' ? taxText(s.shortGainMinor, s.longGainMinor, s.taxCostMinor, p.settings, p.currency) : '') +
      washText(s.washDisallowedMinor, s.washedBy, p);
    trades.push({
      account: s.account.id,
      taxType: s.account.taxType,
      symbol: s.symbol,
      assetClass: s.assetClass,
      side: 'sell',
      quantity: s.quantity,
      amountMinor: s.amountMinor,
      lots: s.lots,
      realizedGainMinor: s.realizedGainMinor,
      taxCostMinor: s.taxCostMinor,
      reason: `${tradeHead('sell', s.quantity, s.symbol, s.account.name, s.account.taxType)}: ${situation}${tax}.`,
    });
  }
  for (const f of fundings) {
    const symbol = chooser.symbolFor(f.assetClass, f.account)!;
    const price = p.prices[symbol]!.priceMinor;
    const quantity = floorMulDiv(f.amountMinor, QTY_SCALE, price);
    if (quantity === 0) continue;
    const amountMinor = valueOf(quantity, price);
    const account = p.accounts[f.accountIndex]!;
    const fromProceeds = Math.min(amountMinor, f.proceedsMinor);
    const situation = classSituation(drift.get(f.assetClass) as ClassDrift, roleOf(f.assetClass));
    trades.push({
      account: account.id,
      taxType: account.taxType,
      symbol,
      assetClass: f.assetClass,
      side: 'buy',
      quantity,
      amountMinor,
      lots: [],
      realizedGainMinor: 0,
      taxCostMinor: 0,
      reason:
        `${tradeHead('buy', quantity, symbol, account.name, account.taxType)}` +
        `${fundingText(fromProceeds, amountMinor - fromProceeds, p.currency)}: ${situation}.`,
    });
  }
  const accountIndex = (id: string) => indexOf(id, 'a trade');
  const sideRank = (t: RebalanceTrade) => (t.side === 'sell' ? 0 : 1);
  trades.sort(
    (a, b) =>
      sideRank(a) - sideRank(b) ||
      TAX_RANK[a.taxType] - TAX_RANK[b.taxType] ||
      accountIndex(a.account) - accountIndex(b.account) ||
      (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0),
  );

  // Apply the trades: cash per account, lots reduced, bought lots added.
  const cashAfter: Record<string, number> = { ...p.cash };
  for (const t of trades) cashAfter[t.account] = (cashAfter[t.account] ?? 0) + (t.side === 'sell' ? t.amountMinor : -t.amountMinor);
  const cashUsedMinor = p.accounts.reduce((sum, a) => sum + Math.max(0, (p.cash[a.id] ?? 0) - (cashAfter[a.id] ?? 0)), 0);
  const after = driftReport({ ...p, cash: cashAfter }, applyTrades(open, trades, date));
  const unresolved = after.classes
    .filter((c) => c.outside)
    .map((c) => ({ assetClass: c.assetClass, reason: plan.notes.get(c.assetClass) ?? ROUNDING_REASON }));
  return {
    before,
    after,
    trades,
    cashUsedMinor,
    taxCostMinor: trades.reduce((sum, t) => sum + t.taxCostMinor, 0),
    unresolved,
  };
}

/** The open lots after the trades: sold quantities taken off their lots, each buy a new lot dated `date`. */
function applyTrades(open: readonly OpenLot[], trades: readonly RebalanceTrade[], date: Day): OpenLot[] {
  const sold = new Map<string, number>();
  for (const t of trades) for (const l of t.lots) sold.set(l.lotId, (sold.get(l.lotId) ?? 0) + l.quantity);
  const out: OpenLot[] = [];
  for (const lot of open) {
    const quantity = lot.quantity - (sold.get(lot.id) ?? 0);
    if (quantity > 0) out.push(quantity === lot.quantity ? lot : { ...lot, quantity });
  }
  trades.forEach((t, i) => {
    if (t.side !== 'buy') return;
    out.push({
      id: `rebalance:${i}`,
      origin: { kind: 'trade', index: -1 },
      account: t.account,
      symbol: t.symbol,
      quantity: t.quantity,
      basisMinor: t.amountMinor,
      acquired: date,
      holdingFrom: date,
      washAdjustmentMinor: 0,
    });
  });
  return out;
}
