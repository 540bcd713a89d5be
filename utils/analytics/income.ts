/**
 * Income periods and monthly income.
 *
 * Dashboards report earnings for a period in words ("This month", "Last 30
 * days", "Today so far"). `resolvePeriod` turns those words, at a moment and
 * a fixed local offset, into local days and a key that is the same every time
 * the same period is captured, so capturing "This month" twice updates one
 * income event instead of adding a second (utils/db upsertIncomeForPeriod).
 *
 * Days are local calendar days at a fixed offset `tzOffsetMinutes` east of
 * UTC (+60 for CET), as in netWorth.ts. Periods are [start, end) in epoch ms:
 * `end` is exclusive, the start of the day after the period.
 *
 * Period words understood (case, extra spaces and a trailing colon ignored):
 * | words                                        | days                               | key                     |
 * |----------------------------------------------|------------------------------------|-------------------------|
 * | today, today so far                          | today                              | 2026-11-24              |
 * | yesterday                                    | yesterday                          | 2026-11-23              |
 * | this month, month to date, mtd               | 1st of this month … end of month   | 2026-11                 |
 * | last month, previous month                   | the previous calendar month        | 2026-10                 |
 * | november 2026, nov 2026                      | that calendar month                | 2026-11                 |
 * | last N days, past N days (1 ≤ N ≤ 366)       | the N days ending today, inclusive | rolling-30d:2026-11-24  |
 * | this year, year to date, ytd                 | 1 January … 31 December            | 2026                    |
 * | last year, previous year                     | the previous calendar year         | 2025                    |
 * | all time, lifetime                           | 1 January 1900 … today             | all-time                |
 * Anything else resolves to null (the caller refuses the figure and says why).
 *
 * "Last N days" includes today: sites differ on this, and the figure is kept
 * but never counted in month totals (see incomeForMonth), so the choice only
 * affects the period shown next to it.
 */
import { LAYERS, type IncomeEvent, type Layer, type Stream } from '@/utils/db/schema';
import { makeMinorConverters } from './convert';

export interface ResolvedPeriod {
  /** Epoch ms of the first local day's start. */
  start: number;
  /** Epoch ms of the start of the local day after the period (exclusive). */
  end: number;
  key: string;
}

const DAY_MS = 86_400_000;
/** 1900-01-01T00:00Z, the earliest time the schema accepts. */
const ALL_TIME_START = -2208988800000;

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Epoch ms of local midnight starting the calendar date y-m-d (month 0-based; overflow rolls over). */
function localStart(y: number, m: number, d: number, offsetMs: number): number {
  return Date.UTC(y, m, d) - offsetMs;
}

