import { describe, expect, it } from 'vitest';
import { currencyForSymbol, isCurrencyCode, minorDigits } from '@/utils/money';

describe('minorDigits', () => {
  it.each<[string, number]>([
    ['USD', 2], ['EUR', 2], ['GBP', 2], ['CHF', 2], ['INR', 2],
    ['JPY', 0], ['KRW', 0], ['CLP', 0], ['ISK', 0], ['VND', 0], ['XOF', 0],
    ['BHD', 3], ['KWD', 3], ['JOD', 3], ['OMR', 3], ['TND', 3], ['LYD', 3],
    // ICU's Intl says 0 here; ISO 4217 says otherwise
    ['IQD', 3], ['HUF', 2], ['COP', 2], ['IDR', 2], ['PKR', 2], ['IRR', 2],
    ['CLF', 4],
  ])('%s has %i', (code, digits) => {
    expect(minorDigits(code)).toBe(digits);
  });

  it('refuses what is not three capital letters', () => {
    expect(() => minorDigits('usd')).toThrow(RangeError);
    expect(() => minorDigits('US')).toThrow(/not a currency code/);
  });
});

describe('isCurrencyCode', () => {
  it.each<[string, boolean]>([
    ['USD', true], ['EUR', true], ['BHD', true], ['CLF', true],
    ['usd', false], ['US', false], ['USDT', false], ['XYZ', false], ['', false],
  ])('%j → %s', (code, expected) => {
    expect(isCurrencyCode(code)).toBe(expected);
  });
});

describe('currencyForSymbol', () => {
  it.each<[string, { currency?: string; locale?: string }, string]>([
    ['$', {}, 'USD'],
    ['$', { currency: 'CAD' }, 'CAD'],
    ['$', { locale: 'en-AU' }, 'AUD'],
    ['$', { locale: 'fr-FR' }, 'USD'],
    ['¥', {}, 'JPY'],
    ['¥', { locale: 'zh-CN' }, 'CNY'],
    ['kr', { locale: 'nb-NO' }, 'NOK'],
    ['kr.', { locale: 'da-DK' }, 'DKK'],
    ['Rs', { locale: 'en-IN' }, 'INR'],
    ['Rs', { locale: 'ur-PK' }, 'PKR'],
    ['€', {}, 'EUR'],
    ['EUR', {}, 'EUR'],
    // whatever Intl writes for the hinted currency is accepted for it
    ['$CA', { currency: 'CAD', locale: 'fr-FR' }, 'CAD'],
    ['C$', { currency: 'NIO' }, 'NIO'],
  ])('%j with %j → %s', (symbol, hints, currency) => {
    expect(currencyForSymbol(symbol, hints)).toEqual({ ok: true, currency });
  });

  it('refuses an ambiguous or conflicting symbol with a reason', () => {
    expect(currencyForSymbol('kr')).toEqual({ ok: false, reason: '"kr" could be SEK, NOK, DKK or ISK; give a currency hint or a locale' });
    expect(currencyForSymbol('€', { currency: 'USD' })).toEqual({ ok: false, reason: '"€" is EUR, but the currency hint is USD' });
    expect(currencyForSymbol('GBP', { currency: 'USD' })).toEqual({ ok: false, reason: 'GBP does not match the currency hint USD' });
    expect(currencyForSymbol('zz')).toEqual({ ok: false, reason: 'unknown currency "zz"' });
  });
});
