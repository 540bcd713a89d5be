/**
 * ISO 4217 currencies: minor-unit exponents, code validation, and what a
 * currency symbol seen on a page ("$", "kr", "¥", "CHF", "د.ب.") means.
 * Pure: only Intl, no browser globals.
 */

/**
 * ISO 4217 minor-unit exponents that are not 2, plus the codes where the ICU
 * data behind Intl disagrees with ISO 4217 (ICU gives "cash" digits such as
 * 0 for HUF, COP, IDR, PKR, and 0 instead of 3 for IQD). Every other code
 * falls back to Intl's maximumFractionDigits, which is 2 for all remaining
 * active ISO codes.
 */
const ISO_MINOR_DIGITS: Readonly<Record<string, number>> = {
  // no minor unit
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0,
  RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  // three decimals
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  // four decimals (units of account)
  CLF: 4, UYW: 4,
  // ISO says 2 where Intl (ICU) says 0
  AFN: 2, ALL: 2, COP: 2, HUF: 2, IDR: 2, IRR: 2, KPW: 2, LAK: 2, LBP: 2,
  MGA: 2, MMK: 2, PKR: 2, RSD: 2, SLL: 2, SOS: 2, SYP: 2, YER: 2,
};

const CODE_SHAPE = /^[A-Z]{3}$/;

let intlCodes: ReadonlySet<string> | null | undefined;
function intlCurrencyCodes(): ReadonlySet<string> | null {
  if (intlCodes === undefined) {
    const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'currency') => string[] };
    intlCodes = typeof intl.supportedValuesOf === 'function' ? new Set(intl.supportedValuesOf('currency')) : null;
  }
  return intlCodes;
}

/**
 * True for three capital letters that name a currency Intl knows (or one of
 * the ISO codes in the table above). Where Intl cannot list its currencies,
 * any three capitals pass.
 */
export function isCurrencyCode(code: string): boolean {
  if (!CODE_SHAPE.test(code)) return false;
  const known = intlCurrencyCodes();
  return known === null || known.has(code) || code in ISO_MINOR_DIGITS;
}

const digitsCache = new Map<string, number>();

/**
 * The ISO 4217 minor-unit exponent: USD 2, JPY 0, BHD 3.
 * Throws a RangeError for anything that is not three capital letters; an
 * unknown but well-formed code gets Intl's default (2).
 */
export function minorDigits(code: string): number {
  const cached = digitsCache.get(code);
  if (cached !== undefined) return cached;
  if (!CODE_SHAPE.test(code)) {
    throw new RangeError(`"${code}" is not a currency code: expected three capital letters such as USD`);
  }
  const digits =
    ISO_MINOR_DIGITS[code] ??
    new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ??
    2;
  digitsCache.set(code, digits);
  return digits;
}

/** Bidi controls Intl and web pages put around numbers (LRM, RLM, ALM, embeddings, isolates). */
export const BIDI_MARKS = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g;

/** What a symbol in the text can mean. */
export interface SymbolMeaning {
  /** Every currency written with this symbol that the parser accepts for it. */
  currencies: readonly string[];
  /** The reading without any hint; absent when the symbol alone is too ambiguous. */
  defaultCurrency?: string;
}

const DOLLAR_COUNTRIES = ['USD', 'CAD', 'AUD', 'NZD', 'HKD', 'SGD', 'MXN', 'ARS', 'CLP', 'COP', 'TWD', 'UYU', 'BSD', 'BBD', 'BZD', 'BMD', 'KYD', 'JMD', 'TTD', 'XCD', 'FJD', 'NAD', 'LRD', 'GYD', 'SRD', 'SBD', 'CUP', 'DOP'];

/**
 * Symbols and local abbreviations. A string maps to one currency, or to a
 * family with an optional default:
 * - "$" is USD unless a currency hint or the locale's region picks another dollar;
 * - "¥"/"￥" is JPY unless the hint or a Chinese locale says CNY;
 * - "£" is GBP unless hinted (EGP, GIP, FKP…);
 * - "kr"/"kr." is SEK, NOK, DKK or ISK only with a hint or a Nordic locale: no default;
 * - "Rs"/"Rs." is INR, PKR, LKR or NPR only with a hint or locale: no default.
 */
