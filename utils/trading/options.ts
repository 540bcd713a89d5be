/**
 * The options income log: covered calls and cash-secured puts, what each one
 * earned, what capital it tied up, what it yields a year, assignments, premium
 * by month and the reminders for options about to expire.
 *
 * Conventions:
 * - money is integer minor units of the positions' one currency; yields are
 *   plain numbers (0.146 = 14.6% a year); one contract = 100 shares;
 * - capital: a cash-secured put secures strike × 100 × contracts; a covered
 *   call ties up the shares, underlying × 100 × contracts — when the share
 *   price at open (`underlyingMinor`) was not recorded, the strike stands in
 *   for it;
 * - net premium = premium − buy-back cost; the cost counts only for `closed`
 *   and `rolled` (an option that expired or was assigned cost nothing to end);
 * - days = outcome day − opening day (expiry − opening day while open), at
 *   least 1;
 * - premium by month is on a cash basis: the premium in the month the option
 *   was opened, the buy-back in the month it was closed or rolled;
 * - a roll ends the old position (status `rolled`, its buy-back cost) and the
 *   new one is its own position with its own premium;
 * - an option still open after its expiry keeps status `open` (its outcome is
 *   not recorded yet) and shows in `expiringSoon` with daysLeft < 0, first.
 * Pure: no browser globals.
 */
import { formatMoneyPlain } from '../money/format';
import { formatDay } from '../portfolio/dates';
import { mulDivRound } from '../portfolio/quantity';
import {
  OPTION_KINDS,
  OPTION_OUTCOMES,
  type Day,
  type OptionKind,
  type OptionPosition,
  type OptionPositionView,
  type OptionsReport,
} from './types';

export const SHARES_PER_CONTRACT = 100;
const CURRENCY_SHAPE = /^[A-Z]{3}$/;

const KIND_WORDS: Record<OptionKind, string> = {
  'covered-call': 'covered call',
  'cash-secured-put': 'cash-secured put',
};

const isWhole = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n);

/**
 * What is wrong with one position, in words for people; [] when it is valid.
 * Checks the position alone (whether a rolled-into id exists is checked by
 * `optionsReport`, which sees every position).
 */
export function validateOptionPosition(p: OptionPosition): string[] {
  const problems: string[] = [];
  if (typeof p.id !== 'string' || p.id.trim() === '') problems.push('id is missing');
  if (!(OPTION_KINDS as readonly string[]).includes(p.kind)) problems.push('kind must be covered-call or cash-secured-put');
  if (typeof p.symbol !== 'string' || p.symbol.trim() === '') problems.push('symbol is missing');
  if (typeof p.currency !== 'string' || !CURRENCY_SHAPE.test(p.currency)) {
    problems.push('currency must be a three-letter code such as USD');
  }
  const opened = isWhole(p.openedOn);
  if (!opened) problems.push('the opening date is not a calendar day');
  if (!isWhole(p.expiry)) problems.push('the expiry is not a calendar day');
  else if (opened && p.expiry < p.openedOn) {
    problems.push(`expiry (${formatDay(p.expiry)}) is before the day it was opened (${formatDay(p.openedOn)})`);
  }
  if (!isWhole(p.contracts) || p.contracts <= 0) problems.push('contracts must be a whole number more than 0');
  if (!isWhole(p.strikeMinor)) problems.push('strike must be a whole number of minor units (cents)');
  else if (p.strikeMinor <= 0) problems.push('strike must be more than 0');
  if (!isWhole(p.premiumMinor)) problems.push('premium must be a whole number of minor units (cents)');
  else if (p.premiumMinor < 0) problems.push('premium cannot be negative');
  if (p.underlyingMinor !== null && (!isWhole(p.underlyingMinor) || p.underlyingMinor <= 0)) {
    problems.push('underlying price must be a whole number of minor units more than 0 (or left empty)');
  }
  const o = p.outcome;
  if (o !== null) {
    if (!(OPTION_OUTCOMES as readonly string[]).includes(o.kind)) problems.push('outcome must be closed, expired, assigned or rolled');
    if (!isWhole(o.on)) problems.push('the outcome date is not a calendar day');
    else if (opened && o.on < p.openedOn) {
      problems.push(`the outcome date (${formatDay(o.on)}) is before the day it was opened (${formatDay(p.openedOn)})`);
    }
    if (!isWhole(o.costMinor)) problems.push('buy-back cost must be a whole number of minor units (cents)');
    else if (o.costMinor < 0) problems.push('buy-back cost cannot be negative');
    else if (o.costMinor > 0 && (o.kind === 'expired' || o.kind === 'assigned')) {
      problems.push(`a buy-back cost only applies to an option that was closed or rolled, not ${o.kind}`);
    }
    const into = o.rolledIntoId;
    if (o.kind === 'rolled' && (typeof into !== 'string' || into === '')) {
      problems.push('a rolled option must name the position it was rolled into');
    }
    if (o.kind !== 'rolled' && into !== undefined) problems.push('only a rolled option names a position it was rolled into');
    if (into !== undefined && into === p.id) problems.push('an option cannot be rolled into itself');
  }
  return problems;
}

