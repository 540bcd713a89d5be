/**
 * YouTube Studio — Channel analytics (studio.youtube.com/channel/<id>/analytics).
 *
 * The overview's key-metric tabs read "Views", "Watch time (hours)",
 * "Subscribers" and "Estimated revenue", each with its value under the tab
 * label. Only "Estimated revenue" is money the creator earns: it is income
 * (ad revenue) for the period chosen in the date-range picker at the top of
 * the page ("Last 28 days", "Lifetime", "2026", "November" …), so capturing
 * the same period again updates it.
 *
 * The real address carries the tab and period after "/analytics"
 * (".../analytics/tab-overview/period-default"), hence the second pattern.
 */
import type { SiteAdapter } from '@/utils/capture/types';

/** The date-range picker's choices, as Studio words them. */
const YOUTUBE_PERIODS = [
  'Last 7 days',
  'Last 28 days',
  'Last 90 days',
  'Last 365 days',
  'Lifetime',
  'This year',
  '2026',
  '2025',
  '2024',
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export const youtubeStudioAdapter: SiteAdapter = {
  id: 'youtube-studio',
  version: 1,
  name: 'YouTube Studio',
  hosts: ['studio.youtube.com'],
  paths: ['/channel/*/analytics', '/channel/*/analytics/**'],
  layer: 'leverage',
  accountKind: 'content',
  currency: 'USD',
  figures: [
    {
      key: 'estimated-revenue',
      kind: 'earnings',
      labels: ['Estimated revenue'],
      scope: 'page',
      periods: YOUTUBE_PERIODS,
      incomeKind: 'ad-revenue',
    },
  ],
};
