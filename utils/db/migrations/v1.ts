/**
 * Version 1: the first released schema. Never edit this file; add v2.ts.
 *
 * Indexes serve the reads and cascades the app does: snapshots and income
 * events by owner and time (the compound index gives "newest for account X"
 * without a scan), everything that belongs to an account by accountId (so
 * deleting an account can find its rows), accounts and streams by layer.
 */
import type { Migration } from '../migrate';

export const v1: Migration = {
  version: 1,
  stores: {
    accounts: 'id, layer, kind',
    balanceSnapshots: 'id, accountId, at, [accountId+at]',
    holdings: 'id, accountId, symbol',
    taxLots: 'id, accountId, symbol',
    streams: 'id, layer, accountId',
    incomeEvents: 'id, streamId, at, [streamId+at]',
    transactions: 'id, accountId, at',
    allocationTargets: 'id, &assetClass',
    captureRules: 'id, host',
    settings: 'key',
  },
};
