/**
 * Days and months for the demo generator. Every instant is a UTC noon (the
 * same convention as imports, utils/db/import-plan.ts noonOf), so a record
 * falls on the same calendar day in every time zone from UTC−11 to UTC+11.
 */
import { noonOf } from '@/utils/db/import-plan';
import type { DemoMonth } from './types';

export { noonOf };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "2026-11-24" for year 2026, month 11 (1–12), day 24. */
export function isoDay(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** The UTC day of an instant, "2026-11-24". */
export function utcDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Every month from firstDay's to today's, oldest first. */
export function monthsFrom(firstDay: string, today: string): DemoMonth[] {
  const months: DemoMonth[] = [];
  let year = Number(firstDay.slice(0, 4));
  let month = Number(firstDay.slice(5, 7));
  const lastKey = today.slice(0, 7);
  for (;;) {
    const key = `${pad(year, 4)}-${pad(month)}`;
    months.push({ key, year, month, days: daysInMonth(year, month), current: key === lastKey });
    if (key >= lastKey) break;
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** The first of the month `count` months before `day`'s month: firstOfMonthBefore("2026-11-24", 36) = "2023-11-01". */
export function firstOfMonthBefore(day: string, count: number): string {
  const index = Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1 - count;
  return isoDay(Math.floor(index / 12), (index % 12) + 1, 1);
}

/** The day `n` days after `day` (n may be negative). */
export function addDays(day: string, n: number): string {
  return utcDay(noonOf(day) + n * 86_400_000);
}

/** Monday to Friday (no holidays: the demo's markets never close). */
export function isWeekday(day: string): boolean {
  const weekday = new Date(noonOf(day)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** Every weekday from `first` to `last`, both included. */
export function weekdaysBetween(first: string, last: string): string[] {
  const days: string[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) if (isWeekday(day)) days.push(day);
  return days;
}

/** A day of a month, clamped to the month's length and to today: the 31st of February is the 28th/29th. */
export function dayOf(month: DemoMonth, day: number, today: string): string | undefined {
  const iso = isoDay(month.year, month.month, Math.min(day, month.days));
  return iso <= today ? iso : undefined;
}
