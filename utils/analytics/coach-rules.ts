/**
 * The coach's rules. Each rule reads CoachFacts and returns exactly one
 * CoachAction: 'do' (act now), 'ok' (satisfied) or 'wait' (gated), with a
 * reason in English and the numbers behind it in `figures` (money in base
 * minor units; the UI formats those in the person's locale). Amounts inside
 * the reason text are written in en-US with the base currency's ISO digits.
 *
 * | rule               | prio | 'do' when                                                        | 'wait' when                          |
 * |--------------------|------|------------------------------------------------------------------|--------------------------------------|
 * | set-expenses       | 0    | monthly expenses are 0                                           | —                                    |
 * | emergency-fund     | 10   | emergency balance < target                                       | expenses are 0                       |
 * | high-interest-debt | 20   | a debt with APR ≥ threshold and balance > 0 (avalanche order)    | —                                    |
 * | foundation-start   | 30   | no month of Foundation contributions yet                         | —                                    |
 * | idle-cash          | 40   | cash − emergency target > one month of expenses, no such debt    | expenses are 0, or high-interest debt |
 * | leverage-one-play  | 50   | > 1 Leverage stream in build phase; or none chosen while one builds | —                                 |
 * | leverage-review    | 55   | the chosen play reached day 90 of its commitment                 | before day 90, or no play chosen     |
 * | acceleration-gate  | 60   | capital is in trading while the gate is not met                  | the gate is not met                  |
 *
 * The Acceleration gate is met when the surplus was positive in each of the
 * last `stableSurplusMonths` complete months (consecutive calendar months
 * ending with the month before `facts.month`; a missing month breaks the
 * run), the emergency fund is full and no high-interest debt is left. Its cap
 * a month is accelerationCapBasisPoints of the average surplus of those
 * months, rounded down to the minor unit.
 */
import { formatMoney } from '@/utils/money';
import type { CoachAction, CoachFacts, CoachFigure, CoachRuleId } from './plan-types';
import { monthFromNumber, monthNumber } from './streams-months';
import { listAnd } from '@/utils/labels';

export const COACH_PRIORITY: Readonly<Record<CoachRuleId, number>> = {
  'set-expenses': 0,
  'emergency-fund': 10,
  'high-interest-debt': 20,
  'foundation-start': 30,
  'idle-cash': 40,
  'leverage-one-play': 50,
  'leverage-review': 55,
  'acceleration-gate': 60,
};

export const DAY_MS = 86_400_000;
/** Days a Leverage play runs before its review. */
export const REVIEW_DAYS = 90;

/** "$1,234.56" (en-US, the currency's ISO minor digits). */
export function fmt(minor: number, currency: string): string {
  return formatMoney({ minor, currency }, 'en-US');
}

/** 2499 → "24.99%", 800 → "8%", 1050 → "10.5%". */
export function percent(basisPoints: number): string {
  return `${String(basisPoints / 100)}%`;
}

/** 1.53 → "1.5". */
const oneDecimal = (n: number) => String(Math.round(n * 10) / 10);

/** "2026-03-04" (UTC). */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** "2026-01" → "2025-12". */
export function previousMonth(month: string): string {
  return monthFromNumber(monthNumber(month) - 1);
}

/** Debts at or above the high-interest APR with a balance, highest APR first (ties: smaller balance, then id). */
export function highInterestDebts(facts: CoachFacts): CoachFacts['debts'] {
  return facts.debts
    .filter((d) => d.balance > 0 && d.aprBasisPoints >= facts.highInterestAprBasisPoints)
    .sort((a, b) => b.aprBasisPoints - a.aprBasisPoints || a.balance - b.balance || a.id.localeCompare(b.id));
}

export interface AccelerationGate {
  /** Consecutive positive months ending last month. */
  streak: number;
  required: number;
  met: boolean;
  /** Average surplus of the last `required` months (rounded down); 0 when the run is too short. */
  stableAverage: number;
  /** The most Acceleration may get a month; 0 when the gate is not met. */
  capMonthly: number;
  /** Why the gate is not met, in sentences ([] when met). */
  blockers: string[];
}

