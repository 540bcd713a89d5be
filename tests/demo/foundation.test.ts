/**
 * The demo household's Foundation part (utils/demo/foundation.ts and its
 * helpers foundation-household.ts, foundation-market.ts,
 * foundation-brokerage.ts): the merged demo restores as a backup; the part
 * is deterministic; the money plan's figures check by hand; and what a
 * visitor sees, through the real code — the backup restored into a
 * database, loadPortfolio, the portfolio engine's report and the plan:
 * the brokerage's snapshots equal its valuation to the cent, bonds drift
 * out of their band, the VWO lot bought near its peak is a harvestable
 * loss, the VEA sale is a long-term loss, and the coach's Foundation gates
 * are met.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBackup } from '@/utils/backup/format';
import { serializeBackup } from '@/utils/backup/serialize';
import { restoreBackup } from '@/utils/db/backup-io';
import type { StrataDB } from '@/utils/db/database';
import { loadPlanInput } from '@/utils/db/plan-input';
import { loadPortfolio } from '@/utils/db/portfolio';
import { computePlan } from '@/utils/analytics/plan';
import { noonOf } from '@/utils/demo/calendar';
import { foundationPart } from '@/utils/demo/foundation';
import { OPENING_CASH_MINOR } from '@/utils/demo/foundation-brokerage';
import { CAR_LOAN, householdSchedule, monthlyInterest, STUDENT_LOAN } from '@/utils/demo/foundation-household';
import { DEMO_IDS, DEMO_SEED, demoBackupText, demoContext, generateDemo } from '@/utils/demo/index';
import { parseDay, dayOfTimestamp } from '@/utils/portfolio/dates';
import { buildLedger } from '@/utils/portfolio/ledger';
import { mulDivRound, parseQty, valueOf } from '@/utils/portfolio/quantity';
import { portfolioReport } from '@/utils/portfolio/report';
import type { Portfolio, PortfolioReport } from '@/utils/portfolio/types';
import { freshDb } from '../fixtures/db/records';

const TODAY = '2026-11-24';
const AS_OF = noonOf(TODAY);
const OTHER_TODAY = '2027-02-28';
/** Restoring and replaying take a moment on a slow machine: no test here is about speed. */
const SLOW = 120_000;

const part = (seed = DEMO_SEED, asOf = AS_OF) => foundationPart(demoContext({ seed, asOf }, 'foundation'));

describe('the merged demo as a backup', () => {
  it.each([TODAY, OTHER_TODAY])('passes parseBackup as of %s', (today) => {
    const { tables } = generateDemo({ seed: DEMO_SEED, asOf: noonOf(today) });
    const parsed = parseBackup(serializeBackup(tables, `${today}T12:00:00.000Z`));
    expect(parsed.ok ? 'ok' : parsed.error).toBe('ok');
  });

  it('keeps the demo rules: ids, provenance, noon instants, nothing after today but the cash needs', () => {
    const tables = part();
    const rows = Object.entries(tables).flatMap(([table, records]) => (records as Record<string, unknown>[]).map((r) => ({ table, r })));
    expect(rows.length).toBeGreaterThan(500);
    expect(rows.length).toBeLessThan(1500);
    const end = noonOf(TODAY);
    for (const { table, r } of rows) {
      if ('id' in r) {
        expect(String(r.id)).toMatch(/^demo-/);
        expect(String(r.id).length).toBeLessThanOrEqual(64);
      }
      const provenance = r.provenance as { description: string } | undefined;
      if (provenance) expect(provenance.description).toBe('Demo household (sample data)');
      for (const field of ['at', 'acquiredAt', 'startedAt', 'createdAt']) {
        const at = r[field] as number | undefined;
        if (at === undefined) continue;
        expect(at % 86_400_000, `${table} ${String(r.id)} ${field}`).toBe(43_200_000);
        expect(at, `${table} ${String(r.id)} ${field}`).toBeLessThanOrEqual(end);
      }
      if (typeof r.date === 'string') expect(r.date <= TODAY, `${table} ${String(r.id)}`).toBe(true);
    }
    for (const need of tables.cashNeeds!) expect(need.dueAt).toBeGreaterThan(end);
  });
});

