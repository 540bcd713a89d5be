/**
 * Bench case: the tax-loss-harvest scan as `strata harvest` runs it — replay
 * the ledger (10,000 opening lots, 20,000 trades, wash sales on the recorded
 * sells) and scan every lot held for losses and wash-sale windows.
 *
 * The baseline replays the same ledger, then scans the straightforward way:
 * for every lot at a loss, a pass over every opening lot and trade for
 * purchases in its window, and over every loss sale for recent ones
 * (O(lots × trades); symbols are mapped to their groups once beforehand).
 * Before timing, both must give the same candidates: lot, loss, verdict,
 * blocking purchase, disallowed loss, tax saved and replacements, in the
 * same order. The baseline writes no reasons, so it does less per candidate.
 */
import { identicalGroups, replacementCandidates } from '@/utils/portfolio/classes';
import { termOf } from '@/utils/portfolio/dates';
import { harvest } from '@/utils/portfolio/harvest';
import { buildLedger } from '@/utils/portfolio/ledger';
import { mulDivRound, proRata, valueOf } from '@/utils/portfolio/quantity';
import type { Day, Ledger, Portfolio } from '@/utils/portfolio/types';
import type { BenchCase } from '../harness';
import { HARVEST_ACCOUNTS, HARVEST_DATE, HARVEST_LOTS, HARVEST_TRADES, harvestBenchPortfolio } from '../harvestData';

interface Row {
  lotId: string;
  lossMinor: number;
  verdict: string;
  blockedBy: string | null;
  disallowedMinor: number;
  taxSavedMinor: number;
  replacements: string;
}

/** The scan, naively: every lot against every purchase and every disposal. */
function naiveHarvest(p: Portfolio, ledger: Ledger, date: Day): Row[] {
  const group = identicalGroups(p.identical);
  const taxType = new Map(p.accounts.map((a) => [a.id, a.taxType]));
  const s = p.settings;
  const purchases = [
    ...p.lots.map((l, index) => ({ kind: 'lot', rank: 0, index, group: group(l.symbol), date: l.acquired, quantity: l.quantity })),
    ...p.trades.flatMap((t, index) => (t.side === 'sell' ? [] : [{ kind: 'trade', rank: 1, index, group: group(t.symbol), date: t.date, quantity: t.quantity }])),
  ];
  const lossSales = ledger.disposals.filter((d) => d.gainMinor < 0 && d.taxType === 'taxable').map((d) => ({ group: group(d.symbol), sold: d.sold }));
  const rows: Row[] = [];
  for (const lot of ledger.open) {
    if (lot.acquired > date) continue;
    const price = p.prices[lot.symbol];
    if (price === undefined) {
      rows.push({ lotId: lot.id, lossMinor: 0, verdict: 'no-price', blockedBy: null, disallowedMinor: 0, taxSavedMinor: 0, replacements: '' });
      continue;
    }
    const loss = lot.basisMinor - valueOf(lot.quantity, price.priceMinor);
    if (loss <= 0) continue;
    const replacements = replacementCandidates(lot.symbol, p.classes)
      .filter((c) => group(c) !== group(lot.symbol))
      .filter((c) => !lossSales.some((d) => d.group === group(c) && d.sold >= date - 30 && d.sold <= date))
      .slice(0, 3)
      .join(',');
    const row = { lotId: lot.id, lossMinor: loss, blockedBy: null as string | null, disallowedMinor: 0, taxSavedMinor: 0, replacements };
    if (taxType.get(lot.account) !== 'taxable') {
      rows.push({ ...row, verdict: 'not-taxable' });
      continue;
    }
    if (loss < s.harvestMinLossMinor || loss * 10000 < s.harvestMinLossBasisPoints * lot.basisMinor) {
      rows.push({ ...row, verdict: 'below-threshold' });
      continue;
    }
    let covered = 0;
    let first: (typeof purchases)[number] | null = null;
    const own = group(lot.symbol);
    for (const x of purchases) {
      if (x.group !== own || x.date < date - 30 || x.date > date + 30) continue;
      if (x.kind === lot.origin.kind && x.index === lot.origin.index) continue;
      covered += x.quantity;
      if (first === null || x.date < first.date || (x.date === first.date && (x.rank < first.rank || (x.rank === first.rank && x.index < first.index)))) first = x;
    }
    if (first !== null) {
      const q = Math.min(covered, lot.quantity);
      rows.push({ ...row, verdict: q === lot.quantity ? 'wash-sale' : 'partial-wash-sale', blockedBy: `${first.kind}:${first.index}`, disallowedMinor: proRata(loss, q, lot.quantity) });
      continue;
    }
    const rate = termOf(lot.holdingFrom, date) === 'short' ? s.shortTermRateBasisPoints : s.longTermRateBasisPoints;
    rows.push({ ...row, verdict: 'harvestable', taxSavedMinor: mulDivRound(loss, rate, 10000) });
  }
  return rows.sort((a, b) => b.lossMinor - a.lossMinor || (a.lotId < b.lotId ? -1 : a.lotId > b.lotId ? 1 : 0));
}

export function harvestCase(): BenchCase {
  const p = harvestBenchPortfolio();
  const ours = { name: 'buildLedger + harvest (ours)', runs: 21, warmup: 5, run: () => harvest(p, buildLedger(p), HARVEST_DATE) };
  const baseline = { name: 'buildLedger + naive scan (baseline)', runs: 3, warmup: 0, run: () => naiveHarvest(p, buildLedger(p), HARVEST_DATE) };
  return {
    title: 'Harvest scan',
    describe: () =>
      `${HARVEST_LOTS.toLocaleString('en-US')} lots, ${HARVEST_TRADES.toLocaleString('en-US')} trades, ` +
      `${HARVEST_ACCOUNTS} accounts, ${Object.keys(p.prices).length} symbols`,
    implementations: [ours, baseline],
    target: { name: ours.name, medianMs: 50 },
    check: () => {
      const ledger = buildLedger(p);
      const fast = harvest(p, ledger, HARVEST_DATE).candidates.map(
        (c): Row => ({
          lotId: c.lotId,
          lossMinor: c.lossMinor,
          verdict: c.verdict,
          blockedBy: c.blockedBy ? `${c.blockedBy.kind}:${c.blockedBy.index}` : null,
          disallowedMinor: c.disallowedMinor,
          taxSavedMinor: c.taxSavedMinor,
          replacements: c.replacements.join(','),
        }),
      );
      const slow = naiveHarvest(p, ledger, HARVEST_DATE);
      if (fast.length !== slow.length) throw new Error(`Candidate counts differ: ours ${fast.length}, baseline ${slow.length}`);
      const text = (r: Row | undefined) =>
        r === undefined ? 'none' : JSON.stringify([r.lotId, r.lossMinor, r.verdict, r.blockedBy, r.disallowedMinor, r.taxSavedMinor, r.replacements]);
      fast.forEach((row, i) => {
        if (text(row) !== text(slow[i])) throw new Error(`Candidate ${i} differs: ours ${text(row)}, baseline ${text(slow[i])}`);
      });
      const count = (v: string) => fast.filter((r) => r.verdict === v).length;
      const disallowed = ledger.disposals.filter((d) => d.disallowedMinor > 0).length;
      return (
        `${fast.length} candidates identical (${count('harvestable')} harvestable, ${count('wash-sale')} wash sale, ` +
        `${count('partial-wash-sale')} partial, ${count('below-threshold')} below threshold, ${count('not-taxable')} not taxable); ` +
        `ledger: ${ledger.open.length} lots held, ${ledger.disposals.length} disposals, ${disallowed} with a disallowed loss`
      );
    },
  };
}
