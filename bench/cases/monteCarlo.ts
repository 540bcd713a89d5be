/**
 * Bench cases: the Monte Carlo projection (utils/analytics/projection.ts).
 *
 * Ours simulates month-major (all paths advance one month in a Float64Array,
 * then the month's percentiles are selected) with ziggurat normals. The
 * baseline is the straightforward program: path-major, Box–Muller normals
 * from the same xoshiro128** generator, every path's whole month array kept
 * (paths × (months + 1) numbers), and each month's values sorted to read the
 * nearest-rank percentiles.
 *
 * The check, and why it is honest: the two use different normal generators,
 * so their paths differ and only their distributions can agree.
 * 1. Exactly: on the same input with zero volatility (and no collapse) every
 *    path is deterministic: ours must equal the deterministic projection
 *    bit for bit, the baseline within 1e-9 relative (it computes the growth
 *    as exp(ln(1 + r)/12) instead of 1 + i), at every month and percentile.
 * 2. In distribution, distribution-free: for every month, each of our
 *    percentiles (balance and passive income) must fall, among the
 *    baseline's sorted values, within ±5 standard deviations of the rank it
 *    estimates. A sample p-quantile of n_o paths lands at a rank with
 *    variance n_b·p(1 − p)·(1 + n_b/n_o) in the baseline's n_b sorted values
 *    (ties count as any rank they span). A mis-specified drift or volatility
 *    (e.g. the −s²/2 correction left out) moves the median by hundreds of
 *    standard deviations within a few years.
 */
import { project } from '@/utils/analytics/projection';
import { DEFAULT_ASSUMPTIONS, type AssumptionId } from '@/utils/analytics/assumptions';
import type { ProjectionInput, ProjectionResult } from '@/utils/analytics/plan-types';
import { nearestRankIndex } from '@/utils/analytics/projection-percentiles';
import { Random } from '@/utils/analytics/random';
import type { BenchCase } from '../harness';

const PERCENTS = { p10: 10, p50: 50, p90: 90 } as const;
type Key = keyof typeof PERCENTS;
const KEYS = Object.keys(PERCENTS) as Key[];

function benchInput(paths: number, streamIds: AssumptionId[] = []): ProjectionInput {
  const incomes = [50_000, 20_000, 30_000, 100_000, 80_000];
  return {
    balance: 1_000_000,
    monthly: 50_000,
    annualReturn: 0.07,
    annualVolatility: 0.15,
    months: 480,
    paths,
    seed: 1,
    streams: streamIds.map((id, k) => {
      const a = DEFAULT_ASSUMPTIONS[id];
      return {
        id,
        name: a.label,
        monthlyIncome: incomes[k % incomes.length]!,
        annualGrowth: a.annualReturn,
        annualVolatility: a.annualVolatility,
        monthlyChurn: a.monthlyChurn,
        monthlyCollapse: a.monthlyCollapse,
      };
    }),
    monthlyExpenses: 400_000,
    expensesGrowth: 0.03,
    withdrawalRate: 0.04,
  };
}

/** The same input with no volatility and no collapse: every path is the deterministic one. */
function withoutRandomness(input: ProjectionInput): ProjectionInput {
  return {
    ...input,
    annualVolatility: 0,
    streams: input.streams.map((s) => ({ ...s, annualVolatility: 0, monthlyCollapse: 0 })),
  };
}

interface BaselineResult {
  /** Per month, every path's value, sorted ascending. */
  sortedBalance: Float64Array[];
  sortedPassive: Float64Array[];
  balance: Record<Key, number[]>;
  passiveIncome: Record<Key, number[]>;
}

