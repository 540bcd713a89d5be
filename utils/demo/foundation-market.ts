/**
 * The demo's market: a daily close for each fund the household holds, from
 * the first day of the history to today. Each close is a fixed story line
 * (the trend: US stocks strong, international steady, bonds flat, emerging
 * markets peaking about fourteen months before today and falling since),
 * interpolated day by day, times a seeded wobble of a couple of percent.
 * The wobble does not accumulate, so the story holds for every seed: the
 * emerging-markets fund bought near its peak always shows a loss today.
 *
 * Rules: only the part's Random and the calendar decide a price; plain
 * arithmetic (no Math.exp/log) so every machine gives the same cents.
 * Draws come in a fixed order: every weekday oldest first, the symbols in
 * SYMBOLS order, four uniforms each.
 */
import type { Random } from '@/utils/analytics/random';
import { weekdaysBetween } from './calendar';
import type { DemoContext } from './types';

export const SYMBOLS = ['VTI', 'VXUS', 'BND', 'VEA', 'VWO'] as const;
export type DemoSymbol = (typeof SYMBOLS)[number];

export const FUND_NAMES: Record<DemoSymbol, string> = {
  VTI: 'Vanguard Total Stock Market ETF',
  VXUS: 'Vanguard Total International Stock ETF',
  BND: 'Vanguard Total Bond Market ETF',
  VEA: 'Vanguard FTSE Developed Markets ETF',
  VWO: 'Vanguard FTSE Emerging Markets ETF',
};

/**
 * The story line, in dollars, at positions in months from the start of the
 * history (0 = the first day, 36 = the first day of today's month, 37 = the
 * first day of the month after): linear between the points.
 */
const TREND: Record<DemoSymbol, readonly (readonly [month: number, dollars: number])[]> = {
  VTI: [[0, 218], [4, 232], [9, 262], [12, 276], [16, 258], [18, 270], [24, 298], [30, 312], [37, 336]],
  VXUS: [[0, 55.4], [6, 58.5], [12, 60.2], [16, 58], [24, 65.5], [30, 69], [37, 72.3]],
  BND: [[0, 70.2], [4, 72.8], [10, 72], [14, 73.4], [20, 72.1], [28, 73.6], [37, 74.3]],
  VEA: [[0, 44.1], [6, 47.2], [12, 49.5], [16, 47.6], [24, 53.8], [30, 56], [37, 58.9]],
  VWO: [[0, 39.8], [12, 43.4], [18, 46.2], [22.6, 50.6], [26, 45], [30, 41.2], [37, 39.5]],
};

/** The wobble's standard deviation, as a share of the trend. */
const WOBBLE: Record<DemoSymbol, number> = { VTI: 0.009, VXUS: 0.009, BND: 0.003, VEA: 0.009, VWO: 0.012 };

/** A bounded, roughly normal draw: the Irwin–Hall sum of four uniforms, scaled to variance 1 (|z| < 3.47). */
export function wobbleDraw(random: Random): number {
  const sum = random.uniform() + random.uniform() + random.uniform() + random.uniform();
  return (sum - 2) / 0.5773502691896258;
}

function trendAt(symbol: DemoSymbol, position: number): number {
  const points = TREND[symbol];
  if (position <= points[0]![0]) return points[0]![1];
  for (let i = 1; i < points.length; i++) {
    const [m1, v1] = points[i]!;
    if (position <= m1) {
      const [m0, v0] = points[i - 1]!;
      return v0 + ((v1 - v0) * (position - m0)) / (m1 - m0);
    }
  }
  return points[points.length - 1]![1];
}

/** The daily closes of the history's weekdays, in cents. */
export class MarketPath {
  private readonly closes = new Map<string, Record<DemoSymbol, number>>();
  readonly firstDay: string;
  readonly lastDay: string;

  constructor(ctx: Pick<DemoContext, 'random' | 'months' | 'firstDay' | 'today'>) {
    const days = weekdaysBetween(ctx.firstDay, ctx.today);
    const monthIndex = new Map(ctx.months.map((m, i) => [m.key, i]));
    for (const day of days) {
      const month = ctx.months[monthIndex.get(day.slice(0, 7))!]!;
      const position = monthIndex.get(month.key)! + (Number(day.slice(8, 10)) - 1) / month.days;
      const close = {} as Record<DemoSymbol, number>;
      for (const symbol of SYMBOLS) {
        const z = wobbleDraw(ctx.random);
        close[symbol] = Math.round(trendAt(symbol, position) * 100 * (1 + WOBBLE[symbol] * z));
      }
      this.closes.set(day, close);
    }
    this.firstDay = days[0]!;
    this.lastDay = days[days.length - 1]!;
  }

  /** The close of `symbol` on a weekday of the history, in cents. */
  price(symbol: DemoSymbol, day: string): number {
    const close = this.closes.get(day);
    if (close === undefined) throw new Error(`No close on ${day}: not a weekday from ${this.firstDay} to ${this.lastDay}`);
    return close[symbol];
  }
}