describe('determinism', () => {
  it('gives the same bytes for the same seed and day, other prices for another seed', () => {
    expect(demoBackupText({ seed: DEMO_SEED, asOf: AS_OF })).toBe(demoBackupText({ seed: DEMO_SEED, asOf: AS_OF }));
    const a = part(DEMO_SEED);
    const b = part(DEMO_SEED + 1);
    expect(a.prices!.map((p) => p.price.minor)).not.toEqual(b.prices!.map((p) => p.price.minor));
    expect(a.balanceSnapshots!.find((s) => s.id === `demo-bal-brokerage-2026-11`)!.amount.minor).not.toBe(
      b.balanceSnapshots!.find((s) => s.id === `demo-bal-brokerage-2026-11`)!.amount.minor,
    );
    // The money plan has no randomness: the HYSA and the debts are the same for every seed.
    expect(a.balanceSnapshots!.filter((s) => s.accountId === DEMO_IDS.hysa)).toEqual(b.balanceSnapshots!.filter((s) => s.accountId === DEMO_IDS.hysa));
    expect(a.debts).toEqual(b.debts);
  });
});

describe('the money plan, by hand', () => {
  const tables = part();
  const schedule = householdSchedule(demoContext({ seed: DEMO_SEED, asOf: AS_OF }, 'foundation'));

  it('pays $9,400 a month this year, $8,500 three calendar years back, and invests the rest', () => {
    const october = schedule.find((m) => m.month.key === '2026-10')!;
    // Per cheque: 30 % of $9,400 less 53 cents = $2,819.47; the other earner $4,700 − $2,819.47 = $1,880.53; twice a month.
    expect(october.paychecks.map((p) => p.amountMinor)).toEqual([281_947, 188_053, 281_947, 188_053]);
    // HYSA full by then: the brokerage gets $9,400 − $7,400 + $700 = $2,700.
    expect(october.brokerageTransfers.map((t) => t.amountMinor)).toEqual([270_000]);
    expect(october.hysaTransfer).toBeUndefined();
    const december2023 = schedule.find((m) => m.month.key === '2023-12')!;
    // 2023: $9,400 − 3 × $300 = $8,500 a month; the brokerage $8,500 − $7,400 = $1,100 while the HYSA still fills ($700).
    expect(december2023.paychecks.reduce((sum, p) => sum + p.amountMinor, 0)).toBe(850_000);
    expect(december2023.brokerageTransfers.map((t) => t.amountMinor)).toEqual([110_000]);
    expect(december2023.hysaTransfer?.amountMinor).toBe(70_000);
  });

  it('grows the HYSA by its transfers and interest, month by month', () => {
    const snapshots = tables.balanceSnapshots!.filter((s) => s.accountId === DEMO_IDS.hysa);
    const interest = new Map(tables.incomeEvents!.filter((e) => e.streamId === DEMO_IDS.interestStream).map((e) => [e.id.slice(-7), e.amount.minor]));
    // November 2023: $22,000 + the $700 transfer = $22,700; interest $22,700 × 4.35 % / 12 = $82.2875 → $82.29; $22,782.29.
    expect(snapshots[0]!.amount.minor).toBe(2_278_229);
    expect(interest.get('2023-11')).toBe(8_229);
    for (let i = 1; i < snapshots.length; i++) {
      const key = snapshots[i]!.id.slice(-7);
      const m = schedule.find((s) => s.month.key === key)!;
      const change = (m.hysaTransfer?.amountMinor ?? 0) + (interest.get(key) ?? 0);
      expect(snapshots[i]!.amount.minor - snapshots[i - 1]!.amount.minor, key).toBe(change);
    }
    // The emergency fund is full today: at least six months of $6,100.
    expect(snapshots.at(-1)!.amount.minor).toBeGreaterThanOrEqual(3_660_000);
  });

  it('amortizes the loans: interest on the balance, then the payment', () => {
    const first = schedule[0]!;
    // Car: $19,800.00 × 3.90 % / 12 = $64.35; less $450 → $19,414.35.
    expect(monthlyInterest(CAR_LOAN.startMinor, CAR_LOAN.aprBasisPoints)).toBe(6_435);
    expect(first.carLoanClosingMinor).toBe(1_941_435);
    // Student: $14,600.00 × 4.53 % / 12 = $55.115 → $55.12 (half to even of 5,511.5 cents); less $210 → $14,445.12.
    expect(first.studentLoanClosingMinor).toBe(1_444_512);
    let car = CAR_LOAN.startMinor;
    let student = STUDENT_LOAN.startMinor;
    for (const m of schedule) {
      if (m.carLoan) car += monthlyInterest(car, CAR_LOAN.aprBasisPoints) - m.carLoan.amountMinor;
      if (m.studentLoan) student += monthlyInterest(student, STUDENT_LOAN.aprBasisPoints) - m.studentLoan.amountMinor;
    }
    const debts = Object.fromEntries(tables.debts!.map((d) => [d.id, d]));
    expect(debts['demo-debt-car-loan']!.balance.minor).toBe(car);
    expect(debts['demo-debt-student-loan']!.balance.minor).toBe(student);
    expect(car).toBeGreaterThan(0);
    // Low rates only: no debt at or above the plan's 8 % high-interest line.
    for (const d of tables.debts!) expect(d.aprBasisPoints).toBeLessThan(800);
  });
});

