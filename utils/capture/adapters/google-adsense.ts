/**
 * Google AdSense — the home page (adsense.google.com/adsense/u/<n>/<pub-id>/home).
 *
 * "Estimated earnings" is a row of cards, one per period: "Today so far",
 * "Yesterday", "Last 7 days" and "This month", each with its own comparison
 * ("+$0.42 (12%) vs same day last week") that is not read. Each card's title
 * is its period, so each is its own figure with that fixed period (ad revenue
 * for that period; capturing it again updates it). The "Balance" card holds
 * finalized earnings not yet paid out ('balance'); the "Last payment" beside
 * it is not read.
 */
import type { FigureSpec, SiteAdapter } from '@/utils/capture/types';

function estimatedEarnings(key: string, period: string): FigureSpec {
  return { key, kind: 'earnings', labels: [period], scope: 'page', fixedPeriod: period, incomeKind: 'ad-revenue' };
}

export const googleAdsenseAdapter: SiteAdapter = {
  id: 'google-adsense',
  version: 1,
  name: 'Google AdSense',
  hosts: ['adsense.google.com'],
  paths: ['/adsense/u/*/*/home'],
  layer: 'leverage',
  accountKind: 'content',
  currency: 'USD',
  figures: [
    estimatedEarnings('earnings-today-so-far', 'Today so far'),
    estimatedEarnings('earnings-yesterday', 'Yesterday'),
    estimatedEarnings('earnings-last-7-days', 'Last 7 days'),
    estimatedEarnings('earnings-this-month', 'This month'),
    { key: 'balance', kind: 'balance', labels: ['Balance'], scope: 'page' },
  ],
};
