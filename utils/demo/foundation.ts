/**
 * The demo household's Foundation part: the app settings, the plan settings
 * with the layer assessment's answers, two low-rate debts, two cash needs,
 * the five Foundation accounts (checking, HYSA, taxable brokerage, Roth IRA,
 * 401(k)), the dividend and interest streams with their income, and a
 * balance snapshot of every account at every month's end and today.
 *
 * Who writes what:
 * - the money plan (pay, transfers, loans, the HYSA) is foundation-household.ts,
 *   shared with spending.ts, without randomness, so both parts agree to the cent;
 * - the brokerage (trades, prices, dividends, targets, its snapshots) is
 *   foundation-brokerage.ts, on the market of foundation-market.ts;
 * - the CHECKING account's snapshots are written by spending.ts, which holds
 *   every transaction that moves it (a snapshot is the opening balance plus
 *   the transactions up to its day; this part's own Random cannot know them).
 *
 * The Roth IRA and the 401(k) are balances only: each month they grow with
 * the funds they hold (the market's month-end closes: Roth 70 % VTI, 30 %
 * VXUS; 401(k) 60 % VTI, 20 % VXUS, 20 % BND) plus contributions (Roth: the
 * $500 transfer from checking; 401(k): $825 from payroll every pay day).
 * Every record: provenance "Demo household (sample data)", at a UTC noon, on
 * or before today (cash needs' due dates excepted: they are ahead by nature).
 */
import { DEFAULT_SETTINGS } from '@/utils/db/schema';
import { defaultPlanSettings } from '@/utils/db/schema-plan';
import { dividendStreamName } from '@/utils/db/schema-portfolio';
import type { BackupTables } from '@/utils/backup/format';
import { addDays, isoDay, noonOf } from './calendar';
import { brokerageHistory } from './foundation-brokerage';
import {
  CAR_LOAN,
  EMERGENCY_MONTHS,
  EMERGENCY_TARGET_MINOR,
  householdSchedule,
  lastWeekdayOf,
  MONTHLY_EXPENSES_MINOR,
  MONTHLY_PAY_MINOR,
  nextCarInsurance,
  statementDay,
  STUDENT_LOAN,
  weekdayOnOrBefore,
  type HouseholdMonth,
} from './foundation-household';
import { MarketPath, type DemoSymbol } from './foundation-market';
import { DEMO_IDS, type DemoContext, type DemoTables } from './types';
import { DEMO_PROVENANCE } from './records';

const PROVENANCE = DEMO_PROVENANCE;

export const ACCOUNT_NAMES = {
  checking: { institution: 'Chase', name: 'Total Checking' },
  hysa: { institution: 'Ally Bank', name: 'Online Savings' },
  brokerage: { institution: 'Vanguard', name: 'Brokerage' },
  roth: { institution: 'Fidelity', name: 'Roth IRA' },
  k401: { institution: 'Empower', name: '401(k)' },
} as const;

/** The invested balances: where each stands the day before the history, and what it holds. */
const RETIREMENT = {
  roth: { openingMinor: 2_950_000, mix: { VTI: 0.7, VXUS: 0.3 } as Partial<Record<DemoSymbol, number>> },
  k401: { openingMinor: 8_600_000, mix: { VTI: 0.6, VXUS: 0.2, BND: 0.2 } as Partial<Record<DemoSymbol, number>> },
};
/** The 401(k) contribution every pay day (both earners, employer match included). */
export const K401_PER_PAYDAY_MINOR = 82_500;

