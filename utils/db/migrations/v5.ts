/**
 * Version 5: the trading lab (issue 6). Never edit this file once released; add v6.ts.
 *
 * - bars (new): one daily OHLCV bar per symbol and trading day, id
 *   "SYMBOL|YYYY-MM-DD"; [symbol+date] reads a symbol's bars in date order.
 * - priceImports (new): each price file imported (symbol, layout, notes).
 * - strategies (new): saved rule strategies (their text).
 * - labAccounts (new): paper or real accounts that follow a strategy forward.
 * - labFills (new): the fills those accounts recorded, by account and day.
 * - optionPositions (new): the options income log, by account and expiry.
 * - tradingSettings (new): one row, key "trading".
 * No existing table changes.
 */
import type { Migration } from '../migrate';

export const v5: Migration = {
  version: 5,
  stores: {
    bars: 'id, symbol, [symbol+date]',
    priceImports: 'id, symbol',
    strategies: 'id',
    labAccounts: 'id',
    labFills: 'id, labAccountId, [labAccountId+date]',
    optionPositions: 'id, accountId, expiry',
    tradingSettings: 'key',
  },
};
