/**
 * Net worth over time: one value per local calendar day, in base-currency
 * minor units, split by layer.
 *
 * Semantics (what every number in the chart means):
 * - Days are local calendar days at a fixed offset `tzOffsetMinutes` east of
 *   UTC (+60 for CET). A snapshot at 2026-03-01T23:30Z with +60 belongs to
 *   local 2026-03-02. (A fixed offset: days next to a DST change may start an
 *   hour off; the values are still each account's last snapshot of the day.)
 * - Range: from the local day of `from` (default: the day of the first
 *   snapshot of a counted account) to the local day of `to` (default: the day
 *   of `now`), both inclusive. No snapshots and no `from` → empty series.
 * - Per day, an account's value is its last snapshot at or before the end of
 *   that day: the latest `at` wins; for equal `at`, the one later in the input.
 *   It is carried forward across days without snapshots, and snapshots before
 *   the range still count for its first day. Before an account's first
 *   snapshot it contributes 0.
 * - An archived account contributes up to and including the day of its
 *   `archivedAt`, and 0 after it.
 * - Amounts are converted to the base currency at the person's single current
 *   rate (not the historical rate of each day), exactly, rounded half-to-even
 *   per snapshot (utils/analytics/convert.ts).
 * - An account is excluded when its currency, or the currency of one of its
 *   snapshots, has no rate; it is listed in `excluded` with the reason and
 *   counts nowhere. Snapshots of unknown accounts are ignored.
 * - `total` and every `byLayer` series hold integers; the layers sum to the total.
 *
 * Cost: O(snapshots + days × accounts) time with typed arrays — each snapshot
 * is converted once and dropped into its (account, day) bucket, then one sweep
 * per account carries its value forward.
 */
import { LAYERS, type Account, type BalanceSnapshot, type Layer } from '@/utils/db/schema';
import { makeMinorConverters, type MinorConverter } from './convert';

export interface NetWorthInput {
  accounts: Pick<Account, 'id' | 'layer' | 'currency' | 'archivedAt'>[];
  /** In any order. */
  snapshots: Pick<BalanceSnapshot, 'accountId' | 'at' | 'amount'>[];
  baseCurrency: string;
  rates: Record<string, string>;
  /** Epoch ms; the series starts on this local day (default: first snapshot's day). */
  from?: number;
  /** Epoch ms; the series ends on this local day, inclusive (default: the day of `now`). */
  to?: number;
  /** Default Date.now(). */
  now?: number;
  /** Local offset east of UTC in minutes (e.g. +60 for CET); default 0. */
  tzOffsetMinutes?: number;
}

export interface ExcludedAccount {
  accountId: string;
  currency: string;
  reason: string;
}

export interface NetWorthSeries {
  baseCurrency: string;
  /** Epoch seconds of each local day's start (uPlot x values), ascending, one per day. */
  days: Float64Array;
  /** Base-currency minor units (integers) per day. */
  total: Float64Array;
  /** Same length as `total`; the layers sum to it. */
  byLayer: Record<Layer, Float64Array>;
  /** Accounts left out because a currency they use has no exchange rate. */
  excluded: ExcludedAccount[];
}

export interface NetWorthSummary {
  /** Value on the last day (0 for an empty series). */
  now: number;
  /** Value `days` days before the last day; undefined when the series is shorter. */
  before: number | undefined;
  change: number | undefined;
  /** change / |before|; undefined when `before` is undefined or 0. */
  changeRatio: number | undefined;
}

const DAY_MS = 86_400_000;

