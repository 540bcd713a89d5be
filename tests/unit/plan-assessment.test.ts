/**
 * The layer assessment: each path of the "next layer" table in
 * utils/analytics/assessment.ts, the gates per layer, status from data
 * winning over answers, an amount with no exchange rate, and the answers
 * prefilled from data. Money is USD cents unless it says otherwise.
 */
import { describe, expect, it } from 'vitest';
import { assessLayers, prefillAnswers, type AssessmentContext, type PrefillFacts } from '@/utils/analytics/assessment';
import { LAYER_FACTS } from '@/utils/analytics/layers';
import type { AssessmentAnswers } from '@/utils/db/schema-plan';
import { LAYERS } from '@/utils/db/schema';

const usd = (minor: number) => ({ minor, currency: 'USD' });

/** A person with a full fund, no debt, a $1,000 surplus, no spare hours and no skills. */
function answers(over: Partial<AssessmentAnswers> = {}): AssessmentAnswers {
  return {
    emergencyMonths: 6,
    highInterestDebt: usd(0),
    monthlySurplus: usd(100_000),
    investableCapital: usd(0),
    hoursPerWeek: 0,
    skills: [],
    riskTolerance: 'medium',
    goals: [],
    answeredAt: Date.parse('2026-06-15T12:00:00Z'),
    ...over,
  };
}

/** USD converts as is; EUR at 1.10; anything else has no rate. */
function ctx(over: Partial<AssessmentContext> = {}): AssessmentContext {
  return {
    monthlyExpenses: 300_000,
    toBase: (m) => (m.currency === 'USD' ? m.minor : m.currency === 'EUR' ? Math.round(m.minor * 1.1) : null),
    ...over,
  };
}

/** Foundation already running, as the data says. */
const investing = ctx({ status: { foundation: 'building' } });

