/**
 * The plan's records (issue 4): what a stream costs, the cash the person
 * knows they will need, their debts, and the plan settings with the layer
 * assessment's answers. Same conventions as schema.ts: money is integer minor
 * units with a currency, non-money decimals are decimal strings.
 */
import * as v from 'valibot';
import {
  DecimalString,
  Id,
  MoneySchema,
  Name,
  OptionalNote,
  Slug,
  Timestamp,
} from './schema';

export const PositiveMoney = v.pipe(
  MoneySchema,
  v.check((m) => m.minor > 0, 'must be more than zero'),
);
export const NonNegativeMoney = v.pipe(
  MoneySchema,
  v.check((m) => m.minor >= 0, 'cannot be negative'),
);

/** How often a cost recurs: every month, every year (on its start date's month), or once. */
export const COST_CADENCES = ['month', 'year', 'once'] as const;
export type CostCadence = (typeof COST_CADENCES)[number];

/**
 * A cost of running a stream: a tool, hosting, a fee. Charged on `startsAt`
 * and then every month / year while before `endsAt` (exclusive), or once.
 */
export const StreamCostSchema = v.pipe(
  v.object({
    id: Id,
    streamId: Id,
    name: Name('Cost name'),
    amount: PositiveMoney,
    every: v.picklist(COST_CADENCES, 'must be month, year or once'),
    startsAt: Timestamp,
    endsAt: v.optional(Timestamp),
    notes: OptionalNote,
  }),
  v.forward(
    v.check((c) => c.endsAt === undefined || c.endsAt > c.startsAt, 'must be after the start'),
    ['endsAt'],
  ),
);

/** Money the person knows they will need on a date (insurance, a car, tuition). */
export const CashNeedSchema = v.object({
  id: Id,
  name: Name('Name'),
  amount: PositiveMoney,
  dueAt: Timestamp,
  /** What is already set aside for it (the plan saves only the rest). */
  setAside: v.optional(NonNegativeMoney),
  notes: OptionalNote,
});

/** A debt: its balance and its annual interest rate in basis points (2499 = 24.99% APR). */
export const DebtSchema = v.object({
  id: Id,
  name: Name('Debt name'),
  balance: NonNegativeMoney,
  aprBasisPoints: v.pipe(
    v.number('must be a number'),
    v.safeInteger('must be a whole number of basis points'),
    v.minValue(0, 'cannot be negative'),
    v.maxValue(100_000, 'is over 1000%'),
  ),
  minimumMonthly: v.optional(NonNegativeMoney),
  notes: OptionalNote,
});

export const SKILLS = ['writing', 'video', 'coding', 'design', 'marketing', 'teaching', 'finance', 'sales'] as const;
export type Skill = (typeof SKILLS)[number];
export const RISK_TOLERANCES = ['low', 'medium', 'high'] as const;
export type RiskTolerance = (typeof RISK_TOLERANCES)[number];
export const GOALS = ['security', 'retire-early', 'side-income', 'build-business', 'learn-trading'] as const;
export type Goal = (typeof GOALS)[number];

const Count = (what: string, max: number) =>
  v.pipe(
    v.number(`${what} must be a number`),
    v.finite(`${what} must be a number`),
    v.minValue(0, 'cannot be negative'),
    v.maxValue(max, `is more than ${max}`),
  );

/** The layer assessment's eight answers. Amounts in any currency (converted at use). */
export const AssessmentAnswersSchema = v.object({
  /** Months of expenses the emergency fund covers today. */
  emergencyMonths: Count('Emergency fund months', 120),
  /** High-interest debt outstanding (0 for none). */
  highInterestDebt: NonNegativeMoney,
  /** What is left each month after expenses (negative when short). */
  monthlySurplus: MoneySchema,
  /** Money that could be invested now, beyond the emergency fund. */
  investableCapital: NonNegativeMoney,
  hoursPerWeek: Count('Hours a week', 80),
  skills: v.array(v.picklist(SKILLS, 'must be one of: ' + SKILLS.join(', '))),
  riskTolerance: v.picklist(RISK_TOLERANCES, 'must be low, medium or high'),
  goals: v.array(v.picklist(GOALS, 'must be one of: ' + GOALS.join(', '))),
  answeredAt: Timestamp,
});

