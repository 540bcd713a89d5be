/**
 * Exact currency conversion into the person's base currency.
 *
 * Rates are the decimal strings the person sets in the settings:
 * `rates.EUR = "1.08"` means 1 EUR = 1.08 units of the base currency. The base
 * currency itself never needs (and ignores) an entry: it converts at exactly 1.
 *
 * A conversion is one rational multiplication done in integers:
 *
 *   base minor = minor × rateNum × 10^baseDigits / (rateDen × 10^sourceDigits)
 *
 * rounded half-to-even to the nearest base minor unit, so 1 JPY (0 digits),
 * 1 EUR cent (2) and 1 BHD fil (3) each land on the right number of US cents.
 * When the product fits in a double's exact integer range the arithmetic is
 * done in Numbers; otherwise in BigInt. Either way the result is exact.
 */
import { minorDigits } from '@/utils/money/currency';
import type { Money } from '@/utils/money/types';

/** An exchange rate as an exact fraction num/den in lowest terms (both > 0). */
export interface Rate {
  num: bigint;
  den: bigint;
}

const RATE_PATTERN = /^(\d{1,15})(?:\.(\d{1,12}))?$/;

/**
 * Parses a rate string such as "1.08" or "0.0067" into an exact fraction.
 * Throws an Error saying what is wrong for anything that is not a plain
 * positive decimal (signs, exponents, spaces, commas, zero).
 */
export function parseRate(s: string): Rate {
  const match = typeof s === 'string' ? RATE_PATTERN.exec(s) : null;
  if (!match) {
    throw new Error(
      `Exchange rate ${JSON.stringify(s)} is not a plain positive decimal number such as 1.08`,
    );
  }
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  let num = BigInt(whole + fraction);
  let den = 10n ** BigInt(fraction.length);
  if (num === 0n) {
    throw new Error(`Exchange rate ${JSON.stringify(s)} must be greater than zero`);
  }
  const divisor = gcd(num, den);
  num /= divisor;
  den /= divisor;
  return { num, den };
}

/** Converts an integer amount of one currency's minor units into base minor units. */
export type MinorConverter = (minor: number) => number;

/**
 * Returns a lookup from a currency code to its converter into base minor units
 * (`undefined` when the currency has no rate). Converters are made once per
 * currency, so a caller converting many amounts can fetch one and reuse it.
 * Every rate is parsed up front: a malformed rate throws here, naming the
 * currency, rather than producing a wrong number later.
 */
export function makeMinorConverters(
  baseCurrency: string,
  rates: Record<string, string>,
): (currency: string) => MinorConverter | undefined {
  const baseDigits = minorDigits(baseCurrency);
  const byCurrency = new Map<string, MinorConverter>();
  byCurrency.set(baseCurrency, (minor) => {
    checkWhole(minor, baseCurrency);
    return minor === 0 ? 0 : minor; // no -0
  });
  for (const [currency, rateText] of Object.entries(rates)) {
    if (currency === baseCurrency) continue;
    let rate: Rate;
    try {
      rate = parseRate(rateText);
    } catch (error) {
      throw new Error(`Rate for ${currency}: ${(error as Error).message}`);
    }
    const scale = scaleFor(rate, minorDigits(currency), baseDigits);
    byCurrency.set(currency, (minor) => applyScale(minor, scale, currency));
  }
  return (currency) => byCurrency.get(currency);
}

/**
 * Returns a function converting Money into base-currency minor units (an
 * integer), or `undefined` when the money's currency has no rate.
 * Throws up front for a malformed rate (see makeMinorConverters).
 */
export function makeConverter(
  baseCurrency: string,
  rates: Record<string, string>,
): (money: Money) => number | undefined {
  const converterFor = makeMinorConverters(baseCurrency, rates);
  return (money: Money): number | undefined => converterFor(money.currency)?.(money.minor);
}

// ---------------------------------------------------------------- internals

/** base minor = round(minor × numer / denom); both kept as BigInt and, when safe, Number. */
interface CurrencyScale {
  numerBig: bigint;
  denomBig: bigint;
  numer: number;
  denom: number;
  /** Largest |minor| whose product with `numer` is still an exact double; -1 if no fast path. */
  fastLimit: number;
}

function scaleFor(rate: Rate, sourceDigits: number, baseDigits: number): CurrencyScale {
  let numerBig = rate.num * 10n ** BigInt(baseDigits);
  let denomBig = rate.den * 10n ** BigInt(sourceDigits);
  const divisor = gcd(numerBig, denomBig);
  numerBig /= divisor;
  denomBig /= divisor;
  const maxSafe = BigInt(Number.MAX_SAFE_INTEGER);
  const fast = numerBig <= maxSafe && denomBig <= maxSafe;
  const numer = Number(numerBig);
  const denom = Number(denomBig);
  return {
    numerBig,
    denomBig,
    numer,
    denom,
    fastLimit: fast ? Math.floor(Number.MAX_SAFE_INTEGER / numer) : -1,
  };
}

function checkWhole(minor: number, currency: string): void {
  if (!Number.isSafeInteger(minor)) {
    throw new Error(`Amount ${minor} ${currency} is not a whole number of minor units`);
  }
}

function applyScale(minor: number, scale: CurrencyScale, currency: string): number {
  checkWhole(minor, currency);
  if (Math.abs(minor) <= scale.fastLimit) {
    // Exact: |product| ≤ 2^53 − 1, and % and the division of an exact multiple are exact.
    const product = minor * scale.numer;
    const remainder = product % scale.denom;
    const quotient = (product - remainder) / scale.denom;
    return roundHalfEven(quotient, Math.abs(remainder) * 2, scale.denom, product < 0 ? -1 : 1);
  }
  const product = BigInt(minor) * scale.numerBig;
  let quotient = product / scale.denomBig;
  const twiceRemainder = (product % scale.denomBig) * 2n;
  const absTwice = twiceRemainder < 0n ? -twiceRemainder : twiceRemainder;
  const step = product < 0n ? -1n : 1n;
  if (absTwice > scale.denomBig || (absTwice === scale.denomBig && quotient % 2n !== 0n)) {
    quotient += step;
  }
  const result = Number(quotient);
  if (!Number.isSafeInteger(result)) {
    throw new Error(`Converting ${minor} ${currency} gives an amount too large to hold exactly`);
  }
  return result;
}

/** quotient truncated toward zero; |remainder|×2 compared with the divisor decides the rounding. */
function roundHalfEven(quotient: number, twiceRemainder: number, denom: number, step: 1 | -1): number {
  if (twiceRemainder > denom || (twiceRemainder === denom && quotient % 2 !== 0)) {
    return quotient + step;
  }
  return quotient === 0 ? 0 : quotient; // no -0
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}
