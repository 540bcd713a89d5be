/**
 * How the Leaks view (options page) and the popup write recurring charges in
 * words: periods, calendar days, the next expected charge, duplicates, price
 * rises, the headline, the popup's one line and the category model's status.
 * Pure: no DOM; merchants, categories and reasons are the person's own data
 * and are returned as plain text, never markup.
 */
import { formatMoney, type Money } from '@/utils/money';
import { listAnd } from '@/utils/labels';
import type {
  CategoryGuess,
  DuplicateSubscription,
  IsoDate,
  LeakReport,
  Periodicity,
  PriceRise,
  RecurringCharge,
} from '@/utils/analytics/leak-types';

/** "Monthly": the table's period column. */
export const PERIOD_LABELS: Record<Periodicity, string> = {
  weekly: 'Weekly',
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  yearly: 'Yearly',
};

/** "a month": what one charge pays for ("$9.99 a month"). */
export const PERIOD_UNITS: Record<Periodicity, string> = {
  weekly: 'a week',
  monthly: 'a month',
  quarterly: 'a quarter',
  yearly: 'a year',
};

/** "$9.99 a month". */
export function perPeriodText(amount: Money, period: Periodicity, locale: string): string {
  return `${formatMoney(amount, locale)} ${PERIOD_UNITS[period]}`;
}

/** "2026-03-05" → "Mar 5, 2026" (the calendar day, whatever the time zone); the text itself when it is not a date. */
export function dayText(iso: IsoDate, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const at = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(at));
}

/** Today in the person's own calendar, YYYY-MM-DD. */
export function localIsoDate(now = new Date()): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A stored transaction's day (its `at` is noon UTC of that day). */
export function isoDateOfTimestamp(at: number): IsoDate {
  return new Date(at).toISOString().slice(0, 10);
}

/**
 * The "next expected" column: the date when the charge is still running,
 * "late" when that date has passed without a charge (but not by half a
 * period yet), and "Seems cancelled" when the detector judged it stopped.
 */
export function nextExpectedText(charge: Pick<RecurringCharge, 'active' | 'nextExpected' | 'lastDate'>, asOf: IsoDate, locale: string): string {
  if (!charge.active) return `Seems cancelled (last charged ${dayText(charge.lastDate, locale)})`;
  const next = dayText(charge.nextExpected, locale);
  return charge.nextExpected < asOf ? `${next} (late: not charged yet)` : next;
}

/** A percent written as a number (14.3 for 14.3 %) → "+14.3%"; one decimal at most. */
export function percentText(percent: number, locale: string, signed = true): string {
  const format = new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: 1,
    ...(signed ? { signDisplay: 'exceptZero' as const } : {}),
  });
  // Rounded to one decimal first so 14.299999 from the division prints as 14.3.
  return format.format(Math.round(percent * 10) / 1000);
}

/** "$9.99 → $11.49" and "+$1.50 (+15%)" for a price rise. */
export function priceRiseText(rise: PriceRise, locale: string): { change: string; increase: string; yearly: string } {
  return {
    change: `${formatMoney(rise.from, locale)} → ${formatMoney(rise.to, locale)}`,
    increase: `${formatMoney(rise.increase, locale, { signDisplay: 'exceptZero' })} (${percentText(rise.percent, locale)})`,
    yearly: `${formatMoney(rise.yearlyIncrease, locale, { signDisplay: 'exceptZero' })} a year`,
  };
}

export const DUPLICATE_KIND_LABELS: Record<DuplicateSubscription['kind'], string> = {
  'same-merchant': 'Charged more than once',
  'same-category': 'Same kind of service',
};

/**
 * A duplicate as the page shows it: a title naming the merchants (their
 * names for people, the key when the charge is not in the report) with the
 * kind, and the detector's reason (a plain sentence of its own when it gave none).
 */
export function duplicateText(duplicate: DuplicateSubscription, merchantOf: (key: string) => string | undefined): { title: string; reason: string } {
  const names = [...new Set(duplicate.keys.map((key) => merchantOf(key) ?? key))];
  const title = `${listAnd(names)}: ${DUPLICATE_KIND_LABELS[duplicate.kind].toLowerCase()}`;
  const given = duplicate.reason.trim();
  if (given) return { title, reason: given };
  const reason =
    duplicate.kind === 'same-merchant' || names.length < 2
      ? `${listAnd(names)} is charged more than once.`
      : `${listAnd(names)} are the same kind of service; one may be enough.`;
  return { title, reason };
}

/** "Account A and Account B" (names when known, else the id); "—" for none. */
export function accountsText(ids: readonly string[], names: Readonly<Record<string, string>>): string {
  return ids.length ? listAnd(ids.map((id) => names[id] ?? id)) : '—';
}

/** How a transaction's category was decided: "you", "your rule “netflix”", "learned, 82% sure". */
export function guessText(guess: CategoryGuess | undefined, rulePattern?: (ruleId: string) => string | undefined): string {
  if (!guess) return 'no category';
  if (guess.by === 'you') return 'set by you';
  if (guess.by === 'rule') {
    const pattern = guess.ruleId ? rulePattern?.(guess.ruleId) : undefined;
    return pattern ? `your rule “${pattern}”` : 'your rule';
  }
  if (guess.confidence === undefined) return 'learned';
  return `learned, ${Math.round(guess.confidence * 100)}% sure`;
}

/** The classifier's status line. */
export function modelStatusText(trainedOn: number, categoryCount: number): string {
  if (trainedOn === 0) {
    return 'Nothing learned yet: set the category of a few transactions below and Strata learns from them. The model never leaves this browser.';
  }
  const labels = trainedOn === 1 ? '1 of your labels' : `${trainedOn} of your labels`;
  const categories = categoryCount === 1 ? '1 category' : `${categoryCount} categories`;
  return `Learned from ${labels} across ${categories}; it never leaves this browser.`;
}

/** "Not counted: charges in EUR and GBP — set their exchange rate in Settings." (empty for none). */
export function excludedText(currencies: readonly string[]): string {
  if (!currencies.length) return '';
  const their = currencies.length === 1 ? 'its exchange rate' : 'their exchange rates';
  return `Not counted in the totals: charges in ${listAnd(currencies)} — set ${their} in Settings.`;
}

/** "12 charges" for the history toggle. */
export function chargeCountText(count: number): string {
  return count === 1 ? '1 charge' : `${count} charges`;
}

/**
 * The popup's line: undefined when there is no yearly total (nothing is
 * shown then), else "Recurring charges: $1,234.56 a year" and, when
 * something could be saved, "$240.00 could be saved".
 */
export function popupLeaksLine(report: Pick<LeakReport, 'yearlyTotal' | 'yearlySavings'> | undefined, locale: string): { total: string; savings?: string } | undefined {
  if (!report || report.yearlyTotal.minor <= 0) return undefined;
  const total = `Recurring charges: ${formatMoney(report.yearlyTotal, locale)} a year`;
  return report.yearlySavings.minor > 0 ? { total, savings: `${formatMoney(report.yearlySavings, locale)} could be saved` } : { total };
}

/** The headline's saving sentence. */
export function savingsText(report: Pick<LeakReport, 'yearlySavings' | 'unused' | 'duplicates'>, locale: string): string {
  if (report.yearlySavings.minor <= 0) {
    return report.unused.length === 0 && report.duplicates.length === 0
      ? 'Nothing marked unused and no duplicates found. Tick “Unused” on a charge you no longer use to see what cancelling it saves.'
      : 'Nothing to save from what is marked.';
  }
  return `${formatMoney(report.yearlySavings, locale)} a year if you cancel the charges marked unused and the extra duplicates.`;
}
