/**
 * Stream analytics for the plan: monthly series (income rules, costs,
 * exclusions), per-stream reports (trailing averages, real return, build
 * phase) and coverage. Every expected figure is worked out by hand in the
 * comment next to it; amounts are US cents unless said otherwise.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { incomeForMonth } from '@/utils/analytics/income';
import {
  coverage,
  monthlyStreamSeries,
  monthOf,
  monthsEnding,
  monthStart,
  streamReports,
  type StreamSeriesInput,
} from '@/utils/analytics/streams';
import { LAYERS, type Layer } from '@/utils/db/schema';
import type { CostCadence } from '@/utils/db/schema-plan';

const t = (iso: string) => Date.parse(iso);
const RATES = { EUR: '1.10', JPY: '0.0067' };

type EventInput = StreamSeriesInput['events'][number];
type CostInput = StreamSeriesInput['costs'][number];

/** A single payment (no period). */
const pay = (streamId: string, iso: string, minor: number, currency = 'USD'): EventInput => ({
  streamId,
  at: t(iso),
  amount: { minor, currency },
});
/** Earnings captured for a period with key `key`, at `iso`. */
const earned = (streamId: string, key: string, iso: string, minor: number, currency = 'USD'): EventInput => ({
  streamId,
  at: t(iso),
  amount: { minor, currency },
  period: { start: 0, end: 1, label: key },
  periodKey: key,
});
const cost = (
  streamId: string,
  every: CostCadence,
  startsIso: string,
  minor: number,
  endsIso?: string,
  currency = 'USD',
): CostInput => ({
  streamId,
  every,
  startsAt: t(startsIso),
  amount: { minor, currency },
  ...(endsIso ? { endsAt: t(endsIso) } : {}),
});
const stream = (id: string, layer: Layer = 'leverage') => ({ id, layer, startedAt: t('2020-01-01T00:00:00Z') });

function series(parts: Partial<StreamSeriesInput> & Pick<StreamSeriesInput, 'months'>) {
  return monthlyStreamSeries({
    streams: [],
    events: [],
    costs: [],
    baseCurrency: 'USD',
    rates: RATES,
    tzOffsetMinutes: 0,
    ...parts,
  });
}

