/**
 * Reads the Trading lab's forms (a price file's symbol, a backtest, a saved
 * strategy's name, a lab account, an option position, its outcome, the lab's
 * settings) from what the person typed into records for the write API
 * (utils/db/trading-writes.ts). Pure, tested in Node.
 *
 * Same rules as ./portfolio.ts and ./plan.ts: amounts through parseMoney in
 * the person's locale and the form's currency ("1.234,56" in de-DE is 123456
 * cents; rounded displays such as "$1.2K" are refused), dates as calendar
 * days "YYYY-MM-DD" (what <input type="date"> holds and the store keeps),
 * symbols upper case. A result is `{ ok: true, value }` or `{ ok: false,
 * errors }` with the first message of each field, keyed by the record's field
 * name so the write API's own refusals (utils/forms/errors.ts) land next to
 * the same field.
 */
import { isCurrencyCode, parseMoney } from '@/utils/money';
import type { Money } from '@/utils/money/types';
import { normalizeSymbol, TICKER_SYMBOL } from '@/utils/portfolio/classes';
import { formatDay, parseDay } from '@/utils/portfolio/dates';
import { OPTION_KINDS, OPTION_OUTCOMES, type Day, type OptionKind, type OptionOutcomeKind } from '@/utils/trading/types';

export type TradingFormResult<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

/** Collects the first message of each field. */
class Errors {
  readonly fields: Record<string, string> = {};
  add(field: string, message: string): undefined {
    this.fields[field] ??= message;
    return undefined;
  }
  done<T>(value: () => T): TradingFormResult<T> {
    return Object.keys(this.fields).length > 0 ? { ok: false, errors: this.fields } : { ok: true, value: value() };
  }
}

function readSymbol(text: string, errors: Errors, field = 'symbol'): string | undefined {
  const symbol = normalizeSymbol(text);
  if (symbol === '') return errors.add(field, 'Symbol is required');
  if (!TICKER_SYMBOL.test(symbol)) return errors.add(field, `Symbol "${text.trim()}" is not a ticker such as SPY`);
  return symbol;
}

function readName(text: string, field: string, label: string, errors: Errors): string | undefined {
  const name = text.trim();
  if (name === '') return errors.add(field, `${label} is required`);
  if (name.length > 200) return errors.add(field, `${label} is longer than 200 characters`);
  return name;
}

/** A calendar day, kept as its "YYYY-MM-DD" text; null when left blank and `optional`. */
function readDate(text: string, field: string, label: string, errors: Errors, optional = false): string | null | undefined {
  const clean = text.trim();
  if (clean === '') return optional ? null : errors.add(field, `${label} is required`);
  const day = parseDay(clean);
  if (day === null) return errors.add(field, `${label} must be a date such as 2024-03-15`);
  return formatDay(day);
}

type Sign = 'positive' | 'non-negative';

function readAmount(text: string, spec: { field: string; label: string; currency: string; locale: string; sign: Sign }, errors: Errors): Money | undefined {
  const { field, label, currency } = spec;
  const typed = text.trim();
  if (typed === '') return errors.add(field, `${label} is required`);
  if (!isCurrencyCode(currency)) return undefined; // reported on the currency or account field
  const parsed = parseMoney(typed, { currency, locale: spec.locale });
  if (!parsed.ok) return errors.add(field, `${label}: ${parsed.reason}`);
  if (parsed.value.approximate) return errors.add(field, `${label} "${typed}" is rounded: enter the exact amount`);
  if (parsed.value.currency !== currency) return errors.add(field, `${label} must be in ${currency}`);
  if (spec.sign === 'positive' && parsed.value.minor <= 0) return errors.add(field, `${label} must be more than zero`);
  if (parsed.value.minor < 0) return errors.add(field, `${label} cannot be negative`);
  return { minor: parsed.value.minor, currency };
}

/** A whole number in [min, max]; "1.5" and "1,000" are refused, not rounded. */
function readWhole(text: string, spec: { field: string; label: string; unit: string; min: number; max: number }, errors: Errors): number | undefined {
  const clean = text.trim();
  if (clean === '') return errors.add(spec.field, `${spec.label} is required`);
  if (!/^\d+$/.test(clean)) return errors.add(spec.field, `${spec.label} must be a whole number of ${spec.unit}, such as ${Math.max(spec.min, 1)}`);
  const n = Number(clean);
  if (n < spec.min) return errors.add(spec.field, `${spec.label} must be at least ${spec.min}`);
  if (n > spec.max) return errors.add(spec.field, `${spec.label} cannot be more than ${spec.max}`);
  return n;
}

// ---------------------------------------------------------------- prices