export function accelerationGate(facts: CoachFacts): AccelerationGate {
  const required = facts.stableSurplusMonths;
  const history = facts.surplusHistory;
  let streak = 0;
  let expected = previousMonth(facts.month);
  for (let i = history.length - 1; i >= 0; i--) {
    const entry = history[i]!;
    if (entry.month !== expected || entry.amount <= 0) break;
    streak++;
    expected = previousMonth(expected);
  }
  const cur = facts.baseCurrency;
  const blockers: string[] = [];
  if (streak < required) blockers.push(`the surplus was positive ${streak} month${streak === 1 ? '' : 's'} in a row, and the gate needs ${required}`);
  const gap = Math.max(0, facts.available.emergency.target - facts.available.emergency.balance);
  if (gap > 0) blockers.push(`the emergency fund is ${fmt(gap, cur)} short of its target`);
  const debt = highInterestDebts(facts).reduce((sum, d) => sum + d.balance, 0);
  if (debt > 0) blockers.push(`${fmt(debt, cur)} of high-interest debt is left`);
  let stableAverage = 0;
  let capMonthly = 0;
  if (streak >= required) {
    const sum = history.slice(history.length - required).reduce((s, h) => s + h.amount, 0);
    stableAverage = Math.floor(sum / required);
    capMonthly = Math.floor((sum * facts.accelerationCapBasisPoints) / (required * 10_000));
  }
  const met = blockers.length === 0;
  return { streak, required, met, stableAverage, capMonthly: met ? capMonthly : 0, blockers };
}

function action(rule: CoachRuleId, status: CoachAction['status'], title: string, reason: string, figures: CoachFigure[]): CoachAction {
  return { rule, priority: COACH_PRIORITY[rule], status, title, reason, figures };
}

export function setExpensesRule(facts: CoachFacts): CoachAction {
  const figures = [{ label: 'Monthly expenses', minor: facts.monthlyExpenses }];
  if (facts.monthlyExpenses === 0) {
    return action('set-expenses', 'do', 'Set your monthly expenses', 'Set your monthly expenses: every other rule depends on them.', figures);
  }
  return action('set-expenses', 'ok', 'Monthly expenses are set', `Your monthly expenses are ${fmt(facts.monthlyExpenses, facts.baseCurrency)}.`, figures);
}

export function emergencyFundRule(facts: CoachFacts): CoachAction {
  const cur = facts.baseCurrency;
  const { balance, target, topUp } = facts.available.emergency;
  const targetMonths = facts.emergencyMonthsTarget;
  if (facts.monthlyExpenses === 0) {
    return action('emergency-fund', 'wait', 'Emergency fund: set your expenses first',
      `The emergency fund's target is ${targetMonths} months of expenses; set your monthly expenses to know it.`,
      [{ label: 'Balance', minor: balance }]);
  }
  const months = oneDecimal(balance / facts.monthlyExpenses);
  const gap = Math.max(0, target - balance);
  const figures: CoachFigure[] = [
    { label: 'Gap', minor: gap },
    { label: 'Balance', minor: balance },
    { label: 'Target', minor: target },
    { label: 'Months covered', text: `${months} of ${targetMonths} months` },
  ];
  if (balance < target) {
    figures.push({ label: 'This month', minor: topUp });
    const { fillingTo } = facts.available.emergency;
    const starter = fillingTo < target
      ? ` While high-interest debt is left it is filled to one month of expenses (${fmt(fillingTo, cur)}) and the rest of the surplus repays the debt first`
      : '';
    const thisMonth = (topUp > 0 ? `; this month it takes ${fmt(topUp, cur)} of your surplus` : '') + (starter ? `.${starter}` : '');
    return action('emergency-fund', 'do', `Fill your emergency fund: ${fmt(gap, cur)} to go`,
      `Your emergency fund holds ${fmt(balance, cur)}, ${months} months of expenses; the target is ${targetMonths} months (${fmt(target, cur)}). ` +
        `Fill the ${fmt(gap, cur)} gap before taking any risk${thisMonth}.`,
      figures);
  }
  return action('emergency-fund', 'ok', 'Emergency fund is full',
    `Your emergency fund holds ${fmt(balance, cur)}, ${months} months of expenses: at or above the target of ${targetMonths} months (${fmt(target, cur)}).`,
    figures);
}

