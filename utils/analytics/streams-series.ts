/**
 * Income and costs per stream per month, in the base currency: the series
 * every monthly figure of the plan is read from (streams-reports.ts).
 *
 * Income of a stream in a month follows exactly incomeForMonth's rules
 * (income.ts):
 * - an event whose periodKey is exactly that month ("2026-11", "This month"
 *   captured on any day of it) is the month's income: the newest such event
 *   (latest `at`; for equal `at`, the later in `events`), and nothing else of
 *   that stream counts that month;
 * - otherwise the sum of its point events (no periodKey) whose `at` falls in
 *   the local month, plus its single-day periods ("2026-11-24") of that month;
 * - rolling windows, years and "all time" never count.
 * Each event is converted on its own, exactly, rounded half-to-even
 * (convert.ts). `streams`' startedAt plays no part here: income before a
 * stream's start still counts in its month (reports decide which months
 * matter).
 *
 * Costs (StreamCost) are charged:
 * - 'month': on startsAt, then on the same day of every following month (a
 *   day past the month's end — the 31st in February — falls on its last day),
 *   at startsAt's local time of day, while the charge is before endsAt;
 * - 'year': on startsAt, then every year on its anniversary (29 February →
 *   28 February in other years), while before endsAt;
 * - 'once': on startsAt, in its month.
 * A cost's amount is converted once, exactly, and added in each charged month.
 *
 * An event or cost in a currency with no rate, or of a stream not in
 * `streams`, counts nowhere and is listed in `excluded` with its reason —
 * only when it would have counted in one of `months` (an event overridden by
 * its month's month-period event, or a cost never charged in these months, is
 * not listed), and once per stream, currency and reason (not once per event).
 *
 * Cost: one pass over the events into (stream, month) buckets held in typed
 * arrays — O(events × log months + streams × months + costs × months).
 */
import { LAYERS, type IncomeEvent, type Layer, type Stream } from '@/utils/db/schema';
import type { StreamCost } from '@/utils/db/schema-plan';
import { makeMinorConverters } from './convert';
import type { StreamMonthlySeries } from './plan-types';
import { monthNumber, startOfMonthNumber } from './streams-months';

export interface StreamSeriesInput {
  streams: readonly Pick<Stream, 'id' | 'layer' | 'startedAt'>[];
  /** In any order; input order only breaks ties between month events of equal `at`. */
  events: readonly Pick<IncomeEvent, 'streamId' | 'at' | 'amount' | 'period' | 'periodKey'>[];
  costs: readonly Pick<StreamCost, 'streamId' | 'amount' | 'every' | 'startsAt' | 'endsAt'>[];
  /** Consecutive "YYYY-MM" months, oldest first (monthsEnding). */
  months: readonly string[];
  baseCurrency: string;
  rates: Record<string, string>;
  /** Fixed local offset east of UTC, minutes. */
  tzOffsetMinutes: number;
}

type Excluded = StreamMonthlySeries['excluded'][number];

const DAY_KEY_RE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/**
 * The monthly income and costs of every stream and layer over `months`.
 * Throws when `months` are not consecutive "YYYY-MM" months, or a rate is
 * malformed (makeMinorConverters).
 */
