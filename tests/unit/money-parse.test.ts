import { describe, expect, it } from 'vitest';
import { parseMoney, type ParsedMoney, type ParseHints } from '@/utils/money';

const MAX = Number.MAX_SAFE_INTEGER;

function valueOf(text: string, hints?: ParseHints): ParsedMoney {
  const result = parseMoney(text, hints);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(text)} to parse, got: ${result.reason}`);
  return result.value;
}

function reasonOf(text: string, hints?: ParseHints): string {
  const result = parseMoney(text, hints);
  if (result.ok) throw new Error(`expected ${JSON.stringify(text)} to be refused, got ${JSON.stringify(result.value)}`);
  return result.reason;
}

describe('parseMoney: what dashboards show', () => {
  // [text, hints, expected] — every minor value checked by hand.
  it.each<[string, ParseHints, ParsedMoney]>([
    ['$1,234.56', {}, { minor: 123456, currency: 'USD' }],
    ['1.234,56 €', {}, { minor: 123456, currency: 'EUR' }],
    ['€1.234,56', {}, { minor: 123456, currency: 'EUR' }],
    ['1 234,56 €', {}, { minor: 123456, currency: 'EUR' }],
    ['1\u00A0234,56 kr', { locale: 'sv-SE' }, { minor: 123456, currency: 'SEK' }],
    ['1\u202F234,56 kr', { currency: 'NOK' }, { minor: 123456, currency: 'NOK' }],
    ['1 234,56 kr', { locale: 'nb-NO' }, { minor: 123456, currency: 'NOK' }],
    ['1.234,50 kr.', { locale: 'da-DK' }, { minor: 123450, currency: 'DKK' }],
    ["CHF 1'234.50", {}, { minor: 123450, currency: 'CHF' }],
    ['CHF 1\u2019234.50', {}, { minor: 123450, currency: 'CHF' }],
    ["Fr. 1'234.50", {}, { minor: 123450, currency: 'CHF' }],
    ['₹1,23,456.78', {}, { minor: 12345678, currency: 'INR' }],
    ['12,34,567.89', { currency: 'INR', locale: 'en-IN' }, { minor: 123456789, currency: 'INR' }],
    ['¥12,345', { locale: 'ja-JP' }, { minor: 12345, currency: 'JPY' }],
    ['¥12,345.00', { locale: 'zh-CN' }, { minor: 1234500, currency: 'CNY' }],
    ['BHD 1,234.500', {}, { minor: 1234500, currency: 'BHD' }],
    ['(1,234.56)', { currency: 'USD' }, { minor: -123456, currency: 'USD' }],
    ['($1,234.56)', {}, { minor: -123456, currency: 'USD' }],
    ['\u2212$12.00', {}, { minor: -1200, currency: 'USD' }],
    ['\u2013$12.00', {}, { minor: -1200, currency: 'USD' }],
    ['-$12.00', {}, { minor: -1200, currency: 'USD' }],
    ['$-12.00', {}, { minor: -1200, currency: 'USD' }],
    ['- $12.00', {}, { minor: -1200, currency: 'USD' }],
    ['+$5.10', {}, { minor: 510, currency: 'USD' }],
    ['USD 1,234.00', {}, { minor: 123400, currency: 'USD' }],
    ['1,234,567 USD', {}, { minor: 123456700, currency: 'USD' }],
    ['  \t$1.00\u00A0\n', {}, { minor: 100, currency: 'USD' }],
    ['$.50', {}, { minor: 50, currency: 'USD' }],
    ['1,5 €', {}, { minor: 150, currency: 'EUR' }],
    ['1.234.567 €', {}, { minor: 123456700, currency: 'EUR' }],
    ['1234.56', { currency: 'USD' }, { minor: 123456, currency: 'USD' }],
    ['$90,071,992,547,409.91', {}, { minor: MAX, currency: 'USD' }],
    ['-JPY 9,007,199,254,740,991', {}, { minor: -MAX, currency: 'JPY' }],
    // ar-BH as Intl writes it: ALM, RLM, Arabic-Indic digits, ٬ and ٫, "د.ب."
    ['\u061C-\u200F\u0661\u066C\u0662\u0663\u0664\u066C\u0665\u0666\u0667\u066B\u0668\u0669\u0661\u00A0\u062F.\u0628.\u200F', {}, { minor: -1234567891, currency: 'BHD' }],
  ])('%j %j', (text, hints, expected) => {
    expect(valueOf(text, hints)).toStrictEqual(expected);
  });

  it.each<[string, string, number]>([
    ['US$5', 'USD', 500], ['CA$5', 'CAD', 500], ['C$5', 'CAD', 500], ['$CA 5', 'CAD', 500],
    ['A$5', 'AUD', 500], ['AU$5', 'AUD', 500], ['NZ$5', 'NZD', 500], ['HK$5', 'HKD', 500],
    ['S$5', 'SGD', 500], ['R$ 5,00', 'BRL', 500], ['€5', 'EUR', 500], ['£5', 'GBP', 500],
    ['₩5,000', 'KRW', 5000], ['1 234,50 ₽', 'RUB', 123450], ['₺1.234,50', 'TRY', 123450],
    ['₪12.30', 'ILS', 1230], ['25.000 ₫', 'VND', 25000], ['₱1,234.50', 'PHP', 123450],
    ['฿1,234.50', 'THB', 123450], ['1 234,56 zł', 'PLN', 123456], ['R 1 234,56', 'ZAR', 123456],
    ['EUR 12.50', 'EUR', 1250], ['12.50 GBP', 'GBP', 1250], ['12.50GBP', 'GBP', 1250], ['JP¥500', 'JPY', 500],
    ['CN¥5.00', 'CNY', 500], ['5.00 元', 'CNY', 500],
  ])('symbol %j is %s', (text, currency, minor) => {
    const value = valueOf(text);
    expect(value.minor).toBe(minor);
    expect(value.currency).toBe(currency);
  });

  it('compact K/M/B values are flagged approximate', () => {
    expect(valueOf('$1.2K')).toStrictEqual({ minor: 120000, currency: 'USD', approximate: true });
    expect(valueOf('$3.4M')).toStrictEqual({ minor: 340000000, currency: 'USD', approximate: true });
    expect(valueOf('$1.5B')).toStrictEqual({ minor: 150000000000, currency: 'USD', approximate: true });
    expect(valueOf('-$1.2345K')).toStrictEqual({ minor: -123450, currency: 'USD', approximate: true });
    expect(valueOf('€12k')).toStrictEqual({ minor: 1200000, currency: 'EUR', approximate: true });
  });

  it('a negative zero is plain zero', () => {
    const { minor } = valueOf('-0.00 $');
    expect(Object.is(minor, 0)).toBe(true);
  });
});

describe('parseMoney: currency symbols and hints', () => {
  it('"$" is USD unless the hint or the locale names another dollar', () => {
    expect(valueOf('$5').currency).toBe('USD');
    expect(valueOf('$5', { currency: 'CAD' })).toStrictEqual({ minor: 500, currency: 'CAD' });
    expect(valueOf('$5', { currency: 'AUD' }).currency).toBe('AUD');
    expect(valueOf('$5', { locale: 'en-CA' }).currency).toBe('CAD');
    expect(valueOf('$5', { locale: 'de-DE' }).currency).toBe('USD');
    expect(valueOf('$12 CAD')).toStrictEqual({ minor: 1200, currency: 'CAD' });
  });

  it('"¥" is JPY by default, CNY under a CNY hint or a Chinese locale', () => {
    expect(valueOf('¥12,345')).toStrictEqual({ minor: 12345, currency: 'JPY', ambiguous: true });
    expect(valueOf('¥12,345', { currency: 'CNY' })).toStrictEqual({ minor: 1234500, currency: 'CNY', ambiguous: true });
    expect(valueOf('¥12,345', { locale: 'zh-CN' })).toStrictEqual({ minor: 1234500, currency: 'CNY' });
    expect(valueOf('￥12,345', { locale: 'ja-JP' })).toStrictEqual({ minor: 12345, currency: 'JPY' });
  });

  it('"kr" needs a hint or a Nordic locale', () => {
    expect(reasonOf('5 kr')).toContain('"kr" could be SEK, NOK, DKK or ISK');
    expect(valueOf('5 kr', { currency: 'DKK' })).toStrictEqual({ minor: 500, currency: 'DKK' });
    expect(valueOf('5 kr', { locale: 'sv-SE' }).currency).toBe('SEK');
    expect(valueOf('5 kr', { locale: 'da-DK' }).currency).toBe('DKK');
    expect(valueOf('5 kr', { locale: 'is-IS' })).toStrictEqual({ minor: 5, currency: 'ISK' });
  });

  it.each<[string, ParseHints, string[]]>([
    ['€5', { currency: 'USD' }, ['EUR', 'USD']],
    ['5 USD', { currency: 'EUR' }, ['USD', 'EUR']],
    ['$5', { currency: 'EUR' }, ['"$"', 'EUR']],
    ['£5', { currency: 'JPY' }, ['GBP', 'JPY']],
    ['€12 USD', {}, ['€', 'USD', 'two currencies']],
  ])('refuses %j when the currencies disagree (%j)', (text, hints, named) => {
    const reason = reasonOf(text, hints);
    for (const part of named) expect(reason).toContain(part);
  });
});

describe('parseMoney: ambiguity rules', () => {
  it.each<[string, ParseHints, ParsedMoney]>([
    // no locale: a lone separator before three digits groups thousands, flagged
    ['USD 1,234', {}, { minor: 123400, currency: 'USD', ambiguous: true }],
    ['1,234 USD', {}, { minor: 123400, currency: 'USD', ambiguous: true }],
    ['$1.234', {}, { minor: 123400, currency: 'USD', ambiguous: true }],
    ['1.234 €', {}, { minor: 123400, currency: 'EUR', ambiguous: true }],
    ['1,234 €', {}, { minor: 123400, currency: 'EUR', ambiguous: true }],
    // three-decimal currencies read "." as the decimal point, "," as grouping
    ['BHD 1.234', {}, { minor: 1234, currency: 'BHD', ambiguous: true }],
    ['1,234', { currency: 'KWD' }, { minor: 1234000, currency: 'KWD', ambiguous: true }],
    ['1,234 TND', {}, { minor: 1234, currency: 'TND', ambiguous: true }],
    // a locale hint decides, unflagged
    ['$1.234', { locale: 'de-DE' }, { minor: 123400, currency: 'USD' }],
    ['1,234', { currency: 'USD', locale: 'en-US' }, { minor: 123400, currency: 'USD' }],
    ['1,234', { currency: 'BHD', locale: 'de-DE' }, { minor: 1234, currency: 'BHD' }],
    ['1.234', { currency: 'BHD', locale: 'de-DE' }, { minor: 1234000, currency: 'BHD' }],
    // only one reading is possible: no flag
    ['$12.34', {}, { minor: 1234, currency: 'USD' }],
    ['$1234.567K', {}, { minor: 123456700, currency: 'USD', approximate: true }],
    ['0,123', { currency: 'BHD' }, { minor: 123, currency: 'BHD' }],
    // against the locale, yet only a decimal point fits: flagged
    ['1234.56 €', { locale: 'de-DE' }, { minor: 123456, currency: 'EUR', ambiguous: true }],
  ])('%j %j', (text, hints, expected) => {
    expect(valueOf(text, hints)).toStrictEqual(expected);
  });
});

describe('parseMoney: refusals name the problem', () => {
  it.each<[string, ParseHints, string]>([
    ['N/A', {}, 'no digits in "N/A"'],
    ['—', {}, 'no digits in "—"'],
    ['-', {}, 'no digits in "-"'],
    ['', {}, 'no digits in ""'],
    ['   ', { currency: 'USD' }, 'no digits in "   "'],
    ['12.34.56', { currency: 'USD' }, '"12.34.56" has more than one decimal point'],
    ['$1,234.56.78', {}, 'has more than one decimal point'],
    ['$1,2,3', {}, '"$1,2,3" has malformed digit grouping'],
    ['1,,234', { currency: 'USD' }, 'has malformed digit grouping'],
    ["1'23'456 CHF", {}, 'has malformed digit grouping'],
    ['$1.00 $2.00', {}, '"$1.00 $2.00" holds more than one amount'],
    ['$1 / $2', {}, '"$1 / $2" holds more than one amount'],
    ['$1 and $2', {}, '"$1 and $2" holds more than one amount'],
    ['$1–$2', {}, 'holds more than one amount'],
    ['12a34', { currency: 'USD' }, '"12a34" has letters mixed into the digits'],
    ['$1O0', {}, 'has letters mixed into the digits'],
    ['$12abc', {}, '"$12abc" has letters mixed into the digits'],
    ['$1.234', { locale: 'en-US' }, 'USD has 2 decimal places'],
    ['$1,234.567', {}, 'USD has 2 decimal places'],
    ['¥12.5', {}, 'JPY has 0 decimal places'],
    ['BHD 1.2345', {}, 'BHD has 3 decimal places'],
    ['$1.234567K', {}, 'more precise than USD has 2 decimal places'],
    ['$90,071,992,547,409.92', {}, 'too large to store exactly'],
    ['$100T', {}, 'too large'],
    ['1,234.56', {}, 'no currency in "1,234.56": give a currency hint'],
    ['12 abc', {}, 'unknown currency "abc"'],
    ['5 XYZ', {}, 'unknown currency "XYZ"'],
    ['--5', { currency: 'USD' }, 'more than one sign'],
    ['(-$5)', {}, 'more than one sign'],
    ['5-', { currency: 'USD' }, '"-" after the amount'],
    ['-(5)', { currency: 'USD' }, 'misplaced "("'],
    ['$5', { currency: 'euro' }, 'currency hint "euro" is not an ISO 4217 code'],
    ['$5', { locale: 'not a locale!' }, 'locale hint "not a locale!" is not a valid locale'],
  ])('%j %j', (text, hints, expected) => {
    expect(reasonOf(text, hints)).toContain(expected);
  });
});