export function highInterestDebtRule(facts: CoachFacts): CoachAction {
  const cur = facts.baseCurrency;
  const threshold = percent(facts.highInterestAprBasisPoints);
  const debts = highInterestDebts(facts);
  const first = debts[0];
  if (first === undefined) {
    return action('high-interest-debt', 'ok', 'No high-interest debt', `You have no debt at or above ${threshold} APR.`,
      [{ label: 'High-interest threshold', text: `${threshold} APR` }]);
  }
  const total = debts.reduce((sum, d) => sum + d.balance, 0);
  const order = debts.map((d) => `${d.name} at ${percent(d.aprBasisPoints)} (${fmt(d.balance, cur)})`);
  return action('high-interest-debt', 'do', `Pay off ${first.name} (${percent(first.aprBasisPoints)} APR) first`,
    `You owe ${fmt(total, cur)} at or above ${threshold} APR. Pay it off before taking any risk: every dollar repaid earns its APR, risk-free. ` +
      `Avalanche order, highest APR first, with the minimum on the rest: ${listAnd(order)}.`,
    [
      { label: 'High-interest debt', minor: total },
      ...debts.map((d) => ({ label: `${d.name} (${percent(d.aprBasisPoints)} APR)`, minor: d.balance })),
    ]);
}

export function foundationStartRule(facts: CoachFacts): CoachAction {
  const cur = facts.baseCurrency;
  const starter = facts.foundationStarterMonthly;
  const n = facts.foundationContributionMonths;
  const figures: CoachFigure[] = [
    { label: 'Starter a month', minor: starter },
    { label: 'Foundation balance', minor: facts.foundationBalance },
  ];
  if (n === 0) {
    const amount = starter > 0 ? `${fmt(starter, cur)} a month` : 'a fixed amount every month';
    return action('foundation-start', 'do', starter > 0 ? `Start auto-investing ${fmt(starter, cur)} a month` : 'Start auto-investing',
      `Nothing has gone into Foundation automatically yet. Start auto-investing ${amount} into a broad index fund now, ` +
        'even while the emergency fund fills: the habit and time in the market count for more than the amount.',
      figures);
  }
  return action('foundation-start', 'ok', 'Foundation is growing every month',
    `Money went into Foundation ${n} month${n === 1 ? '' : 's'} in a row; keep the automatic investment running.`,
    [{ label: 'Months in a row', text: `${n} month${n === 1 ? '' : 's'}` }, ...figures]);
}

export function idleCashRule(facts: CoachFacts): CoachAction {
  const cur = facts.baseCurrency;
  const target = facts.available.emergency.target;
  const excess = facts.cashBalance - target;
  const figures: CoachFigure[] = [
    { label: 'Above target', minor: Math.max(0, excess) },
    { label: 'Cash', minor: facts.cashBalance },
    { label: 'Emergency target', minor: target },
  ];
  if (facts.monthlyExpenses === 0) {
    return action('idle-cash', 'wait', 'Idle cash: set your expenses first',
      'Whether cash is idle depends on the emergency target, which is a number of months of expenses.', figures);
  }
  if (excess <= facts.monthlyExpenses) {
    return action('idle-cash', 'ok', 'No idle cash',
      `Your cash (${fmt(facts.cashBalance, cur)}) is within one month of expenses (${fmt(facts.monthlyExpenses, cur)}) of the emergency target (${fmt(target, cur)}).`,
      figures);
  }
  const debt = highInterestDebts(facts)[0];
  if (debt !== undefined) {
    return action('idle-cash', 'wait', 'Idle cash: pay the debt first',
      `You hold ${fmt(excess, cur)} above your emergency target, but ${debt.name} charges ${percent(debt.aprBasisPoints)} APR: ` +
        'the high-interest-debt rule comes first, and that cash does more there.',
      figures);
  }
  return action('idle-cash', 'do', `Move ${fmt(excess, cur)} of idle cash into Foundation`,
    `You hold ${fmt(facts.cashBalance, cur)} in cash, ${fmt(excess, cur)} above your emergency target of ${fmt(target, cur)}: ` +
      `more than a month of expenses (${fmt(facts.monthlyExpenses, cur)}) beyond it. Move the ${fmt(excess, cur)} into Foundation, where it earns more than cash.`,
    figures);
}

