/**
 * How the Import and Backup sections say things: counts with their plural
 * forms, the commit button, the outcome of an import, an undo and a restore,
 * format and table names, the date orders, the mapping step's fields, and a
 * record read from a file in one line. Pure: no DOM. Every string is plain
 * text; file contents (descriptions, symbols, account labels, reasons) are the
 * person's own data and are rendered as text, never parsed as markup.
 */
import type { BackupTableName } from '@/utils/backup/format';
import type { ColumnMapping, DateOrder, FormatGroup, ImportedKind, ImportedRecord } from '@/utils/importers/types';
import { formatMoney, type Money } from '@/utils/money';
import { INCOME_KIND_LABELS, listAnd } from '@/utils/labels';

/** "1,234" in the locale. */
export function countText(n: number, locale = 'en-US'): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(n);
}

/** "1 trade", "3 trades", "1,234 trades". */
export function plural(n: number, one: string, many: string, locale = 'en-US'): string {
  return `${countText(n, locale)} ${n === 1 ? one : many}`;
}

/** What each kind of record read from a file is called. */
export const KIND_NOUNS: Record<ImportedKind, readonly [string, string]> = {
  transaction: ['transaction', 'transactions'],
  trade: ['trade', 'trades'],
  income: ['income record', 'income records'],
  position: ['position', 'positions'],
  lot: ['tax lot', 'tax lots'],
  balance: ['balance', 'balances'],
};

/** What a record of a table is called in sentences ("Added 3 income events"). */
export const TABLE_NOUNS: Record<string, readonly [string, string]> = {
  transactions: ['transaction', 'transactions'],
  trades: ['trade', 'trades'],
  incomeEvents: ['income event', 'income events'],
  holdings: ['holding', 'holdings'],
  taxLots: ['tax lot', 'tax lots'],
  balanceSnapshots: ['balance snapshot', 'balance snapshots'],
};

/** The readable name of every table a backup holds (the CSV export's list). */
export const TABLE_LABELS = {
  settings: 'Settings',
  planSettings: 'Plan settings',
  accounts: 'Accounts',
  balanceSnapshots: 'Balance snapshots',
  holdings: 'Holdings',
  taxLots: 'Tax lots',
  streams: 'Income streams',
  incomeEvents: 'Income events',
  streamCosts: 'Stream costs',
  transactions: 'Transactions',
  allocationTargets: 'Allocation targets',
  captureRules: 'Capture rules',
  metricSnapshots: 'Metric snapshots',
  captureMappings: 'Capture mappings',
  cashNeeds: 'Cash needs',
  debts: 'Debts',
  portfolioSettings: 'Portfolio settings',
  trades: 'Trades',
  prices: 'Prices',
  tradingSettings: 'Trading lab settings',
  priceImports: 'Price files',
  bars: 'Daily price bars',
  strategies: 'Strategies',
  labAccounts: 'Lab accounts',
  labFills: 'Lab fills',
  optionPositions: 'Options positions',
  imports: 'Imported files',
  importMappings: 'Column mappings',
  categoryRules: 'Category rules',
  leakMarks: 'Recurring charge marks',
} satisfies Record<BackupTableName, string>;

/** "3 trades" for a table's count; a table without a noun is named by its key. */
function tableCount(table: string, n: number, locale: string): string {
  const [one, many] = TABLE_NOUNS[table] ?? [table, table];
  return plural(n, one, many, locale);
}

/** "120 transactions, 3 trades" from counts per table (zeros left out, known tables first); "" when all are zero. */
export function tableCountsText(counts: Readonly<Record<string, number>>, locale = 'en-US'): string {
  const order = Object.keys(TABLE_NOUNS);
  const names = Object.keys(counts)
    .filter((name) => (counts[name] ?? 0) > 0)
    .sort((a, b) => rank(order, a) - rank(order, b));
  return names.map((name) => tableCount(name, counts[name]!, locale)).join(', ');
}

function rank(order: readonly string[], name: string): number {
  const i = order.indexOf(name);
  return i === -1 ? order.length : i;
}

/** The sum of counts per table. */
export function totalCount(counts: Readonly<Record<string, number>>): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

/** "120 transactions, 3 trades" from the records read; "no records" when none. */
export function kindCountsText(records: readonly Pick<ImportedRecord, 'kind'>[], locale = 'en-US'): string {
  const counts = new Map<ImportedKind, number>();
  for (const r of records) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
  const parts = (Object.keys(KIND_NOUNS) as ImportedKind[])
    .filter((kind) => counts.has(kind))
    .map((kind) => plural(counts.get(kind)!, KIND_NOUNS[kind][0], KIND_NOUNS[kind][1], locale));
  return parts.length ? parts.join(', ') : 'no records';
}

