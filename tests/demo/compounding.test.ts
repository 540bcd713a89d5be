/**
 * The demo household's Compounding part (utils/demo/compounding*.ts): the
 * Nudgebill micro-SaaS — customers arriving and churning on three tiers,
 * MRR and paid subscriptions as metric snapshots, the month's charges as
 * income, hosting, tools and Stripe's fees as costs, the business account's
 * balance. Checked through the plan's own code (computePlan,
 * monthlyStreamSeries) and one month worked out by hand. Figures are for
 * DEMO_SEED as of 2026-11-24; amounts are US cents.
 */
import { describe, expect, it } from 'vitest';
import { parseBackup } from '@/utils/backup/format';
import { serializeBackup } from '@/utils/backup/serialize';
import { monthlyStreamSeries, monthsEnding } from '@/utils/analytics/streams';
import { Random } from '@/utils/analytics/random';
import { noonOf } from '@/utils/demo/calendar';
import { compoundingPart, SAAS_START_MONTHS_AGO, SAAS_BUILD_MONTHS } from '@/utils/demo/compounding';
import { customersOf, saasMonths, stripeFeeCents } from '@/utils/demo/compounding-customers';
import { DEMO_IDS, DEMO_SEED, demoBackupText, demoContext, generateDemo } from '@/utils/demo/index';
import type { DemoTables } from '@/utils/demo/types';
import { planOf } from './plan-of';

const AS_OF = noonOf('2026-11-24');
/** A Sunday, the 1st of a month. */
const OTHER_AS_OF = noonOf('2026-03-01');
const SAAS = DEMO_IDS.saasStream;

const part = (seed = DEMO_SEED, asOf = AS_OF) => compoundingPart(demoContext({ seed, asOf }, 'compounding'));
const tables = part();

/** The customer model the part is written from, with the same seed. */
function model(seed = DEMO_SEED, asOf = AS_OF) {
  const ctx = demoContext({ seed, asOf }, 'compounding');
  const random = new Random(ctx.random.nextUint32());
  const launch = ctx.months[ctx.months.length - 1 - SAAS_START_MONTHS_AGO + SAAS_BUILD_MONTHS]!;
  return saasMonths(ctx.months, launch, ctx.today, random);
}


const metric = (name: string, month: string) => tables.metricSnapshots!.find((m) => m.id === `demo-metric-saas-${name}-${month}`)!;

describe('the backup', () => {
  it('the whole demo, with this part in it, is a valid Strata backup on two days', () => {
    for (const asOf of [AS_OF, OTHER_AS_OF]) {
      const parsed = parseBackup(demoBackupText({ seed: DEMO_SEED, asOf }));
      expect(parsed.ok ? 'ok' : parsed.error).toBe('ok');
    }
  });

  it('the part on its own is a valid backup too, every id "demo-…", nothing after today', () => {
    for (const asOf of [AS_OF, OTHER_AS_OF]) {
      const t = part(DEMO_SEED, asOf);
      const parsed = parseBackup(serializeBackup(t, new Date(asOf).toISOString()));
      expect(parsed.ok ? 'ok' : parsed.error).toBe('ok');
      const rows = [...t.accounts!, ...t.balanceSnapshots!, ...t.streams!, ...t.incomeEvents!, ...t.streamCosts!, ...t.metricSnapshots!];
      expect(rows.every((r) => r.id.startsWith('demo-') && r.id.length <= 64)).toBe(true);
      expect([...t.balanceSnapshots!, ...t.incomeEvents!, ...t.metricSnapshots!].every((r) => r.at <= asOf)).toBe(true);
      expect(t.streamCosts!.every((c) => c.startsAt <= asOf)).toBe(true);
    }
  });

  it('is deterministic: same seed, same text; another seed, other customers', () => {
    const text = () => serializeBackup(part(), '2026-11-24T12:00:00.000Z');
    expect(text()).toBe(text());
    const mrr = (t: DemoTables) => t.metricSnapshots!.filter((m) => m.kind === 'mrr').map((m) => m.amount!.minor);
    expect(mrr(part(DEMO_SEED + 1))).not.toEqual(mrr(tables));
  });
});

