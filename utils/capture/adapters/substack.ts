/**
 * Substack — a publication's stats dashboard (<name>.substack.com/publish/stats).
 *
 * "Gross annualized revenue" is Substack's annual run-rate of paid
 * subscriptions (what the current paid subscribers would pay over a year,
 * before fees). It is NOT income received and not a balance: it is kept as a
 * recurring-revenue metric (kind 'mrr') under its own metric name
 * 'gross-annualized-revenue', so it is never added to income or net worth and
 * never confused with a monthly MRR.
 * "Paid subscriptions" is a plain count of paying subscribers.
 */
import type { SiteAdapter } from '@/utils/capture/types';

export const substackAdapter: SiteAdapter = {
  id: 'substack',
  version: 1,
  name: 'Substack',
  hosts: ['*.substack.com'],
  paths: ['/publish/stats'],
  layer: 'leverage',
  accountKind: 'content',
  currency: 'USD',
  figures: [
    {
      key: 'gross-annualized-revenue',
      // An annual run-rate, not income: stored as a recurring-revenue metric.
      kind: 'mrr',
      labels: ['Gross annualized revenue'],
      scope: 'page',
      metric: 'gross-annualized-revenue',
    },
    {
      key: 'paid-subscriptions',
      kind: 'count',
      labels: ['Paid subscriptions'],
      scope: 'page',
      metric: 'paid-subscriptions',
    },
  ],
};