/** The symbol a price file is stored under: "spy" → "SPY". */
export function readBarsSymbol(text: string): TradingFormResult<string> {
  const errors = new Errors();
  const symbol = readSymbol(text, errors);
  return errors.done(() => symbol!);
}

// ---------------------------------------------------------------- backtest

export type BacktestFormInput = Record<'text' | 'symbol' | 'from' | 'to', string>;
export interface BacktestDraft {
  text: string;
  /** The symbol a rules strategy trades ('' for a rotation, which names its own). */
  symbol: string;
  from: Day | undefined;
  to: Day | undefined;
}

/** The rules, the symbol (required unless `rotation`) and an optional date range with from ≤ to. */
export function readBacktestForm(input: BacktestFormInput, context: { symbols: readonly string[]; rotation: boolean }): TradingFormResult<BacktestDraft> {
  const errors = new Errors();
  const text = input.text.trim();
  if (text === '') errors.add('text', 'Write the rules first, for example: buy when rsi(14) < 30; sell when rsi(14) > 70');
  else if (text.length > 2000) errors.add('text', 'The rules are longer than 2000 characters');
  let symbol = '';
  if (!context.rotation) {
    if (input.symbol === '') errors.add('symbol', context.symbols.length === 0 ? 'Import a price file first' : 'Choose a symbol');
    else if (!context.symbols.includes(input.symbol)) errors.add('symbol', `No prices on file for ${input.symbol}`);
    else symbol = input.symbol;
  }
  const from = readDate(input.from, 'from', 'From', errors, true);
  const to = readDate(input.to, 'to', 'To', errors, true);
  if (from && to && to < from) errors.add('to', 'To cannot be before From');
  return errors.done(() => ({
    text,
    symbol,
    from: from ? parseDay(from)! : undefined,
    to: to ? parseDay(to)! : undefined,
  }));
}

export type StrategyFormInput = Record<'name' | 'text', string>;

/** A strategy to save: its name, its text and the symbols it trades (at least one). */
export function readStrategyForm(input: StrategyFormInput, symbols: readonly string[]): TradingFormResult<{ name: string; text: string; symbols: string[] }> {
  const errors = new Errors();
  const name = readName(input.name, 'name', 'Strategy name', errors);
  const text = input.text.trim();
  if (text === '') errors.add('text', 'The rules are empty');
  if (symbols.length === 0) errors.add('symbols', 'Run the backtest on a symbol first');
  return errors.done(() => ({ name: name!, text, symbols: [...symbols] }));
}

// ---------------------------------------------------------------- lab accounts

export type LabAccountFormInput = Record<'name' | 'mode' | 'capital' | 'currency' | 'strategyId' | 'startDate', string>;
export interface LabAccountDraft {
  name: string;
  mode: 'paper' | 'real';
  currency: string;
  capital: Money;
  strategyId?: string;
  startDate: string;
}

export function readLabAccountForm(input: LabAccountFormInput, context: { locale: string; strategyIds: readonly string[] }): TradingFormResult<LabAccountDraft> {
  const errors = new Errors();
  const name = readName(input.name, 'name', 'Account name', errors);
  const mode = input.mode === 'paper' || input.mode === 'real' ? input.mode : errors.add('mode', 'Choose paper or real');
  const currency = input.currency.trim().toUpperCase();
  if (!isCurrencyCode(currency)) errors.add('currency', `Currency "${input.currency.trim()}" is not a code such as USD`);
  const capital = readAmount(input.capital, { field: 'capital', label: 'Starting capital', currency, locale: context.locale, sign: 'positive' }, errors);
  const strategyId = input.strategyId === '' ? undefined : input.strategyId;
  if (strategyId !== undefined && !context.strategyIds.includes(strategyId)) errors.add('strategyId', 'Choose a saved strategy, or none');
  const startDate = readDate(input.startDate, 'startDate', 'Start date', errors);
  return errors.done(() => ({
    name: name!,
    mode: mode!,
    currency,
    capital: capital!,
    ...(strategyId !== undefined ? { strategyId } : {}),
    startDate: startDate!,
  }));
}

// ---------------------------------------------------------------- options

export type OptionFormInput = Record<'accountId' | 'kind' | 'symbol' | 'openedOn' | 'expiry' | 'strike' | 'contracts' | 'premium' | 'underlying', string>;
export interface OptionDraft {
  accountId: string;
  kind: OptionKind;
  symbol: string;
  openedOn: string;
  expiry: string;
  strike: Money;
  contracts: number;
  premium: Money;
  underlying?: Money;
}

/**
 * A covered call or cash-secured put, in its account's currency. The share
 * price at open is read only for a covered call, and may be left blank (the
 * strike then stands in for it).
 */
