import { describe, expect, it } from 'vitest';
import { netWorthSeries, summarizeNetWorth, type NetWorthInput } from '@/utils/analytics/netWorth';
import type { Layer } from '@/utils/db/schema';

const at = (iso: string) => Date.parse(iso);
const daySeconds = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / 1000;
const usd = (minor: number) => ({ minor, currency: 'USD' });
const list = (a: Float64Array) => Array.from(a);

type AccountIn = NetWorthInput['accounts'][number];
const account = (id: string, layer: Layer, currency = 'USD', archivedAt?: number): AccountIn =>
  archivedAt === undefined ? { id, layer, currency } : { id, layer, currency, archivedAt };

describe('netWorthSeries', () => {
  const twoAccounts: NetWorthInput = {
    accounts: [account('broker', 'foundation'), account('blog', 'leverage')],
    snapshots: [
      { accountId: 'broker', at: at('2026-01-03T09:00:00Z'), amount: usd(120000) },
      { accountId: 'broker', at: at('2026-01-01T10:00:00Z'), amount: usd(100000) },
      { accountId: 'blog', at: at('2026-01-02T12:00:00Z'), amount: usd(5000) },
    ],
    baseCurrency: 'USD',
    rates: {},
    now: at('2026-01-04T15:00:00Z'),
  };

  it('sums accounts per day and splits by layer, from the first snapshot to today', () => {
    const series = netWorthSeries(twoAccounts);
    expect(series.baseCurrency).toBe('USD');
    expect(list(series.days)).toEqual(
      ['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04'].map(daySeconds),
    );
    expect(list(series.total)).toEqual([100000, 105000, 125000, 125000]);
    expect(list(series.byLayer.foundation)).toEqual([100000, 100000, 120000, 120000]);
    expect(list(series.byLayer.leverage)).toEqual([0, 5000, 5000, 5000]);
    expect(list(series.byLayer.acceleration)).toEqual([0, 0, 0, 0]);
    expect(list(series.byLayer.compounding)).toEqual([0, 0, 0, 0]);
    expect(series.excluded).toEqual([]);
  });

  it('honours an explicit range and carries earlier snapshots into its first day', () => {
    const series = netWorthSeries({ ...twoAccounts, from: at('2026-01-02T20:00:00Z'), to: at('2026-01-06T01:00:00Z') });
    expect(list(series.days)).toEqual(
      ['2026-01-02', '2026-01-03', '2026-01-04', '2026-01-05', '2026-01-06'].map(daySeconds),
    );
    expect(list(series.total)).toEqual([105000, 125000, 125000, 125000, 125000]);
  });

  it('carries a value forward across days without snapshots', () => {
    const series = netWorthSeries({
      accounts: [account('a', 'foundation')],
      snapshots: [
        { accountId: 'a', at: at('2026-02-01T12:00:00Z'), amount: usd(700) },
        { accountId: 'a', at: at('2026-02-05T12:00:00Z'), amount: usd(400) },
      ],
      baseCurrency: 'USD',
      rates: {},
      to: at('2026-02-06T00:00:00Z'),
    });
    expect(list(series.total)).toEqual([700, 700, 700, 700, 400, 400]);
  });

  it('takes the latest snapshot of a day, and the later one in input order on a tie', () => {
    const series = netWorthSeries({
      accounts: [account('a', 'foundation'), account('b', 'compounding')],
      snapshots: [
        { accountId: 'a', at: at('2026-02-01T10:00:00Z'), amount: usd(100) },
        { accountId: 'a', at: at('2026-02-01T18:00:00Z'), amount: usd(200) },
        { accountId: 'a', at: at('2026-02-01T08:00:00Z'), amount: usd(300) },
        { accountId: 'b', at: at('2026-02-01T09:00:00Z'), amount: usd(1) },
        { accountId: 'b', at: at('2026-02-01T09:00:00Z'), amount: usd(999) },
        // midnight belongs to the day it starts, not the one before
        { accountId: 'a', at: at('2026-02-02T00:00:00Z'), amount: usd(50) },
      ],
      baseCurrency: 'USD',
      rates: {},
      to: at('2026-02-02T12:00:00Z'),
    });
    expect(list(series.byLayer.foundation)).toEqual([200, 50]);
    expect(list(series.byLayer.compounding)).toEqual([999, 999]);
    expect(list(series.total)).toEqual([1199, 1049]);
  });

  it('converts other currencies exactly at the current rate (EUR 2 digits, JPY 0 digits)', () => {
    const series = netWorthSeries({
      accounts: [account('eu', 'foundation', 'EUR'), account('jp', 'acceleration', 'JPY')],
      snapshots: [
        // 123.45 EUR × 1.10 = 135.795 USD → 13580 cents (half to even)
        { accountId: 'eu', at: at('2026-03-01T12:00:00Z'), amount: { minor: 12345, currency: 'EUR' } },
        // 1 500 000 JPY × 0.0067 = 10 050 USD
        { accountId: 'jp', at: at('2026-03-02T12:00:00Z'), amount: { minor: 1500000, currency: 'JPY' } },
        // 100.00 EUR × 1.10 = 110.00 USD
        { accountId: 'eu', at: at('2026-03-03T12:00:00Z'), amount: { minor: 10000, currency: 'EUR' } },
      ],
      baseCurrency: 'USD',
      rates: { EUR: '1.10', JPY: '0.0067' },
      to: at('2026-03-03T12:00:00Z'),
    });
    expect(list(series.byLayer.foundation)).toEqual([13580, 13580, 11000]);
    expect(list(series.byLayer.acceleration)).toEqual([0, 1005000, 1005000]);
    expect(list(series.total)).toEqual([13580, 1018580, 1016000]);
  });

  it('excludes and lists accounts with no rate for their currency or a snapshot currency', () => {
    const series = netWorthSeries({
      accounts: [account('us', 'foundation'), account('uk', 'leverage', 'GBP'), account('mixed', 'compounding')],
      snapshots: [
        { accountId: 'us', at: at('2026-03-02T12:00:00Z'), amount: usd(1000) },
        { accountId: 'uk', at: at('2026-03-01T12:00:00Z'), amount: { minor: 5000, currency: 'GBP' } },
        { accountId: 'mixed', at: at('2026-03-02T12:00:00Z'), amount: usd(300) },
        { accountId: 'mixed', at: at('2026-03-02T13:00:00Z'), amount: { minor: 300, currency: 'CHF' } },
        { accountId: 'nobody', at: at('2026-02-01T12:00:00Z'), amount: usd(1) },
      ],
      baseCurrency: 'USD',
      rates: { EUR: '1.08' },
      to: at('2026-03-03T12:00:00Z'),
    });
    // Excluded and unknown accounts neither count nor start the range.
    expect(list(series.days)).toEqual(['2026-03-02', '2026-03-03'].map(daySeconds));
    expect(list(series.total)).toEqual([1000, 1000]);
    expect(list(series.byLayer.leverage)).toEqual([0, 0]);
    expect(list(series.byLayer.compounding)).toEqual([0, 0]);
    expect(series.excluded.map(({ accountId, currency }) => ({ accountId, currency }))).toEqual([
      { accountId: 'uk', currency: 'GBP' },
      { accountId: 'mixed', currency: 'CHF' },
    ]);
    expect(series.excluded[0]!.reason).toBe(
      'No exchange rate for GBP to USD; set one in the settings to count this account.',
    );
  });

  it('drops an archived account to 0 after the day it was archived', () => {
    const series = netWorthSeries({
      accounts: [account('old', 'foundation', 'USD', at('2026-01-02T15:00:00Z')), account('new', 'foundation')],
      snapshots: [
        { accountId: 'old', at: at('2026-01-01T12:00:00Z'), amount: usd(800) },
        { accountId: 'new', at: at('2026-01-01T12:00:00Z'), amount: usd(20) },
      ],
      baseCurrency: 'USD',
      rates: {},
      to: at('2026-01-04T12:00:00Z'),
    });
    expect(list(series.total)).toEqual([820, 820, 20, 20]);
  });

  it('puts days on local calendar days for the given offset', () => {
    const input: NetWorthInput = {
      accounts: [account('a', 'foundation')],
      snapshots: [{ accountId: 'a', at: at('2026-03-01T23:30:00Z'), amount: usd(42) }],
      baseCurrency: 'USD',
      rates: {},
      to: at('2026-03-02T12:00:00Z'),
    };
    const cet = netWorthSeries({ ...input, tzOffsetMinutes: 60 });
    // local 2026-03-02 00:00 at +01:00 is 2026-03-01T23:00Z
    expect(list(cet.days)).toEqual([at('2026-03-01T23:00:00Z') / 1000]);
    expect(list(cet.total)).toEqual([42]);
    const utc = netWorthSeries(input);
    expect(list(utc.days)).toEqual(['2026-03-01', '2026-03-02'].map(daySeconds));
    expect(list(utc.total)).toEqual([42, 42]);
    // 2026-03-02T03:00Z at −05:00 is still local 2026-03-01 22:00
    const eastern = netWorthSeries({
      ...input,
      snapshots: [{ accountId: 'a', at: at('2026-03-02T03:00:00Z'), amount: usd(7) }],
      tzOffsetMinutes: -300,
    });
    expect(list(eastern.days)).toEqual([at('2026-03-01T05:00:00Z') / 1000, at('2026-03-02T05:00:00Z') / 1000]);
    expect(list(eastern.total)).toEqual([7, 7]);
  });

  it('returns zero-length series for empty input', () => {
    const series = netWorthSeries({ accounts: [], snapshots: [], baseCurrency: 'USD', rates: {}, now: at('2026-01-01T00:00:00Z') });
    expect(series.days.length).toBe(0);
    expect(series.total.length).toBe(0);
    expect(Object.values(series.byLayer).map((a) => a.length)).toEqual([0, 0, 0, 0]);
    expect(series.excluded).toEqual([]);
  });
});