/** A change to one projection assumption (utils/analytics/assumptions.ts); absent fields keep the default. */
export const AssumptionOverrideSchema = v.object({
  annualReturn: v.optional(DecimalString),
  annualVolatility: v.optional(DecimalString),
  monthlyChurn: v.optional(DecimalString),
  monthlyCollapse: v.optional(DecimalString),
});

const BasisPoints = (max: number) =>
  v.pipe(
    v.number('must be a number'),
    v.safeInteger('must be a whole number of basis points'),
    v.minValue(0, 'cannot be negative'),
    v.maxValue(max, `is more than ${max / 100}%`),
  );

/** The plan settings: one row in the planSettings table, key "plan". */
export const PlanSettingsSchema = v.object({
  key: v.literal('plan'),
  /** Living expenses a month (stream costs are separate records). */
  monthlyExpenses: NonNegativeMoney,
  /** Income outside the streams (take-home pay) a month. */
  otherMonthlyIncome: NonNegativeMoney,
  /** The emergency fund's target, in months of expenses. */
  emergencyMonths: v.pipe(v.number(), v.safeInteger('must be a whole number of months'), v.minValue(0), v.maxValue(24, 'is more than 24')),
  /** The accounts holding the emergency fund; [] means every high-yield savings and cash account. */
  emergencyAccountIds: v.array(Id),
  /** Debt at or above this APR is high-interest (800 = 8%). */
  highInterestAprBasisPoints: BasisPoints(100_000),
  /** What Foundation gets every month from the start, even while the emergency fund fills. */
  foundationStarterMonthly: NonNegativeMoney,
  /** Consecutive positive months of surplus before Acceleration is funded. */
  stableSurplusMonths: v.pipe(v.number(), v.safeInteger(), v.minValue(1, 'must be at least 1'), v.maxValue(24, 'is more than 24')),
  /** The share of the surplus Acceleration may get at most (1000 = 10%). */
  accelerationCapBasisPoints: BasisPoints(10_000),
  /**
   * The one Leverage play the person committed to, when (the review is at day
   * 90), and what they put into growing it each month beyond its running costs
   * (ads, freelancers, equipment; the costs themselves are stream costs).
   */
  leveragePlay: v.optional(v.object({ streamId: Id, committedAt: Timestamp, monthlyBudget: v.optional(NonNegativeMoney) })),
  /** The share of the portfolio counted as passive income a year ("0.04"). */
  withdrawalRate: DecimalString,
  /** How fast expenses grow a year in projections ("0.03"). */
  expensesGrowth: DecimalString,
  assumptionOverrides: v.record(Slug(64), AssumptionOverrideSchema),
  assessment: v.optional(AssessmentAnswersSchema),
  /** Phrase the coach's advice with the browser's on-device language model (off by default). */
  phrasing: v.boolean(),
});

/** The defaults, in the person's base currency. */
export function defaultPlanSettings(baseCurrency: string): PlanSettings {
  const money = (minor: number) => ({ minor, currency: baseCurrency });
  return {
    key: 'plan',
    monthlyExpenses: money(0),
    otherMonthlyIncome: money(0),
    emergencyMonths: 6,
    emergencyAccountIds: [],
    highInterestAprBasisPoints: 800,
    foundationStarterMonthly: money(5000),
    stableSurplusMonths: 3,
    accelerationCapBasisPoints: 1000,
    withdrawalRate: '0.04',
    expensesGrowth: '0.03',
    assumptionOverrides: {},
    phrasing: false,
  };
}

export type StreamCost = v.InferOutput<typeof StreamCostSchema>;
export type CashNeed = v.InferOutput<typeof CashNeedSchema>;
export type Debt = v.InferOutput<typeof DebtSchema>;
export type AssessmentAnswers = v.InferOutput<typeof AssessmentAnswersSchema>;
export type AssumptionOverride = v.InferOutput<typeof AssumptionOverrideSchema>;
export type PlanSettings = v.InferOutput<typeof PlanSettingsSchema>;
