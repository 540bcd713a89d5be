/**
 * Bench case: a full recompute of the plan on ten years of data (110,000
 * balance snapshots, 100,000 income events, 20 streams), as the options page
 * does after every change: series, reports, available to invest, coach,
 * assessment prefill and the projection with its default Monte Carlo.
 *
 * The baseline does only the data part the straightforward way — each
 * month's income with incomeForMonth (a pass over every event per month) and
 * each account's latest balance by filtering the snapshots — so "ours" does
 * strictly more work than the baseline and the comparison flatters the baseline.
 */
import { incomeForMonth } from '@/utils/analytics/income';
import { computePlan } from '@/utils/analytics/plan';
import type { PlanInput } from '@/utils/analytics/plan-types';
import type { BenchCase } from '../harness';
import { PLAN_EVENTS, PLAN_SNAPSHOTS, planBenchInput } from '../planData';

function baselineCore(input: PlanInput, months: string[]) {
  const incomeByMonth = months.map(
    (month) => incomeForMonth(input.incomeEvents, month, input.settings.baseCurrency, input.settings.rates, input.tzOffsetMinutes, input.streams).total,
  );
  const latest = input.accounts.map((account) => {
    const own = input.balanceSnapshots.filter((s) => s.accountId === account.id && s.at <= input.now);
    own.sort((a, b) => a.at - b.at);
    return own[own.length - 1]?.amount.minor ?? 0;
  });
  return { incomeByMonth, latest };
}

export function planCase(): BenchCase {
  const input = planBenchInput();
  const plan = computePlan(input);
  const months = plan.series.months;
  const ours = { name: 'computePlan (ours, full plan)', runs: 15, warmup: 3, run: () => computePlan(input) };
  const baseline = { name: 'baseline (income + balances only)', runs: 3, warmup: 0, run: () => baselineCore(input, months) };
  return {
    title: 'Plan recompute',
    describe: () =>
      `${PLAN_SNAPSHOTS.toLocaleString('en-US')} snapshots, ${PLAN_EVENTS.toLocaleString('en-US')} income events, ` +
      `${input.accounts.length} accounts, ${input.streams.length} streams, ${months.length} months of series, ` +
      `${plan.projection.monteCarlo?.paths ?? 0} Monte Carlo paths × ${plan.projection.months} months`,
    implementations: [ours, baseline],
    target: { name: ours.name, medianMs: 200 },
    check: () => {
      const slow = baselineCore(input, months);
      months.forEach((month, i) => {
        if (plan.series.totalIncome[i] !== slow.incomeByMonth[i]) {
          throw new Error(`Income of ${month} differs: ours ${plan.series.totalIncome[i]}, baseline ${slow.incomeByMonth[i]}`);
        }
      });
      return `monthly income identical for ${months.length} months (last: ${slow.incomeByMonth[months.length - 1]} minor units)`;
    },
  };
}
