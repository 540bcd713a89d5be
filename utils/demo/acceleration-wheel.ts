/**
 * The demo household's options: "the wheel" on ACME in its real trading
 * account — sell a cash-secured put; if it is assigned, hold the 100 shares
 * and sell covered calls on them until they are called away; then start
 * again with a put. Each position is what the person logs in the lab's
 * options income log.
 *
 * Rules (all on the generated daily bars, acceleration-bars.ts):
 * - a new position opens at the close of the first trading day with none
 *   open: a put struck at the whole dollar at or below 95 % of the close, or
 *   a call struck at the whole dollar at or above 104 % of the close (even
 *   below what the shares cost: the wheel keeps turning); it expires on the
 *   first Friday at least 35 days later (the Thursday before when the
 *   exchange is closed that Friday); contracts: 1 call per 100 shares
 *   held, as many puts as the cash secures (at most MAX_PUTS); when the cash
 *   secures not even one, or the premium would be under $15 a contract, the
 *   account waits a day;
 * - premium = the Black–Scholes price at the close (volatility = the day's
 *   GARCH volatility × 1.15, the premium sellers are paid over realized
 *   volatility; risk-free rate 4 %) × 100 shares × contracts, in cents, less
 *   the broker's fee of 65 ¢ a contract;
 * - while open, at each later close: when the option is worth at most half
 *   the premium (per share, before fees), 14 or more days after it was sold
 *   and with 7 or more days left, it is bought back at that value plus the
 *   fee (outcome `closed`);
 * - on the expiry day's close: a put below its strike is assigned (100 shares
 *   a contract bought at the strike), a call above its strike is assigned
 *   (the shares sold at the strike); otherwise it expires worthless;
 * - a position still open after the last bar stays open (its expiry may be
 *   after today: options expire in the future by nature).
 * Cash: the deposit, + premiums, − buy-backs, − strike × 100 per assigned
 * put contract, + strike × 100 per assigned call contract. Pure.
 */
import { parseDay } from '@/utils/portfolio/dates';
import { addDays } from './calendar';
import { isTradingDay, type DemoBar } from './acceleration-bars';

export type WheelOutcome =
  | { kind: 'closed'; on: string; costCents: number }
  | { kind: 'expired'; on: string }
  | { kind: 'assigned'; on: string };

export interface WheelPosition {
  kind: 'covered-call' | 'cash-secured-put';
  openedOn: string;
  expiry: string;
  strikeCents: number;
  contracts: number;
  /** Received at open for every contract, after fees, cents. */
  premiumCents: number;
  /** ACME's close on the opening day, cents. */
  underlyingCents: number;
  outcome: WheelOutcome | null;
}

export interface WheelDay {
  date: string;
  /** Cash after the day's events, cents. */
  cashCents: number;
  shares: number;
  /** The day's close, cents. */
  closeCents: number;
}

export interface WheelRun {
  positions: WheelPosition[];
  /** The account after every bar from the first day on. */
  days: WheelDay[];
}

export const OPTION_FEE_CENTS = 65;
const SHARES_PER_CONTRACT = 100;
const MAX_PUTS = 1;
const EXPIRY_DAYS = 35;
const MIN_PREMIUM_CENTS = 1_500;
const PROFIT_TAKE_AFTER_DAYS = 14;
const PROFIT_TAKE_DAYS_LEFT = 7;
const RISK_FREE = 0.04;
const IMPLIED_OVER_REALIZED = 1.15;
const MICROS_PER_CENT = 10_000;
const TRADING_DAYS = 252;

/** The standard normal distribution function (Abramowitz & Stegun 26.2.17, error below 7.5e-8). */
export function normalCdf(x: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(x));
  const density = Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
  const tail = density * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return x >= 0 ? 1 - tail : tail;
}

/** Black–Scholes price of a European call or put per share (no dividends); `years` > 0. */
export function blackScholes(kind: 'call' | 'put', spot: number, strike: number, years: number, volatility: number): number {
  if (years <= 0 || volatility <= 0) return Math.max(0, kind === 'call' ? spot - strike : strike - spot);
  const root = volatility * Math.sqrt(years);
  const d1 = (Math.log(spot / strike) + (RISK_FREE + (volatility * volatility) / 2) * years) / root;
  const d2 = d1 - root;
  const discounted = strike * Math.exp(-RISK_FREE * years);
  return kind === 'call'
    ? spot * normalCdf(d1) - discounted * normalCdf(d2)
    : discounted * normalCdf(-d2) - spot * normalCdf(-d1);
}

/** The first Friday at least 35 days after `day`; the Thursday before when that Friday is an exchange holiday. */
export function expiryAfter(day: string): string {
  let expiry = addDays(day, EXPIRY_DAYS);
  while (new Date(parseDay(expiry)! * 86_400_000).getUTCDay() !== 5) expiry = addDays(expiry, 1);
  return isTradingDay(expiry) ? expiry : addDays(expiry, -1);
}

