/**
 * The demo household's fixed money plan, shared by the Foundation part
 * (foundation.ts: the accounts the money goes to) and the spending part
 * (spending.ts: the checking account the money leaves from). Both must tell
 * the same story to the cent, and each part has its own random numbers, so
 * everything here is decided WITHOUT randomness: only the calendar (today,
 * the months) fixes the pay cheques, rent, loan payments, transfers to
 * savings, the brokerage and the Roth IRA, the car insurance premiums, the
 * HYSA's interest and the debts' balances.
 *
 * The household: a couple in Oakland, CA. Take-home pay $9,400 a month this
 * year (two pay cheques each on the 15th and the last weekday; $300 a month
 * less for every calendar year back), living costs about $6,100 a month.
 * Transfers: the HYSA gets $700 a month until it holds six months of
 * expenses ($36,600), the Roth IRA $500, the brokerage the rest of the
 * surplus (pay − $7,400, plus the $700 once the HYSA is full). One year-end
 * style bonus of $7,500 (month 22 of 37) went straight to the brokerage.
 *
 * Money is integer cents; days are "YYYY-MM-DD"; nothing after ctx.today.
 */
import { mulDivRound } from '@/utils/portfolio/quantity';
import { addDays, isWeekday, isoDay } from './calendar';
import type { DemoContext, DemoMonth } from './types';

// ---------------------------------------------------------------- the plan's numbers

/** Living expenses a month, as the household states them (plan settings). */
export const MONTHLY_EXPENSES_MINOR = 610_000;
/** Take-home pay a month this year (plan settings' other income). */
export const MONTHLY_PAY_MINOR = 940_000;
/** Pay is this much lower a month for every calendar year before today's. */
export const PAY_STEP_MINOR = 30_000;
/** The emergency fund's target: six months of expenses. */
export const EMERGENCY_MONTHS = 6;
export const EMERGENCY_TARGET_MINOR = EMERGENCY_MONTHS * MONTHLY_EXPENSES_MINOR;

export const RENT_MINOR = 245_000;
export const HYSA_TRANSFER_MINOR = 70_000;
export const ROTH_TRANSFER_MINOR = 50_000;
/** The brokerage gets pay − this (plus the HYSA's $700 once it is full). */
export const BROKERAGE_BASE_MINOR = 740_000;
export const BONUS_MINOR = 750_000;
/** The month (index into ctx.months) of the bonus, invested at once (in an emerging-markets fund, near its peak). */
export const BONUS_MONTH = 22;

export const CAR_LOAN = { name: 'Car loan — Toyota Financial Services', startMinor: 1_980_000, aprBasisPoints: 390, paymentMinor: 45_000, dayOfMonth: 3 };
export const STUDENT_LOAN = { name: 'Student loan — Dept. of Education', startMinor: 1_460_000, aprBasisPoints: 453, paymentMinor: 21_000, dayOfMonth: 24 };

/** The HYSA's balance the day before the history starts. */
export const HYSA_OPENING_MINOR = 2_200_000;
/** The checking account's balance the day before the history starts. */
export const CHECKING_OPENING_MINOR = 750_000;

/** The car insurance premium every six months: paid in months with (last index − index) % 6 === 3, on the 12th. */
export const CAR_INSURANCE = { dayOfMonth: 12, oldMinor: 129_000, newMinor: 138_000, newFromMonth: 24 };

// ---------------------------------------------------------------- days

/** The day itself when a weekday, else the Friday before (pay days). */
export function weekdayOnOrBefore(day: string): string {
  let d = day;
  while (!isWeekday(d)) d = addDays(d, -1);
  return d;
}

/** The day itself when a weekday, else the Monday after (bank transfers). */
export function weekdayOnOrAfter(day: string): string {
  let d = day;
  while (!isWeekday(d)) d = addDays(d, 1);
  return d;
}

/** A day of the month (clamped to its length), as a weekday on or after it; undefined when after today. */
export function bankDay(month: DemoMonth, day: number, today: string): string | undefined {
  const iso = weekdayOnOrAfter(isoDay(month.year, month.month, Math.min(day, month.days)));
  return iso <= today ? iso : undefined;
}

