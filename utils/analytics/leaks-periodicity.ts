/**
 * The arithmetic of recurring charges: calendar days, the four periods, whether
 * a series of charge dates repeats at one of them, whether its amounts stay at
 * one level (or step to a new one and stay there), and its price rises.
 *
 * Days are whole days since 1970-01-01 (UTC calendar days, no time zones).
 */
import type { IsoDate, Periodicity } from './leak-types';

export interface PeriodSpec {
  period: Periodicity;
  /** An interval of lo..hi days (inclusive) is one period. */
  lo: number;
  hi: number;
  /** Calendar months per period (0 for weekly: 7 days). */
  months: number;
  perYear: number;
  /** Half a period in days: how late the next charge may be before the charge seems cancelled. */
  halfDays: number;
  /** The fewest charges that can show the period. */
  minCharges: number;
}

/**
 * Monthly 28–33 days also covers month ends: Jan 31 → Feb 28 is 28 days,
 * Feb 28 → Mar 31 is 31, Apr 30 → May 31 is 31.
 */
export const PERIODS: readonly PeriodSpec[] = [
  { period: 'weekly', lo: 5, hi: 9, months: 0, perYear: 52, halfDays: 3.5, minCharges: 3 },
  { period: 'monthly', lo: 28, hi: 33, months: 1, perYear: 12, halfDays: 15, minCharges: 3 },
  { period: 'quarterly', lo: 85, hi: 97, months: 3, perYear: 4, halfDays: 45, minCharges: 2 },
  { period: 'yearly', lo: 355, hi: 375, months: 12, perYear: 1, halfDays: 182, minCharges: 2 },
];

/** Share of intervals that must be one period long (one interval of two periods — a missed charge — counts). */
export const FIT_SHARE = 0.75;

const MS_PER_DAY = 86_400_000;

/** 'YYYY-MM-DD' → days since 1970-01-01 (proleptic Gregorian, by arithmetic: no Date objects). */
export function dayNumber(date: IsoDate): number {
  const year = digitsAt(date, 0, 4);
  const m = digitsAt(date, 5, 7);
  const d = digitsAt(date, 8, 10);
  // Days from civil (H. Hinnant): years start on 1 March so the leap day is last.
  const y = m <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((m + 9) % 12) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function digitsAt(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) value = value * 10 + (text.charCodeAt(i) - 48);
  return value;
}

/** Days since 1970-01-01 → 'YYYY-MM-DD'. */
export function isoFromDay(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `date` plus `months` calendar months on day `anchorDay`, clamped to the month's end (Jan 31 + 1 → Feb 28). */
export function addMonths(date: IsoDate, months: number, anchorDay: number): IsoDate {
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(anchorDay, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The day of the month a monthly, quarterly or yearly series is billed on:
 * the last charge's day, unless that day is its month's last and an earlier
 * charge fell later in its month (Jan 31, Feb 28, Mar 31, Apr 30 → 31).
 */
export function anchorDay(dates: readonly IsoDate[]): number {
  const last = dates[dates.length - 1] as IsoDate;
  let anchor = Number(last.slice(8, 10));
  if (anchor !== daysInMonth(Number(last.slice(0, 4)), Number(last.slice(5, 7)))) return anchor;
  for (let i = Math.max(0, dates.length - 4); i < dates.length - 1; i++) {
    anchor = Math.max(anchor, Number((dates[i] as IsoDate).slice(8, 10)));
  }
  return anchor;
}

/** The next charge date after `dates` (sorted) at the period. */
export function nextExpectedDate(dates: readonly IsoDate[], spec: PeriodSpec): IsoDate {
  const last = dates[dates.length - 1] as IsoDate;
  if (spec.months === 0) return isoFromDay(dayNumber(last) + 7);
  return addMonths(last, spec.months, anchorDay(dates));
}

/**
 * The period the sorted days repeat at, if any: at least `minCharges`
 * charges, and at least 75 % of the intervals one period long, where one
 * interval of two periods (a missed charge) also counts.
 */
export function detectPeriod(days: readonly number[]): PeriodSpec | undefined {
  const intervals = days.length - 1;
  if (intervals < 1) return undefined;
  // The most intervals that may be off the period; past that, the period is ruled out early.
  const allowedMisfits = intervals - Math.ceil(FIT_SHARE * intervals);
  for (const spec of PERIODS) {
    if (days.length < spec.minCharges) continue;
    let misfits = 0;
    let missed = 0;
    for (let i = 1; i < days.length && misfits <= allowedMisfits; i++) {
      const gap = (days[i] as number) - (days[i - 1] as number);
      if (gap >= spec.lo && gap <= spec.hi) continue;
      if (missed === 0 && gap >= 2 * spec.lo && gap <= 2 * spec.hi) missed++;
      else misfits++;
    }
    if (misfits <= allowedMisfits) return spec;
  }
  return undefined;
}

/** How far a charge may be from its level: the larger of 10 % and 1.00 in major units. */
export function tolerance(level: number, digits: number): number {
  return Math.max(Math.round(Math.abs(level) / 10), 10 ** digits);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : Math.round(((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2);
}

/**
 * Whether the amounts (positive minor units, in date order) are one
 * subscription's: all within tolerance of their median, or — when steps are
 * allowed — a few levels one after the other, each change followed by charges
 * staying at the new level (a price rise). Levels in the middle need at least
 * two charges, and there are at most max(2, ⌈n / 4⌉) of them.
 */
export function amountsHold(amounts: readonly number[], digits: number, allowSteps: boolean): boolean {
  const mid = median(amounts);
  const tol = tolerance(mid, digits);
  if (amounts.every((a) => Math.abs(a - mid) <= tol)) return true;
  if (!allowSteps) return false;
  const lengths: number[] = [];
  let level = amounts[0] as number;
  let length = 0;
  for (const a of amounts) {
    if (Math.abs(a - level) <= tolerance(level, digits)) {
      length++;
    } else {
      lengths.push(length);
      level = a;
      length = 1;
    }
  }
  lengths.push(length);
  if (lengths.length > Math.max(2, Math.ceil(amounts.length / 4))) return false;
  for (let i = 1; i < lengths.length - 1; i++) if ((lengths[i] as number) < 2) return false;
  return true;
}

/** Within 1 % of `level`. */
function near(a: number, level: number): boolean {
  return Math.abs(a - level) * 100 <= level;
}

/**
 * Indices i where the price rose from amounts[i − 1] to amounts[i] and held:
 * the rise is more than 1 %, the charge before was at the old level (±1 %)
 * when there is one, and the next charge, when there is one, is at the new
 * level (±1 %).
 */
export function priceRiseIndices(amounts: readonly number[]): number[] {
  const found: number[] = [];
  for (let i = 1; i < amounts.length; i++) {
    const from = amounts[i - 1] as number;
    const to = amounts[i] as number;
    if (to <= from || near(to, from)) continue;
    if (i >= 2 && !near(amounts[i - 2] as number, from)) continue;
    if (i + 1 < amounts.length && !near(amounts[i + 1] as number, to)) continue;
    found.push(i);
  }
  return found;
}
