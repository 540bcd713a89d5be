/**
 * Imports, categories and leaks (issue 7), added in schema v6. Same
 * conventions as schema.ts.
 */
import * as v from 'valibot';
import { FORMAT_IDS } from '../importers/types';
import { INCOME_KINDS, CurrencyCode, Id, Name, Timestamp } from './schema';

const Count = v.pipe(v.number('must be a count'), v.safeInteger('must be a whole number'), v.minValue(0, 'cannot be negative'));
const HeaderCell = v.pipe(v.string('must be text'), v.maxLength(200, 'is longer than 200 characters'));
const ColumnName = v.optional(HeaderCell);

/** One file imported: what it was read as and what it added. Records it wrote carry its id as provenance.importId. */
export const ImportRecordSchema = v.object({
  id: Id,
  fileName: v.pipe(v.string('must be text'), v.maxLength(300, 'is longer than 300 characters')),
  /** The format id, or "mapping" for a layout the person mapped. */
  format: v.union([v.picklist(FORMAT_IDS), v.literal('mapping')], 'must be a format id or "mapping"'),
  importedAt: Timestamp,
  /** Records added per table ("transactions": 120, "trades": 4…). */
  added: v.record(v.string(), Count),
  /** Rows already stored (an earlier import of the same rows) and skipped. */
  duplicates: Count,
  /** Rows refused by the reader (not imported). */
  refused: Count,
});

/** A person's column mapping for an unknown layout, offered again for the same header. id = headerKey(header). */
export const ImportMappingSchema = v.object({
  id: Id,
  header: v.pipe(v.array(HeaderCell), v.minLength(1, 'must list the header cells'), v.maxLength(200, 'has more than 200 columns')),
  kind: v.picklist(['transaction', 'trade', 'income'], 'must be transaction, trade or income'),
  columns: v.object({
    date: HeaderCell,
    description: ColumnName,
    amount: ColumnName,
    debit: ColumnName,
    credit: ColumnName,
    currency: ColumnName,
    account: ColumnName,
    category: ColumnName,
    symbol: ColumnName,
    quantity: ColumnName,
    price: ColumnName,
    side: ColumnName,
  }),
  dateOrder: v.optional(v.picklist(['MDY', 'DMY', 'YMD'])),
  currency: v.optional(CurrencyCode),
  invertSign: v.optional(v.boolean()),
  incomeKind: v.optional(v.picklist(INCOME_KINDS)),
  source: v.optional(Name('Source')),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

/** The person's category rule: merchant or description containing `pattern` (any case) → `category`. */
export const CategoryRuleSchema = v.object({
  id: Id,
  pattern: v.pipe(v.string('must be text'), v.trim(), v.minLength(2, 'needs at least 2 characters'), v.maxLength(100, 'is longer than 100 characters')),
  category: Name('Category'),
  createdAt: Timestamp,
});

/** What the person said about a recurring charge (by merchant key): unused (count it as a saving) or not a subscription (leave it out). */
export const LeakMarkSchema = v.object({
  id: v.pipe(Id, v.regex(/^[a-z0-9 &'.+-]+$/, 'must be a merchant key such as netflix')),
  mark: v.picklist(['unused', 'ignored'], 'must be unused or ignored'),
  createdAt: Timestamp,
});

export type ImportRecord = v.InferOutput<typeof ImportRecordSchema>;
export type ImportMapping = v.InferOutput<typeof ImportMappingSchema>;
export type CategoryRule = v.InferOutput<typeof CategoryRuleSchema>;
export type LeakMark = v.InferOutput<typeof LeakMarkSchema>;
