/**
 * Version 3: the layered plan (issue 4). Never edit this file once released; add v4.ts.
 *
 * - streamCosts (new): a stream's recurring and one-off costs, by stream.
 * - cashNeeds (new): money needed on a date, by due date.
 * - debts (new).
 * - planSettings (new): one row, key "plan" (schema-plan.ts).
 * Streams gain two optional fields (capital, assumptionId): no data change.
 */
import type { Migration } from '../migrate';

export const v3: Migration = {
  version: 3,
  stores: {
    streamCosts: 'id, streamId',
    cashNeeds: 'id, dueAt',
    debts: 'id',
    planSettings: 'key',
  },
};
