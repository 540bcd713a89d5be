/**
 * The layer assessment: eight answers → a stage per layer, the layer to work
 * on next, why, and what to do first. Also what Strata can prefill from data.
 *
 * Stage per layer ('not-ready' | 'ready' | 'building' | 'passive'). A status
 * from data (ctx.status 'building' or 'passive') wins over the answers;
 * otherwise the gates below decide ('not-started' or absent → gates):
 *
 * | layer        | 'ready' when                                                                  | else        |
 * |--------------|-------------------------------------------------------------------------------|-------------|
 * | Foundation   | always, unless the surplus is ≤ 0 AND there is no investable capital          | not-ready   |
 * | Leverage     | ≥ 3 hours a week AND a skill among writing, video, design, teaching, marketing | not-ready   |
 * | Compounding  | ≥ 5 hours a week AND a skill among coding, design, marketing, sales AND        | not-ready   |
 * |              | (investable capital > 0 OR surplus > 0)                                        |             |
 * | Acceleration | emergency months ≥ target (default 6) AND no high-interest debt AND            | not-ready   |
 * |              | surplus > 0 AND risk tolerance is not 'low'                                    |             |
 *
 * Next layer, first rule that applies:
 *
 * | # | when                                                                  | next                          |
 * |---|-----------------------------------------------------------------------|-------------------------------|
 * | 1 | emergency fund < 3 months OR high-interest debt > 0                   | Foundation; the fix is step 1 |
 * | 2 | Foundation is not 'building' or 'passive'                             | Foundation                    |
 * | 3 | Leverage or Compounding is 'building' (both: Leverage)                | that layer: finish it first   |
 * | 4 | Leverage or Compounding is 'ready'                                    | the higher score; tie Leverage |
 * |   |   score = matching skills + 2 if a goal fits (Leverage: side-income;  |                               |
 * |   |   Compounding: build-business)                                        |                               |
 * | 5 | the Acceleration gate passes on the answers AND goals has learn-trading | Acceleration                 |
 * | 6 | otherwise                                                             | Foundation: keep investing    |
 *
 * Amounts in answers may be in any currency; ctx.toBase converts them. A
 * conversion that returns null (no exchange rate) makes the amount unknown:
 * an unknown amount never passes a gate that needs it (an unknown debt is not
 * "no debt"), never triggers rule 1 on its own, and is named in the reasons.
 * A zero amount is zero in every currency and needs no rate.
 */
import type { Layer } from '@/utils/db/schema';
import type { AssessmentAnswers, Goal, Skill } from '@/utils/db/schema-plan';
import { formatMoney } from '@/utils/money';
import { LAYER_LABELS, listAnd } from '@/utils/labels';
import type { AssessmentResult, LayerPlacement, LayerStage, LayerStatus, PrefilledAnswer } from './plan-types';

export interface AssessmentContext {
  /** Living expenses a month, base minor units (0 when not set). */
  monthlyExpenses: number;
  /** Converts an amount into base minor units; null when there is no exchange rate. */
  toBase: (m: { minor: number; currency: string }) => number | null;
  /** What the data says about each layer; 'building' and 'passive' win over the answers. */
  status?: Partial<Record<Layer, LayerStatus>>;
  /**
   * Where `status` came from, for the reasons' wording: the person's tracked
   * data (the extension, default) or what the person said (the site's "already
   * under way" question, where there is no data).
   */
  statusSource?: 'data' | 'answers';
  /** The emergency fund's target in months (default 6). */
  emergencyMonthsTarget?: number;
  /** The base currency, for amounts the reasons compute (default: the currency of the surplus answer). */
  baseCurrency?: string;
  /** What Foundation gets every month from the start, base minor units (default 5000: $50.00). */
  foundationStarterMonthly?: number;
}

