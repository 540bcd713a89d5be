/**
 * The coach: for each rule, facts that make it fire and facts that do not,
 * with the figures worked out by hand; and the next-dollar allocation (exact
 * sum, order, the Acceleration cap). All money is USD cents.
 *
 * The default household is healthy: $3,000 expenses, a full 6-month fund
 * ($18,000), no debt, investing for 12 months, a $1,000 surplus this month
 * after three positive months, no Leverage streams.
 */
import { describe, expect, it } from 'vitest';
import { runCoach } from '@/utils/analytics/coach';
import type { AvailableToInvest, BuildPhase, CoachAction, CoachFacts, CoachRuleId } from '@/utils/analytics/plan-types';

const DAY = 86_400_000;
const NOW = Date.parse('2026-06-15T12:00:00Z');

/** An AvailableToInvest as available.ts builds it: topUp = min(gap, surplus − starter). */
function available(o: { surplus?: number; balance?: number; target?: number; starter?: number } = {}): AvailableToInvest {
  const surplus = o.surplus ?? 100_000;
  const balance = o.balance ?? 1_800_000;
  const target = o.target ?? 1_800_000;
  const starter = Math.max(0, Math.min(o.starter ?? 5_000, surplus));
  const gap = Math.max(0, target - balance);
  const topUp = Math.max(0, Math.min(gap, surplus - starter));
  return {
    month: '2026-06',
    income: { streams: 0, other: surplus + 300_000, total: surplus + 300_000 },
    expenses: { living: 300_000, streamCosts: 0, total: 300_000 },
    cashNeeds: [],
    cashNeedsTotal: 0,
    emergency: { balance, target, gap, fillingTo: target, topUp },
    foundationStarter: starter,
    surplus,
    available: surplus - topUp,
  };
}

function facts(over: Partial<CoachFacts> = {}): CoachFacts {
  return {
    now: NOW,
    month: '2026-06',
    baseCurrency: 'USD',
    monthlyExpenses: 300_000,
    available: available(),
    emergencyMonthsTarget: 6,
    cashBalance: 1_800_000,
    debts: [],
    highInterestAprBasisPoints: 800,
    foundationStarterMonthly: 5_000,
    foundationBalance: 2_500_000,
    foundationContributionMonths: 12,
    leverage: { streams: [], play: null },
    surplusHistory: [
      { month: '2026-03', amount: 90_000 },
      { month: '2026-04', amount: 110_000 },
      { month: '2026-05', amount: 100_000 },
    ],
    stableSurplusMonths: 3,
    accelerationCapBasisPoints: 1000,
    accelerationCapital: 0,
    ...over,
  };
}

function phase(o: Partial<BuildPhase> = {}): BuildPhase {
  return {
    monthsSinceStart: 6,
    monthsSinceFirstIncome: 4,
    target: 100_000,
    current: 20_000,
    trendPerMonth: null,
    monthsToTarget: null,
    selfSustaining: false,
    ...o,
  };
}

const stream = (id: string, name: string, o: { trailing3?: number; monthlyCosts?: number; buildPhase?: BuildPhase | null } = {}) => ({
  id,
  name,
  startedAt: NOW - 200 * DAY,
  trailing3: o.trailing3 ?? 20_000,
  monthlyCosts: o.monthlyCosts ?? 0,
  buildPhase: o.buildPhase === undefined ? phase() : o.buildPhase,
});

function rule(f: CoachFacts, id: CoachRuleId): CoachAction {
  const found = runCoach(f).actions.find((a) => a.rule === id);
  if (!found) throw new Error(`no action for ${id}`);
  return found;
}

const figure = (a: CoachAction, label: string) => a.figures.find((f) => f.label === label);

const CARD = { id: 'card', name: 'Visa', balance: 200_000, aprBasisPoints: 2499, minimumMonthly: 6_000 };
const STORE = { id: 'store', name: 'Store card', balance: 50_000, aprBasisPoints: 2999, minimumMonthly: 2_500 };
const CAR = { id: 'car', name: 'Car loan', balance: 1_000_000, aprBasisPoints: 450, minimumMonthly: 30_000 };