describe('months', () => {
  it('monthOf reads the local month; monthStart is local midnight of the 1st', () => {
    // 2026-01-31T23:30Z is 00:30 on 1 February in Berlin (+60), still January in New York (−300).
    expect(monthOf(t('2026-01-31T23:30:00Z'), 60)).toBe('2026-02');
    expect(monthOf(t('2026-01-31T23:30:00Z'), -300)).toBe('2026-01');
    // Midnight of 1 March in Berlin is 23:00 UTC on 28 February.
    expect(monthStart('2026-03', 60)).toBe(t('2026-02-28T23:00:00Z'));
    expect(monthStart('2026-03', -300)).toBe(t('2026-03-01T05:00:00Z'));
  });

  it('monthsEnding counts back across a year end, oldest first', () => {
    expect(monthsEnding('2026-02', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(monthsEnding('2026-02', 1)).toEqual(['2026-02']);
    expect(monthsEnding('2026-02', 0)).toEqual([]);
    expect(() => monthsEnding('2026-13', 2)).toThrow(/YYYY-MM/);
  });

  it('refuses months that are not consecutive', () => {
    expect(() => series({ months: ['2026-01', '2026-03'] })).toThrow(/consecutive/);
  });
});

describe('monthlyStreamSeries: income', () => {
  const months = monthsEnding('2026-03', 3); // Jan, Feb, Mar 2026

  it('a month-period event replaces the point events of its month; the newest wins, ties to the later', () => {
    const result = series({
      months,
      streams: [stream('blog')],
      events: [
        // January: $7.00 paid + the single day 15 Jan of €10.00 (× 1.10 = $11.00) → 700 + 1100 = 1800.
        pay('blog', '2026-01-10T12:00:00Z', 700),
        earned('blog', '2026-01-15', '2026-01-15T20:00:00Z', 1000, 'EUR'),
        // Never counted: a rolling window, a year, all time.
        earned('blog', 'rolling-30d:2026-01-30', '2026-01-30T12:00:00Z', 99_999),
        earned('blog', '2026', '2026-01-30T12:00:00Z', 88_888),
        earned('blog', 'all-time', '2026-01-30T12:00:00Z', 77_777),
        // February: the point events ($10 + $5) and an older "This month" ($40) are all replaced by
        // the newest "This month": two at 25 Feb 18:00, the later in input ($43.00) wins → 4300.
        pay('blog', '2026-02-05T12:00:00Z', 1000),
        pay('blog', '2026-02-20T12:00:00Z', 500),
        earned('blog', '2026-02', '2026-02-10T12:00:00Z', 4000),
        earned('blog', '2026-02', '2026-02-25T18:00:00Z', 4200),
        earned('blog', '2026-02', '2026-02-25T18:00:00Z', 4300),
        earned('blog', '2026-02', '2026-02-01T08:00:00Z', 9900), // older, loses
        // March: one payment at the very first instant of the month (UTC) → 300.
        pay('blog', '2026-03-01T00:00:00Z', 300),
      ],
    });
    expect(result.income.blog).toEqual([1800, 4300, 300]);
    expect(result.incomeByLayer.leverage).toEqual([1800, 4300, 300]);
    expect(result.totalIncome).toEqual([1800, 4300, 300]);
    expect(result.excluded).toEqual([]);
  });

  it('single-day periods count in the month their key names; point events in their local month', () => {
    const result = series({
      months,
      tzOffsetMinutes: 60, // Berlin
      streams: [stream('shop', 'compounding')],
      events: [
        // 31 Jan 23:30 UTC is 1 Feb 00:30 in Berlin → February.
        pay('shop', '2026-01-31T23:30:00Z', 250),
        // The key decides for a single day, not `at`: "2026-01-31" captured on 1 Feb counts in January.
        earned('shop', '2026-01-31', '2026-02-01T10:00:00Z', 120),
        earned('shop', '2026-01-30', '2026-01-30T10:00:00Z', 80),
        // ¥1,000 × 0.0067 = $6.70 → 670, a single day in March.
        earned('shop', '2026-03-02', '2026-03-02T10:00:00Z', 1000, 'JPY'),
      ],
    });
    // January 120 + 80 = 200; February 250; March 670.
    expect(result.income.shop).toEqual([200, 250, 670]);
    expect(result.incomeByLayer.compounding).toEqual([200, 250, 670]);
  });

  it('an event in a currency with no rate, or of an unknown stream, counts nowhere and is listed once', () => {
    const result = series({
      months,
      streams: [stream('blog')],
      events: [
        pay('blog', '2026-01-10T12:00:00Z', 700),
        pay('blog', '2026-01-11T12:00:00Z', 5000, 'GBP'), // no rate → left out
        pay('blog', '2026-03-11T12:00:00Z', 6000, 'GBP'), // same stream and currency: listed once
        pay('ghost', '2026-01-12T12:00:00Z', 900), // unknown stream → left out
        // February's CHF payment is replaced by the month event: it would never have counted, so it is not listed.
        pay('blog', '2026-02-11T12:00:00Z', 5000, 'CHF'),
        earned('blog', '2026-02', '2026-02-27T12:00:00Z', 2000),
        // A month event with no rate replaces the March point events too: March is 0.
        pay('blog', '2026-03-12T12:00:00Z', 400),
        earned('blog', '2026-03', '2026-03-27T12:00:00Z', 3000, 'SEK'),
      ],
    });
    expect(result.income.blog).toEqual([700, 2000, 0]);
    expect(result.income.ghost).toBeUndefined();
    expect(result.totalIncome).toEqual([700, 2000, 0]);
    expect(new Set(result.excluded.map((e) => `${e.streamId}/${e.currency}/${e.reason}`))).toEqual(
      new Set([
        'blog/GBP/no exchange rate for GBP',
        'ghost/USD/stream "ghost" is unknown',
        'blog/SEK/no exchange rate for SEK',
      ]),
    );
    expect(result.excluded).toHaveLength(3);
  });

  it('agrees with incomeForMonth month by month on random data (byStream, layers, totals, exclusions)', () => {
    const streams = [
      { id: 'a', layer: 'leverage' as const, startedAt: 0 },
      { id: 'b', layer: 'compounding' as const, startedAt: 0 },
      { id: 'c', layer: 'foundation' as const, startedAt: 0 },
    ];
    const rates = { EUR: '1.0850', JPY: '0.0067', BHD: '2.65' };
    const keyMonths = monthsEnding('2026-05', 10); // 2025-08 … 2026-05, wider than the series
    const tzs = [-300, 0, 60, 330];
    const boundaryInstants = keyMonths.flatMap((m) => tzs.flatMap((tz) => [monthStart(m, tz) - 1, monthStart(m, tz)]));
    // Few distinct instants and months, so ties between month events of equal `at` are common.
    const at = fc.oneof(
      fc.integer({ min: t('2025-08-01T00:00:00Z'), max: t('2026-06-01T00:00:00Z') }),
      fc.constantFrom(...boundaryInstants),
      fc.constantFrom(t('2026-01-15T12:00:00Z'), t('2026-02-15T12:00:00Z')),
    );
    const periodKey = fc.oneof(
      { arbitrary: fc.constant(undefined), weight: 2 },
      fc.constantFrom(...keyMonths),
      { arbitrary: fc.constantFrom('2026-01', '2026-02'), weight: 2 },
      fc.tuple(fc.constantFrom(...keyMonths), fc.integer({ min: 1, max: 31 })).map(
        ([m, d]) => `${m}-${String(d).padStart(2, '0')}`,
      ),
      fc.constantFrom('rolling-30d:2026-01-15', '2026', 'all-time', '2026-1'),
    );
    const event = fc.record({
      streamId: fc.constantFrom('a', 'b', 'c', 'x'),
      at,
      minor: fc.integer({ min: -50_000, max: 1_000_000 }),
      currency: fc.constantFrom('USD', 'USD', 'EUR', 'JPY', 'BHD', 'GBP'),
      periodKey,
    });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 80 }), fc.constantFrom(...tzs), (raw, tz) => {
        const events: EventInput[] = raw.map((e) => ({
          streamId: e.streamId,
          at: e.at,
          amount: { minor: e.minor, currency: e.currency },
          ...(e.periodKey === undefined ? {} : { periodKey: e.periodKey, period: { start: 0, end: 1, label: '' } }),
        }));
        const months = monthsEnding('2026-04', 6);
        const result = series({ months, streams, events, rates, tzOffsetMinutes: tz });
        const expectedExcluded = new Set<string>();
        months.forEach((month, i) => {
          const reference = incomeForMonth(events, month, 'USD', rates, tz, streams);
          for (const s of streams) expect(result.income[s.id]![i]).toBe(reference.byStream[s.id] ?? 0);
          for (const layer of LAYERS) expect(result.incomeByLayer[layer][i]).toBe(reference.byLayer[layer]);
          expect(result.totalIncome[i]).toBe(reference.total);
          for (const e of reference.excluded) expectedExcluded.add(`${e.streamId}/${e.currency}/${e.reason}`);
        });
        expect(new Set(result.excluded.map((e) => `${e.streamId}/${e.currency}/${e.reason}`))).toEqual(
          expectedExcluded,
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('monthlyStreamSeries: costs', () => {
  const year2026 = monthsEnding('2026-12', 12);
  const costsOf = (c: CostInput) =>
    series({ months: year2026, streams: [stream(c.streamId, 'compounding')], costs: [c] }).costs[c.streamId];

  it('a monthly cost from the 31st is charged every month, on 28 February in February', () => {
    // $30.00 from 31 Jan 12:00, no end → Jan … Dec, 3000 each.
    expect(costsOf(cost('s', 'month', '2026-01-31T12:00:00Z', 3000))).toEqual(new Array(12).fill(3000));
    // Ending exactly at the February charge (28 Feb 12:00): that charge is not before the end → January only.
    expect(costsOf(cost('s', 'month', '2026-01-31T12:00:00Z', 3000, '2026-02-28T12:00:00Z'))).toEqual([
      3000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ]);
    // One second later the 28 Feb charge is before the end → January and February.
    expect(costsOf(cost('s', 'month', '2026-01-31T12:00:00Z', 3000, '2026-02-28T12:00:01Z'))).toEqual([
      3000, 3000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ]);
  });

  it('a monthly cost with an end is charged while the charge date is before it', () => {
    // From 10 Jan, ends 15 May: charges 10 Jan, 10 Feb, 10 Mar, 10 Apr, 10 May → 5 months; 10 Jun is past the end.
    expect(costsOf(cost('s', 'month', '2026-01-10T09:00:00Z', 1500, '2026-05-15T00:00:00Z'))).toEqual([
      1500, 1500, 1500, 1500, 1500, 0, 0, 0, 0, 0, 0, 0,
    ]);
    // Started before the series (Sept 2025) and still running: every month of 2026.
    expect(costsOf(cost('s', 'month', '2025-09-05T09:00:00Z', 100))).toEqual(new Array(12).fill(100));
  });

  it('a yearly cost is charged on its anniversary month; 29 February falls on the 28th', () => {
    // $120.00 from 15 Mar 2025 → charged 15 Mar 2026 → March only.
    expect(costsOf(cost('s', 'year', '2025-03-15T10:00:00Z', 12_000))).toEqual([
      0, 0, 12_000, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ]);
    // Ended 1 Mar 2026, before the 2026 anniversary → nothing in 2026.
    expect(costsOf(cost('s', 'year', '2025-03-15T10:00:00Z', 12_000, '2026-03-01T00:00:00Z'))).toEqual(
      new Array(12).fill(0),
    );
    // From 29 Feb 2024: 2026 has no 29th, charged 28 Feb 2026 → February; ending 28 Feb 2026 00:00 stops it.
    expect(costsOf(cost('s', 'year', '2024-02-29T08:00:00Z', 5000))).toEqual([
      0, 5000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ]);
    expect(costsOf(cost('s', 'year', '2024-02-29T08:00:00Z', 5000, '2026-02-28T00:00:00Z'))).toEqual(
      new Array(12).fill(0),
    );
  });

  it('a one-off cost lands in the month of its start only; a foreign cost converts exactly', () => {
    expect(costsOf(cost('s', 'once', '2026-06-10T10:00:00Z', 20_000))).toEqual([
      0, 0, 0, 0, 0, 20_000, 0, 0, 0, 0, 0, 0,
    ]);
    expect(costsOf(cost('s', 'once', '2025-06-10T10:00:00Z', 20_000))).toEqual(new Array(12).fill(0));
    // €9.99 a month × 1.10 = $10.989 → 1098.9 cents → 1099.
    expect(costsOf(cost('s', 'month', '2026-11-03T10:00:00Z', 999, undefined, 'EUR'))).toEqual([
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1099, 1099,
    ]);
  });

  it('costs go into the layer net and totals; costs with no rate or of an unknown stream are listed', () => {
    const months = monthsEnding('2026-02', 2); // Jan, Feb
    const result = series({
      months,
      streams: [stream('blog', 'leverage'), stream('app', 'compounding')],
      events: [pay('blog', '2026-01-05T00:00:00Z', 10_000), pay('app', '2026-02-05T00:00:00Z', 30_000)],
      costs: [
        cost('blog', 'month', '2026-01-01T00:00:00Z', 1200),
        cost('app', 'once', '2026-02-01T00:00:00Z', 50_000),
        cost('app', 'month', '2026-01-01T00:00:00Z', 700, undefined, 'CHF'), // no rate
        cost('gone', 'month', '2026-01-01T00:00:00Z', 700), // unknown stream
        cost('app', 'month', '2020-01-01T00:00:00Z', 700, '2021-01-01T00:00:00Z', 'NOK'), // never charged now: not listed
      ],
    });
    expect(result.costs).toEqual({ blog: [1200, 1200], app: [0, 50_000] });
    // Leverage: Jan 10000 − 1200 = 8800; Feb 0 − 1200 = −1200. Compounding: Jan 0; Feb 30000 − 50000 = −20000.
    expect(result.netByLayer.leverage).toEqual([8800, -1200]);
    expect(result.netByLayer.compounding).toEqual([0, -20_000]);
    expect(result.netByLayer.foundation).toEqual([0, 0]);
    expect(result.totalIncome).toEqual([10_000, 30_000]);
    expect(result.totalCosts).toEqual([1200, 51_200]);
    expect(result.totalNet).toEqual([8800, -21_200]);
    expect(result.excluded).toEqual([
      { streamId: 'app', currency: 'CHF', reason: 'no exchange rate for CHF' },
      { streamId: 'gone', currency: 'USD', reason: 'stream "gone" is unknown' },
    ]);
  });
});

describe('streamReports', () => {
  // 14 months, June 2025 … July 2026; July 2026 is the current, partial month.
  const months = monthsEnding('2026-07', 14);
  const mid = (month: string) => `${month}-15T12:00:00Z`;
  const base = { hoursPerMonth: 0, selfSustainingMonthly: undefined };
  const streams = [
    // A: a newsletter started 10 Feb 2026 — five complete months, Feb … Jun.
    {
      ...base,
      id: 'A',
      name: 'Newsletter',
      layer: 'leverage' as const,
      startedAt: t('2026-02-10T09:00:00Z'),
      hoursPerMonth: 10,
      selfSustainingMonthly: { minor: 80_000, currency: 'EUR' }, // €800.00 × 1.10 = $880.00
    },
    // B: a micro-SaaS started 1 Jan 2026 — six complete months, Jan … Jun.
    {
      ...base,
      id: 'B',
      name: 'SaaS',
      layer: 'compounding' as const,
      startedAt: t('2026-01-01T00:00:00Z'),
      selfSustainingMonthly: { minor: 25_000, currency: 'USD' },
    },
    // C: dividends for years — the last 12 complete months, Jul 2025 … Jun 2026.
    { ...base, id: 'C', name: 'Dividends', layer: 'foundation' as const, startedAt: t('2019-05-01T00:00:00Z'), hoursPerMonth: 0.5 },
    // D: started 3 May 2026 — two complete months; it earned before its start date too.
    { ...base, id: 'D', name: 'Videos', layer: 'leverage' as const, startedAt: t('2026-05-03T00:00:00Z'), hoursPerMonth: 2 },
    // E: started this month.
    {
      ...base,
      id: 'E',
      name: 'Templates',
      layer: 'compounding' as const,
      startedAt: t('2026-07-01T00:00:00Z'),
      hoursPerMonth: 5,
      selfSustainingMonthly: { minor: 10_000, currency: 'GBP' }, // no rate → no target
    },
    // F: a blog earning less each month in 2026.
    {
      ...base,
      id: 'F',
      name: 'Blog',
      layer: 'leverage' as const,
      startedAt: t('2025-01-01T00:00:00Z'),
      selfSustainingMonthly: { minor: 100_000, currency: 'USD' },
    },
  ];
  const events: EventInput[] = [
    ...['2026-02', '2026-03', '2026-04', '2026-05', '2026-06'].map((m, i) => pay('A', mid(m), 10_000 * (i + 1))),
    pay('A', '2026-07-05T12:00:00Z', 25_000),
    ...['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'].map((m) => pay('B', mid(m), 30_000)),
    pay('C', mid('2025-06'), 99_900), // 13 complete months back: outside the 12
    ...monthsEnding('2026-05', 11).map((m) => pay('C', mid(m), 1000)), // Jul 2025 … May 2026
    pay('C', mid('2026-06'), 2200),
    pay('C', '2026-07-02T12:00:00Z', 700),
    pay('D', mid('2026-04'), 5000), // before the start month
    pay('D', mid('2026-05'), 100),
    pay('D', mid('2026-06'), 101),
    pay('E', '2026-07-03T12:00:00Z', 500),
    ...[60_000, 55_000, 40_000, 30_000, 25_000, 10_000].map((minor, i) => pay('F', mid(`2026-0${i + 1}`), minor)),
  ];
  const costs = [cost('A', 'month', '2026-02-10T09:00:00Z', 1000), cost('B', 'month', '2026-01-01T00:00:00Z', 10_000)];
  const monthly = series({ months, streams, events, costs });
  const reports = streamReports(monthly, streams, {
    currentMonth: '2026-07',
    tzOffsetMinutes: 0,
    capitalByStream: { A: 1_000_000, B: 1_000_000, E: 0, F: null },
    rates: RATES,
  });
  const report = (id: string) => reports.find((r) => r.streamId === id)!;

  it('averages a young stream over the complete months it existed, and projects its build phase', () => {
    expect(report('A')).toEqual({
      streamId: 'A',
      name: 'Newsletter',
      layer: 'leverage',
      thisMonth: 25_000, // July so far
      trailing3: 40_000, // (30000 + 40000 + 50000) ÷ 3 — Apr, May, Jun
      trailing12: 30_000, // (10000 + 20000 + 30000 + 40000 + 50000) ÷ 5 — only its 5 complete months
      costsMonthly: 1000, // 5 × 1000 ÷ 5
      net12: 145_000, // 150000 − 5000
      netMonths: 5,
      capital: 1_000_000,
      annualizedReturn: 0.348, // 145000 × 12 ÷ 5 = 348000 a year ÷ 1000000
      perHour: 2900, // 145000 ÷ (10 h × 5 months) = $29.00 an hour
      hoursPerMonth: 10,
      buildPhase: {
        monthsSinceStart: 5, // Feb → Jul
        monthsSinceFirstIncome: 5, // first income in Feb
        target: 88_000, // €800.00 × 1.10
        current: 40_000, // trailing3
        trendPerMonth: 10_000, // Feb … Jun rise by exactly 10000 a month
        monthsToTarget: 5, // ⌈(88000 − 40000) ÷ 10000⌉ = ⌈4.8⌉
        selfSustaining: false,
      },
    });
  });

  it('annualizes net income over the months it covers: $1,200 net in 6 months on $10,000 is 24%', () => {
    const b = report('B');
    // Net each month 30000 − 10000 = 20000; 6 months → 120000; × 12 ÷ 6 = 240000 a year ÷ 1000000 = 0.24.
    expect(b.net12).toBe(120_000);
    expect(b.netMonths).toBe(6);
    expect(b.annualizedReturn).toBeCloseTo(0.24, 12);
    expect(b.perHour).toBeNull(); // no hours
    expect(b.thisMonth).toBe(0);
    // trailing3 30000 ≥ target 25000 → reached; flat income → trend 0.
    expect(b.buildPhase).toEqual({
      monthsSinceStart: 6,
      monthsSinceFirstIncome: 6,
      target: 25_000,
      current: 30_000,
      trendPerMonth: 0,
      monthsToTarget: 0,
      selfSustaining: true,
    });
  });

  it('uses only the last 12 complete months of an older stream; no build phase outside leverage and compounding', () => {
    const c = report('C');
    expect(c.thisMonth).toBe(700);
    expect(c.trailing12).toBe(1100); // (11 × 1000 + 2200) ÷ 12 = 13200 ÷ 12; June 2025's 99900 is left out
    expect(c.trailing3).toBe(1400); // (1000 + 1000 + 2200) ÷ 3
    expect(c.netMonths).toBe(12);
    expect(c.net12).toBe(13_200);
    expect(c.perHour).toBe(2200); // 13200 ÷ (0.5 h × 12)
    expect(c.capital).toBeNull(); // not in capitalByStream
    expect(c.annualizedReturn).toBeNull();
    expect(c.buildPhase).toBeNull();
  });

  it('ignores months before the start in averages, rounds halves to even, and counts first income from the series', () => {
    const d = report('D');
    expect(d.trailing3).toBe(100); // (100 + 101) ÷ 2 = 100.5 → 100 (even); April's 5000 is before the start
    expect(d.trailing12).toBe(100);
    expect(d.net12).toBe(201);
    expect(d.netMonths).toBe(2);
    expect(d.perHour).toBe(50); // 201 ÷ (2 h × 2) = 50.25 → 50
    expect(d.buildPhase).toEqual({
      monthsSinceStart: 2, // May → Jul
      monthsSinceFirstIncome: 3, // April → Jul
      target: null,
      current: 100,
      trendPerMonth: 1, // 100 → 101
      monthsToTarget: null, // no target
      selfSustaining: false,
    });
  });

  it('a stream started this month has no complete months: averages 0 over 1 month, no trend', () => {
    const e = report('E');
    expect(e).toMatchObject({ thisMonth: 500, trailing3: 0, trailing12: 0, net12: 0, netMonths: 1, perHour: 0 });
    expect(e.capital).toBe(0);
    expect(e.annualizedReturn).toBeNull(); // capital 0
    expect(e.buildPhase).toEqual({
      monthsSinceStart: 0,
      monthsSinceFirstIncome: 0,
      target: null, // GBP target, no rate
      current: 0,
      trendPerMonth: null,
      monthsToTarget: null,
      selfSustaining: false,
    });
  });

  it('a falling trend over the last 6 complete months never reaches the target', () => {
    const f = report('F');
    // y = 60000, 55000, 40000, 30000, 25000, 10000 at x = 0…5; x̄ = 2.5.
    // Σ(x − x̄)·y = −2.5·60000 − 1.5·55000 − 0.5·40000 + 0.5·30000 + 1.5·25000 + 2.5·10000 = −175000
    // Σ(x − x̄)² = 17.5 → slope −10000 a month. (Jun–Dec 2025 had no income and are not among the last 6.)
    expect(f.buildPhase).toEqual({
      monthsSinceStart: 18, // Jan 2025 → Jul 2026
      monthsSinceFirstIncome: 6, // Jan 2026 → Jul 2026
      target: 100_000,
      current: 21_667, // (30000 + 25000 + 10000) ÷ 3 = 21666.67
      trendPerMonth: -10_000,
      monthsToTarget: null,
      selfSustaining: false,
    });
    expect(f.trailing12).toBe(18_333); // 220000 ÷ 12 = 18333.33 (Jul–Dec 2025 count as 0: it had started)
    expect(f.capital).toBeNull();
  });

  it('keeps the order of the streams given', () => {
    expect(reports.map((r) => r.streamId)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
  });
});

describe('coverage', () => {
  const months = monthsEnding('2026-04', 5); // Dec 2025 … Apr 2026
  const monthly = series({
    months,
    streams: [stream('app', 'compounding')],
    events: [
      pay('app', '2025-12-10T00:00:00Z', 1_000_000), // 4 complete months back: outside the 3
      pay('app', '2026-01-10T00:00:00Z', 50_000),
      pay('app', '2026-02-10T00:00:00Z', 60_000),
      pay('app', '2026-03-10T00:00:00Z', 70_000),
      pay('app', '2026-04-10T00:00:00Z', 99_999), // current month: partial, not counted
    ],
    costs: [cost('app', 'month', '2025-12-01T00:00:00Z', 1000)],
  });

  it('is the last 3 complete months of net income against expenses', () => {
    // Nets 49000, 59000, 69000 → 177000 ÷ 3 = 59000; 59000 ÷ 236000 = 0.25.
    expect(coverage(monthly, '2026-04', 236_000)).toEqual({ passiveMonthly: 59_000, expensesMonthly: 236_000, ratio: 0.25 });
    expect(coverage(monthly, '2026-04', 0)).toEqual({ passiveMonthly: 59_000, expensesMonthly: 0, ratio: null });
  });

  it('uses fewer months when the series is shorter, and rounds halves to even', () => {
    const twoComplete = (first: number, second: number) =>
      series({
        months: monthsEnding('2026-04', 3), // Feb, Mar complete; Apr current
        streams: [stream('app')],
        events: [pay('app', '2026-02-10T00:00:00Z', first), pay('app', '2026-03-10T00:00:00Z', second)],
      });
    const short = twoComplete(59_000, 69_001);
    // (59000 + 69001) ÷ 2 = 64000.5 → 64000 (even); ratio 64000 ÷ 128000 = 0.5.
    expect(coverage(short, '2026-04', 128_000)).toEqual({ passiveMonthly: 64_000, expensesMonthly: 128_000, ratio: 0.5 });
    expect(coverage(twoComplete(1, 2), '2026-04', 100).passiveMonthly).toBe(2); // 1.5 → 2 (even)
    // Only the current month: nothing complete yet.
    expect(coverage(series({ months: ['2026-04'] }), '2026-04', 100)).toEqual({ passiveMonthly: 0, expensesMonthly: 100, ratio: 0 });
  });
});
