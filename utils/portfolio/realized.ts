/**
 * Realized gains per tax year, and dividends and interest per year.
 */
import { yearOf } from './dates';
import { valueOf } from './quantity';
import type { Ledger, Portfolio, RealizedYear } from './types';

/**
 * Gains and losses realized in taxable accounts, per calendar year of the
 * sale, short and long term (dates.ts termOf on the holding period, which a
 * wash sale may have carried over). Amounts are what is deductible now: a
 * loss counts only its allowed part (gain + disallowed), the disallowed rest
 * is summed in `disallowedMinor` (it lives on in a replacement's basis, or is
 * lost for good when an IRA bought the replacement). Sorted by year.
 */
export function realizedByYear(ledger: Ledger): RealizedYear[] {
  const years = new Map<number, RealizedYear>();
  for (const d of ledger.disposals) {
    if (d.taxType !== 'taxable') continue;
    const year = yearOf(d.sold);
    let row = years.get(year);
    if (row === undefined) {
      row = { year, shortTermMinor: 0, longTermMinor: 0, disallowedMinor: 0, proceedsMinor: 0 };
      years.set(year, row);
    }
    const deductible = d.gainMinor + d.disallowedMinor;
    if (d.term === 'short') row.shortTermMinor += deductible;
    else row.longTermMinor += deductible;
    row.disallowedMinor += d.disallowedMinor;
    row.proceedsMinor += d.proceedsMinor;
  }
  return [...years.values()].sort((a, b) => a.year - b.year);
}

/**
 * Dividends and interest per calendar year, every account: the file's income
 * entries, plus reinvest trades counted as dividends at quantity × price (a
 * reinvested dividend is income paid in shares). A file that lists the same
 * dividend both as income and as a reinvest trade counts it twice: list it once.
 * Sorted by year.
 */
export function incomeByYear(p: Portfolio): { year: number; dividendsMinor: number; interestMinor: number }[] {
  const years = new Map<number, { year: number; dividendsMinor: number; interestMinor: number }>();
  const row = (day: number) => {
    const year = yearOf(day);
    let r = years.get(year);
    if (r === undefined) {
      r = { year, dividendsMinor: 0, interestMinor: 0 };
      years.set(year, r);
    }
    return r;
  };
  for (const entry of p.income) {
    if (entry.kind === 'dividend') row(entry.date).dividendsMinor += entry.amountMinor;
    else row(entry.date).interestMinor += entry.amountMinor;
  }
  for (const trade of p.trades) {
    if (trade.side === 'reinvest') row(trade.date).dividendsMinor += valueOf(trade.quantity, trade.priceMinor);
  }
  return [...years.values()].sort((a, b) => a.year - b.year);
}
