/**
 * The trading lab's records (issue 6), added in schema v5: price bars and
 * the files they came from, saved strategies, the accounts that follow a
 * strategy forward (paper or real) with their fills, the options income log
 * and the lab's settings. Same conventions as schema.ts; on top of them:
 * - a bar, fill or option date is a trading day written "YYYY-MM-DD";
 * - a bar's prices are integer micro-units of the currency (1.5 = 1_500_000),
 *   exactly what the file said to 6 decimals, BEFORE any split or dividend
 *   adjustment (the analysis applies Adj Close ÷ Close when asked);
 * - money (premiums, strikes, fees, capital) is integer minor units;
 * - fill quantities are share decimal strings with at most 6 decimals.
 */
import * as v from 'valibot';
import { OPTION_KINDS, OPTION_OUTCOMES } from '../trading/types';
import { CurrencyCode, Id, Name, Timestamp } from './schema';
import { NonNegativeMoney, PositiveMoney } from './schema-plan';
import { IsoDay, ShareQuantity, TickerSymbol } from './schema-portfolio';

/** Provenance `importId` of the income events the lab writes for real accounts. */
export const TRADING_IMPORT_ID = 'trading-lab';

const PositiveMicros = v.pipe(
  v.number('must be a price in micro-units'),
  v.safeInteger('must be a whole number of micro-units'),
  v.minValue(1, 'must be more than zero'),
);

const WholeCount = (what: string) =>
  v.pipe(v.number(`must be a number of ${what}`), v.safeInteger(`must be a whole number of ${what}`), v.minValue(0, 'cannot be negative'));


export const BarSchema = v.pipe(
  v.object({
    /** "SPY|2024-03-01". */
    id: Id,
    symbol: TickerSymbol,
    date: IsoDay,
    open: PositiveMicros,
    high: PositiveMicros,
    low: PositiveMicros,
    close: PositiveMicros,
    adjClose: v.optional(PositiveMicros),
    volume: WholeCount('shares'),
    /** The priceImports row that wrote it. */
    importId: Id,
  }),
  v.forward(v.check((b) => b.low <= b.high, 'must not be above the high'), ['low']),
  v.forward(v.check((b) => b.open >= b.low && b.open <= b.high, 'must be between the low and the high'), ['open']),
  v.forward(v.check((b) => b.close >= b.low && b.close <= b.high, 'must be between the low and the high'), ['close']),
  v.forward(v.check((b) => b.id === barId(b.symbol, b.date), 'must be SYMBOL|YYYY-MM-DD'), ['id']),
);

export function barId(symbol: string, date: string): string {
  return `${symbol}|${date}`;
}

export const PriceImportSchema = v.object({
  id: Id,
  symbol: TickerSymbol,
  fileName: v.pipe(v.string(), v.maxLength(300, 'is longer than 300 characters')),
  layout: v.picklist(['ohlcv', 'close-only'], 'must be ohlcv or close-only'),
  importedAt: Timestamp,
  /** Bars the file added or replaced. */
  added: WholeCount('bars'),
  first: IsoDay,
  last: IsoDay,
  notes: v.array(v.pipe(v.string(), v.maxLength(500))),
});

export const StrategyRecordSchema = v.object({
  id: Id,
  name: Name('strategy name'),
  /** The rules, as the person wrote them (utils/trading/strategy.ts parses them). */
  text: v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(2000, 'is longer than 2000 characters')),
  /** The symbols it trades: one for rules (the first), all of them for a rotation. */
  symbols: v.pipe(v.array(TickerSymbol), v.minLength(1, 'must name at least one symbol')),
  createdAt: Timestamp,
});

export const LAB_ACCOUNT_MODES = ['paper', 'real'] as const;
export type LabAccountMode = (typeof LAB_ACCOUNT_MODES)[number];

/**
 * An account of the lab. `paper`: simulated money, never income. `real`: the
 * person trades it with real money; its realized results are Acceleration
 * income. With a strategy, the account follows it forward from `startDate`:
 * fills are recorded as new bars arrive and are never rewritten.
 */
export const LabAccountSchema = v.object({
  /** At most 48 characters: its fills and its stream take their ids from it. */
  id: v.pipe(Id, v.maxLength(48, 'is longer than 48 characters')),
  name: Name('account name'),
  mode: v.picklist(LAB_ACCOUNT_MODES, 'must be paper or real'),
  currency: CurrencyCode,
  /** Starting cash. */
  capital: NonNegativeMoney,
  strategyId: v.optional(Id),
  /** The first day it may trade: signals before it are history. */
  startDate: IsoDay,
  /** The last bar it has processed. */
  processedThrough: v.optional(IsoDay),
  createdAt: Timestamp,
});

