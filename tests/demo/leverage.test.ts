/**
 * The demo household's Leverage part (utils/demo/leverage*.ts): the Quiet
 * Trail blog (Amazon commission, one "This Month" figure a month) and its
 * YouTube channel (AdSense payouts and sponsorships). Checked through the
 * plan's own code (computePlan, monthlyStreamSeries, incomeForMonth): the
 * build phase, monthly income, costs, the hourly return and the trend.
 * Hand-checked figures are for DEMO_SEED as of 2026-11-24 (a Tuesday; the
 * history starts 2023-11-01); amounts are US cents.
 */
import { describe, expect, it } from 'vitest';
import { parseBackup } from '@/utils/backup/format';
import { serializeBackup } from '@/utils/backup/serialize';
import { incomeForMonth } from '@/utils/analytics/income';
import { monthlyStreamSeries, monthsEnding } from '@/utils/analytics/streams';
import { Random } from '@/utils/analytics/random';
import { noonOf } from '@/utils/demo/calendar';
import { DEMO_IDS, DEMO_SEED, demoBackupText, demoContext, generateDemo } from '@/utils/demo/index';
import { leveragePart } from '@/utils/demo/leverage';
import { blogEarnings, youtubeModel } from '@/utils/demo/leverage-earnings';
import type { DemoTables } from '@/utils/demo/types';
import { planOf } from './plan-of';

const AS_OF = noonOf('2026-11-24');
/** A Sunday, the 1st of a month. */
const OTHER_AS_OF = noonOf('2026-03-01');
const BLOG = DEMO_IDS.blogStream;
const YOUTUBE = DEMO_IDS.youtubeStream;

const part = (seed = DEMO_SEED, asOf = AS_OF) => leveragePart(demoContext({ seed, asOf }, 'leverage'));


/** The model the part is written from, with the same seeds in the same order. */
function model(seed = DEMO_SEED, asOf = AS_OF) {
  const ctx = demoContext({ seed, asOf }, 'leverage');
  const blogRandom = new Random(ctx.random.nextUint32());
  const youtubeRandom = new Random(ctx.random.nextUint32());
  return { blog: blogEarnings(ctx.months, ctx.today, blogRandom), youtube: youtubeModel(ctx.months, ctx.today, youtubeRandom) };
}

describe('the backup', () => {
  it('the whole demo, with this part in it, is a valid Strata backup on two days', () => {
    for (const asOf of [AS_OF, OTHER_AS_OF]) {
      const parsed = parseBackup(demoBackupText({ seed: DEMO_SEED, asOf }));
      expect(parsed.ok ? 'ok' : parsed.error).toBe('ok');
    }
  });

  it('the part on its own is a valid backup too, every id "demo-…", nothing after today', () => {
    for (const asOf of [AS_OF, OTHER_AS_OF]) {
      const tables = part(DEMO_SEED, asOf);
      const parsed = parseBackup(serializeBackup(tables, new Date(asOf).toISOString()));
      expect(parsed.ok ? 'ok' : parsed.error).toBe('ok');
      const rows = [...tables.streams!, ...tables.incomeEvents!, ...tables.streamCosts!];
      expect(rows.every((r) => r.id.startsWith('demo-') && r.id.length <= 64)).toBe(true);
      expect(tables.incomeEvents!.every((e) => e.at <= asOf && e.provenance.description === 'Demo household (sample data)')).toBe(true);
      expect(tables.streamCosts!.every((c) => c.startsAt <= asOf)).toBe(true);
    }
  });

  it('is deterministic: same seed, same text; another seed, other figures', () => {
    const text = () => serializeBackup(part(), '2026-11-24T12:00:00.000Z');
    expect(text()).toBe(text());
    const amounts = (t: DemoTables) => t.incomeEvents!.map((e) => e.amount.minor);
    expect(amounts(part(DEMO_SEED + 1))).not.toEqual(amounts(part()));
  });
});