describe('next layer', () => {
  it('emergency fund under 3 months → Foundation, with filling the fund as the first step', () => {
    const result = assessLayers(answers({ emergencyMonths: 1.5, hoursPerWeek: 10, skills: ['writing'] }), investing);
    expect(result.next).toBe('foundation');
    expect(result.reasons[0]).toBe('Your emergency fund covers 1.5 months of expenses; the target is 6.');
    // (3 − 1.5) × $3,000 = $4,500 to reach 3 months.
    expect(result.firstSteps[0]).toBe(
      'Send your surplus ($1,000.00 a month) to a high-yield savings account until it covers 3 months of expenses ($4,500.00 more), then keep going to 6.',
    );
    expect(result.firstSteps.at(-1)).toContain('automatic $50.00 a month into a broad, low-cost index fund');
    // Leverage is ready on its own terms; it just is not next.
    expect(result.placements.leverage.stage).toBe('ready');
  });

  it('high-interest debt → Foundation, paying it off first, even with the fund full and Leverage ready', () => {
    const result = assessLayers(
      answers({ highInterestDebt: usd(250_000), hoursPerWeek: 10, skills: ['writing'] }),
      investing,
    );
    expect(result.next).toBe('foundation');
    expect(result.reasons[0]).toContain('You have $2,500.00 of high-interest debt');
    expect(result.firstSteps[0]).toBe(
      'Pay more than the minimum on the high-interest debt ($2,500.00), highest APR first, and the minimum on the rest.',
    );
  });

  it('both: the emergency fund step comes before the debt step', () => {
    const result = assessLayers(answers({ emergencyMonths: 0.5, highInterestDebt: usd(100_000) }), ctx());
    expect(result.firstSteps[0]).toContain('high-yield savings account');
    expect(result.firstSteps[1]).toContain('high-interest debt ($1,000.00)');
  });

  it('Foundation not started yet → Foundation: open an account and automate the starter', () => {
    const result = assessLayers(answers({ emergencyMonths: 4, investableCapital: usd(1_000_000) }), ctx());
    expect(result.next).toBe('foundation');
    expect(result.placements.foundation.stage).toBe('ready');
    expect(result.firstSteps).toEqual([
      'Open a brokerage or robo-advisor account and set up an automatic $50.00 a month into a broad, low-cost index fund.',
      'Invest your $10,000.00 of capital in the same fund, at once or over a few months.',
      'Keep adding to the emergency fund until it covers 6 months (now 4 months).',
    ]);
  });

  it('no surplus and no capital → Foundation is not ready, and the first step is finding a surplus', () => {
    const result = assessLayers(answers({ monthlySurplus: usd(-20_000) }), ctx());
    expect(result.placements.foundation.stage).toBe('not-ready');
    expect(result.placements.foundation.reasons[0]).toContain('-$200.00');
    expect(result.next).toBe('foundation');
    expect(result.firstSteps[0]).toContain('Find a positive monthly surplus first');
  });

  it('writing and 5 hours a week → Leverage (Compounding lacks a skill)', () => {
    const result = assessLayers(answers({ hoursPerWeek: 5, skills: ['writing'] }), investing);
    expect(result.placements.leverage.stage).toBe('ready');
    expect(result.placements.compounding.stage).toBe('not-ready');
    expect(result.next).toBe('leverage');
    expect(result.reasons[0]).toBe('Leverage fits: you have 5 hours a week (it needs 3) and skills in writing.');
    expect(result.firstSteps[0]).toBe('Pick one play that fits your skills (a blog or newsletter with affiliate links) and commit to it for 90 days.');
  });

  it('2 hours a week is not enough for Leverage, whatever the skills', () => {
    const result = assessLayers(answers({ hoursPerWeek: 2, skills: ['writing', 'video'] }), investing);
    expect(result.placements.leverage.stage).toBe('not-ready');
    expect(result.placements.leverage.reasons[0]).toBe('You have 2 hours a week; Leverage needs at least 3.');
    expect(result.next).toBe('foundation');
  });

  it('coding and sales with 10 hours → Compounding', () => {
    const result = assessLayers(answers({ hoursPerWeek: 10, skills: ['coding', 'sales'], goals: ['build-business'] }), investing);
    expect(result.placements.leverage.stage).toBe('not-ready');
    expect(result.placements.compounding.stage).toBe('ready');
    expect(result.next).toBe('compounding');
    expect(result.reasons[0]).toBe(
      'Compounding fits: you have 10 hours a week (it needs 5) and skills in coding and sales and your goals include building a business.',
    );
    expect(result.firstSteps[0]).toContain('a micro-SaaS tool and a lead-generation service');
  });

  it('when both fit, the score decides (skills + 2 for a goal) and a tie goes to Leverage', () => {
    // design and marketing suit both: 2 against 2 → Leverage.
    const both = answers({ hoursPerWeek: 10, skills: ['design', 'marketing'] });
    expect(assessLayers(both, investing).next).toBe('leverage');
    // + build-business: Compounding 4 against Leverage 2.
    const business = assessLayers({ ...both, goals: ['build-business'] }, investing);
    expect(business.next).toBe('compounding');
    expect(business.reasons[1]).toBe("It scores 4 against Leverage's 2 on your skills and goals.");
  });

  it('Compounding needs capital or a surplus', () => {
    const broke = answers({ hoursPerWeek: 10, skills: ['coding'], monthlySurplus: usd(0), investableCapital: usd(0) });
    expect(assessLayers(broke, investing).placements.compounding.stage).toBe('not-ready');
    expect(assessLayers({ ...broke, investableCapital: usd(50_000) }, investing).placements.compounding.stage).toBe('ready');
  });

  it('a layer already being built comes before a new one', () => {
    const result = assessLayers(
      answers({ hoursPerWeek: 10, skills: ['writing', 'coding'], goals: ['side-income'] }),
      ctx({ status: { foundation: 'passive', compounding: 'building' } }),
    );
    expect(result.next).toBe('compounding');
    expect(result.reasons[0]).toBe('You are already building Compounding: finish it before starting another layer.');
  });
});

