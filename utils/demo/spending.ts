/**
 * The demo household's spending part: the credit card account, three years
 * of bank and card transactions (negative = money out), the checking and
 * card balance snapshots those transactions add up to, and the marks the
 * person left on the Leaks page.
 *
 * Checking (Chase): the pay cheques, rent, the loans, PG&E, the transfers
 * to the HYSA, the Roth IRA and the brokerage — all from the shared money
 * plan (foundation-household.ts), so they match the Foundation accounts to
 * the cent — and the card's autopay on the 22nd, which pays the card's
 * previous calendar month in full.
 * Card (Chase Sapphire): groceries, eating out, fuel, shopping, trips, the
 * car insurance every six months, bills and subscriptions, among them the
 * leaks utils/analytics/leaks.ts is meant to find: the forgotten gym
 * (marked unused), Netflix's price rise ($15.49 → $17.99), two music
 * services at once (Spotify and YouTube Premium), the yearly 1Password
 * renewal and Hulu, cancelled thirteen months ago.
 *
 * Like an import: `merchant` is normalizeMerchant's name of the line and the
 * issuer's category is kept in provenance.label; the person's own category
 * is on the first charge of each merchant only (the classifier learns the
 * rest). Leak marks: "unused" on the gym; "not a subscription" on rent, the
 * loans and the transfers, which repeat but are no leaks.
 *
 * Discretionary spending (eating out, shopping, trips…) grows or shrinks a
 * little with the checking balance at the start of the month, as a real
 * household's does, so the balance stays near $8,000 at the month's turn instead of wandering.
 * Snapshot = the opening balance plus every transaction up to its day.
 */
import type { Random } from '@/utils/analytics/random';
import { normalizeMerchant } from '@/utils/analytics/merchants';
import type { BackupTables } from '@/utils/backup/format';
import { addDays, isoDay, noonOf } from './calendar';
import {
  bankDay,
  CHECKING_OPENING_MINOR,
  householdSchedule,
  statementDay,
} from './foundation-household';
import {
  CARD_LINES,
  CHECKING_LINES,
  DISCRETIONARY_SHOPS,
  ESSENTIAL_SHOPS,
  INSURANCE,
  SUBSCRIPTIONS,
  TRIP_CHANCE,
  TRIP_SHOPS,
  UTILITY_AVERAGE_MINOR,
  UTILITY_SEASON,
  type MerchantCategory,
  type Shop,
} from './spending-merchants';
import { DEMO_IDS, type DemoContext, type DemoMonth, type DemoTables } from './types';
import { DEMO_PROVENANCE } from './records';

const PROVENANCE = DEMO_PROVENANCE;

/** What the card owed the day before the history starts (paid by the first autopay). */
export const CARD_OPENING_MINOR = -284_117;
/** The checking balance the household's discretionary spending leans towards. */
const CHECKING_COMFORT_MINOR = 800_000;
/** The card statement is the calendar month; autopay takes it from checking on this day of the next month. */
export const CARD_AUTOPAY_DAY = 22;

interface Line {
  account: 'checking' | 'card';
  day: string;
  minor: number;
  description: string;
  category?: MerchantCategory;
}

