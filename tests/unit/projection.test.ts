import { describe, expect, it } from 'vitest';
import type { ProjectionInput, StreamProjectionInput } from '@/utils/analytics/plan-types';
import {
  futureValue,
  monthlyRate,
  nearestRankIndex,
  percentiles,
  project,
  roundHalfEven,
} from '@/utils/analytics/projection';
import { PercentileWorkspace } from '@/utils/analytics/projection-percentiles';
import { Random } from '@/utils/analytics/random';

/** A projection input with no volatility, streams or expenses unless overridden. */
function input(overrides: Partial<ProjectionInput> = {}): ProjectionInput {
  return {
    balance: 1_000_000,
    monthly: 50_000,
    annualReturn: 0.07,
    annualVolatility: 0,
    months: 360,
    paths: 0,
    seed: 1,
    streams: [],
    monthlyExpenses: 0,
    expensesGrowth: 0,
    withdrawalRate: 0.04,
    ...overrides,
  };
}

function stream(overrides: Partial<StreamProjectionInput> = {}): StreamProjectionInput {
  return {
    id: 's1',
    name: 'Stream',
    monthlyIncome: 100_000,
    annualGrowth: 0,
    annualVolatility: 0,
    monthlyChurn: 0,
    monthlyCollapse: 0,
    ...overrides,
  };
}

function relativeDifference(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1);
}

describe('monthlyRate and futureValue', () => {
  it('converts an annual rate to the monthly rate that compounds back to it', () => {
    // 1.07^(1/12) − 1 = 0.0056541453874052770…
    expect(monthlyRate(0.07)).toBeCloseTo(0.005654145387405277, 15);
    expect(Math.pow(1 + monthlyRate(0.07), 12)).toBeCloseTo(1.07, 14);
    expect(monthlyRate(0)).toBe(0);
    // 0.95^(1/12) − 1 = −0.0042653…
    expect(monthlyRate(-0.05)).toBeCloseTo(-0.004265318777560645, 15);
  });

  it('gives 660,848.85 for 10,000.00 at 7% for 30 years with 500.00 a month', () => {
    // Hand check (projection.ts header): 1,000,000 × 1.07^30 = 7,612,255.04 and
    // 50,000 × (1.07^30 − 1) / i = 50,000 × 1,169.45260334 = 58,472,630.17
    // → 66,084,885.21 cents.
    expect(futureValue(1_000_000, 50_000, 0.07, 360)).toBeCloseTo(66_084_885.21, 1);
    const result = project(input());
    expect(result.deterministic.finalMinor).toBe(66_084_885);
    expect(result.deterministic.balance).toHaveLength(361);
    expect(result.deterministic.balance[0]).toBe(1_000_000);
    // Month 1: 1,000,000 × 1.0056541453874 + 50,000 = 1,055,654.15 (contribution at the end).
    expect(result.deterministic.balance[1]).toBeCloseTo(1_055_654.145, 2);
  });

  it('adds the contributions without growth at 0%', () => {
    // 1,000.00 + 12 × 100.00 = 2,200.00
    expect(futureValue(100_000, 10_000, 0, 12)).toBe(220_000);
    expect(project(input({ balance: 100_000, monthly: 10_000, annualReturn: 0, months: 12 })).deterministic.finalMinor).toBe(220_000);
  });

  it('iterated month by month equals the closed form to the cent, over many cases', () => {
    let cases = 0;
    for (const balance of [0, 1, 1_000_000, 123_456_789, -500_000]) {
      for (const monthly of [0, 1, 50_000, 987_654, -20_000]) {
        for (const annualReturn of [0, 0.0001, 0.04, 0.07, 0.12, 0.3, -0.05, -0.5]) {
          for (const months of [0, 1, 12, 119, 360, 480]) {
            const result = project(input({ balance, monthly, annualReturn, months }));
            const iterated = result.deterministic.balance[months]!;
            const closed = futureValue(balance, monthly, annualReturn, months);
            expect(Math.abs(iterated - closed)).toBeLessThan(0.5);
            expect(result.deterministic.finalMinor).toBe(roundHalfEven(closed));
            cases++;
          }
        }
      }
    }
    expect(cases).toBe(5 * 5 * 8 * 6);
  });

  it('rounds the final balance half to even', () => {
    expect([2.5, 3.5, -2.5, 2.4999, 2.5001, 0.5, -0.5].map(roundHalfEven)).toEqual([2, 4, -2, 2, 3, 0, 0]);
    // 0 at 0% plus 0.5 a month for 5 months = 2.5 → 2; for 7 months = 3.5 → 4.
    expect(project(input({ balance: 0, monthly: 0.5, annualReturn: 0, months: 5 })).deterministic.finalMinor).toBe(2);
    expect(project(input({ balance: 0, monthly: 0.5, annualReturn: 0, months: 7 })).deterministic.finalMinor).toBe(4);
  });
});

