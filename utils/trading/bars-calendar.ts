/**
 * The NYSE holiday calendar and the gaps between the bars of a price file.
 *
 * Conventions: a `Day` is days since 1970-01-01 in the UTC calendar
 * (utils/portfolio/dates.ts); weekdays are 0 = Sunday … 6 = Saturday.
 *
 * The calendar follows today's NYSE rules (Rule 7.2): a holiday on a Sunday
 * is observed on the Monday, on a Saturday on the Friday before — except New
 * Year's Day, whose Saturday is not moved to Friday Dec 31 (the end of the
 * accounting year). Rules that changed are dated: Martin Luther King Jr. Day
 * since 1998, Juneteenth since 2022. Older history is not modelled (the
 * Monday holidays before 1971, Lincoln's Birthday, Election Day, Saturday
 * sessions before 1952), and neither are one-off closures (national days of
 * mourning, 9/11, Hurricane Sandy): a file that skips those days shows a gap
 * of one day there.
 */
import type { Day } from '../portfolio/types';
import type { BarGap } from './types';

const MS_PER_DAY = 86_400_000;

/** 0 = Sunday … 6 = Saturday. 1970-01-01 (Day 0) was a Thursday. */
export function weekdayOf(day: Day): number {
  return (((day + 4) % 7) + 7) % 7;
}

const isWeekend = (day: Day) => {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
};

const dayOf = (year: number, month: number, date: number): Day => Date.UTC(year, month - 1, date) / MS_PER_DAY;

/** The `n`th (1-based) `weekday` of a month. */
function nthWeekday(year: number, month: number, weekday: number, n: number): Day {
  const first = dayOf(year, month, 1);
  return first + ((weekday - weekdayOf(first) + 7) % 7) + (n - 1) * 7;
}

function lastWeekday(year: number, month: number, weekday: number): Day {
  const last = dayOf(year, month + 1, 0);
  return last - ((weekdayOf(last) - weekday + 7) % 7);
}

/** Easter Sunday, anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): Day {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const date = ((h + l - 7 * m + 114) % 31) + 1;
  return dayOf(year, month, date);
}

/** A fixed-date holiday moved off the weekend: Saturday → Friday, Sunday → Monday. */
function observed(day: Day): Day {
  const w = weekdayOf(day);
  return w === 6 ? day - 1 : w === 0 ? day + 1 : day;
}

function holidaysOf(year: number): Set<Day> {
  const days = new Set<Day>();
  const newYear = dayOf(year, 1, 1);
  // Saturday Jan 1: no Friday closure on Dec 31 (NYSE keeps the year-end session).
  if (weekdayOf(newYear) !== 6) days.add(observed(newYear));
  if (year >= 1998) days.add(nthWeekday(year, 1, 1, 3)); // Martin Luther King Jr. Day
  days.add(nthWeekday(year, 2, 1, 3)); // Washington's Birthday
  days.add(easterSunday(year) - 2); // Good Friday
  days.add(lastWeekday(year, 5, 1)); // Memorial Day
  if (year >= 2022) days.add(observed(dayOf(year, 6, 19))); // Juneteenth
  days.add(observed(dayOf(year, 7, 4))); // Independence Day
  days.add(nthWeekday(year, 9, 1, 1)); // Labor Day
  days.add(nthWeekday(year, 11, 4, 4)); // Thanksgiving
  days.add(observed(dayOf(year, 12, 25))); // Christmas
  return days;
}

const holidayCache = new Map<number, Set<Day>>();

/** true when `day` is a weekday the NYSE is closed for a regular holiday (weekends are not holidays). */
export function nyseHoliday(day: Day): boolean {
  if (isWeekend(day)) return false;
  const year = new Date(day * MS_PER_DAY).getUTCFullYear();
  let days = holidayCache.get(year);
  if (days === undefined) {
    days = holidaysOf(year);
    holidayCache.set(year, days);
  }
  return days.has(day);
}

/** A weekday that is not an NYSE holiday. */
export function isNyseTradingDay(day: Day): boolean {
  return !isWeekend(day) && !nyseHoliday(day);
}

/**
 * Missing days between consecutive `dates` (sorted ascending). When any date
 * is a Saturday or Sunday the file trades every day (crypto) and every
 * missing calendar day counts; otherwise only NYSE trading days count.
 */
export function findGaps(dates: ArrayLike<Day>): BarGap[] {
  let everyDay = false;
  for (let i = 0; i < dates.length; i++) {
    if (isWeekend(dates[i]!)) {
      everyDay = true;
      break;
    }
  }
  const gaps: BarGap[] = [];
  for (let i = 1; i < dates.length; i++) {
    const after = dates[i - 1]!;
    const before = dates[i]!;
    if (before - after <= 1) continue;
    let missing = 0;
    if (everyDay) missing = before - after - 1;
    else for (let d = after + 1; d < before; d++) if (isNyseTradingDay(d)) missing++;
    if (missing > 0) gaps.push({ after, before, missing });
  }
  return gaps;
}