export function spendingPart(ctx: DemoContext): DemoTables {
  const { random, today } = ctx;
  const schedule = householdSchedule(ctx);
  const last = ctx.months.length - 1;
  const lines: Line[] = [];
  let checking = CHECKING_OPENING_MINOR;
  let cardOwed = -CARD_OPENING_MINOR;

  for (const m of schedule) {
    const { month, index } = m;
    const monthLines: Line[] = [];
    const checkingLine = (day: string | undefined, minor: number, description: string) => {
      if (day !== undefined && day <= today) monthLines.push({ account: 'checking', day, minor, description });
    };
    const cardLine = (day: string | undefined, minor: number, description: string, category?: MerchantCategory) => {
      if (day !== undefined && day <= today) monthLines.push({ account: 'card', day, minor, description, ...(category ? { category } : {}) });
    };

    // ---- checking: the money plan
    for (const p of m.paychecks) checkingLine(p.day, p.amountMinor, p.earner === 'a' ? CHECKING_LINES.payA : CHECKING_LINES.payB);
    if (m.rent) checkingLine(m.rent.day, -m.rent.amountMinor, CHECKING_LINES.rent);
    if (m.carLoan) checkingLine(m.carLoan.day, -m.carLoan.amountMinor, CHECKING_LINES.carLoan);
    if (m.studentLoan) checkingLine(m.studentLoan.day, -m.studentLoan.amountMinor, CHECKING_LINES.studentLoan);
    if (m.hysaTransfer) checkingLine(m.hysaTransfer.day, -m.hysaTransfer.amountMinor, CHECKING_LINES.hysa);
    if (m.rothTransfer) checkingLine(m.rothTransfer.day, -m.rothTransfer.amountMinor, CHECKING_LINES.roth);
    for (const t of m.brokerageTransfers) checkingLine(t.day, -t.amountMinor, CHECKING_LINES.brokerage);
    const utility = Math.round(UTILITY_AVERAGE_MINOR * UTILITY_SEASON[month.month - 1]! * (0.9 + 0.2 * random.uniform()));
    checkingLine(bankDay(month, 21, today), -utility, CHECKING_LINES.utility);
    // The autopay: last month's card charges in full (the first month: what was owed before).
    const autopay = bankDay(month, CARD_AUTOPAY_DAY, today);
    if (autopay !== undefined && cardOwed > 0) {
      checkingLine(autopay, -cardOwed, CHECKING_LINES.cardPayment);
      cardLine(autopay, cardOwed, CARD_LINES.payment);
    }

    // ---- card: bills, subscriptions, the car insurance
    for (const s of SUBSCRIPTIONS) {
      const amount = s.amountIn(index, last);
      if (amount !== undefined) cardLine(dayIn(month, s.dayOfMonth, today), -amount, s.line(random), s.category);
    }
    if (m.carInsurance) cardLine(m.carInsurance.day, -m.carInsurance.amountMinor, CARD_LINES.carInsurance, INSURANCE);

    // ---- card: everyday spending, the discretionary part leaning towards the comfortable balance
    const lean = Math.min(1.6, Math.max(0.55, 1 + (checking - CHECKING_COMFORT_MINOR) / 600_000));
    const visit = (shop: Shop) => {
      const day = isoDay(month.year, month.month, 1 + Math.floor(random.uniform() * month.days));
      const minor = Math.round(shop.lowMinor + random.uniform() * (shop.highMinor - shop.lowMinor));
      const line = shop.line(random);
      cardLine(day, -minor, line, shop.category);
    };
    for (const [shop, perMonth] of ESSENTIAL_SHOPS) for (let k = visitCount(random, perMonth); k > 0; k--) visit(shop);
    for (const [shop, perMonth] of DISCRETIONARY_SHOPS) for (let k = visitCount(random, perMonth * lean); k > 0; k--) visit(shop);
    if (random.uniform() < TRIP_CHANCE * lean) {
      const departure = isoDay(month.year, month.month, 1 + Math.floor(random.uniform() * Math.min(20, month.days)));
      for (const shop of TRIP_SHOPS) {
        const minor = Math.round(shop.lowMinor + random.uniform() * (shop.highMinor - shop.lowMinor));
        cardLine(departure, -minor, shop.line(random), shop.category);
      }
    }

    // Carry the balances into the next month: the card's charges this month are next month's autopay.
    const charges = monthLines.filter((l) => l.account === 'card' && l.minor < 0).reduce((sum, l) => sum + -l.minor, 0);
    cardOwed = autopay !== undefined ? charges : cardOwed + charges;
    checking += monthLines.filter((l) => l.account === 'checking').reduce((sum, l) => sum + l.minor, 0);
    lines.push(...monthLines);
  }

  return {
    accounts: [
      {
        id: DEMO_IDS.card,
        institution: 'Chase',
        name: 'Sapphire Preferred card',
        kind: 'cash',
        layer: 'foundation',
        currency: ctx.currency,
        taxType: 'none',
        createdAt: noonOf(ctx.firstDay),
        notes: 'Paid in full by autopay from checking on the 22nd.',
      },
    ],
    transactions: transactionsOf(lines, ctx),
    balanceSnapshots: snapshotsOf(lines, ctx),
    leakMarks: leakMarksOf(ctx),
  };
}