/** The commit button: "Import 120 records", "Import 1 record (2 refused rows left out)". */
export function commitButtonText(records: number, refused: number, locale = 'en-US'): string {
  const base = `Import ${plural(records, 'record', 'records', locale)}`;
  return refused > 0 ? `${base} (${plural(refused, 'refused row', 'refused rows', locale)} left out)` : base;
}

/** What a commit did: "Added 120 transactions, 3 trades; skipped 4 already imported." */
export function outcomeText(outcome: { add: Readonly<Record<string, number>>; duplicates: number; refused: number }, locale = 'en-US'): string {
  const added = tableCountsText(outcome.add, locale);
  const parts = [added ? `Added ${added}` : 'Nothing new was added'];
  if (outcome.duplicates > 0) parts.push(`skipped ${countText(outcome.duplicates, locale)} already imported`);
  if (outcome.refused > 0) parts.push(`left out ${plural(outcome.refused, 'refused row', 'refused rows', locale)}`);
  return `${parts.join('; ')}.`;
}

/** One past import in a line: "Added 120 transactions; 4 duplicates skipped; 2 rows refused." */
export function pastImportText(record: { added: Readonly<Record<string, number>>; duplicates: number; refused: number }, locale = 'en-US'): string {
  const added = tableCountsText(record.added, locale);
  const parts = [added ? `Added ${added}` : 'Added nothing'];
  if (record.duplicates > 0) parts.push(`${plural(record.duplicates, 'duplicate', 'duplicates', locale)} skipped`);
  if (record.refused > 0) parts.push(`${plural(record.refused, 'row', 'rows', locale)} refused`);
  return `${parts.join('; ')}.`;
}

/** After an undo: "Removed 120 transactions, 3 trades that bank.csv added." */
export function undoText(removed: Readonly<Record<string, number>>, fileName: string, locale = 'en-US'): string {
  const what = tableCountsText(removed, locale);
  return what ? `Removed ${what} that ${fileName} added.` : `${fileName} had added nothing that is still stored; nothing was removed.`;
}

/** After a restore: "Restored 1,234 records in 12 tables." (tables that hold records). */
export function restoreText(restored: Readonly<Record<string, number>>, locale = 'en-US'): string {
  const tables = Object.values(restored).filter((n) => n > 0).length;
  const records = totalCount(restored);
  if (records === 0) return 'Restored an empty backup: no records are stored now.';
  return `Restored ${plural(records, 'record', 'records', locale)} in ${plural(tables, 'table', 'tables', locale)}.`;
}

/** The label of a format id ("Charles Schwab — transactions"); "mapping" is the person's own mapping. */
export function formatLabel(id: string | null | undefined, formats: readonly { id: string; label: string }[]): string {
  if (id === 'mapping') return 'Your column mapping';
  if (!id) return 'Not recognised';
  return formats.find((f) => f.id === id)?.label ?? id;
}

export const FORMAT_GROUP_LABELS: Record<FormatGroup, string> = { brokerage: 'Brokerage', income: 'Income', bank: 'Bank' };

/** The formats by group, in the order Brokerage, Income, Bank; empty groups left out. */
export function groupFormats<F extends { group: FormatGroup }>(formats: readonly F[]): { group: FormatGroup; label: string; formats: F[] }[] {
  return (Object.keys(FORMAT_GROUP_LABELS) as FormatGroup[])
    .map((group) => ({ group, label: FORMAT_GROUP_LABELS[group], formats: formats.filter((f) => f.group === group) }))
    .filter((g) => g.formats.length > 0);
}

export const DATE_ORDER_LABELS: Record<DateOrder, string> = {
  MDY: 'Month/day/year (11/24/2026)',
  DMY: 'Day/month/year (24/11/2026)',
  YMD: 'Year/month/day (2026/11/24)',
};

/** While a file is read: "Reading bank.csv… 42%". */
export function progressText(fileName: string, share: number, locale = 'en-US'): string {
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(Math.min(1, Math.max(0, share)));
  return `Reading ${fileName}… ${percent}`;
}

/** "Read 124 rows: 120 transactions, 3 trades; 1 row refused." */
export function readingSummaryText(reading: { rowsRead: number; records: readonly Pick<ImportedRecord, 'kind'>[]; errors: readonly unknown[] }, locale = 'en-US'): string {
  const refused = reading.errors.length;
  const tail = refused > 0 ? `; ${plural(refused, 'row', 'rows', locale)} refused` : '';
  return `Read ${plural(reading.rowsRead, 'row', 'rows', locale)}: ${kindCountsText(reading.records, locale)}${tail}.`;
}

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

