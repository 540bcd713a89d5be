import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeConverter, makeMinorConverters, parseRate } from '@/utils/analytics/convert';

describe('parseRate', () => {
  it('reads plain decimals as exact fractions in lowest terms', () => {
    expect(parseRate('1.08')).toEqual({ num: 27n, den: 25n });
    expect(parseRate('0.0067')).toEqual({ num: 67n, den: 10000n });
    expect(parseRate('2')).toEqual({ num: 2n, den: 1n });
    expect(parseRate('1.10')).toEqual({ num: 11n, den: 10n });
    expect(parseRate('150.000000000001')).toEqual({ num: 150000000000001n, den: 1000000000000n });
  });

  it('rejects zero with a clear message', () => {
    expect(() => parseRate('0')).toThrow('Exchange rate "0" must be greater than zero');
    expect(() => parseRate('0.000')).toThrow('must be greater than zero');
  });

  it.each(['-1.08', '1e3', ' 1.08', '1,08', '', 'abc', '.5', '5.', '+1', 'NaN', 'Infinity', '1.0000000000001'])(
    'rejects %j as not a plain positive decimal',
    (text) => {
      expect(() => parseRate(text)).toThrow('is not a plain positive decimal number such as 1.08');
    },
  );
});

describe('makeConverter', () => {
  const toUsd = makeConverter('USD', { JPY: '0.0067', BHD: '2.65', EUR: '1.08' });

  it('converts across differing minor digits exactly', () => {
    // 100000 JPY × 0.0067 = 670 USD = 67000 cents
    expect(toUsd({ minor: 100000, currency: 'JPY' })).toBe(67000);
    // 1.234 BHD × 2.65 = 3.2701 USD → 327 cents
    expect(toUsd({ minor: 1234, currency: 'BHD' })).toBe(327);
    // 1.50 EUR × 1.08 = 1.62 USD
    expect(toUsd({ minor: 150, currency: 'EUR' })).toBe(162);
    // 1.55 EUR × 1.08 = 1.674 USD → 167 cents
    expect(toUsd({ minor: 155, currency: 'EUR' })).toBe(167);
    // −1.55 EUR → −167 cents (symmetric)
    expect(toUsd({ minor: -155, currency: 'EUR' })).toBe(-167);
  });

  it('returns base-currency amounts unchanged and ignores a rate for the base itself', () => {
    expect(toUsd({ minor: 12345, currency: 'USD' })).toBe(12345);
    expect(makeConverter('USD', { USD: '2' })({ minor: 100, currency: 'USD' })).toBe(100);
  });

  it('returns undefined for a currency without a rate', () => {
    expect(toUsd({ minor: 100, currency: 'GBP' })).toBeUndefined();
  });

  it('rounds exact halves to even, in both directions', () => {
    const half = makeConverter('USD', { EUR: '0.5' });
    const cents = (minor: number) => half({ minor, currency: 'EUR' });
    expect(cents(1)).toBe(0); // 0.5 → 0
    expect(cents(3)).toBe(2); // 1.5 → 2
    expect(cents(5)).toBe(2); // 2.5 → 2
    expect(cents(7)).toBe(4); // 3.5 → 4
    expect(cents(-1)).toBe(0); // −0.5 → 0 (not −0)
    expect(Object.is(cents(-1), 0)).toBe(true);
    expect(cents(-3)).toBe(-2); // −1.5 → −2
    expect(cents(-5)).toBe(-2); // −2.5 → −2
    // 123.45 EUR × 1.10 = 135.795 USD: 13579.5 cents → 13580 (13579 is odd)
    expect(makeConverter('USD', { EUR: '1.10' })({ minor: 12345, currency: 'EUR' })).toBe(13580);
  });

  it('converts into bases with 0 and 3 minor digits', () => {
    // 1.99 USD × 150 = 298.5 JPY → 298 (even)
    expect(makeConverter('JPY', { USD: '150' })({ minor: 199, currency: 'USD' })).toBe(298);
    // 1.00 USD × 0.376 = 0.376 BHD = 376 fils
    expect(makeConverter('BHD', { USD: '0.376' })({ minor: 100, currency: 'USD' })).toBe(376);
  });

  it('stays exact beyond 2^53 intermediate products (BigInt path)', () => {
    // 9 007 199 254 740.99 EUR × 1.08 = 9 727 775 195 120.2692 USD → …026.92 cents → …027
    expect(toUsd({ minor: 900719925474099, currency: 'EUR' })).toBe(972777519512027);
    expect(toUsd({ minor: -900719925474099, currency: 'EUR' })).toBe(-972777519512027);
  });

  it('throws rather than return an inexact result or accept a fraction of a cent', () => {
    const double = makeConverter('USD', { EUR: '2' });
    expect(() => double({ minor: Number.MAX_SAFE_INTEGER, currency: 'EUR' })).toThrow('too large');
    expect(() => double({ minor: 1.5, currency: 'EUR' })).toThrow('not a whole number');
  });

  it('hands out one reusable converter per currency', () => {
    const converterFor = makeMinorConverters('USD', { EUR: '1.08' });
    const fromEur = converterFor('EUR')!;
    expect([150, 155, -155].map(fromEur)).toEqual([162, 167, -167]);
    expect(converterFor('USD')!(-42)).toBe(-42);
    expect(converterFor('GBP')).toBeUndefined();
  });

  it('names the currency of a malformed rate', () => {
    expect(() => makeConverter('USD', { EUR: '1.08', GBP: '1,27' })).toThrow(
      'Rate for GBP: Exchange rate "1,27" is not a plain positive decimal',
    );
  });

  it('agrees with a BigInt reference for any amount and rate', () => {
    const currencies = [
      ['JPY', 0],
      ['EUR', 2],
      ['BHD', 3],
    ] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...currencies),
        fc.constantFrom(...currencies),
        fc.integer({ min: 1, max: 10 ** 9 }),
        fc.integer({ min: 0, max: 6 }),
        fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.maxSafeInteger()),
        ([source, sourceDigits], [base, baseDigits], rateDigits, rateScale, minor) => {
          fc.pre(source !== base);
          const den = 10n ** BigInt(rateScale);
          const rateText =
            rateScale === 0
              ? String(rateDigits)
              : `${BigInt(rateDigits) / den}.${(BigInt(rateDigits) % den).toString().padStart(rateScale, '0')}`;
          // Reference: round(minor × rate × 10^baseDigits / 10^sourceDigits), half to even.
          const numerator = BigInt(minor) * BigInt(rateDigits) * 10n ** BigInt(baseDigits);
          const denominator = den * 10n ** BigInt(sourceDigits);
          const sign = numerator < 0n ? -1n : 1n;
          const abs = numerator * sign;
          let q = abs / denominator;
          const twice = (abs % denominator) * 2n;
          if (twice > denominator || (twice === denominator && q % 2n === 1n)) q += 1n;
          const expected = q * sign;
          const convert = makeConverter(base, { [source]: rateText });
          const money = { minor, currency: source };
          if (expected > BigInt(Number.MAX_SAFE_INTEGER) || expected < -BigInt(Number.MAX_SAFE_INTEGER)) {
            expect(() => convert(money)).toThrow('too large');
          } else {
            expect(convert(money)).toBe(Number(expected));
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