/** Cash secured (put) or shares covered (call); a call without an underlying price uses the strike. */
function capitalOf(p: OptionPosition): number {
  const perShare = p.kind === 'cash-secured-put' ? p.strikeMinor : (p.underlyingMinor ?? p.strikeMinor);
  return perShare * SHARES_PER_CONTRACT * p.contracts;
}

/** The buy-back cost that counts: closed and rolled only. */
function buybackOf(p: OptionPosition): number {
  const o = p.outcome;
  return o !== null && (o.kind === 'closed' || o.kind === 'rolled') ? o.costMinor : 0;
}

function daysHeld(p: OptionPosition): number {
  const end = p.outcome === null ? p.expiry : p.outcome.on;
  return Math.max(1, end - p.openedOn);
}

function sharesDeltaOf(p: OptionPosition): number {
  if (p.outcome?.kind !== 'assigned') return 0;
  const shares = SHARES_PER_CONTRACT * p.contracts;
  return p.kind === 'cash-secured-put' ? shares : -shares;
}

/**
 * Throws an Error when a position is invalid (naming its id and the field),
 * when ids repeat, when a rolled-into id does not exist, or when the
 * positions are in more than one currency.
 */
function assertValid(positions: OptionPosition[]): void {
  const ids = new Set<string>();
  for (const p of positions) {
    const problems = validateOptionPosition(p);
    if (problems.length > 0) throw new Error(`Option position ${p.id}: ${problems.join('; ')}.`);
    if (ids.has(p.id)) throw new Error(`Option position ${p.id} appears more than once.`);
    ids.add(p.id);
  }
  for (const p of positions) {
    const into = p.outcome?.rolledIntoId;
    if (into !== undefined && !ids.has(into)) {
      throw new Error(`Option position ${p.id} was rolled into ${into}, and there is no position ${into}.`);
    }
  }
  const currencies = [...new Set(positions.map((p) => p.currency))];
  if (currencies.length > 1) {
    throw new Error(`Option positions are in more than one currency (${currencies.join(', ')}): report each currency on its own.`);
  }
}

const monthOf = (day: Day): string => formatDay(day).slice(0, 7);

/**
 * Every position's figures and the totals, as of `today`.
 * Positions come back sorted by opening day, then id. With no positions the
 * currency is '' and the yield null. Throws an Error on invalid input (see
 * `assertValid`).
 */
