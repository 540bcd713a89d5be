/**
 * Stripe — the dashboard home (dashboard.stripe.com/) and the balances page
 * (/balance/overview).
 * (Newer dashboards word net volume "Net volume from sales"; both are read.)
 *
 * Home: the "Today" card shows today's "Gross volume"; "Your overview" shows
 * "Gross volume", "Net volume", "New customers" and "MRR" for the date range
 * chosen at the top of that section ("Last 7 days", "Month to date" …); the
 * "USD balance" card shows the account's balance. Balances page: "USD
 * balance" and, in the payouts card, "Available to pay out".
 *
 * Gross and net volume are stored as income of kind 'product-sale': they sum
 * every successful charge — one-off checkouts and subscription invoices
 * alike — and the page cannot tell the two apart. Recurring revenue is read
 * separately as "MRR" (a metric), so calling volume 'subscription-revenue'
 * would claim a split the page does not show. Gross and net volume are two
 * views of the same money: map one of them to a stream, not both.
 *
 * The Stripe balance is the business's money held by Stripe ('balance');
 * "Available to pay out" is the part that can be withdrawn now ('cash').
 */
import type { SiteAdapter } from '@/utils/capture/types';

/** The overview's date-range choices, and the home page's "Today" card. */
const STRIPE_PERIODS = [
  'Today',
  'Last 7 days',
  'Last 4 weeks',
  'Last 3 months',
  'Last 12 months',
  'Month to date',
  'Quarter to date',
  'Year to date',
  'All time',
];

export const stripeAdapter: SiteAdapter = {
  id: 'stripe',
  version: 1,
  name: 'Stripe',
  hosts: ['dashboard.stripe.com'],
  paths: ['/', '/balance/overview'],
  layer: 'compounding',
  accountKind: 'business',
  currency: 'USD',
  figures: [
    {
      key: 'gross-volume',
      kind: 'earnings',
      labels: ['Gross volume'],
      scope: 'page',
      periods: STRIPE_PERIODS,
      incomeKind: 'product-sale',
    },
    {
      key: 'net-volume',
      kind: 'earnings',
      labels: ['Net volume', 'Net volume from sales'],
      scope: 'page',
      periods: STRIPE_PERIODS,
      incomeKind: 'product-sale',
    },
    { key: 'usd-balance', kind: 'balance', labels: ['USD balance'], scope: 'page' },
    { key: 'available-to-pay-out', kind: 'cash', labels: ['Available to pay out'], scope: 'page' },
    { key: 'mrr', kind: 'mrr', labels: ['MRR'], scope: 'page', metric: 'mrr' },
  ],
};
