/**
 * Where a rebalance buys and what: money cannot move between accounts, so a
 * buy is placed in an account with money (its sale proceeds, then its
 * uninvested cash), and the symbol is the one the household already uses.
 *
 * Account choice, for the largest buy first (fewest trades): an account that
 * can pay for the whole buy, preferring one that already holds the class
 * (most of it first), then the one with the least money that suffices (big
 * balances stay for big buys), then account order. When no account can pay
 * for it all, the account with the most money pays what it has and the rest
 * goes on the same way.
 *
 * Symbol for a class in an account: the class's largest priced position in
 * that account, else its largest priced position anywhere in the household,
 * else defaultSymbolFor(class) when that has a price; otherwise none.
 */
import { classOf, defaultSymbolFor } from './classes';
import type { PricedLot } from './rebalance-lots';
import type { Portfolio } from './types';

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Largest position (by value) among lots, ties by symbol. */
function largestPosition(lots: readonly PricedLot[]): string | null {
  const bySymbol = new Map<string, number>();
  for (const l of lots) bySymbol.set(l.lot.symbol, (bySymbol.get(l.lot.symbol) ?? 0) + l.valueMinor);
  const ranked = [...bySymbol.entries()].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]));
  return ranked[0]?.[0] ?? null;
}

export class SymbolChooser {
  private readonly byClass = new Map<string, PricedLot[]>();
  constructor(
    private readonly p: Portfolio,
    lots: readonly PricedLot[],
  ) {
    for (const l of lots) {
      if (l.priceMinor <= 0) continue;
      const list = this.byClass.get(l.assetClass) ?? [];
      list.push(l);
      this.byClass.set(l.assetClass, list);
    }
  }

  /** The default fund of a built-in class when it has a usable price (and the person did not reclass it). */
  private pricedDefault(assetClass: string): string | null {
    const symbol = defaultSymbolFor(assetClass);
    if (symbol === null || classOf(symbol, this.p.classes) !== assetClass) return null;
    return (this.p.prices[symbol]?.priceMinor ?? 0) > 0 ? symbol : null;
  }

  /** The symbol to buy for a class in an account, or null when the class has no priced symbol at all. */
  symbolFor(assetClass: string, account: string): string | null {
    const held = this.byClass.get(assetClass) ?? [];
    return largestPosition(held.filter((l) => l.lot.account === account)) ?? largestPosition(held) ?? this.pricedDefault(assetClass);
  }

  canBuy(assetClass: string): boolean {
    return (this.byClass.get(assetClass)?.length ?? 0) > 0 || this.pricedDefault(assetClass) !== null;
  }

  /** Value of the class held in the account (for the account choice). */
  holding(assetClass: string, account: string): number {
    return (this.byClass.get(assetClass) ?? []).filter((l) => l.lot.account === account).reduce((sum, l) => sum + l.valueMinor, 0);
  }
}

export interface AccountMoney {
  account: string;
  accountIndex: number;
  proceedsMinor: number;
  cashMinor: number;
}

/** Money a class buy takes from one account: proceeds first, then uninvested cash. */
export interface BuyFunding {
  account: string;
  accountIndex: number;
  assetClass: string;
  amountMinor: number;
  proceedsMinor: number;
  cashMinor: number;
}

/**
 * Places class buys (amounts in minor units) in accounts; `money` is
 * consumed. At most `cashBudgetMinor` of uninvested cash is spent in all (the
 * plan's cash spend), so sale proceeds pay first wherever they are. The buys
 * must not exceed the proceeds plus that budget.
 */
export function placeBuys(
  buys: readonly { assetClass: string; amountMinor: number }[],
  money: AccountMoney[],
  cashBudgetMinor: number,
  chooser: SymbolChooser,
): BuyFunding[] {
  const order = buys.map((b, i) => ({ ...b, i })).sort((a, b) => b.amountMinor - a.amountMinor || a.i - b.i);
  const out: BuyFunding[] = [];
  let budget = cashBudgetMinor;
  const left = (m: AccountMoney) => m.proceedsMinor + Math.min(m.cashMinor, budget);
  for (const buy of order) {
    let needed = buy.amountMinor;
    while (needed > 0) {
      const open = money.filter((m) => left(m) > 0);
      if (open.length === 0) break;
      const held = (m: AccountMoney) => chooser.holding(buy.assetClass, m.account);
      const enough = open.filter((m) => left(m) >= needed);
      const pick =
        enough.length > 0
          ? enough.sort((a, b) => held(b) - held(a) || left(a) - left(b) || a.accountIndex - b.accountIndex)[0]!
          : open.sort((a, b) => left(b) - left(a) || held(b) - held(a) || a.accountIndex - b.accountIndex)[0]!;
      const take = Math.min(needed, left(pick));
      const fromProceeds = Math.min(take, pick.proceedsMinor);
      pick.proceedsMinor -= fromProceeds;
      pick.cashMinor -= take - fromProceeds;
      budget -= take - fromProceeds;
      needed -= take;
      const existing = out.find((f) => f.account === pick.account && f.assetClass === buy.assetClass);
      if (existing !== undefined) {
        existing.amountMinor += take;
        existing.proceedsMinor += fromProceeds;
        existing.cashMinor += take - fromProceeds;
      } else {
        out.push({
          account: pick.account,
          accountIndex: pick.accountIndex,
          assetClass: buy.assetClass,
          amountMinor: take,
          proceedsMinor: fromProceeds,
          cashMinor: take - fromProceeds,
        });
      }
    }
  }
  return out;
}
