/**
 * What the demo household's two content properties earn, month by month —
 * the model the Leverage records (leverage.ts) are written from, and that
 * tests check the analytics against.
 *
 * Both follow the same shape: a BUILD PHASE of months of work that earn
 * nothing, then growth along an S-curve (slow, then fast, then levelling
 * off) × a seasonal factor (the Q4 shopping and advertising bump, a January
 * dip) × noise (e^(0.1·N(0,1)), kept within 0.75–1.3). Amounts are cents.
 *
 * Blog (Amazon Associates commission): started BLOG_START_MONTHS_AGO months
 * before today's month; nothing for BLOG_BUILD_MONTHS months; then month k
 * (0 = the first month with commission) earns 1,000 / (1 + e^(−(k − 8)/3))
 * dollars × season × noise. The month in progress shows the month-to-date
 * figure: the month's amount × (today's day ÷ the month's days), rounded.
 *
 * YouTube (AdSense ad revenue): started YOUTUBE_START_MONTHS_AGO months ago;
 * monetized after YOUTUBE_BUILD_MONTHS months; then month k earns
 * 700 / (1 + e^(−(k − 6)/2.5)) dollars × season × noise. AdSense pays on
 * the 21st of the next month what was earned up to the end of the month
 * before, once that unpaid balance is at least $100 (below it, the money
 * waits for the next month). Sponsored videos: at k = 5, 9, 12 and 14, paid
 * on the 12th of that month, 400 + 40·k dollars rounded to the nearest $50.
 * Pure: only the Random passed in (and the months) decide the figures.
 */
import type { Random } from '@/utils/analytics/random';
import { isoDay } from './calendar';
import type { DemoMonth } from './types';

export const BLOG_START_MONTHS_AGO = 30;
export const BLOG_BUILD_MONTHS = 8;
export const YOUTUBE_START_MONTHS_AGO = 20;
export const YOUTUBE_BUILD_MONTHS = 6;
export const ADSENSE_THRESHOLD_CENTS = 10_000;
export const ADSENSE_PAY_DAY = 21;
export const SPONSOR_PAY_DAY = 12;
export const SPONSORED_MONTHS: readonly number[] = [5, 9, 12, 14];

/** Affiliate shopping peaks in November and December (and Prime Day in July). */
const BLOG_SEASON = [0.85, 0.85, 0.92, 0.95, 0.97, 0.95, 1.05, 0.95, 0.97, 1.05, 1.45, 1.6];
/** Advertisers pay most per view in Q4 and least in January. */
const YOUTUBE_SEASON = [0.75, 0.85, 0.95, 0.95, 1.0, 0.95, 0.95, 1.0, 1.05, 1.15, 1.3, 1.45];

export interface EarningMonth {
  month: DemoMonth;
  /** Months since the first earning month (0 for it). */
  k: number;
  /** What the whole month earns, cents. */
  fullCents: number;
  /** What has been earned by today: the full amount for a past month, month to date for the current one. */
  toDateCents: number;
}

export interface Payment {
  /** "YYYY-MM-DD", never after today. */
  day: string;
  cents: number;
  /** The month it lands in. */
  month: DemoMonth;
}

export interface YoutubeModel {
  earnings: EarningMonth[];
  /** AdSense payouts (ad revenue). */
  payouts: Payment[];
  sponsorships: (Payment & { k: number })[];
}

/** Index into ctx.months of the month `monthsAgo` before the current one. */
export const monthIndexAgo = (months: readonly DemoMonth[], monthsAgo: number) => months.length - 1 - monthsAgo;

function noise(random: Random): number {
  return Math.min(1.3, Math.max(0.75, Math.exp(0.1 * random.normal())));
}

/** The S-curve month k sits on, dollars. */
const sCurve = (cap: number, k: number, midpoint: number, width: number) => cap / (1 + Math.exp(-(k - midpoint) / width));

function earningMonths(
  months: readonly DemoMonth[],
  firstIndex: number,
  today: string,
  random: Random,
  dollars: (k: number) => number,
  season: readonly number[],
): EarningMonth[] {
  const out: EarningMonth[] = [];
  for (let i = firstIndex; i < months.length; i++) {
    const month = months[i]!;
    const k = i - firstIndex;
    const fullCents = Math.round(dollars(k) * season[month.month - 1]! * noise(random) * 100);
    const toDateCents = month.current ? Math.round((fullCents * Number(today.slice(8, 10))) / month.days) : fullCents;
    out.push({ month, k, fullCents, toDateCents });
  }
  return out;
}

/** The blog's commission by month, from its first earning month to today's. */
export function blogEarnings(months: readonly DemoMonth[], today: string, random: Random): EarningMonth[] {
  const first = monthIndexAgo(months, BLOG_START_MONTHS_AGO) + BLOG_BUILD_MONTHS;
  return earningMonths(months, first, today, random, (k) => sCurve(1000, k, 8, 3), BLOG_SEASON);
}

/** The channel's ad revenue by month, its AdSense payouts and its sponsorships. */
export function youtubeModel(months: readonly DemoMonth[], today: string, random: Random): YoutubeModel {
  const first = monthIndexAgo(months, YOUTUBE_START_MONTHS_AGO) + YOUTUBE_BUILD_MONTHS;
  const earnings = earningMonths(months, first, today, random, (k) => sCurve(700, k, 6, 2.5), YOUTUBE_SEASON);
  const payouts: Payment[] = [];
  let unpaid = 0;
  // Earnings of month k are paid in month k + 1 (when that month's pay day has come).
  for (let e = 0; e < earnings.length; e++) {
    const earned = earnings[e]!;
    if (earned.month.current) break;
    unpaid += earned.fullCents;
    const payMonth = months[months.indexOf(earned.month) + 1]!;
    const day = dayIn(payMonth, ADSENSE_PAY_DAY);
    if (unpaid < ADSENSE_THRESHOLD_CENTS || day > today) continue;
    payouts.push({ day, cents: unpaid, month: payMonth });
    unpaid = 0;
  }
  const sponsorships: YoutubeModel['sponsorships'] = [];
  for (const k of SPONSORED_MONTHS) {
    const month = months[first + k];
    if (!month) continue;
    const day = dayIn(month, SPONSOR_PAY_DAY);
    if (day > today) continue;
    sponsorships.push({ day, cents: Math.round((400 + 40 * k) / 50) * 50 * 100, month, k });
  }
  return { earnings, payouts, sponsorships };
}

/** "YYYY-MM-DD" of a day of the month (clamped to its length). */
export function dayIn(month: DemoMonth, day: number): string {
  return isoDay(month.year, month.month, Math.min(day, month.days));
}