describe('what the Income and Plan sections show', () => {
  const plan = planOf(generateDemo({ seed: DEMO_SEED, asOf: AS_OF }).tables, AS_OF);
  const report = (id: string) => plan.streams.find((s) => s.streamId === id)!;

  it('the build phase: months since the start and since the first income', () => {
    // Blog: started 2024-05 (30 months before 2026-11), eight months of writing, first commission 2025-01.
    expect(report(BLOG).buildPhase).toMatchObject({ monthsSinceStart: 30, monthsSinceFirstIncome: 22, target: 120_000, selfSustaining: false });
    // Channel: started 2025-03, monetized 2025-09. AdSense holds payouts under $100: September earned 6,628,
    // October 7,935 → 14,563 ≥ 10,000, paid 2025-11-21. First income 2025-11: 12 months before 2026-11.
    expect(report(YOUTUBE).buildPhase).toMatchObject({ monthsSinceStart: 20, monthsSinceFirstIncome: 12, target: 100_000, selfSustaining: false });
    const { youtube } = model();
    expect(youtube.earnings.slice(0, 2).map((e) => [e.month.key, e.fullCents])).toEqual([
      ['2025-09', 6_628],
      ['2025-10', 7_935],
    ]);
    expect(youtube.payouts[0]).toMatchObject({ day: '2025-11-21', cents: 14_563 });
  });

  it('the blog: one month figure a month, this month to date', () => {
    const blog = report(BLOG);
    // November's full figure is 132,501; on the 24th of 30 days: 132,501 × 24 / 30 = 106,000.8 → 106,001.
    expect(model().blog.at(-1)).toMatchObject({ fullCents: 132_501, toDateCents: 106_001 });
    expect(blog.thisMonth).toBe(106_001);
    // August 98,558 + September 119,271 + October 107,074 = 324,903 ÷ 3 = 108,301.
    expect(blog.trailing3).toBe(108_301);
    // Costs from 2025-11 to 2026-10: hosting 12 × 1,799 + the domain's May renewal 2,000 = 23,588; ÷ 12 = 1,965.67 → 1,966.
    expect(blog.costsMonthly).toBe(1_966);
    // Income of those 12 months: 1,138,614; net 1,138,614 − 23,588 = 1,115,026; per hour ÷ (16 h × 12) = 5,807.4 → 5,807.
    expect(blog.net12).toBe(1_115_026);
    expect(blog.perHour).toBe(5_807);
    expect(blog.capital).toBeNull();
    expect(blog.annualizedReturn).toBeNull();
    // Rising: the least-squares slope of May–October is positive, so the target is reached in a number of months.
    expect(blog.buildPhase!.trendPerMonth).toBeGreaterThan(0);
    expect(blog.buildPhase!.monthsToTarget).toBeGreaterThan(0);
  });

  it('the channel: a payout and a sponsorship in the same month both count', () => {
    const youtube = report(YOUTUBE);
    // 2026-11-21: October's 76,078 paid out; 2026-11-12: the sponsored video of month 14, 400 + 40 × 14 = $960 → $950.
    expect(youtube.thisMonth).toBe(76_078 + 95_000);
    const month = incomeForMonth(generateDemo({ seed: DEMO_SEED, asOf: AS_OF }).tables.incomeEvents!, '2026-11', 'USD', {}, 0, plan.streams.map((s) => ({ id: s.streamId, layer: s.layer })));
    expect(month.byStream[YOUTUBE]).toBe(171_078);
    expect(month.basis[YOUTUBE]).toBe('days');
    expect(month.byStream[BLOG]).toBe(106_001);
    expect(month.basis[BLOG]).toBe('month');
    // Editing software 2,299 + music 999 every month.
    expect(youtube.costsMonthly).toBe(3_298);
    expect(model().youtube.sponsorships.map((s) => [s.day, s.cents])).toEqual([
      ['2026-02-12', 60_000],
      ['2026-06-12', 75_000],
      ['2026-09-12', 90_000],
      ['2026-11-12', 95_000],
    ]);
  });

  it('the series holds the model’s figures month by month, in every time zone from UTC−8 to UTC+9', () => {
    const tables = part();
    const { blog, youtube } = model();
    const months = monthsEnding('2026-11', 37);
    const seriesAt = (tz: number) =>
      monthlyStreamSeries({ streams: tables.streams!, events: tables.incomeEvents!, costs: tables.streamCosts!, months, baseCurrency: 'USD', rates: {}, tzOffsetMinutes: tz });
    const utc = seriesAt(0);
    for (const tz of [-480, 540]) {
      const local = seriesAt(tz);
      expect(local.income).toEqual(utc.income);
      expect(local.costs).toEqual(utc.costs);
    }
    const blogByMonth = new Map(blog.map((e) => [e.month.key, e.toDateCents]));
    const paid = new Map<string, number>();
    for (const p of [...youtube.payouts, ...youtube.sponsorships]) paid.set(p.month.key, (paid.get(p.month.key) ?? 0) + p.cents);
    months.forEach((m, i) => {
      expect(utc.income[BLOG]![i], m).toBe(blogByMonth.get(m) ?? 0);
      expect(utc.income[YOUTUBE]![i], m).toBe(paid.get(m) ?? 0);
    });
  });

  it('the Q4 bump: the blog’s November and December beat October, and January falls back', () => {
    const byMonth = new Map(model().blog.map((e) => [e.month.key, e.fullCents]));
    // October 2025 55,531; November 99,408; December 100,121; January 2026 73,761.
    expect([byMonth.get('2025-10'), byMonth.get('2025-11'), byMonth.get('2025-12'), byMonth.get('2026-01')]).toEqual([55_531, 99_408, 100_121, 73_761]);
  });

  it('the Leverage card is building, with both streams short of their targets', () => {
    const card = plan.layers.find((l) => l.layer === 'leverage')!;
    expect(card.status).toBe('building');
    expect(card.trailing3).toBe(report(BLOG).trailing3 + report(YOUTUBE).trailing3);
  });

  it('on another day the build phase still follows the rules: the blog’s first commission is 8 months after its start', () => {
    const other = planOf(part(7, OTHER_AS_OF), OTHER_AS_OF);
    const blog = other.streams.find((s) => s.streamId === BLOG)!;
    expect(blog.buildPhase).toMatchObject({ monthsSinceStart: 30, monthsSinceFirstIncome: 22 });
    const youtube = other.streams.find((s) => s.streamId === YOUTUBE)!;
    // The first payout comes one or more months after monetization (14 months ago): 13 or fewer.
    expect(youtube.buildPhase!.monthsSinceStart).toBe(20);
    expect(youtube.buildPhase!.monthsSinceFirstIncome).toBeLessThanOrEqual(13);
    // On the 1st of March, before the 12th and the 21st, the channel has been paid nothing this month.
    expect(youtube.thisMonth).toBe(0);
  });
});
