/**
 * Which lots a rebalance sells, in which order, and the sell trades they make.
 *
 * Order for one class (only lots with a price above 0 can be sold):
 * 1. tax-advantaged accounts first — tax-deferred, then tax-free; among
 *    accounts of one type the one holding most of the class first; inside an
 *    account its largest position first, oldest lot first (fewest trades; no
 *    tax either way);
 * 2. then taxable lots, across all taxable accounts: losses (and lots at no
 *    gain) first, largest loss per dollar of value first; then long-term
 *    gains, smallest gain per dollar first; then losses a wash sale would
 *    disallow (markWashSales: their loss saves no tax now); then short-term
 *    gains, smallest first, only when settings.allowShortTermGains. Ties: account order,
 *    symbol, holding start, lot id.
 * A lot is taken whole while the amount still needed is at least its value;
 * the last lot gives floor(needed × 10⁶ / price) micro-shares, so a sale
 * never exceeds what is held nor the amount needed.
 */
import { classOf } from './classes';
import { memoGroups } from './ledger';
import { purchasesInWindow, washWindow } from './wash-window';
import { termOf } from './dates';
import { proRata, QTY_SCALE, roundDivHalfEven, valueOf } from './quantity';
import type { Day, OpenLot, Portfolio, PortfolioAccount, PortfolioSettings, PortfolioTaxType, Purchase, Qty, RebalanceLotSale } from './types';

export interface PricedLot {
  lot: OpenLot;
  assetClass: string;
  account: PortfolioAccount;
  accountIndex: number;
  priceMinor: number;
  valueMinor: number;
  /** value − basis. */
  gainMinor: number;
  term: 'short' | 'long';
  /** A taxable loss lot whose sale would be a wash sale: the purchase inside the window. */
  washedBy?: WashPurchase;
}

/** A purchase of the same or a substantially identical symbol, as the rebalance plan names it. */
export interface WashPurchase {
  account: string;
  symbol: string;
  date: Day;
  /** In a tax-deferred or tax-free account: the loss would be lost for good. */
  permanent: boolean;
}

/**
 * Marks the taxable loss lots whose sale on `date` would be a wash sale: a
 * purchase of the same or a substantially identical symbol, in any account,
 * within 30 days before or after, other than the lot itself (wash-window.ts,
 * the same judgement as the harvest scan).
 */
export function markWashSales(p: Portfolio, lots: PricedLot[], purchases: readonly Purchase[], date: Day): void {
  const groupOf = memoGroups(p.identical);
  const inWindow = purchasesInWindow(purchases, groupOf, date);
  const taxTypes = new Map(p.accounts.map((a) => [a.id, a.taxType]));
  for (const l of lots) {
    if (l.account.taxType !== 'taxable' || l.gainMinor >= 0) continue;
    const wash = washWindow(p, inWindow.get(groupOf(l.lot.symbol)), l.lot, date);
    if (wash !== null) {
      const { account, symbol, date: bought } = wash.first;
      l.washedBy = { account, symbol, date: bought, permanent: taxTypes.get(account) !== 'taxable' };
    }
  }
}

export const TAX_RANK: Record<PortfolioTaxType, number> = { 'tax-deferred': 0, 'tax-free': 1, taxable: 2 };

/** Looks an account up by id; a lot or cash in an account the portfolio does not list is an error. */
export function accountIndexer(p: Portfolio): (id: string, what: string) => number {
  const index = new Map(p.accounts.map((a, i) => [a.id, i]));
  return (id, what) => {
    const i = index.get(id);
    if (i === undefined) throw new Error(`rebalance: ${what} is in account "${id}", which the portfolio's accounts do not list`);
    return i;
  };
}