describe.each([TODAY, OTHER_TODAY])('what the Portfolio section shows, as of %s', (today) => {
  let db: StrataDB;
  let portfolio: Portfolio;
  let report: PortfolioReport;
  const { tables } = generateDemo({ seed: DEMO_SEED, asOf: noonOf(today) });
  const brokerage = tables.balanceSnapshots!.filter((s) => s.accountId === DEMO_IDS.brokerage);

  beforeAll(async () => {
    db = freshDb();
    await restoreBackup(db, demoBackupText({ seed: DEMO_SEED, asOf: noonOf(today) }));
    ({ portfolio } = await loadPortfolio(db));
    report = portfolioReport(portfolio, parseDay(today)!);
  }, SLOW);
  afterAll(async () => {
    await db.delete();
  });

  it('values the brokerage today at its latest snapshot, to the cent', () => {
    const lots = report.open.filter((l) => l.account === DEMO_IDS.brokerage);
    const invested = lots.reduce((sum, l) => sum + valueOf(l.quantity, portfolio.prices[l.symbol]!.priceMinor), 0);
    const cash = portfolio.cash[DEMO_IDS.brokerage]!;
    const latest = brokerage.at(-1)!;
    expect(latest.at).toBe(noonOf(today));
    expect(invested + cash).toBe(latest.amount.minor);
    // Only the brokerage holds lots and cash: the drift's total is the same figure.
    expect(report.drift.totalMinor).toBe(latest.amount.minor);
    expect(report.drift.unpriced).toEqual([]);
  });

  it('values every month-end snapshot as the ledger up to that day at that day\'s closes, plus the cash the records leave', () => {
    const vanguardTransfers = tables.transactions!.filter((t) => t.accountId === DEMO_IDS.checking && t.description.startsWith('VANGUARD'));
    const dividends = tables.incomeEvents!.filter((e) => e.streamId === DEMO_IDS.dividendStream);
    for (const snapshot of brokerage.slice(0, -1)) {
      const day = new Date(snapshot.at).toISOString().slice(0, 10);
      const dayNumber = parseDay(day)!;
      const closes = tables.prices!.filter((p) => p.date === day);
      expect(closes.length, day).toBe(5);
      const prices = Object.fromEntries(closes.map((p) => [p.symbol, { priceMinor: p.price.minor }]));
      const trades = portfolio.trades.filter((t) => t.date <= dayNumber);
      const ledger = buildLedger({ ...portfolio, trades, prices });
      const invested = ledger.open.reduce((sum, l) => sum + valueOf(l.quantity, prices[l.symbol]!.priceMinor), 0);
      // Cash: the opening $312.45, + transfers from checking, + dividends, − buys, + sales.
      const cash =
        OPENING_CASH_MINOR +
        vanguardTransfers.filter((t) => t.at <= snapshot.at).reduce((sum, t) => sum - t.amount.minor, 0) +
        dividends.filter((e) => e.at <= snapshot.at).reduce((sum, e) => sum + e.amount.minor, 0) +
        trades.reduce((sum, t) => sum + (t.side === 'sell' ? 1 : -1) * valueOf(t.quantity, t.priceMinor), 0);
      expect(cash, day).toBeGreaterThanOrEqual(0);
      expect(invested + cash, day).toBe(snapshot.amount.minor);
    }
  });

  it('shows bonds outside their band and the other classes inside', () => {
    const bonds = report.drift.classes.find((c) => c.assetClass === 'us-bonds')!;
    // Band: min(5 points, 25 % of the 10 % target) = 2.5 points; bonds have not been bought for a year and a half.
    expect(bonds.bandBasisPoints).toBe(250);
    expect(bonds.driftBasisPoints).toBe(bonds.shareBasisPoints - 1000);
    expect(bonds.driftBasisPoints).toBeLessThan(-250);
    expect(report.drift.outside).toEqual(['us-bonds']);
    // The rebalance plan buys bonds.
    expect(report.rebalance.trades.some((t) => t.side === 'buy' && t.symbol === 'BND')).toBe(true);
  });

  it('offers the VWO lot bought near its peak as the one harvestable loss', () => {
    const harvestable = report.harvest.candidates.filter((c) => c.harvestable);
    expect(harvestable.map((c) => c.symbol)).toEqual(['VWO']);
    const vwo = harvestable[0]!;
    const buy = portfolio.trades.find((t) => t.symbol === 'VWO')!;
    // The $7,500 bonus bought it: basis = its shares × that day's price, at most $7,500.
    expect(vwo.basisMinor).toBe(valueOf(buy.quantity, buy.priceMinor));
    expect(vwo.basisMinor).toBeLessThanOrEqual(750_000);
    expect(vwo.acquired).toBe(buy.date);
    expect(vwo.lossMinor).toBe(vwo.basisMinor - valueOf(vwo.quantity, portfolio.prices.VWO!.priceMinor));
    expect(vwo.lossMinor).toBeGreaterThanOrEqual(100_000);
    // Held about fourteen months: long term, 15 % of the loss saved.
    expect(vwo.term).toBe('long');
    expect(vwo.taxSavedMinor).toBe(mulDivRound(vwo.lossMinor, 1500, 10_000));
    expect(vwo.blockedBy).toBeNull();
    // Every other lot at a loss is a small one.
    for (const c of report.harvest.candidates.filter((x) => !x.harvestable)) expect(c.verdict).toBe('below-threshold');
  });

  it('shows the VEA sale as a long-term loss, with no wash sale', () => {
    expect(report.realized).toHaveLength(1);
    const sale = portfolio.trades.find((t) => t.side === 'sell')!;
    expect(sale.symbol).toBe('VEA');
    // 220 shares bought at $52.30 = $11,506.00; sold at that day's close.
    const proceeds = valueOf(sale.quantity, sale.priceMinor);
    expect(sale.quantity).toBe(parseQty('220'));
    expect(report.realized[0]).toEqual({ year: Number(new Date(sale.date * 86_400_000).toISOString().slice(0, 4)), shortTermMinor: 0, longTermMinor: proceeds - 1_150_600, disallowedMinor: 0, proceedsMinor: proceeds });
    expect(proceeds).toBeLessThan(1_150_600);
  });

  it('pays dividends as shares held × the per-share amount, and counts them per year', () => {
    const dividends = tables.incomeEvents!.filter((e) => e.streamId === DEMO_IDS.dividendStream);
    for (const event of dividends) {
      const [, symbol, held, perShare] = /^DIVIDEND RECEIVED (\w+) ([\d.]+) SH @ \$([\d.]+)$/.exec(event.provenance.rawText!)!;
      const day = dayOfTimestamp(event.at);
      const ledger = buildLedger({ ...portfolio, trades: portfolio.trades.filter((t) => t.date < day) });
      const shares = ledger.open.filter((l) => l.symbol === symbol).reduce((sum, l) => sum + l.quantity, 0);
      expect(parseQty(held!), event.id).toBe(shares);
      // Shares × $/share, to the cent: per share in ten-thousandths of a dollar.
      expect(event.amount.minor, event.id).toBe(mulDivRound(shares, Math.round(Number(perShare) * 10_000), 100_000_000));
    }
    const total = report.incomeByYear.reduce((sum, y) => sum + y.dividendsMinor, 0);
    expect(total).toBe(dividends.reduce((sum, e) => sum + e.amount.minor, 0));
  });

  it('meets the coach\'s Foundation gates: expenses set, emergency fund full, no high-interest debt, contributions running', async () => {
    const plan = computePlan(await loadPlanInput(db, noonOf(today) + 3_600_000, 0), { paths: 0 });
    const status = Object.fromEntries(plan.coach.actions.map((a) => [a.rule, a.status]));
    expect(status).toMatchObject({ 'set-expenses': 'ok', 'emergency-fund': 'ok', 'high-interest-debt': 'ok', 'foundation-start': 'ok' });
  }, SLOW);
});
