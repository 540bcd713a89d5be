/**
 * Robinhood — the investing home page (robinhood.com/, signed in).
 *
 * The top of the page reads "Investing" over the portfolio's value in large
 * type (the value of the individual brokerage account: holdings plus cash),
 * then the day's change, a chart whose hover values replace nothing we read,
 * and a "Buying power" row that expands. Buying power on a Robinhood cash or
 * Instant account is the cash available to trade ('cash'); the portfolio
 * value is the account's balance ('balance'). Crypto and retirement live on
 * their own pages and are not read here.
 */
import type { SiteAdapter } from '@/utils/capture/types';

export const robinhoodAdapter: SiteAdapter = {
  id: 'robinhood',
  version: 1,
  name: 'Robinhood',
  hosts: ['robinhood.com'],
  paths: ['/'],
  layer: 'acceleration',
  accountKind: 'trading',
  currency: 'USD',
  figures: [
    { key: 'investing', kind: 'balance', labels: ['Investing'], scope: 'page' },
    { key: 'buying-power', kind: 'cash', labels: ['Buying power'], scope: 'page' },
  ],
};