/** The straightforward Monte Carlo: path by path, Box–Muller normals, every month kept, sorted per month. */
export function baselineMonteCarlo(input: ProjectionInput): BaselineResult {
  const { paths, months, monthly, withdrawalRate } = input;
  const random = new Random(input.seed);
  let spare: number | null = null;
  const normal = () => {
    if (spare !== null) {
      const z = spare;
      spare = null;
      return z;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - random.uniform()));
    const angle = 2 * Math.PI * random.uniform();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
  const logNormal = (mean: number, volatility: number) => {
    const sd = volatility / Math.sqrt(12);
    return { drift: Math.log(1 + mean) / 12 - (sd * sd) / 2, sd };
  };
  const growth = logNormal(input.annualReturn, input.annualVolatility);
  const streams = input.streams.map((s) => ({ ...logNormal(s.annualGrowth, s.annualVolatility), stream: s }));
  const width = months + 1;
  const balances = new Float64Array(paths * width);
  const passive = new Float64Array(paths * width);
  const income = new Float64Array(streams.length);
  for (let p = 0; p < paths; p++) {
    let balance = input.balance;
    streams.forEach((s, k) => (income[k] = s.stream.monthlyIncome));
    for (let t = 0; t <= months; t++) {
      if (t > 0) {
        balance = balance * Math.exp(growth.drift + growth.sd * normal()) + monthly;
        streams.forEach((s, k) => {
          if (income[k] === 0) return;
          income[k] = income[k]! * Math.exp(s.drift + s.sd * normal()) * (1 - s.stream.monthlyChurn);
          if (s.stream.monthlyCollapse > 0 && random.uniform() < s.stream.monthlyCollapse) income[k] = 0;
        });
      }
      balances[p * width + t] = balance;
      let total = (balance * withdrawalRate) / 12;
      for (let k = 0; k < streams.length; k++) total += income[k]!;
      passive[p * width + t] = total;
    }
  }
  const result: BaselineResult = {
    sortedBalance: [],
    sortedPassive: [],
    balance: { p10: [], p50: [], p90: [] },
    passiveIncome: { p10: [], p50: [], p90: [] },
  };
  for (let t = 0; t <= months; t++) {
    const column = (all: Float64Array) => Float64Array.from({ length: paths }, (_, p) => all[p * width + t]!).sort();
    const sortedBalance = column(balances);
    const sortedPassive = column(passive);
    result.sortedBalance.push(sortedBalance);
    result.sortedPassive.push(sortedPassive);
    for (const key of KEYS) {
      result.balance[key].push(sortedBalance[nearestRankIndex(PERCENTS[key], paths)]!);
      result.passiveIncome[key].push(sortedPassive[nearestRankIndex(PERCENTS[key], paths)]!);
    }
  }
  return result;
}