export const LabFillSchema = v.object({
  /** "<account>|<date>|<symbol>|<side>". */
  id: Id,
  labAccountId: Id,
  symbol: TickerSymbol,
  side: v.picklist(['buy', 'sell'], 'must be buy or sell'),
  date: IsoDay,
  signalDate: IsoDay,
  quantity: ShareQuantity,
  /** Per share, slippage included, micro-units. */
  priceMicros: PositiveMicros,
  fee: NonNegativeMoney,
  reason: v.pipe(v.string(), v.maxLength(500)),
});

export const OptionOutcomeSchema = v.object({
  kind: v.picklist(OPTION_OUTCOMES, 'must be one of: ' + OPTION_OUTCOMES.join(', ')),
  on: IsoDay,
  /** Paid to buy back (closed, rolled); 0 otherwise. */
  cost: NonNegativeMoney,
  rolledIntoId: v.optional(Id),
});

export const OptionPositionRecordSchema = v.pipe(
  v.object({
    id: Id,
    /** A lab account: paper or real. */
    accountId: Id,
    kind: v.picklist(OPTION_KINDS, 'must be covered-call or cash-secured-put'),
    symbol: TickerSymbol,
    openedOn: IsoDay,
    expiry: IsoDay,
    /** Per share. */
    strike: PositiveMoney,
    contracts: v.pipe(v.number('must be a number of contracts'), v.safeInteger('must be a whole number of contracts'), v.minValue(1, 'must be at least 1')),
    /** Received at open, every contract, after fees. */
    premium: NonNegativeMoney,
    /** Share price at open: a covered call's capital is the shares it covers. */
    underlying: v.optional(PositiveMoney),
    outcome: v.optional(OptionOutcomeSchema),
    createdAt: Timestamp,
  }),
  v.forward(v.check((p) => p.expiry >= p.openedOn, 'cannot be before the day it was opened'), ['expiry']),
  v.forward(v.check((p) => p.outcome === undefined || p.outcome.on >= p.openedOn, 'cannot be before the day it was opened'), ['outcome']),
  v.forward(
    v.check((p) => p.strike.currency === p.premium.currency && (p.underlying === undefined || p.underlying.currency === p.strike.currency), 'must all be in one currency'),
    ['premium'],
  ),
  v.forward(
    v.check((p) => (p.outcome?.kind === 'rolled') === (p.outcome?.rolledIntoId !== undefined), 'a roll names the position it rolled into, and only a roll does'),
    ['outcome'],
  ),
);

export const TradingSettingsSchema = v.object({
  key: v.literal('trading'),
  /** Remind this many days before an open option expires. */
  reminderDays: v.pipe(v.number(), v.safeInteger('must be a whole number of days'), v.minValue(0, 'cannot be negative'), v.maxValue(30, 'is more than 30')),
  /** Notify (beyond the badge) before an option expires. */
  expiryNotifications: v.boolean('must be true or false'),
  /** The capital cap = the plan's monthly cap × these months. */
  riskMonths: v.pipe(v.number(), v.safeInteger('must be a whole number of months'), v.minValue(1, 'must be at least 1'), v.maxValue(120, 'is more than 120')),
  /** Analyse split- and dividend-adjusted prices when a file gives Adj Close. */
  useAdjusted: v.boolean('must be true or false'),
  /** Reminders already notified, "<position id>@<expiry>", so each is sent once. */
  reminded: v.optional(v.array(v.pipe(v.string(), v.maxLength(80)))),
});

export type BarRecord = v.InferOutput<typeof BarSchema>;
export type PriceImport = v.InferOutput<typeof PriceImportSchema>;
export type StrategyRecord = v.InferOutput<typeof StrategyRecordSchema>;
export type LabAccount = v.InferOutput<typeof LabAccountSchema>;
export type LabFill = v.InferOutput<typeof LabFillSchema>;
export type OptionPositionRecord = v.InferOutput<typeof OptionPositionRecordSchema>;
export type TradingSettings = v.InferOutput<typeof TradingSettingsSchema>;

export const DEFAULT_TRADING_SETTINGS: TradingSettings = {
  key: 'trading',
  reminderDays: 3,
  expiryNotifications: false,
  riskMonths: 12,
  useAdjusted: true,
};

/** The id of the Acceleration stream a real lab account's results go to. */
export function tradingStreamId(accountId: string): string {
  return `lab-${accountId}`;
}

/** The name of the Acceleration stream a real lab account's results go to. */
export function tradingStreamName(account: Pick<LabAccount, 'name'>): string {
  return `Trading — ${account.name}`;
}
