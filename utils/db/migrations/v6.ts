/**
 * Version 6: imports, categories and leaks (issue 7). Never edit this file once released; add v7.ts.
 *
 * - imports (new): each file imported, by time.
 * - importMappings (new): column mappings of unknown layouts, id = header key.
 * - categoryRules (new): the person's category rules.
 * - leakMarks (new): recurring charges marked unused or not a subscription, id = merchant key.
 * No existing table changes: transactions keep their indexes (every extra
 * index costs about 15% on a 100,000-row import).
 */
import type { Migration } from '../migrate';

export const v6: Migration = {
  version: 6,
  stores: {
    imports: 'id, importedAt',
    importMappings: 'id',
    categoryRules: 'id',
    leakMarks: 'id',
  },
};