describe('streams, expenses and the FI month', () => {
  it('applies growth and churn to a stream deterministically, ignoring collapse', () => {
    // 1,000.00 a month losing 4% a month: 100,000 × 0.96^12 = 61,270.9757 after a year.
    const churned = project(input({ balance: 0, monthly: 0, months: 12, streams: [stream({ monthlyChurn: 0.04, monthlyCollapse: 0.5 })] }));
    expect(churned.deterministic.passiveIncome[0]).toBe(100_000);
    expect(churned.deterministic.passiveIncome[12]).toBeCloseTo(61_270.9757, 3);
    // 20% growth a year: 100,000 × 1.2 = 120,000 after twelve months.
    const grown = project(input({ balance: 0, monthly: 0, months: 12, streams: [stream({ annualGrowth: 0.2 })] }));
    expect(grown.deterministic.passiveIncome[12]).toBeCloseTo(120_000, 6);
  });

  it('counts passive income as balance × withdrawal rate ÷ 12 plus the streams', () => {
    // 1,200,000 × 0.04 / 12 = 4,000, plus 300 + 700 from two flat streams = 5,000.
    const result = project(
      input({
        balance: 1_200_000,
        monthly: 0,
        annualReturn: 0,
        months: 3,
        streams: [stream({ monthlyIncome: 300 }), stream({ id: 's2', monthlyIncome: 700 })],
      }),
    );
    expect(result.deterministic.passiveIncome).toEqual([5_000, 5_000, 5_000, 5_000]);
  });

  it('grows expenses at the monthly rate of their annual growth', () => {
    const result = project(input({ months: 24, monthlyExpenses: 300_000, expensesGrowth: 0.03 }));
    expect(result.expenses).toHaveLength(25);
    expect(result.expenses[0]).toBe(300_000);
    // 300,000 × 1.03 = 309,000 after a year; × 1.03² = 318,270 after two.
    expect(result.expenses[12]).toBeCloseTo(309_000, 6);
    expect(result.expenses[24]).toBeCloseTo(318_270, 6);
  });

  it('finds the first month (t ≥ 1) whose passive income covers expenses', () => {
    // 0 + 1,000.00 a month at 0%, withdrawal 12%: passive = 100,000·t × 0.12 / 12 = 1,000·t.
    // Expenses 4,500: month 4 gives 4,000 (short), month 5 gives 5,000 (covered).
    const covered = project(input({ balance: 0, monthly: 100_000, annualReturn: 0, withdrawalRate: 0.12, months: 12, monthlyExpenses: 4_500 }));
    expect(covered.deterministic.passiveIncome[4]).toBeCloseTo(4_000, 9);
    expect(covered.deterministic.fiMonth).toBe(5);
    // Expenses of 4,500 growing 100% a year: month 5 needs 4,500 × 2^(5/12) = 6,004 > 5,000,
    // month 6 needs 6,364 > 6,000, month 7 needs 6,743 ≤ 7,000 → month 7.
    const growing = project(input({ balance: 0, monthly: 100_000, annualReturn: 0, withdrawalRate: 0.12, months: 12, monthlyExpenses: 4_500, expensesGrowth: 1 }));
    expect(growing.deterministic.fiMonth).toBe(7);
    // Never within 3 months → null.
    expect(project(input({ balance: 0, monthly: 100_000, annualReturn: 0, withdrawalRate: 0.12, months: 3, monthlyExpenses: 4_500 })).deterministic.fiMonth).toBeNull();
  });

  it('does not count month 0 even when today is covered', () => {
    // A flat 5,000 stream against 4,000 of expenses: covered from today, FI month 1.
    const result = project(input({ balance: 0, monthly: 0, months: 6, monthlyExpenses: 4_000, streams: [stream({ monthlyIncome: 5_000 })] }));
    expect(result.deterministic.fiMonth).toBe(1);
  });

  it('has no FI month when expenses are 0 (nothing to cover)', () => {
    const result = project(input({ monthlyExpenses: 0, paths: 50, annualVolatility: 0.15 }));
    expect(result.deterministic.fiMonth).toBeNull();
    expect(result.monteCarlo!.fiMonth).toEqual({ p10: null, p50: null, p90: null });
  });
});