function monthKey(y: number, m: number): string {
  const date = new Date(Date.UTC(y, m, 1));
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}`;
}

function dayKey(epochLocalMidnightUtc: number): string {
  const date = new Date(epochLocalMidnightUtc);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function normalise(label: string): string {
  return label
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*:$/, '');
}

/**
 * The local days and key a period label stands for at `now`, or null when
 * the words are not a period this module knows.
 */
export function resolvePeriod(label: string, now: number, tzOffsetMinutes: number): ResolvedPeriod | null {
  const words = normalise(label);
  const offsetMs = tzOffsetMinutes * 60_000;
  // Today's local calendar date, read off a Date shifted by the offset.
  const local = new Date(now + offsetMs);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  const d = local.getUTCDate();
  const today = localStart(y, m, d, offsetMs);
  const tomorrow = localStart(y, m, d + 1, offsetMs);
  const day = (start: number): ResolvedPeriod => ({
    start,
    end: start + DAY_MS,
    key: dayKey(start + offsetMs),
  });
  const month = (year: number, monthIndex: number): ResolvedPeriod => ({
    start: localStart(year, monthIndex, 1, offsetMs),
    end: localStart(year, monthIndex + 1, 1, offsetMs),
    key: monthKey(year, monthIndex),
  });
  const year = (fullYear: number): ResolvedPeriod => ({
    start: localStart(fullYear, 0, 1, offsetMs),
    end: localStart(fullYear + 1, 0, 1, offsetMs),
    key: pad(fullYear, 4),
  });

  switch (words) {
    case 'today':
    case 'today so far':
      return day(today);
    case 'yesterday':
      return day(localStart(y, m, d - 1, offsetMs));
    case 'this month':
    case 'month to date':
    case 'mtd':
      return month(y, m);
    case 'last month':
    case 'previous month':
      return month(y, m - 1);
    case 'this year':
    case 'year to date':
    case 'ytd':
      return year(y);
    case 'last year':
    case 'previous year':
      return year(y - 1);
    case 'all time':
    case 'lifetime':
      return { start: ALL_TIME_START, end: tomorrow, key: 'all-time' };
  }

  const rolling = /^(?:last|past) (\d{1,3}) days?$/.exec(words);
  if (rolling) {
    const n = Number(rolling[1]);
    if (n < 1 || n > 366) return null;
    return {
      start: localStart(y, m, d - (n - 1), offsetMs),
      end: tomorrow,
      key: `rolling-${n}d:${dayKey(today + offsetMs)}`,
    };
  }

  const named = /^([a-z]+)\.? (\d{4})$/.exec(words);
  if (named) {
    const name = named[1]!;
    const index = MONTHS.findIndex((full) => full === name || (name.length === 3 && full.startsWith(name)));
    const fullYear = Number(named[2]);
    if (index >= 0 && fullYear >= 1900 && fullYear < 2200) return month(fullYear, index);
  }
  return null;
}

// ---------------------------------------------------------------- monthly income

export type IncomeEventInput = Pick<IncomeEvent, 'streamId' | 'at' | 'amount' | 'period' | 'periodKey'>;

export interface ExcludedIncome {
  streamId: string;
  currency: string;
  reason: string;
}

export interface MonthIncome {
  month: string;
  baseCurrency: string;
  /** Base-currency minor units (an integer); the layers sum to it. */
  total: number;
  byLayer: Record<Layer, number>;
  /** Per stream that counted anything this month, base minor units. */
  byStream: Record<string, number>;
  /**
   * How each stream's figure was made: "month" — the newest event for exactly
   * this calendar month; "days" — the sum of payments and single days.
   */
  basis: Record<string, 'month' | 'days'>;
  /** Events left out: a currency with no exchange rate, or a stream not in `streams`. */
  excluded: ExcludedIncome[];
}

const MONTH_RE = /^(\d{4})-(\d{2})$/;
const DAY_KEY_RE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The income of one calendar month, in the base currency.
 *
 * Per stream:
 * - if it has an event whose period is exactly that month (periodKey
 *   "YYYY-MM", e.g. "This month" captured on any day of it), the newest such
 *   event (latest `at`; for equal `at`, the later in `events`) is the month's
 *   income, and nothing else of that stream counts;
 * - otherwise the month's income is the sum of its point events (no period)
 *   whose `at` falls in the month, plus its single-day periods (periodKey
 *   "YYYY-MM-DD") of days in the month.
 * Rolling windows ("Last 30 days"), years and "All time" are kept in the
 * database but never counted here: they overlap months and each other.
 *
 * Amounts are converted exactly, one event at a time, rounded half-to-even
 * (convert.ts). An event in a currency with no rate, or of a stream not in
 * `streams`, is listed in `excluded` and counts nowhere.
 *
 * @param month "YYYY-MM"
 * @param tzOffsetMinutes fixed local offset east of UTC for point events' days
 * @param streams the streams, for each one's layer
 */
export function incomeForMonth(
  events: readonly IncomeEventInput[],
  month: string,
  baseCurrency: string,
  rates: Record<string, string>,
  tzOffsetMinutes: number,
  streams: readonly Pick<Stream, 'id' | 'layer'>[],
): MonthIncome {
  const match = MONTH_RE.exec(month);
  const monthIndex = match ? Number(match[2]) - 1 : -1;
  if (!match || monthIndex < 0 || monthIndex > 11) throw new Error(`Month "${month}" is not of the form YYYY-MM`);
  const offsetMs = tzOffsetMinutes * 60_000;
  const start = localStart(Number(match[1]), monthIndex, 1, offsetMs);
  const end = localStart(Number(match[1]), monthIndex + 1, 1, offsetMs);
  const converterFor = makeMinorConverters(baseCurrency, rates);
  const layerOf = new Map(streams.map((s) => [s.id, s.layer]));

  // Group by stream, keeping input order.
  const byStreamEvents = new Map<string, IncomeEventInput[]>();
  for (const event of events) {
    let list = byStreamEvents.get(event.streamId);
    if (!list) byStreamEvents.set(event.streamId, (list = []));
    list.push(event);
  }

  const result: MonthIncome = {
    month,
    baseCurrency,
    total: 0,
    byLayer: Object.fromEntries(LAYERS.map((l) => [l, 0])) as Record<Layer, number>,
    byStream: {},
    basis: {},
    excluded: [],
  };

  for (const [streamId, list] of byStreamEvents) {
    let monthEvent: IncomeEventInput | undefined;
    for (const event of list) {
      if (event.periodKey === month && (!monthEvent || event.at >= monthEvent.at)) monthEvent = event;
    }
    const counted = monthEvent
      ? [monthEvent]
      : list.filter((event) =>
          event.periodKey === undefined
            ? event.at >= start && event.at < end
            : DAY_KEY_RE.test(event.periodKey) && event.periodKey.startsWith(`${month}-`),
        );
    if (counted.length === 0) continue;
    const layer = layerOf.get(streamId);
    if (layer === undefined) {
      for (const event of counted) {
        result.excluded.push({ streamId, currency: event.amount.currency, reason: `stream "${streamId}" is unknown` });
      }
      continue;
    }
    let streamTotal = 0;
    let any = false;
    for (const event of counted) {
      const convert = converterFor(event.amount.currency);
      if (!convert) {
        result.excluded.push({
          streamId,
          currency: event.amount.currency,
          reason: `no exchange rate for ${event.amount.currency}`,
        });
        continue;
      }
      streamTotal += convert(event.amount.minor);
      any = true;
    }
    if (!any) continue;
    result.byStream[streamId] = streamTotal;
    result.basis[streamId] = monthEvent ? 'month' : 'days';
    result.byLayer[layer] += streamTotal;
    result.total += streamTotal;
  }
  return result;
}
