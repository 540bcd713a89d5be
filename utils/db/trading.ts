/**
 * Reading the trading lab out of the database in the engine's shapes
 * (utils/trading/types.ts): a symbol's bars, the symbols on file, the options
 * log. Pages wrap these in liveQuery; tests pass a fresh database.
 */
import { parseDay } from '../portfolio/dates';
import type { Bar, OptionPosition } from '../trading/types';
import type { StrataDB } from './database';
import type { BarRecord, OptionPositionRecord } from './schema-trading';

/** A symbol's bars in date order, as the engine reads them. */
export async function loadBars(db: StrataDB, symbol: string): Promise<Bar[]> {
  const records = await db.bars.where('[symbol+date]').between([symbol, ''], [symbol, '\uffff']).toArray();
  return records.map(barOfRecord);
}

export function barOfRecord(r: BarRecord): Bar {
  return { date: parseDay(r.date)!, open: r.open, high: r.high, low: r.low, close: r.close, adjClose: r.adjClose ?? null, volume: r.volume };
}

export interface SymbolOnFile {
  symbol: string;
  bars: number;
  first: string;
  last: string;
  /** Every bar has an Adj Close. */
  adjusted: boolean;
  /** Every bar came from a close-only file. */
  closeOnly: boolean;
}

/** The symbols with bars, alphabetically, with their span. */
export async function listSymbols(db: StrataDB): Promise<SymbolOnFile[]> {
  const imports = await db.priceImports.toArray();
  const symbols = [...new Set(imports.map((i) => i.symbol))].sort();
  const out: SymbolOnFile[] = [];
  for (const symbol of symbols) {
    const range = () => db.bars.where('[symbol+date]').between([symbol, ''], [symbol, '\uffff']);
    const [count, first, last] = await Promise.all([db.bars.where('symbol').equals(symbol).count(), range().first(), range().last()]);
    if (count === 0 || !first || !last) continue;
    const own = imports.filter((i) => i.symbol === symbol);
    const withAdj = await db.bars.where('symbol').equals(symbol).filter((b) => b.adjClose !== undefined).count();
    out.push({
      symbol,
      bars: count,
      first: first.date,
      last: last.date,
      adjusted: withAdj === count,
      closeOnly: own.every((i) => i.layout === 'close-only'),
    });
  }
  return out;
}

/** A stored option position in the engine's shape (money in minor units, days as Day). */
export function optionOfRecord(r: OptionPositionRecord): OptionPosition {
  return {
    id: r.id,
    accountId: r.accountId,
    kind: r.kind,
    symbol: r.symbol,
    currency: r.strike.currency,
    openedOn: parseDay(r.openedOn)!,
    expiry: parseDay(r.expiry)!,
    strikeMinor: r.strike.minor,
    contracts: r.contracts,
    premiumMinor: r.premium.minor,
    underlyingMinor: r.underlying?.minor ?? null,
    outcome: r.outcome
      ? { kind: r.outcome.kind, on: parseDay(r.outcome.on)!, costMinor: r.outcome.cost.minor, ...(r.outcome.rolledIntoId ? { rolledIntoId: r.outcome.rolledIntoId } : {}) }
      : null,
  };
}