export function netWorthSeries(input: NetWorthInput): NetWorthSeries {
  const { accounts, snapshots, baseCurrency, rates } = input;
  const offsetMs = (input.tzOffsetMinutes ?? 0) * 60_000;
  const localDay = (ms: number): number => Math.floor((ms + offsetMs) / DAY_MS);
  const converterFor = makeMinorConverters(baseCurrency, rates);

  // Accounts: index, layer, exclusion for a missing rate of their own currency.
  const accountCount = accounts.length;
  const indexById = new Map<string, number>();
  const layerOf = new Int32Array(accountCount);
  const excludedCurrency: (string | undefined)[] = new Array(accountCount).fill(undefined);
  const converterOf: (MinorConverter | undefined)[] = new Array(accountCount);
  for (let a = 0; a < accountCount; a++) {
    const account = accounts[a]!;
    indexById.set(account.id, a);
    const layer = LAYERS.indexOf(account.layer);
    if (layer < 0) throw new Error(`Account ${account.id} has an unknown layer "${account.layer}"`);
    layerOf[a] = layer;
    converterOf[a] = converterFor(account.currency);
    if (converterOf[a] === undefined) excludedCurrency[a] = account.currency;
  }

  // Snapshots: account index, time, local day and converted value, each read and converted once.
  const snapshotCount = snapshots.length;
  const accountOf = new Int32Array(snapshotCount).fill(-1);
  const atOf = new Float64Array(snapshotCount);
  const dayOf = new Float64Array(snapshotCount);
  const converted = new Float64Array(snapshotCount);
  const perAccount = new Int32Array(accountCount + 1);
  for (let s = 0; s < snapshotCount; s++) {
    const snapshot = snapshots[s]!;
    const a = indexById.get(snapshot.accountId);
    if (a === undefined || excludedCurrency[a] !== undefined) continue;
    const { minor, currency } = snapshot.amount;
    const convert = currency === accounts[a]!.currency ? converterOf[a] : converterFor(currency);
    if (convert === undefined) {
      excludedCurrency[a] = currency;
      continue;
    }
    accountOf[s] = a;
    atOf[s] = snapshot.at;
    dayOf[s] = localDay(snapshot.at);
    converted[s] = convert(minor);
    perAccount[a + 1]!++;
  }

  const excluded: ExcludedAccount[] = [];
  for (let a = 0; a < accountCount; a++) {
    const currency = excludedCurrency[a];
    if (currency !== undefined) {
      excluded.push({
        accountId: accounts[a]!.id,
        currency,
        reason: `No exchange rate for ${currency} to ${baseCurrency}; set one in the settings to count this account.`,
      });
    }
  }

  // Range of local days.
  let firstDay: number;
  if (input.from !== undefined) {
    firstDay = localDay(input.from);
  } else {
    let earliest = Infinity;
    for (let s = 0; s < snapshotCount; s++) {
      const a = accountOf[s]!;
      if (a >= 0 && excludedCurrency[a] === undefined && atOf[s]! < earliest) earliest = atOf[s]!;
    }
    firstDay = earliest === Infinity ? Infinity : localDay(earliest);
  }
  const lastDay = localDay(input.to ?? input.now ?? Date.now());
  const dayCount = firstDay <= lastDay ? lastDay - firstDay + 1 : 0;

  const days = new Float64Array(dayCount);
  for (let d = 0; d < dayCount; d++) days[d] = ((firstDay + d) * DAY_MS - offsetMs) / 1000;
  const total = new Float64Array(dayCount);
  const layerSeries = LAYERS.map(() => new Float64Array(dayCount));
  const byLayer = Object.fromEntries(LAYERS.map((layer, i) => [layer, layerSeries[i]!])) as Record<
    Layer,
    Float64Array
  >;
  if (dayCount === 0) return { baseCurrency, days, total, byLayer, excluded };

  // Stable counting sort of snapshot indexes by account (input order kept within an account).
  for (let a = 0; a < accountCount; a++) perAccount[a + 1]! += perAccount[a]!;
  const order = new Int32Array(perAccount[accountCount]!);
  const cursor = perAccount.slice(0, accountCount);
  for (let s = 0; s < snapshotCount; s++) {
    const a = accountOf[s]!;
    if (a >= 0) order[cursor[a]!++] = s;
  }

  // Per account: the winning snapshot of each day bucket, then a carry-forward sweep.
  // `bucketOwner[d] === a + 1` marks that bucket d holds a snapshot of account a.
  const bucketOwner = new Int32Array(dayCount);
  const bucketAt = new Float64Array(dayCount);
  const bucketValue = new Float64Array(dayCount);
  for (let a = 0; a < accountCount; a++) {
    if (excludedCurrency[a] !== undefined) continue;
    const stamp = a + 1;
    for (let i = perAccount[a]!, end = perAccount[a + 1]!; i < end; i++) {
      const s = order[i]!;
      const at = atOf[s]!;
      let d = dayOf[s]! - firstDay;
      if (d >= dayCount) continue; // after the range: cannot affect any day shown
      if (d < 0) d = 0; // before the range: still counts for the first day
      if (bucketOwner[d] !== stamp || at >= bucketAt[d]!) {
        bucketOwner[d] = stamp;
        bucketAt[d] = at;
        bucketValue[d] = converted[s]!;
      }
    }
    const archivedAt = accounts[a]!.archivedAt;
    const lastCounted =
      archivedAt === undefined ? dayCount - 1 : Math.min(dayCount - 1, localDay(archivedAt) - firstDay);
    const layer = layerSeries[layerOf[a]!]!;
    let carried = 0;
    for (let d = 0; d <= lastCounted; d++) {
      if (bucketOwner[d] === stamp) carried = bucketValue[d]!;
      if (carried !== 0) {
        total[d]! += carried;
        layer[d]! += carried;
      }
    }
  }

  return { baseCurrency, days, total, byLayer, excluded };
}

/**
 * The value on the last day against the value `days` days earlier.
 * `changeRatio` divides by |before| so a shrinking debt reads as a gain.
 */
export function summarizeNetWorth(series: NetWorthSeries, days = 30): NetWorthSummary {
  const last = series.total.length - 1;
  if (last < 0) return { now: 0, before: undefined, change: undefined, changeRatio: undefined };
  const now = series.total[last]!;
  const beforeIndex = last - days;
  if (beforeIndex < 0 || !Number.isInteger(days)) {
    return { now, before: undefined, change: undefined, changeRatio: undefined };
  }
  const before = series.total[beforeIndex]!;
  const change = now - before;
  return { now, before, change, changeRatio: before === 0 ? undefined : change / Math.abs(before) };
}