/** The last calendar day of the month, "2025-03-31". */
export function lastDayOf(month: DemoMonth): string {
  return isoDay(month.year, month.month, month.days);
}

/** The last weekday of the month (a market's month-end close). */
export function lastWeekdayOf(month: DemoMonth): string {
  return weekdayOnOrBefore(lastDayOf(month));
}

/** Where a month's statement is taken: its last day, or today for the current month. */
export function statementDay(month: DemoMonth, today: string): string {
  return month.current ? today : lastDayOf(month);
}

// ---------------------------------------------------------------- the schedule

export interface Paycheck {
  day: string;
  amountMinor: number;
  /** "a": the partner at Brightline Software; "b": the one at Alameda Health. */
  earner: 'a' | 'b';
  bonus: boolean;
}

export interface Payment {
  day: string;
  amountMinor: number;
}

/** What the household's fixed plan moves in one month (only what happened by today). */
export interface HouseholdMonth {
  index: number;
  month: DemoMonth;
  paychecks: Paycheck[];
  rent?: Payment;
  carLoan?: Payment;
  studentLoan?: Payment;
  hysaTransfer?: Payment;
  rothTransfer?: Payment;
  /** The monthly contribution, then the bonus in the bonus month. */
  brokerageTransfers: (Payment & { bonus: boolean })[];
  carInsurance?: Payment;
  /** The HYSA's interest, credited on the month's last day. */
  hysaInterest?: Payment;
  /** The HYSA's balance at the statement day (after that day's interest). */
  hysaClosingMinor: number;
  /** The debts' balances after this month's payments. */
  carLoanClosingMinor: number;
  studentLoanClosingMinor: number;
}

/** Take-home pay a month in `year`. */
export function monthlyPayFor(year: number, todayYear: number): number {
  return MONTHLY_PAY_MINOR - PAY_STEP_MINOR * (todayYear - year);
}

/** The HYSA's rate (basis points a year) in month `index`: it falls as the Fed cuts. */
export function hysaRateBasisPoints(index: number): number {
  if (index < 10) return 435;
  if (index < 16) return 420;
  if (index < 23) return 400;
  if (index < 30) return 380;
  return 360;
}

/** One month of interest on a balance at an annual rate: round half to even of balance × rate / 12. */
export function monthlyInterest(balanceMinor: number, aprBasisPoints: number): number {
  return mulDivRound(balanceMinor, aprBasisPoints, 120_000);
}

/** The car insurance premium's month? (every six months, the next one three months after today's month). */
export function isCarInsuranceMonth(index: number, lastIndex: number): boolean {
  return (lastIndex - index) % 6 === 3;
}

