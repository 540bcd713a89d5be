/**
 * Vanguard — the signed-in dashboard (dashboard.web.vanguard.com/).
 *
 * The greeting card shows "Total balance" (all accounts) and when it was
 * valued ("Value as of …"). The accounts card lists each account — its name
 * is a link to its holdings ("Brokerage Account — 12345678", "Roth IRA
 * Brokerage Account — …"), with its "Balance", the day's change and a rate of
 * return (a percentage). "Total balance" only sums the accounts below it.
 */
import type { SiteAdapter } from '@/utils/capture/types';

export const vanguardAdapter: SiteAdapter = {
  id: 'vanguard',
  version: 1,
  name: 'Vanguard',
  hosts: ['dashboard.web.vanguard.com'],
  paths: ['/'],
  layer: 'foundation',
  accountKind: 'brokerage',
  currency: 'USD',
  figures: [
    { key: 'total-balance', kind: 'balance', labels: ['Total balance'], scope: 'page', total: true },
    { key: 'account-balance', kind: 'balance', labels: ['Balance'], scope: 'account' },
  ],
  accounts: { nameFrom: 'link' },
};