export function monthlyStreamSeries(input: StreamSeriesInput): StreamMonthlySeries {
  const { events, months, baseCurrency, tzOffsetMinutes } = input;
  const monthCount = months.length;
  const firstMonth = monthCount > 0 ? monthNumber(months[0]!) : 0;
  const monthIndexByKey = new Map<string, number>();
  months.forEach((month, i) => {
    if (monthNumber(month) !== firstMonth + i) throw new Error(`Months must be consecutive: "${month}" is out of place`);
    monthIndexByKey.set(month, i);
  });
  const offsetMs = tzOffsetMinutes * 60_000;
  // boundaries[i] = start of months[i]; boundaries[monthCount] = end of the last month.
  const boundaries = new Float64Array(monthCount + 1);
  for (let i = 0; i <= monthCount; i++) boundaries[i] = startOfMonthNumber(firstMonth + i, offsetMs);
  const rangeStart = boundaries[0]!;
  const rangeEnd = boundaries[monthCount]!;

  const converterFor = makeMinorConverters(baseCurrency, input.rates);
  const layerOf = new Map<string, Layer>();
  for (const stream of input.streams) layerOf.set(stream.id, stream.layer);
  const streamIds = [...layerOf.keys()];
  const streamIndex = new Map(streamIds.map((id, i) => [id, i]));
  const slots = streamIds.length * monthCount;

  // Per (stream, month) slot = stream index × monthCount + month index.
  const daySums = new Float64Array(slots);
  const monthEvent = new Int32Array(slots).fill(-1);
  const unknownMonthEvent = new Map<string, Int32Array>();
  /** Day-based events left out; dropped later if their month has a month event. */
  const pendingExcluded: { streamId: string; monthIndex: number; currency: string; reason: string }[] = [];

  const excluded = new Map<string, Excluded>();
  const exclude = (streamId: string, currency: string, reason: string) => {
    const key = `${streamId}\u0000${currency}\u0000${reason}`;
    if (!excluded.has(key)) excluded.set(key, { streamId, currency, reason });
  };
  const unknownReason = (streamId: string) => `stream "${streamId}" is unknown`;
  const noRateReason = (currency: string) => `no exchange rate for ${currency}`;

  for (let e = 0; e < events.length; e++) {
    const event = events[e]!;
    const key = event.periodKey;
    let monthIndex: number | undefined;
    let isMonthPeriod = false;
    if (key === undefined) {
      const at = event.at;
      if (!(at >= rangeStart && at < rangeEnd)) continue;
      monthIndex = monthContaining(boundaries, at);
    } else if (key.length === 7) {
      monthIndex = monthIndexByKey.get(key);
      isMonthPeriod = true;
    } else if (key.length === 10 && DAY_KEY_RE.test(key)) {
      monthIndex = monthIndexByKey.get(key.slice(0, 7));
    }
    if (monthIndex === undefined) continue;

    const stream = streamIndex.get(event.streamId);
    if (stream === undefined) {
      if (isMonthPeriod) {
        let newest = unknownMonthEvent.get(event.streamId);
        if (!newest) unknownMonthEvent.set(event.streamId, (newest = new Int32Array(monthCount).fill(-1)));
        const current = newest[monthIndex]!;
        if (current < 0 || event.at >= events[current]!.at) newest[monthIndex] = e;
      } else {
        const { currency } = event.amount;
        pendingExcluded.push({ streamId: event.streamId, monthIndex, currency, reason: unknownReason(event.streamId) });
      }
      continue;
    }
    const slot = stream * monthCount + monthIndex;
    if (isMonthPeriod) {
      const current = monthEvent[slot]!;
      if (current < 0 || event.at >= events[current]!.at) monthEvent[slot] = e;
      continue;
    }
    const convert = converterFor(event.amount.currency);
    if (!convert) {
      const { currency } = event.amount;
      pendingExcluded.push({ streamId: event.streamId, monthIndex, currency, reason: noRateReason(currency) });
      continue;
    }
    daySums[slot]! += convert(event.amount.minor);
  }

  // Month events replace the day sums of their (stream, month).
  const incomeSlots = daySums;
  for (let slot = 0; slot < slots; slot++) {
    const winner = monthEvent[slot]!;
    if (winner < 0) continue;
    const event = events[winner]!;
    const convert = converterFor(event.amount.currency);
    if (convert) {
      incomeSlots[slot] = convert(event.amount.minor);
    } else {
      incomeSlots[slot] = 0;
      exclude(event.streamId, event.amount.currency, noRateReason(event.amount.currency));
    }
  }
  for (const [streamId, newest] of unknownMonthEvent) {
    for (const winner of newest) {
      if (winner >= 0) exclude(streamId, events[winner]!.amount.currency, unknownReason(streamId));
    }
  }
  for (const left of pendingExcluded) {
    const stream = streamIndex.get(left.streamId);
    const overriddenBy =
      stream === undefined
        ? (unknownMonthEvent.get(left.streamId)?.[left.monthIndex] ?? -1)
        : monthEvent[stream * monthCount + left.monthIndex]!;
    if (overriddenBy < 0) exclude(left.streamId, left.currency, left.reason);
  }

  // Costs.
  const costSlots = new Float64Array(slots);
  for (const cost of input.costs) {
    const charged = chargedMonths(cost, firstMonth, monthCount, offsetMs);
    if (charged.length === 0) continue;
    const stream = streamIndex.get(cost.streamId);
    if (stream === undefined) {
      exclude(cost.streamId, cost.amount.currency, unknownReason(cost.streamId));
      continue;
    }
    const convert = converterFor(cost.amount.currency);
    if (!convert) {
      exclude(cost.streamId, cost.amount.currency, noRateReason(cost.amount.currency));
      continue;
    }
    const amount = convert(cost.amount.minor);
    for (const monthIndex of charged) costSlots[stream * monthCount + monthIndex]! += amount;
  }

  // Per stream, per layer, totals.
  const zeros = () => new Array<number>(monthCount).fill(0);
  const series: StreamMonthlySeries = {
    months: [...months],
    baseCurrency,
    income: {},
    costs: {},
    incomeByLayer: Object.fromEntries(LAYERS.map((l) => [l, zeros()])) as Record<Layer, number[]>,
    netByLayer: Object.fromEntries(LAYERS.map((l) => [l, zeros()])) as Record<Layer, number[]>,
    totalIncome: zeros(),
    totalCosts: zeros(),
    totalNet: zeros(),
    excluded: [...excluded.values()],
  };
  streamIds.forEach((streamId, stream) => {
    const layer = layerOf.get(streamId)!;
    const income = Array.from(incomeSlots.subarray(stream * monthCount, (stream + 1) * monthCount));
    const costs = Array.from(costSlots.subarray(stream * monthCount, (stream + 1) * monthCount));
    series.income[streamId] = income;
    series.costs[streamId] = costs;
    const layerIncome = series.incomeByLayer[layer];
    const layerNet = series.netByLayer[layer];
    for (let i = 0; i < monthCount; i++) {
      layerIncome[i]! += income[i]!;
      layerNet[i]! += income[i]! - costs[i]!;
      series.totalIncome[i]! += income[i]!;
      series.totalCosts[i]! += costs[i]!;
    }
  });
  for (let i = 0; i < monthCount; i++) series.totalNet[i] = series.totalIncome[i]! - series.totalCosts[i]!;
  return series;
}

