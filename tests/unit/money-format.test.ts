import { describe, expect, it } from 'vitest';
import { formatMoney, toDecimalString, toMajorNumber, type Money } from '@/utils/money';

const MAX = Number.MAX_SAFE_INTEGER;

describe('toDecimalString', () => {
  it.each<[Money, string]>([
    [{ minor: -123456, currency: 'USD' }, '-1234.56'],
    [{ minor: 123456, currency: 'USD' }, '1234.56'],
    [{ minor: 5, currency: 'USD' }, '0.05'],
    [{ minor: -5, currency: 'USD' }, '-0.05'],
    [{ minor: 0, currency: 'USD' }, '0.00'],
    [{ minor: 12345, currency: 'JPY' }, '12345'],
    [{ minor: -7, currency: 'KRW' }, '-7'],
    [{ minor: 1234, currency: 'BHD' }, '1.234'],
    [{ minor: -1, currency: 'BHD' }, '-0.001'],
    [{ minor: 12345, currency: 'HUF' }, '123.45'],
    [{ minor: 12345, currency: 'CLF' }, '1.2345'],
    [{ minor: MAX, currency: 'USD' }, '90071992547409.91'],
    [{ minor: -MAX, currency: 'KWD' }, '-9007199254740.991'],
  ])('%j → %s', (money, expected) => {
    expect(toDecimalString(money)).toBe(expected);
  });

  it('refuses minor units that are not a safe integer', () => {
    expect(() => toDecimalString({ minor: 12.5, currency: 'USD' })).toThrow(RangeError);
    expect(() => toDecimalString({ minor: Number.NaN, currency: 'USD' })).toThrow(RangeError);
    expect(() => toDecimalString({ minor: 2 ** 53, currency: 'USD' })).toThrow(RangeError);
  });
});

describe('toMajorNumber (charts only)', () => {
  it('returns the float nearest to the exact amount', () => {
    expect(toMajorNumber({ minor: 123456, currency: 'USD' })).toBe(1234.56);
    expect(toMajorNumber({ minor: -12345, currency: 'JPY' })).toBe(-12345);
    expect(toMajorNumber({ minor: 1, currency: 'BHD' })).toBe(0.001);
  });
});

describe('formatMoney', () => {
  it.each<[Money, string, string]>([
    [{ minor: 123456, currency: 'USD' }, 'en-US', '$1,234.56'],
    [{ minor: -123456, currency: 'USD' }, 'en-US', '-$1,234.56'],
    [{ minor: 123456, currency: 'EUR' }, 'de-DE', '1.234,56\u00A0€'],
    [{ minor: 123456, currency: 'EUR' }, 'fr-FR', '1\u202F234,56\u00A0€'],
    [{ minor: 123450, currency: 'CHF' }, 'de-CH', "CHF\u00A01'234.50"],
    [{ minor: 12345678, currency: 'INR' }, 'en-IN', '₹1,23,456.78'],
    [{ minor: 12345, currency: 'JPY' }, 'ja-JP', '￥12,345'],
    [{ minor: 1234, currency: 'BHD' }, 'en-US', 'BHD\u00A01.234'],
    // ISO digits, not Intl's default of 0 for HUF
    [{ minor: 12345, currency: 'HUF' }, 'hu-HU', '123,45\u00A0Ft'],
    // exact at the edge of safe integers, where minor / 100 as a float would be off by a cent
    [{ minor: MAX, currency: 'USD' }, 'en-US', '$90,071,992,547,409.91'],
    [{ minor: MAX - 4, currency: 'USD' }, 'en-US', '$90,071,992,547,409.87'],
    [{ minor: -MAX, currency: 'KWD' }, 'de-DE', '-9.007.199.254.740,991\u00A0KWD'],
  ])('%j in %s → %j', (money, locale, expected) => {
    expect(formatMoney(money, locale)).toBe(expected);
  });

  it('shows the sign as asked', () => {
    const usd = (minor: number): Money => ({ minor, currency: 'USD' });
    expect(formatMoney(usd(510), 'en-US', { signDisplay: 'always' })).toBe('+$5.10');
    expect(formatMoney(usd(0), 'en-US', { signDisplay: 'exceptZero' })).toBe('$0.00');
    expect(formatMoney(usd(-100), 'en-US', { signDisplay: 'exceptZero' })).toBe('-$1.00');
    expect(formatMoney(usd(100), 'en-US', { signDisplay: 'exceptZero' })).toBe('+$1.00');
  });

  it('compact notation rounds for display', () => {
    expect(formatMoney({ minor: 120000, currency: 'USD' }, 'en-US', { compact: true })).toBe('$1.2K');
    expect(formatMoney({ minor: 340000000, currency: 'USD' }, 'en-US', { compact: true })).toBe('$3.4M');
    expect(formatMoney({ minor: 123456789, currency: 'USD' }, 'en-US', { compact: true })).toBe('$1.2M');
  });

  it('refuses fractional minor units instead of rounding them away', () => {
    expect(() => formatMoney({ minor: 0.5, currency: 'USD' }, 'en-US')).toThrow(RangeError);
  });
});
