/**
 * The plan: reads the stored records (PlanInput) and puts together every
 * figure the Plan and Income views, the popup and `strata plan` show. Pure;
 * runs in the analytics worker.
 *
 * How the parts are fed:
 * - Balances: each account's latest snapshot at or before `now`, converted to
 *   the base currency. Archived accounts count nowhere here.
 * - A stream's capital: the capital the person states, else its account's
 *   latest balance, else unknown.
 * - The emergency fund: the accounts the person picked, else every HYSA and
 *   cash account. Cash (for "idle cash"): every HYSA and cash account.
 * - Foundation contributions: a month counts when the Foundation accounts'
 *   month-end total rose over the month before (a rise from the market alone
 *   counts too; without transactions there is no telling them apart).
 * - Surplus history (the Acceleration gate): for each complete month, other
 *   income + net income of the non-Acceleration streams − living expenses, at
 *   today's settings.
 * - Projection: the portfolio is the Foundation accounts, growing at their
 *   balance-weighted assumed return and volatility (volatility weighted as if
 *   perfectly correlated: cautious), with this month's surplus (if positive),
 *   less the allocation's Leverage and Acceleration lines, added every month. Streams of the other layers project
 *   with their own profile from their net monthly income (3-month average
 *   income − costs, at least 0). Foundation streams (dividends, interest) are
 *   not projected separately: the withdrawal rate on the portfolio stands for
 *   them, and counting both would count them twice.
 */
import { LAYERS, type Account, type Layer } from '@/utils/db/schema';
import { assessLayers, prefillAnswers } from './assessment';
import {
  ACCOUNT_ASSUMPTION,
  DEFAULT_STREAM_ASSUMPTION,
  isAssumptionId,
  resolveAssumptions,
  type AssumptionId,
} from './assumptions';
import { availableToInvest } from './available';
import { runCoach } from './coach';
import { accelerationGate } from './coach-rules';
import { makeMinorConverters } from './convert';
import { LAYER_FACTS } from './layers';
import type {
  AssumptionView,
  CoachFacts,
  LayerCard,
  LayerStatus,
  Plan,
  PlanInput,
  PlanOptions,
  ProgressCallback,
  StreamProjectionInput,
  StreamReport,
} from './plan-types';
import { project } from './projection';
import { coverage, monthlyStreamSeries, monthOf, monthsEnding, monthStart, streamReports } from './streams';

const DEFAULT_PATHS = 1000;
const DEFAULT_SEED = 1;
const DEFAULT_YEARS = 40;
const DEFAULT_HISTORY = 24;