/** Index i with boundaries[i] ≤ at < boundaries[i + 1]; `at` must be inside the range. */
function monthContaining(boundaries: Float64Array, at: number): number {
  let low = 0;
  let high = boundaries.length - 2;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (boundaries[mid]! <= at) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * The indices (into the series' months, first month number `firstMonth`) of
 * the months in which `cost` is charged; see the module comment for the rules.
 */
export function chargedMonths(
  cost: Pick<StreamCost, 'every' | 'startsAt' | 'endsAt'>,
  firstMonth: number,
  monthCount: number,
  offsetMs: number,
): number[] {
  const local = new Date(cost.startsAt + offsetMs);
  const startYear = local.getUTCFullYear();
  const startMonthIndex = local.getUTCMonth();
  const dayOfMonth = local.getUTCDate();
  const timeOfDay = (((cost.startsAt + offsetMs) % DAY_MS) + DAY_MS) % DAY_MS;
  const startMonth = startYear * 12 + startMonthIndex;
  const step = cost.every === 'year' ? 12 : 1;
  // Charges only move later, so start at the first charge month inside the series.
  let first = startMonth;
  if (first < firstMonth) {
    if (cost.every === 'once') return [];
    first += Math.ceil((firstMonth - first) / step) * step;
  }
  const charged: number[] = [];
  for (let n = first; n < firstMonth + monthCount; n += step) {
    const year = Math.floor(n / 12);
    const monthIndex = n - year * 12;
    const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
    const chargeAt = Date.UTC(year, monthIndex, Math.min(dayOfMonth, lastDay)) + timeOfDay - offsetMs;
    if (cost.endsAt !== undefined && chargeAt >= cost.endsAt) break;
    charged.push(n - firstMonth);
    if (cost.every === 'once') break;
  }
  return charged;
}
