/**
 * The demo household's micro-SaaS, customer by customer: who subscribes,
 * on which tier, who cancels, and what that bills — the model the
 * Compounding records (compounding.ts) are written from and tests check.
 *
 * Rules, month by month from the launch (k = 0) to today's month:
 * - start: the customers at the end of the month before (none at launch);
 * - churn: each customer at the start cancels this month with probability
 *   CHURN (3.5 %), on a random day; cancelled customers have paid for the
 *   month (they leave at its end);
 * - new: round((4 + 0.5·k) × e^(0.25·N(0,1))) sign-ups on random days, each
 *   on a tier drawn by its share (Starter 60 %, Pro 30 %, Team 10 %);
 * - in the month in progress only the days up to today have happened:
 *   sign-ups and cancellations after today are not counted yet;
 * - billing: every customer at the start renews on the 1st; a new customer
 *   pays a full month on signing up. So the month's charges are
 *   Σ tiers (start + new) and its gross revenue Σ tiers price × (start + new);
 * - Stripe's fee per charge: 2.9 % of the price, rounded to the cent, + 30 ¢
 *   (Starter 85 ¢, Pro $1.72, Team $3.17);
 * - end = start + new − churned; MRR at the month's end = Σ price × end.
 * Pure: only the Random passed in decides the customers.
 */
import type { Random } from '@/utils/analytics/random';
import type { DemoMonth } from './types';

export const CHURN = 0.035;

export interface Tier {
  id: 'starter' | 'pro' | 'team';
  name: string;
  priceCents: number;
  /** Share of new customers choosing it. */
  share: number;
}

export const TIERS: readonly Tier[] = [
  { id: 'starter', name: 'Starter', priceCents: 1_900, share: 0.6 },
  { id: 'pro', name: 'Pro', priceCents: 4_900, share: 0.3 },
  { id: 'team', name: 'Team', priceCents: 9_900, share: 0.1 },
];

/** Stripe's fee on one charge of `priceCents`: 2.9 % rounded to the cent, + 30 ¢. */
export const stripeFeeCents = (priceCents: number) => Math.round(priceCents * 0.029) + 30;

/** Counts per tier, in TIERS order. */
export type TierCounts = [starter: number, pro: number, team: number];

export interface SaasMonth {
  month: DemoMonth;
  /** Months since the launch (0 = the launch month). */
  k: number;
  start: TierCounts;
  churned: TierCounts;
  new: TierCounts;
  end: TierCounts;
  /** Σ price × (start + new), cents. */
  grossCents: number;
  /** Σ fee × (start + new), cents. */
  stripeFeesCents: number;
  /** Σ price × end, cents. */
  mrrCents: number;
}

const sum = (counts: readonly number[]) => counts.reduce((total, n) => total + n, 0);
export const customersOf = (counts: TierCounts) => sum(counts);

/** Σ price × count over the tiers, cents. */
export const valueOf = (counts: TierCounts, perTier: (tier: Tier) => number) =>
  counts.reduce((total, n, i) => total + n * perTier(TIERS[i]!), 0);

/** The SaaS month by month from `launch` (a month of `months`) to today's month. */
export function saasMonths(months: readonly DemoMonth[], launch: DemoMonth, today: string, random: Random): SaasMonth[] {
  const todayDay = Number(today.slice(8, 10));
  const out: SaasMonth[] = [];
  let customers: TierCounts = [0, 0, 0];
  for (let i = months.indexOf(launch), k = 0; i < months.length; i++, k++) {
    const month = months[i]!;
    /** Whether a day of this month has happened by today. */
    const happened = (day: number) => !month.current || day <= todayDay;
    const start: TierCounts = [...customers];
    const churned: TierCounts = [0, 0, 0];
    start.forEach((count, tier) => {
      for (let c = 0; c < count; c++) {
        const leaves = random.uniform() < CHURN;
        const day = 1 + Math.floor(random.uniform() * month.days);
        if (leaves && happened(day)) churned[tier]! += 1;
      }
    });
    const signUps = Math.round((4 + 0.5 * k) * Math.exp(0.25 * random.normal()));
    const fresh: TierCounts = [0, 0, 0];
    for (let s = 0; s < signUps; s++) {
      const tier = tierFor(random.uniform());
      const day = 1 + Math.floor(random.uniform() * month.days);
      if (happened(day)) fresh[tier] += 1;
    }
    const end = start.map((n, tier) => n + fresh[tier]! - churned[tier]!) as TierCounts;
    const billed = start.map((n, tier) => n + fresh[tier]!) as TierCounts;
    out.push({
      month,
      k,
      start,
      churned,
      new: fresh,
      end,
      grossCents: valueOf(billed, (t) => t.priceCents),
      stripeFeesCents: valueOf(billed, (t) => stripeFeeCents(t.priceCents)),
      mrrCents: valueOf(end, (t) => t.priceCents),
    });
    customers = end;
  }
  return out;
}

/** The tier (index into TIERS) a uniform draw in [0, 1) picks by the tiers' shares. */
function tierFor(u: number): 0 | 1 | 2 {
  let cumulative = 0;
  for (let i = 0; i < TIERS.length; i++) {
    cumulative += TIERS[i]!.share;
    if (u < cumulative) return i as 0 | 1 | 2;
  }
  return 2;
}
