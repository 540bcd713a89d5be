/**
 * The wash-sale window of a sale on one date (IRS Publication 550, "Wash
 * Sales"): the purchases (opening lots, buys, reinvested dividends) of each
 * group of substantially identical symbols dated date − 30 … date + 30, and,
 * for a lot, the first of them that is not its own purchase. Shared by the
 * harvest scan and the rebalance plan, so both judge a sale the same way.
 */
import { WASH_WINDOW_DAYS } from './ledger-wash';
import type { Day, HarvestBlocker, OpenLot, Portfolio, Purchase } from './types';

/** The purchases of one wash-sale group inside the scan's window, in purchase order, and their total quantity. */
export interface WindowPurchases {
  items: Purchase[];
  quantity: number;
}

/**
 * The purchases in date − 30 … date + 30, by group (`purchases` sorted by
 * date, as Ledger.purchases is): one binary search, then one pass.
 */
export function purchasesInWindow(purchases: readonly Purchase[], groupOf: (symbol: string) => string, date: Day): Map<string, WindowPurchases> {
  const inWindow = new Map<string, WindowPurchases>();
  for (let i = firstOnOrAfter(purchases.length, (k) => purchases[k]!.date, date - WASH_WINDOW_DAYS); i < purchases.length; i++) {
    const purchase = purchases[i]!;
    if (purchase.date > date + WASH_WINDOW_DAYS) break;
    const group = groupOf(purchase.symbol);
    let entry = inWindow.get(group);
    if (entry === undefined) {
      entry = { items: [], quantity: 0 };
      inWindow.set(group, entry);
    }
    entry.items.push(purchase);
    entry.quantity += purchase.quantity;
  }
  return inWindow;
}

/** The first index in 0…n−1 whose day is ≥ `day`, for days ascending with the index. */
export function firstOnOrAfter(n: number, dayAt: (i: number) => Day, day: Day): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dayAt(mid) < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The window's purchases of the lot's group other than the lot's own
 * purchase (the shares being sold are no replacement): the first of them and
 * their total quantity, or null.
 */
export function washWindow(p: Portfolio, group: WindowPurchases | undefined, lot: OpenLot, date: Day): { first: HarvestBlocker; quantity: number } | null {
  if (group === undefined) return null;
  const isOwn = (x: Purchase) => x.origin.kind === lot.origin.kind && x.origin.index === lot.origin.index;
  // The lot's own purchase is in the window when the lot was acquired inside it (at most once).
  const ownInWindow = lot.acquired >= date - WASH_WINDOW_DAYS && lot.acquired <= date + WASH_WINDOW_DAYS;
  const quantity = group.quantity - (ownInWindow ? (lot.origin.kind === 'lot' ? p.lots : p.trades)[lot.origin.index]!.quantity : 0);
  const first = isOwn(group.items[0]!) ? group.items[1] : group.items[0];
  if (first === undefined || quantity <= 0) return null;
  return {
    first: { kind: first.origin.kind, index: first.origin.index, account: first.account, symbol: first.symbol, side: first.side, quantity: first.quantity, date: first.date },
    quantity,
  };
}