/** How many of the sorted values are < value, and ≤ value (binary search). */
function rankSpan(sorted: Float64Array, value: number): [number, number] {
  const firstWhere = (test: (x: number) => boolean) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (test(sorted[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  return [firstWhere((x) => x >= value), firstWhere((x) => x > value)];
}

/** Check 1: with no randomness, ours is the deterministic projection exactly and the baseline within 1e-9. */
function checkDeterministic(input: ProjectionInput, withBaseline: boolean): void {
  const still = withoutRandomness(input);
  const ours = project(still);
  const baseline = withBaseline ? baselineMonteCarlo(still) : null;
  const mc = ours.monteCarlo!;
  for (let t = 0; t <= still.months; t++) {
    for (const key of KEYS) {
      const expected = { balance: ours.deterministic.balance[t]!, passive: ours.deterministic.passiveIncome[t]! };
      if (mc.balance[key][t] !== expected.balance || mc.passiveIncome[key][t] !== expected.passive) {
        throw new Error(`zero volatility: ours ${key} differs from the deterministic projection at month ${t}`);
      }
      if (baseline) {
        for (const [got, want] of [
          [baseline.balance[key][t]!, expected.balance],
          [baseline.passiveIncome[key][t]!, expected.passive],
        ] as const) {
          if (Math.abs(got - want) > 1e-9 * Math.max(1, Math.abs(want))) {
            throw new Error(`zero volatility: baseline ${key} ${got} differs from the deterministic ${want} at month ${t}`);
          }
        }
      }
    }
  }
}

/** Check 2: every month, our percentiles sit at the right ranks of the baseline's values (±5 sd). */
function checkDistribution(ours: ProjectionResult, baseline: BaselineResult, oursPaths: number, baselinePaths: number): string {
  const mc = ours.monteCarlo!;
  let worst = 0;
  let checks = 0;
  for (let t = 0; t <= ours.months; t++) {
    for (const key of KEYS) {
      const p = PERCENTS[key] / 100;
      const sd = Math.sqrt(baselinePaths * p * (1 - p) * (1 + baselinePaths / oursPaths));
      const rank = nearestRankIndex(PERCENTS[key], baselinePaths);
      for (const [what, value, sorted] of [
        ['balance', mc.balance[key][t]!, baseline.sortedBalance[t]!],
        ['passive income', mc.passiveIncome[key][t]!, baseline.sortedPassive[t]!],
      ] as const) {
        const [below, atOrBelow] = rankSpan(sorted, value);
        // Distance from the expected rank to the span of ranks the value occupies (0 inside it).
        const distance = rank < below ? below - rank : rank >= atOrBelow ? rank - atOrBelow + 1 : 0;
        worst = Math.max(worst, distance / sd);
        checks++;
        if (distance > 5 * sd) {
          throw new Error(`${what} ${key} at month ${t}: ours ${value.toFixed(0)} sits ${distance} ranks from rank ${rank} of the baseline (sd ${sd.toFixed(1)})`);
        }
      }
    }
  }
  return `${checks} month×percentile checks within ±5 sd of the baseline's ranks (worst ${worst.toFixed(2)} sd)`;
}

function describeInput(input: ProjectionInput): string {
  const streams = input.streams.length === 0 ? 'no streams' : `${input.streams.length} streams (${input.streams.map((s) => s.id).join(', ')})`;
  return (
    `${input.paths.toLocaleString('en-US')} paths × ${input.months} months, 10,000.00 + 500.00/month at 7% ± 15%, ` +
    `${streams}, seed ${input.seed}`
  );
}

function monteCarloCase(title: string, input: ProjectionInput, targetMs: number, runs: number): BenchCase {
  const ours = { name: 'project (ours)', runs, warmup: 2, run: () => project(input) };
  const baseline = { name: 'baseline (path-major, sort)', runs: 3, warmup: 0, run: () => baselineMonteCarlo(input) };
  return {
    title,
    describe: () => describeInput(input),
    implementations: [ours, baseline],
    target: { name: ours.name, medianMs: targetMs },
    check: () => {
      checkDeterministic(input, true);
      const note = checkDistribution(project(input), baselineMonteCarlo(input), input.paths, input.paths);
      return `zero volatility: ours = deterministic exactly, baseline within 1e-9; ${note}`;
    },
  };
}

export function monteCarloCase10k(): BenchCase {
  return monteCarloCase('Monte Carlo 10,000 paths × 480 months', benchInput(10_000), 150, 15);
}

export function monteCarloCaseStreams(): BenchCase {
  const streams: AssumptionId[] = ['content', 'trading', 'options-income', 'saas', 'service'];
  return monteCarloCase('Monte Carlo 10,000 paths × 480 months, 5 streams', benchInput(10_000, streams), 600, 7);
}

/** 100,000 paths: ours only (the baseline would keep 2 × 385 MB of months); checked against a 10,000-path baseline. */
export function monteCarloCase100k(): BenchCase {
  const input = benchInput(100_000);
  const ours = { name: 'project (ours)', runs: 5, warmup: 1, run: () => project(input) };
  return {
    title: 'Monte Carlo 100,000 paths × 480 months',
    describe: () => describeInput(input),
    implementations: [ours],
    target: { name: ours.name, medianMs: 1500 },
    check: () => {
      checkDeterministic(input, false);
      const smaller = { ...input, paths: 10_000, seed: 2 };
      const note = checkDistribution(project(input), baselineMonteCarlo(smaller), input.paths, smaller.paths);
      return `zero volatility: ours = deterministic exactly; against a 10,000-path baseline (seed 2): ${note}`;
    },
  };
}
