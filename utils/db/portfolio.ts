/**
 * The portfolio as the engine reads it (utils/portfolio/types.ts), built
 * from the database; and the portfolio interchange file
 * (utils/portfolio/interchange.ts) in and out of the database.
 *
 * What loadPortfolio reads:
 * - accounts: those with a tax type (not "none") that are not archived,
 *   ordered by name then id. Portfolio account id = the database id; name =
 *   portfolioAccountName ("Vanguard IRA" for institution Vanguard, name IRA;
 *   the name alone when it already holds the institution or the account was
 *   created by an import);
 * - lots: the open tax lots (no soldAt) of those accounts, by acquisition day
 *   then id; acquired = the UTC day of acquiredAt;
 * - trades: of those accounts, by trade date then id. This order is the
 *   file order an export writes; trade ids start with the time they were
 *   added (imports: with the file index), so trades of one day replay in the
 *   order they were entered;
 * - prices: each symbol's latest (by date);
 * - targets: the allocationTargets table; the rest from the settings row;
 * - income: dividend and interest events on Foundation streams linked to
 *   those accounts, by time then id, except the events that mirror reinvest
 *   trades (the trades already say them). Zero amounts are left out.
 * Every amount must be in the portfolio's currency: a lot, trade, price or
 * income event in another is named in a ValidationError, never converted.
 */
import * as v from 'valibot';
import { parseDay, dayOfTimestamp } from '../portfolio/dates';
import { serializePortfolio } from '../portfolio/interchange';
import { parseQty } from '../portfolio/quantity';
import type {
  Portfolio,
  PortfolioAccount,
  PortfolioIncome,
  PortfolioLot,
  PortfolioPrice,
  PortfolioTaxType,
  PortfolioTrade,
} from '../portfolio/types';
import type { StrataDB } from './database';
import { ValidationError, type FieldIssue } from './errors';
import { DEFAULT_SETTINGS } from './schema';
import {
  defaultPortfolioSettings,
  PORTFOLIO_FILE_IMPORT_ID,
  portfolioAccountName,
  REINVEST_IMPORT_ID,
  TickerSymbol,
} from './schema-portfolio';

export { importPortfolio, type ImportSummary } from './portfolio-import';

/** The tables loadPortfolio reads (pages watch these with liveQuery). */
export function portfolioTables(db: StrataDB) {
  return [
    db.settings,
    db.portfolioSettings,
    db.accounts,
    db.taxLots,
    db.trades,
    db.prices,
    db.allocationTargets,
    db.streams,
    db.incomeEvents,
  ];
}

const byKey = <T>(key: (x: T) => string | number) => (a: T, b: T) => {
  const [ka, kb] = [key(a), key(b)];
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};
const thenById = <T extends { id: string }>(first: (a: T, b: T) => number) => (a: T, b: T) => first(a, b) || byKey<T>((x) => x.id)(a, b);
const sortedRecord = <T>(record: Readonly<Record<string, T>>, keep: (key: string) => boolean = () => true): Record<string, T> =>
  Object.fromEntries(Object.keys(record).filter(keep).sort().map((k) => [k, record[k]!]));

/** The stored portfolio, and the database ids of its accounts, read in one transaction. */
export async function loadPortfolio(db: StrataDB): Promise<{ portfolio: Portfolio; accountIds: string[] }> {
  return db.transaction('r', portfolioTables(db), () => readPortfolio(db));
}

