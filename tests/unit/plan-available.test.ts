/**
 * Available to invest this month, term by term. Amounts are US cents; every
 * expected figure is worked out in the comment next to it.
 */
import { describe, expect, it } from 'vitest';
import { availableToInvest, type AvailableInput } from '@/utils/analytics/available';

const t = (iso: string) => Date.parse(iso);

/** March 2026 in UTC; $4,500 in, $2,550 out; a $15,000 fund target half filled. */
const march: AvailableInput = {
  month: '2026-03',
  now: t('2026-03-10T12:00:00Z'),
  tzOffsetMinutes: 0,
  streamIncome: 50_000,
  streamCosts: 5000,
  otherMonthlyIncome: 400_000,
  monthlyExpenses: 250_000,
  cashNeeds: [],
  emergencyBalance: 500_000,
  emergencyMonths: 6,
  foundationStarterMonthly: 5000,
};

describe('availableToInvest', () => {
  it('sets aside cash needs, keeps the Foundation starter, and gives the rest to an emergency gap larger than it', () => {
    const result = availableToInvest({
      ...march,
      cashNeeds: [
        { id: 'ins', name: 'Insurance', amount: 60_000, dueAt: t('2026-03-20T00:00:00Z') }, // due this month
        { id: 'car', name: 'Car repair', amount: 130_001, setAside: 30_000, dueAt: t('2026-07-01T00:00:00Z') }, // due in 4 months, 300.00 put by
        { id: 'old', name: 'Last bill', amount: 30_000, dueAt: t('2026-02-27T00:00:00Z') }, // past: ignored
      ],
    });
    expect(result.income).toEqual({ streams: 50_000, other: 400_000, total: 450_000 });
    expect(result.expenses).toEqual({ living: 250_000, streamCosts: 5000, total: 255_000 });
    expect(result.cashNeeds).toEqual([
      // Due this month: 1 month left → all 60000 now.
      { id: 'ins', name: 'Insurance', amount: 60_000, setAside: 0, dueAt: t('2026-03-20T00:00:00Z'), monthsLeft: 1, thisMonth: 60_000 },
      // Mar, Apr, May, Jun, Jul → 5 months; still to save 130001 − 30000 = 100001; ⌈100001 ÷ 5⌉ = ⌈20000.2⌉ = 20001.
      { id: 'car', name: 'Car repair', amount: 130_001, setAside: 30_000, dueAt: t('2026-07-01T00:00:00Z'), monthsLeft: 5, thisMonth: 20_001 },
    ]);
    expect(result.cashNeedsTotal).toBe(80_001); // 60000 + 20001
    // 450000 − 255000 − 80001 = 114999.
    expect(result.surplus).toBe(114_999);
    // Target 250000 × 6 = 1500000; gap 1500000 − 500000 = 1000000.
    // Starter min(5000, 114999) = 5000; top-up min(1000000, 114999 − 5000) = 109999.
    expect(result.foundationStarter).toBe(5000);
    expect(result.emergency).toEqual({ balance: 500_000, target: 1_500_000, gap: 1_000_000, fillingTo: 1_500_000, topUp: 109_999 });
    // 114999 − 109999 = 5000: only the starter is left to invest.
    expect(result.available).toBe(5000);
    expect(result.month).toBe('2026-03');
  });

  it('a negative surplus keeps nothing back and tops up nothing', () => {
    const result = availableToInvest({ ...march, streamIncome: 0, otherMonthlyIncome: 200_000 });
    // 200000 − 255000 = −55000; starter min(5000, max(0, −55000)) = 0; top-up min(1000000, 0) = 0.
    expect(result.surplus).toBe(-55_000);
    expect(result.foundationStarter).toBe(0);
    expect(result.emergency.topUp).toBe(0);
    expect(result.emergency.gap).toBe(1_000_000);
    expect(result.available).toBe(-55_000);
  });

  it('a surplus smaller than the starter all goes to the starter', () => {
    // 450000 − 255000 − 192000 (need due this month) = 3000; starter min(5000, 3000) = 3000; top-up min(gap, 0) = 0.
    const result = availableToInvest({
      ...march,
      cashNeeds: [{ id: 'tax', name: 'Tax', amount: 192_000, dueAt: t('2026-03-31T23:59:59Z') }],
    });
    expect(result.surplus).toBe(3000);
    expect(result.foundationStarter).toBe(3000);
    expect(result.emergency.topUp).toBe(0);
    expect(result.available).toBe(3000);
  });

  it('fills a small gap and leaves the rest available; a full fund takes nothing', () => {
    // Surplus 450000 − 255000 = 195000; gap 1500000 − 1470000 = 30000; starter 5000; top-up min(30000, 190000) = 30000.
    const small = availableToInvest({ ...march, emergencyBalance: 1_470_000 });
    expect(small.emergency).toEqual({ balance: 1_470_000, target: 1_500_000, gap: 30_000, fillingTo: 1_500_000, topUp: 30_000 });
    expect(small.available).toBe(165_000); // 195000 − 30000
    const full = availableToInvest({ ...march, emergencyBalance: 2_000_000 });
    expect(full.emergency.gap).toBe(0);
    expect(full.emergency.topUp).toBe(0);
    expect(full.available).toBe(195_000);
  });

  it('with high-interest debt left, fills only a one-month starter fund so the rest can repay the debt', () => {
    // Living expenses 250000 → starter fund 250000. Balance 100000 → 150000 to go; surplus 195000, starter 5000:
    // top-up min(150000, 190000) = 150000, available 45000 (for the debt).
    const owing = availableToInvest({ ...march, emergencyBalance: 100_000, highInterestDebt: 300_000 });
    expect(owing.emergency).toEqual({ balance: 100_000, target: 1_500_000, gap: 1_400_000, fillingTo: 250_000, topUp: 150_000 });
    expect(owing.available).toBe(45_000);
    // Above one month already: the fund takes nothing this month; all but the starter is available.
    const covered = availableToInvest({ ...march, emergencyBalance: 500_000, highInterestDebt: 300_000 });
    expect(covered.emergency.topUp).toBe(0);
    expect(covered.available).toBe(195_000);
    // A small debt: 190000 placeable, 0 to the starter level, 40000 repays the debt, the other 150000 fills the fund.
    const smallDebt = availableToInvest({ ...march, emergencyBalance: 500_000, highInterestDebt: 40_000 });
    expect(smallDebt.emergency.topUp).toBe(150_000);
    expect(smallDebt.available).toBe(45_000); // 195000 − 150000: the 5000 starter and the 40000 for the debt
  });

  it('counts months in local time: a need due just after local midnight of the 1st is this month', () => {
    // Berlin (+60): March starts 28 Feb 23:00 UTC. Due 28 Feb 23:30 UTC = 1 Mar 00:30 local → this month.
    // Due 28 Feb 22:30 UTC = 28 Feb 23:30 local → past. Due 31 Mar 23:30 UTC = 1 Apr local → 2 months.
    const result = availableToInvest({
      ...march,
      tzOffsetMinutes: 60,
      cashNeeds: [
        { id: 'a', name: 'A', amount: 1000, dueAt: t('2026-02-28T23:30:00Z') },
        { id: 'b', name: 'B', amount: 1000, dueAt: t('2026-02-28T22:30:00Z') },
        { id: 'c', name: 'C', amount: 1001, dueAt: t('2026-03-31T23:30:00Z') },
      ],
    });
    expect(result.cashNeeds.map((n) => [n.id, n.monthsLeft, n.thisMonth])).toEqual([
      ['a', 1, 1000],
      ['c', 2, 501], // ⌈1001 ÷ 2⌉
    ]);
    expect(result.cashNeedsTotal).toBe(1501);
  });
});
