/**
 * Recurring leaks: subscriptions and other charges that repeat, what they cost
 * a year, price rises, duplicates and the ones the person marked unused.
 *
 * 1. Charges (amount < 0) are grouped by merchant key (normalizeMerchant of the
 *    stored merchant, else of the description) and currency; ignored keys are
 *    dropped here and appear nowhere.
 * 2. A group is recurring when its dates repeat weekly, monthly, quarterly or
 *    yearly (leaks-periodicity.ts) and its amounts hold (within max(10 %, 1.00)
 *    of the median, or price steps that stay at the new level; a two-charge
 *    series must match within tolerance). When the whole group is not, it is
 *    tried per account with at least three charges (one service on two cards),
 *    then per exact amount with at least four charges (two plans, or a
 *    subscription among one-off purchases at the same merchant). Same-day
 *    charges keep input order.
 * 3. Each recurring charge gets its next expected date, whether it is still
 *    active (next expected + half a period ≥ asOf) and its yearly cost (latest
 *    amount × 52, 12, 4 or 1).
 * 4. Price rises, for active charges: a rise of more than 1 % between two
 *    charges, from a charge at the old level (±1 % of the one before, if any)
 *    and held by the next charge, if any (±1 %).
 * 5. Duplicates (leak-duplicates.ts), unused marks (active charges only: a
 *    cancelled one saves nothing) and totals are in the base currency;
 *    currencies without a rate are listed and left out of the sums. Each
 *    recurring charge counts at most once in yearlySavings.
 *
 * Ordering is deterministic: recurring charges, unused and duplicates by yearly
 * cost or saving (base currency), dearest first, then key; price rises newest
 * first, then key.
 */
import { makeConverter } from './convert';
import { findDuplicates, serviceKind, type Candidate } from './leak-duplicates';
import type { LeakCharge, LeakInput, LeakReport, LeakTransaction, PriceRise, RecurringCharge } from './leak-types';
import {
  amountsHold,
  dayNumber,
  detectPeriod,
  nextExpectedDate,
  priceRiseIndices,
  type PeriodSpec,
} from './leaks-periodicity';
import { normalizeMerchant } from './merchants';
import { minorDigits } from '@/utils/money/currency';

interface Group {
  key: string;
  name: string;
  currency: string;
  /** Indices into the input's transactions, in date order (then input order). */
  charges: number[];
}

/** The charges as parallel arrays by input index: days since 1970, positive minor units, account number. */
interface Charges {
  txs: readonly LeakTransaction[];
  day: Float64Array;
  minor: Float64Array;
  /** 0 for no account, else 1 + the account's order of first appearance. */
  account: Int32Array;
}

interface Series {
  charges: number[];
  spec: PeriodSpec;
}

/** Finds recurring charges, price rises, duplicates and savings in the transactions. */
export function findLeaks(input: LeakInput): LeakReport {
  const convert = makeConverter(input.baseCurrency, input.rates);
  const ignored = new Set(input.ignoredKeys ?? []);
  const unusedKeys = new Set(input.unusedKeys);
  const asOfDay = dayNumber(input.asOf);

  const { groups, data } = groupCharges(input, ignored);
  const found: Candidate[] = [];
  for (const group of groups) {
    const digits = minorDigits(group.currency);
    for (const series of recurringSeries(data, group.charges, digits)) {
      const charge = describeCharge(data, group, series, asOfDay, unusedKeys);
      const yearly = convert(charge.yearlyCost);
      found.push({ charge, spec: series.spec, base: yearly, kind: serviceKind(charge.key, charge.category) });
    }
  }
  found.sort(byCost);

  const excluded = new Set<string>();
  let yearlyTotal = 0;
  for (const c of found) {
    if (!c.charge.active) continue;
    if (c.base === undefined) excluded.add(c.charge.yearlyCost.currency);
    else yearlyTotal += c.base;
  }

  const cancelled = new Set<Candidate>();
  const unusedByKey = new Map<string, { key: string; merchant: string; minor: number }>();
  for (const c of found) {
    if (!c.charge.active || !c.charge.unused) continue;
    const item = unusedByKey.get(c.charge.key) ?? { key: c.charge.key, merchant: c.charge.merchant, minor: 0 };
    if (c.base !== undefined) {
      item.minor += c.base;
      cancelled.add(c);
    }
    unusedByKey.set(c.charge.key, item);
  }
  const unused = [...unusedByKey.values()]
    .sort((a, b) => b.minor - a.minor || compare(a.key, b.key))
    .map((u) => ({ key: u.key, merchant: u.merchant, yearlySaving: money(u.minor, input.baseCurrency) }));

  const duplicates = findDuplicates(found, input.baseCurrency);
  for (const d of duplicates) for (const c of d.cancel) cancelled.add(c);
  let yearlySavings = 0;
  for (const c of cancelled) yearlySavings += c.base ?? 0;

  return {
    asOf: input.asOf,
    baseCurrency: input.baseCurrency,
    recurring: found.map((c) => c.charge),
    duplicates: duplicates.map((d) => d.duplicate),
    priceRises: found.filter((c) => c.charge.active).flatMap((c) => priceRises(c.charge, c.spec)).sort(byNewest),
    unused,
    yearlyTotal: money(yearlyTotal, input.baseCurrency),
    yearlySavings: money(yearlySavings, input.baseCurrency),
    excludedCurrencies: [...excluded].sort(),
  };
}

