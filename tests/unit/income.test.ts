/**
 * Income periods and monthly income, with every boundary worked out by hand
 * (written as ISO instants so they can be read, not recomputed).
 */
import { describe, expect, it } from 'vitest';
import { incomeForMonth, resolvePeriod, type IncomeEventInput } from '@/utils/analytics/income';
import { analyticsApi } from '@/utils/analytics/api';

const t = (iso: string) => Date.parse(iso);
const CET = 60;
const NEW_YORK = -300;
/** 2026-11-24 10:00 in Berlin (CET, +01:00). */
const NOV_24_CET = t('2026-11-24T09:00:00Z');

describe('resolvePeriod', () => {
  it('"This month" on 2026-11-24 local is 1 Nov to 1 Dec, key 2026-11', () => {
    expect(resolvePeriod('This month', NOV_24_CET, CET)).toEqual({
      start: t('2026-10-31T23:00:00Z'),
      end: t('2026-11-30T23:00:00Z'),
      key: '2026-11',
    });
    expect(resolvePeriod('This Month', t('2026-11-24T12:00:00Z'), 0)).toEqual({
      start: t('2026-11-01T00:00:00Z'),
      end: t('2026-12-01T00:00:00Z'),
      key: '2026-11',
    });
  });

  it('"Yesterday" and "Today so far" are single local days keyed by their date', () => {
    expect(resolvePeriod('Yesterday', NOV_24_CET, CET)).toEqual({
      start: t('2026-11-22T23:00:00Z'),
      end: t('2026-11-23T23:00:00Z'),
      key: '2026-11-23',
    });
    expect(resolvePeriod('Today so far', NOV_24_CET, CET)).toEqual({
      start: t('2026-11-23T23:00:00Z'),
      end: t('2026-11-24T23:00:00Z'),
      key: '2026-11-24',
    });
    expect(resolvePeriod('Today', NOV_24_CET, CET)?.key).toBe('2026-11-24');
    // Yesterday of 1 March in a leap year is 29 February.
    expect(resolvePeriod('yesterday', t('2028-03-01T08:00:00Z'), 0)?.key).toBe('2028-02-29');
  });

  it('"Last 30 days" is the 30 local days ending today (26 Oct – 24 Nov), key rolling-30d:2026-11-24', () => {
    expect(resolvePeriod('Last 30 days', NOV_24_CET, CET)).toEqual({
      start: t('2026-10-25T23:00:00Z'),
      end: t('2026-11-24T23:00:00Z'),
      key: 'rolling-30d:2026-11-24',
    });
    expect(resolvePeriod('Last 7 Days:', t('2026-11-24T12:00:00Z'), 0)).toEqual({
      start: t('2026-11-18T00:00:00Z'),
      end: t('2026-11-25T00:00:00Z'),
      key: 'rolling-7d:2026-11-24',
    });
    expect(resolvePeriod('Past 28 days', t('2026-11-24T12:00:00Z'), 0)?.key).toBe('rolling-28d:2026-11-24');
    expect(resolvePeriod('Last 90 days', t('2026-11-24T12:00:00Z'), 0)?.start).toBe(t('2026-08-27T00:00:00Z'));
  });

  it('the same instant is a different month, day or window in different time zones', () => {
    const lateNov30Utc = t('2026-11-30T23:30:00Z');
    // UTC: still 30 November.
    expect(resolvePeriod('This month', lateNov30Utc, 0)?.key).toBe('2026-11');
    // Berlin: already 00:30 on 1 December.
    expect(resolvePeriod('This month', lateNov30Utc, CET)).toEqual({
      start: t('2026-11-30T23:00:00Z'),
      end: t('2026-12-31T23:00:00Z'),
      key: '2026-12',
    });
    expect(resolvePeriod('Today so far', lateNov30Utc, CET)?.key).toBe('2026-12-01');
    // New York: 18:30 on 30 November.
    expect(resolvePeriod('This month', lateNov30Utc, NEW_YORK)).toEqual({
      start: t('2026-11-01T05:00:00Z'),
      end: t('2026-12-01T05:00:00Z'),
      key: '2026-11',
    });
    expect(resolvePeriod('Last 7 days', lateNov30Utc, NEW_YORK)?.key).toBe('rolling-7d:2026-11-30');
  });

  it('months and years roll over; named months, years and all time', () => {
    const jan15 = t('2026-01-15T12:00:00Z');
    expect(resolvePeriod('Last month', jan15, 0)).toEqual({
      start: t('2025-12-01T00:00:00Z'),
      end: t('2026-01-01T00:00:00Z'),
      key: '2025-12',
    });
    expect(resolvePeriod('This month', t('2028-02-10T12:00:00Z'), 0)?.end).toBe(t('2028-03-01T00:00:00Z'));
    expect(resolvePeriod('Year to date', jan15, 0)).toEqual({
      start: t('2026-01-01T00:00:00Z'),
      end: t('2027-01-01T00:00:00Z'),
      key: '2026',
    });
    expect(resolvePeriod('Last year', jan15, 0)?.key).toBe('2025');
    expect(resolvePeriod('November 2025', jan15, 0)).toEqual({
      start: t('2025-11-01T00:00:00Z'),
      end: t('2025-12-01T00:00:00Z'),
      key: '2025-11',
    });
    expect(resolvePeriod('Nov 2025', jan15, 0)?.key).toBe('2025-11');
    expect(resolvePeriod('  ALL   time ', jan15, 0)).toEqual({
      start: t('1900-01-01T00:00:00Z'),
      end: t('2026-01-16T00:00:00Z'),
      key: 'all-time',
    });
  });

  it.each(['', 'Custom', 'Next month', 'Last 0 days', 'Last 400 days', 'Q3 2026', 'Novembre 2026', 'This month!'])(
    '"%s" is not a period',
    (label) => {
      expect(resolvePeriod(label, NOV_24_CET, CET)).toBeNull();
    },
  );
});

