/**
 * The sentences harvest candidates carry, with their figures. Formatting is
 * plain and deterministic (no Intl locale): money as "1,234.56 USD", shares as
 * "12.5", shares of a whole as "12.5%".
 */
import { formatMoneyPlain } from '../money/format';
import { formatDay } from './dates';
import { formatQty } from './quantity';
import type { Day, HarvestBlocker, HarvestCandidate, PortfolioTaxType } from './types';

/** Basis points as a percentage: 3200 → "32%", 250 → "2.5%", 1234 → "12.34%". */
export function formatBasisPoints(bp: number): string {
  const whole = Math.floor(bp / 100);
  const rest = bp % 100;
  return rest === 0 ? `${whole}%` : `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}%`;
}

/** The sentences for one scan (one currency, one date); dates are formatted once each. */
export class ReasonText {
  private readonly days = new Map<Day, string>();
  private readonly window: string;
  private readonly on: string;

  constructor(
    private readonly currency: string,
    date: Day,
    /** Account id → the name people know it by. */
    private readonly accountNames: ReadonlyMap<string, string> = new Map(),
  ) {
    this.on = formatDay(date);
    this.window = `from ${this.day(date - 30)} to ${this.day(date + 30)}`;
  }

  private day(d: Day): string {
    let text = this.days.get(d);
    if (text === undefined) {
      text = formatDay(d);
      this.days.set(d, text);
    }
    return text;
  }

  private money(minor: number): string {
    return formatMoneyPlain({ minor, currency: this.currency });
  }

  private account(id: string): string {
    return `"${this.accountNames.get(id) ?? id}"`;
  }

  /** "10 VTSAX bought in "Vanguard IRA" on 2026-01-10". */
  purchase(b: HarvestBlocker): string {
    const where = `in ${this.account(b.account)} on ${this.day(b.date)}`;
    const what = `${formatQty(b.quantity)} ${b.symbol}`;
    if (b.kind === 'lot') return `the lot of ${what} acquired ${where}`;
    if (b.side === 'reinvest') return `a dividend reinvested in ${what} ${where}`;
    return `${what} bought ${where}`;
  }

  noPrice(c: HarvestCandidate): string {
    return (
      `There is no price for ${c.symbol}, so the loss on this lot of ${formatQty(c.quantity)} ${c.symbol} ` +
      `(basis ${this.money(c.basisMinor)}) cannot be computed; add a price for ${c.symbol} to check it.`
    );
  }

  notTaxable(c: HarvestCandidate, taxType: PortfolioTaxType): string {
    return `This lot is in ${this.account(c.account)}, a ${taxType} account: its loss of ${this.money(c.lossMinor)} is not deductible, so harvesting it saves no tax.`;
  }

  belowThreshold(c: HarvestCandidate, minLossMinor: number, minLossBasisPoints: number): string {
    return (
      `The loss of ${this.money(c.lossMinor)} (${formatBasisPoints(c.lossBasisPoints)} of its ${this.money(c.basisMinor)} basis) ` +
      `is below your thresholds: a harvest needs a loss of at least ${this.money(minLossMinor)} and at least ${formatBasisPoints(minLossBasisPoints)} of basis.`
    );
  }

  washSale(c: HarvestCandidate, blocker: HarvestBlocker, coveredQty: number): string {
    const first = `Selling on ${this.on} would be a`;
    const purchases = `purchases of ${c.symbol} or a substantially identical symbol ${this.window}`;
    if (coveredQty >= c.quantity) {
      return (
        `${first} wash sale: ${this.purchase(blocker)}, and ${purchases} cover all ${formatQty(c.quantity)} shares of this lot, ` +
        `so the whole loss of ${this.money(c.lossMinor)} would be disallowed.`
      );
    }
    return (
      `${first} partial wash sale: ${this.purchase(blocker)}, and ${purchases} cover ${formatQty(coveredQty)} of this lot's ` +
      `${formatQty(c.quantity)} shares, so ${this.money(c.disallowedMinor)} of the ${this.money(c.lossMinor)} loss would be disallowed.`
    );
  }

  harvestable(c: HarvestCandidate, rateBasisPoints: number): string {
    return (
      `Harvestable: selling on ${this.on} realizes a ${c.term}-term loss of ${this.money(c.lossMinor)} ` +
      `(${formatBasisPoints(c.lossBasisPoints)} of basis), saving about ${this.money(c.taxSavedMinor)} at your ${formatBasisPoints(rateBasisPoints)} ${c.term}-term rate; ` +
      `no purchase of ${c.symbol} or a substantially identical symbol ${this.window}.`
    );
  }
}
