/**
 * The class-level rebalance plan: how much each asset class's value changes
 * (positive: buy, negative: sell), before any account or lot is chosen.
 *
 * 1. Only classes outside their band must move, and they move back to their
 *    target value (target × total / 10000, half to even). An overweight class
 *    sells at most what can be sold (see `sellableValue`); an underweight
 *    class needs a symbol to buy. "unclassified" holdings are never sold.
 * 2. The money must balance. When the buys need more than the sales bring,
 *    uninvested cash above the cash target pays first (cash-flow
 *    rebalancing: no sale, no tax), then the most overweight in-band classes
 *    are sold, largest excess first, down to their targets. If that is still
 *    not enough, the least underweight buys shrink.
 *    When the sales bring more than the buys need, the most underweight
 *    in-band classes take it, largest deficit first, up to their targets
 *    (cash among them: money kept uninvested needs no trade); any rest stays
 *    as cash.
 * The deltas always sum to 0 (cash absorbs the rest); `notes` says why a
 * class could not move all the way (used when it is still outside after).
 */
import { CASH_CLASS, defaultSymbolFor, UNCLASSIFIED } from './classes';
import { byCodeUnit, WHOLE_BASIS_POINTS } from './drift';
import type { SymbolChooser } from './rebalance-buys';
import { isSellable, isShortTermGain, type PricedLot } from './rebalance-lots';
import { noSymbolReason, nothingToSellReason, shortageReason, shortTermBlockedReason, unclassifiedReason } from './rebalance-text';
import { mulDivRound } from './quantity';
import type { ClassDrift, DriftReport, Portfolio } from './types';

export type ClassRole = 'outside' | 'source' | 'sink';

export interface ClassPlan {
  /** Class → change in value, minor units (+ buy, − sell); sums to 0. */
  deltas: Map<string, number>;
  roles: Map<string, ClassRole>;
  /** Why a class could not move all the way to its target. */
  notes: Map<string, string>;
  /** Classes to buy, most urgent first (the last ones shrink when money runs short). */
  buyOrder: string[];
}

interface Sellable {
  /** What the plan may sell of the class (uninvested cash included for "cash"). */
  value: number;
  /** Taxable short-term gains the settings keep the plan from selling. */
  blockedShortTerm: number;
}

function sellableByClass(p: Portfolio, lots: readonly PricedLot[], uninvestedMinor: number): Map<string, Sellable> {
  const out = new Map<string, Sellable>([[CASH_CLASS, { value: uninvestedMinor, blockedShortTerm: 0 }]]);
  for (const l of lots) {
    const s = out.get(l.assetClass) ?? { value: 0, blockedShortTerm: 0 };
    if (isSellable(l, p.settings)) s.value += l.valueMinor;
    else if (isShortTermGain(l)) s.blockedShortTerm += l.valueMinor;
    out.set(l.assetClass, s);
  }
  return out;
}

export function planClasses(p: Portfolio, before: DriftReport, lots: readonly PricedLot[], chooser: SymbolChooser, uninvestedMinor: number): ClassPlan {
  const deltas = new Map<string, number>();
  const roles = new Map<string, ClassRole>();
  const notes = new Map<string, string>();
  const sellable = sellableByClass(p, lots, uninvestedMinor);
  const canSell = (c: string) => sellable.get(c)?.value ?? 0;
  const canBuy = (c: string) => c === CASH_CLASS || chooser.canBuy(c);
  const targetValue = (c: ClassDrift) => mulDivRound(c.targetBasisPoints, before.totalMinor, WHOLE_BASIS_POINTS);
  const gap = (c: ClassDrift) => targetValue(c) - c.valueMinor;
  const blocked: string[] = [];

  const outside = before.classes.filter((c) => c.outside);
  for (const c of outside) {
    const name = c.assetClass;
    const needed = gap(c);
    if (name === UNCLASSIFIED) {
      const symbols = [...new Set(lots.filter((l) => l.assetClass === UNCLASSIFIED).map((l) => l.lot.symbol))].sort(byCodeUnit);
      notes.set(name, unclassifiedReason(symbols));
    } else if (needed > 0) {
      if (canBuy(name)) {
        deltas.set(name, needed);
        roles.set(name, 'outside');
      } else notes.set(name, noSymbolReason(name, defaultSymbolFor(name)));
    } else if (needed < 0) {
      const sold = Math.min(-needed, canSell(name));
      if (sold > 0) {
        deltas.set(name, -sold);
        roles.set(name, 'outside');
      }
      if (sold < -needed) {
        blocked.push(name);
        const shortTerm = sellable.get(name)?.blockedShortTerm ?? 0;
        notes.set(
          name,
          shortTerm > 0
            ? shortTermBlockedReason(name, sold, -needed, shortTerm, p.currency)
            : nothingToSellReason(name, sold, -needed, p.currency),
        );
      }
    }
  }
  const buyOrder = outside
    .filter((c) => (deltas.get(c.assetClass) ?? 0) > 0)
    .sort((a, b) => a.driftBasisPoints - b.driftBasisPoints || byCodeUnit(a.assetClass, b.assetClass))
    .map((c) => c.assetClass);

  let net = [...deltas.values()].reduce((sum, d) => sum + d, 0);
  const inBand = before.classes.filter((c) => !c.outside && c.assetClass !== UNCLASSIFIED);
  if (net > 0) {
    const sources = inBand
      .filter((c) => gap(c) < 0)
      .sort((a, b) => Number(b.assetClass === CASH_CLASS) - Number(a.assetClass === CASH_CLASS) || gap(a) - gap(b) || byCodeUnit(a.assetClass, b.assetClass));
    for (const c of sources) {
      const take = Math.min(-gap(c), canSell(c.assetClass), net);
      if (take <= 0) continue;
      deltas.set(c.assetClass, -take);
      roles.set(c.assetClass, 'source');
      net -= take;
    }
    for (const name of [...buyOrder].reverse()) {
      if (net <= 0) break;
      const wanted = deltas.get(name)!;
      const cut = Math.min(net, wanted);
      net -= cut;
      if (cut === wanted) deltas.delete(name);
      else deltas.set(name, wanted - cut);
      notes.set(name, shortageReason(wanted - cut, wanted, blocked, p.currency));
    }
  } else if (net < 0) {
    const sinks = inBand
      .filter((c) => gap(c) > 0 && canBuy(c.assetClass))
      .sort((a, b) => gap(b) - gap(a) || byCodeUnit(a.assetClass, b.assetClass));
    for (const c of sinks) {
      if (net >= 0) break;
      const give = Math.min(gap(c), -net);
      deltas.set(c.assetClass, give);
      roles.set(c.assetClass, 'sink');
      buyOrder.push(c.assetClass);
      net += give;
    }
  }
  // Whatever is left (rounding, or money no class can take) stays as, or comes from, uninvested cash.
  if (net !== 0) deltas.set(CASH_CLASS, (deltas.get(CASH_CLASS) ?? 0) - net);
  return { deltas, roles, notes, buyOrder: buyOrder.filter((c) => (deltas.get(c) ?? 0) > 0) };
}