describe('Acceleration', () => {
  const trader = answers({ riskTolerance: 'high', goals: ['learn-trading'] });

  it('is next only when its gate passes, nothing else fits and the goals include learning to trade', () => {
    const result = assessLayers(trader, investing);
    expect(result.placements.acceleration.stage).toBe('ready');
    expect(result.next).toBe('acceleration');
    expect(result.firstSteps[0]).toContain('Paper-trade one rules-based strategy');
    // Without the goal, keep growing Foundation.
    expect(assessLayers({ ...trader, goals: [] }, investing).next).toBe('foundation');
  });

  it('comes last: a ready Leverage goes first', () => {
    expect(assessLayers({ ...trader, hoursPerWeek: 5, skills: ['video'] }, investing).next).toBe('leverage');
  });

  it.each([
    ['a 4-month fund', { emergencyMonths: 4 }, 'Your emergency fund covers 4 months of expenses; trading needs the full target of 6.'],
    ['high-interest debt', { highInterestDebt: usd(1) }, 'You have $0.01 of high-interest debt; trading needs it paid off.'],
    ['no surplus', { monthlySurplus: usd(0), investableCapital: usd(100) }, 'Your monthly surplus is $0.00; trading is funded only from a positive surplus.'],
    ['a low risk tolerance', { riskTolerance: 'low' as const }, 'Your risk tolerance is low; trading can lose most of what it is given.'],
  ])('is gated by %s', (_label, over, reason) => {
    const result = assessLayers({ ...trader, ...over }, investing);
    expect(result.placements.acceleration.stage).toBe('not-ready');
    expect(result.placements.acceleration.reasons).toEqual([reason]);
    expect(result.next).not.toBe('acceleration');
  });

  it('uses the target from the context: 8 months of a 9-month target is not enough', () => {
    expect(assessLayers(trader, ctx({ status: { foundation: 'building' }, emergencyMonthsTarget: 9 })).placements.acceleration.stage).toBe('not-ready');
    expect(assessLayers({ ...trader, emergencyMonths: 9 }, ctx({ status: { foundation: 'building' }, emergencyMonthsTarget: 9 })).next).toBe('acceleration');
  });
});

describe('status from data', () => {
  it('building and passive win over the answers; not-started falls back to the gates', () => {
    // No hours, no skills, low risk: every gate fails on the answers.
    const result = assessLayers(
      answers({ riskTolerance: 'low' }),
      ctx({ status: { foundation: 'passive', leverage: 'building', acceleration: 'building', compounding: 'not-started' } }),
    );
    expect(LAYERS.map((l) => result.placements[l].stage)).toEqual(['passive', 'building', 'building', 'not-ready']);
    expect(result.placements.leverage.reasons).toEqual(['Your tracked data shows Leverage is being built; that wins over the answers.']);
    expect(result.next).toBe('leverage');
  });
});

