/**
 * The contracts between the plan's pure modules (issue 4). Every amount is an
 * integer number of minor units of the base currency unless it says
 * otherwise; projections carry fractional minor units (floats) internally and
 * round to whole minor units only where they report a figure. Everything here
 * is structured-clone safe (it crosses the worker boundary).
 *
 *   streams.ts     monthly income and costs per stream / layer, trailing
 *                  averages, real return, build phase, coverage
 *   available.ts   available to invest this month, term by term
 *   projection.ts  deterministic and Monte Carlo projections, FI date
 *   assessment.ts  the layer assessment (answers → stage per layer)
 *   coach.ts       the rules engine and the next-dollar allocation
 *   plan.ts        reads the stored records and puts it all together
 */
import type { Layer } from '@/utils/db/schema';
import type { Assumption } from './assumptions';

// ---------------------------------------------------------------- streams.ts

/** Income and costs per month, months oldest first ("YYYY-MM", consecutive). */
export interface StreamMonthlySeries {
  months: string[];
  baseCurrency: string;
  /** Per stream id: income each month (same length as months). */
  income: Record<string, number[]>;
  /** Per stream id: costs each month (positive numbers). */
  costs: Record<string, number[]>;
  /** Per layer: income each month. */
  incomeByLayer: Record<Layer, number[]>;
  /** Per layer: income minus costs each month. */
  netByLayer: Record<Layer, number[]>;
  /** All streams: income each month, costs each month, net each month. */
  totalIncome: number[];
  totalCosts: number[];
  totalNet: number[];
  /** Income events and costs left out (no exchange rate, unknown stream), with the reason. */
  excluded: { streamId: string; currency: string; reason: string }[];
}

export interface BuildPhase {
  monthsSinceStart: number;
  /** Null while the stream has never earned anything. */
  monthsSinceFirstIncome: number | null;
  /** The monthly income the person set as self-sustaining (null when not set). */
  target: number | null;
  /** The trailing 3-month average income. */
  current: number;
  /** Slope of the last 6 complete months' income (least squares), per month; null with fewer than 2 months. */
  trendPerMonth: number | null;
  /** Months until the trend reaches the target; 0 when reached; null when never (flat or falling) or unknown. */
  monthsToTarget: number | null;
  selfSustaining: boolean;
}

export interface StreamReport {
  streamId: string;
  name: string;
  layer: Layer;
  /** Income this (current, possibly partial) month. */
  thisMonth: number;
  /** Averages of the last 3 / 12 complete months (months before the stream started count as 0 only after it started). */
  trailing3: number;
  trailing12: number;
  /** Costs a month: the average of the last 12 complete months' costs (or since start). */
  costsMonthly: number;
  /** Net income (income − costs) over the last 12 complete months, or since start when shorter. */
  net12: number;
  /** How many months net12 covers (1–12). */
  netMonths: number;
  /** The capital in the stream (stated, or its account's latest balance); null when unknown. */
  capital: number | null;
  /** net12 annualised (× 12 / netMonths) ÷ capital, e.g. 0.084 for 8.4%; null without capital. */
  annualizedReturn: number | null;
  /** Net income per hour worked over the same months (minor units an hour); null when hoursPerMonth is 0. */
  perHour: number | null;
  hoursPerMonth: number;
  /** Content (leverage) and business (compounding) streams only; null for the others. */
  buildPhase: BuildPhase | null;
}

export interface Coverage {
  /** Trailing 3-month average of net stream income a month. */
  passiveMonthly: number;
  expensesMonthly: number;
  /** passiveMonthly ÷ expensesMonthly (1 = fully covered); null when expenses are 0. */
  ratio: number | null;
}

// ---------------------------------------------------------------- available.ts

export interface CashNeedShare {
  id: string;
  name: string;
  /** The whole amount, base minor units. */
  amount: number;
  /** Already set aside (0 when the person has not said). */
  setAside: number;
  dueAt: number;
  /** Months left including this one (1 = due this month). */
  monthsLeft: number;
  /** What to set aside this month: (amount − setAside) ÷ monthsLeft, rounded up to the minor unit. */
  thisMonth: number;
}