/** The open lots that have a price, with their value, gain and term on `date`. */
export function pricedLots(p: Portfolio, open: readonly OpenLot[], date: Day): PricedLot[] {
  const indexOf = accountIndexer(p);
  const out: PricedLot[] = [];
  for (const lot of open) {
    const accountIndex = indexOf(lot.account, `lot ${lot.id}`);
    const price = p.prices[lot.symbol];
    if (price === undefined) continue;
    const valueMinor = valueOf(lot.quantity, price.priceMinor);
    out.push({
      lot,
      assetClass: classOf(lot.symbol, p.classes),
      account: p.accounts[accountIndex]!,
      accountIndex,
      priceMinor: price.priceMinor,
      valueMinor,
      gainMinor: valueMinor - lot.basisMinor,
      term: termOf(lot.holdingFrom, date),
    });
  }
  return out;
}

export const isShortTermGain = (l: PricedLot) => l.account.taxType === 'taxable' && l.term === 'short' && l.gainMinor > 0;

/** May the plan sell this lot? It needs a value above 0, and a taxable short-term gain needs the setting. */
export function isSellable(l: PricedLot, settings: PortfolioSettings): boolean {
  return l.valueMinor > 0 && (settings.allowShortTermGains || !isShortTermGain(l));
}

const cmp = (a: number | string, b: number | string) => (a < b ? -1 : a > b ? 1 : 0);

