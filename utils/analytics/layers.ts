/**
 * Static facts about each layer, for the layer cards, the assessment and the
 * site. Honest, typical figures — not promises: most content sites and small
 * software businesses never reach meaningful income, and most retail traders
 * lose money.
 *
 * | layer        | time to passive                          | months    | startup capital               | risk      |
 * |--------------|------------------------------------------|-----------|-------------------------------|-----------|
 * | Foundation   | from the first dollar invested           | 0–0       | any amount                    | low       |
 * | Leverage     | 6–24 months of work first                | 6–24      | little (hosting, tools)       | medium    |
 * | Acceleration | months of paper trading first            | 3–12      | only what you can afford to lose | very high |
 * | Compounding  | 12–36 months of building first           | 12–36     | some (tools, first customers) | high      |
 *
 * Foundation's risk is "low" for the cash and index-fund core (an index fund
 * can still fall 30–50% in a bad year; the card says so in its summary).
 */
import type { Layer } from '@/utils/db/schema';

export type LayerRisk = 'low' | 'medium' | 'high' | 'very high';

export interface LayerFacts {
  /** In words, for a card: "6–24 months of work before meaningful income". */
  timeToPassive: string;
  /** The typical range in months before the layer pays, [low, high]; [0, 0] for "from the first dollar". */
  typicalMonthsToPassive: [number, number];
  /** What it takes to start, in words. */
  startupCapital: string;
  risk: LayerRisk;
  /** One or two sentences on what the layer is and what to expect. */
  summary: string;
}

export const LAYER_FACTS: Readonly<Record<Layer, LayerFacts>> = {
  foundation: {
    timeToPassive: 'Passive from the first dollar invested',
    typicalMonthsToPassive: [0, 0],
    startupCapital: 'Any amount; many brokerages have no minimum',
    risk: 'low',
    summary:
      'Index funds, high-yield savings and eREITs. Cash is safe but earns little; stock index funds have ' +
      'returned about 7% a year after inflation over the long run and can fall 30–50% in a bad year.',
  },
  leverage: {
    timeToPassive: 'Typically 6–24 months of work before meaningful income',
    typicalMonthsToPassive: [6, 24],
    startupCapital: 'Little: hosting, a domain, a microphone',
    risk: 'medium',
    summary:
      'Content that earns while you sleep: a blog, videos, a newsletter, affiliate links. It costs time rather ' +
      'than money, most projects earn little in their first year, and one search or platform change can halve it.',
  },
  acceleration: {
    timeToPassive: 'Months of paper trading before any real money',
    typicalMonthsToPassive: [3, 12],
    startupCapital: 'Only capital you can afford to lose',
    risk: 'very high',
    summary:
      'Rules-based algorithmic trading and options income (covered calls, cash-secured puts). Most retail ' +
      'traders lose money; fund it only from a stable surplus, and paper-trade a strategy before it gets a dollar.',
  },
  compounding: {
    timeToPassive: 'Typically 12–36 months of building before it runs without you',
    typicalMonthsToPassive: [12, 36],
    startupCapital: 'Some: tools, hosting, the first customers',
    risk: 'high',
    summary:
      'Business automation: a micro-SaaS or a productised service. It can grow for years once it fits a market, ' +
      'but most small products never find enough paying customers; validate before you build.',
  },
};
