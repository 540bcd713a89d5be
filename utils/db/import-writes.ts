/**
 * The write API of imports, categories and leak marks (issue 7):
 * previewImport / commitImport (one transaction: all or nothing), undoing an
 * import, saved column mappings, category rules, the person's own category
 * of a transaction, and leak marks. See import-plan.ts for how records are
 * placed and deduplicated.
 */
import type { Table } from 'dexie';
import type { ColumnMapping } from '../importers/types';
import { headerKey } from '../importers/mapping';
import type { WriteContext } from './capture-writes';
import { NotFoundError, parseRecord, ValidationError } from './errors';
import { IMPORT_TABLES, planImport, type ImportPlan } from './import-plan';
import type { ImportCommitInput, ImportOutcome, ImportPreview } from './import-types';
import {
  CategoryRuleSchema,
  ImportMappingSchema,
  ImportRecordSchema,
  LeakMarkSchema,
  type CategoryRule,
  type ImportMapping,
} from './schema-import';

/** How many records go into IndexedDB per bulkAdd (fake-indexeddb's request queue is quadratic in its length). */
const CHUNK = 10_000;

function previewOf(plan: ImportPlan): ImportPreview {
  const { accounts, streams, add, duplicates, duplicateLines, refused, unstorable } = plan;
  return { accounts, streams, add, duplicates, duplicateLines, refused, unstorable };
}

export function createImportWrites(ctx: WriteContext) {
  const { db, now, newId, inTransaction } = ctx;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const importTables = (): Table<any, string>[] => [db.accounts, db.streams, db.imports, ...IMPORT_TABLES.map((t) => db.table<unknown, string>(t))];

  async function previewImport(input: ImportCommitInput): Promise<ImportPreview> {
    return previewOf(await planImport(db, input, newId));
  }

  /** Writes the plan in one transaction; nothing is written when nothing is new. */
  async function commitImport(input: ImportCommitInput): Promise<ImportOutcome> {
    const at = input.now ?? now();
    const importId = `import-${at.toString(36)}-${newId().slice(0, 8)}`;
    return inTransaction(importTables(), async () => {
      const plan = await planImport(db, { ...input, now: at }, newId, importId);
      const added = Object.values(plan.add).reduce((sum, n) => sum + n, 0);
      if (added === 0) return previewOf(plan);
      const record = parseRecord(ImportRecordSchema, {
        id: importId,
        fileName: input.fileName.slice(0, 300),
        format: input.format,
        importedAt: at,
        added: plan.add,
        duplicates: plan.duplicates,
        refused: plan.refused + plan.unstorable.length,
      });
      if (plan.newAccounts.length) await db.accounts.bulkAdd(plan.newAccounts);
      if (plan.newStreams.length) await db.streams.bulkAdd(plan.newStreams);
      for (const table of IMPORT_TABLES) {
        const list = plan.records[table];
        for (let i = 0; i < list.length; i += CHUNK) await db.table(table).bulkAdd(list.slice(i, i + CHUNK));
      }
      await db.imports.add(record);
      return { ...previewOf(plan), importId };
    });
  }

  /** Removes every record an import added (accounts and streams it created stay, with whatever else they hold). */
  async function undoImport(importId: string): Promise<Record<string, number>> {
    return inTransaction(importTables(), async () => {
      const row = await db.imports.get(importId);
      if (!row) throw new NotFoundError('import', importId);
      const removed: Record<string, number> = {};
      for (const table of IMPORT_TABLES) {
        const count = await db
          .table(table)
          .filter((r: { provenance?: { importId?: string } }) => r.provenance?.importId === importId)
          .delete();
        if (count > 0) removed[table] = count;
      }
      await db.imports.delete(importId);
      return removed;
    });
  }

  async function saveImportMapping(header: readonly string[], mapping: ColumnMapping): Promise<ImportMapping> {
    const id = headerKey(header);
    return inTransaction(db.importMappings, async () => {
      const stored = await db.importMappings.get(id);
      const at = now();
      const record = parseRecord(ImportMappingSchema, {
        id,
        header: [...header],
        ...mapping,
        columns: { ...mapping.columns },
        createdAt: stored?.createdAt ?? at,
        updatedAt: at,
      });
      await db.importMappings.put(record);
      return record;
    });
  }

  async function deleteImportMapping(id: string): Promise<void> {
    await db.importMappings.delete(id);
  }

  async function addCategoryRule(input: { pattern: string; category: string }): Promise<CategoryRule> {
    const rule = parseRecord(CategoryRuleSchema, { id: newId(), pattern: input.pattern, category: input.category, createdAt: now() });
    await inTransaction(db.categoryRules, async () => {
      const same = (await db.categoryRules.toArray()).find((r) => r.pattern.toLowerCase() === rule.pattern.toLowerCase());
      if (same) throw new ValidationError([{ field: 'pattern', message: `A rule for "${same.pattern}" already exists (→ ${same.category}).` }]);
      await db.categoryRules.add(rule);
    });
    return rule;
  }

  async function deleteCategoryRule(id: string): Promise<void> {
    await inTransaction(db.categoryRules, async () => {
      if (!(await db.categoryRules.get(id))) throw new NotFoundError('category rule', id);
      await db.categoryRules.delete(id);
    });
  }

  /** The person's own category for a transaction (it also trains the classifier); undefined clears it. */
  async function setTransactionCategory(id: string, category: string | undefined): Promise<void> {
    const trimmed = category?.trim();
    if (trimmed !== undefined && (trimmed.length === 0 || trimmed.length > 100)) {
      throw new ValidationError([{ field: 'category', message: 'The category must be 1 to 100 characters.' }]);
    }
    await ctx.update(ctx.kinds.transaction, id, { category: trimmed || undefined });
  }

  /** Marks a recurring charge (by merchant key) unused or not a subscription; undefined removes the mark. */
  async function setLeakMark(key: string, mark: 'unused' | 'ignored' | undefined): Promise<void> {
    await inTransaction(db.leakMarks, async () => {
      if (mark === undefined) {
        await db.leakMarks.delete(key);
        return;
      }
      await db.leakMarks.put(parseRecord(LeakMarkSchema, { id: key, mark, createdAt: now() }));
    });
  }

  return {
    previewImport,
    commitImport,
    undoImport,
    saveImportMapping,
    deleteImportMapping,
    addCategoryRule,
    deleteCategoryRule,
    setTransactionCategory,
    setLeakMark,
  };
}
