/**
 * Fidelity — Portfolio Summary (digital.fidelity.com/ftgw/digital/portfolio/summary).
 *
 * The page's left pane is Fidelity's account selector: an "All accounts" card
 * (the total and its day change), then the accounts grouped under
 * "Investment", "Retirement", "Health Savings"… Each account row is a link
 * with the account's nickname ("Individual - TOD", "ROTH IRA", "Health
 * Savings Account"), its number (often masked: "X12345678"), its balance and
 * its day change ("+$412.07 (+0.67%)"). The balance is announced to screen
 * readers as ", balance: $62,114.35"; the day change is a separate figure and
 * never the balance. The summary pane at the right shows "Total balance".
 *
 * Accounts are told apart by their link (the nickname): the "All accounts"
 * card and the group headers carry no account link, so they are not accounts.
 * "Total balance" only sums the accounts listed beside it.
 */
import type { SiteAdapter } from '@/utils/capture/types';

export const fidelityAdapter: SiteAdapter = {
  id: 'fidelity',
  version: 1,
  name: 'Fidelity',
  hosts: ['digital.fidelity.com'],
  paths: ['/ftgw/digital/portfolio/summary'],
  layer: 'foundation',
  accountKind: 'brokerage',
  currency: 'USD',
  figures: [
    { key: 'total-balance', kind: 'balance', labels: ['Total balance'], scope: 'page', total: true },
    { key: 'account-balance', kind: 'balance', labels: ['Balance'], scope: 'account' },
  ],
  accounts: { nameFrom: 'link' },
};
