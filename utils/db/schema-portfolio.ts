/**
 * The portfolio's records (issue 5), added in schema v4: trades, prices and
 * the portfolio settings. Opening lots are the `taxLots` table (schema.ts,
 * since v1) and targets the `allocationTargets` table (since v1).
 * Same conventions as schema.ts; on top of them:
 * - a trade or price date is the calendar day a statement prints, written
 *   "YYYY-MM-DD" (`IsoDay`), never a time of day;
 * - share quantities are decimal strings with at most 6 decimals (the engine
 *   counts micro-shares, utils/portfolio/quantity.ts);
 * - symbols are stored upper case (" vti " is stored "VTI").
 * utils/db/portfolio.ts turns these records into the engine's `Portfolio`.
 */
import * as v from 'valibot';
import { ASSET_CLASS_ID, TICKER_SYMBOL } from '../portfolio/classes';
import { parseDay } from '../portfolio/dates';
import { parseQty } from '../portfolio/quantity';
import { DEFAULT_PORTFOLIO_SETTINGS, LOT_METHODS, TRADE_SIDES } from '../portfolio/types';
import {
  CurrencyCode,
  DecimalString,
  Id,
  MoneySchema,
  ProvenanceSchema,
  SOURCES,
  Timestamp,
  type Account,
} from './schema';

/** Provenance `importId` of the lots, trades, prices and income entries a portfolio file wrote (utils/db/portfolio.ts). */
export const PORTFOLIO_FILE_IMPORT_ID = 'portfolio-file';
/**
 * Provenance `importId` of the dividend income event that mirrors a reinvest
 * trade (its id is the trade's id). The trade already says it, so the
 * portfolio leaves these events out of its income; Foundation income counts them.
 */
export const REINVEST_IMPORT_ID = 'portfolio-reinvest';


/** "2026-11-24": a real calendar date. */
export const IsoDay = v.pipe(
  v.string('must be a date written YYYY-MM-DD'),
  v.check((s) => parseDay(s) !== null, 'must be a real date written YYYY-MM-DD'),
);

/** A ticker symbol, trimmed and stored upper case. */
export const TickerSymbol = v.pipe(
  v.string('must be a ticker symbol'),
  v.trim(),
  v.toUpperCase(),
  v.regex(TICKER_SYMBOL, 'must be a ticker symbol such as VTI'),
);

/** A symbol used as a record key: already upper case. */
const TickerKey = v.pipe(v.string(), v.regex(TICKER_SYMBOL, 'must be a ticker symbol in upper case such as VTI'));

/** "us-total-market": a lower-case asset class id (utils/portfolio/classes.ts). */
export const AssetClassId = v.pipe(
  v.string('must be an asset class'),
  v.regex(ASSET_CLASS_ID, 'must be an asset class id in lower case such as us-bonds'),
);

/** A number of shares more than zero with at most 6 decimals: "12.5". */
export const ShareQuantity = v.pipe(
  DecimalString,
  v.check((s) => {
    const qty = parseQty(s);
    return qty !== null && qty > 0;
  }, 'must be a number of shares more than zero, with at most 6 decimals'),
);

const NonNegativeMoney = v.pipe(
  MoneySchema,
  v.check((m) => m.minor >= 0, 'cannot be negative'),
);

const BasisPoints = v.pipe(
  v.number('must be a number'),
  v.safeInteger('must be a whole number of basis points'),
  v.minValue(0, 'cannot be negative'),
  v.maxValue(10000, 'is more than 100%'),
);

const NonNegativeMinor = v.pipe(
  v.number('must be a number of minor units'),
  v.safeInteger('must be a whole number of minor units (cents), not a fraction'),
  v.minValue(0, 'cannot be negative'),
);

/** A lot a sell closes, named by its acquisition date (specific identification). */
export const ChosenLotSchema = v.object({ acquired: IsoDay, quantity: ShareQuantity });

/**
 * A trade on its trade date. `reinvest` is a purchase paid by a dividend; the
 * store keeps a dividend income event for it (REINVEST_IMPORT_ID). A sell
 * may name the lots it closes; their quantities add up to the trade's.
 */
