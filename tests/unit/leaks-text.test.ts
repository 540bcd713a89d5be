import { describe, expect, it } from 'vitest';
import type { DuplicateSubscription, PriceRise } from '@/utils/analytics/leak-types';
import {
  accountsText,
  chargeCountText,
  dayText,
  duplicateText,
  excludedText,
  guessText,
  isoDateOfTimestamp,
  localIsoDate,
  modelStatusText,
  nextExpectedText,
  PERIOD_LABELS,
  perPeriodText,
  percentText,
  popupLeaksLine,
  priceRiseText,
  savingsText,
} from '@/entrypoints/options/leaksText';

const usd = (minor: number) => ({ minor, currency: 'USD' });
const NBSP = '\u00a0';

describe('periods and days', () => {
  it('names each period and what one charge pays for', () => {
    expect(PERIOD_LABELS).toEqual({ weekly: 'Weekly', monthly: 'Monthly', quarterly: 'Quarterly', yearly: 'Yearly' });
    expect(perPeriodText(usd(999), 'monthly', 'en-US')).toBe('$9.99 a month');
    expect(perPeriodText(usd(1250), 'weekly', 'en-US')).toBe('$12.50 a week');
    expect(perPeriodText(usd(3000), 'quarterly', 'en-US')).toBe('$30.00 a quarter');
    expect(perPeriodText(usd(11900), 'yearly', 'en-US')).toBe('$119.00 a year');
  });

  it('writes a calendar day in the locale, whatever the time zone, and leaves a non-date as it is', () => {
    expect(dayText('2026-03-05', 'en-US')).toBe('Mar 5, 2026');
    expect(dayText('2025-12-31', 'en-US')).toBe('Dec 31, 2025');
    expect(dayText('soon', 'en-US')).toBe('soon');
  });

  it('reads today in the local calendar and a stored transaction day from its noon-UTC timestamp', () => {
    // Built from local fields, so the local day is Jan 9 in every time zone.
    expect(localIsoDate(new Date(2026, 0, 9, 23, 30))).toBe('2026-01-09');
    expect(localIsoDate(new Date(2026, 10, 30, 0, 5))).toBe('2026-11-30');
    expect(isoDateOfTimestamp(Date.UTC(2026, 1, 28, 12))).toBe('2026-02-28');
  });

  it('counts charges in words', () => {
    expect(chargeCountText(1)).toBe('1 charge');
    expect(chargeCountText(12)).toBe('12 charges');
  });
});

describe('next expected', () => {
  it('gives the date while the charge runs', () => {
    expect(nextExpectedText({ active: true, nextExpected: '2026-04-05', lastDate: '2026-03-05' }, '2026-03-20', 'en-US')).toBe('Apr 5, 2026');
    // Due today is not late yet.
    expect(nextExpectedText({ active: true, nextExpected: '2026-03-20', lastDate: '2026-02-20' }, '2026-03-20', 'en-US')).toBe('Mar 20, 2026');
  });

  it('says late when the date passed without a charge, and seems cancelled when the detector judged it stopped', () => {
    expect(nextExpectedText({ active: true, nextExpected: '2026-03-05', lastDate: '2026-02-05' }, '2026-03-10', 'en-US')).toBe(
      'Mar 5, 2026 (late: not charged yet)',
    );
    expect(nextExpectedText({ active: false, nextExpected: '2025-12-05', lastDate: '2025-11-05' }, '2026-03-10', 'en-US')).toBe(
      'Seems cancelled (last charged Nov 5, 2025)',
    );
  });
});

describe('percent and price rises', () => {
  it('writes a percent given as a number with one decimal at most and its sign', () => {
    expect(percentText(14.3, 'en-US')).toBe('+14.3%');
    expect(percentText(15, 'en-US')).toBe('+15%');
    // 14.29999 rounds to 14.3 (not 14.299999…).
    expect(percentText(14.29999, 'en-US')).toBe('+14.3%');
    expect(percentText(0, 'en-US')).toBe('0%');
    expect(percentText(-8.4, 'en-US')).toBe('-8.4%');
    expect(percentText(14.3, 'en-US', false)).toBe('14.3%');
    expect(percentText(14.3, 'de-DE')).toBe(`+14,3${NBSP}%`);
  });

  it('writes a rise from $9.99 to $11.49 a month', () => {
    // +$1.50 a charge; 150 / 999 = 15.015 % → 15.0; × 12 charges a year = $18.00.
    const rise: PriceRise = {
      key: 'netflix',
      merchant: 'Netflix',
      date: '2026-02-05',
      from: usd(999),
      to: usd(1149),
      increase: usd(150),
      yearlyIncrease: usd(1800),
      percent: 15,
    };
    expect(priceRiseText(rise, 'en-US')).toEqual({ change: '$9.99 → $11.49', increase: '+$1.50 (+15%)', yearly: '+$18.00 a year' });
  });
});

