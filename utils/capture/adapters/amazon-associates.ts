/**
 * Amazon Associates — Associates Central's home page
 * (affiliate-program.amazon.com/home).
 *
 * The summary shows "Total Earnings" beside "Ordered Items", "Shipped
 * Items", "Returned Items", "Clicks" and "Conversion", for the date range
 * chosen in the selector above it ("Today", "Last 30 Days", "This Month" …).
 * Only "Total Earnings" is read, as affiliate commission for the period the
 * selector shows (a custom date range is not one of the known periods and
 * is not read as one).
 */
import type { SiteAdapter } from '@/utils/capture/types';

/** The selector's preset ranges, as Associates Central words them. */
const AMAZON_ASSOCIATES_PERIODS = [
  'Today',
  'Yesterday',
  'Last 7 Days',
  'Last 30 Days',
  'Last 90 Days',
  'This Month',
  'Last Month',
  'This Year',
];

export const amazonAssociatesAdapter: SiteAdapter = {
  id: 'amazon-associates',
  version: 1,
  name: 'Amazon Associates',
  hosts: ['affiliate-program.amazon.com'],
  paths: ['/home'],
  layer: 'leverage',
  accountKind: 'content',
  currency: 'USD',
  figures: [
    {
      key: 'total-earnings',
      kind: 'earnings',
      labels: ['Total Earnings'],
      scope: 'page',
      periods: AMAZON_ASSOCIATES_PERIODS,
      incomeKind: 'affiliate-commission',
    },
  ],
};