describe('incomeForMonth', () => {
  const streams = [
    { id: 'blog', layer: 'leverage' as const },
    { id: 'saas', layer: 'compounding' as const },
    { id: 'uk-shop', layer: 'compounding' as const },
  ];
  const usd = (minor: number) => ({ minor, currency: 'USD' });
  const eur = (minor: number) => ({ minor, currency: 'EUR' });
  const period = (key: string) => ({ periodKey: key, period: { start: 0, end: 1, label: key } });

  const events: IncomeEventInput[] = [
    // Blog (USD): "This month" captured twice, plus a payment and a rolling window that must not count.
    { streamId: 'blog', at: t('2026-11-10T09:00:00Z'), amount: usd(100_00), ...period('2026-11') },
    { streamId: 'blog', at: t('2026-11-24T09:00:00Z'), amount: usd(250_00), ...period('2026-11') },
    { streamId: 'blog', at: t('2026-11-15T09:00:00Z'), amount: usd(999_99) },
    { streamId: 'blog', at: t('2026-11-24T09:00:00Z'), amount: usd(400_00), ...period('rolling-30d:2026-11-24') },
    // SaaS (EUR at 1.10): payments and single days of November count; other periods do not.
    { streamId: 'saas', at: t('2026-11-03T12:00:00Z'), amount: eur(10_00) },
    { streamId: 'saas', at: t('2026-11-23T12:00:00Z'), amount: eur(5_55), ...period('2026-11-23') },
    { streamId: 'saas', at: t('2026-12-01T12:00:00Z'), amount: eur(7_00), ...period('2026-12-01') },
    { streamId: 'saas', at: t('2026-10-31T23:59:59Z'), amount: eur(50_00) },
    { streamId: 'saas', at: t('2026-11-24T12:00:00Z'), amount: eur(80_00), ...period('rolling-7d:2026-11-24') },
    { streamId: 'saas', at: t('2026-11-30T23:00:00Z'), amount: eur(1_00) },
    // No rate for GBP; a stream that does not exist.
    { streamId: 'uk-shop', at: t('2026-11-05T12:00:00Z'), amount: { minor: 20_00, currency: 'GBP' } },
    { streamId: 'ghost', at: t('2026-11-05T12:00:00Z'), amount: usd(1_00) },
  ];

  it('uses the newest month figure per stream, else sums payments and days, across currencies', () => {
    const result = incomeForMonth(events, '2026-11', 'USD', { EUR: '1.10' }, 0, streams);
    // blog: the newer "This month" (250.00). saas: 11.00 + 6.105→6.10 (half-even) + 1.10 = 18.20.
    expect(result).toEqual({
      month: '2026-11',
      baseCurrency: 'USD',
      total: 250_00 + 18_20,
      byLayer: { foundation: 0, leverage: 250_00, acceleration: 0, compounding: 18_20 },
      byStream: { blog: 250_00, saas: 18_20 },
      basis: { blog: 'month', saas: 'days' },
      excluded: [
        { streamId: 'uk-shop', currency: 'GBP', reason: 'no exchange rate for GBP' },
        { streamId: 'ghost', currency: 'USD', reason: 'stream "ghost" is unknown' },
      ],
    });
  });

  it('point events belong to the local month: 23:00Z on 30 November is December in Berlin', () => {
    const onlySaas = events.filter((e) => e.streamId === 'saas');
    const berlin = incomeForMonth(onlySaas, '2026-11', 'USD', { EUR: '1.10' }, CET, streams);
    // 11.00 + 6.10 + 55.00 (31 Oct 23:59:59Z is 00:59:59 on 1 Nov in Berlin),
    // without the 1.10 of 30 Nov 23:00Z (00:00 on 1 Dec in Berlin).
    expect(berlin.byStream).toEqual({ saas: 72_10 });
    const december = incomeForMonth(onlySaas, '2026-12', 'USD', { EUR: '1.10' }, CET, streams);
    // 1 Dec 00:00 Berlin payment (1.10) + the 1 December day figure (7.70).
    expect(december.byStream).toEqual({ saas: 1_10 + 7_70 });
  });

  it('a month with nothing counted is zero everywhere; a bad month is refused', () => {
    expect(incomeForMonth(events, '2025-06', 'USD', { EUR: '1.10' }, 0, streams)).toMatchObject({
      total: 0,
      byStream: {},
      excluded: [],
    });
    expect(() => incomeForMonth(events, '2026-13', 'USD', {}, 0, streams)).toThrow('is not of the form YYYY-MM');
  });

  it('is exposed by the analytics API the worker serves', () => {
    expect(analyticsApi.incomeForMonth).toBe(incomeForMonth);
  });
});