describe('Monte Carlo', () => {
  it('with zero volatility, every percentile equals the deterministic projection', () => {
    const streams = [stream({ annualGrowth: 0.3, monthlyChurn: 0.02 }), stream({ id: 's2', monthlyIncome: 5_000, annualGrowth: -0.1 })];
    for (const annualReturn of [0.07, 0, -0.05]) {
      const result = project(input({ annualReturn, months: 480, paths: 500, streams, monthlyExpenses: 400_000, expensesGrowth: 0.03 }));
      const mc = result.monteCarlo!;
      for (let t = 0; t <= 480; t++) {
        for (const p of ['p10', 'p50', 'p90'] as const) {
          expect(relativeDifference(mc.balance[p][t]!, result.deterministic.balance[t]!)).toBeLessThan(1e-6);
          expect(relativeDifference(mc.passiveIncome[p][t]!, result.deterministic.passiveIncome[t]!)).toBeLessThan(1e-6);
        }
      }
      const fi = result.deterministic.fiMonth;
      expect(mc.fiMonth).toEqual({ p10: fi, p50: fi, p90: fi });
      const final = result.deterministic.finalMinor;
      expect(mc.finalMinor).toEqual({ p10: final, p50: final, p90: final });
    }
  });

  it('draws log-normal monthly returns whose mean compounds to the annual return', () => {
    // No contributions: ln(final / B) ~ N(360·μ, 360·s²), s² = 0.15²/12 = 0.001875,
    // μ = ln(1.07)/12 − s²/2. So 360·μ = 30·ln 1.07 − 0.3375 = 1.692264 and the sd is
    // √0.675 = 0.821584: median = B·e^1.692264 = 5.431740·B, p10 = B·e^(1.692264 −
    // 1.281552 × 0.821584) = 1.895263·B, p90 = 15.567128·B. Without the −s²/2
    // correction the median would be 1.07^30·B = 7.6123·B (ln off by 0.3375).
    // Sampling error of ln(p50) with 20,000 paths: 0.0089 × 0.8216 ≈ 0.0073; of
    // ln(p10): 0.0121 × 0.8216 ≈ 0.0099; allowed 0.04 (4σ or more).
    const result = project(input({ monthly: 0, annualVolatility: 0.15, paths: 20_000, seed: 7 }));
    const final = result.monteCarlo!.balance;
    expect(Math.abs(Math.log(final.p50[360]! / 1_000_000 / 5.431740))).toBeLessThan(0.04);
    expect(Math.abs(Math.log(final.p10[360]! / 1_000_000 / 1.895263))).toBeLessThan(0.04);
    expect(Math.abs(Math.log(final.p90[360]! / 1_000_000 / 15.567128))).toBeLessThan(0.04);
  });

  it('gives a stream its own log-normal growth', () => {
    // 30% growth, 50% volatility, 10 years: median = I·e^(10·ln 1.3 − 10 × 0.5²/2) = 3.949712·I.
    // Sampling error of ln(p50) with 20,000 paths: 0.0089 × 0.5·√10 ≈ 0.014; allowed 0.06.
    const result = project(
      input({ balance: 0, monthly: 0, months: 120, paths: 20_000, seed: 3, streams: [stream({ annualGrowth: 0.3, annualVolatility: 0.5 })] }),
    );
    expect(Math.abs(Math.log(result.monteCarlo!.passiveIncome.p50[120]! / 100_000 / 3.949712))).toBeLessThan(0.06);
    // The deterministic projection has no volatility: 100,000 × 1.3^10 = 1,378,584.9.
    expect(result.deterministic.passiveIncome[120]).toBeCloseTo(1_378_584.9, 0);
  });

  it('collapses a stream to 0 for good with the monthly probability', () => {
    // 5% a month: a path's stream survives t months with probability 0.95^t.
    // Month 10: 0.599 survive → fewer than 5,000 zeros of 10,000 → p50 = 1,000.00.
    // Month 17: 0.418 survive → more than 5,000 zeros → p50 = 0.
    // Month 40: 0.1285 survive → 8,715 ± 33 zeros < rank 9,000 → p90 = 1,000.00.
    // Month 50: 0.0769 survive → 9,231 ± 27 zeros ≥ 9,000 → p90 = 0, and 0 from then on.
    const result = project(
      input({ balance: 0, monthly: 0, months: 60, paths: 10_000, seed: 11, streams: [stream({ monthlyCollapse: 0.05 })] }),
    );
    const passive = result.monteCarlo!.passiveIncome;
    expect(passive.p50[10]).toBe(100_000);
    expect(passive.p50[17]).toBe(0);
    expect(passive.p90[40]).toBe(100_000);
    expect(passive.p90.slice(50)).toEqual(new Array(11).fill(0));
    // The deterministic projection ignores collapse.
    expect(result.deterministic.passiveIncome[60]).toBe(100_000);
  });

  it('is reproducible: the same seed gives the same fan, another seed another', () => {
    const streams = [stream({ annualGrowth: 0.3, annualVolatility: 0.5, monthlyCollapse: 0.01 })];
    const first = project(input({ annualVolatility: 0.15, paths: 1_000, seed: 42, streams, monthlyExpenses: 300_000 }));
    const again = project(input({ annualVolatility: 0.15, paths: 1_000, seed: 42, streams, monthlyExpenses: 300_000 }));
    const other = project(input({ annualVolatility: 0.15, paths: 1_000, seed: 43, streams, monthlyExpenses: 300_000 }));
    expect(again).toEqual(first);
    expect(other.monteCarlo!.finalMinor.p50).not.toBe(first.monteCarlo!.finalMinor.p50);
  });

  it('orders the percentiles, and p10 reaches FI last', () => {
    const result = project(
      input({ annualVolatility: 0.15, paths: 2_000, months: 600, monthlyExpenses: 100_000, expensesGrowth: 0.02, streams: [stream({ monthlyIncome: 20_000, annualGrowth: 0.1, annualVolatility: 0.3 })] }),
    );
    const mc = result.monteCarlo!;
    for (let t = 0; t <= 600; t++) {
      expect(mc.balance.p10[t]!).toBeLessThanOrEqual(mc.balance.p50[t]!);
      expect(mc.balance.p50[t]!).toBeLessThanOrEqual(mc.balance.p90[t]!);
      expect(mc.passiveIncome.p10[t]!).toBeLessThanOrEqual(mc.passiveIncome.p50[t]!);
      expect(mc.passiveIncome.p50[t]!).toBeLessThanOrEqual(mc.passiveIncome.p90[t]!);
    }
    const { p10, p50, p90 } = mc.fiMonth;
    expect(p10).not.toBeNull();
    expect(p90!).toBeLessThan(p50!);
    expect(p50!).toBeLessThan(p10!);
    // Each is the first month its percentile covers the expenses.
    for (const p of ['p10', 'p50', 'p90'] as const) {
      const fi = mc.fiMonth[p]!;
      expect(mc.passiveIncome[p][fi]!).toBeGreaterThanOrEqual(result.expenses[fi]!);
      for (let t = 1; t < fi; t++) expect(mc.passiveIncome[p][t]!).toBeLessThan(result.expenses[t]!);
    }
  });

  it('reports progress increasing and ending at 1', () => {
    const reports: number[] = [];
    project(input({ annualVolatility: 0.15, paths: 200, months: 480 }), (done) => reports.push(done));
    expect(reports.length).toBeGreaterThan(10);
    expect(reports.at(-1)).toBe(1);
    expect(reports.filter((r) => r === 1)).toHaveLength(1);
    for (let i = 1; i < reports.length; i++) expect(reports[i]!).toBeGreaterThan(reports[i - 1]!);
    expect(reports[0]!).toBeGreaterThan(0);

    const deterministicOnly: number[] = [];
    project(input(), (done) => deterministicOnly.push(done));
    expect(deterministicOnly).toEqual([1]);
  });
});