export function optionsReport(positions: OptionPosition[], today: Day, reminderDays = 3): OptionsReport {
  assertValid(positions);
  const sorted = [...positions].sort((a, b) => a.openedOn - b.openedOn || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const views: OptionPositionView[] = [];
  const months = new Map<string, { premiumMinor: number; buybackMinor: number }>();
  const monthEntry = (day: Day) => {
    const key = monthOf(day);
    let entry = months.get(key);
    if (entry === undefined) months.set(key, (entry = { premiumMinor: 0, buybackMinor: 0 }));
    return entry;
  };
  const assignments: OptionsReport['assignments'] = [];
  const expiringSoon: OptionsReport['expiringSoon'] = [];
  let netPremiumMinor = 0;
  let capitalDays = 0;
  let openCapitalMinor = 0;

  for (const p of sorted) {
    const capitalMinor = capitalOf(p);
    const buyback = buybackOf(p);
    const net = p.premiumMinor - buyback;
    const days = daysHeld(p);
    const sharesDelta = sharesDeltaOf(p);
    const open = p.outcome === null;
    const daysToExpiry = open ? p.expiry - today : null;
    views.push({
      id: p.id,
      status: p.outcome?.kind ?? 'open',
      capitalMinor,
      netPremiumMinor: net,
      days,
      annualizedYield: ((net / capitalMinor) * 365) / days,
      sharesDelta,
      // Premium per share rounded half to even to the minor unit: 12,100 over 200 shares = 60.5 → 60.
      effectiveCostPerShareMinor:
        sharesDelta > 0 ? p.strikeMinor - mulDivRound(p.premiumMinor, 1, SHARES_PER_CONTRACT * p.contracts) : null,
      daysToExpiry,
    });
    netPremiumMinor += net;
    capitalDays += capitalMinor * days;
    if (p.premiumMinor !== 0) monthEntry(p.openedOn).premiumMinor += p.premiumMinor;
    if (buyback !== 0 && p.outcome !== null) monthEntry(p.outcome.on).buybackMinor += buyback;
    if (p.outcome?.kind === 'assigned') {
      assignments.push({ id: p.id, symbol: p.symbol, on: p.outcome.on, sharesDelta, strikeMinor: p.strikeMinor });
    }
    if (open) {
      openCapitalMinor += capitalMinor;
      // daysLeft < 0: past expiry, outcome not recorded yet.
      if (daysToExpiry !== null && daysToExpiry <= reminderDays) {
        expiringSoon.push({ id: p.id, symbol: p.symbol, expiry: p.expiry, daysLeft: daysToExpiry });
      }
    }
  }

  assignments.sort((a, b) => a.on - b.on);
  expiringSoon.sort((a, b) => a.daysLeft - b.daysLeft);
  const premiumByMonth = [...months.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([month, m]) => ({ month, ...m, netMinor: m.premiumMinor - m.buybackMinor }));

  return {
    currency: sorted[0]?.currency ?? '',
    positions: views,
    premiumByMonth,
    netPremiumMinor,
    annualizedYield: sorted.length === 0 ? null : (netPremiumMinor / capitalDays) * 365,
    assignments,
    openCapitalMinor,
    expiringSoon,
  };
}

function inDays(daysLeft: number): string {
  if (daysLeft === 0) return 'today';
  if (daysLeft > 0) return `in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`;
  return `${-daysLeft} day${daysLeft === -1 ? '' : 's'} ago`;
}

/**
 * One reminder per open position that expires within `reminderDays` of today
 * (today included), or is past its expiry with no outcome recorded; soonest
 * (overdue) first. `id` is the position's id. Does not validate the positions.
 */
export function expiryReminders(
  positions: OptionPosition[],
  today: Day,
  reminderDays = 3,
): { id: string; title: string; message: string }[] {
  return positions
    .filter((p) => p.outcome === null && p.expiry - today <= reminderDays)
    .sort((a, b) => a.expiry - b.expiry || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((p) => {
      const daysLeft = p.expiry - today;
      const what = `${p.symbol} ${KIND_WORDS[p.kind]}`;
      const size = `${p.contracts} contract${p.contracts === 1 ? '' : 's'} at ${formatMoneyPlain({ minor: p.strikeMinor, currency: p.currency })}`;
      if (daysLeft < 0) {
        return {
          id: p.id,
          title: `${what} expired ${inDays(daysLeft)}`,
          message: `${what}, ${size}, expired ${formatDay(p.expiry)} (${inDays(daysLeft)}): record how it ended.`,
        };
      }
      return {
        id: p.id,
        title: `${what} expires ${inDays(daysLeft)}`,
        message: `${what}, ${size}, expires ${formatDay(p.expiry)} (${inDays(daysLeft)})`,
      };
    });
}
