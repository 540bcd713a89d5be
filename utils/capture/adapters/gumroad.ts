/**
 * Gumroad — the creator dashboard (app.gumroad.com/dashboard).
 *
 * The stats row reads "Balance", "Last 7 days", "Last 30 days" and "Total".
 * "Balance" is money Gumroad holds for the creator until the next payout.
 * "Last 7 days" and "Last 30 days" are sales income whose label is itself the
 * period (rolling windows ending today). "Total" (lifetime sales) is not read.
 */
import type { SiteAdapter } from '@/utils/capture/types';

export const gumroadAdapter: SiteAdapter = {
  id: 'gumroad',
  version: 1,
  name: 'Gumroad',
  hosts: ['app.gumroad.com'],
  paths: ['/dashboard'],
  layer: 'compounding',
  accountKind: 'business',
  currency: 'USD',
  figures: [
    { key: 'balance', kind: 'balance', labels: ['Balance'], scope: 'page' },
    {
      key: 'last-7-days',
      kind: 'earnings',
      labels: ['Last 7 days'],
      scope: 'page',
      fixedPeriod: 'Last 7 days',
      incomeKind: 'product-sale',
    },
    {
      key: 'last-30-days',
      kind: 'earnings',
      labels: ['Last 30 days'],
      scope: 'page',
      fixedPeriod: 'Last 30 days',
      incomeKind: 'product-sale',
    },
  ],
};
