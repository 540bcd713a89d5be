import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, minorDigits, parseMoney, toDecimalString, toMajorNumber, type Money } from '@/utils/money';

const LOCALES = [
  'en-US', 'en-GB', 'en-IN', 'de-DE', 'de-CH', 'fr-FR', 'fr-CH', 'es-ES', 'it-IT', 'nl-NL', 'pt-BR',
  'sv-SE', 'nb-NO', 'da-DK', 'pl-PL', 'ja-JP', 'zh-CN', 'ko-KR',
  'ar-BH', // Arabic-Indic digits, ٬ ٫, RLM/ALM marks, "د.ب."
  'ar-BH-u-nu-latn',
  'hi-IN', 'ru-RU', 'tr-TR',
] as const;
const CURRENCIES = [
  'USD', 'EUR', 'GBP', 'JPY', 'CHF', 'INR', 'BHD', 'KWD', 'SEK', 'NOK', 'DKK', 'PLN', 'BRL', 'KRW', 'CNY', 'CAD', 'AUD',
] as const;
const SIGN_DISPLAYS = ['auto', 'always', 'exceptZero'] as const;
const MAX = Number.MAX_SAFE_INTEGER;

/** Any safe amount, with extra weight on small ones whose shapes ("1,234", "0.05") are the tricky ones. */
const minorArb = fc.oneof(
  fc.maxSafeInteger(),
  fc.integer({ min: -10_000_000, max: 10_000_000 }),
  fc.integer({ min: -2000, max: 2000 }),
  fc.constantFrom(0, 1, -1, 1000, -1234, 123456, MAX, -MAX),
);
const moneyArb = fc
  .tuple(minorArb, fc.constantFrom(...CURRENCIES))
  .map(([minor, currency]): Money => ({ minor, currency }));

function roundTrip(money: Money, locale: string, signDisplay: (typeof SIGN_DISPLAYS)[number]) {
  const text = formatMoney(money, locale, { signDisplay });
  return { text, result: parseMoney(text, { currency: money.currency, locale }) };
}

describe('formatMoney → parseMoney round trip', () => {
  it('gives back the identical Money for every locale, currency and safe amount', () => {
    fc.assert(
      fc.property(moneyArb, fc.constantFrom(...LOCALES), fc.constantFrom(...SIGN_DISPLAYS), (money, locale, signDisplay) => {
        const { text, result } = roundTrip(money, locale, signDisplay);
        expect(result, `${locale} ${JSON.stringify(text)}`).toStrictEqual({ ok: true, value: money });
      }),
      { numRuns: 5000 },
    );
  });

  it('holds on the whole locale × currency grid at the edges', () => {
    const amounts = [0, 1, -1, 999, 1000, -123456, 1234567891, MAX, -MAX];
    let checked = 0;
    for (const locale of LOCALES) {
      for (const currency of CURRENCIES) {
        for (const minor of amounts) {
          const { text, result } = roundTrip({ minor, currency }, locale, 'auto');
          expect(result, `${locale} ${JSON.stringify(text)}`).toStrictEqual({ ok: true, value: { minor, currency } });
          checked++;
        }
      }
    }
    expect(checked).toBe(LOCALES.length * CURRENCIES.length * amounts.length);
  });

  it('with a locale hint alone, the symbol Intl wrote names the currency', () => {
    fc.assert(
      fc.property(moneyArb, fc.constantFrom(...LOCALES), (money, locale) => {
        const text = formatMoney(money, locale);
        expect(parseMoney(text, { locale }), `${locale} ${JSON.stringify(text)}`).toStrictEqual({ ok: true, value: money });
      }),
      { numRuns: 3000 },
    );
  });

  it('with a currency hint alone, a reading is either identical or flagged ambiguous', () => {
    fc.assert(
      fc.property(moneyArb, fc.constantFrom(...LOCALES), (money, locale) => {
        const text = formatMoney(money, locale);
        const result = parseMoney(text, { currency: money.currency });
        expect(result.ok, `${locale} ${JSON.stringify(text)}`).toBe(true);
        if (!result.ok) return;
        if (result.value.ambiguous) return; // documented: guessed without a locale
        expect(result.value, `${locale} ${JSON.stringify(text)}`).toStrictEqual(money);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('exact decimal strings', () => {
  it('toDecimalString → parseMoney (en-US) gives back the same Money', () => {
    fc.assert(
      fc.property(moneyArb, (money) => {
        expect(parseMoney(toDecimalString(money), { currency: money.currency, locale: 'en-US' })).toStrictEqual({
          ok: true,
          value: money,
        });
      }),
      { numRuns: 3000 },
    );
  });

  it('toMajorNumber is the correctly rounded float of the exact amount', () => {
    fc.assert(
      fc.property(moneyArb, (money) => {
        // minor and 10^digits are exact doubles, so IEEE division rounds the exact quotient once
        expect(toMajorNumber(money)).toBe(money.minor / 10 ** minorDigits(money.currency));
      }),
      { numRuns: 3000 },
    );
  });
});
