/**
 * Fundrise — the investor dashboard (fundrise.com/dashboard).
 *
 * One account per page. "Net account value" is what the account is worth
 * (its balance). The returns card breaks the return down into "Dividends",
 * "Appreciation", "Advisory fees" and the total, for the time period chosen
 * on the card ("YTD" or "All time"). Only "Dividends" is income: it is stored
 * as dividend income for the period shown, so capturing the same period again
 * updates it. Appreciation is a change in value (already in the net account
 * value) and is not read.
 */
import type { SiteAdapter } from '@/utils/capture/types';

/** The returns card's time periods, as Fundrise words them. */
const FUNDRISE_PERIODS = ['YTD', 'All time'];

export const fundriseAdapter: SiteAdapter = {
  id: 'fundrise',
  version: 1,
  name: 'Fundrise',
  hosts: ['fundrise.com'],
  paths: ['/dashboard'],
  layer: 'foundation',
  accountKind: 'real-estate',
  currency: 'USD',
  figures: [
    { key: 'net-account-value', kind: 'balance', labels: ['Net account value'], scope: 'page' },
    {
      key: 'dividends',
      kind: 'earnings',
      labels: ['Dividends'],
      scope: 'page',
      periods: FUNDRISE_PERIODS,
      incomeKind: 'dividend',
    },
  ],
};
