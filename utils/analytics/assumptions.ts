/**
 * Projection assumptions: what each kind of money or income stream is assumed
 * to do, with the range it comes from and where the figure comes from. The
 * person can override any number (plan settings `assumptionOverrides`); the
 * source text stays so a figure can always explain itself.
 *
 * Balances (accounts) grow at `annualReturn` with `annualVolatility`.
 * Streams' monthly income grows at `annualReturn` (read as income growth a
 * year) with `annualVolatility`, loses `monthlyChurn` of itself every month
 * (a SaaS losing subscribers) and, with probability `monthlyCollapse` each
 * month, collapses to nothing for good (a content site hit by a search update).
 */
import type { AccountKind, Layer } from '@/utils/db/schema';
import type { AssumptionOverride } from '@/utils/db/schema-plan';

export const ASSUMPTION_IDS = [
  'hysa',
  'cash',
  'index-funds',
  'ereit',
  'dividend-growth',
  'content',
  'trading',
  'options-income',
  'saas',
  'service',
] as const;
export type AssumptionId = (typeof ASSUMPTION_IDS)[number];

export interface Assumption {
  id: AssumptionId;
  layer: Layer;
  /** What it is about, for a person: "High-yield savings". */
  label: string;
  /** Balance: annual return. Stream: annual growth of its monthly income. */
  annualReturn: number;
  /** The range the central figure is taken from, [low, high]. */
  range: readonly [number, number];
  annualVolatility: number;
  monthlyChurn: number;
  monthlyCollapse: number;
  /** Where the figure comes from. */
  source: string;
}

export const DEFAULT_ASSUMPTIONS: Readonly<Record<AssumptionId, Assumption>> = {
  hysa: {
    id: 'hysa',
    layer: 'foundation',
    label: 'High-yield savings',
    annualReturn: 0.0475,
    range: [0.045, 0.05],
    annualVolatility: 0,
    monthlyChurn: 0,
    monthlyCollapse: 0,
    source: 'US high-yield savings accounts paid 4.5–5.0% APY as of mid-2026; rates follow the Fed funds rate and can fall.',
  },
  cash: {
    id: 'cash',
    layer: 'foundation',
    label: 'Checking and cash',
    annualReturn: 0,
    range: [0, 0.005],
    annualVolatility: 0,
    monthlyChurn: 0,
    monthlyCollapse: 0,
    source: 'Checking accounts pay close to nothing (0–0.5%).',
  },
  'index-funds': {
    id: 'index-funds',
    layer: 'foundation',
    label: 'Broad stock index funds',
    annualReturn: 0.07,
    range: [0.06, 0.1],
    annualVolatility: 0.15,
    monthlyChurn: 0,
    monthlyCollapse: 0,
    source:
      'US stocks returned about 10% a year nominal since 1926 with about 15–20% annual volatility; 7% is a common planning figure that leaves room for lower future returns.',
  },
  ereit: {
    id: 'ereit',
    layer: 'foundation',
    label: 'eREITs and real estate',
    annualReturn: 0.075,
    range: [0.06, 0.09],
    annualVolatility: 0.1,
    monthlyChurn: 0,
    monthlyCollapse: 0,
    source: 'Non-traded eREIT platforms have paid 6–9% a year in distributions; redemptions can be limited.',
  },
  'dividend-growth': {
    id: 'dividend-growth',
    layer: 'foundation',
    label: 'Dividends and interest',
    annualReturn: 0.05,
    range: [0.03, 0.07],
    annualVolatility: 0.08,
    monthlyChurn: 0,
    monthlyCollapse: 0,
    source: 'S&P 500 dividends per share grew about 5–6% a year over the long run; they were cut sharply in 2009.',
  },
  content: {
    id: 'content',
    layer: 'leverage',
    label: 'Content and affiliate income',
    annualReturn: 0.3,
    range: [0, 1],
    annualVolatility: 0.5,
    monthlyChurn: 0,
    monthlyCollapse: 0.01,
    source:
      'Content sites ramp unevenly and can lose most traffic overnight to a search or platform change: modelled as 30% growth a year, 50% volatility and a 1% chance a month of collapse.',
  },
  trading: {
    id: 'trading',
    layer: 'acceleration',
    label: 'Algorithmic trading',
    annualReturn: 0,
    range: [-0.2, 0.2],
    annualVolatility: 0.35,
    monthlyChurn: 0,
    monthlyCollapse: 0.02,
    source:
      'Most retail trading strategies do not beat the market after costs: no growth assumed, high volatility, and a 2% chance a month the edge disappears.',
  },
  'options-income': {
    id: 'options-income',
    layer: 'acceleration',
    label: 'Options premium',
    annualReturn: 0,
    range: [-0.1, 0.1],
    annualVolatility: 0.3,
    monthlyChurn: 0,
    monthlyCollapse: 0.005,
    source: 'Covered-call and cash-secured-put premium tracks volatility and the capital at risk, not a trend: flat, volatile.',
  },
  saas: {
    id: 'saas',
    layer: 'compounding',
    label: 'Software (MRR)',
    annualReturn: 0.4,
    range: [0, 1],
    annualVolatility: 0.25,
    monthlyChurn: 0.04,
    monthlyCollapse: 0.005,
    source:
      'Small-business SaaS loses 3–7% of MRR a month to churn; growth must outrun it. Modelled as 40% gross growth a year less 4% churn a month.',
  },
  service: {
    id: 'service',
    layer: 'compounding',
    label: 'Automated services',
    annualReturn: 0.15,
    range: [0, 0.5],
    annualVolatility: 0.3,
    monthlyChurn: 0.02,
    monthlyCollapse: 0.005,
    source: 'Productised services keep clients for a year or two on average: modelled as 15% growth a year less 2% churn a month.',
  },
};

