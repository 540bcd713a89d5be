/**
 * Deterministic bench data for the net-worth series: 30 accounts across the
 * four layers in USD, EUR and GBP, with about one balance snapshot per account
 * per day for ten years (some days skipped, some with two captures).
 */
import type { NetWorthInput } from '@/utils/analytics/netWorth';
import type { Layer } from '@/utils/db/schema';
import { randomInt, seededRandom } from './random';

const DAY_MS = 86_400_000;
export const BENCH_START = Date.UTC(2016, 0, 1);
export const BENCH_YEARS = 10;
export const BENCH_END = Date.UTC(2016 + BENCH_YEARS, 0, 1) - 1; // last ms of 2025-12-31

const LAYER_OF_ACCOUNT: Layer[] = [
  ...Array<Layer>(12).fill('foundation'),
  ...Array<Layer>(8).fill('leverage'),
  ...Array<Layer>(5).fill('acceleration'),
  ...Array<Layer>(5).fill('compounding'),
];
const CURRENCIES = ['USD', 'EUR', 'GBP'] as const;

export function netWorthBenchInput(seed = 20260101): NetWorthInput & { now: number } {
  const random = seededRandom(seed);
  const dayCount = Math.round((BENCH_END + 1 - BENCH_START) / DAY_MS);
  const accounts: NetWorthInput['accounts'] = LAYER_OF_ACCOUNT.map((layer, i) => ({
    id: `account-${String(i).padStart(2, '0')}`,
    layer,
    currency: CURRENCIES[i % CURRENCIES.length]!,
  }));
  // One account archived in year 8, to exercise the archive cut-off.
  accounts[7]!.archivedAt = BENCH_START + 8 * 365 * DAY_MS + 12 * 3_600_000;

  const snapshots: NetWorthInput['snapshots'] = [];
  accounts.forEach((account, i) => {
    // Some accounts are opened later than others.
    const firstDay = i % 6 === 5 ? randomInt(random, 0, 3 * 365) : 0;
    let balance = randomInt(random, 1_000_00, 500_000_00);
    for (let day = firstDay; day < dayCount; day++) {
      const roll = random();
      if (roll < 0.05) continue; // no capture that day
      const captures = roll > 0.95 ? 2 : 1;
      for (let c = 0; c < captures; c++) {
        balance = Math.max(0, balance + Math.round(balance * (random() - 0.495) * 0.02));
        snapshots.push({
          accountId: account.id,
          at: BENCH_START + day * DAY_MS + randomInt(random, 0, DAY_MS - 1),
          amount: { minor: balance, currency: account.currency },
        });
      }
    }
  });
  // As an IndexedDB index on `at` would hand them over.
  snapshots.sort((a, b) => a.at - b.at);

  return {
    accounts,
    snapshots,
    baseCurrency: 'USD',
    rates: { EUR: '1.0850', GBP: '1.2712' },
    now: BENCH_END,
  };
}