export interface AvailableToInvest {
  month: string;
  income: { streams: number; other: number; total: number };
  expenses: { living: number; streamCosts: number; total: number };
  cashNeeds: CashNeedShare[];
  cashNeedsTotal: number;
  emergency: {
    balance: number;
    target: number;
    gap: number;
    /** The level filled this month: the target, or one month of expenses while high-interest debt is left. */
    fillingTo: number;
    /** What the fund takes this month: min(fillingTo − balance, surplus left after the Foundation starter). */
    topUp: number;
  };
  /** The Foundation starter kept back before the emergency fund (coach rule "start now"). */
  foundationStarter: number;
  /** income − expenses − cash needs (may be negative). */
  surplus: number;
  /** surplus − emergency top-up (may be negative). */
  available: number;
}

// ---------------------------------------------------------------- projection.ts

export interface StreamProjectionInput {
  id: string;
  name: string;
  /** Today's net monthly income of the stream (minor units). */
  monthlyIncome: number;
  annualGrowth: number;
  annualVolatility: number;
  monthlyChurn: number;
  monthlyCollapse: number;
}

export interface ProjectionInput {
  /** Starting balance, minor units. */
  balance: number;
  /** Contribution at the end of every month, minor units. */
  monthly: number;
  annualReturn: number;
  annualVolatility: number;
  months: number;
  /** Monte Carlo paths; 0 for the deterministic projection only. */
  paths: number;
  seed: number;
  /** Income streams projected per path (may be empty). */
  streams: StreamProjectionInput[];
  /** Expenses a month today, and their annual growth (for the FI date). */
  monthlyExpenses: number;
  expensesGrowth: number;
  /** Share of the balance counted as passive income a year (0.04). */
  withdrawalRate: number;
}

export interface Percentiles {
  p10: number;
  p50: number;
  p90: number;
}

export interface ProjectionResult {
  months: number;
  /** Deterministic: balance at the end of each month, index 0 = start (length months + 1), minor units (float). */
  deterministic: { balance: number[]; passiveIncome: number[]; finalMinor: number; fiMonth: number | null };
  /** Monte Carlo (null when paths = 0): per month (length months + 1). */
  monteCarlo: {
    paths: number;
    balance: { p10: number[]; p50: number[]; p90: number[] };
    /** Passive income a month: balance × withdrawalRate ÷ 12 + streams' income. */
    passiveIncome: { p10: number[]; p50: number[]; p90: number[] };
    /** Final balance percentiles, whole minor units. */
    finalMinor: Percentiles;
    /** First month (1-based count from now) where that percentile of passive income ≥ expenses; null if never. */
    fiMonth: { p10: number | null; p50: number | null; p90: number | null };
  } | null;
  /** Expenses a month (length months + 1). */
  expenses: number[];
}

/** Called between chunks of Monte Carlo work with the share done (0–1). */
export type ProgressCallback = (done: number) => void;

// ---------------------------------------------------------------- assessment.ts

/** Where a person stands in a layer. */
export type LayerStage = 'not-ready' | 'ready' | 'building' | 'passive';

export interface LayerPlacement {
  layer: Layer;
  stage: LayerStage;
  /** Why, in plain sentences with the numbers. */
  reasons: string[];
}

export interface AssessmentResult {
  placements: Record<Layer, LayerPlacement>;
  /** The layer to work on next. */
  next: Layer;
  reasons: string[];
  /** What to do first, concretely. */
  firstSteps: string[];
}

/** Answers prefilled from data, with where each came from. */
export interface PrefilledAnswer {
  field: 'emergencyMonths' | 'highInterestDebt' | 'monthlySurplus' | 'investableCapital' | 'hoursPerWeek';
  /** Number for months/hours; minor units of the base currency for money. */
  value: number;
  source: string;
}

// ---------------------------------------------------------------- coach.ts

export type CoachRuleId =
  | 'set-expenses'
  | 'emergency-fund'
  | 'high-interest-debt'
  | 'foundation-start'
  | 'leverage-one-play'
  | 'leverage-review'
  | 'acceleration-gate'
  | 'idle-cash';

export interface CoachFigure {
  label: string;
  /** Money, base minor units. */
  minor?: number;
  /** Anything else, already written out ("3 of 3 months", "24.99%"). */
  text?: string;
}

export interface CoachAction {
  rule: CoachRuleId;
  /** Lower comes first. */
  priority: number;
  /** "do": act on it now; "ok": the rule is satisfied (shown as a check); "wait": gated. */
  status: 'do' | 'ok' | 'wait';
  title: string;
  reason: string;
  figures: CoachFigure[];
}

export type AllocationBucket = 'emergency' | 'debt' | 'foundation' | 'leverage' | 'acceleration';

export interface AllocationLine {
  bucket: AllocationBucket;
  minor: number;
  reason: string;
  /** The debt or stream the line goes to, when it is one. */
  targetId?: string;
  targetName?: string;
}