const SYMBOLS: Readonly<Record<string, string | SymbolMeaning>> = {
  $: { currencies: DOLLAR_COUNTRIES, defaultCurrency: 'USD' },
  'US$': 'USD', $US: 'USD', 'U$S': 'USD',
  'CA$': 'CAD', C$: 'CAD', $CA: 'CAD', 'Can$': 'CAD',
  A$: 'AUD', 'AU$': 'AUD', $AU: 'AUD',
  'NZ$': 'NZD', $NZ: 'NZD',
  'HK$': 'HKD', $HK: 'HKD',
  S$: 'SGD', 'SG$': 'SGD', $SG: 'SGD',
  'MX$': 'MXN', 'NT$': 'TWD',
  R$: 'BRL', 'BR$': 'BRL',
  '€': 'EUR',
  '£': { currencies: ['GBP', 'EGP', 'GIP', 'FKP', 'SHP', 'SSP'], defaultCurrency: 'GBP' },
  'UK£': 'GBP', '£GB': 'GBP', 'GB£': 'GBP',
  '¥': { currencies: ['JPY', 'CNY'], defaultCurrency: 'JPY' },
  '￥': { currencies: ['JPY', 'CNY'], defaultCurrency: 'JPY' },
  'JP¥': 'JPY', 'CN¥': 'CNY', '元': 'CNY', RMB: 'CNY',
  '₹': 'INR',
  Rs: { currencies: ['INR', 'PKR', 'LKR', 'NPR', 'MUR', 'SCR'] },
  'Rs.': { currencies: ['INR', 'PKR', 'LKR', 'NPR', 'MUR', 'SCR'] },
  '₩': 'KRW', '₽': 'RUB', '₺': 'TRY', TL: 'TRY', '₪': 'ILS', '₫': 'VND', '₱': 'PHP', '฿': 'THB',
  'zł': 'PLN', 'Kč': 'CZK', Ft: 'HUF', lei: 'RON', '₴': 'UAH', '₦': 'NGN', '₡': 'CRC', '₸': 'KZT',
  '₾': 'GEL', '₼': 'AZN', '৳': 'BDT', '₮': 'MNT', '₭': 'LAK',
  kr: { currencies: ['SEK', 'NOK', 'DKK', 'ISK'] },
  'kr.': { currencies: ['DKK', 'ISK', 'SEK', 'NOK'] },
  Skr: 'SEK', Nkr: 'NOK', Dkr: 'DKK',
  'Fr.': 'CHF', 'fr.': 'CHF', 'SFr.': 'CHF', Fr: 'CHF',
  R: 'ZAR',
  'د.ب.': 'BHD', 'د.ب': 'BHD', 'د.ك.': 'KWD', 'د.ك': 'KWD', 'د.إ.': 'AED', 'ر.س.': 'SAR',
};

/** The static meaning of a symbol or ISO code, before any hint is applied. */
export function symbolMeaning(symbol: string): SymbolMeaning | undefined {
  if (isCurrencyCode(symbol)) return { currencies: [symbol], defaultCurrency: symbol };
  const entry = SYMBOLS[symbol];
  if (entry === undefined) return undefined;
  return typeof entry === 'string' ? { currencies: [entry], defaultCurrency: entry } : entry;
}

/** Region (ISO 3166) → the local currency, for the members of symbol families. */
const REGION_CURRENCY: Readonly<Record<string, string>> = {
  US: 'USD', CA: 'CAD', AU: 'AUD', NZ: 'NZD', HK: 'HKD', SG: 'SGD', MX: 'MXN', AR: 'ARS', CL: 'CLP',
  CO: 'COP', TW: 'TWD', UY: 'UYU', JM: 'JMD', TT: 'TTD', BS: 'BSD', BB: 'BBD', FJ: 'FJD', NA: 'NAD',
  SE: 'SEK', NO: 'NOK', SJ: 'NOK', DK: 'DKK', FO: 'DKK', GL: 'DKK', IS: 'ISK',
  JP: 'JPY', CN: 'CNY', GB: 'GBP', EG: 'EGP', GI: 'GIP', FK: 'FKP',
  IN: 'INR', PK: 'PKR', LK: 'LKR', NP: 'NPR', MU: 'MUR', SC: 'SCR',
};