function groupCharges(input: LeakInput, ignored: ReadonlySet<string>): { groups: Group[]; data: Charges } {
  const txs = input.transactions;
  const n = txs.length;
  const data: Charges = { txs, day: new Float64Array(n), minor: new Float64Array(n), account: new Int32Array(n) };
  const accountNumbers = new Map<string, number>();
  let lastAccount: string | undefined;
  let lastNumber = 0;
  // By merchant key, then by currency in a short list: no joined string per charge.
  const byKey = new Map<string, Group[]>();
  const groups: Group[] = [];
  for (let i = 0; i < n; i++) {
    const tx = txs[i] as LeakTransaction;
    if (!(tx.amount.minor < 0)) continue;
    const merchant = normalizeMerchant(tx.merchant ?? tx.description);
    if (ignored.size > 0 && ignored.has(merchant.key)) continue;
    const currency = tx.amount.currency;
    let list = byKey.get(merchant.key);
    if (list === undefined) {
      list = [];
      byKey.set(merchant.key, list);
    }
    let group: Group | undefined;
    for (const g of list) if (g.currency === currency) group = g;
    if (group === undefined) {
      group = { key: merchant.key, name: merchant.name, currency, charges: [] };
      list.push(group);
      groups.push(group);
    }
    data.day[i] = dayNumber(tx.date);
    data.minor[i] = -tx.amount.minor;
    const accountId = tx.accountId;
    if (accountId !== undefined) {
      if (accountId !== lastAccount) {
        lastAccount = accountId;
        lastNumber = accountNumbers.get(accountId) ?? accountNumbers.size + 1;
        accountNumbers.set(accountId, lastNumber);
      }
      data.account[i] = lastNumber;
    }
    group.charges.push(i);
  }
  for (const group of groups) sortByDay(group.charges, data.day);
  return { groups, data };
}

/** The recurring series in one merchant's charges: the whole, else per account, else per exact amount. */
function recurringSeries(data: Charges, charges: number[], digits: number): Series[] {
  const whole = asSeries(data, charges, digits, true);
  if (whole !== undefined) return [whole];
  const byAccount = partition(charges, (i) => data.account[i] as number);
  if (byAccount.length > 1) {
    return byAccount.flatMap((part) => {
      // Two charges on one account among a merchant's many can be chance: a part needs three.
      const series = part.length >= 3 ? asSeries(data, part, digits, true) : undefined;
      return series !== undefined ? [series] : byAmount(data, part, digits);
    });
  }
  return byAmount(data, charges, digits);
}

/**
 * Series of one exact amount, at least four charges each (three of one amount
 * among many purchases can be chance). The amounts are sorted natively, as
 * numbers, to find those charged four times or more; only their charges are
 * gathered.
 */
function byAmount(data: Charges, charges: number[], digits: number): Series[] {
  if (charges.length < MIN_SAME_AMOUNT) return [];
  if (scratch.length < charges.length) scratch = new Float64Array(Math.max(charges.length, 2 * scratch.length));
  const amounts = scratch.subarray(0, charges.length);
  for (let k = 0; k < charges.length; k++) amounts[k] = data.minor[charges[k] as number] as number;
  amounts.sort();
  // One amount only: the whole was already tried.
  if (amounts[0] === amounts[amounts.length - 1]) return [];
  const repeated: number[] = [];
  let run = 0;
  for (let k = 1; k <= amounts.length; k++) {
    if (k < amounts.length && amounts[k] === amounts[run]) continue;
    if (k - run >= MIN_SAME_AMOUNT) repeated.push(amounts[run] as number);
    run = k;
  }
  const found: Series[] = [];
  for (const amount of repeated) {
    const part = charges.filter((i) => data.minor[i] === amount);
    const series = asSeries(data, part, digits, false);
    if (series !== undefined) found.push(series);
  }
  return found;
}

const MIN_SAME_AMOUNT = 4;
let scratch = new Float64Array(1024);

function asSeries(data: Charges, charges: number[], digits: number, allowSteps: boolean): Series | undefined {
  if (charges.length < 2) return undefined;
  const spec = detectPeriod(charges.map((i) => data.day[i] as number));
  if (spec === undefined) return undefined;
  const amounts = charges.map((i) => data.minor[i] as number);
  if (!amountsHold(amounts, digits, allowSteps && charges.length > 2)) return undefined;
  return { charges, spec };
}

