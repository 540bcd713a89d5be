/**
 * Local calendar dates ("YYYY-MM-DD", what <input type="date"> holds) and
 * epoch milliseconds, converted with an explicit offset from UTC in minutes
 * (east positive, i.e. `-new Date().getTimezoneOffset()`), so the logic is
 * pure and testable in Node.
 */
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type DateResult = { ok: true; y: number; m: number; d: number } | { ok: false; reason: string };

export function parseDateInput(text: string): DateResult {
  const match = DATE_RE.exec(text.trim());
  if (!match) return { ok: false, reason: 'Date must be a date such as 2026-11-24' };
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) {
    return { ok: false, reason: `Date ${text.trim()} does not exist` };
  }
  if (y < 1900) return { ok: false, reason: 'Date is before 1900' };
  return { ok: true, y, m, d };
}

/** The local calendar date of an instant, as "YYYY-MM-DD". */
export function toDateInput(epochMs: number, tzOffsetMinutes: number): string {
  const local = new Date(epochMs + tzOffsetMinutes * 60_000);
  const y = local.getUTCFullYear();
  const m = String(local.getUTCMonth() + 1).padStart(2, '0');
  const d = String(local.getUTCDate()).padStart(2, '0');
  return `${String(y).padStart(4, '0')}-${m}-${d}`;
}

/** Epoch ms of local midday on a calendar date. */
export function localNoon(date: { y: number; m: number; d: number }, tzOffsetMinutes: number): number {
  return Date.UTC(date.y, date.m - 1, date.d, 12) - tzOffsetMinutes * 60_000;
}
