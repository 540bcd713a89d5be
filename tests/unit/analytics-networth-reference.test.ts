/**
 * Randomized cross-check: netWorthSeries against a naive reference that, for
 * every day and every account, scans every snapshot. They must agree exactly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeConverter } from '@/utils/analytics/convert';
import { netWorthSeries, type NetWorthInput } from '@/utils/analytics/netWorth';
import { LAYERS, type Layer } from '@/utils/db/schema';

const DAY_MS = 86_400_000;
const START = Date.parse('2026-01-01T00:00:00Z');
const RATES = { EUR: '1.0850', JPY: '0.0067', BHD: '2.65' };
const CURRENCIES = ['USD', 'EUR', 'JPY', 'BHD', 'GBP']; // GBP has no rate

interface Reference {
  days: number[];
  total: number[];
  byLayer: Record<Layer, number[]>;
  excludedIds: string[];
}

function reference(input: NetWorthInput & { now: number }): Reference {
  const offsetMs = (input.tzOffsetMinutes ?? 0) * 60_000;
  const convert = makeConverter(input.baseCurrency, input.rates);
  const hasRate = (currency: string) => convert({ minor: 0, currency }) !== undefined;
  const excludedIds = input.accounts
    .filter(
      (a) =>
        !hasRate(a.currency) ||
        input.snapshots.some((s) => s.accountId === a.id && !hasRate(s.amount.currency)),
    )
    .map((a) => a.id);
  const counted = input.accounts.filter((a) => !excludedIds.includes(a.id));
  const countedSnapshots = input.snapshots.filter((s) => counted.some((a) => a.id === s.accountId));
  // Start of the local day containing `ms`, as UTC epoch ms.
  const dayStartOf = (ms: number) => {
    const local = new Date(ms + offsetMs);
    return Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - offsetMs;
  };
  const fromMs = input.from ?? (countedSnapshots.length ? Math.min(...countedSnapshots.map((s) => s.at)) : undefined);
  const result: Reference = {
    days: [],
    total: [],
    byLayer: { foundation: [], leverage: [], acceleration: [], compounding: [] },
    excludedIds,
  };
  if (fromMs === undefined) return result;
  const toStart = dayStartOf(input.to ?? input.now);
  for (let dayStart = dayStartOf(fromMs); dayStart <= toStart; dayStart += DAY_MS) {
    const dayEnd = dayStart + DAY_MS - 1;
    result.days.push(dayStart / 1000);
    const perLayer = { foundation: 0, leverage: 0, acceleration: 0, compounding: 0 };
    for (const account of counted) {
      if (account.archivedAt !== undefined && dayStart > account.archivedAt) continue;
      let best: (typeof input.snapshots)[number] | undefined;
      for (const s of input.snapshots) {
        if (s.accountId === account.id && s.at <= dayEnd && (best === undefined || s.at >= best.at)) best = s;
      }
      if (best) perLayer[account.layer] += convert(best.amount)!;
    }
    for (const layer of LAYERS) result.byLayer[layer].push(perLayer[layer]);
    result.total.push(LAYERS.reduce((sum, layer) => sum + perLayer[layer], 0));
  }
  return result;
}

const accountArb = (id: string) =>
  fc.record(
    {
      id: fc.constant(id),
      layer: fc.constantFrom(...LAYERS),
      currency: fc.constantFrom(...CURRENCIES.slice(0, 4), ...CURRENCIES), // GBP less often
      archivedAt: fc.integer({ min: START - 2 * DAY_MS, max: START + 25 * DAY_MS }),
    },
    { requiredKeys: ['id', 'layer', 'currency'] },
  );

const inputArb = fc
  .integer({ min: 0, max: 6 })
  .chain((accountCount) => {
    const ids = Array.from({ length: accountCount }, (_, i) => `acct-${i}`);
    const snapshotArb = fc.record({
      accountId: fc.constantFrom(...ids, 'unknown'),
      // on a coarse 6-hour grid most of the time, so that equal `at`s (ties) and midnights happen
      at: fc.oneof(
        fc.integer({ min: -3 * 4, max: 24 * 4 }).map((q) => START + q * 6 * 3_600_000),
        fc.integer({ min: START - 3 * DAY_MS, max: START + 24 * DAY_MS }),
      ),
      minor: fc.integer({ min: -50_000_000, max: 5_000_000_000 }),
      foreign: fc.option(fc.constantFrom(...CURRENCIES), { freq: 8 }),
    });
    return fc.record({
      accounts: fc.tuple(...ids.map(accountArb)),
      rawSnapshots: fc.array(snapshotArb, { maxLength: 60, size: 'max' }),
      tzOffsetMinutes: fc.integer({ min: -48, max: 56 }).map((q) => q * 15),
      from: fc.option(fc.integer({ min: START - 5 * DAY_MS, max: START + 10 * DAY_MS }), { nil: undefined }),
      to: fc.option(fc.integer({ min: START + 5 * DAY_MS, max: START + 30 * DAY_MS }), { nil: undefined }),
      baseCurrency: fc.constantFrom('USD', 'EUR'),
    });
  })
  .map(({ accounts, rawSnapshots, ...rest }) => {
    const currencyOf = new Map(accounts.map((a) => [a.id, a.currency]));
    const snapshots = rawSnapshots.map(({ accountId, at, minor, foreign }) => ({
      accountId,
      at,
      amount: { minor, currency: foreign ?? currencyOf.get(accountId) ?? 'USD' },
    }));
    const rates: Record<string, string> = rest.baseCurrency === 'EUR' ? { ...RATES, USD: '0.92' } : RATES;
    return { ...rest, accounts, snapshots, rates, now: START + 20 * DAY_MS + 5_000 };
  });

describe('netWorthSeries against a naive reference', () => {
  it('agrees exactly on random inputs', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const fast = netWorthSeries(input);
        const slow = reference(input);
        expect(Array.from(fast.days)).toEqual(slow.days);
        expect(Array.from(fast.total)).toEqual(slow.total);
        for (const layer of LAYERS) expect(Array.from(fast.byLayer[layer])).toEqual(slow.byLayer[layer]);
        expect(fast.excluded.map((e) => e.accountId)).toEqual(slow.excludedIds);
        // The layers sum to the total and every value is an integer.
        fast.total.forEach((value, d) => {
          expect(Number.isSafeInteger(value)).toBe(true);
          expect(LAYERS.reduce((sum, layer) => sum + fast.byLayer[layer][d]!, 0)).toBe(value);
        });
      }),
      { numRuns: 400 },
    );
  });
});