describe('customers, MRR and churn', () => {
  it('one month by hand: October 2026', () => {
    const october = model().find((m) => m.month.key === '2026-10')!;
    // Starter / Pro / Team at the start, cancelled, signed up, at the end:
    expect([october.start, october.churned, october.new, october.end]).toEqual([
      [38, 34, 9],
      [1, 3, 0],
      [8, 5, 0],
      // 38 + 8 − 1 = 45; 34 + 5 − 3 = 36; 9 + 0 − 0 = 9
      [45, 36, 9],
    ]);
    // MRR at the end: 45 × 19 + 36 × 49 + 9 × 99 = 855 + 1,764 + 891 = $3,510.
    expect(metric('mrr', '2026-10').amount).toEqual({ minor: 351_000, currency: 'USD' });
    expect(metric('paid-subscriptions', '2026-10').count).toBe(45 + 36 + 9);
    // Charged: everyone at the start renewed on the 1st, the new paid on signing up:
    // (38 + 8) × 19 + (34 + 5) × 49 + 9 × 99 = 874 + 1,911 + 891 = $3,676.
    expect(october.grossCents).toBe(367_600);
    // Stripe: 46 × 85 ¢ + 39 × $1.72 + 9 × $3.17 = 3,910 + 6,708 + 2,853 = 13,471.
    expect([stripeFeeCents(1_900), stripeFeeCents(4_900), stripeFeeCents(9_900)]).toEqual([85, 172, 317]);
    expect(october.stripeFeesCents).toBe(13_471);
    // November starts where October ended.
    expect(model().find((m) => m.month.key === '2026-11')!.start).toEqual([45, 36, 9]);
  });

  it('churns about 3.5 % of the customers a month', () => {
    const complete = model().filter((m) => !m.month.current);
    const churned = complete.reduce((sum, m) => sum + customersOf(m.churned), 0);
    const customerMonths = complete.reduce((sum, m) => sum + customersOf(m.start), 0);
    // 21 cancellations over 538 customer-months (the customers at the start of each complete month): 3.9 %.
    expect([churned, customerMonths]).toEqual([21, 538]);
    expect(churned / customerMonths).toBeGreaterThan(0.02);
    expect(churned / customerMonths).toBeLessThan(0.05);
    // Every month's snapshots agree with its customers.
    for (const m of model()) {
      expect(metric('mrr', m.month.key).amount!.minor).toBe(m.mrrCents);
      expect(metric('paid-subscriptions', m.month.key).count).toBe(customersOf(m.end));
    }
  });

  it('hours fall as the work is automated, to the stream’s 6 a month', () => {
    const hours = tables.metricSnapshots!.filter((m) => m.metric === 'hours-worked').map((m) => m.count);
    // 60, 55, 50 while building; 45 at launch, × 0.85 a month after, never under 6.
    expect(hours).toEqual([60, 55, 50, 45, 38, 33, 28, 23, 20, 17, 14, 12, 10, 9, 8, 6, 6, 6, 6]);
    expect(tables.streams![0]!.hoursPerMonth).toBe(6);
  });
});

describe('what the Income and Plan sections show', () => {
  const plan = planOf(generateDemo({ seed: DEMO_SEED, asOf: AS_OF }).tables, AS_OF);
  const saas = plan.streams.find((s) => s.streamId === SAAS)!;

  it('the build phase and the self-sustaining level', () => {
    // Started 2025-05-01, launched 2025-08 (three months of building): 18 and 15 months before 2026-11.
    expect(saas.buildPhase).toMatchObject({ monthsSinceStart: 18, monthsSinceFirstIncome: 15, target: 250_000, selfSustaining: true, monthsToTarget: 0 });
    // August 308,600 + September 332,800 + October 367,600 = 1,009,000 ÷ 3 = 336,333.3 → 336,333.
    expect(saas.trailing3).toBe(336_333);
    expect(plan.layers.find((l) => l.layer === 'compounding')!.status).toBe('passive');
  });

  it('costs: running costs plus the month’s Stripe fees', () => {
    const months = monthsEnding('2026-11', 19);
    const series = monthlyStreamSeries({ streams: tables.streams!, events: tables.incomeEvents!, costs: tables.streamCosts!, months, baseCurrency: 'USD', rates: {}, tzOffsetMinutes: 0 });
    const october = months.indexOf('2026-10');
    // Larger hosting 8,500 + Postgres 1,900 + email 1,500 = 11,900; + Stripe 13,471 = 25,371.
    expect(series.costs[SAAS]![october]).toBe(25_371);
    expect(series.income[SAAS]![october]).toBe(367_600);
    // May 2025, the first month: hosting 2,500 + the domain 1,200; no income yet.
    expect(series.costs[SAAS]![months.indexOf('2025-05')]).toBe(3_700);
    expect(series.income[SAAS]![months.indexOf('2025-05')]).toBe(0);
  });

  it('the business account moves each month by exactly the stream’s net income; its balance is the stream’s capital', () => {
    const months = monthsEnding('2026-11', 19);
    const series = monthlyStreamSeries({ streams: tables.streams!, events: tables.incomeEvents!, costs: tables.streamCosts!, months, baseCurrency: 'USD', rates: {}, tzOffsetMinutes: 0 });
    const balances = tables.balanceSnapshots!.map((s) => s.amount.minor);
    // The first snapshot is the owner's $1,000; then one per month from 2025-05.
    expect(balances[0]).toBe(100_000);
    months.forEach((month, i) => {
      const net = series.income[SAAS]![i]! - series.costs[SAAS]![i]!;
      expect(balances[i + 1]! - balances[i]!, month).toBe(net);
    });
    expect(saas.capital).toBe(balances.at(-1));
    expect(tables.accounts![0]).toMatchObject({ id: DEMO_IDS.business, kind: 'business', layer: 'compounding' });
  });

  it('on another day (the 1st, a Sunday) only what happened by then counts in the month in progress', () => {
    const march = model(DEMO_SEED, OTHER_AS_OF).at(-1)!;
    expect(march.month.key).toBe('2026-03');
    const other = planOf(part(DEMO_SEED, OTHER_AS_OF), OTHER_AS_OF).streams.find((s) => s.streamId === SAAS)!;
    expect(other.buildPhase).toMatchObject({ monthsSinceStart: 18, monthsSinceFirstIncome: 15 });
    // On the 1st every customer at the start has renewed: the month so far bills at least that.
    expect(other.thisMonth).toBe(march.grossCents);
    expect(march.grossCents).toBeGreaterThanOrEqual(customersOf(march.start) * 1_900);
  });
});
