/**
 * Tax-loss harvesting: which lots held on a date are below their cost, and
 * for each, whether selling it that day would deduct the loss or trip the
 * wash-sale rule (IRS Publication 550, "Wash Sales").
 *
 * Which lots: the ledger's open lots (held after every trade the file
 * records) acquired on or before `date`, at a loss at `p.prices[symbol]`; a
 * lot whose symbol has no price is listed too, with verdict 'no-price' and
 * lossMinor 0, so nothing is silently dropped. Lots at a gain or break-even
 * are not candidates; neither are lots bought after `date` (but their
 * purchases count in the window below).
 *
 * Verdicts, the first that applies:
 * 1. not-taxable: the lot is in a tax-deferred or tax-free account.
 * 2. below-threshold: the loss is under settings.harvestMinLossMinor, or under
 *    settings.harvestMinLossBasisPoints of its basis (both must be met).
 * 3. wash-sale / partial-wash-sale: a purchase (opening lot, buy, reinvested
 *    dividend) of the same or a substantially identical symbol, in any account,
 *    dated date − 30 … date + 30 (later ones are trades the file records), other
 *    than the lot's own purchase. `blockedBy` names the first such purchase;
 *    partial when those purchases hold fewer shares than the lot, and
 *    `disallowedMinor` is then the loss of the covered shares pro rata.
 * 4. harvestable: taxSavedMinor = loss × the term's rate (term from the
 *    holding period to `date`), rounded half to even.
 *
 * Replacements: classes.ts replacementCandidates, minus the lot's own group,
 * minus any symbol whose group had a loss sale in a taxable account (a ledger
 * disposal with gainMinor < 0) in date − 30 … date (buying it would wash that
 * sale); at most 3.
 *
 * Candidates: largest loss first, then by lot id (string order). Every lot is sold on the
 * same date, so the window is the same for all: its purchases are found once
 * (a binary search in the ledger's purchases, sorted by date) and grouped;
 * each lot then looks at its group's, never at every trade.
 */
import { replacementCandidates } from './classes';
import { termOf } from './dates';
import { ReasonText } from './harvest-text';
import { memoGroups } from './ledger';
import { WASH_WINDOW_DAYS } from './ledger-wash';
import { firstOnOrAfter, purchasesInWindow, washWindow } from './wash-window';
import { mulDivRound, proRata, valueOf } from './quantity';
import type { Day, HarvestCandidate, HarvestReport, Ledger, Portfolio } from './types';

export const MAX_REPLACEMENTS = 3;

export function harvest(p: Portfolio, ledger: Ledger, date: Day): HarvestReport {
  const groupOf = memoGroups(p.identical);
  const taxTypes = new Map(p.accounts.map((a) => [a.id, a.taxType] as const));
  const s = p.settings;

  // Every lot is sold on `date`, so every lot has the same window: its purchases are collected once.
  const inWindow = purchasesInWindow(ledger.purchases, groupOf, date);

  // Groups with a loss sale in a taxable account in date − 30 … date: buying
  // into them now would wash that sale (disposals are in replay order, by date).
  const soldAtLoss = new Set<string>();
  const disposals = ledger.disposals;
  for (let i = firstOnOrAfter(disposals.length, (k) => disposals[k]!.sold, date - WASH_WINDOW_DAYS); i < disposals.length; i++) {
    const d = disposals[i]!;
    if (d.sold > date) break;
    if (d.gainMinor < 0 && d.taxType === 'taxable') soldAtLoss.add(groupOf(d.symbol));
  }
  const replacementsCache = new Map<string, string[]>();
  const replacementsFor = (symbol: string) => {
    let out = replacementsCache.get(symbol);
    if (out === undefined) {
      const own = groupOf(symbol);
      out = replacementCandidates(symbol, p.classes)
        .filter((c) => groupOf(c) !== own && !soldAtLoss.has(groupOf(c)))
        .slice(0, MAX_REPLACEMENTS);
      replacementsCache.set(symbol, out);
    }
    return out;
  };

  // Few distinct holding-period starts: the term of each is worked out once.
  const terms = new Map<Day, 'short' | 'long'>();
  const termFrom = (holdingFrom: Day) => {
    let term = terms.get(holdingFrom);
    if (term === undefined) {
      term = termOf(holdingFrom, date);
      terms.set(holdingFrom, term);
    }
    return term;
  };
  const text = new ReasonText(p.currency, date, new Map(p.accounts.map((a) => [a.id, a.name])));

  const candidates: HarvestCandidate[] = [];
  for (const lot of ledger.open) {
    if (lot.acquired > date) continue;
    const price = p.prices[lot.symbol];
    const valueMinor = price === undefined ? 0 : valueOf(lot.quantity, price.priceMinor);
    const lossMinor = price === undefined ? 0 : lot.basisMinor - valueMinor;
    if (price !== undefined && lossMinor <= 0) continue;
    const c: HarvestCandidate = {
      lotId: lot.id,
      account: lot.account,
      symbol: lot.symbol,
      acquired: lot.acquired,
      holdingFrom: lot.holdingFrom,
      quantity: lot.quantity,
      basisMinor: lot.basisMinor,
      valueMinor,
      lossMinor,
      lossBasisPoints: lossMinor === 0 ? 0 : mulDivRound(lossMinor, 10000, lot.basisMinor),
      term: termFrom(lot.holdingFrom),
      taxSavedMinor: 0,
      disallowedMinor: 0,
      harvestable: false,
      verdict: 'no-price',
      blockedBy: null,
      reason: '',
      replacements: [],
    };
    candidates.push(c);
    if (price === undefined) {
      c.reason = text.noPrice(c);
      continue;
    }
    c.replacements = replacementsFor(lot.symbol).slice();
    const taxType = taxTypes.get(lot.account) ?? 'taxable';
    if (taxType !== 'taxable') {
      c.verdict = 'not-taxable';
      c.reason = text.notTaxable(c, taxType);
      continue;
    }
    // Exact comparison: loss / basis < min share ⇔ loss × 10000 < min × basis.
    if (lossMinor < s.harvestMinLossMinor || lossMinor * 10000 < s.harvestMinLossBasisPoints * lot.basisMinor) {
      c.verdict = 'below-threshold';
      c.reason = text.belowThreshold(c, s.harvestMinLossMinor, s.harvestMinLossBasisPoints);
      continue;
    }
    const wash = washWindow(p, inWindow.get(groupOf(lot.symbol)), lot, date);
    if (wash !== null) {
      const covered = Math.min(wash.quantity, lot.quantity);
      c.verdict = covered === lot.quantity ? 'wash-sale' : 'partial-wash-sale';
      c.disallowedMinor = proRata(lossMinor, covered, lot.quantity);
      c.blockedBy = wash.first;
      c.reason = text.washSale(c, wash.first, covered);
      continue;
    }
    const rate = c.term === 'short' ? s.shortTermRateBasisPoints : s.longTermRateBasisPoints;
    c.verdict = 'harvestable';
    c.harvestable = true;
    c.taxSavedMinor = mulDivRound(lossMinor, rate, 10000);
    c.reason = text.harvestable(c, rate);
  }

  candidates.sort((a, b) => b.lossMinor - a.lossMinor || (a.lotId < b.lotId ? -1 : a.lotId > b.lotId ? 1 : 0));
  return { date, candidates, taxSavedMinor: candidates.reduce((sum, c) => sum + c.taxSavedMinor, 0) };
}