describe('the healthy default', () => {
  it('every rule is satisfied (or waiting for a play), actions come in priority order and there is no top action', () => {
    const result = runCoach(facts());
    expect(result.actions.map((a) => [a.rule, a.priority, a.status])).toEqual([
      ['set-expenses', 0, 'ok'],
      ['emergency-fund', 10, 'ok'],
      ['high-interest-debt', 20, 'ok'],
      ['foundation-start', 30, 'ok'],
      ['idle-cash', 40, 'ok'],
      ['leverage-one-play', 50, 'ok'],
      ['leverage-review', 55, 'wait'],
      ['acceleration-gate', 60, 'ok'],
    ]);
    expect(result.top).toBeNull();
  });

  it('top is the "do" action with the lowest priority', () => {
    // Emergency fund short (10) and nothing invested yet (30): the fund comes first.
    const result = runCoach(facts({ available: available({ balance: 450_000 }), foundationContributionMonths: 0 }));
    expect(result.top?.rule).toBe('emergency-fund');
    expect(result.actions.filter((a) => a.status === 'do').map((a) => a.rule)).toEqual(['emergency-fund', 'foundation-start']);
  });
});

describe('set-expenses', () => {
  it.each([
    [0, 'do'],
    [300_000, 'ok'],
  ] as const)('expenses %i → %s', (expenses, status) => {
    const a = rule(facts({ monthlyExpenses: expenses }), 'set-expenses');
    expect(a.status).toBe(status);
    expect(figure(a, 'Monthly expenses')?.minor).toBe(expenses);
  });

  it('says why, and comes first', () => {
    const result = runCoach(facts({ monthlyExpenses: 0, available: available({ target: 0 }) }));
    expect(result.top?.reason).toBe('Set your monthly expenses: every other rule depends on them.');
    // With no expenses, the rules that measure in months of them wait.
    expect(rule(facts({ monthlyExpenses: 0 }), 'emergency-fund').status).toBe('wait');
    expect(rule(facts({ monthlyExpenses: 0 }), 'idle-cash').status).toBe('wait');
  });
});

describe('emergency-fund', () => {
  it('fires below the target with the gap, balance, target, months covered and this month’s top-up', () => {
    // Balance $4,500 = 1.5 × $3,000; target 6 × $3,000 = $18,000; gap $13,500.
    // Top-up = min($13,500, $1,000 surplus − $50 starter) = $950.
    const a = rule(facts({ available: available({ balance: 450_000 }) }), 'emergency-fund');
    expect(a.status).toBe('do');
    expect(a.figures).toEqual([
      { label: 'Gap', minor: 1_350_000 },
      { label: 'Balance', minor: 450_000 },
      { label: 'Target', minor: 1_800_000 },
      { label: 'Months covered', text: '1.5 of 6 months' },
      { label: 'This month', minor: 95_000 },
    ]);
    expect(a.title).toBe('Fill your emergency fund: $13,500.00 to go');
    expect(a.reason).toContain('holds $4,500.00, 1.5 months of expenses; the target is 6 months ($18,000.00)');
    expect(a.reason).toContain('this month it takes $950.00 of your surplus');
  });

  it.each([
    [1_800_000, 'ok'],
    [2_000_000, 'ok'],
    [1_799_999, 'do'],
  ] as const)('balance %i against an $18,000 target → %s', (balance, status) => {
    expect(rule(facts({ available: available({ balance }) }), 'emergency-fund').status).toBe(status);
  });
});

describe('high-interest-debt', () => {
  it('fires in avalanche order, highest APR first, naming the debt and its APR', () => {
    const zero = { id: 'old', name: 'Old card', balance: 0, aprBasisPoints: 1999, minimumMonthly: 0 };
    const a = rule(facts({ debts: [CAR, CARD, zero, STORE] }), 'high-interest-debt');
    expect(a.status).toBe('do');
    expect(a.title).toBe('Pay off Store card (29.99% APR) first');
    // $500 + $2,000 = $2,500; the car loan (4.5%) and the paid-off card are not high-interest.
    expect(a.figures).toEqual([
      { label: 'High-interest debt', minor: 250_000 },
      { label: 'Store card (29.99% APR)', minor: 50_000 },
      { label: 'Visa (24.99% APR)', minor: 200_000 },
    ]);
    expect(a.reason).toContain('Store card at 29.99% ($500.00) and Visa at 24.99% ($2,000.00)');
  });

  it.each([
    ['only a 4.5% car loan', [CAR], 'ok'],
    ['exactly the 8% threshold', [{ ...CAR, aprBasisPoints: 800, balance: 1 }], 'do'],
    ['just under it (7.99%)', [{ ...CAR, aprBasisPoints: 799 }], 'ok'],
    ['a 24.99% card paid off', [{ ...CARD, balance: 0 }], 'ok'],
  ] as const)('%s → %s', (_label, debts, status) => {
    expect(rule(facts({ debts: [...debts] }), 'high-interest-debt').status).toBe(status);
  });
});

