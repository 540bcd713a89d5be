/**
 * Leak detection on hand-made statements. Every figure is worked out by hand
 * in the comment next to it (amounts in cents).
 */
import { describe, expect, it } from 'vitest';
import { findLeaks } from '@/utils/analytics/leaks';
import { leakInputFrom } from '@/utils/analytics/leak-input';
import type { LeakInput, LeakTransaction } from '@/utils/analytics/leak-types';
import type { Transaction } from '@/utils/db/schema';

let counter = 0;
function charge(date: string, minor: number, description: string, extra: Partial<LeakTransaction> = {}): LeakTransaction {
  counter += 1;
  return { id: `t${String(counter).padStart(4, '0')}`, date, amount: { minor: -minor, currency: 'USD' }, description, ...extra };
}

/** One charge a month on `day` (clamped to the month's end) from `from` (YYYY-MM) for `count` months. */
function monthly(from: string, count: number, day: number, minor: number, description: string, extra: Partial<LeakTransaction> = {}) {
  const [y, m] = from.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const month0 = m - 1 + i;
    const year = y + Math.floor(month0 / 12);
    const month = (month0 % 12) + 1;
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const date = `${year}-${String(month).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
    return charge(date, minor, description, extra);
  });
}

function input(transactions: LeakTransaction[], asOf: string, more: Partial<LeakInput> = {}): LeakInput {
  return { transactions, asOf, baseCurrency: 'USD', rates: {}, unusedKeys: [], ...more };
}

const usd = (minor: number) => ({ minor, currency: 'USD' });

describe('findLeaks: periods', () => {
  it('finds monthly Netflix and its price rise from 15.49 to 17.99 on 2026-01-12', () => {
    const txs = [
      ...monthly('2025-07', 6, 12, 1549, 'NETFLIX.COM LOS GATOS CA'), // 2025-07-12 … 2025-12-12
      ...monthly('2026-01', 3, 12, 1799, 'NETFLIX.COM 866-579-7172 CA'), // 2026-01-12, 02-12, 03-12
    ];
    const report = findLeaks(input(txs, '2026-03-20'));
    expect(report.recurring).toHaveLength(1);
    const netflix = report.recurring[0]!;
    expect(netflix).toMatchObject({
      key: 'netflix',
      merchant: 'Netflix',
      period: 'monthly',
      amount: usd(1799),
      firstDate: '2025-07-12',
      lastDate: '2026-03-12',
      nextExpected: '2026-04-12',
      active: true,
      yearlyCost: usd(21588), // 17.99 × 12 = 215.88
      unused: false,
    });
    expect(netflix.charges).toHaveLength(9);
    expect(netflix.charges[0]).toEqual({ id: txs[0]!.id, date: '2025-07-12', amount: usd(1549) });
    expect(report.priceRises).toEqual([
      {
        key: 'netflix',
        merchant: 'Netflix',
        date: '2026-01-12',
        from: usd(1549),
        to: usd(1799),
        increase: usd(250), // 17.99 − 15.49
        yearlyIncrease: usd(3000), // 2.50 × 12
        percent: 16.1, // 2.50 / 15.49 = 0.16139… → 16.1 %
      },
    ]);
    expect(report.yearlyTotal).toEqual(usd(21588));
  });

  it('finds a yearly domain renewal from two equal charges', () => {
    const txs = [charge('2024-03-05', 2199, 'GODADDY.COM 480-505-8855 AZ'), charge('2025-03-05', 2199, 'GODADDY.COM 480-505-8855 AZ')];
    const [domain] = findLeaks(input(txs, '2026-01-10')).recurring;
    // 365 days apart; next 2026-03-05, and 2026-03-05 + 182 days is after 2026-01-10: active.
    expect(domain).toMatchObject({ key: 'godaddy', period: 'yearly', nextExpected: '2026-03-05', active: true, yearlyCost: usd(2199) });
  });

  it('does not call two yearly charges recurring when their amounts differ beyond tolerance', () => {
    // median (1200 + 1800) / 2 = 1500, tolerance max(150, 100) = 150; both are 300 away.
    const txs = [charge('2024-06-01', 1200, 'CITY PARKING PERMIT'), charge('2025-06-01', 1800, 'CITY PARKING PERMIT')];
    expect(findLeaks(input(txs, '2025-07-01')).recurring).toEqual([]);
  });

  it('finds a weekly meal kit and costs it at 52 a year', () => {
    const dates = ['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26', '2026-02-02'];
    const [kit] = findLeaks(input(dates.map((d) => charge(d, 5994, 'HELLOFRESH 646-846-3663 NY')), '2026-02-05')).recurring;
    expect(kit).toMatchObject({
      key: 'hellofresh',
      period: 'weekly',
      nextExpected: '2026-02-09',
      active: true,
      yearlyCost: usd(311688), // 59.94 × 52 = 3116.88
    });
  });

  it('finds quarterly insurance', () => {
    // 2025-01-15 → 04-15 is 90 days, → 07-15 91, → 10-15 92: all within 85–97.
    const dates = ['2025-01-15', '2025-04-15', '2025-07-15', '2025-10-15'];
    const [insurance] = findLeaks(input(dates.map((d) => charge(d, 42000, 'PAYMENT TO STATE FARM INSURANCE 800-956-6310 IL')), '2025-12-01')).recurring;
    expect(insurance).toMatchObject({
      key: 'state farm insurance',
      period: 'quarterly',
      nextExpected: '2026-01-15',
      active: true,
      yearlyCost: usd(168000), // 420.00 × 4
    });
  });

  it('follows a month-end series: Jan 31, Feb 28, Mar 31, Apr 30 → next May 31', () => {
    // Intervals 28, 31, 30 days; Apr 30 is the month's end and earlier charges fell on the 31st.
    const dates = ['2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30'];
    const [gym] = findLeaks(input(dates.map((d) => charge(d, 2499, 'PLANET FITNESS CLUB FEES')), '2025-05-10')).recurring;
    expect(gym).toMatchObject({ key: 'planet fitness', period: 'monthly', nextExpected: '2025-05-31', active: true, yearlyCost: usd(29988) });
  });

  it('does not find irregular grocery shopping recurring', () => {
    // Gaps 3, 9, 4, 12, 6, 2, 15, 5, 8, 11 days and varied amounts, with 45.00 three times.
    const gaps = [0, 3, 9, 4, 12, 6, 2, 15, 5, 8, 11];
    const amounts = [8312, 4500, 12077, 2391, 4500, 9950, 6120, 4500, 15340, 3875, 7002];
    let day = Date.UTC(2025, 0, 2);
    const txs = gaps.map((gap, i) => {
      day += gap * 86_400_000;
      return charge(new Date(day).toISOString().slice(0, 10), amounts[i]!, 'WHOLEFDS MKT #10234 AUSTIN TX');
    });
    expect(findLeaks(input(txs, '2025-03-31')).recurring).toEqual([]);
  });

  it('tolerates one missed month but not every other month', () => {
    // 01-05, 02-05, (March missed) 04-05, 05-05: gaps 31, 59, 30. With three gaps 75 % means all three must
    // fit, so the series is monthly only because one gap of two months counts as a missed charge.
    const missed = ['2025-01-05', '2025-02-05', '2025-04-05', '2025-05-05'];
    const [spotify] = findLeaks(input(missed.map((d) => charge(d, 1199, 'SPOTIFY USA')), '2025-05-20')).recurring;
    expect(spotify).toMatchObject({ key: 'spotify', period: 'monthly', nextExpected: '2025-06-05', active: true });
    expect(spotify!.charges).toHaveLength(4);
    // Every other month: gaps 59, 61, 61 — only one may be a missed month, so 1 of 3 fits (< 75 %).
    const bimonthly = ['2025-01-05', '2025-03-05', '2025-05-05', '2025-07-05'];
    expect(findLeaks(input(bimonthly.map((d) => charge(d, 1199, 'SPOTIFY USA')), '2025-07-20')).recurring).toEqual([]);
  });

  it('reads a subscription among one-off purchases at the same merchant (one exact amount)', () => {
    const txs = [
      ...monthly('2025-01', 6, 3, 299, 'APPLE.COM/BILL 866-712-7753 CA'),
      charge('2025-02-17', 499, 'APPLE.COM/BILL 866-712-7753 CA'),
      charge('2025-04-09', 1299, 'APPLE.COM/BILL 866-712-7753 CA'),
    ];
    const report = findLeaks(input(txs, '2025-06-10'));
    expect(report.recurring.map((r) => [r.key, r.period, r.amount.minor, r.charges.length])).toEqual([['apple', 'monthly', 299, 6]]);
  });

  it('does not take a one-off higher charge for a price rise', () => {
    // 15.49 on Jan–Apr 12, 17.99 once on May 12, 15.49 again Jun–Aug 12. The 17.99 level does not hold
    // (the charge after it is back at 15.49), so the whole is not one series; the 15.49 charges are:
    // gaps 31, 28, 31, 61 (May skipped: the one missed month), 30, 31 → monthly; 15.49 × 12 = 185.88.
    const txs = [
      ...monthly('2025-01', 4, 12, 1549, 'NETFLIX.COM LOS GATOS CA'),
      charge('2025-05-12', 1799, 'NETFLIX.COM LOS GATOS CA'),
      ...monthly('2025-06', 3, 12, 1549, 'NETFLIX.COM LOS GATOS CA'),
    ];
    const report = findLeaks(input(txs, '2025-08-20'));
    expect(report.priceRises).toEqual([]);
    expect(report.recurring.map((r) => [r.key, r.amount.minor, r.charges.length, r.yearlyCost.minor])).toEqual([['netflix', 1549, 7, 18588]]);
  });

  it('uses the stored merchant before the description', () => {
    const txs = monthly('2025-01', 3, 8, 999, 'ACH WEB 8475 XYZPAY REF 0042', { merchant: 'Tidal' });
    expect(findLeaks(input(txs, '2025-03-20')).recurring.map((r) => r.key)).toEqual(['tidal']);
  });
});

describe('findLeaks: totals, duplicates and marks', () => {
  it('leaves a cancelled subscription out of the yearly total', () => {
    // Peacock last charged 2025-06-10: next 2025-07-10, + 15 days = 2025-07-25, before 2025-09-01 → inactive.
    const txs = [...monthly('2025-01', 6, 10, 599, 'PEACOCK 888-234-5678 NY'), ...monthly('2025-06', 3, 2, 2199, 'GITHUB INC')];
    const report = findLeaks(input(txs, '2025-09-01'));
    expect(report.recurring.map((r) => [r.key, r.active])).toEqual([
      ['github', true], // 21.99 × 12 = 263.88, last 2025-08-02, next 2025-09-02
      ['peacock', false], // 5.99 × 12 = 71.88
    ]);
    expect(report.yearlyTotal).toEqual(usd(26388));
    expect(report.priceRises).toEqual([]);
  });

  it('finds Spotify on two cards and saves the dearer one', () => {
    const txs = [
      ...monthly('2025-01', 6, 5, 1199, 'SPOTIFY USA', { accountId: 'card-4821' }), // 01-05 … 06-05
      ...monthly('2025-03', 4, 20, 1099, 'Spotify P0A1B2', { accountId: 'card-1177' }), // 03-20 … 06-20
    ];
    const report = findLeaks(input(txs, '2025-06-25'));
    expect(report.recurring.map((r) => [r.key, r.accounts, r.yearlyCost.minor])).toEqual([
      ['spotify', ['card-4821'], 14388], // 11.99 × 12
      ['spotify', ['card-1177'], 13188], // 10.99 × 12
    ]);
    expect(report.duplicates).toEqual([
      {
        kind: 'same-merchant',
        keys: ['spotify'],
        reason: 'Spotify is charged on two accounts: card-1177 and card-4821. Keeping only the one on card-1177 saves 143.88 USD a year.',
        yearlySaving: usd(14388),
      },
    ]);
    expect(report.yearlySavings).toEqual(usd(14388));
    expect(report.yearlyTotal).toEqual(usd(27576)); // 143.88 + 131.88
  });

  it('finds Netflix and Hulu as two streaming video services', () => {
    const txs = [...monthly('2025-01', 4, 12, 1799, 'NETFLIX.COM LOS GATOS CA'), ...monthly('2025-01', 4, 20, 799, 'HULU 877-824-4858 CA')];
    const report = findLeaks(input(txs, '2025-04-25'));
    expect(report.duplicates).toEqual([
      {
        kind: 'same-category',
        keys: ['netflix', 'hulu'],
        reason: 'Netflix and Hulu are both streaming video services. Keeping only Hulu saves 215.88 USD a year.',
        yearlySaving: usd(21588), // Netflix 17.99 × 12
      },
    ]);
  });

  it('uses the transactions’ own category for services it does not know', () => {
    const txs = [
      ...monthly('2025-01', 4, 3, 1500, 'MUBI INC', { category: 'Streaming' }),
      ...monthly('2025-01', 4, 9, 1100, 'CRITERION CHANNEL', { category: 'Streaming' }),
      ...monthly('2025-01', 4, 9, 4000, 'CITY GYM', { category: 'Fitness' }),
      ...monthly('2025-01', 4, 15, 3000, 'IRON TEMPLE', { category: 'Fitness' }),
    ];
    const report = findLeaks(input(txs, '2025-04-20'));
    // Only "Streaming" names a kind compared (streaming video); gyms are not.
    expect(report.duplicates.map((d) => [d.kind, d.keys, d.yearlySaving.minor])).toEqual([['same-category', ['mubi', 'criterion channel'], 18000]]);
    expect(report.recurring.find((r) => r.key === 'mubi')?.category).toBe('Streaming');
  });

  it('counts unused marks as savings, leaves ignored keys out, and adds it all up by hand', () => {
    const txs = [
      ...monthly('2025-01', 5, 12, 1799, 'NETFLIX.COM LOS GATOS CA'), // 215.88 a year
      ...monthly('2025-01', 5, 20, 799, 'HULU 877-824-4858 CA'), // 95.88
      ...monthly('2025-01', 5, 2, 1199, 'DROPBOX*ABCD12EF'), // 143.88, marked unused
      ...monthly('2025-01', 5, 7, 2499, 'PLANET FITNESS CLUB FEES'), // ignored
      ...monthly('2024-11', 3, 10, 599, 'PEACOCK 888-234-5678 NY'), // last 2025-01-10: cancelled
      charge('2024-06-03', 2199, 'GODADDY.COM 480-505-8855 AZ'),
      charge('2025-06-03', 2199, 'GODADDY.COM 480-505-8855 AZ'), // 21.99 a year (asOf before: still fine)
      ...monthly('2025-01', 5, 25, 999, 'LE MONDE ABONNEMENT').map((t) => ({ ...t, amount: { minor: -999, currency: 'EUR' } })),
    ];
    const base = input(txs, '2025-06-05', { unusedKeys: ['dropbox'], ignoredKeys: ['planet fitness'] });
    const report = findLeaks(base);
    expect(report.recurring.map((r) => r.key)).toEqual([
      'netflix', // 21588
      'dropbox', // 14388
      'hulu', // 9588
      'peacock', // 7188 (inactive, still listed)
      'godaddy', // 2199
      'le monde abonnement', // EUR, no rate: after the others
    ]);
    expect(report.recurring.find((r) => r.key === 'dropbox')?.unused).toBe(true);
    expect(report.unused).toEqual([{ key: 'dropbox', merchant: 'Dropbox', yearlySaving: usd(14388) }]);
    // Active in USD: 215.88 + 143.88 + 95.88 + 21.99 = 477.63 (Peacock inactive, Le Monde has no rate).
    expect(report.yearlyTotal).toEqual(usd(47763));
    expect(report.excludedCurrencies).toEqual(['EUR']);
    // Dropbox (unused) 143.88 + Netflix (dearer streaming service than Hulu) 215.88 = 359.76.
    expect(report.yearlySavings).toEqual(usd(35976));

    // Marking Netflix unused too counts it once: still 359.76.
    const twice = findLeaks({ ...base, unusedKeys: ['dropbox', 'netflix'] });
    expect(twice.unused.map((u) => [u.key, u.yearlySaving.minor])).toEqual([['netflix', 21588], ['dropbox', 14388]]);
    expect(twice.yearlySavings).toEqual(usd(35976));

    // With a rate, Le Monde counts: 9.99 × 12 = 119.88 EUR × 1.08 = 129.4704 → 129.47 USD; 477.63 + 129.47 = 607.10.
    const withRate = findLeaks({ ...base, rates: { EUR: '1.08' } });
    expect(withRate.excludedCurrencies).toEqual([]);
    expect(withRate.yearlyTotal).toEqual(usd(60710));
  });

  it('ignores money coming in', () => {
    const refunds = monthly('2025-01', 4, 12, 1799, 'NETFLIX.COM LOS GATOS CA').map((t) => ({ ...t, amount: { minor: 1799, currency: 'USD' } }));
    expect(findLeaks(input(refunds, '2025-04-20')).recurring).toEqual([]);
  });
});

describe('leakInputFrom', () => {
  const stored = (id: string, at: string, minor: number, extra: Partial<Transaction> = {}): Transaction => ({
    id,
    at: Date.parse(at),
    amount: { minor, currency: 'USD' },
    description: 'NETFLIX.COM LOS GATOS CA',
    source: 'import',
    provenance: { description: 'Imported from bank.csv' },
    ...extra,
  });

  it('takes the UTC day of at, the stored merchant, and the own or given category', () => {
    const txs = [
      stored('a', '2026-01-12T12:00:00Z', -1799, { merchant: 'Netflix', accountId: 'card-1', category: 'Streaming' }),
      stored('b', '2026-01-31T23:59:59Z', -450, { description: 'SQ *BLUE BOTTLE' }),
    ];
    const result = leakInputFrom(
      txs,
      [
        { id: 'netflix', mark: 'unused' },
        { id: 'gym', mark: 'ignored' },
      ],
      { baseCurrency: 'USD', rates: { EUR: '1.08' } },
      '2026-02-01',
      { a: 'Ignored because a has its own', b: 'Coffee' },
    );
    expect(result).toEqual({
      transactions: [
        { id: 'a', date: '2026-01-12', amount: { minor: -1799, currency: 'USD' }, description: 'NETFLIX.COM LOS GATOS CA', merchant: 'Netflix', accountId: 'card-1', category: 'Streaming' },
        { id: 'b', date: '2026-01-31', amount: { minor: -450, currency: 'USD' }, description: 'SQ *BLUE BOTTLE', category: 'Coffee' },
      ],
      asOf: '2026-02-01',
      baseCurrency: 'USD',
      rates: { EUR: '1.08' },
      unusedKeys: ['netflix'],
      ignoredKeys: ['gym'],
    });
  });
});
