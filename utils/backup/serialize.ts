/**
 * Writing a Strata backup file (the format parseBackup reads, format.ts).
 *
 * The text is canonical: the same data gives the same bytes, whatever order
 * IndexedDB returned the records in and whatever order their fields were
 * written in. So two backups of the same profile compare equal byte for byte
 * (apart from `exportedAt`), and a backup diffs cleanly against the next one.
 *
 * - "format", "schemaVersion", "exportedAt", "tables" in that order;
 * - every table of BACKUP_TABLES, in that order, an empty one as [];
 * - each table's records sorted by primary key (`key` for the settings
 *   tables, `id` for the others), compared as strings by UTF-16 code unit;
 * - every object's keys sorted by code unit, at every depth (arrays keep
 *   their order: it means something, e.g. a strategy's symbols);
 * - 2-space indentation and a final newline.
 */
import { BACKUP_FORMAT, BACKUP_TABLES, CURRENT_SCHEMA_VERSION, type BackupTableName } from './format';

/** The tables whose records are keyed by `key` (one row each); all others by `id`. */
const KEYED_BY_KEY: ReadonlySet<BackupTableName> = new Set(['settings', 'planSettings', 'portfolioSettings', 'tradingSettings']);

/** The name of a table's primary key field. */
export function primaryKeyOf(name: BackupTableName): 'key' | 'id' {
  return KEYED_BY_KEY.has(name) ? 'key' : 'id';
}

/** Every table name, in the order a backup lists them. */
export const BACKUP_TABLE_NAMES = Object.keys(BACKUP_TABLES) as BackupTableName[];

/** Code-unit order (what `<` does on strings), not locale order. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The backup file's text for these tables (an absent table is written as []). */
export function serializeBackup(
  tables: Partial<Record<BackupTableName, readonly unknown[]>>,
  exportedAt: string,
  schemaVersion: number = CURRENT_SCHEMA_VERSION,
): string {
  const lines: string[] = [];
  for (const name of BACKUP_TABLE_NAMES) {
    const records = sortedRecords(tables[name] ?? [], primaryKeyOf(name));
    const body = records.length === 0 ? '[]' : `[\n${records.map((r) => '      ' + canonicalJson(r, '      ')).join(',\n')}\n    ]`;
    lines.push(`    ${JSON.stringify(name)}: ${body}`);
  }
  return (
    '{\n' +
    `  "format": ${JSON.stringify(BACKUP_FORMAT)},\n` +
    `  "schemaVersion": ${canonicalJson(schemaVersion, '  ')},\n` +
    `  "exportedAt": ${JSON.stringify(exportedAt)},\n` +
    `  "tables": {\n${lines.join(',\n')}\n  }\n` +
    '}\n'
  );
}

function sortedRecords(records: readonly unknown[], key: 'key' | 'id'): unknown[] {
  const keyOf = (record: unknown): string => {
    const value = record !== null && typeof record === 'object' ? (record as Record<string, unknown>)[key] : undefined;
    return value === undefined || value === null ? '' : String(value);
  };
  // Array.prototype.sort is stable, so records without a key keep their order.
  return records
    .map((record) => ({ record, sortKey: keyOf(record) }))
    .sort((a, b) => compareCodeUnits(a.sortKey, b.sortKey))
    .map((entry) => entry.record);
}

/**
 * JSON.stringify(value, null, 2) with every object's keys in code-unit order,
 * for a value printed at `indent`. Written by hand because JSON.stringify
 * always puts integer-like keys ("10", "9") first in numeric order, whatever
 * order they were inserted in.
 */
export function canonicalJson(value: unknown, indent = ''): string {
  const text = write(value, indent);
  return text === undefined ? 'null' : text;
}

function write(value: unknown, indent: string): string | undefined {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON: () => unknown }).toJSON();
  }
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'bigint':
      throw new TypeError('A backup cannot hold a BigInt');
    case 'object':
      break;
    default:
      return undefined; // undefined, functions, symbols: left out, as JSON.stringify does
  }
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((item) => inner + (write(item, inner) ?? 'null'));
    return `[\n${items.join(',\n')}\n${indent}]`;
  }
  const entries: string[] = [];
  for (const key of Object.keys(value as object).sort(compareCodeUnits)) {
    const text = write((value as Record<string, unknown>)[key], inner);
    if (text !== undefined) entries.push(`${inner}${JSON.stringify(key)}: ${text}`);
  }
  if (entries.length === 0) return '{}';
  return `{\n${entries.join(',\n')}\n${indent}}`;
}