/** The currency of the locale's (likely) region, e.g. "en-CA" → CAD, "nb" → NOK, "de-DE" → EUR is not listed → undefined. */
export function regionCurrency(locale: string): string | undefined {
  try {
    const region = new Intl.Locale(locale).maximize().region;
    return region === undefined ? undefined : REGION_CURRENCY[region];
  } catch {
    return undefined;
  }
}

const intlSymbolCache = new Map<string, ReadonlySet<string>>();

/**
 * The strings Intl writes for `currency`: its symbol and narrow symbol in
 * `locale` and in English, bidi marks removed. Used to accept whatever Intl
 * produced for a hinted currency ("kr." in da-DK, "$CA" in fr-FR, "元" in ja-JP).
 */
export function intlSymbols(currency: string, locale?: string): ReadonlySet<string> {
  const key = `${currency}|${locale ?? ''}`;
  const cached = intlSymbolCache.get(key);
  if (cached) return cached;
  const found = new Set<string>([currency]);
  for (const loc of locale ? [locale, 'en'] : ['en']) {
    for (const currencyDisplay of ['symbol', 'narrowSymbol'] as const) {
      try {
        const parts = new Intl.NumberFormat(loc, { style: 'currency', currency, currencyDisplay }).formatToParts(1);
        const text = parts.find((p) => p.type === 'currency')?.value.replace(BIDI_MARKS, '').trim();
        if (text) found.add(text);
      } catch {
        // an invalid locale adds nothing; the parser reports bad hints itself
      }
    }
  }
  intlSymbolCache.set(key, found);
  return found;
}

export type SymbolResolution = { ok: true; currency: string } | { ok: false; reason: string };

/**
 * What `symbol` (a symbol like "$" or an ISO code like "EUR") means, given
 * optional hints. A hinted currency wins when the symbol can be written for
 * it; a symbol that names another currency is refused, naming both.
 */
export function currencyForSymbol(symbol: string, hints: { currency?: string; locale?: string } = {}): SymbolResolution {
  const { currency: hint, locale } = hints;
  if (hint !== undefined && intlSymbols(hint, locale).has(symbol)) return { ok: true, currency: hint };
  const meaning = symbolMeaning(symbol);
  if (meaning === undefined) return { ok: false, reason: `unknown currency "${symbol}"` };
  if (hint !== undefined) {
    if (meaning.currencies.includes(hint)) return { ok: true, currency: hint };
    const reason = isCurrencyCode(symbol)
      ? `${symbol} does not match the currency hint ${hint}`
      : `"${symbol}" is ${describeMeaning(meaning)}, but the currency hint is ${hint}`;
    return { ok: false, reason };
  }
  if (meaning.currencies.length === 1 && meaning.defaultCurrency) return { ok: true, currency: meaning.defaultCurrency };
  const local = locale === undefined ? undefined : regionCurrency(locale);
  if (local !== undefined && meaning.currencies.includes(local)) return { ok: true, currency: local };
  if (meaning.defaultCurrency) return { ok: true, currency: meaning.defaultCurrency };
  return {
    ok: false,
    reason: `"${symbol}" could be ${listOr(meaning.currencies)}; give a currency hint or a locale`,
  };
}

/** "EUR", "JPY or CNY", "USD or another dollar". */
function describeMeaning(meaning: SymbolMeaning): string {
  if (meaning.currencies.length <= 6) return listOr(meaning.currencies);
  return `${meaning.defaultCurrency ?? meaning.currencies[0]} or another dollar`;
}

function listOr(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