describe('percentiles (nearest rank)', () => {
  it('takes the value at rank ⌈P·n/100⌉', () => {
    // 5 values: p10 → rank ⌈0.5⌉ = 1 → 15; p50 → rank ⌈2.5⌉ = 3 → 35; p90 → rank ⌈4.5⌉ = 5 → 50.
    expect(percentiles([50, 15, 40, 35, 20])).toEqual({ p10: 15, p50: 35, p90: 50 });
    // 10 values 1…10: ranks 1, 5, 9 (no interpolation: p50 is 5, not 5.5).
    expect(percentiles([7, 3, 10, 1, 9, 2, 8, 4, 6, 5])).toEqual({ p10: 1, p50: 5, p90: 9 });
    // 30 values: 10·30/100 = 3 exactly → rank 3 (a float 0.1 × 30 would round up to 4).
    expect(nearestRankIndex(10, 30)).toBe(2);
    expect(nearestRankIndex(90, 30)).toBe(26);
    expect(percentiles([42])).toEqual({ p10: 42, p50: 42, p90: 42 });
  });

  it('the bucket pass agrees with sorting on awkward data', () => {
    const random = new Random(5);
    const workspace = new PercentileWorkspace(5_000);
    const makers: (() => number)[] = [
      () => random.normal(),
      () => Math.exp(3 * random.normal()),
      () => Math.floor(random.uniform() * 4), // many ties
      () => (random.uniform() < 0.001 ? 1e300 : random.uniform()), // far outliers
      () => (random.uniform() < 0.5 ? -1e300 : 1e300), // a range wider than a double
      () => 7, // all equal
    ];
    for (const make of makers) {
      for (const n of [1, 2, 255, 256, 1_000, 5_000]) {
        const values = Float64Array.from({ length: n }, make);
        const sorted = Float64Array.from(values).sort();
        const expected = {
          p10: sorted[nearestRankIndex(10, n)],
          p50: sorted[nearestRankIndex(50, n)],
          p90: sorted[nearestRankIndex(90, n)],
        };
        const before = Float64Array.from(values);
        expect(workspace.select(values, n)).toEqual(expected);
        expect(values).toEqual(before);
      }
    }
  });
});

