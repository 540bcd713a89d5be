/**
 * Dates as exports write them, read into calendar days (YYYY-MM-DD):
 * ISO ("2026-11-24", with a time or offset after it), compact ("20261124",
 * OFX's "20261124120000.000[-5:EST]"), numeric with "/", "." or "-" in the
 * file's order (MM/DD/YYYY, DD/MM/YYYY, DD.MM.YYYY; two-digit years are
 * 20YY), and with month names ("Nov 24, 2026", "24 Nov 2026",
 * "24-Nov-2026", "November 24, 2026"). A time after the date is ignored:
 * the file's own day is kept, never shifted to another time zone.
 *
 * Which order a numeric file uses is read from the file itself
 * (resolveDateOrder): a first number above 12 means day first, a second
 * above 12 means month first. A file whose dates never say is read month
 * first for "/" and day first for "." — and the preview shows that
 * assumption so the person can switch it.
 */
import type { DateOrder, IsoDate } from './types';

export type DateParse = { ok: true; date: IsoDate } | { ok: false; reason: string };

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s,;])/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:$|[\d.\[;\s T])/;
const NUMERIC = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:$|[\s,T])/;
const MONTH_FIRST = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:$|[\s,T])/;
const DAY_FIRST = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]([A-Za-z]{3,9})\.?[\s-](\d{4}|\d{2})(?:$|[\s,T])/;

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function year(text: string): number {
  const n = Number(text);
  return text.length === 2 ? 2000 + n : n;
}

/** The day, or why it is not a real calendar day. */
function day(y: number, m: number, d: number, text: string): DateParse {
  if (m < 1 || m > 12) return { ok: false, reason: `"${text}" has no month ${m}` };
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d < 1 || d > last) return { ok: false, reason: `"${text}" is not a real date (${y}-${pad(m)} has ${last} days)` };
  if (y < 1900 || y > 2200) return { ok: false, reason: `"${text}" is outside the years 1900–2200` };
  return { ok: true, date: `${y}-${pad(m)}-${pad(d)}` };
}

/**
 * Reads one date. `order` says how to read numeric dates such as 03/04/2026
 * (default month first); ISO, compact and month-name dates read the same
 * whatever the order.
 */
export function parseDate(raw: string, order: DateOrder = 'MDY'): DateParse {
  const text = raw.trim().replace(/^"|"$/g, '');
  if (text === '') return { ok: false, reason: 'the date is empty' };
  let m = ISO.exec(text);
  if (m) return day(Number(m[1]), Number(m[2]), Number(m[3]), text);
  m = COMPACT.exec(text);
  if (m) return day(Number(m[1]), Number(m[2]), Number(m[3]), text);
  m = NUMERIC.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const y = year(m[4]!);
    if (order === 'DMY') return day(y, b, a, text);
    return day(y, a, b, text);
  }
  m = MONTH_FIRST.exec(text);
  if (m && MONTHS[m[1]!.toLowerCase()] !== undefined) return day(Number(m[3]), MONTHS[m[1]!.toLowerCase()]!, Number(m[2]), text);
  m = DAY_FIRST.exec(text);
  if (m && MONTHS[m[2]!.toLowerCase()] !== undefined) return day(year(m[3]!), MONTHS[m[2]!.toLowerCase()]!, Number(m[1]), text);
  return { ok: false, reason: `"${text}" is not a date Strata reads (such as 2026-11-24, 11/24/2026 or 24.11.2026)` };
}

export interface DateOrderResolution {
  order: DateOrder;
  /** True when the file's dates never said (no day above 12): the order is the default for their separator. */
  assumed: boolean;
  /** A sentence for the preview: "Dates read as day/month/year: 24/11/2026 can only be read that way." */
  explanation: string;
  /** Set when the file's dates contradict each other (one must be month first, another day first). */
  conflict?: string;
}

/**
 * The order of a file's numeric dates, from all its date values. ISO,
 * compact and month-name dates take no part. `fallback` is the order used
 * when the dates never say (US exports: MDY); without one, "." dates default
 * to day first and "/" or "-" dates to month first.
 */
export function resolveDateOrder(values: readonly string[], fallback?: DateOrder): DateOrderResolution {
  let monthFirst: string | undefined;
  let dayFirst: string | undefined;
  let separator: string | undefined;
  let numeric = 0;
  for (const raw of values) {
    const m = NUMERIC.exec(raw.trim());
    if (!m) continue;
    numeric++;
    separator ??= m[2];
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (a > 12 && b <= 12) dayFirst ??= raw.trim();
    else if (b > 12 && a <= 12) monthFirst ??= raw.trim();
    if (monthFirst && dayFirst) break;
  }
  if (numeric === 0) return { order: fallback ?? 'YMD', assumed: false, explanation: 'Dates are written year first.' };
  if (monthFirst && dayFirst) {
    return {
      order: fallback ?? 'MDY',
      assumed: true,
      explanation: 'The dates disagree on their order.',
      conflict: `The file's dates disagree: ${monthFirst} can only be month/day/year, ${dayFirst} can only be day/month/year.`,
    };
  }
  if (dayFirst) return { order: 'DMY', assumed: false, explanation: `Dates read as day/month/year: ${dayFirst} can only be read that way.` };
  if (monthFirst) return { order: 'MDY', assumed: false, explanation: `Dates read as month/day/year: ${monthFirst} can only be read that way.` };
  const order: DateOrder = fallback ?? (separator === '.' ? 'DMY' : 'MDY');
  const words = order === 'DMY' ? 'day/month/year' : 'month/day/year';
  if (fallback) return { order, assumed: false, explanation: `Dates read as ${words}, the way this layout writes them.` };
  return {
    order,
    assumed: true,
    explanation: `Dates read as ${words}: no date in the file has a day above 12, so this is an assumption. Switch the date order if it is wrong.`,
  };
}
