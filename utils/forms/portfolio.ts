/**
 * Reads the Portfolio forms (a lot, a trade, a price, the targets, the
 * portfolio settings) from what the person typed. Pure, tested in Node.
 * Same rules as ./plan.ts: amounts through parseMoney in the person's locale,
 * percentages exactly into basis points, dates as calendar days
 * ("YYYY-MM-DD", the trade date a statement prints), quantities as exact
 * decimals with at most 6 places ("12,5" in de-DE is 12.5 shares).
 */
import { parseMoney } from '@/utils/money';
import type { Money } from '@/utils/money/types';
import { normalizeSymbol, TICKER_SYMBOL } from '@/utils/portfolio/classes';
import { parseDay } from '@/utils/portfolio/dates';
import { formatQty, parseQty } from '@/utils/portfolio/quantity';
import type { Day, LotMethod, PortfolioSettings, TradeSide } from '@/utils/portfolio/types';
import { LOT_METHODS, TRADE_SIDES } from '@/utils/portfolio/types';
import { localeDecimal, percentToBasisPoints, type FieldIssue, type FormResult } from './plan';

type Collect = FieldIssue[];

function readSymbol(text: string, issues: Collect, field = 'symbol'): string | undefined {
  const symbol = normalizeSymbol(text);
  if (symbol === '') return void issues.push({ field, message: 'Symbol is required' });
  if (!TICKER_SYMBOL.test(symbol)) return void issues.push({ field, message: `Symbol "${text.trim()}" is not a ticker such as VTI` });
  return symbol;
}

/** "12.5" / "12,5" (de-DE) → "12.5"; thousands separators are refused rather than guessed. */
export function readQuantity(text: string, locale: string, issues: Collect, field = 'quantity'): string | undefined {
  const clean = text.trim();
  if (clean === '') return void issues.push({ field, message: 'Quantity is required' });
  const decimal = localeDecimal(locale);
  const other = decimal === '.' ? ',' : '.';
  if (clean.includes(other)) {
    return void issues.push({ field, message: `Quantity "${clean}": write it without thousands separators, with "${decimal}" as the decimal point` });
  }
  const qty = parseQty(clean.replace(decimal, '.'));
  if (qty === null) return void issues.push({ field, message: `Quantity "${clean}" is not a number of shares with at most 6 decimals` });
  if (qty === 0) return void issues.push({ field, message: 'Quantity must be more than zero' });
  return formatQty(qty);
}

function readAmount(text: string, currency: string, locale: string, field: string, label: string, issues: Collect, allowZero = false): Money | undefined {
  if (text.trim() === '') return void issues.push({ field, message: `${label} is required` });
  const parsed = parseMoney(text, { currency, locale });
  if (!parsed.ok) return void issues.push({ field, message: `${label}: ${parsed.reason}` });
  if (parsed.value.currency !== currency) return void issues.push({ field, message: `${label} must be in ${currency}` });
  if (parsed.value.minor < 0 || (!allowZero && parsed.value.minor === 0)) return void issues.push({ field, message: `${label} must be more than zero` });
  return { minor: parsed.value.minor, currency };
}

function readDay(text: string, field: string, label: string, issues: Collect): Day | undefined {
  const day = parseDay(text.trim());
  if (day === null) return void issues.push({ field, message: `${label} must be a date (YYYY-MM-DD)` });
  return day;
}

function readAccount(text: string, accountIds: readonly string[], issues: Collect): string | undefined {
  if (!accountIds.includes(text)) return void issues.push({ field: 'accountId', message: 'Choose an account' });
  return text;
}

const done = <T>(issues: Collect, value: () => T): FormResult<T> => (issues.length > 0 ? { ok: false, issues } : { ok: true, value: value() });

export interface PortfolioFormContext {
  locale: string;
  currency: string;
  /** The accounts a lot or trade may name. */
  accountIds: readonly string[];
}

export type LotFormInput = Record<'accountId' | 'symbol' | 'quantity' | 'cost' | 'acquired', string>;
export interface LotDraft {
  accountId: string;
  symbol: string;
  quantity: string;
  costBasis: Money;
  acquired: Day;
}

export function readLotForm(input: LotFormInput, context: PortfolioFormContext): FormResult<LotDraft> {
  const issues: Collect = [];
  const accountId = readAccount(input.accountId, context.accountIds, issues);
  const symbol = readSymbol(input.symbol, issues);
  const quantity = readQuantity(input.quantity, context.locale, issues);
  const costBasis = readAmount(input.cost, context.currency, context.locale, 'costBasis', 'Total cost', issues, true);
  const acquired = readDay(input.acquired, 'acquired', 'Acquired', issues);
  return done(issues, () => ({ accountId: accountId!, symbol: symbol!, quantity: quantity!, costBasis: costBasis!, acquired: acquired! }));
}

export type TradeFormInput = Record<'accountId' | 'symbol' | 'side' | 'quantity' | 'price' | 'date', string>;
export interface TradeDraft {
  accountId: string;
  symbol: string;
  side: TradeSide;
  quantity: string;
  price: Money;
  date: Day;
}

