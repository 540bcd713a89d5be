/**
 * Version 6: imports, categories and leaks (issue 7). Never edit this file once released; add v7.ts.
 *
 * - imports (new): each file imported, by time.
 * - importMappings (new): column mappings of unknown layouts, id = header key.
 * - categoryRules (new): the person's category rules.
 * - leakMarks (new): recurring charges marked unused or not a subscription, id = merchant key.
 * - transactions: + [accountId+at] and merchant, so a card's history and a
 *   merchant's charges read without a scan.
 */
import type { Migration } from '../migrate';

export const v6: Migration = {
  version: 6,
  stores: {
    imports: 'id, importedAt',
    importMappings: 'id',
    categoryRules: 'id',
    leakMarks: 'id',
    transactions: 'id, accountId, at, [accountId+at], merchant',
  },
};
