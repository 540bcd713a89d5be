/**
 * Alpaca — the trading dashboard's overview (app.alpaca.markets), for the
 * paper account (/paper/dashboard/overview) and the live brokerage account
 * (/brokerage/dashboard/overview).
 *
 * The overview's account widgets read "Portfolio Value" (equity: positions
 * plus cash, 'balance') and "Buying Power" ('cash' — what the account can
 * trade with now; on a margin account it can exceed the cash). "Cash",
 * "Daytrading Buying Power", "Regt Buying Power" and the like sit beside
 * them and are not read. Everything read under /paper/ is flagged paper so
 * it never mixes with live money.
 */
import type { SiteAdapter } from '@/utils/capture/types';

export const alpacaAdapter: SiteAdapter = {
  id: 'alpaca',
  version: 1,
  name: 'Alpaca',
  hosts: ['app.alpaca.markets'],
  paths: ['/paper/dashboard/overview', '/brokerage/dashboard/overview'],
  paperPaths: ['/paper/**'],
  layer: 'acceleration',
  accountKind: 'trading',
  currency: 'USD',
  figures: [
    { key: 'portfolio-value', kind: 'balance', labels: ['Portfolio Value'], scope: 'page' },
    { key: 'buying-power', kind: 'cash', labels: ['Buying Power'], scope: 'page' },
  ],
};