// Intl writes "CHF 1,200.00" with a no-break space (U+00A0) after the code.
describe('amounts with no exchange rate', () => {
  it('an unconvertible debt is unknown: no crash, no "debt first", named in the reasons, and it blocks Acceleration', () => {
    const result = assessLayers(
      answers({ highInterestDebt: { minor: 120_000, currency: 'CHF' }, hoursPerWeek: 5, skills: ['writing'], riskTolerance: 'high' }),
      investing,
    );
    expect(result.next).toBe('leverage');
    expect(result.reasons).toContain(
      'Your high-interest debt (CHF\u00a01,200.00) could not be converted into USD: there is no exchange rate for CHF, so it counts as unknown.',
    );
    expect(result.placements.acceleration.stage).toBe('not-ready');
    expect(result.placements.acceleration.reasons).toContain('Your high-interest debt is unknown; trading needs it to be zero.');
  });

  it('an unconvertible surplus keeps Foundation ready but does not fund Compounding', () => {
    const result = assessLayers(
      answers({ monthlySurplus: { minor: 100_000, currency: 'CHF' }, hoursPerWeek: 10, skills: ['coding'] }),
      investing,
    );
    expect(result.placements.foundation.stage).toBe('building');
    expect(assessLayers(answers({ monthlySurplus: { minor: 100_000, currency: 'CHF' } }), ctx()).placements.foundation.stage).toBe('ready');
    expect(result.placements.compounding.stage).toBe('not-ready');
    expect(result.reasons.some((r) => r.includes('Your monthly surplus (CHF\u00a01,000.00) could not be converted'))).toBe(true);
  });

  it('a zero amount needs no rate; a convertible one is converted (EUR at 1.10)', () => {
    const zero = assessLayers(answers({ investableCapital: { minor: 0, currency: 'CHF' } }), ctx());
    expect(zero.reasons.some((r) => r.includes('could not be converted'))).toBe(false);
    // €2,000 × 1.10 = $2,200 of debt → debt first.
    const euro = assessLayers(answers({ highInterestDebt: { minor: 200_000, currency: 'EUR' } }), investing);
    expect(euro.next).toBe('foundation');
    expect(euro.reasons[0]).toContain('€2,000.00 of high-interest debt');
  });
});

describe('prefillAnswers', () => {
  const base: PrefillFacts = {
    emergencyBalance: 450_000,
    monthlyExpenses: 300_000,
    highInterestDebt: 250_000,
    surplus: -20_000,
    investableCapital: 100_000,
    hoursPerMonth: 20,
    baseCurrency: 'USD',
  };

  it('fills every field it has data for, with where it came from', () => {
    const filled = prefillAnswers(base);
    expect(filled.map((p) => [p.field, p.value])).toEqual([
      ['emergencyMonths', 1.5], // $4,500 ÷ $3,000
      ['highInterestDebt', 250_000],
      ['monthlySurplus', -20_000],
      ['investableCapital', 100_000],
      ['hoursPerWeek', 4.6], // 20 × 12 ÷ 52 = 4.615…
    ]);
    expect(filled[0]?.source).toBe('From your HYSA and cash balances ÷ monthly expenses ($4,500.00 ÷ $3,000.00)');
    for (const p of filled) expect(p.source.length).toBeGreaterThan(10);
  });

  it('rounds to one decimal: $10,000 ÷ $3,000 = 3.33… → 3.3 months; 10 hours a month → 2.3 a week', () => {
    const filled = prefillAnswers({ ...base, emergencyBalance: 1_000_000, hoursPerMonth: 10 });
    expect(filled.find((p) => p.field === 'emergencyMonths')?.value).toBe(3.3);
    expect(filled.find((p) => p.field === 'hoursPerWeek')?.value).toBe(2.3);
  });

  it('skips fields with no data: no expenses, no hours, and zeros', () => {
    expect(
      prefillAnswers({ ...base, monthlyExpenses: 0, hoursPerMonth: 0, highInterestDebt: 0, surplus: 0, investableCapital: 0 }),
    ).toEqual([]);
    // An empty fund with expenses set is data: 0 months.
    expect(prefillAnswers({ ...base, emergencyBalance: 0 })[0]).toMatchObject({ field: 'emergencyMonths', value: 0 });
  });
});

describe('LAYER_FACTS', () => {
  it('gives honest ranges and risks for every layer', () => {
    expect(LAYERS.map((l) => [l, LAYER_FACTS[l].typicalMonthsToPassive, LAYER_FACTS[l].risk])).toEqual([
      ['foundation', [0, 0], 'low'],
      ['leverage', [6, 24], 'medium'],
      ['acceleration', [3, 12], 'very high'],
      ['compounding', [12, 36], 'high'],
    ]);
  });
});