describe('input validation', () => {
  it.each<[string, Partial<ProjectionInput>]>([
    ['months', { months: -1 }],
    ['months', { months: Number.NaN }],
    ['months', { months: 12.5 }],
    ['months', { months: 1201 }],
    ['paths', { paths: -1 }],
    ['paths', { paths: Number.NaN }],
    ['paths', { paths: 1_000_001 }],
    ['annualVolatility', { annualVolatility: -0.1 }],
    ['annualVolatility', { annualVolatility: Number.NaN }],
    ['balance', { balance: Number.POSITIVE_INFINITY }],
    ['monthly', { monthly: Number.NaN }],
    ['annualReturn', { annualReturn: -1 }],
    ['seed', { seed: 0.5 }],
    ['monthlyExpenses', { monthlyExpenses: -1 }],
    ['expensesGrowth', { expensesGrowth: Number.NEGATIVE_INFINITY }],
    ['withdrawalRate', { withdrawalRate: -0.04 }],
    ['streams[1].monthlyChurn', { streams: [stream(), stream({ monthlyChurn: 1.5 })] }],
    ['streams[0].annualVolatility', { streams: [stream({ annualVolatility: Number.NaN })] }],
    ['streams[0].monthlyIncome', { streams: [stream({ monthlyIncome: Number.POSITIVE_INFINITY })] }],
  ])('refuses a bad %s', (field, bad) => {
    expect(() => project(input(bad))).toThrow(new RegExp(`^projection: ${field.replace(/[[\]]/g, '\\$&')} `));
  });

  it('accepts the limits: 1,200 months and 1,000,000 paths', () => {
    expect(project(input({ months: 1200 })).deterministic.balance).toHaveLength(1201);
    expect(project(input({ months: 0, paths: 1_000_000, annualVolatility: 0.15 })).monteCarlo!.finalMinor.p50).toBe(1_000_000);
  });
});