/** The household's fixed plan month by month, oldest first. Pure: the calendar alone decides it. */
export function householdSchedule(ctx: Pick<DemoContext, 'months' | 'today'>): HouseholdMonth[] {
  const { months, today } = ctx;
  const todayYear = Number(today.slice(0, 4));
  const lastIndex = months.length - 1;
  const out: HouseholdMonth[] = [];
  let hysa = HYSA_OPENING_MINOR;
  let car = CAR_LOAN.startMinor;
  let student = STUDENT_LOAN.startMinor;
  months.forEach((month, index) => {
    const pay = monthlyPayFor(month.year, todayYear);
    // Per cheque: earner a 30 % of the month's pay less 53 cents, earner b the rest of the half.
    const chequeA = (pay * 3) / 10 - 53;
    const chequeB = pay / 2 - chequeA;
    const paychecks: Paycheck[] = [];
    for (const dayOfMonth of [15, month.days]) {
      const day = weekdayOnOrBefore(isoDay(month.year, month.month, dayOfMonth));
      if (day > today) continue;
      paychecks.push({ day, amountMinor: chequeA, earner: 'a', bonus: false });
      paychecks.push({ day, amountMinor: chequeB, earner: 'b', bonus: false });
    }
    const bonusDay = index === BONUS_MONTH ? weekdayOnOrBefore(isoDay(month.year, month.month, 15)) : undefined;
    if (bonusDay !== undefined && bonusDay <= today) paychecks.push({ day: bonusDay, amountMinor: BONUS_MINOR, earner: 'a', bonus: true });

    const payment = (dayOfMonth: number, amountMinor: number): Payment | undefined => {
      const day = bankDay(month, dayOfMonth, today);
      return day === undefined ? undefined : { day, amountMinor };
    };
    const m: HouseholdMonth = {
      index,
      month,
      paychecks,
      brokerageTransfers: [],
      hysaClosingMinor: 0,
      carLoanClosingMinor: 0,
      studentLoanClosingMinor: 0,
    };
    const rent = payment(1, RENT_MINOR);
    if (rent) m.rent = rent;

    // Loans: a month's interest on the balance, then the payment (the last one pays what is left).
    const carPayment = car > 0 ? payment(CAR_LOAN.dayOfMonth, Math.min(CAR_LOAN.paymentMinor, car + monthlyInterest(car, CAR_LOAN.aprBasisPoints))) : undefined;
    if (carPayment) {
      m.carLoan = carPayment;
      car = car + monthlyInterest(car, CAR_LOAN.aprBasisPoints) - carPayment.amountMinor;
    }
    const studentPayment =
      student > 0 ? payment(STUDENT_LOAN.dayOfMonth, Math.min(STUDENT_LOAN.paymentMinor, student + monthlyInterest(student, STUDENT_LOAN.aprBasisPoints))) : undefined;
    if (studentPayment) {
      m.studentLoan = studentPayment;
      student = student + monthlyInterest(student, STUDENT_LOAN.aprBasisPoints) - studentPayment.amountMinor;
    }

    // Savings: the HYSA until it holds the emergency target, then that money goes to the brokerage too.
    const hysaFull = hysa >= EMERGENCY_TARGET_MINOR;
    const hysaTransfer = hysaFull ? undefined : payment(16, HYSA_TRANSFER_MINOR);
    if (hysaTransfer) {
      m.hysaTransfer = hysaTransfer;
      hysa += hysaTransfer.amountMinor;
    }
    const roth = payment(5, ROTH_TRANSFER_MINOR);
    if (roth) m.rothTransfer = roth;
    const brokerage = payment(16, pay - BROKERAGE_BASE_MINOR + (hysaFull ? HYSA_TRANSFER_MINOR : 0));
    if (brokerage) m.brokerageTransfers.push({ ...brokerage, bonus: false });
    if (index === BONUS_MONTH) {
      const bonus = payment(20, BONUS_MINOR);
      if (bonus) m.brokerageTransfers.push({ ...bonus, bonus: true });
    }
    if (isCarInsuranceMonth(index, lastIndex)) {
      const premium = payment(CAR_INSURANCE.dayOfMonth, index >= CAR_INSURANCE.newFromMonth ? CAR_INSURANCE.newMinor : CAR_INSURANCE.oldMinor);
      if (premium) m.carInsurance = premium;
    }
    // Interest on the month's last day, on the balance after the month's deposit.
    const interestDay = lastDayOf(month);
    if (interestDay <= today) {
      const interest = monthlyInterest(hysa, hysaRateBasisPoints(index));
      m.hysaInterest = { day: interestDay, amountMinor: interest };
      hysa += interest;
    }
    m.hysaClosingMinor = hysa;
    m.carLoanClosingMinor = car;
    m.studentLoanClosingMinor = student;
    out.push(m);
  });
  return out;
}

/** The next car insurance premium after today: its day (the 12th, three months after today's month) and amount. */
export function nextCarInsurance(ctx: Pick<DemoContext, 'months' | 'today'>): Payment {
  const last = ctx.months[ctx.months.length - 1]!;
  const index = last.year * 12 + last.month - 1 + 3;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { day: weekdayOnOrAfter(isoDay(year, month, CAR_INSURANCE.dayOfMonth)), amountMinor: CAR_INSURANCE.newMinor };
}
