/**
 * Lemon Squeezy — the store dashboard (app.lemonsqueezy.com/dashboard).
 *
 * "MRR" is the store's current monthly recurring revenue (a metric, whatever
 * date range is chosen). "Revenue" is sales income for the date range chosen
 * at the top of the dashboard ("Last 30 days", "This month" …). "Customers"
 * and "Orders" are not read.
 */
import type { SiteAdapter } from '@/utils/capture/types';

/** The dashboard's date-range choices. */
const LEMON_SQUEEZY_PERIODS = [
  'Today',
  'Yesterday',
  'Last 7 days',
  'Last 30 days',
  'This month',
  'Last month',
  'Last 3 months',
  'Last 6 months',
  'Last 12 months',
  'This year',
  'All time',
];

export const lemonSqueezyAdapter: SiteAdapter = {
  id: 'lemon-squeezy',
  version: 1,
  name: 'Lemon Squeezy',
  hosts: ['app.lemonsqueezy.com'],
  paths: ['/dashboard'],
  layer: 'compounding',
  accountKind: 'business',
  currency: 'USD',
  figures: [
    { key: 'mrr', kind: 'mrr', labels: ['MRR'], scope: 'page', metric: 'mrr' },
    {
      key: 'revenue',
      kind: 'earnings',
      labels: ['Revenue'],
      scope: 'page',
      periods: LEMON_SQUEEZY_PERIODS,
      incomeKind: 'product-sale',
    },
  ],
};