describe('duplicates', () => {
  const names: Record<string, string> = { spotify: 'Spotify', netflix: 'Netflix' };
  const merchantOf = (key: string) => names[key];

  it('shows the merchant and the kind with the reason the detector gave', () => {
    const d: DuplicateSubscription = {
      kind: 'same-merchant',
      keys: ['spotify'],
      reason: 'Spotify is charged on two cards: …4821 and …1177.',
      yearlySaving: usd(12_948),
    };
    expect(duplicateText(d, merchantOf)).toEqual({
      title: 'Spotify: charged more than once',
      reason: 'Spotify is charged on two cards: …4821 and …1177.',
    });
  });

  it('names a merchant missing from the report by its key and writes a reason when none was given', () => {
    const d: DuplicateSubscription = { kind: 'same-category', keys: ['netflix', 'disney plus'], reason: '  ', yearlySaving: usd(0) };
    expect(duplicateText(d, merchantOf)).toEqual({
      title: 'Netflix and disney plus: same kind of service',
      reason: 'Netflix and disney plus are the same kind of service; one may be enough.',
    });
    const twice: DuplicateSubscription = { kind: 'same-merchant', keys: ['spotify', 'spotify'], reason: '', yearlySaving: usd(0) };
    expect(duplicateText(twice, merchantOf).reason).toBe('Spotify is charged more than once.');
  });
});

describe('accounts, categories and the model', () => {
  it('lists accounts by name, the id when the name is unknown', () => {
    expect(accountsText(['a1', 'a2'], { a1: 'Chase — Visa' })).toBe('Chase — Visa and a2');
    expect(accountsText([], {})).toBe('—');
  });

  it('says how a category was decided', () => {
    const patterns: Record<string, string> = { r1: 'netflix' };
    const rulePattern = (id: string) => patterns[id];
    expect(guessText(undefined)).toBe('no category');
    expect(guessText({ category: 'Streaming', by: 'you' })).toBe('set by you');
    expect(guessText({ category: 'Streaming', by: 'rule', ruleId: 'r1' }, rulePattern)).toBe('your rule “netflix”');
    expect(guessText({ category: 'Streaming', by: 'rule', ruleId: 'gone' }, rulePattern)).toBe('your rule');
    // 0.824 → 82 %.
    expect(guessText({ category: 'Groceries', by: 'learned', confidence: 0.824 })).toBe('learned, 82% sure');
    expect(guessText({ category: 'Groceries', by: 'learned' })).toBe('learned');
  });

  it('states what the model learned from', () => {
    expect(modelStatusText(42, 6)).toBe('Learned from 42 of your labels across 6 categories; it never leaves this browser.');
    expect(modelStatusText(1, 1)).toBe('Learned from 1 of your labels across 1 category; it never leaves this browser.');
    expect(modelStatusText(0, 0)).toMatch(/^Nothing learned yet: set the category of a few transactions/);
  });

  it('names the currencies left out of the totals', () => {
    expect(excludedText([])).toBe('');
    expect(excludedText(['EUR'])).toBe('Not counted in the totals: charges in EUR — set its exchange rate in Settings.');
    expect(excludedText(['EUR', 'GBP'])).toBe('Not counted in the totals: charges in EUR and GBP — set their exchange rates in Settings.');
  });
});

describe('the headline and the popup line', () => {
  it('shows nothing in the popup without a yearly total', () => {
    expect(popupLeaksLine(undefined, 'en-US')).toBeUndefined();
    expect(popupLeaksLine({ yearlyTotal: usd(0), yearlySavings: usd(0) }, 'en-US')).toBeUndefined();
  });

  it('gives the yearly total, and the saving only when there is one', () => {
    expect(popupLeaksLine({ yearlyTotal: usd(123_456), yearlySavings: usd(24_000) }, 'en-US')).toEqual({
      total: 'Recurring charges: $1,234.56 a year',
      savings: '$240.00 could be saved',
    });
    expect(popupLeaksLine({ yearlyTotal: usd(123_456), yearlySavings: usd(0) }, 'en-US')).toEqual({ total: 'Recurring charges: $1,234.56 a year' });
    expect(popupLeaksLine({ yearlyTotal: { minor: 123_456, currency: 'EUR' }, yearlySavings: { minor: 0, currency: 'EUR' } }, 'de-DE')?.total).toBe(
      `Recurring charges: 1.234,56${NBSP}€ a year`,
    );
  });

  it('explains the saving, or how to get one', () => {
    const none = { yearlySavings: usd(0), unused: [], duplicates: [] };
    expect(savingsText(none, 'en-US')).toMatch(/^Nothing marked unused and no duplicates found\./);
    const some = { yearlySavings: usd(24_000), unused: [{ key: 'hulu', merchant: 'Hulu', yearlySaving: usd(24_000) }], duplicates: [] };
    expect(savingsText(some, 'en-US')).toBe('$240.00 a year if you cancel the charges marked unused and the extra duplicates.');
  });
});