export const TradeSchema = v.pipe(
  v.object({
    id: Id,
    accountId: Id,
    symbol: TickerSymbol,
    side: v.picklist(TRADE_SIDES, 'must be one of: ' + TRADE_SIDES.join(', ')),
    quantity: ShareQuantity,
    /** Per share, in the portfolio's currency. */
    price: NonNegativeMoney,
    date: IsoDay,
    lots: v.optional(v.array(ChosenLotSchema)),
    source: v.picklist(SOURCES, 'must be manual, capture or import'),
    provenance: ProvenanceSchema,
  }),
  v.forward(
    v.check((t) => t.lots === undefined || t.side === 'sell', 'are only for sells (the lots a sale closes)'),
    ['lots'],
  ),
  v.forward(
    v.check(
      (t) => t.lots === undefined || t.side !== 'sell' || t.lots.reduce((sum, l) => sum + parseQty(l.quantity)!, 0) === parseQty(t.quantity),
      'must add up to the quantity sold',
    ),
    ['lots'],
  ),
);

/** A symbol's price on a day; one per symbol and day. The portfolio uses each symbol's latest. */
export const PriceSchema = v.object({
  id: Id,
  symbol: TickerSymbol,
  date: IsoDay,
  /** Per share, in the portfolio's currency. */
  price: NonNegativeMoney,
  source: v.picklist(SOURCES, 'must be manual, capture or import'),
  provenance: ProvenanceSchema,
});

/**
 * The portfolio settings: one row in the portfolioSettings table, key
 * "portfolio". Every field of the engine's PortfolioSettings
 * (utils/portfolio/types.ts), plus what the engine reads beside them.
 */
export const PortfolioSettingsRecordSchema = v.object({
  key: v.literal('portfolio'),
  /** The currency every lot, trade, price and cash figure of the portfolio is in. */
  currency: CurrencyCode,
  absoluteBandBasisPoints: BasisPoints,
  relativeBandBasisPoints: BasisPoints,
  harvestMinLossMinor: NonNegativeMinor,
  harvestMinLossBasisPoints: BasisPoints,
  shortTermRateBasisPoints: BasisPoints,
  longTermRateBasisPoints: BasisPoints,
  allowShortTermGains: v.boolean('must be true or false'),
  lotMethod: v.picklist(LOT_METHODS, 'must be one of: ' + LOT_METHODS.join(', ')),
  /** The person's symbol → asset class overrides. */
  classOverrides: v.record(TickerKey, AssetClassId),
  /** The person's groups of substantially identical symbols. */
  identical: v.array(v.pipe(v.array(TickerSymbol), v.minLength(2, 'must list at least two symbols'))),
  /** Uninvested cash per account id, minor units of `currency`. */
  cash: v.record(Id, NonNegativeMinor),
  /** Notify (beyond the toolbar badge) when a class newly leaves its band. */
  driftNotifications: v.boolean('must be true or false'),
  /** The last daily drift check: when, and which classes were outside their band. */
  lastDriftCheck: v.optional(
    v.object({ at: Timestamp, outside: v.array(v.pipe(v.string(), v.maxLength(64, 'is longer than 64 characters'))) }),
  ),
});

export type Trade = v.InferOutput<typeof TradeSchema>;
export type ChosenLotRecord = v.InferOutput<typeof ChosenLotSchema>;
export type Price = v.InferOutput<typeof PriceSchema>;
export type PortfolioSettingsRecord = v.InferOutput<typeof PortfolioSettingsRecordSchema>;

/** The defaults (the 5/25 bands, utils/portfolio/types.ts) in the person's base currency. */
export function defaultPortfolioSettings(baseCurrency: string): PortfolioSettingsRecord {
  return {
    key: 'portfolio',
    currency: baseCurrency,
    ...DEFAULT_PORTFOLIO_SETTINGS,
    classOverrides: {},
    identical: [],
    cash: {},
    driftNotifications: false,
  };
}

/**
 * How the portfolio names an account: "Vanguard IRA" for institution
 * "Vanguard" and name "IRA"; the name alone when it already says the
 * institution ("Fidelity Brokerage") or the account was created by a
 * portfolio import (institution "Imported"), so a name survives an export
 * and an import unchanged. At most 200 characters (the file's limit).
 */
export function portfolioAccountName(account: Pick<Account, 'institution' | 'name'>): string {
  const { institution, name } = account;
  if (institution === IMPORTED_INSTITUTION || name.toLowerCase().includes(institution.toLowerCase())) return name;
  return `${institution} ${name}`.slice(0, 200).trim();
}

/** The institution of accounts a portfolio import creates. */
export const IMPORTED_INSTITUTION = 'Imported';

/** The Foundation stream a portfolio account's dividends and interest go to. */
export function dividendStreamName(account: Pick<Account, 'institution' | 'name'>): string {
  const prefix = 'Dividends and interest — ';
  return prefix + portfolioAccountName(account).slice(0, 200 - prefix.length);
}