export function foundationPart(ctx: DemoContext): DemoTables {
  const market = new MarketPath(ctx);
  const schedule = householdSchedule(ctx);
  const brokerage = brokerageHistory(ctx, market);
  const money = (minor: number) => ({ minor, currency: ctx.currency });
  const createdAt = noonOf(ctx.firstDay);
  const lastMonth = schedule[schedule.length - 1]!;

  const accounts: BackupTables['accounts'] = [
    { id: DEMO_IDS.checking, ...ACCOUNT_NAMES.checking, kind: 'cash', layer: 'foundation', currency: ctx.currency, taxType: 'none', createdAt },
    {
      id: DEMO_IDS.hysa,
      ...ACCOUNT_NAMES.hysa,
      kind: 'hysa',
      layer: 'foundation',
      currency: ctx.currency,
      taxType: 'taxable',
      createdAt,
      notes: 'The emergency fund: six months of expenses.',
    },
    { id: DEMO_IDS.brokerage, ...ACCOUNT_NAMES.brokerage, kind: 'brokerage', layer: 'foundation', currency: ctx.currency, taxType: 'taxable', createdAt },
    { id: DEMO_IDS.roth, ...ACCOUNT_NAMES.roth, kind: 'retirement', layer: 'foundation', currency: ctx.currency, taxType: 'tax-free', createdAt },
    { id: DEMO_IDS.k401, ...ACCOUNT_NAMES.k401, kind: 'retirement', layer: 'foundation', currency: ctx.currency, taxType: 'tax-deferred', createdAt },
  ];

  const openingDay = brokerage.taxLots.reduce((first, lot) => Math.min(first, lot.acquiredAt), createdAt);
  const streams: BackupTables['streams'] = [
    {
      id: DEMO_IDS.dividendStream,
      name: dividendStreamName(ACCOUNT_NAMES.brokerage),
      layer: 'foundation',
      accountId: DEMO_IDS.brokerage,
      startedAt: openingDay,
      hoursPerMonth: 0,
      notes: 'Cash dividends of the index funds; reinvested with the next monthly buy.',
    },
    {
      id: DEMO_IDS.interestStream,
      name: `Interest — ${ACCOUNT_NAMES.hysa.institution} ${ACCOUNT_NAMES.hysa.name}`,
      layer: 'foundation',
      accountId: DEMO_IDS.hysa,
      startedAt: createdAt,
      hoursPerMonth: 0,
    },
  ];

  // ---- the HYSA: its interest and its statements
  const interestEvents: BackupTables['incomeEvents'] = [];
  const snapshots: BackupTables['balanceSnapshots'] = [];
  for (const m of schedule) {
    if (m.hysaInterest) {
      interestEvents.push({
        id: `demo-int-hysa-${m.month.key}`,
        streamId: DEMO_IDS.interestStream,
        at: noonOf(m.hysaInterest.day),
        amount: money(m.hysaInterest.amountMinor),
        kind: 'interest',
        source: 'import',
        provenance: PROVENANCE,
      });
    }
    snapshots.push(snapshot('hysa', DEMO_IDS.hysa, m.month.key, statementDay(m.month, ctx.today), m.hysaClosingMinor, ctx));
  }

  // ---- the Roth IRA and the 401(k): grown with their funds' month-end closes, plus contributions
  for (const [slug, id, plan, contribution] of [
    ['roth', DEMO_IDS.roth, RETIREMENT.roth, (m: HouseholdMonth) => m.rothTransfer?.amountMinor ?? 0],
    ['401k', DEMO_IDS.k401, RETIREMENT.k401, (m: HouseholdMonth) => (m.paychecks.filter((p) => !p.bonus).length / 2) * K401_PER_PAYDAY_MINOR],
  ] as const) {
    let balance = plan.openingMinor;
    let previousDay = market.firstDay;
    for (const m of schedule) {
      const day = m.month.current ? ctx.today : lastWeekdayOf(m.month);
      const priceDay = weekdayOnOrBefore(day);
      let growth = 0;
      for (const [symbol, weight] of Object.entries(plan.mix) as [DemoSymbol, number][]) {
        growth += (weight * market.price(symbol, priceDay)) / market.price(symbol, previousDay);
      }
      balance = Math.round(balance * growth) + contribution(m);
      previousDay = priceDay;
      snapshots.push(snapshot(slug, id, m.month.key, day, balance, ctx));
    }
  }

  // ---- the plan: settings, the assessment's answers, debts and cash needs
  const answeredDay = addDays(ctx.today, -20);
  const answeredMonth = [...schedule].reverse().find((m) => statementDay(m.month, ctx.today) <= answeredDay) ?? schedule[0]!;
  const emergencyThen = answeredMonth.hysaClosingMinor;
  const planSettings: BackupTables['planSettings'] = [
    {
      ...defaultPlanSettings(ctx.currency),
      monthlyExpenses: money(MONTHLY_EXPENSES_MINOR),
      otherMonthlyIncome: money(MONTHLY_PAY_MINOR),
      emergencyMonths: EMERGENCY_MONTHS,
      emergencyAccountIds: [DEMO_IDS.hysa],
      foundationStarterMonthly: money(10_000),
      // The couple committed to the blog as their one Leverage play two months ago (the coach's 90-day review).
      leveragePlay: { streamId: DEMO_IDS.blogStream, committedAt: noonOf(addDays(ctx.today, -60)) },
      assessment: {
        emergencyMonths: Math.round((emergencyThen * 10) / MONTHLY_EXPENSES_MINOR) / 10,
        highInterestDebt: money(0),
        monthlySurplus: money(MONTHLY_PAY_MINOR - MONTHLY_EXPENSES_MINOR),
        investableCapital: money(Math.max(0, emergencyThen - EMERGENCY_TARGET_MINOR)),
        hoursPerWeek: 8,
        skills: ['writing', 'coding'],
        riskTolerance: 'medium',
        goals: ['retire-early', 'side-income'],
        answeredAt: noonOf(answeredDay),
      },
    },
  ];
  const debts: BackupTables['debts'] = [
    {
      id: 'demo-debt-car-loan',
      name: CAR_LOAN.name,
      balance: money(lastMonth.carLoanClosingMinor),
      aprBasisPoints: CAR_LOAN.aprBasisPoints,
      minimumMonthly: money(CAR_LOAN.paymentMinor),
      notes: 'Paid from checking on the 3rd.',
    },
    {
      id: 'demo-debt-student-loan',
      name: STUDENT_LOAN.name,
      balance: money(lastMonth.studentLoanClosingMinor),
      aprBasisPoints: STUDENT_LOAN.aprBasisPoints,
      minimumMonthly: money(STUDENT_LOAN.paymentMinor),
      notes: 'Paid from checking on the 24th.',
    },
  ];
  const insurance = nextCarInsurance(ctx);
  const tripMonth = Number(ctx.today.slice(0, 4)) * 12 + Number(ctx.today.slice(5, 7)) - 1 + 7;
  const cashNeeds: BackupTables['cashNeeds'] = [
    {
      id: 'demo-need-car-insurance',
      name: 'Car insurance (GEICO, six months)',
      amount: money(insurance.amountMinor),
      dueAt: noonOf(insurance.day),
      setAside: money(insurance.amountMinor / 2),
      notes: 'Charged to the card every six months.',
    },
    {
      id: 'demo-need-trip',
      name: 'Summer trip to Lisbon',
      amount: money(320_000),
      dueAt: noonOf(isoDay(Math.floor(tripMonth / 12), (tripMonth % 12) + 1, 15)),
      setAside: money(80_000),
    },
  ];

  return {
    settings: [{ ...DEFAULT_SETTINGS }],
    planSettings,
    accounts,
    streams,
    debts,
    cashNeeds,
    balanceSnapshots: [...snapshots, ...brokerage.balanceSnapshots],
    incomeEvents: [...interestEvents, ...brokerage.incomeEvents],
    taxLots: brokerage.taxLots,
    trades: brokerage.trades,
    prices: brokerage.prices,
    allocationTargets: brokerage.allocationTargets,
    portfolioSettings: brokerage.portfolioSettings,
  };
}

function snapshot(slug: string, accountId: string, monthKey: string, day: string, minor: number, ctx: DemoContext): BackupTables['balanceSnapshots'][number] {
  return {
    id: `demo-bal-${slug}-${monthKey}`,
    accountId,
    at: noonOf(day),
    amount: { minor, currency: ctx.currency },
    source: 'import',
    provenance: PROVENANCE,
  };
}