/** "UTF-8 text, comma-separated". */
export function fileMetaText(encoding: string, delimiter: string): string {
  const name = DELIMITER_NAMES[delimiter];
  const separated = name ? `, ${name}-separated` : delimiter ? `, separated by "${delimiter}"` : '';
  return `${encoding.toUpperCase()} text${separated}`;
}

/** A refused row's line: 0 is the whole file. */
export function lineText(line: number, locale = 'en-US'): string {
  return line === 0 ? 'Whole file' : countText(line, locale);
}

/** Under a capped list: "and 12 more refused rows". */
export function moreText(hidden: number, one: string, many: string, locale = 'en-US'): string {
  return `and ${countText(hidden, locale)} more ${hidden === 1 ? one : many}`;
}

/** "4 rows were imported before and will be skipped (lines 4, 5, 9 and 12)." */
export function duplicatesText(count: number, lines: readonly number[], locale = 'en-US'): string {
  if (count === 0) return 'None of these rows were imported before.';
  const head = count === 1 ? '1 row was imported before and will be skipped' : `${countText(count, locale)} rows were imported before and will be skipped`;
  if (lines.length === 0) return `${head}.`;
  const shown = lines.map((l) => countText(l, locale));
  const list = lines.length < count ? `${shown.join(', ')} and ${countText(count - lines.length, locale)} more` : listAnd(shown);
  return `${head} (line${count === 1 ? '' : 's'} ${list}).`;
}

/** "Using the mapping you saved for this header on Nov 24, 2026." */
export function savedMappingText(savedAt: number, locale = 'en-US', timeZone?: string): string {
  return `Using the mapping you saved for this header on ${dayText(savedAt, locale, timeZone)}.`;
}

/** A moment as a day: "Nov 24, 2026". */
export function dayText(at: number, locale = 'en-US', timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', ...(timeZone ? { timeZone } : {}) }).format(at);
}

/** A moment with its time: "Nov 24, 2026, 10:00 AM". */
export function dateTimeText(at: number, locale = 'en-US', timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(at);
}

/** The mapping step's fields, in the order shown, with their labels. */
export const MAPPING_FIELDS: readonly { field: keyof ColumnMapping['columns']; label: string; hint?: string }[] = [
  { field: 'date', label: 'Date' },
  { field: 'description', label: 'Description' },
  { field: 'amount', label: 'Amount (signed)', hint: 'One column, negative for money going out.' },
  { field: 'debit', label: 'Money out (debit)', hint: 'Instead of Amount: money out and money in in two columns.' },
  { field: 'credit', label: 'Money in (credit)' },
  { field: 'currency', label: 'Currency' },
  { field: 'account', label: 'Account' },
  { field: 'category', label: 'Category' },
  { field: 'symbol', label: 'Symbol' },
  { field: 'quantity', label: 'Quantity' },
  { field: 'price', label: 'Price per share' },
  { field: 'side', label: 'Buy or sell', hint: 'Without it, the sign of the quantity decides.' },
];

export const MAPPING_KIND_LABELS: Record<ColumnMapping['kind'], string> = {
  transaction: 'Transactions (bank or card)',
  trade: 'Trades (buys and sells)',
  income: 'Income (earnings, dividends)',
};

/** The name a new account is created with: "<institution> <label>", or the institution for a file without labels. */
export function newAccountName(institution: string, label: string): string {
  return label ? `${institution} ${label}` : institution;
}

/** What a record read from a file says, in a line (the preview tables). */
export function recordSummary(record: ImportedRecord, locale = 'en-US'): { date: string; what: string; amount: string } {
  const money = (m: Money | undefined) => (m ? formatMoney(m, locale) : '');
  switch (record.kind) {
    case 'transaction':
      return { date: record.date, what: record.category ? `${record.description} (${record.category})` : record.description, amount: money(record.amount) };
    case 'trade':
      return {
        date: record.date,
        what: `${record.side === 'buy' ? 'Buy' : 'Sell'} ${record.quantity} ${record.symbol} at ${money(record.price)}${record.fees ? `, fees ${money(record.fees)}` : ''}`,
        amount: money(record.amount),
      };
    case 'income':
      return {
        date: record.date,
        what: `${record.source}: ${record.description ?? INCOME_KIND_LABELS[record.incomeKind]}${record.symbol ? ` (${record.symbol})` : ''}`,
        amount: money(record.amount),
      };
    case 'position':
      return { date: record.date ?? '', what: `${record.quantity} ${record.symbol}${record.description ? ` — ${record.description}` : ''}`, amount: money(record.marketValue) };
    case 'lot':
      return { date: record.acquired, what: `Lot of ${record.quantity} ${record.symbol}, cost ${money(record.costBasis)}`, amount: money(record.marketValue) };
    case 'balance':
      return { date: record.date ?? '', what: 'Account balance', amount: money(record.amount) };
  }
}
