/**
 * The net-worth series as a reasonable person writes it first: for each day,
 * for each account, filter that account's (sorted) snapshots down to those at
 * or before the end of the day, take the last one, and convert it with float
 * math. Same semantics as utils/analytics/netWorth.ts (carry-forward, archive
 * cut-off, missing rate → left out), but O(days × snapshots) and floats.
 * Only here to be measured against.
 */
import type { NetWorthInput } from '@/utils/analytics/netWorth';
import { minorDigits } from '@/utils/money/currency';

const DAY_MS = 86_400_000;

export interface BaselineSeries {
  /** Epoch seconds of each day's start. */
  days: number[];
  /** Base-currency minor units per day. */
  total: number[];
}

export function baselineNetWorth(input: NetWorthInput & { now: number }): BaselineSeries {
  const offsetMs = (input.tzOffsetMinutes ?? 0) * 60_000;
  const startOfDay = (ms: number) => Math.floor((ms + offsetMs) / DAY_MS) * DAY_MS - offsetMs;
  const toBase = (minor: number, currency: string): number | undefined => {
    const rate = currency === input.baseCurrency ? 1 : parseFloat(input.rates[currency] ?? 'NaN');
    if (Number.isNaN(rate)) return undefined;
    return Math.round((minor / 10 ** minorDigits(currency)) * rate * 10 ** minorDigits(input.baseCurrency));
  };

  const counted = input.accounts.filter(
    (account) =>
      toBase(0, account.currency) !== undefined &&
      input.snapshots.every((s) => s.accountId !== account.id || toBase(0, s.amount.currency) !== undefined),
  );
  const snapshotsOf = new Map(
    counted.map((account) => [
      account.id,
      input.snapshots.filter((s) => s.accountId === account.id).sort((a, b) => a.at - b.at),
    ]),
  );
  const all = [...snapshotsOf.values()].flat();
  if (all.length === 0 && input.from === undefined) return { days: [], total: [] };

  const first = startOfDay(input.from ?? all.reduce((earliest, s) => Math.min(earliest, s.at), Infinity));
  const last = startOfDay(input.to ?? input.now);
  const days: number[] = [];
  const total: number[] = [];
  for (let day = first; day <= last; day += DAY_MS) {
    const dayEnd = day + DAY_MS - 1;
    let sum = 0;
    for (const account of counted) {
      if (account.archivedAt !== undefined && day > account.archivedAt) continue;
      const upToDay = snapshotsOf.get(account.id)!.filter((s) => s.at <= dayEnd);
      const latest = upToDay[upToDay.length - 1];
      if (latest) sum += toBase(latest.amount.minor, latest.amount.currency)!;
    }
    days.push(day / 1000);
    total.push(sum);
  }
  return { days, total };
}
