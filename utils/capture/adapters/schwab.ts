/**
 * Charles Schwab — Accounts Summary (client.schwab.com/clientapps/accounts/summary/).
 *
 * The header shows "Total Accounts Value" and the total "Day Change". Below,
 * one table per group ("Brokerage Accounts", "Retirement Accounts") lists each
 * account: its nickname and masked number as a link ("Individual ...782"),
 * then "Cash & Cash Investments", "Account Value" and "Day Change" columns,
 * and a group total row (no account link, so not an account).
 *
 * Only "Account Value" is an account's balance: "Cash & Cash Investments" is
 * part of it (not added on top), and "Day Change" is a change, not a value.
 * The real address ends with "/"; a trailing "/" never matters to matching.
 */
import type { SiteAdapter } from '@/utils/capture/types';

export const schwabAdapter: SiteAdapter = {
  id: 'schwab',
  version: 1,
  name: 'Charles Schwab',
  hosts: ['client.schwab.com'],
  paths: ['/clientapps/accounts/summary'],
  layer: 'foundation',
  accountKind: 'brokerage',
  currency: 'USD',
  figures: [
    { key: 'total-accounts-value', kind: 'balance', labels: ['Total Accounts Value'], scope: 'page', total: true },
    { key: 'account-value', kind: 'balance', labels: ['Account Value'], scope: 'account' },
  ],
  accounts: { nameFrom: 'link' },
};