/** Below this many months of expenses, fixing the emergency fund comes before anything else. */
export const EMERGENCY_FIRST_MONTHS = 3;
export const DEFAULT_EMERGENCY_TARGET_MONTHS = 6;
export const LEVERAGE_MIN_HOURS = 3;
export const COMPOUNDING_MIN_HOURS = 5;
export const LEVERAGE_SKILLS: readonly Skill[] = ['writing', 'video', 'design', 'teaching', 'marketing'];
export const COMPOUNDING_SKILLS: readonly Skill[] = ['coding', 'design', 'marketing', 'sales'];
const LEVERAGE_GOAL: Goal = 'side-income';
const COMPOUNDING_GOAL: Goal = 'build-business';

const LEVERAGE_PLAYS: Partial<Record<Skill, string>> = {
  writing: 'a blog or newsletter with affiliate links',
  video: 'a YouTube channel',
  design: 'templates or other digital products',
  teaching: 'a course or tutorials',
  marketing: 'an affiliate site',
};
const COMPOUNDING_PLAYS: Partial<Record<Skill, string>> = {
  coding: 'a micro-SaaS tool',
  design: 'a productised design subscription',
  marketing: 'a done-for-you marketing service',
  sales: 'a lead-generation service',
};

/** An answer's amount: in base minor units, or null when it could not be converted. */
interface Amount {
  base: number | null;
  /** As the person entered it ("€1,200.00"). */
  text: string;
}

const money = (minor: number, currency: string) => formatMoney({ minor, currency }, 'en-US');
const one = (n: number) => String(Math.round(n * 10) / 10);
const plural = (n: number, word: string) => `${one(n)} ${word}${n === 1 ? '' : 's'}`;

function amountOf(m: { minor: number; currency: string }, toBase: AssessmentContext['toBase']): Amount {
  const text = money(m.minor, m.currency);
  return { base: m.minor === 0 ? 0 : toBase(m), text };
}

function unknownNote(what: string, m: { currency: string }, amount: Amount, base: string): string {
  return `Your ${what} (${amount.text}) could not be converted into ${base}: there is no exchange rate for ${m.currency}, so it counts as unknown.`;
}