export function computePlan(input: PlanInput, options: PlanOptions = {}, onProgress?: ProgressCallback): Plan {
  const { now, tzOffsetMinutes: tz, settings, planSettings: planSettingsInput } = input;
  const base = settings.baseCurrency;
  const rates = settings.rates;
  const converterFor = makeMinorConverters(base, rates);
  const warnings: string[] = [];
  const toBase = (money: { minor: number; currency: string }): number | null => {
    const convert = converterFor(money.currency);
    return convert ? convert(money.minor) : null;
  };
  const toBaseOrZero = (money: { minor: number; currency: string }, what: string): number => {
    const value = toBase(money);
    if (value === null) warnings.push(`${what} is in ${money.currency}, which has no exchange rate: counted as 0. Set the rate under Settings.`);
    return value ?? 0;
  };
  const plan = planSettingsInput;

  const month = monthOf(now, tz);
  const months = monthsEnding(month, Math.max(13, options.historyMonths ?? DEFAULT_HISTORY));
  const current = months.length - 1;

  // ---- balances
  const accounts = input.accounts.filter((a) => a.archivedAt === undefined);
  const accountById = new Map(accounts.map((a) => [a.id, a]));
  const balances = latestBalances(input, accountById, months, tz);
  const balanceOf = new Map<string, number>();
  for (const account of accounts) {
    const latest = balances.latest.get(account.id);
    if (!latest) continue;
    const value = toBase(latest);
    if (value === null) {
      warnings.push(`"${account.institution} — ${account.name}" is in ${latest.currency}, which has no exchange rate: left out. Set the rate under Settings.`);
      continue;
    }
    balanceOf.set(account.id, value);
  }
  const sumBalances = (list: readonly Account[]) => list.reduce((sum, a) => sum + (balanceOf.get(a.id) ?? 0), 0);

  // ---- streams
  const streams = input.streams.filter((s) => s.archivedAt === undefined);
  const series = monthlyStreamSeries({
    streams,
    events: input.incomeEvents,
    costs: input.streamCosts,
    months,
    baseCurrency: base,
    rates,
    tzOffsetMinutes: tz,
  });
  for (const excluded of dedupeExcluded(series.excluded)) warnings.push(`Income or costs left out: ${excluded}.`);
  const capitalByStream: Record<string, number | null> = {};
  for (const stream of streams) {
    capitalByStream[stream.id] = stream.capital
      ? toBase(stream.capital)
      : stream.accountId !== undefined && balanceOf.has(stream.accountId)
        ? balanceOf.get(stream.accountId)!
        : null;
  }
  const reports = streamReports(series, streams, { currentMonth: month, tzOffsetMinutes: tz, capitalByStream, rates });
  const reportById = new Map(reports.map((r) => [r.streamId, r]));

  // ---- budget
  const monthlyExpenses = toBaseOrZero(plan.monthlyExpenses, 'Monthly expenses');
  const otherMonthlyIncome = toBaseOrZero(plan.otherMonthlyIncome, 'Other income');
  const starter = toBaseOrZero(plan.foundationStarterMonthly, 'The Foundation starter amount');
  if (monthlyExpenses === 0) warnings.push('Monthly expenses are not set: coverage, the emergency fund and the FI date need them (Budget).');
  const cashLike = accounts.filter((a) => a.kind === 'hysa' || a.kind === 'cash');
  const emergencyAccounts =
    plan.emergencyAccountIds.length > 0
      ? plan.emergencyAccountIds.map((id) => accountById.get(id)).filter((a): a is Account => a !== undefined)
      : cashLike;
  const emergencyBalance = sumBalances(emergencyAccounts);
  const cashNeeds = input.cashNeeds.map((need) => ({
    id: need.id,
    name: need.name,
    amount: toBaseOrZero(need.amount, `Cash need "${need.name}"`),
    setAside: need.setAside ? toBaseOrZero(need.setAside, `What is set aside for "${need.name}"`) : 0,
    dueAt: need.dueAt,
  }));
  const debts = input.debts.map((d) => ({
    id: d.id,
    name: d.name,
    balance: toBaseOrZero(d.balance, `Debt "${d.name}"`),
    aprBasisPoints: d.aprBasisPoints,
    minimumMonthly: d.minimumMonthly ? toBaseOrZero(d.minimumMonthly, `The minimum payment of "${d.name}"`) : 0,
  }));
  const highInterestDebt = debts
    .filter((d) => d.aprBasisPoints >= plan.highInterestAprBasisPoints)
    .reduce((sum, d) => sum + d.balance, 0);
  const available = availableToInvest({
    month,
    now,
    tzOffsetMinutes: tz,
    streamIncome: series.totalIncome[current] ?? 0,
    streamCosts: series.totalCosts[current] ?? 0,
    otherMonthlyIncome,
    monthlyExpenses,
    cashNeeds,
    emergencyBalance,
    emergencyMonths: plan.emergencyMonths,
    foundationStarterMonthly: starter,
    highInterestDebt,
  });
  const cover = coverage(series, month, monthlyExpenses);

  // ---- layer cards
  const byLayer = (layer: Layer) => ({
    accounts: accounts.filter((a) => a.layer === layer),
    streams: streams.filter((s) => s.layer === layer),
    reports: reports.filter((r) => r.layer === layer),
  });
  const layers: LayerCard[] = LAYERS.map((layer) => layerCard(layer, byLayer(layer), sumBalances, series, current, capitalByStream));
  const statusByLayer = Object.fromEntries(layers.map((c) => [c.layer, c.status])) as Record<Layer, LayerStatus>;

  // ---- coach
  const foundationAccounts = accounts.filter((a) => a.layer === 'foundation');
  const completeMonths = months.slice(0, current);
  const surplusHistory = completeMonths.slice(-12).map((m) => {
    const i = months.indexOf(m);
    const net = (series.totalNet[i] ?? 0) - (series.netByLayer.acceleration[i] ?? 0);
    return { month: m, amount: otherMonthlyIncome + net - monthlyExpenses };
  });
  const leverageStreams = streams
    .filter((s) => s.layer === 'leverage')
    .map((s) => {
      const report = reportById.get(s.id);
      return {
        id: s.id,
        name: s.name,
        startedAt: s.startedAt,
        trailing3: report?.trailing3 ?? 0,
        monthlyCosts: report?.costsMonthly ?? 0,
        buildPhase: report?.buildPhase ?? null,
      };
    });
  const playStream = plan.leveragePlay ? streams.find((s) => s.id === plan.leveragePlay!.streamId) : undefined;
  const accelerationCapital =
    sumBalances(accounts.filter((a) => a.layer === 'acceleration')) +
    streams
      .filter((s) => s.layer === 'acceleration' && s.accountId === undefined && s.capital)
      .reduce((sum, s) => sum + (capitalByStream[s.id] ?? 0), 0);
  const facts: CoachFacts = {
    now,
    month,
    baseCurrency: base,
    monthlyExpenses,
    available,
    emergencyMonthsTarget: plan.emergencyMonths,
    cashBalance: sumBalances(cashLike),
    debts,
    highInterestAprBasisPoints: plan.highInterestAprBasisPoints,
    foundationStarterMonthly: starter,
    foundationBalance: sumBalances(foundationAccounts),
    foundationContributionMonths: risingMonths(balances.monthEnd, foundationAccounts, toBase, current),
    leverage: {
      streams: leverageStreams,
      play:
        playStream && plan.leveragePlay
          ? {
              streamId: playStream.id,
              name: playStream.name,
              committedAt: plan.leveragePlay.committedAt,
              monthlyBudget: plan.leveragePlay.monthlyBudget ? toBaseOrZero(plan.leveragePlay.monthlyBudget, 'The Leverage budget') : 0,
            }
          : null,
    },
    surplusHistory,
    stableSurplusMonths: plan.stableSurplusMonths,
    accelerationCapBasisPoints: plan.accelerationCapBasisPoints,
    accelerationCapital,
  };
  const coach = runCoach(facts);

  // ---- assessment
  const prefilled = prefillAnswers({
    emergencyBalance,
    monthlyExpenses,
    highInterestDebt,
    surplus: available.surplus,
    investableCapital: Math.max(0, sumBalances(accounts) - emergencyBalance),
    hoursPerMonth: streams.reduce((sum, s) => sum + s.hoursPerMonth, 0),
    baseCurrency: base,
  });
  const answers = plan.assessment ?? null;
  const assessment = {
    answers,
    prefilled,
    result: answers ? assessLayers(answers, { monthlyExpenses, toBase, status: statusByLayer }) : null,
  };

  // ---- projection
  const assumptions = resolveAssumptions(plan.assumptionOverrides);
  const portfolio = blendedPortfolio(foundationAccounts, balanceOf, assumptions);
  const projectedStreams: StreamProjectionInput[] = streams
    .filter((s) => s.layer !== 'foundation')
    .map((s) => {
      const report = reportById.get(s.id);
      const id: AssumptionId = s.assumptionId && isAssumptionId(s.assumptionId) ? s.assumptionId : DEFAULT_STREAM_ASSUMPTION[s.layer];
      const profile = assumptions[id];
      return {
        id: s.id,
        name: s.name,
        monthlyIncome: Math.max(0, (report?.trailing3 ?? 0) - (report?.costsMonthly ?? 0)),
        annualGrowth: profile.annualReturn,
        annualVolatility: profile.annualVolatility,
        monthlyChurn: profile.monthlyChurn,
        monthlyCollapse: profile.monthlyCollapse,
      };
    });
  // What reaches the portfolio every month: the surplus, less what the allocation sends to the Leverage play
  // and Acceleration. This month's emergency top-up and debt repayment are counted as reaching it too: they
  // end within months, and from then on that money is invested.
  const portfolioContribution = Math.max(
    0,
    available.surplus -
      coach.allocation.lines.filter((l) => l.bucket === 'leverage' || l.bucket === 'acceleration').reduce((sum, l) => sum + l.minor, 0),
  );
  const projection = project(
    {
      balance: portfolio.balance,
      monthly: portfolioContribution,
      annualReturn: portfolio.annualReturn,
      annualVolatility: portfolio.annualVolatility,
      months: Math.round((options.years ?? DEFAULT_YEARS) * 12),
      paths: options.paths ?? DEFAULT_PATHS,
      seed: options.seed ?? DEFAULT_SEED,
      streams: projectedStreams,
      monthlyExpenses,
      expensesGrowth: decimal(plan.expensesGrowth, 0.03),
      withdrawalRate: decimal(plan.withdrawalRate, 0.04),
    },
    onProgress,
  );

  const assumptionViews: AssumptionView[] = Object.values(assumptions);

  return {
    asOf: now,
    month,
    baseCurrency: base,
    series,
    streams: reports,
    layers,
    coverage: cover,
    available,
    assessment,
    coach,
    accelerationGate: { ...accelerationGate(facts), capital: facts.accelerationCapital },
    projection,
    assumptions: assumptionViews,
    warnings: [...new Set(warnings)],
  };
}

