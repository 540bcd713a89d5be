/**
 * The demo household's Compounding layer: "Nudgebill", a micro-SaaS that
 * sends polite invoice reminders, sold on three monthly tiers through Stripe.
 * Started SAAS_START_MONTHS_AGO months before today's month (on the 1st),
 * built for SAAS_BUILD_MONTHS months, then launched; customers come and go
 * by the model in compounding-customers.ts. Records:
 * - the business account DEMO_IDS.business (Mercury business checking, kind
 *   'business'): $1,000 of the owner's money at the start, then every month
 *   + the month's charges − Stripe's fees − the running costs charged that
 *   month; profits stay in the account. A balance at every month's end and
 *   today (the charges of the month in progress as of today);
 * - the stream DEMO_IDS.saasStream, linked to that account (its capital is
 *   the account's balance): income = the month's gross charges, one event a
 *   month with the month as its period (Stripe's "Month to date", captured on
 *   the month's last day, today for this month), kind subscription-revenue;
 * - costs: hosting (a larger plan from 8 months after launch), database,
 *   transactional email, a yearly domain — all charged on the 1st — and
 *   Stripe's fees, one 'once' cost a month of exactly that month's fees;
 * - metric snapshots at every month's end (today for this one) from the
 *   launch: 'mrr' (Σ price × customers at the end), 'paid-subscriptions'
 *   (customers at the end); and 'hours-worked' a month from the start,
 *   falling as onboarding, billing and support are automated (the stream's
 *   hoursPerMonth is the latest).
 * Pure: ctx decides everything.
 */
import type { Account, BalanceSnapshot, IncomeEvent, MetricSnapshot, Stream } from '@/utils/db/schema';
import type { StreamCost } from '@/utils/db/schema-plan';
import { Random } from '@/utils/analytics/random';
import { chargedMonths } from '@/utils/analytics/streams-series';
import { monthNumber } from '@/utils/analytics/streams-months';
import { isoDay, noonOf } from './calendar';
import { customersOf, saasMonths } from './compounding-customers';
import { DEMO_IDS, type DemoContext, type DemoMonth, type DemoTables } from './types';
import { DEMO_PROVENANCE, demoSnapshot, usd } from './records';

export const SAAS_START_MONTHS_AGO = 18;
export const SAAS_BUILD_MONTHS = 3;
export const OPENING_DEPOSIT_CENTS = 100_000;
/** Months after the launch when hosting moves to the larger plan. */
const HOSTING_UPGRADE_AFTER = 8;

const DESCRIPTION = DEMO_PROVENANCE.description;

/** Hours worked in the month `monthsSinceStart` after the start's: 60, 55, 50 building, then 45 × 0.85 a month from the launch, never under 6. */
export function hoursWorked(monthsSinceStart: number): number {
  const building = [60, 55, 50];
  if (monthsSinceStart < SAAS_BUILD_MONTHS) return building[monthsSinceStart]!;
  return Math.max(6, Math.round(45 * 0.85 ** (monthsSinceStart - SAAS_BUILD_MONTHS)));
}