/** Places the person on a stage per layer and picks the layer to work on next (see the tables above). */
export function assessLayers(answers: AssessmentAnswers, ctx: AssessmentContext): AssessmentResult {
  const base = ctx.baseCurrency ?? answers.monthlySurplus.currency;
  const target = ctx.emergencyMonthsTarget ?? DEFAULT_EMERGENCY_TARGET_MONTHS;
  const starterText = money(ctx.foundationStarterMonthly ?? 5000, base);
  const debt = amountOf(answers.highInterestDebt, ctx.toBase);
  const surplus = amountOf(answers.monthlySurplus, ctx.toBase);
  const capital = amountOf(answers.investableCapital, ctx.toBase);
  const hours = answers.hoursPerWeek;
  const months = answers.emergencyMonths;
  const leverageSkills = answers.skills.filter((s) => LEVERAGE_SKILLS.includes(s));
  const compoundingSkills = answers.skills.filter((s) => COMPOUNDING_SKILLS.includes(s));

  const notes: string[] = [];
  if (debt.base === null) notes.push(unknownNote('high-interest debt', answers.highInterestDebt, debt, base));
  if (surplus.base === null) notes.push(unknownNote('monthly surplus', answers.monthlySurplus, surplus, base));
  if (capital.base === null) notes.push(unknownNote('investable capital', answers.investableCapital, capital, base));

  // ---- gates on the answers
  const foundationGate: string[] = [];
  const foundationBlocked = surplus.base !== null && surplus.base <= 0 && capital.base === 0;
  if (foundationBlocked) {
    foundationGate.push(`Your monthly surplus is ${surplus.text} and you have no capital to invest: free up money each month first.`);
  } else if (surplus.base !== null && surplus.base > 0) {
    foundationGate.push(`You have a surplus of ${surplus.text} a month to invest.`);
  } else if (capital.base !== null && capital.base > 0) {
    foundationGate.push(`You have ${capital.text} of capital to invest.`);
  } else {
    foundationGate.push('Foundation accepts any amount; your surplus or capital is unknown, so start small.');
  }

  const leverageGate: string[] = [];
  const leverageOk = hours >= LEVERAGE_MIN_HOURS && leverageSkills.length > 0;
  leverageGate.push(`You have ${plural(hours, 'hour')} a week; Leverage needs at least ${LEVERAGE_MIN_HOURS}.`);
  leverageGate.push(
    leverageSkills.length > 0
      ? `Your skills in ${listAnd(leverageSkills)} suit content.`
      : `None of your skills suits content (it needs ${listAnd(LEVERAGE_SKILLS)}).`,
  );

  const compoundingGate: string[] = [];
  const compoundingFunded = (capital.base ?? 0) > 0 || (surplus.base ?? 0) > 0;
  const compoundingOk = hours >= COMPOUNDING_MIN_HOURS && compoundingSkills.length > 0 && compoundingFunded;
  compoundingGate.push(`You have ${plural(hours, 'hour')} a week; Compounding needs at least ${COMPOUNDING_MIN_HOURS}.`);
  compoundingGate.push(
    compoundingSkills.length > 0
      ? `Your skills in ${listAnd(compoundingSkills)} suit a small business.`
      : `None of your skills suits a small business (it needs ${listAnd(COMPOUNDING_SKILLS)}).`,
  );
  compoundingGate.push(
    compoundingFunded
      ? 'You have capital or a monthly surplus for its first costs.'
      : 'It needs some capital or a positive monthly surplus for its first costs; you have neither (or they are unknown).',
  );

  const accelerationGate: string[] = [];
  if (months < target) accelerationGate.push(`Your emergency fund covers ${plural(months, 'month')} of expenses; trading needs the full target of ${target}.`);
  if (debt.base === null) accelerationGate.push('Your high-interest debt is unknown; trading needs it to be zero.');
  else if (debt.base > 0) accelerationGate.push(`You have ${debt.text} of high-interest debt; trading needs it paid off.`);
  if (surplus.base === null) accelerationGate.push('Your monthly surplus is unknown; trading is funded only from a positive surplus.');
  else if (surplus.base <= 0) accelerationGate.push(`Your monthly surplus is ${surplus.text}; trading is funded only from a positive surplus.`);
  if (answers.riskTolerance === 'low') accelerationGate.push('Your risk tolerance is low; trading can lose most of what it is given.');
  const accelerationOk = accelerationGate.length === 0;
  if (accelerationOk) {
    accelerationGate.push(
      `Your emergency fund covers ${plural(months, 'month')} (target ${target}), you have no high-interest debt, ` +
        `a surplus of ${surplus.text} a month and a ${answers.riskTolerance} risk tolerance.`,
    );
  }

  const place = (layer: Layer, ok: boolean, gateReasons: string[]): LayerPlacement => {
    const status = ctx.status?.[layer];
    if (status === 'building' || status === 'passive') {
      const what = status === 'passive' ? 'already pays passive income' : 'is being built';
      const reason =
        ctx.statusSource === 'answers'
          ? `You said ${LAYER_LABELS[layer]} is already under way; that wins over the other answers.`
          : `Your tracked data shows ${LAYER_LABELS[layer]} ${what}; that wins over the answers.`;
      return { layer, stage: status, reasons: [reason] };
    }
    return { layer, stage: ok ? 'ready' : 'not-ready', reasons: gateReasons };
  };
  const placements: Record<Layer, LayerPlacement> = {
    foundation: place('foundation', !foundationBlocked, foundationGate),
    leverage: place('leverage', leverageOk, leverageGate),
    acceleration: place('acceleration', accelerationOk, accelerationGate),
    compounding: place('compounding', compoundingOk, compoundingGate),
  };
  const stage = (layer: Layer): LayerStage => placements[layer].stage;
  const started = (layer: Layer) => stage(layer) === 'building' || stage(layer) === 'passive';

  // ---- next layer
  const reasons: string[] = [];
  const firstSteps: string[] = [];
  const emergencyShort = months < EMERGENCY_FIRST_MONTHS;
  const hasDebt = debt.base !== null && debt.base > 0;
  const starterStep = `Set up an automatic ${starterText} a month into a broad, low-cost index fund, so Foundation starts now.`;
  let next: Layer;

  if (emergencyShort || hasDebt) {
    next = 'foundation';
    if (emergencyShort) {
      reasons.push(`Your emergency fund covers ${plural(months, 'month')} of expenses; the target is ${target}.`);
      const toFirst = Math.max(0, Math.ceil((EMERGENCY_FIRST_MONTHS - months) * ctx.monthlyExpenses));
      const where =
        surplus.base !== null && surplus.base > 0
          ? `Send your surplus (${surplus.text} a month) to a high-yield savings account`
          : 'Free up money each month and send it to a high-yield savings account';
      firstSteps.push(
        ctx.monthlyExpenses > 0
          ? `${where} until it covers ${EMERGENCY_FIRST_MONTHS} months of expenses (${money(toFirst, base)} more), then keep going to ${target}.`
          : `${where} until it covers ${EMERGENCY_FIRST_MONTHS} months of expenses, then keep going to ${target}.`,
      );
    }
    if (hasDebt) {
      reasons.push(`You have ${debt.text} of high-interest debt: paying it off earns its interest rate, risk-free, which beats any investment.`);
      firstSteps.push(`Pay more than the minimum on the high-interest debt (${debt.text}), highest APR first, and the minimum on the rest.`);
    }
    firstSteps.push(starterStep);
  } else if (!started('foundation')) {
    next = 'foundation';
    reasons.push('Foundation is the base every other layer stands on, and it pays from the first dollar.');
    if (stage('foundation') === 'not-ready') {
      reasons.push(`Your monthly surplus is ${surplus.text}: there is nothing to invest yet.`);
      firstSteps.push('Find a positive monthly surplus first: cancel unused subscriptions and trim the largest expense.');
      firstSteps.push(`Then automate ${starterText} a month into a broad, low-cost index fund.`);
    } else {
      firstSteps.push(`Open a brokerage or robo-advisor account and set up an automatic ${starterText} a month into a broad, low-cost index fund.`);
      if (capital.base !== null && capital.base > 0) firstSteps.push(`Invest your ${capital.text} of capital in the same fund, at once or over a few months.`);
    }
    if (months < target) firstSteps.push(`Keep adding to the emergency fund until it covers ${target} months (now ${plural(months, 'month')}).`);
  } else {
    next = pickBuildLayer();
  }

  function pickBuildLayer(): Layer {
    const building = (['leverage', 'compounding'] as const).filter((l) => stage(l) === 'building');
    const first = building[0];
    if (first !== undefined) {
      reasons.push(`You are already building ${LAYER_LABELS[first]}: finish it before starting another layer.`);
      firstSteps.push(`Keep going with your ${LAYER_LABELS[first]} stream and review it at day 90 against its monthly target.`);
      return first;
    }
    const leverageScore = leverageSkills.length + (answers.goals.includes(LEVERAGE_GOAL) ? 2 : 0);
    const compoundingScore = compoundingSkills.length + (answers.goals.includes(COMPOUNDING_GOAL) ? 2 : 0);
    const leverageReady = stage('leverage') === 'ready';
    const compoundingReady = stage('compounding') === 'ready';
    if (leverageReady && (!compoundingReady || leverageScore >= compoundingScore)) {
      const goal = answers.goals.includes(LEVERAGE_GOAL) ? ' and your goals include side income' : '';
      reasons.push(`Leverage fits: you have ${plural(hours, 'hour')} a week (it needs ${LEVERAGE_MIN_HOURS}) and skills in ${listAnd(leverageSkills)}${goal}.`);
      if (compoundingReady) reasons.push(`Compounding would also fit (score ${compoundingScore} against ${leverageScore}); Leverage needs less capital, so it goes first.`);
      const plays = leverageSkills.map((s) => LEVERAGE_PLAYS[s]).filter((p): p is string => p !== undefined);
      firstSteps.push(`Pick one play that fits your skills (${listAnd(plays)}) and commit to it for 90 days.`);
      firstSteps.push(`Block ${plural(hours, 'hour')} a week for it and publish on a fixed schedule.`);
      firstSteps.push('Add it in Strata as a Leverage stream with its hours and costs, so the day-90 review has numbers.');
      return 'leverage';
    }
    if (compoundingReady) {
      const goal = answers.goals.includes(COMPOUNDING_GOAL) ? ' and your goals include building a business' : '';
      reasons.push(`Compounding fits: you have ${plural(hours, 'hour')} a week (it needs ${COMPOUNDING_MIN_HOURS}) and skills in ${listAnd(compoundingSkills)}${goal}.`);
      if (leverageReady) reasons.push(`It scores ${compoundingScore} against Leverage's ${leverageScore} on your skills and goals.`);
      const plays = compoundingSkills.map((s) => COMPOUNDING_PLAYS[s]).filter((p): p is string => p !== undefined);
      firstSteps.push(`Pick one small product or productised service built on your skills (${listAnd(plays)}).`);
      firstSteps.push('Find three paying customers before you build it out.');
      firstSteps.push('Add it in Strata as a Compounding stream with its tool costs and hours.');
      return 'compounding';
    }
    if (accelerationOk && answers.goals.includes('learn-trading')) {
      reasons.push('Your Foundation is in place, Leverage and Compounding are not a fit right now, and your goals include learning to trade.');
      reasons.push(...accelerationGate);
      firstSteps.push('Paper-trade one rules-based strategy (a moving-average or momentum rule) for at least 3 months before it gets real money.');
      firstSteps.push('Fund it only from your monthly surplus, at most 10% of it, and only with money you can afford to lose.');
      firstSteps.push('Add the trading account in Strata as an Acceleration account, so its P/L and capital at risk are tracked.');
      return 'acceleration';
    }
    reasons.push('No other layer is ready yet, so keep growing Foundation.');
    if (!leverageReady) reasons.push(`Leverage needs ${LEVERAGE_MIN_HOURS} hours a week and a skill in ${listAnd(LEVERAGE_SKILLS)}.`);
    firstSteps.push('Raise your automatic Foundation investment whenever your surplus grows.');
    return 'foundation';
  }

  return { placements, next, reasons: [...reasons, ...notes], firstSteps };
}