/** gainA / valueA against gainB / valueB, exactly (values > 0). */
function byGainPerDollar(a: PricedLot, b: PricedLot): number {
  const left = BigInt(a.gainMinor) * BigInt(b.valueMinor);
  const right = BigInt(b.gainMinor) * BigInt(a.valueMinor);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Clean losses first, then long-term gains, then losses a wash sale would disallow, then short-term gains. */
const taxableCategory = (l: PricedLot) => (l.gainMinor <= 0 ? (l.washedBy ? 2 : 0) : l.term === 'long' ? 1 : 3);

/** The sellable lots of one class, in the order they are sold (module comment). */
export function sellOrder(lots: readonly PricedLot[], settings: PortfolioSettings): PricedLot[] {
  const sellable = lots.filter((l) => isSellable(l, settings));
  const sheltered = sellable.filter((l) => l.account.taxType !== 'taxable');
  const taxable = sellable.filter((l) => l.account.taxType === 'taxable');
  const inAccount = new Map<string, number>();
  const inPosition = new Map<string, number>();
  for (const l of sheltered) {
    inAccount.set(l.lot.account, (inAccount.get(l.lot.account) ?? 0) + l.valueMinor);
    const key = `${l.lot.account}\u0000${l.lot.symbol}`;
    inPosition.set(key, (inPosition.get(key) ?? 0) + l.valueMinor);
  }
  const position = (l: PricedLot) => inPosition.get(`${l.lot.account}\u0000${l.lot.symbol}`)!;
  sheltered.sort(
    (a, b) =>
      TAX_RANK[a.account.taxType] - TAX_RANK[b.account.taxType] ||
      inAccount.get(b.lot.account)! - inAccount.get(a.lot.account)! ||
      a.accountIndex - b.accountIndex ||
      position(b) - position(a) ||
      cmp(a.lot.symbol, b.lot.symbol) ||
      a.lot.holdingFrom - b.lot.holdingFrom ||
      a.lot.acquired - b.lot.acquired ||
      cmp(a.lot.id, b.lot.id),
  );
  taxable.sort(
    (a, b) =>
      taxableCategory(a) - taxableCategory(b) ||
      byGainPerDollar(a, b) ||
      a.accountIndex - b.accountIndex ||
      cmp(a.lot.symbol, b.lot.symbol) ||
      a.lot.holdingFrom - b.lot.holdingFrom ||
      cmp(a.lot.id, b.lot.id),
  );
  return [...sheltered, ...taxable];
}

/** floor(a × b / c) for non-negative integers, exact past 2^53. */
export function floorMulDiv(a: number, b: number, c: number): number {
  const product = a * b;
  if (Number.isSafeInteger(product)) return Math.floor(product / c);
  return Number((BigInt(a) * BigInt(b)) / BigInt(c));
}

export interface LotPick {
  lot: PricedLot;
  quantity: Qty;
}

/** Takes lots in order until `amountMinor` is sold (or the lots run out). */
export function pickLots(ordered: readonly PricedLot[], amountMinor: number): LotPick[] {
  const picks: LotPick[] = [];
  let needed = amountMinor;
  for (const l of ordered) {
    if (needed <= 0) break;
    if (l.valueMinor <= needed) {
      picks.push({ lot: l, quantity: l.lot.quantity });
      needed -= l.valueMinor;
    } else {
      const quantity = Math.min(l.lot.quantity, floorMulDiv(needed, QTY_SCALE, l.priceMinor));
      if (quantity > 0) picks.push({ lot: l, quantity });
      needed = 0;
    }
  }
  return picks;
}

/** One merged sell: every lot of one symbol sold in one account. */
export interface SellGroup {
  account: PortfolioAccount;
  accountIndex: number;
  symbol: string;
  assetClass: string;
  priceMinor: number;
  quantity: Qty;
  amountMinor: number;
  lots: RebalanceLotSale[];
  shortGainMinor: number;
  longGainMinor: number;
  /** 0 outside taxable accounts. */
  realizedGainMinor: number;
  /** Losses of washed lots: not deductible now, left out of the tax figures. */
  washDisallowedMinor: number;
  washedBy: WashPurchase[];
  /** Estimated tax on the taxable gains: (short × short rate + long × long rate) / 10000, half to even; 0 outside taxable accounts. */
  taxCostMinor: number;
}

/**
 * Merges picks by account and symbol. The trade's amount is the value of its
 * whole quantity; each lot's proceeds are the step in value its quantity adds
 * (so lot proceeds sum to the trade amount exactly); basis is pro rata.
 */
export function sellGroups(picks: readonly LotPick[], settings: PortfolioSettings): SellGroup[] {
  const byKey = new Map<string, LotPick[]>();
  for (const pick of picks) {
    const key = `${pick.lot.lot.account}\u0000${pick.lot.lot.symbol}`;
    const list = byKey.get(key) ?? [];
    list.push(pick);
    byKey.set(key, list);
  }
  return [...byKey.values()].map((list) => {
    const first = list[0]!.lot;
    const taxable = first.account.taxType === 'taxable';
    const lots: RebalanceLotSale[] = [];
    let quantity = 0;
    let valueSoFar = 0;
    let shortGainMinor = 0;
    let longGainMinor = 0;
    let washDisallowedMinor = 0;
    const washedBy: WashPurchase[] = [];
    for (const { lot, quantity: q } of list) {
      quantity += q;
      const value = valueOf(quantity, first.priceMinor);
      const proceedsMinor = value - valueSoFar;
      valueSoFar = value;
      const basisMinor = proRata(lot.lot.basisMinor, q, lot.lot.quantity);
      const gainMinor = proceedsMinor - basisMinor;
      if (taxable && lot.washedBy !== undefined && gainMinor < 0) {
        washDisallowedMinor -= gainMinor;
        if (!washedBy.some((w) => w.account === lot.washedBy!.account && w.symbol === lot.washedBy!.symbol && w.date === lot.washedBy!.date)) washedBy.push(lot.washedBy);
      } else if (lot.term === 'short') shortGainMinor += gainMinor;
      else longGainMinor += gainMinor;
      lots.push({ lotId: lot.lot.id, quantity: q, basisMinor, proceedsMinor, gainMinor, term: lot.term });
    }
    const tax = BigInt(shortGainMinor) * BigInt(settings.shortTermRateBasisPoints) + BigInt(longGainMinor) * BigInt(settings.longTermRateBasisPoints);
    return {
      account: first.account,
      accountIndex: first.accountIndex,
      symbol: first.lot.symbol,
      assetClass: first.assetClass,
      priceMinor: first.priceMinor,
      quantity,
      amountMinor: valueSoFar,
      lots,
      shortGainMinor,
      longGainMinor,
      washDisallowedMinor,
      washedBy,
      realizedGainMinor: taxable ? shortGainMinor + longGainMinor : 0,
      taxCostMinor: taxable ? roundDivHalfEven(tax, 10_000n) : 0,
    };
  });
}
