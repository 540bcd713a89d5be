/**
 * Interactive Brokers — the Client Portal (portal.interactivebrokers.com/portal/,
 * a single-page app: the portfolio view lives behind "#/portfolio", which is
 * not part of the path).
 *
 * The account summary lists "Net Liquidation Value" (the account's worth:
 * 'balance') beside "Unrealized P&L", "Realized P&L", "Excess Liquidity",
 * "SMA", "Buying Power" and the margin requirements. Only two are read:
 * the net liquidation value and "Realized P&L", stored as trading income.
 *
 * IBKR resets "Realized P&L" every trading day (it is today's realized gain
 * or loss, often negative, shown as "-1,234.56" or "(1,234.56)" with the
 * currency in a column or after the figure), so it carries the fixed period
 * "Today": capturing it again the same day updates that day's income instead
 * of adding it twice.
 */
import type { SiteAdapter } from '@/utils/capture/types';

export const interactiveBrokersAdapter: SiteAdapter = {
  id: 'interactive-brokers',
  version: 1,
  name: 'Interactive Brokers',
  hosts: ['portal.interactivebrokers.com'],
  paths: ['/portal/'],
  layer: 'acceleration',
  accountKind: 'trading',
  currency: 'USD',
  figures: [
    { key: 'net-liquidation-value', kind: 'balance', labels: ['Net Liquidation Value'], scope: 'page' },
    {
      key: 'realized-pnl',
      kind: 'realized',
      labels: ['Realized P&L'],
      scope: 'page',
      fixedPeriod: 'Today',
      incomeKind: 'trading-gain',
    },
  ],
};