// ---------------------------------------------------------------- parts

interface Balances {
  /** Latest snapshot at or before now, per account. */
  latest: Map<string, { minor: number; currency: string; at: number }>;
  /** Per account: the latest snapshot at or before the end of each month of `months` (carried forward), or undefined. */
  monthEnd: Map<string, ({ minor: number; currency: string } | undefined)[]>;
}

/** One pass over the snapshots: each account's latest balance and its month-end balances. */
function latestBalances(input: PlanInput, accounts: Map<string, Account>, months: string[], tz: number): Balances {
  const latest: Balances['latest'] = new Map();
  const lastInMonth = new Map<string, (PlanInput['balanceSnapshots'][number] | undefined)[]>();
  const firstStart = monthStart(months[0]!, tz);
  const starts = months.map((m) => monthStart(m, tz));
  const findMonth = (at: number) => {
    // Months are few (≤ a few dozen): a binary search keeps 110,000 snapshots fast.
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  // Keep references to the snapshots (no copies: 110,000 of them pass through here).
  type Snapshot = PlanInput['balanceSnapshots'][number];
  const newest = new Map<string, Snapshot>();
  for (const snapshot of input.balanceSnapshots) {
    if (snapshot.at > input.now || !accounts.has(snapshot.accountId)) continue;
    const known = newest.get(snapshot.accountId);
    if (!known || snapshot.at >= known.at) newest.set(snapshot.accountId, snapshot);
    let perMonth = lastInMonth.get(snapshot.accountId);
    if (!perMonth) lastInMonth.set(snapshot.accountId, (perMonth = new Array(months.length).fill(undefined)));
    const index = snapshot.at < firstStart ? 0 : findMonth(snapshot.at);
    const slot = perMonth[index];
    // Before the first month: the latest such snapshot stands for the first month's opening.
    if (!slot || snapshot.at >= slot.at) perMonth[index] = snapshot;
  }
  for (const [accountId, snapshot] of newest) latest.set(accountId, { ...snapshot.amount, at: snapshot.at });
  const monthEnd: Balances['monthEnd'] = new Map();
  for (const [accountId, perMonth] of lastInMonth) {
    let carried: { minor: number; currency: string } | undefined;
    monthEnd.set(
      accountId,
      perMonth.map((slot) => (carried = slot ? slot.amount : carried)),
    );
  }
  return { latest, monthEnd };
}

/** Consecutive complete months, ending with the last one, in which the accounts' month-end total rose. */
function risingMonths(
  monthEnd: Balances['monthEnd'],
  accounts: readonly Account[],
  toBase: (m: { minor: number; currency: string }) => number | null,
  current: number,
): number {
  const totals: number[] = [];
  for (let i = 0; i < current; i++) {
    let total = 0;
    for (const account of accounts) {
      const value = monthEnd.get(account.id)?.[i];
      total += value ? (toBase(value) ?? 0) : 0;
    }
    totals.push(total);
  }
  let count = 0;
  for (let i = totals.length - 1; i >= 1; i--) {
    if (totals[i]! > totals[i - 1]!) count++;
    else break;
  }
  return count;
}

function layerCard(
  layer: Layer,
  parts: { accounts: Account[]; streams: { id: string; accountId?: string; capital?: unknown }[]; reports: StreamReport[] },
  sumBalances: (list: readonly Account[]) => number,
  series: Plan['series'],
  current: number,
  capitalByStream: Record<string, number | null>,
): LayerCard {
  const facts = LAYER_FACTS[layer];
  const linked = new Set(parts.accounts.map((a) => a.id));
  // Capital: the layer's accounts, plus the stated capital of streams whose account is not already counted.
  const capital =
    sumBalances(parts.accounts) +
    parts.streams
      .filter((s) => s.accountId === undefined || !linked.has(s.accountId))
      .reduce((sum, s) => sum + Math.max(0, capitalByStream[s.id] ?? 0), 0);
  const trailing3 = parts.reports.reduce((sum, r) => sum + r.trailing3, 0);
  const annualNet = parts.reports.reduce((sum, r) => sum + (r.net12 * 12) / r.netMonths, 0);
  const hours = parts.reports.reduce((sum, r) => sum + r.hoursPerMonth * r.netMonths, 0);
  const net = parts.reports.reduce((sum, r) => sum + r.net12, 0);
  const building = parts.reports.filter((r) => r.buildPhase && !r.buildPhase.selfSustaining);
  let status: LayerStatus;
  let statusReason: string;
  let monthsToPassive: number | null = null;
  if (capital <= 0 && parts.streams.length === 0) {
    status = 'not-started';
    statusReason = 'No account or stream in this layer yet.';
  } else if (layer === 'foundation') {
    status = capital > 0 ? 'passive' : 'building';
    statusReason = capital > 0 ? 'Invested money earns from the first dollar.' : 'Streams but no invested balance yet.';
  } else if (layer === 'acceleration') {
    const positive = trailing3 > 0 && capital > 0;
    status = positive ? 'passive' : 'building';
    statusReason = positive ? 'Capital at work and net income over the last 3 months.' : 'No net income over the last 3 months yet.';
  } else if (building.length > 0 || parts.reports.length === 0) {
    status = 'building';
    const targets = building.map((r) => r.buildPhase!.monthsToTarget);
    monthsToPassive = targets.length > 0 && targets.every((t) => t !== null) ? Math.max(...(targets as number[])) : null;
    const noTarget = building.filter((r) => r.buildPhase!.target === null).map((r) => r.name);
    statusReason =
      noTarget.length > 0
        ? `Set a self-sustaining level for ${noTarget.join(', ')} to track it.`
        : `${building.length} stream${building.length === 1 ? '' : 's'} not yet at the self-sustaining level.`;
  } else {
    status = 'passive';
    statusReason = 'Every stream has reached its self-sustaining level.';
  }
  return {
    layer,
    status,
    statusReason,
    timeToPassive: facts.timeToPassive,
    monthsToPassive,
    capital,
    risk: facts.risk,
    thisMonthIncome: series.incomeByLayer[layer][current] ?? 0,
    trailing3,
    realReturn: capital > 0 && parts.reports.length > 0 ? annualNet / capital : null,
    perHour: hours > 0 ? Math.round(net / hours) : null,
  };
}

function blendedPortfolio(
  accounts: readonly Account[],
  balanceOf: Map<string, number>,
  assumptions: ReturnType<typeof resolveAssumptions>,
): { balance: number; annualReturn: number; annualVolatility: number } {
  let balance = 0;
  let weightedReturn = 0;
  let weightedVolatility = 0;
  for (const account of accounts) {
    const value = Math.max(0, balanceOf.get(account.id) ?? 0);
    const assumption = assumptions[ACCOUNT_ASSUMPTION[account.kind]];
    balance += value;
    weightedReturn += value * assumption.annualReturn;
    weightedVolatility += value * assumption.annualVolatility;
  }
  if (balance === 0) {
    // Nothing invested yet: new money is assumed to go into index funds.
    const index = assumptions['index-funds'];
    return { balance: 0, annualReturn: index.annualReturn, annualVolatility: index.annualVolatility };
  }
  return { balance, annualReturn: weightedReturn / balance, annualVolatility: weightedVolatility / balance };
}

function decimal(text: string, fallback: number): number {
  const value = Number(text);
  return Number.isFinite(value) ? value : fallback;
}

function dedupeExcluded(excluded: Plan['series']['excluded']): string[] {
  return [...new Set(excluded.map((e) => e.reason))];
}

