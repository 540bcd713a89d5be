/**
 * Wealthfront — the Overview (www.wealthfront.com/overview).
 *
 * The top shows "Total balance" across accounts and its change today. The
 * accounts list shows each account's name as a heading or in the row's
 * first cell ("Automated Investing Account", "Cash Account", "Roth IRA",
 * "Stock Investing Account"), with its "Balance" and its all-time gain or,
 * for the Cash Account, its APY and interest this month. "Total balance"
 * only sums the accounts listed.
 */
import type { SiteAdapter } from '@/utils/capture/types';

export const wealthfrontAdapter: SiteAdapter = {
  id: 'wealthfront',
  version: 1,
  name: 'Wealthfront',
  hosts: ['www.wealthfront.com'],
  paths: ['/overview'],
  layer: 'foundation',
  accountKind: 'robo',
  currency: 'USD',
  figures: [
    { key: 'total-balance', kind: 'balance', labels: ['Total balance'], scope: 'page', total: true },
    { key: 'account-balance', kind: 'balance', labels: ['Balance'], scope: 'account' },
  ],
  accounts: { nameFrom: 'auto' },
};
