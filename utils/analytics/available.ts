/**
 * Available to invest this month, term by term, so the UI can show each one.
 * Every amount is an integer number of base-currency minor units (the caller
 * converts); `available` may be negative.
 *
 *   income    = streamIncome + otherMonthlyIncome
 *   expenses  = monthlyExpenses (living) + streamCosts
 *   cash needs: each need due at or after the start of `month` sets aside
 *               ⌈amount ÷ monthsLeft⌉ this month, monthsLeft counting this
 *               month and the due month (due this month → 1; due in
 *               July when it is March → 5); needs due before this month
 *               are ignored (past). Needs keep their input order.
 *   surplus   = income − expenses − Σ cash-need shares
 *   emergency: target = monthlyExpenses × emergencyMonths (living expenses
 *              only); gap = max(0, target − balance)
 *   fillingTo = target, but while high-interest debt is left only one
 *              month of living expenses (a starter fund): beyond that,
 *              repaying debt at 20%+ beats saving at 4–5%, and the coach's
 *              allocation sends the money to the debt first
 *   foundationStarter = min(foundationStarterMonthly, max(0, surplus)):
 *              kept for Foundation before the emergency fund fills
 *   placeable = max(0, surplus − foundationStarter)
 *   topUp     = min(max(0, fillingTo − balance), placeable), plus — once
 *              the high-interest debt would be paid off from the rest —
 *              what is left after it, up to the full gap
 *   available = surplus − topUp
 *
 * Cash needs: the share is of what is still to be set aside, amount −
 * setAside (the person records what they have put by). Rounding each share
 * up means the need is covered by its due date; as setAside grows, the
 * remaining shares come out equal or slightly smaller (1000.00 over 3 months:
 * 333.34, then 666.66 ÷ 2 = 333.33, then 333.33).
 */
import type { AvailableToInvest, CashNeedShare } from './plan-types';
import { monthNumber, monthOf, monthStart } from './streams-months';

export interface AvailableInput {
  /** "YYYY-MM": the month being planned (normally the month of `now`). */
  month: string;
  /** Epoch ms; not used by the formulas, which go by `month`. */
  now: number;
  tzOffsetMinutes: number;
  /** Stream income this month. */
  streamIncome: number;
  /** Stream costs this month (positive). */
  streamCosts: number;
  otherMonthlyIncome: number;
  /** Living expenses a month. */
  monthlyExpenses: number;
  cashNeeds: readonly { id: string; name: string; amount: number; dueAt: number; setAside?: number }[];
  emergencyBalance: number;
  /** The emergency fund's target in months of living expenses. */
  emergencyMonths: number;
  foundationStarterMonthly: number;
  /** High-interest debt outstanding: while above 0 the fund is filled only to one month of expenses. */
  highInterestDebt?: number;
}

export function availableToInvest(input: AvailableInput): AvailableToInvest {
  const thisMonth = monthNumber(input.month);
  const start = monthStart(input.month, input.tzOffsetMinutes);
  const cashNeeds: CashNeedShare[] = [];
  for (const need of input.cashNeeds) {
    if (need.dueAt < start) continue;
    const monthsLeft = monthNumber(monthOf(need.dueAt, input.tzOffsetMinutes)) - thisMonth + 1;
    cashNeeds.push({
      id: need.id,
      name: need.name,
      amount: need.amount,
      setAside: need.setAside ?? 0,
      dueAt: need.dueAt,
      monthsLeft,
      thisMonth: divideRoundingUp(Math.max(0, need.amount - (need.setAside ?? 0)), monthsLeft),
    });
  }
  const cashNeedsTotal = cashNeeds.reduce((sum, need) => sum + need.thisMonth, 0);

  const income = {
    streams: input.streamIncome,
    other: input.otherMonthlyIncome,
    total: input.streamIncome + input.otherMonthlyIncome,
  };
  const expenses = {
    living: input.monthlyExpenses,
    streamCosts: input.streamCosts,
    total: input.monthlyExpenses + input.streamCosts,
  };
  const surplus = income.total - expenses.total - cashNeedsTotal;
  const target = input.monthlyExpenses * input.emergencyMonths;
  const gap = Math.max(0, target - input.emergencyBalance);
  const fillingTo = (input.highInterestDebt ?? 0) > 0 ? Math.min(target, input.monthlyExpenses) : target;
  const foundationStarter = Math.min(input.foundationStarterMonthly, Math.max(0, surplus));
  const placeable = Math.max(0, surplus - foundationStarter);
  const toStarterLevel = Math.min(Math.max(0, fillingTo - input.emergencyBalance), placeable);
  // What is left once the high-interest debt is paid off goes on filling the fund up to the full target.
  const afterDebt = Math.max(0, placeable - toStarterLevel - (input.highInterestDebt ?? 0));
  const topUp = toStarterLevel + Math.min(gap - toStarterLevel, afterDebt);
  return {
    month: input.month,
    income,
    expenses,
    cashNeeds,
    cashNeedsTotal,
    emergency: { balance: input.emergencyBalance, target, gap, fillingTo, topUp },
    foundationStarter,
    surplus,
    available: surplus - topUp,
  };
}

/** ⌈amount ÷ parts⌉ for integers, parts ≥ 1, exact (the float quotient only seeds it). */
function divideRoundingUp(amount: number, parts: number): number {
  let quotient = Math.floor(amount / parts);
  let rest = amount - quotient * parts;
  while (rest < 0) {
    quotient -= 1;
    rest += parts;
  }
  while (rest >= parts) {
    quotient += 1;
    rest -= parts;
  }
  return rest > 0 ? quotient + 1 : quotient;
}