describe('foundation-start', () => {
  it('fires when nothing goes into Foundation yet, with the $50 starter', () => {
    const a = rule(facts({ foundationContributionMonths: 0, foundationBalance: 0 }), 'foundation-start');
    expect(a.status).toBe('do');
    expect(a.title).toBe('Start auto-investing $50.00 a month');
    expect(figure(a, 'Starter a month')?.minor).toBe(5_000);
  });

  it('is ok with the months in a row', () => {
    const a = rule(facts({ foundationContributionMonths: 12 }), 'foundation-start');
    expect(a.status).toBe('ok');
    expect(figure(a, 'Months in a row')?.text).toBe('12 months');
    expect(a.reason).toContain('12 months in a row');
  });
});

describe('idle-cash', () => {
  it('fires when cash is more than a month of expenses above the target, with cash − target as the figure', () => {
    // $22,000 − $18,000 = $4,000 > $3,000 of expenses.
    const a = rule(facts({ cashBalance: 2_200_000 }), 'idle-cash');
    expect(a.status).toBe('do');
    expect(a.title).toBe('Move $4,000.00 of idle cash into Foundation');
    expect(figure(a, 'Above target')?.minor).toBe(400_000);
  });

  it.each([
    ['exactly one month above ($21,000)', 2_100_000, [], 'ok'],
    ['one cent more ($21,000.01)', 2_100_001, [], 'do'],
    ['below the target', 1_000_000, [], 'ok'],
    ['well above, with a 24.99% card', 2_200_000, [CARD], 'wait'],
  ] as const)('%s → %s', (_label, cashBalance, debts, status) => {
    expect(rule(facts({ cashBalance, debts: [...debts] }), 'idle-cash').status).toBe(status);
  });
});

describe('leverage-one-play', () => {
  it('fires with two streams in build phase and suggests the best trend', () => {
    const streams = [
      stream('blog', 'Blog', { trailing3: 30_000, buildPhase: phase({ trendPerMonth: 2_000 }) }),
      stream('yt', 'Channel', { trailing3: 10_000, buildPhase: phase({ trendPerMonth: 5_000 }) }),
      stream('news', 'Newsletter', { trailing3: 150_000, buildPhase: phase({ selfSustaining: true, trendPerMonth: 9_000 }) }),
    ];
    const a = rule(facts({ leverage: { streams, play: null } }), 'leverage-one-play');
    expect(a.status).toBe('do');
    expect(a.title).toBe('Focus on one Leverage play (2 are in build phase)');
    // The self-sustaining newsletter is not in build phase and not suggested despite its trend.
    expect(a.reason).toContain('Blog and Channel are all in build phase');
    expect(a.reason).toContain('Suggested: Channel, as it has the best trend ($50.00 a month)');
    expect(a.figures).toEqual([
      { label: 'Streams in build phase', text: '2' },
      { label: 'Blog, last 3 months', minor: 30_000 },
      { label: 'Channel, last 3 months', minor: 10_000 },
    ]);
  });

  it('without trend data it suggests the chosen play', () => {
    const streams = [stream('blog', 'Blog'), stream('yt', 'Channel', { trailing3: 90_000 })];
    const a = rule(facts({ leverage: { streams, play: { streamId: 'blog', name: 'Blog', committedAt: NOW - 10 * DAY } } }), 'leverage-one-play');
    expect(a.status).toBe('do');
    expect(a.reason).toContain('Suggested: Blog, as it is the play you chose');
  });

  it.each([
    ['one stream in build, no play chosen', [stream('blog', 'Blog')], null, 'do'],
    ['one stream in build, it is the play', [stream('blog', 'Blog')], 'blog', 'ok'],
    ['no Leverage streams', [], null, 'ok'],
    ['only a self-sustaining stream', [stream('news', 'Newsletter', { buildPhase: phase({ selfSustaining: true }) })], null, 'ok'],
  ] as const)('%s → %s', (_label, streams, playId, status) => {
    const play = playId === null ? null : { streamId: playId, name: 'Blog', committedAt: NOW - 10 * DAY };
    const a = rule(facts({ leverage: { streams: [...streams], play } }), 'leverage-one-play');
    expect(a.status).toBe(status);
    if (status === 'do') expect(a.title).toBe('Choose your one Leverage play');
  });
});

