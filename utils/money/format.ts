/**
 * Formatting Money for people (through Intl, with the currency's exact ISO
 * minor digits) and for machines (exact decimal strings).
 */
import { minorDigits } from './currency';
import type { Money } from './types';

export interface FormatOptions {
  signDisplay?: 'auto' | 'always' | 'exceptZero';
  /** "$1.2K", "$3.4M": rounded for small spaces; never for figures to compare. */
  compact?: boolean;
}

function assertSafeMinor(money: Money): void {
  if (!Number.isSafeInteger(money.minor)) {
    throw new RangeError(`${money.minor} is not a whole number of minor units of ${money.currency}`);
  }
}

/**
 * The exact amount as a plain decimal string in major units:
 * {minor: -123456, currency: 'USD'} → "-1234.56", JPY 12345 → "12345",
 * BHD 1234 → "1.234". Throws a RangeError when minor is not a safe integer.
 */
export function toDecimalString(money: Money): string {
  assertSafeMinor(money);
  const digits = minorDigits(money.currency);
  const sign = money.minor < 0 ? '-' : '';
  // A safe integer prints without exponent, so the digits are exact.
  const abs = String(Math.abs(money.minor));
  if (digits === 0) return sign + abs;
  const padded = abs.padStart(digits + 1, '0');
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

/**
 * The amount the same way in every locale, for reasons the engine writes and
 * the command line prints: "1,234.56 USD", "-0.05 USD", "1,234,567 JPY".
 * Exact on the digits (toDecimalString), grouped by three with ",".
 */
export function formatMoneyPlain(money: Money): string {
  const [whole, fraction] = toDecimalString(money).split('.') as [string, string | undefined];
  const sign = whole.startsWith('-') ? '-' : '';
  const grouped = whole.slice(sign.length).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${fraction === undefined ? '' : `.${fraction}`} ${money.currency}`;
}

/**
 * The amount in major units as a float, FOR CHARTS AND OTHER DISPLAY MATHS
 * ONLY: large amounts lose their last digits (a double holds ~15.9
 * significant digits). Never store it, sum it for totals, or compare it with
 * a statement — use `minor` for that.
 */
export function toMajorNumber(money: Money): number {
  return Number(toDecimalString(money));
}

const formatterCache = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string, locale: string | undefined, options: FormatOptions): Intl.NumberFormat {
  const key = `${locale ?? ''}|${currency}|${options.signDisplay ?? 'auto'}|${options.compact ? 'c' : ''}`;
  let formatter = formatterCache.get(key);
  if (!formatter) {
    const digits = minorDigits(currency);
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      signDisplay: options.signDisplay ?? 'auto',
      ...(options.compact
        ? { notation: 'compact' as const }
        : { minimumFractionDigits: digits, maximumFractionDigits: digits }),
    });
    formatterCache.set(key, formatter);
  }
  return formatter;
}

/**
 * "$1,234.56", "1.234,56 €", "BHD 1.234": Intl's currency style with the
 * currency's ISO minor digits (HUF, COP, IDR show their 2 decimals even where
 * Intl's own default is 0). Exact for every safe-integer `minor`: the amount
 * reaches Intl as a decimal string, never as a divided float. With
 * `compact` the result is rounded by Intl ("$1.2K") and only for display.
 */
export function formatMoney(money: Money, locale?: string, options: FormatOptions = {}): string {
  return formatterFor(money.currency, locale, options).format(toDecimalString(money) as `${number}`);
}