async function readPortfolio(db: StrataDB): Promise<{ portfolio: Portfolio; accountIds: string[] }> {
  const [app, stored, accounts, taxLots, trades, prices, targets, streams, events] = await Promise.all([
    db.settings.get('app'),
    db.portfolioSettings.get('portfolio'),
    db.accounts.toArray(),
    db.taxLots.toArray(),
    db.trades.toArray(),
    db.prices.toArray(),
    db.allocationTargets.toArray(),
    db.streams.toArray(),
    db.incomeEvents.toArray(),
  ]);
  const settings = { ...defaultPortfolioSettings(app?.baseCurrency ?? DEFAULT_SETTINGS.baseCurrency), ...stored, key: 'portfolio' as const };
  const currency = settings.currency;
  const issues: FieldIssue[] = [];
  const fail = (field: string, message: string) => void issues.push({ field, message: `${field}: ${message}` });
  const inCurrency = (money: { currency: string }, field: string, what: string) => {
    if (money.currency === currency) return true;
    fail(field, `${what} is in ${money.currency} but the portfolio is in ${currency}; correct it or change the portfolio currency`);
    return false;
  };

  const held = accounts
    .filter((a) => a.taxType !== 'none' && a.archivedAt === undefined)
    .map((a) => ({ id: a.id, name: portfolioAccountName(a), taxType: a.taxType as PortfolioTaxType }))
    .sort(thenById(byKey<PortfolioAccount>((a) => a.name.toLowerCase())));
  const heldById = new Map(held.map((a) => [a.id, a]));
  const isHeld = (id: string) => heldById.has(id);

  const lots: PortfolioLot[] = [];
  for (const lot of taxLots.filter((l) => l.soldAt === undefined && isHeld(l.accountId)).sort(thenById(byKey((l) => l.acquiredAt)))) {
    const field = `taxLots.${lot.id}`;
    const what = `the ${lot.symbol} lot in "${heldById.get(lot.accountId)!.name}"`;
    const symbol = v.safeParse(TickerSymbol, lot.symbol);
    const quantity = parseQty(lot.quantity);
    if (!symbol.success) fail(`${field}.symbol`, `${what} has "${lot.symbol}", which is not a ticker symbol such as VTI`);
    if (quantity === null || quantity === 0) fail(`${field}.quantity`, `${what} has quantity "${lot.quantity}", not a number of shares more than zero with at most 6 decimals`);
    if (lot.costBasis.minor < 0) fail(`${field}.costBasis`, `${what} has a negative cost basis`);
    const ok = inCurrency(lot.costBasis, `${field}.costBasis.currency`, what);
    if (symbol.success && quantity && ok && lot.costBasis.minor >= 0) {
      lots.push({ account: lot.accountId, symbol: symbol.output, quantity, costBasisMinor: lot.costBasis.minor, acquired: dayOfTimestamp(lot.acquiredAt) });
    }
  }

  const portfolioTrades: PortfolioTrade[] = [];
  for (const trade of trades.filter((t) => isHeld(t.accountId)).sort(thenById(byKey((t) => t.date)))) {
    if (!inCurrency(trade.price, `trades.${trade.id}.price.currency`, `the ${trade.side} of ${trade.symbol} on ${trade.date}`)) continue;
    portfolioTrades.push({
      account: trade.accountId,
      symbol: trade.symbol,
      side: trade.side,
      quantity: parseQty(trade.quantity)!,
      date: parseDay(trade.date)!,
      priceMinor: trade.price.minor,
      ...(trade.lots ? { lots: trade.lots.map((c) => ({ acquired: parseDay(c.acquired)!, quantity: parseQty(c.quantity)! })) } : {}),
    });
  }

  // Each symbol's latest price: sorted by symbol, date and id, the last one wins.
  const latest: Record<string, PortfolioPrice> = {};
  for (const price of [...prices].sort(thenById(byKey((p) => `${p.symbol} ${p.date}`)))) {
    if (inCurrency(price.price, `prices.${price.id}.price.currency`, `the price of ${price.symbol} on ${price.date}`)) {
      latest[price.symbol] = { priceMinor: price.price.minor, date: parseDay(price.date)! };
    }
  }

  const incomeStreams = new Map(streams.filter((s) => s.layer === 'foundation' && s.accountId !== undefined && isHeld(s.accountId)).map((s) => [s.id, s.accountId!]));
  const income: PortfolioIncome[] = [];
  const incomeEvents = events
    .filter((e) => incomeStreams.has(e.streamId) && (e.kind === 'dividend' || e.kind === 'interest') && e.provenance.importId !== REINVEST_IMPORT_ID)
    .sort(thenById(byKey((e) => e.at)));
  for (const event of incomeEvents) {
    const field = `incomeEvents.${event.id}`;
    const what = `the ${event.kind} of ${new Date(event.at).toISOString().slice(0, 10)}`;
    if (!inCurrency(event.amount, `${field}.amount.currency`, what) || event.amount.minor === 0) continue;
    if (event.amount.minor < 0) {
      fail(`${field}.amount`, `${what} is negative; the portfolio counts dividends and interest received`);
      continue;
    }
    const symbol = event.provenance.importId === PORTFOLIO_FILE_IMPORT_ID ? v.safeParse(TickerSymbol, event.provenance.label) : undefined;
    income.push({
      account: incomeStreams.get(event.streamId)!,
      ...(symbol?.success ? { symbol: symbol.output } : {}),
      kind: event.kind as PortfolioIncome['kind'],
      date: dayOfTimestamp(event.at),
      amountMinor: event.amount.minor,
    });
  }

  if (issues.length > 0) throw new ValidationError(issues);
  const portfolio: Portfolio = {
    currency,
    accounts: held,
    lots,
    trades: portfolioTrades,
    income,
    prices: latest,
    cash: sortedRecord(settings.cash, isHeld),
    targets: Object.fromEntries([...targets].sort(byKey((t) => t.assetClass)).map((t) => [t.assetClass, t.targetBasisPoints])),
    classes: sortedRecord(settings.classOverrides),
    identical: settings.identical.map((group) => [...group]),
    settings: {
      absoluteBandBasisPoints: settings.absoluteBandBasisPoints,
      relativeBandBasisPoints: settings.relativeBandBasisPoints,
      harvestMinLossMinor: settings.harvestMinLossMinor,
      harvestMinLossBasisPoints: settings.harvestMinLossBasisPoints,
      shortTermRateBasisPoints: settings.shortTermRateBasisPoints,
      longTermRateBasisPoints: settings.longTermRateBasisPoints,
      allowShortTermGains: settings.allowShortTermGains,
      lotMethod: settings.lotMethod,
    },
  };
  return { portfolio, accountIds: held.map((a) => a.id) };
}

/** The stored portfolio as an interchange file (stable bytes: the same database always gives the same text). */
export async function exportPortfolio(db: StrataDB): Promise<string> {
  return serializePortfolio((await loadPortfolio(db)).portfolio);
}