describe('leverage-review', () => {
  const blog = stream('blog', 'Blog', {
    trailing3: 30_000,
    buildPhase: phase({ trendPerMonth: 2_500.4, monthsToTarget: 28, target: 100_000 }),
  });
  const withPlay = (daysAgo: number) =>
    facts({ leverage: { streams: [blog], play: { streamId: 'blog', name: 'Blog', committedAt: NOW - daysAgo * DAY } } });

  it('fires at day 90 or later with the trailing income, trend and months to target', () => {
    const a = rule(withPlay(95), 'leverage-review');
    expect(a.status).toBe('do');
    expect(a.title).toBe('Review Blog now: day 95');
    expect(a.figures).toEqual([
      { label: 'Last 3 months, a month', minor: 30_000 },
      { label: 'Trend a month', minor: 2_500 },
      { label: 'Months to target', text: '28' },
      { label: 'Target a month', minor: 100_000 },
    ]);
    expect(a.reason).toContain('earned $300.00 a month on average, a trend of $25.00 a month');
    expect(a.reason).toContain('reaches its $1,000.00 target in 28 months');
    expect(rule(withPlay(90), 'leverage-review').status).toBe('do');
  });

  it('waits before day 90 and says when to review', () => {
    // Committed 2026-03-18 12:00Z (89 days before 2026-06-15); day 90 is 2026-06-16.
    const a = rule(withPlay(89), 'leverage-review');
    expect(a.status).toBe('wait');
    expect(a.title).toBe('Review Blog on 2026-06-16');
    expect(a.figures).toEqual([{ label: 'Days left', text: '1 of 90' }]);
    expect(a.reason).toContain('review on 2026-06-16, in 1 day');
  });

  it('waits when no play is chosen', () => {
    expect(rule(facts(), 'leverage-review').status).toBe('wait');
  });

  it('a falling trend says the target is never reached', () => {
    const falling = stream('blog', 'Blog', { buildPhase: phase({ trendPerMonth: -300, monthsToTarget: null }) });
    const a = rule(facts({ leverage: { streams: [falling], play: { streamId: 'blog', name: 'Blog', committedAt: NOW - 120 * DAY } } }), 'leverage-review');
    expect(figure(a, 'Months to target')?.text).toBe('never at this trend');
    expect(a.reason).toContain('change the approach or stop');
  });
});