export function readOptionForm(input: OptionFormInput, context: { locale: string; accounts: readonly { id: string; currency: string }[] }): TradingFormResult<OptionDraft> {
  const errors = new Errors();
  const account = context.accounts.find((a) => a.id === input.accountId);
  if (!account) errors.add('accountId', context.accounts.length === 0 ? 'Create a lab account first' : 'Choose an account');
  const currency = account?.currency ?? '';
  const kind = (OPTION_KINDS as readonly string[]).includes(input.kind) ? (input.kind as OptionKind) : errors.add('kind', 'Choose covered call or cash-secured put');
  const symbol = readSymbol(input.symbol, errors);
  const openedOn = readDate(input.openedOn, 'openedOn', 'Opened on', errors);
  const expiry = readDate(input.expiry, 'expiry', 'Expiry', errors);
  if (openedOn && expiry && expiry < openedOn) errors.add('expiry', 'Expiry cannot be before the day it was opened');
  const money = (text: string, field: string, label: string, sign: Sign) =>
    account ? readAmount(text, { field, label, currency, locale: context.locale, sign }, errors) : undefined;
  const strike = money(input.strike, 'strike', 'Strike', 'positive');
  const contracts = readWhole(input.contracts, { field: 'contracts', label: 'Contracts', unit: 'contracts', min: 1, max: 100_000 }, errors);
  const premium = money(input.premium, 'premium', 'Premium received', 'non-negative');
  const underlying = kind === 'covered-call' && input.underlying.trim() !== '' ? money(input.underlying, 'underlying', 'Share price at open', 'positive') : undefined;
  return errors.done(() => ({
    accountId: account!.id,
    kind: kind!,
    symbol: symbol!,
    openedOn: openedOn!,
    expiry: expiry!,
    strike: strike!,
    contracts: contracts!,
    premium: premium!,
    ...(underlying ? { underlying } : {}),
  }));
}

export type OutcomeFormInput = Record<'kind' | 'on' | 'cost' | 'rolledIntoId', string>;
export interface OutcomeDraft {
  kind: OptionOutcomeKind;
  on: string;
  cost: Money;
  rolledIntoId?: string;
}

/**
 * How an option ended. Closed and rolled read the buy-back cost (0 allowed);
 * expired and assigned cost nothing; rolled names another position.
 */
export function readOutcomeForm(
  input: OutcomeFormInput,
  context: { locale: string; currency: string; openedOn: string; otherPositionIds: readonly string[] },
): TradingFormResult<OutcomeDraft> {
  const errors = new Errors();
  const kind = (OPTION_OUTCOMES as readonly string[]).includes(input.kind) ? (input.kind as OptionOutcomeKind) : errors.add('kind', 'Choose how it ended');
  const on = readDate(input.on, 'on', 'Date', errors);
  if (on && on < context.openedOn) errors.add('on', `The outcome cannot be before the day it was opened (${context.openedOn})`);
  const paid = kind === 'closed' || kind === 'rolled';
  const cost = paid
    ? readAmount(input.cost, { field: 'cost', label: 'Buy-back cost', currency: context.currency, locale: context.locale, sign: 'non-negative' }, errors)
    : { minor: 0, currency: context.currency };
  let rolledIntoId: string | undefined;
  if (kind === 'rolled') {
    if (!context.otherPositionIds.includes(input.rolledIntoId)) errors.add('rolledIntoId', 'Choose the position it rolled into (log the new one first)');
    else rolledIntoId = input.rolledIntoId;
  }
  return errors.done(() => ({ kind: kind!, on: on!, cost: cost!, ...(rolledIntoId ? { rolledIntoId } : {}) }));
}

// ---------------------------------------------------------------- settings

export type TradingSettingsFormInput = Record<'reminderDays' | 'riskMonths', string> & { expiryNotifications: boolean; useAdjusted: boolean };
export interface TradingSettingsDraft {
  reminderDays: number;
  riskMonths: number;
  expiryNotifications: boolean;
  useAdjusted: boolean;
}

export function readTradingSettingsForm(input: TradingSettingsFormInput): TradingFormResult<TradingSettingsDraft> {
  const errors = new Errors();
  const reminderDays = readWhole(input.reminderDays, { field: 'reminderDays', label: 'Reminder', unit: 'days', min: 0, max: 30 }, errors);
  const riskMonths = readWhole(input.riskMonths, { field: 'riskMonths', label: 'Risk cap months', unit: 'months', min: 1, max: 120 }, errors);
  return errors.done(() => ({ reminderDays: reminderDays!, riskMonths: riskMonths!, expiryNotifications: input.expiryNotifications, useAdjusted: input.useAdjusted }));
}
