/**
 * Bench case: leak detection over 100,000 card transactions (three years to November 2026,
 * subscriptions among one-off purchases at ~150 merchants; bench/importData.ts)
 * as the worker receives them. Ours: findLeaks, with the merchant cache
 * cleared before every run so each run normalizes every description afresh.
 * Baseline: what one would write first — a regex chain per description,
 * grouping by merchant, dates parsed with Date, monthly intervals only,
 * floats for money. Target: median < 200 ms.
 * The check: ours finds the generator's subscriptions with their periods,
 * Netflix's price rise (15.49 → 17.99) and its yearly cost (12 × 17.99).
 */
import { findLeaks } from '@/utils/analytics/leaks';
import type { LeakInput, LeakTransaction } from '@/utils/analytics/leak-types';
import { clearMerchantCache } from '@/utils/analytics/merchants';
import { readImportText } from '@/utils/importers';
import type { BenchCase } from '../harness';
import { generateTransactionsCsv } from '../importData';

const ROWS = 100_000;

/** The naive approach: normalize with regexes each time, group, keep merchants charged about monthly. */
function naiveLeaks(transactions: readonly LeakTransaction[]): { key: string; yearly: number }[] {
  const groups: Record<string, { time: number; amount: number }[]> = {};
  for (const t of transactions) {
    if (t.amount.minor >= 0) continue;
    const key = t.description
      .toLowerCase()
      .replace(/^(sq|tst|paypal|pp|sp)\s*\*\s*/, '')
      .replace(/[#*]\s*\w*\d\w*/g, ' ')
      .replace(/\d{3}-\d{3,4}-?\d{0,4}/g, ' ')
      .replace(/\b[a-z]{2}$/, '')
      .replace(/\.com\b/g, '')
      .replace(/\d+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    (groups[key] ??= []).push({ time: new Date(t.date).getTime(), amount: -t.amount.minor / 100 });
  }
  const found: { key: string; yearly: number }[] = [];
  for (const [key, charges] of Object.entries(groups)) {
    if (charges.length < 3) continue;
    charges.sort((a, b) => a.time - b.time);
    let fit = 0;
    for (let i = 1; i < charges.length; i++) {
      const days = (charges[i]!.time - charges[i - 1]!.time) / 86_400_000;
      if (days >= 28 && days <= 33) fit++;
    }
    if (fit / (charges.length - 1) >= 0.75) found.push({ key, yearly: charges[charges.length - 1]!.amount * 12 });
  }
  return found.sort((a, b) => b.yearly - a.yearly);
}

export function leaksCase(): BenchCase {
  const reading = readImportText(generateTransactionsCsv(ROWS));
  const transactions: LeakTransaction[] = reading.records.flatMap((r) =>
    r.kind === 'transaction' ? [{ id: `line-${r.line}`, date: r.date, amount: r.amount, description: r.description }] : [],
  );
  const input: LeakInput = structuredClone({ transactions, asOf: '2026-11-24', baseCurrency: 'USD', rates: {}, unusedKeys: [] });
  return {
    title: 'Leak detection',
    describe: () => `${transactions.length.toLocaleString('en-US')} card transactions over three years, ~150 merchants, 12 subscriptions`,
    implementations: [
      { name: 'findLeaks (ours, merchant cache cleared each run)', runs: 9, warmup: 2, run: () => (clearMerchantCache(), findLeaks(input)) },
      { name: 'baseline: regex chain + Date + floats, monthly only', runs: 5, warmup: 1, run: () => naiveLeaks(input.transactions) },
    ],
    check: () => {
      if (transactions.length !== ROWS) throw new Error(`the generated file read ${transactions.length} transactions, not ${ROWS}`);
      const report = findLeaks(input);
      const byKey = new Map(report.recurring.map((r) => [r.key, r]));
      const expected: [string, string][] = [['netflix', 'monthly'], ['hulu', 'monthly'], ['dropbox', 'monthly'], ['amazon prime', 'yearly']];
      for (const [key, period] of expected) {
        if (byKey.get(key)?.period !== period) throw new Error(`${key} should be found ${period}, got ${byKey.get(key)?.period ?? 'nothing'}`);
      }
      const netflix = byKey.get('netflix')!;
      if (netflix.yearlyCost.minor !== 12 * 1799) throw new Error(`Netflix yearly cost ${netflix.yearlyCost.minor}, expected ${12 * 1799}`);
      const rise = report.priceRises.find((p) => p.key === 'netflix');
      if (rise?.from.minor !== 1549 || rise.to.minor !== 1799) throw new Error(`Netflix's price rise 15.49 → 17.99 not found (${JSON.stringify(rise)})`);
      const naive = naiveLeaks(input.transactions);
      return `${report.recurring.length} recurring charges (baseline: ${naive.length} monthly groups), Netflix monthly at 17.99 after its rise from 15.49, yearly total ${(report.yearlyTotal.minor / 100).toFixed(2)} USD`;
    },
    target: { name: 'findLeaks (ours, merchant cache cleared each run)', medianMs: 200 },
  };
}
