/**
 * The sentences a rebalance plan carries, with their figures. Formatting is
 * plain and deterministic (no Intl, no locale): money as "1,234.56 USD",
 * shares of the whole as "37.20%", bands as "±5.00-point", quantities as
 * "12.5" (formatQty).
 */
import { formatMoneyPlain } from '../money/format';
import { classLabel } from './classes';
import { formatQty } from './quantity';
import type { ClassDrift, PortfolioSettings, PortfolioTaxType, Qty } from './types';
import { listAnd } from '../labels';

/** 123456, "USD" → "1,234.56 USD" (utils/money formatMoneyPlain). */
export const moneyText = (minor: number, currency: string): string => formatMoneyPlain({ minor, currency });

/** Basis points with two decimals of a percent: 3720 → "37.20", 5 → "0.05", −150 → "-1.50". */
export function pointsText(bp: number): string {
  const sign = bp < 0 ? '-' : '';
  const abs = Math.abs(bp);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** 3720 → "37.20%". */
export const percentText = (bp: number): string => `${pointsText(bp)}%`;

/** "US bonds are", "US total market is": a label ending in s reads as plural. */
export function classIs(assetClass: string): string {
  const label = classLabel(assetClass);
  return `${label} ${/s$/i.test(label) ? 'are' : 'is'}`;
}

const TAX_WORDS: Record<PortfolioTaxType, string> = {
  taxable: 'taxable',
  'tax-deferred': 'tax-deferred, no tax due',
  'tax-free': 'tax-free, no tax due',
};

/** "Sell 12.5 BND in Vanguard IRA (tax-deferred, no tax due)". */
export function tradeHead(side: 'buy' | 'sell', qty: Qty, symbol: string, accountName: string, taxType: PortfolioTaxType): string {
  const words = side === 'sell' ? TAX_WORDS[taxType] : taxType;
  return `${side === 'sell' ? 'Sell' : 'Buy'} ${formatQty(qty)} ${symbol} in ${accountName} (${words})`;
}

/** Why the class moves: "US bonds are at 37.20% against a 30.00% target, outside its ±5.00-point band". */
export function classSituation(c: ClassDrift, role: 'outside' | 'source' | 'sink'): string {
  const where = `${classIs(c.assetClass)} at ${percentText(c.shareBasisPoints)} against a ${percentText(c.targetBasisPoints)} target`;
  const band = `±${pointsText(c.bandBasisPoints)}-point band`;
  if (role === 'outside') return `${where}, outside its ${band}`;
  if (role === 'source') return `${where}, inside its ${band} but above target, so selling it down pays for the buys the classes outside their bands need`;
  return `${where}, inside its ${band} but below target, so it takes the money the other trades leave over`;
}

/** " with 700.00 USD of sale proceeds and 350.00 USD of uninvested cash". */
export function fundingText(proceedsMinor: number, cashMinor: number, currency: string): string {
  if (cashMinor === 0) return ` with ${moneyText(proceedsMinor, currency)} of sale proceeds`;
  if (proceedsMinor === 0) return ` with ${moneyText(cashMinor, currency)} of uninvested cash (no sale needed)`;
  return ` with ${moneyText(proceedsMinor, currency)} of sale proceeds and ${moneyText(cashMinor, currency)} of uninvested cash`;
}

/** What a taxable sale realizes and its estimated tax: "; this realizes a long-term gain of 500.00 USD, about 75.00 USD in tax at your 15.00% long-term rate". */
export function taxText(shortGainMinor: number, longGainMinor: number, taxCostMinor: number, s: PortfolioSettings, currency: string): string {
  const money = (m: number) => moneyText(m, currency);
  const net = shortGainMinor + longGainMinor;
  const taxWords = taxCostMinor < 0 ? `saving about ${money(-taxCostMinor)} in tax` : `about ${money(taxCostMinor)} in tax`;
  const kind = (gain: number) => (gain < 0 ? 'loss' : 'gain');
  if (shortGainMinor === 0 && longGainMinor === 0) return '; this realizes no gain or loss, so no tax';
  if (shortGainMinor === 0) {
    return `; this realizes a long-term ${kind(net)} of ${money(Math.abs(net))}, ${taxWords} at your ${percentText(s.longTermRateBasisPoints)} long-term rate`;
  }
  if (longGainMinor === 0) {
    return `; this realizes a short-term ${kind(net)} of ${money(Math.abs(net))}, ${taxWords} at your ${percentText(s.shortTermRateBasisPoints)} short-term rate`;
  }
  return (
    `; this realizes a net ${kind(net)} of ${money(Math.abs(net))} (short-term ${money(shortGainMinor)}, long-term ${money(longGainMinor)}), ` +
    `${taxWords} at your ${percentText(s.shortTermRateBasisPoints)} short-term and ${percentText(s.longTermRateBasisPoints)} long-term rates`
  );
}

// ------------------------------------------------------------------ why a class is left unresolved

export function noSymbolReason(assetClass: string, defaultSymbol: string | null): string {
  const label = classLabel(assetClass);
  if (defaultSymbol !== null) {
    return `Nothing of ${label} is held with a price and its default fund ${defaultSymbol} has no price: add a price for ${defaultSymbol} (or for a fund of this class) so the plan can buy it.`;
  }
  return `Nothing of ${label} is held with a price and it has no default fund: hold or price a symbol of this class so the plan can buy it.`;
}

export function unclassifiedReason(symbols: readonly string[]): string {
  return `The plan does not sell holdings it cannot class (${listAnd(symbols)}): give ${symbols.length === 1 ? 'it' : 'them'} an asset class to rebalance ${symbols.length === 1 ? 'it' : 'them'}.`;
}

export function shortTermBlockedReason(assetClass: string, soldMinor: number, neededMinor: number, blockedMinor: number, currency: string): string {
  const money = (m: number) => moneyText(m, currency);
  return (
    `Only short-term gains are left to sell: ${money(blockedMinor)} of ${classLabel(assetClass)} in taxable accounts has been held one year or less and is at a gain, ` +
    `and your settings do not allow realizing short-term gains; ${money(soldMinor)} of the ${money(neededMinor)} above its target could be sold.`
  );
}

export function nothingToSellReason(assetClass: string, soldMinor: number, neededMinor: number, currency: string): string {
  const money = (m: number) => moneyText(m, currency);
  return `Nothing more of ${classLabel(assetClass)} can be sold in any account: ${money(soldMinor)} of the ${money(neededMinor)} above its target could be sold.`;
}

export function shortageReason(paidMinor: number, neededMinor: number, blockedClasses: readonly string[], currency: string): string {
  const money = (m: number) => moneyText(m, currency);
  const cause =
    blockedClasses.length > 0
      ? `${listAnd(blockedClasses.map(classLabel))} could not be sold far enough to pay for it`
      : 'no class above its target has anything left to sell, and uninvested cash is already down to its target';
  return `Only ${money(paidMinor)} of the ${money(neededMinor)} it needs to reach its target could be paid for: ${cause}.`;
}

export const ROUNDING_REASON = 'Whole micro-share quantities leave it just outside its band.';
