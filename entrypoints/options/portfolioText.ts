/**
 * How the Portfolio section writes its figures and verdicts in words:
 * money in the report's currency, shares of the whole and drift in points,
 * micro-share quantities, calendar days, harvest verdicts and what blocks a
 * harvest. Pure: no DOM; every string is plain text (symbols, account ids and
 * reasons are the person's own data and are never parsed as markup).
 */
import { formatMoney } from '@/utils/money';
import { classLabel } from '@/utils/portfolio/classes';
import { formatDay, timestampOfDay } from '@/utils/portfolio/dates';
import { formatQty } from '@/utils/portfolio/quantity';
import type { Day, DriftReport, HarvestBlocker, HarvestVerdict, Qty, RealizedYear } from '@/utils/portfolio/types';
import { listAnd } from '@/utils/labels';

export interface PortfolioFormat {
  /** Minor units of the report's currency → "$1,234.56". */
  money(minor: number): string;
  /** Basis points of the whole → "32.50%". */
  share(basisPoints: number): string;
  /** Basis points as signed percentage points → "+3.20 pts", "-1.50 pts", "0.00 pts". */
  points(basisPoints: number): string;
  /** A band's half-width → "±5.00 pts". */
  band(basisPoints: number): string;
  /** Micro-shares → "1,234.5" (up to 6 decimals, exact). */
  qty(qty: Qty): string;
  /** A Day → "Nov 10, 2026" (the calendar date, whatever the time zone). */
  day(day: Day): string;
  /** An account id → the account's name (the id when it has none). */
  account(id: string): string;
}

export function portfolioFormat(currency: string, locale: string, accountNames: Readonly<Record<string, string>> = {}): PortfolioFormat {
  const percent = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2 });
  const signedPoints = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' });
  const plainPoints = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const quantity = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  return {
    money: (minor) => formatMoney({ minor, currency }, locale),
    share: (bp) => percent.format(bp / 10_000),
    points: (bp) => `${signedPoints.format(bp / 100)} pts`,
    band: (bp) => `±${plainPoints.format(bp / 100)} pts`,
    // formatQty's decimal string reaches Intl as is: no float division, so 6 decimals stay exact.
    qty: (q) => quantity.format(formatQty(q) as `${number}`),
    day: (d) => date.format(new Date(timestampOfDay(d))),
    account: (id) => accountNames[id] ?? id,
  };
}

export const VERDICT_LABELS: Record<HarvestVerdict, string> = {
  harvestable: 'Harvestable',
  'wash-sale': 'Wash sale',
  'partial-wash-sale': 'Partial wash sale',
  'below-threshold': 'Below your thresholds',
  'not-taxable': 'Not taxable',
  'no-price': 'No price',
};

export const TERM_LABELS: Record<'short' | 'long', string> = {
  short: 'Short-term',
  long: 'Long-term',
};

/**
 * The purchase that blocks a harvest, in words: "bought 10 VTI on 2026-11-10
 * in ira". Dates and quantities are written by `day` and `qty` (ISO date and
 * plain decimal by default); the account is its id, as the report names it.
 */
export function describeBlocker(
  blocker: HarvestBlocker,
  write: { day?: (day: Day) => string; qty?: (qty: Qty) => string; account?: (id: string) => string } = {},
): string {
  const day = (write.day ?? formatDay)(blocker.date);
  const qty = (write.qty ?? formatQty)(blocker.quantity);
  const what = `${qty} ${blocker.symbol} on ${day} in ${(write.account ?? ((id: string) => id))(blocker.account)}`;
  switch (blocker.side) {
    case 'buy':
      return `bought ${what}`;
    case 'reinvest':
      return `bought ${what} (a reinvested dividend)`;
    case 'lot':
      return `acquired ${what} (a lot held before the first trade)`;
    case 'sell':
      return `sold ${what}`;
  }
}

/** A trade's or a plan's estimated tax: "$120.00", or "saves $45.00" when a loss lowers the tax. */
export function taxCostText(minor: number, money: (minor: number) => string): string {
  return minor < 0 ? `saves ${money(-minor)}` : money(minor);
}

/** The classes outside their band, by label: "US bonds and REITs". */
function outsideLabels(drift: DriftReport): string {
  return listAnd(drift.outside.map(classLabel));
}

/** One line on where the plan leaves the allocation. */
export function afterSummary(after: DriftReport): string {
  if (after.outside.length === 0) return 'After these trades every class is inside its band.';
  const verb = after.outside.length === 1 ? 'is' : 'are';
  return `After these trades ${outsideLabels(after)} ${verb} still outside ${after.outside.length === 1 ? 'its band' : 'their bands'}.`;
}

/** "No price for VXUS and BND: their lots are left out of these values."; null when every symbol has a price. */
export function unpricedText(unpriced: readonly string[]): string | null {
  if (unpriced.length === 0) return null;
  return `No price for ${listAnd(unpriced)}: ${unpriced.length === 1 ? 'its lots are' : 'their lots are'} left out of these values.`;
}

/**
 * What the allocation chart shows, for a screen reader: each class's share
 * against its target and whether it is inside its band, then the classes
 * outside.
 */
export function allocationSummary(drift: DriftReport, format: Pick<PortfolioFormat, 'share' | 'money'>): string {
  if (drift.classes.length === 0) return 'Allocation against target: no holdings and no targets yet.';
  const rows = drift.classes.map(
    (c) =>
      `${classLabel(c.assetClass)} ${format.share(c.shareBasisPoints)}, target ${format.share(c.targetBasisPoints)}, ` +
      `${c.outside ? 'outside' : 'inside'} its band`,
  );
  const outside =
    drift.outside.length === 0
      ? 'Every class is inside its band.'
      : `Outside ${drift.outside.length === 1 ? 'its band' : 'their bands'}: ${outsideLabels(drift)}.`;
  return `Allocation against target, of ${format.money(drift.totalMinor)}: ${rows.join('; ')}. ${outside}`;
}

/** The realized year for `year`, or zeros when nothing was sold that year. */
export function realizedFor(realized: readonly RealizedYear[], year: number): RealizedYear {
  return realized.find((r) => r.year === year) ?? { year, shortTermMinor: 0, longTermMinor: 0, disallowedMinor: 0, proceedsMinor: 0 };
}
