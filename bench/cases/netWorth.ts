/** Bench case: the net-worth series over 10 years × 30 accounts of daily snapshots. */
import { netWorthSeries } from '@/utils/analytics/netWorth';
import { baselineNetWorth } from '../baseline';
import type { BenchCase } from '../harness';
import { netWorthBenchInput } from '../netWorthData';

export function netWorthCase(): BenchCase {
  const input = netWorthBenchInput();
  const ours = { name: 'netWorthSeries (ours)', runs: 20, warmup: 5, run: () => netWorthSeries(input) };
  const baseline = { name: 'baseline (filter per day)', runs: 3, warmup: 0, run: () => baselineNetWorth(input) };
  const currencies = new Set(input.accounts.map((a) => a.currency));

  return {
    title: 'Net-worth series',
    describe: () =>
      `${input.accounts.length} accounts in ${[...currencies].join('/')}, ` +
      `${input.snapshots.length.toLocaleString('en-US')} snapshots over 10 years, base ${input.baseCurrency}`,
    implementations: [ours, baseline],
    target: { name: ours.name, medianMs: 50 },
    check: () => {
      const fast = netWorthSeries(input);
      const slow = baselineNetWorth(input);
      if (fast.days.length !== slow.days.length || fast.days.some((d, i) => d !== slow.days[i])) {
        throw new Error(`Days differ: ours has ${fast.days.length}, baseline ${slow.days.length}`);
      }
      if (fast.excluded.length !== 0) throw new Error(`Unexpected exclusions: ${JSON.stringify(fast.excluded)}`);
      // The baseline rounds each converted account with float math and Math.round
      // (ours: exact, half-to-even), so each converted account may be one minor unit off.
      const tolerance = input.accounts.filter((a) => a.currency !== input.baseCurrency).length;
      let maxDifference = 0;
      let daysDiffering = 0;
      fast.total.forEach((value, d) => {
        const difference = Math.abs(value - slow.total[d]!);
        if (difference > tolerance) {
          const day = new Date(fast.days[d]! * 1000).toISOString().slice(0, 10);
          throw new Error(`Totals differ on ${day}: ours ${value}, baseline ${slow.total[d]} (tolerance ${tolerance})`);
        }
        if (difference > 0) daysDiffering++;
        maxDifference = Math.max(maxDifference, difference);
      });
      return (
        `totals agree on all ${fast.days.length} days within float rounding: ` +
        `${daysDiffering} days differ, by at most ${maxDifference} minor unit(s) (allowed ${tolerance})`
      );
    },
  };
}
