/**
 * Version 4: the portfolio (issue 5). Never edit this file once released; add v5.ts.
 *
 * - trades (new): buys, sells and reinvested dividends, by account, symbol
 *   and trade date ("YYYY-MM-DD", so the date index sorts by calendar day).
 * - prices (new): one price per symbol and day; [symbol+date] finds the
 *   day's price to replace and a symbol's latest.
 * - portfolioSettings (new): one row, key "portfolio" (schema-portfolio.ts).
 * taxLots (opening lots) and allocationTargets (targets) exist since v1 and
 * keep their stores: no data change.
 */
import type { Migration } from '../migrate';

export const v4: Migration = {
  version: 4,
  stores: {
    trades: 'id, accountId, symbol, date',
    prices: 'id, symbol, [symbol+date]',
    portfolioSettings: 'key',
  },
};