describe('acceleration-gate', () => {
  it('is ok after 3 positive months, with the cap: 10% of their average', () => {
    // ($900 + $1,100 + $1,000) ÷ 3 = $1,000; 10% = $100.
    const a = rule(facts(), 'acceleration-gate');
    expect(a.status).toBe('ok');
    expect(a.figures).toEqual([
      { label: 'Stable surplus', text: '3 of 3 months positive' },
      { label: 'Capital in trading', minor: 0 },
      { label: 'Average surplus', minor: 100_000 },
      { label: 'Cap a month', minor: 10_000 },
    ]);
    expect(a.title).toBe('Acceleration may get up to $100.00 a month');
  });

  it.each([
    ['a negative month in the run', [['2026-03', 90_000], ['2026-04', -5_000], ['2026-05', 100_000]], '1 of 3'],
    ['the last month negative', [['2026-03', 90_000], ['2026-04', 80_000], ['2026-05', 0]], '0 of 3'],
    ['a missing month (February, April, May)', [['2026-02', 90_000], ['2026-04', 80_000], ['2026-05', 70_000]], '2 of 3'],
    ['history that stops in April', [['2026-02', 90_000], ['2026-03', 80_000], ['2026-04', 70_000]], '0 of 3'],
    ['only two months', [['2026-04', 80_000], ['2026-05', 70_000]], '2 of 3'],
  ] as const)('waits with %s: %s months positive', (_label, rows, count) => {
    const surplusHistory = rows.map(([month, amount]) => ({ month, amount }));
    const a = rule(facts({ surplusHistory }), 'acceleration-gate');
    expect(a.status).toBe('wait');
    expect(a.title).toBe(`Acceleration waits: ${count} months positive`);
  });

  it('waits while the emergency fund is short, even after a stable surplus', () => {
    const a = rule(facts({ available: available({ balance: 1_500_000 }) }), 'acceleration-gate');
    expect(a.status).toBe('wait');
    expect(a.reason).toContain('the emergency fund is $3,000.00 short of its target');
  });

  it('says "reduce or pause trading" when capital is in trading but the gate is not met', () => {
    const surplusHistory = [{ month: '2026-05', amount: 100_000 }];
    const a = rule(facts({ surplusHistory, accelerationCapital: 500_000 }), 'acceleration-gate');
    expect(a.status).toBe('do');
    expect(a.title).toBe('Reduce or pause trading');
    expect(figure(a, 'Capital in trading')?.minor).toBe(500_000);
    expect(a.reason).toContain('$5,000.00 is in trading, but it is not yet funded by a stable surplus');
    // The same capital with the gate met is fine.
    expect(rule(facts({ accelerationCapital: 500_000 }), 'acceleration-gate').status).toBe('ok');
  });
});