export function compoundingPart(ctx: DemoContext): DemoTables {
  const { months, today } = ctx;
  const customersRandom = new Random(ctx.random.nextUint32());
  const startIndex = months.length - 1 - SAAS_START_MONTHS_AGO;
  const start = months[startIndex]!;
  const launch = months[startIndex + SAAS_BUILD_MONTHS]!;
  const upgrade = months[startIndex + SAAS_BUILD_MONTHS + HOSTING_UPGRADE_AFTER]!;
  const first = (month: DemoMonth) => isoDay(month.year, month.month, 1);
  /** The day a month's figures are read: its last day, today for the month in progress. */
  const readOn = (month: DemoMonth) => (month.current ? today : isoDay(month.year, month.month, month.days));
  const saas = saasMonths(months, launch, today, customersRandom);

  const account: Account = {
    id: DEMO_IDS.business,
    institution: 'Mercury',
    name: 'Nudgebill business checking',
    kind: 'business',
    layer: 'compounding',
    currency: 'USD',
    taxType: 'taxable',
    createdAt: noonOf(first(start)),
    notes: 'Stripe pays the subscriptions in; the tools are paid from here. Profits stay in the account for now.',
  };
  const stream: Stream = {
    id: DEMO_IDS.saasStream,
    name: 'Nudgebill (micro-SaaS)',
    layer: 'compounding',
    accountId: DEMO_IDS.business,
    startedAt: noonOf(first(start)),
    hoursPerMonth: hoursWorked(months.length - 1 - startIndex),
    selfSustainingMonthly: usd(250_000),
    assumptionId: 'saas',
    notes: 'Invoice reminders for freelancers: Starter $19, Pro $49, Team $99 a month. Hours fell from 60 a month while building as onboarding, billing and support were automated.',
  };

  const cost = (id: string, name: string, cents: number, every: StreamCost['every'], starts: string, ends?: string): StreamCost => ({
    id: `demo-cost-saas-${id}`,
    streamId: DEMO_IDS.saasStream,
    name,
    amount: usd(cents),
    every,
    startsAt: noonOf(starts),
    ...(ends !== undefined ? { endsAt: noonOf(ends) } : {}),
  });
  const runningCosts: StreamCost[] = [
    cost('hosting', 'App hosting', 2_500, 'month', first(start), first(upgrade)),
    cost('hosting-larger', 'App hosting (larger plan)', 8_500, 'month', first(upgrade)),
    cost('database', 'Managed Postgres', 1_900, 'month', first(launch)),
    cost('email', 'Transactional email', 1_500, 'month', first(launch)),
    cost('domain', 'Domain name', 1_200, 'year', first(start)),
  ];
  const feeCosts: StreamCost[] = saas
    .filter((m) => m.stripeFeesCents > 0)
    .map((m) => cost(`stripe-${m.month.key}`, `Stripe fees, ${m.month.key}`, m.stripeFeesCents, 'once', readOn(m.month)));

  // What the running costs charge each month (the plan's own rule, utils/analytics/streams-series.ts).
  const firstMonth = monthNumber(months[0]!.key);
  const runningByMonth = new Array<number>(months.length).fill(0);
  for (const c of runningCosts) {
    for (const index of chargedMonths(c, firstMonth, months.length, 0)) runningByMonth[index]! += c.amount.minor;
  }

  const incomeEvents: IncomeEvent[] = saas.map((m) => ({
    id: `demo-income-saas-${m.month.key}`,
    streamId: DEMO_IDS.saasStream,
    at: noonOf(readOn(m.month)),
    amount: usd(m.grossCents),
    kind: 'subscription-revenue',
    source: 'import',
    provenance: { description: DESCRIPTION, label: 'Gross volume' },
    period: { start: Date.UTC(m.month.year, m.month.month - 1, 1), end: Date.UTC(m.month.year, m.month.month, 1), label: 'Month to date' },
    periodKey: m.month.key,
  }));

  const balanceSnapshots: BalanceSnapshot[] = [];
  const metricSnapshots: MetricSnapshot[] = [];
  const metric = (m: DemoMonth, name: string, value: { kind: 'mrr'; cents: number } | { kind: 'count'; count: number }) =>
    metricSnapshots.push({
      id: `demo-metric-saas-${name}-${m.key}`,
      accountId: DEMO_IDS.business,
      streamId: DEMO_IDS.saasStream,
      at: noonOf(readOn(m)),
      metric: name,
      ...(value.kind === 'mrr' ? { kind: 'mrr' as const, amount: usd(value.cents) } : { kind: 'count' as const, count: value.count }),
      source: 'import',
      provenance: { description: DESCRIPTION },
    });
  const snapshot = (id: string, day: string, cents: number) =>
    balanceSnapshots.push(demoSnapshot(`demo-bal-business-${id}`, DEMO_IDS.business, day, cents));
  snapshot('opened', first(start), OPENING_DEPOSIT_CENTS);
  let balance = OPENING_DEPOSIT_CENTS;
  for (let i = startIndex; i < months.length; i++) {
    const month = months[i]!;
    const sold = saas.find((m) => m.month === month);
    balance += (sold ? sold.grossCents - sold.stripeFeesCents : 0) - runningByMonth[i]!;
    snapshot(month.current ? 'today' : month.key, readOn(month), balance);
    metric(month, 'hours-worked', { kind: 'count', count: hoursWorked(i - startIndex) });
    if (sold) {
      metric(month, 'mrr', { kind: 'mrr', cents: sold.mrrCents });
      metric(month, 'paid-subscriptions', { kind: 'count', count: customersOf(sold.end) });
    }
  }

  return {
    accounts: [account],
    balanceSnapshots,
    streams: [stream],
    incomeEvents,
    streamCosts: [...runningCosts, ...feeCosts],
    metricSnapshots,
  };
}
