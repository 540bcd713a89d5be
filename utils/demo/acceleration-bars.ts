/**
 * The demo household's daily price bars: two made-up symbols for the trading
 * lab, as a price file of each would give them (OHLCV, no Adj Close).
 *
 * - BROAD, a broad-market index fund (about $98 at the start, 8 % a year of
 *   drift, 15 % volatility): what the household's RSI strategy trades;
 * - ACME, one stock (about $38, 5 % drift, 30 % volatility): what it sells
 *   cash-secured puts and covered calls on (acceleration-wheel.ts).
 *
 * Rules: one bar a NYSE trading day (weekdays that are not NYSE holidays,
 * utils/trading/bars-calendar.ts) from the first day of the history to the
 * last trading day BEFORE today (a daily file is downloaded after the close,
 * so today's bar is not in yet). Daily log
 * returns follow a GARCH(1,1) walk — volatility clusters: a large move makes
 * the next days' moves larger — with the drift corrected so the median path
 * grows at the stated rate. Prices are whole cents written in micro-units
 * (45.23 → 45_230_000), as the schema stores them; low ≤ open, close ≤ high.
 * Pure: only the Random passed in decides the path.
 */
import type { Random } from '@/utils/analytics/random';
import { parseDay } from '@/utils/portfolio/dates';
import { isNyseTradingDay } from '@/utils/trading/bars';
import type { Bar } from '@/utils/trading/types';
import { addDays, weekdaysBetween } from './calendar';

export interface SymbolModel {
  symbol: string;
  /** First open, cents. */
  startCents: number;
  /** Drift a year (0.08 = 8 %). */
  annualDrift: number;
  /** Long-run volatility a year (0.15 = 15 %). */
  annualVolatility: number;
  /** Typical shares traded a day. */
  volume: number;
}

export const BROAD: SymbolModel = { symbol: 'BROAD', startCents: 9_850, annualDrift: 0.08, annualVolatility: 0.15, volume: 3_200_000 };
export const ACME: SymbolModel = { symbol: 'ACME', startCents: 3_800, annualDrift: 0.05, annualVolatility: 0.3, volume: 850_000 };

/** A generated bar: the stored fields (date as "YYYY-MM-DD", prices in micro-units) and the day's variance for option pricing. */
export interface DemoBar {
  date: string;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  /** The GARCH variance of the day's log return (daily units): √(variance × 252) is its annualized volatility. */
  variance: number;
}

const TRADING_DAYS = 252;
/** GARCH(1,1): v[t+1] = ω + α·shock² + β·v[t], with ω set so the long-run variance is the model's. */
const ALPHA = 0.08;
const BETA = 0.9;
const MICROS_PER_CENT = 10_000;

/** True on a day the NYSE trades (a weekday that is not one of its holidays). */
export function isTradingDay(day: string): boolean {
  return isNyseTradingDay(parseDay(day)!);
}

/** The last trading day strictly before `today`: the newest bar a file downloaded today holds. */
export function lastBarDay(today: string): string {
  let day = addDays(today, -1);
  while (!isTradingDay(day)) day = addDays(day, -1);
  return day;
}

/** The symbol's bars for every trading day from `first` to `last`. */
export function generateBars(model: SymbolModel, first: string, last: string, random: Random): DemoBar[] {
  const longRun = model.annualVolatility ** 2 / TRADING_DAYS;
  const omega = longRun * (1 - ALPHA - BETA);
  const drift = model.annualDrift / TRADING_DAYS;
  let variance = longRun;
  let previousClose = model.startCents;
  const bars: DemoBar[] = [];
  for (const date of weekdaysBetween(first, last).filter(isTradingDay)) {
    const sd = Math.sqrt(variance);
    const shock = sd * random.normal();
    // The overnight gap is a small part of the day's move; the rest happens in the session.
    const gap = 0.25 * shock;
    const session = drift - variance / 2 + shock - gap;
    const openCents = Math.max(1, Math.round(previousClose * Math.exp(gap)));
    const closeCents = Math.max(1, Math.round(openCents * Math.exp(session)));
    const highCents = Math.round(Math.max(openCents, closeCents) * Math.exp(Math.abs(random.normal()) * 0.4 * sd));
    const lowCents = Math.max(1, Math.round(Math.min(openCents, closeCents) * Math.exp(-Math.abs(random.normal()) * 0.4 * sd)));
    // Busier on days that move: volume rises with the size of the move against the usual one.
    const volume = Math.round(model.volume * (0.7 + 0.6 * random.uniform()) * (1 + Math.abs(shock) / Math.sqrt(longRun) / 2));
    bars.push({
      date,
      open: openCents * MICROS_PER_CENT,
      high: Math.max(highCents, openCents, closeCents) * MICROS_PER_CENT,
      low: Math.min(lowCents, openCents, closeCents) * MICROS_PER_CENT,
      close: closeCents * MICROS_PER_CENT,
      volume,
      variance,
    });
    variance = omega + ALPHA * shock * shock + BETA * variance;
    previousClose = closeCents;
  }
  return bars;
}

/** A generated bar as the lab's engine reads a stored one (utils/db/trading.ts barOfRecord). */
export function engineBar(bar: DemoBar): Bar {
  return { date: parseDay(bar.date)!, open: bar.open, high: bar.high, low: bar.low, close: bar.close, adjClose: null, volume: bar.volume };
}