/** The assumption a stream follows when it names none: by its layer. */
export const DEFAULT_STREAM_ASSUMPTION: Readonly<Record<Layer, AssumptionId>> = {
  foundation: 'dividend-growth',
  leverage: 'content',
  acceleration: 'trading',
  compounding: 'saas',
};

/** The assumption an account's balance follows: by its kind. */
export const ACCOUNT_ASSUMPTION: Readonly<Record<AccountKind, AssumptionId>> = {
  brokerage: 'index-funds',
  robo: 'index-funds',
  retirement: 'index-funds',
  hysa: 'hysa',
  cash: 'cash',
  'real-estate': 'ereit',
  trading: 'trading',
  content: 'cash',
  business: 'cash',
};

export function isAssumptionId(id: string): id is AssumptionId {
  return (ASSUMPTION_IDS as readonly string[]).includes(id);
}

/**
 * The assumptions with the person's overrides applied (an override's
 * unparseable number is ignored, keeping the default). Each returned
 * assumption says whether it was changed.
 */
export function resolveAssumptions(
  overrides: Readonly<Record<string, AssumptionOverride>>,
): Record<AssumptionId, Assumption & { overridden: boolean }> {
  const out = {} as Record<AssumptionId, Assumption & { overridden: boolean }>;
  for (const id of ASSUMPTION_IDS) {
    const base = DEFAULT_ASSUMPTIONS[id];
    const change = overrides[id] ?? {};
    const read = (text: string | undefined, fallback: number) => {
      if (text === undefined) return fallback;
      const value = Number(text);
      return Number.isFinite(value) ? value : fallback;
    };
    const resolved = {
      ...base,
      annualReturn: read(change.annualReturn, base.annualReturn),
      annualVolatility: read(change.annualVolatility, base.annualVolatility),
      monthlyChurn: read(change.monthlyChurn, base.monthlyChurn),
      monthlyCollapse: read(change.monthlyCollapse, base.monthlyCollapse),
    };
    const overridden =
      resolved.annualReturn !== base.annualReturn ||
      resolved.annualVolatility !== base.annualVolatility ||
      resolved.monthlyChurn !== base.monthlyChurn ||
      resolved.monthlyCollapse !== base.monthlyCollapse;
    out[id] = { ...resolved, overridden };
  }
  return out;
}