const daysBetween = (from: string, to: string) => parseDay(to)! - parseDay(from)!;

/** The option's value per share at a bar's close, dollars. */
function valueAt(position: WheelPosition, bar: DemoBar): number {
  const years = daysBetween(bar.date, position.expiry) / 365;
  const volatility = Math.sqrt(bar.variance * TRADING_DAYS) * IMPLIED_OVER_REALIZED;
  const kind = position.kind === 'covered-call' ? 'call' : 'put';
  return blackScholes(kind, bar.close / 1e6, position.strikeCents / 100, years, volatility);
}

/** Runs the wheel on `bars` from `firstDay` (inclusive) with `depositCents` of cash. */
export function runWheel(bars: readonly DemoBar[], firstDay: string, depositCents: number): WheelRun {
  const positions: WheelPosition[] = [];
  const days: WheelDay[] = [];
  let cash = depositCents;
  let shares = 0;
  let open: WheelPosition | null = null;
  for (const bar of bars) {
    if (bar.date < firstDay) continue;
    const closeCents = bar.close / MICROS_PER_CENT;
    if (open !== null) {
      const value = valueAt(open, bar);
      const perShareAtOpen = (open.premiumCents + OPTION_FEE_CENTS * open.contracts) / (SHARES_PER_CONTRACT * open.contracts) / 100;
      const sharesCovered = SHARES_PER_CONTRACT * open.contracts;
      if (bar.date === open.expiry) {
        const inTheMoney = open.kind === 'cash-secured-put' ? closeCents < open.strikeCents : closeCents > open.strikeCents;
        if (inTheMoney) {
          open.outcome = { kind: 'assigned', on: bar.date };
          if (open.kind === 'cash-secured-put') {
            cash -= open.strikeCents * sharesCovered;
            shares += sharesCovered;
          } else {
            cash += open.strikeCents * sharesCovered;
            shares -= sharesCovered;
          }
        } else {
          open.outcome = { kind: 'expired', on: bar.date };
        }
        open = null;
      } else if (
        daysBetween(open.openedOn, bar.date) >= PROFIT_TAKE_AFTER_DAYS &&
        daysBetween(bar.date, open.expiry) >= PROFIT_TAKE_DAYS_LEFT &&
        value <= perShareAtOpen / 2
      ) {
        const costCents = Math.round(value * 100 * sharesCovered) + OPTION_FEE_CENTS * open.contracts;
        open.outcome = { kind: 'closed', on: bar.date, costCents };
        cash -= costCents;
        open = null;
      }
      days.push({ date: bar.date, cashCents: cash, shares, closeCents });
      continue;
    }
    // No position open: sell the next one at this close.
    const next = nextPosition(bar, closeCents, cash, shares);
    if (next !== null) {
      positions.push(next);
      cash += next.premiumCents;
      open = next;
    }
    days.push({ date: bar.date, cashCents: cash, shares, closeCents });
  }
  return { positions, days };
}

function nextPosition(bar: DemoBar, closeCents: number, cash: number, shares: number): WheelPosition | null {
  const kind = shares > 0 ? 'covered-call' : 'cash-secured-put';
  const strikeCents =
    kind === 'cash-secured-put' ? Math.floor((closeCents * 0.95) / 100) * 100 : Math.ceil((closeCents * 1.04) / 100) * 100;
  if (strikeCents <= 0) return null;
  const contracts = kind === 'covered-call' ? Math.floor(shares / SHARES_PER_CONTRACT) : Math.min(MAX_PUTS, Math.floor(cash / (strikeCents * SHARES_PER_CONTRACT)));
  if (contracts < 1) return null;
  const position: WheelPosition = {
    kind,
    openedOn: bar.date,
    expiry: expiryAfter(bar.date),
    strikeCents,
    contracts,
    premiumCents: 0,
    underlyingCents: closeCents,
    outcome: null,
  };
  const perShare = valueAt(position, bar);
  position.premiumCents = Math.round(perShare * 100 * SHARES_PER_CONTRACT * contracts) - OPTION_FEE_CENTS * contracts;
  // A premium this small is not worth the capital it ties up: wait for another day.
  return position.premiumCents >= MIN_PREMIUM_CENTS ? position : null;
}

/** The account at the close of the last bar on or before `day` (the deposit before the first bar). */
export function wheelAccountOn(run: WheelRun, day: string, depositCents: number): { cashCents: number; shares: number; closeCents: number | null } {
  let found: WheelDay | undefined;
  for (const entry of run.days) {
    if (entry.date > day) break;
    found = entry;
  }
  return found ? { cashCents: found.cashCents, shares: found.shares, closeCents: found.closeCents } : { cashCents: depositCents, shares: 0, closeCents: null };
}
