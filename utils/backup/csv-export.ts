/**
 * One table as a CSV file for a spreadsheet (RFC 4180: comma separated, CRLF
 * line ends, a cell in double quotes when it holds a comma, a quote, a line
 * break or a leading/trailing space, quotes inside doubled).
 *
 * - Columns: every field path the records have, in the order first seen.
 *   Nested objects are flattened with "." (`provenance.description`); arrays
 *   and records keyed by data (rates, cash per account) are one cell of
 *   compact JSON.
 * - Money `{minor, currency}` is two columns: `amount` with the exact
 *   amount in major units ("-1234.56", "1234" for JPY) and `amount.currency`.
 * - Times (epoch ms) in fields named `at`, `asOf` or ending in "At"
 *   (createdAt, acquiredAt…) are ISO 8601 UTC text.
 * - Formula injection (OWASP): a text cell starting with =, +, -, @, TAB or CR
 *   gets a leading ' so a spreadsheet shows it instead of running it. Numbers
 *   (JSON numbers, money amounts, and decimal text such as a quantity "-0.5",
 *   which cannot hold a formula) are written as they are.
 *
 * Pure: the caller reads the table and saves the file.
 */
import * as v from 'valibot';
import { toDecimalString } from '../money';
import { BACKUP_TABLES, type BackupTableName } from './format';

/** A cell before it is escaped: numbers are never prefixed against formulas. */
type Cell = { kind: 'number' | 'text'; text: string };

const num = (text: string): Cell => ({ kind: 'number', text });
const txt = (text: string): Cell => ({ kind: 'text', text });

/** Plain decimal text (the schemas' DecimalString): a number, never a formula. */
const DECIMAL_TEXT = /^-?\d{1,15}(\.\d{1,12})?$/;
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^[ \t]|[ \t]$/;

/** The CSV text of a table's records ("" when there are none). */
export function tableToCsv(name: BackupTableName, records: readonly Record<string, unknown>[]): string {
  const columns: string[] = [];
  const known = new Set<string>();
  const rows = records.map((record) => {
    const cells = new Map<string, Cell>();
    flatten(record, '', schemaEntries(BACKUP_TABLES[name]), cells);
    for (const column of cells.keys()) {
      if (!known.has(column)) {
        known.add(column);
        columns.push(column);
      }
    }
    return cells;
  });
  if (columns.length === 0) return '';
  const lines = [columns.map((c) => escapeCell(txt(c))).join(',')];
  for (const cells of rows) {
    lines.push(columns.map((c) => { const cell = cells.get(c); return cell ? escapeCell(cell) : ''; }).join(','));
  }
  return lines.map((line) => line + '\r\n').join('');
}

/** "strata-transactions-2026-11-24.csv": the table and the UTC day of `now`. */
export function csvFileName(name: BackupTableName, now: number): string {
  return `strata-${name}-${new Date(now).toISOString().slice(0, 10)}.csv`;
}

/** One cell as RFC 4180 text, neutralized against formula injection. */
function escapeCell(cell: Cell): string {
  let text = cell.text;
  if (cell.kind === 'text' && FORMULA_START.test(text) && !DECIMAL_TEXT.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

type Entries = Record<string, v.GenericSchema> | undefined;

/**
 * The fields of an object schema (through pipes and optional wrappers), or
 * undefined when the schema at this path is not an object (a record, an array,
 * a union) or is not known.
 */
function schemaEntries(schema: unknown): Entries {
  let s = schema as { type?: string; wrapped?: unknown; entries?: Entries } | undefined;
  while (s && (s.type === 'optional' || s.type === 'nullable' || s.type === 'nullish' || s.type === 'exact_optional')) {
    s = s.wrapped as typeof s;
  }
  return s?.type === 'object' || s?.type === 'loose_object' || s?.type === 'strict_object' ? s.entries : undefined;
}

/** Whether the schema at this field says it is something other than a plain object (a record keyed by data). */
function isNonObjectField(entries: Entries, key: string): boolean {
  if (!entries || !(key in entries)) return false;
  return schemaEntries(entries[key]) === undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function isMoney(value: unknown): value is { minor: number; currency: string } {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  return (
    keys.length === 2 &&
    Number.isSafeInteger(value.minor) &&
    typeof value.currency === 'string' &&
    /^[A-Z]{3}$/.test(value.currency)
  );
}

/** Epoch-ms fields: `at`, `asOf` and every name ending in "At" (createdAt, importedAt, acquiredAt…). */
function isTimeField(key: string): boolean {
  return key === 'at' || key === 'asOf' || /[a-z0-9]At$/.test(key);
}

/** Earliest and latest time a Date can hold, in ms. */
const MAX_DATE_MS = 8.64e15;

function flatten(object: Record<string, unknown>, prefix: string, entries: Entries, out: Map<string, Cell>): void {
  for (const [key, value] of Object.entries(object)) {
    if (value === undefined) continue;
    const path = prefix + key;
    if (isPlainObject(value) && isNonObjectField(entries, key)) {
      out.set(path, leafCell(key, value));
    } else if (isMoney(value)) {
      out.set(path, num(toDecimalString(value)));
      out.set(`${path}.currency`, txt(value.currency));
    } else if (isPlainObject(value)) {
      flatten(value, `${path}.`, schemaEntries(entries?.[key]), out);
    } else {
      out.set(path, leafCell(key, value));
    }
  }
}

function leafCell(key: string, value: unknown): Cell {
  if (value === null) return txt('');
  if (typeof value === 'number') {
    if (isTimeField(key) && Number.isInteger(value) && Math.abs(value) <= MAX_DATE_MS) return txt(new Date(value).toISOString());
    return Number.isFinite(value) ? num(JSON.stringify(value)) : txt('');
  }
  if (typeof value === 'string') return txt(value);
  if (typeof value === 'boolean') return txt(String(value));
  return txt(JSON.stringify(value) ?? '');
}
