/**
 * The demo household's Leverage layer: "Quiet Trail", a hiking-gear blog
 * earning Amazon Associates commission, and its YouTube channel earning ad
 * revenue and the odd sponsorship. The figures come from the model in
 * leverage-earnings.ts; this file writes them as the records a person would
 * have:
 * - the blog's commission as one income event a month with the month as its
 *   period (periodKey "YYYY-MM"), as capturing Associates Central's "This
 *   Month" figure writes it (utils/db/capture-writes.ts): on a month's last
 *   day for past months, month to date today for this one;
 * - the channel's AdSense payouts as single payments on the day they were
 *   paid (so a month with a payout and a sponsorship counts both; a month
 *   period would hide the sponsorship, utils/analytics/income.ts), and each
 *   sponsorship as a payment entered by hand;
 * - what each costs (hosting, a domain, tools, gear) as stream costs, from
 *   the stream's start — the build phase costs money and earns nothing;
 * - no content account: the streams hold no capital (their return is per
 *   hour, not per dollar), so the plan shows "—" for return per dollar.
 * Pure: ctx decides everything.
 */
import type { IncomeEvent, Stream } from '@/utils/db/schema';
import type { StreamCost } from '@/utils/db/schema-plan';
import { Random } from '@/utils/analytics/random';
import { noonOf } from './calendar';
import {
  BLOG_BUILD_MONTHS,
  BLOG_START_MONTHS_AGO,
  blogEarnings,
  dayIn,
  monthIndexAgo,
  YOUTUBE_BUILD_MONTHS,
  YOUTUBE_START_MONTHS_AGO,
  youtubeModel,
} from './leverage-earnings';
import { DEMO_IDS, type DemoContext, type DemoMonth, type DemoTables } from './types';
import { DEMO_PROVENANCE, usd } from './records';

const DESCRIPTION = DEMO_PROVENANCE.description;

/** Noon of the given day of a month (clamped to its length). */
const noonIn = (month: DemoMonth, day: number) => noonOf(dayIn(month, day));

export function leveragePart(ctx: DemoContext): DemoTables {
  const { months, today } = ctx;
  // One seed per property, drawn in a fixed order.
  const blogRandom = new Random(ctx.random.nextUint32());
  const youtubeRandom = new Random(ctx.random.nextUint32());

  const blogStart = months[monthIndexAgo(months, BLOG_START_MONTHS_AGO)]!;
  const youtubeStart = months[monthIndexAgo(months, YOUTUBE_START_MONTHS_AGO)]!;
  const monthAfter = (start: DemoMonth, count: number) => months[months.indexOf(start) + count]!;

  const streams: Stream[] = [
    {
      id: DEMO_IDS.blogStream,
      name: 'Quiet Trail blog (Amazon Associates)',
      layer: 'leverage',
      startedAt: noonIn(blogStart, 9),
      hoursPerMonth: 16,
      selfSustainingMonthly: usd(120_000),
      assumptionId: 'content',
      notes: `Hiking-gear reviews with Amazon affiliate links. ${BLOG_BUILD_MONTHS} months of writing before the first commission.`,
    },
    {
      id: DEMO_IDS.youtubeStream,
      name: 'Quiet Trail on YouTube',
      layer: 'leverage',
      startedAt: noonIn(youtubeStart, 14),
      hoursPerMonth: 24,
      selfSustainingMonthly: usd(100_000),
      assumptionId: 'content',
      notes: `Monetized ${YOUTUBE_BUILD_MONTHS} months after the first video. AdSense pays on the 21st once the balance passes $100; sponsored videos are paid by invoice.`,
    },
  ];

  const incomeEvents: IncomeEvent[] = [];
  for (const earned of blogEarnings(months, today, blogRandom)) {
    const { month } = earned;
    incomeEvents.push({
      id: `demo-income-blog-${month.key}`,
      streamId: DEMO_IDS.blogStream,
      at: month.current ? noonOf(today) : noonIn(month, month.days),
      amount: usd(earned.toDateCents),
      kind: 'affiliate-commission',
      source: 'import',
      provenance: { description: DESCRIPTION, label: 'Total Earnings' },
      period: { start: Date.UTC(month.year, month.month - 1, 1), end: Date.UTC(month.year, month.month, 1), label: 'This Month' },
      periodKey: month.key,
    });
  }
  const youtube = youtubeModel(months, today, youtubeRandom);
  for (const payout of youtube.payouts) {
    incomeEvents.push({
      id: `demo-income-youtube-${payout.month.key}`,
      streamId: DEMO_IDS.youtubeStream,
      at: noonOf(payout.day),
      amount: usd(payout.cents),
      kind: 'ad-revenue',
      source: 'import',
      provenance: { description: DESCRIPTION },
    });
  }
  for (const sponsorship of youtube.sponsorships) {
    incomeEvents.push({
      id: `demo-income-youtube-sponsor-${sponsorship.month.key}`,
      streamId: DEMO_IDS.youtubeStream,
      at: noonOf(sponsorship.day),
      amount: usd(sponsorship.cents),
      kind: 'sponsorship',
      source: 'manual',
      provenance: { description: DESCRIPTION },
    });
  }

  const cost = (
    id: string,
    streamId: string,
    name: string,
    cents: number,
    every: StreamCost['every'],
    starts: string,
    ends?: string,
  ): StreamCost => ({
    id: `demo-cost-${id}`,
    streamId,
    name,
    amount: usd(cents),
    every,
    startsAt: noonOf(starts),
    ...(ends !== undefined ? { endsAt: noonOf(ends) } : {}),
  });
  const blogHostingFull = monthAfter(blogStart, 12);
  const streamCosts: StreamCost[] = [
    // The host's first-year price, then the regular one.
    cost('blog-hosting-intro', DEMO_IDS.blogStream, 'Web hosting (first-year price)', 299, 'month', dayIn(blogStart, 9), dayIn(blogHostingFull, 9)),
    cost('blog-hosting', DEMO_IDS.blogStream, 'Web hosting', 1_799, 'month', dayIn(blogHostingFull, 9)),
    cost('blog-domain', DEMO_IDS.blogStream, 'Domain name', 2_000, 'year', dayIn(blogStart, 9)),
    // Used while planning the first posts, cancelled after six charges.
    cost('blog-keywords', DEMO_IDS.blogStream, 'Keyword research tool', 2_900, 'month', dayIn(monthAfter(blogStart, 1), 15), dayIn(monthAfter(blogStart, 7), 15)),
    cost('youtube-gear', DEMO_IDS.youtubeStream, 'Camera, microphone and lights', 64_000, 'once', dayIn(youtubeStart, 14)),
    cost('youtube-editor', DEMO_IDS.youtubeStream, 'Video editing software', 2_299, 'month', dayIn(youtubeStart, 14)),
    cost('youtube-music', DEMO_IDS.youtubeStream, 'Stock music license', 999, 'month', dayIn(monthAfter(youtubeStart, 4), 3)),
  ];

  return { streams, incomeEvents, streamCosts };
}
