/**
 * Calendar months at a fixed local offset, for the plan's monthly figures.
 *
 * A month is written "YYYY-MM" (years 1900–2199 in practice; the schema's
 * range). Months are local calendar months at a fixed offset
 * `tzOffsetMinutes` east of UTC (+60 for CET), as in income.ts and
 * netWorth.ts: 2026-03-31T23:30Z with +60 is local 1 April, month "2026-04".
 */

const MONTH_RE = /^(\d{4})-(\d{2})$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The month as one integer, year × 12 + (month − 1), so consecutive months
 * are consecutive integers ("2026-01" − "2025-12" = 1). Throws for anything
 * that is not "YYYY-MM" with a month 01–12.
 */
export function monthNumber(month: string): number {
  const match = MONTH_RE.exec(month);
  const monthIndex = match ? Number(match[2]) - 1 : -1;
  if (!match || monthIndex < 0 || monthIndex > 11) throw new Error(`Month "${month}" is not of the form YYYY-MM`);
  return Number(match[1]) * 12 + monthIndex;
}

/** The "YYYY-MM" of a month number (the inverse of monthNumber). */
export function monthFromNumber(n: number): string {
  const year = Math.floor(n / 12);
  return `${pad(year, 4)}-${pad(n - year * 12 + 1)}`;
}

/** "YYYY-MM" of the local month the instant `at` (epoch ms) falls in. */
export function monthOf(at: number, tzOffsetMinutes: number): string {
  const local = new Date(at + tzOffsetMinutes * 60_000);
  return `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}`;
}

/**
 * `count` consecutive months ending with `month`, oldest first:
 * monthsEnding("2026-02", 3) = ["2025-12", "2026-01", "2026-02"].
 * A count of 0 (or less) gives [].
 */
export function monthsEnding(month: string, count: number): string[] {
  const last = monthNumber(month);
  const months: string[] = [];
  for (let n = last - Math.max(0, Math.floor(count)) + 1; n <= last; n++) months.push(monthFromNumber(n));
  return months;
}

/** Epoch ms of local midnight starting the 1st of `month`. */
export function monthStart(month: string, tzOffsetMinutes: number): number {
  return startOfMonthNumber(monthNumber(month), tzOffsetMinutes * 60_000);
}

/** Epoch ms of local midnight starting the 1st of month number `n`, at offset `offsetMs`. */
export function startOfMonthNumber(n: number, offsetMs: number): number {
  const year = Math.floor(n / 12);
  return Date.UTC(year, n - year * 12, 1) - offsetMs;
}

/**
 * Rounds to the nearest integer, exact halves to the even one (2.5 → 2,
 * 3.5 → 4, −2.5 → −2), as every averaged money figure of the plan is
 * reported. Exact for every half a double can hold, which includes any
 * integer sum divided by a small count (sum ÷ 2, ÷ 12 …).
 */
export function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const fraction = x - floor;
  const rounded = fraction > 0.5 ? floor + 1 : fraction < 0.5 ? floor : floor % 2 === 0 ? floor : floor + 1;
  return rounded === 0 ? 0 : rounded; // no -0
}
