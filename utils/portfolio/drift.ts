/**
 * Allocation drift: what each asset class is worth, its share of the whole
 * against its target, and whether it has left its band.
 *
 * Bands (the 5/25 rule): a class is rebalanced when it is `absolute` points
 * off its target OR `relative` × its own target off, whichever comes first,
 * so its band is min(absolute, relative × target / 10000), rounded half to
 * even to whole basis points (a 12.5% target at 25% → 312.5 → 312). A zero
 * target has the absolute band alone: a relative band of 0 would flag a few
 * dollars of a class the person does not want.
 *
 * A class is outside when |drift| > band, strictly: exactly on the edge is
 * inside. Drift is measured on the rounded share (the figure people see), so
 * the verdict always agrees with the numbers shown next to it.
 *
 * Values: every open lot at `p.prices[symbol]`, classed by `classOf`;
 * uninvested `p.cash` (all accounts) is class "cash". Lots of a symbol with no
 * price are left out and the symbol is named in `unpriced` (never guessed).
 * share = value × 10000 / total, rounded half to even.
 *
 * Classes listed: every class with a target and every class with a priced
 * holding (or uninvested cash), ordered by target descending, then class id
 * (code-unit order), so classes without a target come last, alphabetically.
 * With no targets at all there is nothing to drift from: every target is 0
 * and no class is outside. An empty portfolio (total 0) has shares 0 and
 * nothing outside.
 */
import { CASH_CLASS, classOf } from './classes';
import { mulDivRound, valueOf } from './quantity';
import type { ClassDrift, DriftReport, OpenLot, Portfolio, PortfolioSettings } from './types';

export const WHOLE_BASIS_POINTS = 10_000;

/** The band a class with this target may drift inside, in basis points of the whole. */
export function bandFor(targetBasisPoints: number, settings: PortfolioSettings): number {
  const absolute = settings.absoluteBandBasisPoints;
  if (targetBasisPoints === 0) return absolute;
  return Math.min(absolute, mulDivRound(settings.relativeBandBasisPoints, targetBasisPoints, WHOLE_BASIS_POINTS));
}

/** Strictly outside: a drift exactly on the band's edge is inside. */
export function isOutside(driftBasisPoints: number, bandBasisPoints: number): boolean {
  return Math.abs(driftBasisPoints) > bandBasisPoints;
}

export interface ClassValues {
  /** Value per class, minor units (cash included as class "cash"). */
  values: Map<string, number>;
  /** Symbols with no price, sorted, once each. */
  unpriced: string[];
}

/** What each class is worth: priced open lots by class, plus uninvested cash as "cash". */
export function classValues(p: Portfolio, open: readonly OpenLot[]): ClassValues {
  const values = new Map<string, number>();
  const unpriced = new Set<string>();
  for (const lot of open) {
    const price = p.prices[lot.symbol];
    if (price === undefined) {
      unpriced.add(lot.symbol);
      continue;
    }
    const assetClass = classOf(lot.symbol, p.classes);
    values.set(assetClass, (values.get(assetClass) ?? 0) + valueOf(lot.quantity, price.priceMinor));
  }
  const cash = Object.values(p.cash).reduce((sum, amount) => sum + amount, 0);
  if (cash !== 0) values.set(CASH_CLASS, (values.get(CASH_CLASS) ?? 0) + cash);
  return { values, unpriced: [...unpriced].sort(byCodeUnit) };
}

export function driftReport(p: Portfolio, open: readonly OpenLot[]): DriftReport {
  const { values, unpriced } = classValues(p, open);
  const hasTargets = Object.keys(p.targets).length > 0;
  const names = new Set<string>([...Object.keys(p.targets), ...values.keys()]);
  const totalMinor = [...values.values()].reduce((sum, v) => sum + v, 0);
  const target = (c: string) => p.targets[c] ?? 0;
  const order = [...names].sort((a, b) => target(b) - target(a) || byCodeUnit(a, b));
  const classes: ClassDrift[] = order.map((assetClass) => {
    const valueMinor = values.get(assetClass) ?? 0;
    const targetBasisPoints = target(assetClass);
    const shareBasisPoints = totalMinor > 0 ? mulDivRound(valueMinor, WHOLE_BASIS_POINTS, totalMinor) : 0;
    const driftBasisPoints = shareBasisPoints - targetBasisPoints;
    const bandBasisPoints = bandFor(targetBasisPoints, p.settings);
    const outside = hasTargets && totalMinor > 0 && isOutside(driftBasisPoints, bandBasisPoints);
    return { assetClass, valueMinor, shareBasisPoints, targetBasisPoints, driftBasisPoints, bandBasisPoints, outside };
  });
  return { totalMinor, classes, outside: classes.filter((c) => c.outside).map((c) => c.assetClass), unpriced };
}

/** Deterministic string order (no locale). */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