type LeverageStream = CoachFacts['leverage']['streams'][number];

const inBuild = (s: LeverageStream) => s.buildPhase !== null && !s.buildPhase.selfSustaining;

/** The stream to focus on: the best trend; lacking trends, the chosen play; lacking that, the highest trailing income. */
function suggestFocus(streams: LeverageStream[], playId: string | undefined): { stream: LeverageStream; why: string } | null {
  const withTrend = streams.filter((s) => s.buildPhase?.trendPerMonth != null);
  if (withTrend.length > 0) {
    const best = withTrend.reduce((a, b) => ((b.buildPhase!.trendPerMonth ?? 0) > (a.buildPhase!.trendPerMonth ?? 0) ? b : a));
    return { stream: best, why: 'it has the best trend' };
  }
  const play = streams.find((s) => s.id === playId);
  if (play !== undefined) return { stream: play, why: 'it is the play you chose' };
  const earning = streams.filter((s) => s.trailing3 > 0);
  if (earning.length === 0) return null;
  return { stream: earning.reduce((a, b) => (b.trailing3 > a.trailing3 ? b : a)), why: 'it earns the most' };
}

export function leverageOnePlayRule(facts: CoachFacts): CoachAction {
  const cur = facts.baseCurrency;
  const { streams, play } = facts.leverage;
  const building = streams.filter(inBuild);
  const figures: CoachFigure[] = [
    { label: 'Streams in build phase', text: String(building.length) },
    ...building.map((s) => ({ label: `${s.name}, last 3 months`, minor: s.trailing3 })),
  ];
  if (building.length > 1) {
    const focus = suggestFocus(building, play?.streamId);
    const names = listAnd(building.map((s) => s.name));
    const suggestion = focus === null ? ' Pick the one you most want to keep doing.' : ` Suggested: ${focus.stream.name}, as ${focus.why}` +
      (focus.stream.buildPhase?.trendPerMonth != null ? ` (${fmt(Math.round(focus.stream.buildPhase.trendPerMonth), cur)} a month)` : '') + '.';
    return action('leverage-one-play', 'do', `Focus on one Leverage play (${building.length} are in build phase)`,
      `${names} are all in build phase. Splitting your hours keeps each of them small: focus on one play with a 90-day commitment and pause the others.${suggestion}`,
      figures);
  }
  if (play === null && building.length > 0) {
    return action('leverage-one-play', 'do', 'Choose your one Leverage play',
      `You have ${building[0]!.name} in build phase but no play chosen. Choose it (or another) as your one play and commit to it for 90 days, so it gets a review with numbers.`,
      figures);
  }
  return action('leverage-one-play', 'ok', 'One Leverage play at a time',
    play === null ? 'No Leverage stream is in build phase.' : `${play.name} is your one Leverage play.`, figures);
}