describe('summarizeNetWorth', () => {
  const base: NetWorthInput = {
    accounts: [account('a', 'foundation')],
    snapshots: [
      { accountId: 'a', at: at('2026-01-01T12:00:00Z'), amount: usd(100000) },
      { accountId: 'a', at: at('2026-01-11T12:00:00Z'), amount: usd(150000) },
      { accountId: 'a', at: at('2026-02-01T12:00:00Z'), amount: usd(180000) },
    ],
    baseCurrency: 'USD',
    rates: {},
    to: at('2026-02-10T12:00:00Z'),
  };

  it('compares the last day with the day 30 days earlier', () => {
    // 41 days: Jan 1 .. Feb 10; 30 days before Feb 10 is Jan 11.
    expect(summarizeNetWorth(netWorthSeries(base))).toEqual({
      now: 180000,
      before: 150000,
      change: 30000,
      changeRatio: 0.2,
    });
    expect(summarizeNetWorth(netWorthSeries(base), 40)).toEqual({
      now: 180000,
      before: 100000,
      change: 80000,
      changeRatio: 0.8,
    });
  });

  it('leaves the comparison undefined when the series is too short or starts at 0', () => {
    expect(summarizeNetWorth(netWorthSeries(base), 41)).toEqual({
      now: 180000,
      before: undefined,
      change: undefined,
      changeRatio: undefined,
    });
    const fromZero = netWorthSeries({ ...base, from: at('2025-12-31T12:00:00Z') });
    expect(summarizeNetWorth(fromZero, 41)).toEqual({ now: 180000, before: 0, change: 180000, changeRatio: undefined });
    const empty = netWorthSeries({ ...base, snapshots: [] });
    expect(summarizeNetWorth(empty)).toEqual({ now: 0, before: undefined, change: undefined, changeRatio: undefined });
  });

  it('measures the ratio against the size of a negative starting value', () => {
    const debt = netWorthSeries({
      ...base,
      snapshots: [
        { accountId: 'a', at: at('2026-01-01T12:00:00Z'), amount: usd(-1000) },
        { accountId: 'a', at: at('2026-01-31T12:00:00Z'), amount: usd(-500) },
      ],
      to: at('2026-01-31T12:00:00Z'),
    });
    expect(summarizeNetWorth(debt)).toEqual({ now: -500, before: -1000, change: 500, changeRatio: 0.5 });
  });
});