export interface NextDollarAllocation {
  /** This month's money to place: the surplus (0 when negative); the lines sum to it exactly. */
  total: number;
  lines: AllocationLine[];
}

export interface CoachFacts {
  now: number;
  month: string;
  baseCurrency: string;
  monthlyExpenses: number;
  available: AvailableToInvest;
  emergencyMonthsTarget: number;
  /** All cash-like balances (hysa + cash accounts). */
  cashBalance: number;
  debts: { id: string; name: string; balance: number; aprBasisPoints: number; minimumMonthly: number }[];
  highInterestAprBasisPoints: number;
  foundationStarterMonthly: number;
  foundationBalance: number;
  /** Whole months in a row (ending last month) in which money went into Foundation accounts (balance rose). */
  foundationContributionMonths: number;
  leverage: {
    streams: { id: string; name: string; startedAt: number; trailing3: number; monthlyCosts: number; buildPhase: BuildPhase | null }[];
    /** monthlyBudget: what the person puts into growing the play each month (its running costs are already expenses). */
    play: { streamId: string; name: string; committedAt: number; monthlyBudget?: number } | null;
  };
  /** Monthly surplus of the household without Acceleration, last complete months, oldest first. */
  surplusHistory: { month: string; amount: number }[];
  stableSurplusMonths: number;
  accelerationCapBasisPoints: number;
  accelerationCapital: number;
}

export interface CoachResult {
  actions: CoachAction[];
  allocation: NextDollarAllocation;
  /** The most important "do" action (lowest priority), or null when all is well. */
  top: CoachAction | null;
}

// ---------------------------------------------------------------- plan.ts

export type LayerStatus = 'not-started' | 'building' | 'passive';

export interface LayerCard {
  layer: Layer;
  status: LayerStatus;
  /** Why the status, in a sentence. */
  statusReason: string;
  /** Typical time to passive income for the layer, and for building streams the data's estimate. */
  timeToPassive: string;
  monthsToPassive: number | null;
  capital: number;
  risk: 'low' | 'medium' | 'high' | 'very high';
  thisMonthIncome: number;
  trailing3: number;
  /** Net income of the last 12 months (annualised) ÷ capital; null without capital. */
  realReturn: number | null;
  perHour: number | null;
}

/** An assumption as the plan used it: the default or the person's override, and which. */
export type AssumptionView = Assumption & { overridden: boolean };

export interface Plan {
  asOf: number;
  month: string;
  baseCurrency: string;
  series: StreamMonthlySeries;
  streams: StreamReport[];
  layers: LayerCard[];
  coverage: Coverage;
  available: AvailableToInvest;
  assessment: { answers: import('@/utils/db/schema-plan').AssessmentAnswers | null; prefilled: PrefilledAnswer[]; result: AssessmentResult | null };
  coach: CoachResult;
  /** The Acceleration gate as the coach applies it, and the capital now in the layer (base currency): the trading lab's risk cap reads it. */
  accelerationGate: import('./coach-rules').AccelerationGate & { capital: number };
  projection: ProjectionResult;
  assumptions: AssumptionView[];
  /** Problems worth saying (a currency with no rate, no expenses set). */
  warnings: string[];
}

/** Everything the plan is computed from: the stored records, as read from IndexedDB or a backup. */
export interface PlanInput {
  now: number;
  /** The local offset east of UTC in minutes, for month boundaries. */
  tzOffsetMinutes: number;
  settings: import('@/utils/db/schema').AppSettings;
  planSettings: import('@/utils/db/schema-plan').PlanSettings;
  accounts: import('@/utils/db/schema').Account[];
  balanceSnapshots: Pick<import('@/utils/db/schema').BalanceSnapshot, 'accountId' | 'at' | 'amount'>[];
  streams: import('@/utils/db/schema').Stream[];
  incomeEvents: Pick<import('@/utils/db/schema').IncomeEvent, 'streamId' | 'at' | 'amount' | 'period' | 'periodKey'>[];
  streamCosts: import('@/utils/db/schema-plan').StreamCost[];
  cashNeeds: import('@/utils/db/schema-plan').CashNeed[];
  debts: import('@/utils/db/schema-plan').Debt[];
}

export interface PlanOptions {
  /** Monte Carlo paths for the fan chart (default 1000; 0 = deterministic only). */
  paths?: number;
  seed?: number;
  /** Projection horizon in years (default 40). */
  years?: number;
  /** Months of history in the series, ending with the current month (default 24). */
  historyMonths?: number;
}