/**
 * Sorts charge indices by day, then input order. Packs both into one number
 * (day × 2^22 + index) so the native numeric sort does the work; falls back
 * to a comparator for inputs of 2^22 transactions or more.
 */
function sortByDay(charges: number[], day: Float64Array): void {
  let sorted = true;
  for (let k = 1; k < charges.length && sorted; k++) {
    const a = charges[k - 1] as number;
    const b = charges[k] as number;
    sorted = (day[a] as number) < (day[b] as number) || (day[a] === day[b] && a < b);
  }
  if (sorted) return;
  if (day.length >= INDEX_SPAN) {
    charges.sort((a, b) => (day[a] as number) - (day[b] as number) || a - b);
    return;
  }
  const packed = new Float64Array(charges.length);
  for (let k = 0; k < charges.length; k++) {
    const i = charges[k] as number;
    packed[k] = (day[i] as number) * INDEX_SPAN + i;
  }
  packed.sort();
  for (let k = 0; k < packed.length; k++) {
    const p = packed[k] as number;
    charges[k] = p - Math.floor(p / INDEX_SPAN) * INDEX_SPAN;
  }
}

const INDEX_SPAN = 2 ** 22;

/** Splits indices (keeping their order) by a small number, parts in order of first appearance. */
function partition(charges: number[], keyOf: (i: number) => number): number[][] {
  const parts: number[][] = [];
  const slot: number[][] = [];
  for (const i of charges) {
    const key = keyOf(i);
    let part = slot[key];
    if (part === undefined) {
      part = [];
      slot[key] = part;
      parts.push(part);
    }
    part.push(i);
  }
  return parts;
}

function describeCharge(data: Charges, group: Group, series: Series, asOfDay: number, unused: ReadonlySet<string>): RecurringCharge {
  const { spec } = series;
  const currency = group.currency;
  const txs = series.charges.map((i) => data.txs[i] as LeakTransaction);
  const first = txs[0] as LeakTransaction;
  const last = txs[txs.length - 1] as LeakTransaction;
  const lastMinor = -last.amount.minor;
  const nextExpected = nextExpectedDate(
    txs.map((t) => t.date),
    spec,
  );
  const accounts: string[] = [];
  for (const t of txs) if (t.accountId !== undefined && !accounts.includes(t.accountId)) accounts.push(t.accountId);
  const charges: LeakCharge[] = txs.map((t) => {
    const charge: LeakCharge = { id: t.id, date: t.date, amount: money(-t.amount.minor, currency) };
    if (t.accountId !== undefined) charge.accountId = t.accountId;
    return charge;
  });
  const shared = first.category;
  const category = shared !== undefined && shared !== '' && txs.every((t) => t.category === shared) ? shared : undefined;
  const charge: RecurringCharge = {
    key: group.key,
    merchant: group.name,
    period: spec.period,
    amount: money(lastMinor, currency),
    charges,
    accounts,
    firstDate: first.date,
    lastDate: last.date,
    nextExpected,
    active: dayNumber(nextExpected) + spec.halfDays >= asOfDay,
    yearlyCost: money(lastMinor * spec.perYear, currency),
    unused: unused.has(group.key),
  };
  if (category !== undefined) charge.category = category;
  return charge;
}

function priceRises(charge: RecurringCharge, spec: PeriodSpec): PriceRise[] {
  const amounts = charge.charges.map((c) => c.amount.minor);
  const currency = charge.amount.currency;
  return priceRiseIndices(amounts).map((i) => {
    const from = amounts[i - 1] as number;
    const to = amounts[i] as number;
    const increase = to - from;
    return {
      key: charge.key,
      merchant: charge.merchant,
      date: (charge.charges[i] as LeakCharge).date,
      from: money(from, currency),
      to: money(to, currency),
      increase: money(increase, currency),
      yearlyIncrease: money(increase * spec.perYear, currency),
      percent: Math.round((increase * 1000) / from) / 10,
    };
  });
}

function money(minor: number, currency: string) {
  return { minor: minor === 0 ? 0 : minor, currency };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Dearest first in the base currency (charges without a rate after the others, by their own amount), then key, account, first date. */
function byCost(a: Candidate, b: Candidate): number {
  if (a.base !== undefined && b.base === undefined) return -1;
  if (a.base === undefined && b.base !== undefined) return 1;
  const costA = a.base ?? a.charge.yearlyCost.minor;
  const costB = b.base ?? b.charge.yearlyCost.minor;
  return (
    costB - costA ||
    compare(a.charge.key, b.charge.key) ||
    compare(a.charge.accounts.join(','), b.charge.accounts.join(',')) ||
    compare(a.charge.firstDate, b.charge.firstDate) ||
    a.charge.amount.minor - b.charge.amount.minor
  );
}

function byNewest(a: PriceRise, b: PriceRise): number {
  return compare(b.date, a.date) || compare(a.key, b.key);
}
