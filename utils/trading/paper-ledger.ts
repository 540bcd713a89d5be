/**
 * The ledger of a lab account (paper or real) from its recorded fills:
 * exact money, average cost. Fills are what the database stores
 * (schema-trading.ts LabFill): quantity a share decimal string (micro-shares
 * inside), price in micro-units, fee in minor units. Money out is integer
 * minor units; the equity curve, for charts, is in currency units.
 *
 * Average cost: a buy adds its shares and its cost (price × shares + fee);
 * a sell takes the shares' share of that cost (rounded half to even) and
 * realizes proceeds − fee − cost.
 */
import { parseQty, roundDivHalfEven } from '../portfolio/quantity';
import { parseDay } from '../portfolio/dates';
import type { Day, PriceSeries } from './types';

export interface LedgerFill {
  id: string;
  symbol: string;
  side: 'buy' | 'sell';
  date: string;
  quantity: string;
  priceMicros: number;
  fee: { minor: number };
}

/** Minor units of `micros` currency micro-units per share × `qty` micro-shares: qty × micros / 10^10, half to even. */
export function fillValueMinor(qty: number, priceMicros: number): number {
  return roundDivHalfEven(BigInt(qty) * BigInt(priceMicros), 10_000_000_000n);
}

export interface RealizedSell<F extends LedgerFill = LedgerFill> {
  fill: F;
  /** Proceeds − fee − the average cost of the shares sold. */
  realizedMinor: number;
}

interface Holding {
  qty: number;
  costMinor: number;
}

/** Replays the fills by date (stable): each sell with its realized result. A sell of more than is held throws. */
export function realizedBySell<F extends LedgerFill>(fills: readonly F[]): RealizedSell<F>[] {
  const out: RealizedSell<F>[] = [];
  replay(fills, (fill, realizedMinor) => out.push({ fill, realizedMinor }));
  return out;
}

function replay<F extends LedgerFill>(
  fills: readonly F[],
  onSell: (fill: F, realizedMinor: number) => void,
  onFill?: (fill: F, cashDeltaMinor: number) => void,
): Map<string, Holding> {
  const holdings = new Map<string, Holding>();
  const ordered = [...fills].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const fill of ordered) {
    const qty = parseQty(fill.quantity);
    if (qty === null || qty <= 0) throw new Error(`fill ${fill.id}: "${fill.quantity}" is not a number of shares`);
    const value = fillValueMinor(qty, fill.priceMicros);
    const held = holdings.get(fill.symbol) ?? { qty: 0, costMinor: 0 };
    if (fill.side === 'buy') {
      held.qty += qty;
      held.costMinor += value + fill.fee.minor;
      holdings.set(fill.symbol, held);
      onFill?.(fill, -(value + fill.fee.minor));
    } else {
      if (qty > held.qty) throw new Error(`fill ${fill.id}: sells ${fill.quantity} ${fill.symbol} on ${fill.date}, more than the account holds`);
      const cost = roundDivHalfEven(BigInt(held.costMinor) * BigInt(qty), BigInt(held.qty));
      held.qty -= qty;
      held.costMinor -= cost;
      holdings.set(fill.symbol, held);
      onSell(fill, value - fill.fee.minor - cost);
      onFill?.(fill, value - fill.fee.minor);
    }
  }
  return holdings;
}

export interface LabLedger {
  cashMinor: number;
  realizedMinor: number;
  positions: { symbol: string; quantity: number; costMinor: number; lastPrice: number | null; valueMinor: number | null }[];
  /** Equity at each close from the start day, currency units (cash + shares × close). */
  dates: Int32Array;
  equity: Float64Array;
  /** Market value now, minor units: cash + positions at their last close. */
  equityMinor: number;
  sells: number;
}

/**
 * The account's state from its starting capital and recorded fills, and its
 * equity curve at each close of the first symbol's bars from `start` on.
 */
export function labLedger(capitalMinor: number, fills: readonly LedgerFill[], series: readonly PriceSeries[], start: Day): LabLedger {
  let cashMinor = capitalMinor;
  let realizedMinor = 0;
  let sells = 0;
  const holdings = replay(
    fills,
    (_fill, realized) => {
      realizedMinor += realized;
      sells++;
    },
    (_fill, delta) => {
      cashMinor += delta;
    },
  );
  const bySymbol = new Map(series.map((s) => [s.symbol, s]));
  const positions = [...holdings.entries()]
    .filter(([, h]) => h.qty > 0)
    .map(([symbol, h]) => {
      const s = bySymbol.get(symbol);
      const lastPrice = s && s.close.length > 0 ? s.close[s.close.length - 1]! : null;
      const valueMinor = lastPrice === null ? null : Math.round((h.qty / 1e6) * lastPrice * 100);
      return { symbol, quantity: h.qty, costMinor: h.costMinor, lastPrice, valueMinor };
    })
    .sort((a, b) => (a.symbol < b.symbol ? -1 : 1));
  const equityMinor = cashMinor + positions.reduce((sum, p) => sum + (p.valueMinor ?? p.costMinor), 0);

  const base = series[0];
  const days: number[] = [];
  if (base) for (let i = 0; i < base.dates.length; i++) if (base.dates[i]! >= start) days.push(base.dates[i]!);
  const dates = Int32Array.from(days);
  const equity = new Float64Array(dates.length);
  const ordered = [...fills].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const qty = new Map<string, number>();
  const cursor = new Map<string, number>();
  let cash = capitalMinor / 100;
  let next = 0;
  for (let i = 0; i < dates.length; i++) {
    const day = dates[i]!;
    while (next < ordered.length && parseDay(ordered[next]!.date)! <= day) {
      const f = ordered[next++]!;
      const shares = parseQty(f.quantity)! / 1e6;
      const value = fillValueMinor(parseQty(f.quantity)!, f.priceMicros) / 100;
      const fee = f.fee.minor / 100;
      qty.set(f.symbol, (qty.get(f.symbol) ?? 0) + (f.side === 'buy' ? shares : -shares));
      cash += f.side === 'buy' ? -(value + fee) : value - fee;
    }
    let value = cash;
    for (const [symbol, shares] of qty) {
      if (shares === 0) continue;
      const s = bySymbol.get(symbol);
      if (!s) continue;
      let j = cursor.get(symbol) ?? 0;
      while (j + 1 < s.dates.length && s.dates[j + 1]! <= day) j++;
      cursor.set(symbol, j);
      if (s.dates[j]! <= day) value += shares * s.close[j]!;
    }
    equity[i] = value;
  }
  return { cashMinor, realizedMinor, positions, dates, equity, equityMinor, sells };
}