/** A day of the month, clamped to its length; undefined after today. */
function dayIn(month: DemoMonth, day: number, today: string): string | undefined {
  const iso = isoDay(month.year, month.month, Math.min(day, month.days));
  return iso <= today ? iso : undefined;
}

/** Visits this month to a shop visited `perMonth` times on average: the whole part, and the fraction by chance. */
function visitCount(random: Random, perMonth: number): number {
  return Math.floor(perMonth * (0.8 + 0.4 * random.uniform()) + random.uniform());
}

/** The transactions in date order (within a day, as generated), with ids by account and day. */
function transactionsOf(lines: readonly Line[], ctx: DemoContext): BackupTables['transactions'] {
  const sorted = lines.map((line, order) => ({ line, order })).sort((a, b) => (a.line.day < b.line.day ? -1 : a.line.day > b.line.day ? 1 : a.order - b.order));
  const perDay = new Map<string, number>();
  const labelled = new Set<string>();
  return sorted.map(({ line }) => {
    const accountId = line.account === 'checking' ? DEMO_IDS.checking : DEMO_IDS.card;
    const dayKey = `${line.account}-${line.day}`;
    const n = (perDay.get(dayKey) ?? 0) + 1;
    perDay.set(dayKey, n);
    const merchant = normalizeMerchant(line.description);
    const tx: BackupTables['transactions'][number] = {
      id: `demo-tx-${dayKey}-${String(n).padStart(2, '0')}`,
      accountId,
      at: noonOf(line.day),
      amount: { minor: line.minor, currency: ctx.currency },
      description: line.description,
      merchant: merchant.name,
      source: 'import',
      provenance: line.category ? { ...PROVENANCE, label: `Bank category: ${line.category.bank}` } : PROVENANCE,
    };
    // The person labelled the first charge of each merchant; the classifier does the rest.
    if (line.category && line.minor < 0 && !labelled.has(merchant.key)) {
      labelled.add(merchant.key);
      tx.category = line.category.person;
    }
    return tx;
  });
}

/** Checking and card: a snapshot at every month's statement day (today for this month), opening balance plus the transactions so far. */
function snapshotsOf(lines: readonly Line[], ctx: DemoContext): BackupTables['balanceSnapshots'] {
  const out: BackupTables['balanceSnapshots'] = [];
  for (const [account, id, opening] of [
    ['checking', DEMO_IDS.checking, CHECKING_OPENING_MINOR],
    ['card', DEMO_IDS.card, CARD_OPENING_MINOR],
  ] as const) {
    for (const month of ctx.months) {
      const day = statementDay(month, ctx.today);
      const balance = lines.filter((l) => l.account === account && l.day <= day).reduce<number>((sum, l) => sum + l.minor, opening);
      out.push({
        id: `demo-bal-${account}-${month.key}`,
        accountId: id,
        at: noonOf(day),
        amount: { minor: balance, currency: ctx.currency },
        source: 'import',
        provenance: PROVENANCE,
      });
    }
  }
  return out;
}

/** The person's marks on the Leaks page: the gym is unused; rent, loans and transfers are not subscriptions. */
function leakMarksOf(ctx: DemoContext): BackupTables['leakMarks'] {
  const key = (line: string) => normalizeMerchant(normalizeMerchant(line).name).key;
  const setUp = noonOf(isoDay(ctx.months[2]!.year, ctx.months[2]!.month, 6));
  const ignored = [CHECKING_LINES.rent, CHECKING_LINES.carLoan, CHECKING_LINES.studentLoan, CHECKING_LINES.hysa, CHECKING_LINES.roth, CHECKING_LINES.brokerage];
  return [
    ...ignored.map((line) => ({ id: key(line), mark: 'ignored' as const, createdAt: setUp })),
    { id: key('PLANET FITNESS #1187 OAKLAND CA'), mark: 'unused' as const, createdAt: noonOf(addDays(ctx.today, -6)) },
  ];
}
