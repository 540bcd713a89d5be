/**
 * Calendar days for tax dates: a `Day` is days since 1970-01-01 in the UTC
 * calendar, so "2026-11-24" is the same day in every time zone.
 */
import type { Day } from './types';

const MS_PER_DAY = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-11-24" → its Day, or null when it is not a real calendar date. */
export function parseDay(text: string): Day | null {
  const m = ISO_DAY.exec(text);
  if (m === null) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  return ms / MS_PER_DAY;
}

export function formatDay(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function yearOf(day: Day): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** The Day an epoch-ms timestamp falls on, in the UTC calendar (stored lots keep their trade date at 00:00 UTC). */
export function dayOfTimestamp(ms: number): Day {
  return Math.floor(ms / MS_PER_DAY);
}

export function timestampOfDay(day: Day): number {
  return day * MS_PER_DAY;
}

/**
 * The first day a holding counts as long-term: more than one year after it
 * started, so the day after its anniversary (IRS Publication 550: the holding
 * period starts the day after acquisition). A Feb 29 start has its
 * anniversary on Feb 28.
 */
export function firstLongTermDay(holdingFrom: Day): Day {
  const d = new Date(holdingFrom * MS_PER_DAY);
  const year = d.getUTCFullYear() + 1;
  const month = d.getUTCMonth();
  let date = d.getUTCDate();
  const lastOfMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  if (date > lastOfMonth) date = lastOfMonth;
  return Date.UTC(year, month, date) / MS_PER_DAY + 1;
}

export function termOf(holdingFrom: Day, sold: Day): 'short' | 'long' {
  return sold >= firstLongTermDay(holdingFrom) ? 'long' : 'short';
}