describe('next-dollar allocation', () => {
  const sum = (lines: { minor: number }[]) => lines.reduce((s, l) => s + l.minor, 0);
  const shape = (f: CoachFacts) => runCoach(f).allocation.lines.map((l) => [l.bucket, l.minor, l.targetId ?? null]);

  it('healthy default: starter, Acceleration (10% of what is left), the rest to Foundation as a second line', () => {
    // $1,000: $50 starter; left $950 → 10% = $95 (under the $100 cap); rest $855.
    const allocation = runCoach(facts()).allocation;
    expect(allocation.total).toBe(100_000);
    expect(allocation.lines.map((l) => [l.bucket, l.minor])).toEqual([
      ['foundation', 5_000],
      ['acceleration', 9_500],
      ['foundation', 85_500],
    ]);
    expect(sum(allocation.lines)).toBe(100_000);
    expect(allocation.lines[1]?.reason).toContain('$95.00 to Acceleration: at most 10% of the $950.00 left');
  });

  it('emergency fund short: starter, then everything else to the fund', () => {
    // $1,000 − $50 starter = $950 top-up (the gap is $13,500).
    expect(shape(facts({ available: available({ balance: 450_000 }) }))).toEqual([
      ['foundation', 5_000, null],
      ['emergency', 95_000, null],
    ]);
  });

  it('debts take what is left, highest APR first, up to each balance; no Acceleration while they last', () => {
    // $1,000: $50 starter; Store card $500 (paid off); Visa gets the last $450, $1,550 left on it.
    const f = facts({ debts: [CARD, CAR, STORE] });
    const allocation = runCoach(f).allocation;
    expect(shape(f)).toEqual([
      ['foundation', 5_000, null],
      ['debt', 50_000, 'store'],
      ['debt', 45_000, 'card'],
    ]);
    expect(allocation.lines[1]?.reason).toContain('that pays it off');
    expect(allocation.lines[2]?.reason).toContain('$1,550.00 is left after this');
    expect(sum(allocation.lines)).toBe(allocation.total);
  });

  it('a larger surplus pays both debts and sends the rest to Foundation, still without Acceleration', () => {
    // $3,000: $50; $500; $2,000; rest $450 (the gate fails while debt is left at the start of the month).
    expect(shape(facts({ available: available({ surplus: 300_000 }), debts: [CARD, STORE] }))).toEqual([
      ['foundation', 5_000, null],
      ['debt', 50_000, 'store'],
      ['debt', 200_000, 'card'],
      ['foundation', 45_000, null],
    ]);
  });

  it('the chosen play gets up to its growth budget (not its costs, already expenses) before Acceleration', () => {
    // $1,000: $50 starter; Blog budget $29.99; left $920.01 → 10% = $92.00 (rounded down); rest $828.01.
    const blog = stream('blog', 'Blog', { monthlyCosts: 5_000 });
    const f = facts({ leverage: { streams: [blog], play: { streamId: 'blog', name: 'Blog', committedAt: NOW - DAY, monthlyBudget: 2_999 } } });
    expect(shape(f)).toEqual([
      ['foundation', 5_000, null],
      ['leverage', 2_999, 'blog'],
      ['acceleration', 9_200, null],
      ['foundation', 82_801, null],
    ]);
    expect(sum(runCoach(f).allocation.lines)).toBe(100_000);
    // A self-sustaining play pays its own costs.
    const sustaining = stream('blog', 'Blog', { monthlyCosts: 2_999, buildPhase: phase({ selfSustaining: true }) });
    const g = facts({ leverage: { streams: [sustaining], play: { streamId: 'blog', name: 'Blog', committedAt: NOW - DAY, monthlyBudget: 2_999 } } });
    expect(shape(g).map((l) => l[0])).toEqual(['foundation', 'acceleration', 'foundation']);
    // No budget set: no Leverage line (its costs are paid as expenses).
    const h = facts({ leverage: { streams: [blog], play: { streamId: 'blog', name: 'Blog', committedAt: NOW - DAY } } });
    expect(shape(h).map((l) => l[0])).toEqual(['foundation', 'acceleration', 'foundation']);
  });

  describe('the Acceleration cap, history +$400, +$350, +$500 and cap 10%', () => {
    const surplusHistory = [
      { month: '2026-03', amount: 40_000 },
      { month: '2026-04', amount: 35_000 },
      { month: '2026-05', amount: 50_000 },
    ];

    it('gets 10% of the remainder', () => {
      // $300 surplus: $50 starter; remainder $250 → 10% = $25 (under the cap $1,250 ÷ 3 × 10% = $41.66).
      expect(shape(facts({ surplusHistory, available: available({ surplus: 30_000 }) }))).toEqual([
        ['foundation', 5_000, null],
        ['acceleration', 2_500, null],
        ['foundation', 22_500, null],
      ]);
    });

    it('a windfall month is held to 10% of the stable average', () => {
      // $1,000 surplus: remainder $950 → 10% = $95, but the cap is floor($1,250 × 10% ÷ 3) = $41.66.
      expect(shape(facts({ surplusHistory }))).toEqual([
        ['foundation', 5_000, null],
        ['acceleration', 4_166, null],
        ['foundation', 90_834, null],
      ]);
    });

    it('nothing while the gate is not met', () => {
      const broken = [...surplusHistory.slice(0, 2), { month: '2026-05', amount: -1 }];
      expect(shape(facts({ surplusHistory: broken })).map((l) => l[0])).toEqual(['foundation', 'foundation']);
    });
  });

  it.each([
    ['a negative surplus', -20_000, 'income is $200.00 short of expenses and cash needs'],
    ['a zero surplus', 0, 'income exactly covers expenses and cash needs'],
  ])('%s gives total 0 and one explanatory line', (_label, surplus, text) => {
    const allocation = runCoach(facts({ available: available({ surplus }) })).allocation;
    expect(allocation.total).toBe(0);
    expect(allocation.lines).toHaveLength(1);
    expect(allocation.lines[0]?.minor).toBe(0);
    expect(allocation.lines[0]?.reason).toContain(text);
  });

  it.each([1, 49, 4_999, 5_001, 12_345, 98_765, 1_000_003])('splits a surplus of %i cents exactly into whole cents with no zero lines', (surplus) => {
    const blog = stream('blog', 'Blog', { monthlyCosts: 1_234 });
    const f = facts({
      available: available({ surplus }),
      debts: [{ ...STORE, balance: 777 }],
      leverage: { streams: [blog], play: { streamId: 'blog', name: 'Blog', committedAt: NOW, monthlyBudget: 1_234 } },
    });
    const { total, lines } = runCoach(f).allocation;
    expect(total).toBe(surplus);
    expect(sum(lines)).toBe(surplus);
    for (const line of lines) {
      expect(Number.isSafeInteger(line.minor)).toBe(true);
      expect(line.minor).toBeGreaterThan(0);
      expect(line.reason).toMatch(/\$\d/);
    }
  });
});