export function leverageReviewRule(facts: CoachFacts): CoachAction {
  const cur = facts.baseCurrency;
  const play = facts.leverage.play;
  if (play === null) {
    return action('leverage-review', 'wait', 'No Leverage play to review',
      `Choose a Leverage play first: its review comes ${REVIEW_DAYS} days after you commit to it.`, []);
  }
  const days = Math.floor((facts.now - play.committedAt) / DAY_MS);
  const reviewAt = play.committedAt + REVIEW_DAYS * DAY_MS;
  if (days < REVIEW_DAYS) {
    const left = REVIEW_DAYS - days;
    return action('leverage-review', 'wait', `Review ${play.name} on ${isoDate(reviewAt)}`,
      `You committed to ${play.name} on ${isoDate(play.committedAt)}: day ${days} of ${REVIEW_DAYS}. Keep going; review on ${isoDate(reviewAt)}, in ${left} day${left === 1 ? '' : 's'}.`,
      [{ label: 'Days left', text: `${left} of ${REVIEW_DAYS}` }]);
  }
  const stream = facts.leverage.streams.find((s) => s.id === play.streamId);
  const phase = stream?.buildPhase ?? null;
  const trailing3 = stream?.trailing3 ?? phase?.current ?? 0;
  const trend = phase?.trendPerMonth == null ? null : Math.round(phase.trendPerMonth);
  const toTarget = phase?.monthsToTarget ?? null;
  const figures: CoachFigure[] = [
    { label: 'Last 3 months, a month', minor: trailing3 },
    trend === null ? { label: 'Trend a month', text: 'unknown' } : { label: 'Trend a month', minor: trend },
    { label: 'Months to target', text: phase?.target == null ? 'no target set' : toTarget === null ? 'never at this trend' : String(toTarget) },
  ];
  if (phase?.target != null) figures.push({ label: 'Target a month', minor: phase.target });
  const trendText = trend === null ? 'not enough months for a trend' : `a trend of ${fmt(trend, cur)} a month`;
  let verdict: string;
  if (phase?.selfSustaining) verdict = 'It is self-sustaining: keep it running and choose your next play.';
  else if (phase?.target == null) verdict = 'Set its self-sustaining target, then decide: keep going, change the approach, or stop.';
  else if (toTarget === null) verdict = `At this trend it never reaches its ${fmt(phase.target, cur)} target: change the approach or stop.`;
  else verdict = `At this trend it reaches its ${fmt(phase.target, cur)} target in ${toTarget} month${toTarget === 1 ? '' : 's'}: decide whether that is worth your hours.`;
  return action('leverage-review', 'do', `Review ${play.name} now: day ${days}`,
    `You committed to ${play.name} on ${isoDate(play.committedAt)}, ${days} days ago. Over the last 3 months it earned ${fmt(trailing3, cur)} a month on average, ${trendText}. ${verdict}`,
    figures);
}

export function accelerationGateRule(facts: CoachFacts): CoachAction {
  const cur = facts.baseCurrency;
  const gate = accelerationGate(facts);
  const monthsText = `${Math.min(gate.streak, gate.required)} of ${gate.required} months positive`;
  const figures: CoachFigure[] = [
    { label: 'Stable surplus', text: monthsText },
    { label: 'Capital in trading', minor: facts.accelerationCapital },
  ];
  if (gate.met) {
    figures.push({ label: 'Average surplus', minor: gate.stableAverage }, { label: 'Cap a month', minor: gate.capMonthly });
    return action('acceleration-gate', 'ok', `Acceleration may get up to ${fmt(gate.capMonthly, cur)} a month`,
      `Your surplus was positive ${gate.streak} months in a row (the gate needs ${gate.required}), averaging ${fmt(gate.stableAverage, cur)} over the last ${gate.required}. ` +
        `Acceleration is funded from that surplus only, at most ${percent(facts.accelerationCapBasisPoints)} of it: ${fmt(gate.capMonthly, cur)} a month.`,
      figures);
  }
  const why = `${listAnd(gate.blockers)}.`;
  if (facts.accelerationCapital > 0) {
    return action('acceleration-gate', 'do', 'Reduce or pause trading',
      `${fmt(facts.accelerationCapital, cur)} is in trading, but it is not yet funded by a stable surplus: ${why} Reduce or pause it until the gate is met.`,
      figures);
  }
  return action('acceleration-gate', 'wait', `Acceleration waits: ${monthsText}`,
    `Acceleration is funded only after ${gate.required} positive months of surplus in a row, with the emergency fund full and no high-interest debt, and only from that surplus. Not yet: ${why}`,
    figures);
}

export const COACH_RULES: readonly ((facts: CoachFacts) => CoachAction)[] = [
  setExpensesRule,
  emergencyFundRule,
  highInterestDebtRule,
  foundationStartRule,
  idleCashRule,
  leverageOnePlayRule,
  leverageReviewRule,
  accelerationGateRule,
];
