/**
 * Reading one cell of a price file: decimal prices into exact integer
 * micro-units, share volumes, dates; and printing micro-units back.
 *
 * Conventions: prices are read digit by digit, never through a float
 * product (318.600006 → 318_600_006, where 318.600006 × 1e6 in floating
 * point is 318600005.99999994); beyond 6 decimals they are rounded half to
 * even. A failed read is a negative code (CELL_*), so the hot loop allocates
 * nothing per cell.
 */
import type { Day } from '../portfolio/types';
import type { PriceMicros } from './types';

export const MICROS = 1_000_000;
const MS_PER_DAY = 86_400_000;

export const CELL_MISSING = -1;
export const CELL_NEGATIVE = -2;
export const CELL_INVALID = -3;
export const CELL_LARGE = -4;

const MISSING = new Set(['', 'null', 'nan', 'n/a', 'na', '-', '—']);

/** "", "null", "NaN", "N/A", "-": how exports write a price that does not exist. */
export function isMissingCell(text: string): boolean {
  return MISSING.has(text.toLowerCase());
}

/** Counts the prices that had digits beyond the 6th decimal. */
export interface RoundingTally {
  rounded: number;
}

/**
 * "1234.5", "1,234.50" (thousands groups of 3), "+2", ".5" → micro-units
 * (≥ 0); otherwise CELL_MISSING, CELL_NEGATIVE, CELL_INVALID or CELL_LARGE
 * (more than 10 digits before the point).
 */
export function readDecimal(text: string, tally: RoundingTally): number {
  const n = text.length;
  let i = 0;
  const sign = text.charCodeAt(0);
  if (sign === 45 || sign === 43) i = 1; // '-' '+'
  let whole = 0;
  let digits = 0;
  let group = -1; // digits since the last ',' (-1: no ',' yet)
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      whole = whole * 10 + (c - 48);
      digits++;
      if (group >= 0) group++;
    } else if (c === 44) {
      if (group < 0 ? digits < 1 || digits > 3 : group !== 3) return CELL_INVALID;
      group = 0;
    } else break;
  }
  if (group >= 0 && group !== 3) return CELL_INVALID;
  let frac = 0;
  let fracDigits = 0;
  let roundDigit = -1; // the 7th decimal
  let sticky = false; // a non-zero digit after the 7th decimal
  if (i < n && text.charCodeAt(i) === 46) {
    for (i++; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      if (fracDigits < 6) frac = frac * 10 + (c - 48);
      else if (fracDigits === 6) roundDigit = c - 48;
      else if (c !== 48) sticky = true;
      fracDigits++;
    }
  }
  if (i < n || digits + fracDigits === 0) return isMissingCell(text) ? CELL_MISSING : CELL_INVALID;
  if (whole >= 1e10) return CELL_LARGE;
  for (let k = fracDigits; k < 6; k++) frac *= 10;
  let micros = whole * MICROS + frac;
  if (roundDigit > 0 || sticky) {
    tally.rounded++;
    if (roundDigit > 5 || (roundDigit === 5 && (sticky || micros % 2 === 1))) micros++;
  }
  return sign === 45 && micros > 0 ? CELL_NEGATIVE : micros;
}

const VOLUME_PLAIN = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.0*)?$/;
const VOLUME_SCALED = /^(\d+)(?:\.(\d+))?([KMB])$/i;
const SCALE_DIGITS: Record<string, number> = { K: 3, M: 6, B: 9 };

/** A whole, non-negative number of shares ("1234", "1,234,567", "52.34M"), or null. */
export function readVolume(text: string): number | null {
  let digits: string;
  const plain = VOLUME_PLAIN.exec(text);
  if (plain !== null) digits = plain[1]!.replace(/,/g, '');
  else {
    const scaled = VOLUME_SCALED.exec(text);
    if (scaled === null) return null;
    const frac = (scaled[2] ?? '').replace(/0+$/, '');
    const shift = SCALE_DIGITS[scaled[3]!.toUpperCase()]!;
    if (frac.length > shift) return null;
    digits = scaled[1]! + frac + '0'.repeat(shift - frac.length);
  }
  const value = Number(digits);
  return Number.isSafeInteger(value) ? value : null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** The number written by text[from, to) when it is all digits, else -1. */
function digitsOf(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

/** The Day of a calendar date, or null when it does not exist (2024-02-30). */
function calendarDay(year: number, month: number, date: number): Day | null {
  if (year < 1000 || month < 1 || month > 12 || date < 1) return null;
  const ms = Date.UTC(year, month - 1, date);
  if (date > 28 && new Date(ms).getUTCDate() !== date) return null;
  return ms / MS_PER_DAY;
}

/** "2024-06-10", "2024-06-10 00:00:00-04:00", "2024-06-10T00:00:00Z" or "06/10/2024" → Day; otherwise the reason. */
export function readDate(text: string): Day | string {
  if (text === '') return 'The date is empty.';
  if (text.length === 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45) {
    // Fast path for the common "YYYY-MM-DD".
    const year = digitsOf(text, 0, 4);
    const month = digitsOf(text, 5, 7);
    const date = digitsOf(text, 8, 10);
    if (year >= 0 && month >= 0 && date >= 0) return calendarDay(year, month, date) ?? `Date "${text}" is not a real calendar date.`;
  }
  const iso = ISO_DATE.exec(text);
  if (iso !== null) {
    const [, year, month, date, hh, mm, ss, fraction] = iso;
    const midnight = (hh ?? '00') === '00' && (mm ?? '00') === '00' && (ss ?? '00') === '00' && !/[1-9]/.test(fraction ?? '');
    if (!midnight) {
      return `Date "${text}" has a time of day (${hh}:${mm}${ss === undefined ? '' : `:${ss}`}): this reads one bar a day, dated without a time or at 00:00:00.`;
    }
    return calendarDay(Number(year), Number(month), Number(date)) ?? `Date "${text}" is not a real calendar date.`;
  }
  const us = US_DATE.exec(text);
  if (us !== null) {
    return calendarDay(Number(us[3]), Number(us[1]), Number(us[2])) ?? `Date "${text}" is not a real calendar date (read as MM/DD/YYYY).`;
  }
  return `Date "${text}" is not in a format this reads: use YYYY-MM-DD or MM/DD/YYYY.`;
}

/** Micro-units → "123.45", "0.000123", "120.00": exact, at least 2 decimals, no trailing zeros beyond. */
export function formatPriceMicros(micros: PriceMicros): string {
  const rounded = Math.round(micros);
  const abs = Math.abs(rounded);
  const frac = String(abs % MICROS).padStart(6, '0').replace(/0{1,4}$/, '');
  return `${rounded < 0 ? '-' : ''}${Math.floor(abs / MICROS)}.${frac}`;
}

/** For sentences: cents with thousands separators from 1.00 up ("1,068.02"), all decimals below ("0.000123"). */
export function formatForPeople(micros: PriceMicros): string {
  const shown = Math.abs(micros) >= MICROS ? Math.round(micros / 10_000) * 10_000 : micros;
  return formatPriceMicros(shown).replace(/^(-?\d+)/, (whole) => whole.replace(/\B(?=(\d{3})+$)/g, ','));
}