/** What Strata already knows for prefillAnswers, all money in base minor units. */
export interface PrefillFacts {
  emergencyBalance: number;
  monthlyExpenses: number;
  highInterestDebt: number;
  surplus: number;
  investableCapital: number;
  /** The hours a month set on the streams, summed. */
  hoursPerMonth: number;
  baseCurrency: string;
}

/**
 * The answers Strata can prefill from data, each with where it came from.
 * A field is left out when there is no data behind it: emergencyMonths when
 * expenses are 0; money fields and hours when they are 0 (a zero there is
 * what "nothing recorded" looks like). emergencyMonths and hoursPerWeek are
 * rounded to one decimal; hoursPerWeek = hoursPerMonth × 12 ÷ 52.
 */
export function prefillAnswers(facts: PrefillFacts): PrefilledAnswer[] {
  const out: PrefilledAnswer[] = [];
  const round1 = (n: number) => Math.round(n * 10) / 10;
  const m = (minor: number) => money(minor, facts.baseCurrency);
  if (facts.monthlyExpenses > 0) {
    out.push({
      field: 'emergencyMonths',
      value: round1(facts.emergencyBalance / facts.monthlyExpenses),
      source: `From your HYSA and cash balances ÷ monthly expenses (${m(facts.emergencyBalance)} ÷ ${m(facts.monthlyExpenses)})`,
    });
  }
  if (facts.highInterestDebt > 0) {
    out.push({ field: 'highInterestDebt', value: facts.highInterestDebt, source: 'From your debts at or above the high-interest rate' });
  }
  if (facts.surplus !== 0) {
    out.push({ field: 'monthlySurplus', value: facts.surplus, source: "From this month's income minus expenses and cash needs" });
  }
  if (facts.investableCapital > 0) {
    out.push({ field: 'investableCapital', value: facts.investableCapital, source: 'From your cash beyond the emergency fund target' });
  }
  if (facts.hoursPerMonth > 0) {
    out.push({
      field: 'hoursPerWeek',
      value: round1((facts.hoursPerMonth * 12) / 52),
      source: `From the hours a month set on your streams (${one(facts.hoursPerMonth)}) × 12 ÷ 52`,
    });
  }
  return out;
}