export function readTradeForm(input: TradeFormInput, context: PortfolioFormContext): FormResult<TradeDraft> {
  const issues: Collect = [];
  const accountId = readAccount(input.accountId, context.accountIds, issues);
  const symbol = readSymbol(input.symbol, issues);
  const side = (TRADE_SIDES as readonly string[]).includes(input.side) ? (input.side as TradeSide) : void issues.push({ field: 'side', message: 'Choose buy, sell or reinvested dividend' });
  const quantity = readQuantity(input.quantity, context.locale, issues);
  const price = readAmount(input.price, context.currency, context.locale, 'price', 'Price per share', issues, true);
  const date = readDay(input.date, 'date', 'Trade date', issues);
  return done(issues, () => ({ accountId: accountId!, symbol: symbol!, side: side!, quantity: quantity!, price: price!, date: date! }));
}

export type PriceFormInput = Record<'symbol' | 'price' | 'date', string>;
export interface PriceDraft {
  symbol: string;
  price: Money;
  date: Day;
}

export function readPriceForm(input: PriceFormInput, context: Pick<PortfolioFormContext, 'locale' | 'currency'>): FormResult<PriceDraft> {
  const issues: Collect = [];
  const symbol = readSymbol(input.symbol, issues);
  const price = readAmount(input.price, context.currency, context.locale, 'price', 'Price', issues, true);
  const date = readDay(input.date, 'date', 'Price date', issues);
  return done(issues, () => ({ symbol: symbol!, price: price!, date: date! }));
}

/** Target percentages by class ("60", "", "12.5") → basis points; blanks are 0 and left out; the rest must add up to 100%. */
export function readTargetsForm(input: Readonly<Record<string, string>>, locale: string): FormResult<Record<string, number>> {
  const issues: Collect = [];
  const targets: Record<string, number> = {};
  let sum = 0;
  for (const [assetClass, text] of Object.entries(input)) {
    if (text.trim() === '') continue;
    const bp = percentToBasisPoints(text, { field: `targets.${assetClass}`, label: 'Target', locale });
    if (!bp.ok) {
      issues.push(...bp.issues);
      continue;
    }
    if (bp.value > 10000) {
      issues.push({ field: `targets.${assetClass}`, message: 'Target cannot be more than 100%' });
      continue;
    }
    if (bp.value > 0) targets[assetClass] = bp.value;
    sum += bp.value;
  }
  if (issues.length === 0 && sum !== 0 && sum !== 10000) {
    issues.push({ field: 'targets', message: `Targets must add up to 100%; they add up to ${(sum / 100).toFixed(2)}%` });
  }
  return done(issues, () => targets);
}

export type PortfolioSettingsFormInput = Record<
  'absoluteBand' | 'relativeBand' | 'harvestMinLoss' | 'harvestMinLossShare' | 'shortTermRate' | 'longTermRate' | 'lotMethod',
  string
> & { allowShortTermGains: boolean };

export function readPortfolioSettingsForm(
  input: PortfolioSettingsFormInput,
  context: Pick<PortfolioFormContext, 'locale' | 'currency'>,
): FormResult<PortfolioSettings> {
  const issues: Collect = [];
  const percent = (text: string, field: keyof PortfolioSettings, label: string) => {
    const bp = percentToBasisPoints(text, { field, label, locale: context.locale });
    if (!bp.ok) return void issues.push(...bp.issues);
    if (bp.value > 10000) return void issues.push({ field, message: `${label} cannot be more than 100%` });
    return bp.value;
  };
  const absolute = percent(input.absoluteBand, 'absoluteBandBasisPoints', 'Absolute band');
  const relative = percent(input.relativeBand, 'relativeBandBasisPoints', 'Relative band');
  const minLoss = readAmount(input.harvestMinLoss, context.currency, context.locale, 'harvestMinLossMinor', 'Smallest loss worth harvesting', issues, true);
  const minShare = percent(input.harvestMinLossShare, 'harvestMinLossBasisPoints', 'Smallest loss share');
  const shortTerm = percent(input.shortTermRate, 'shortTermRateBasisPoints', 'Short-term tax rate');
  const longTerm = percent(input.longTermRate, 'longTermRateBasisPoints', 'Long-term tax rate');
  const lotMethod = (LOT_METHODS as readonly string[]).includes(input.lotMethod) ? (input.lotMethod as LotMethod) : void issues.push({ field: 'lotMethod', message: 'Choose FIFO or chosen lots' });
  return done(issues, () => ({
    absoluteBandBasisPoints: absolute!,
    relativeBandBasisPoints: relative!,
    harvestMinLossMinor: minLoss!.minor,
    harvestMinLossBasisPoints: minShare!,
    shortTermRateBasisPoints: shortTerm!,
    longTermRateBasisPoints: longTerm!,
    allowShortTermGains: input.allowShortTermGains,
    lotMethod: lotMethod!,
  }));
}
