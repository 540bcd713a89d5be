/**
 * Generic column mapping: reading a layout Strata has no format for, with
 * the person's choice of which column is the date, the amount and so on.
 * The column-name synonyms here are also what the bank/card layouts
 * (formats/bank.ts) recognise, so both read the same names.
 */
import { isCurrencyCode, type Money } from '../money';
import { INCOME_KINDS } from '../db/schema';
import { parseDate } from './dates';
import { fingerprint } from './fingerprint';
import { normalizeHeader, readDecimal, Table } from './table';
import type { ColumnMapping, CsvRow, CsvTable, FormatOptions, FormatOutput, ImportedRecord } from './types';
import { plural } from './words';

export type ColumnRole = keyof ColumnMapping['columns'];

/** Header names per column role, normalized (lower case), most specific first: the first one present wins. */
export const COLUMN_SYNONYMS: Readonly<Record<ColumnRole, readonly string[]>> = {
  date: [
    'date', 'transaction date', 'trans. date', 'trans date', 'booking date', 'buchungstag', 'buchungsdatum', 'datum',
    'fecha', 'fecha operación', 'fecha de operación', "date de l'opération", 'date opération', 'date operation',
    'posting date', 'posted date', 'post date', 'value date', 'valutadatum', 'wertstellung', 'fecha valor', 'date de valeur', 'trade date', 'activity date',
  ],
  description: [
    'description', 'transaction description', 'payee', 'merchant', 'name', 'details', 'narrative', 'memo',
    'verwendungszweck', 'beschreibung', 'buchungstext', 'libellé', 'libelle', 'concepto', 'descripción', 'descripcion',
  ],
  amount: [
    'amount', 'transaction amount', 'net amount', 'betrag', 'umsatz', 'importe', 'montant', 'valor', 'bedrag',
  ],
  debit: [
    'debit', 'debits', 'debit amount', 'withdrawal', 'withdrawals', 'withdrawal amount', 'money out', 'paid out',
    'soll', 'débit', 'cargo', 'cargos',
  ],
  credit: [
    'credit', 'credits', 'credit amount', 'deposit', 'deposits', 'deposit amount', 'money in', 'paid in',
    'haben', 'crédit', 'abono', 'abonos',
  ],
  currency: ['currency', 'currency code', 'ccy', 'währung', 'waehrung', 'devise', 'moneda'],
  category: ['category', 'kategorie', 'catégorie', 'categoría', 'categoria'],
  account: [
    'account', 'account number', 'account name', 'account #', 'card no.', 'card number', 'card', 'konto',
    'kontonummer', 'iban', 'cuenta', 'compte',
  ],
  symbol: ['symbol', 'ticker', 'ticker symbol', 'stock symbol'],
  quantity: ['quantity', 'shares', 'qty', 'units', 'anzahl', 'stück'],
  price: ['price', 'share price', 'price per share', 'unit price', 'trade price', 'kurs'],
  side: ['side', 'action', 'buy/sell', 'type', 'transaction type', 'trade type'],
};

/** What a header cell is compared as: normalized, a curly apostrophe straightened, a trailing "(USD)" / "($)" / "in EUR" dropped. */
function baseName(cell: string): string {
  return normalizeHeader(cell).replace(/\u2019/g, "'").replace(/\s*\((?:[a-z]{3}|[$€£¥])\)$/, '').replace(/\s+in\s+[a-z]{3}$/, '');
}

const SYMBOL_CURRENCY: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY' };

/** The currency a header cell names ("Amount (EUR)", "Betrag in EUR", "Amount ($)"), if any. */
export function headerCurrency(cell: string): string | undefined {
  const m = /\(([a-z]{3}|[$€£¥])\)$|\sin\s([a-z]{3})$/.exec(normalizeHeader(cell));
  const code = m ? (SYMBOL_CURRENCY[m[1] ?? ''] ?? (m[1] ?? m[2] ?? '').toUpperCase()) : '';
  return isCurrencyCode(code) ? code : undefined;
}

/** Indices of the header cells that fill each role (a cell fills at most one role; roles claimed in the order given). */
export function matchColumns(header: readonly string[], roles: readonly ColumnRole[]): Partial<Record<ColumnRole, number>> {
  const names = header.map(baseName);
  const used = new Set<number>();
  const found: Partial<Record<ColumnRole, number>> = {};
  for (const role of roles) {
    for (const synonym of COLUMN_SYNONYMS[role]) {
      const at = names.findIndex((n, i) => n === synonym && !used.has(i));
      if (at !== -1) {
        found[role] = at;
        used.add(at);
        break;
      }
    }
  }
  return found;
}

const DELIMITER_NAMES: Record<string, string> = { ',': 'commas', ';': 'semicolons', '\t': 'tabs', '|': '"|"' };

/**
 * When the rows came out as one or two cells and contain another delimiter,
 * a sentence saying so ("… split at commas, but they contain semicolons …"); '' otherwise.
 */
export function delimiterHint(table: CsvTable): string {
  const rows = table.rows.slice(0, 10);
  const narrow = rows.filter((r) => r.cells.filter((c) => c.trim() !== '').length < 3);
  if (rows.length === 0 || narrow.length * 2 < rows.length) return '';
  for (const ch of [';', '\t', ',', '|']) {
    if (ch === table.delimiter) continue;
    if (narrow.filter((r) => r.cells.some((c) => c.includes(ch))).length * 2 > narrow.length) {
      return ` Its lines were split at ${DELIMITER_NAMES[table.delimiter] ?? `"${table.delimiter}"`}, but they contain ${DELIMITER_NAMES[ch]}: the file may use ${DELIMITER_NAMES[ch]} between columns.`;
    }
  }
  return '';
}

/** The first line of the table as the file writes it, shortened. */
export function firstLineText(table: CsvTable): string {
  const first = table.rows[0];
  if (!first) return '';
  const text = first.cells.join(table.delimiter === '\t' ? ' ' : table.delimiter).replace(/\s+/g, ' ').trim();
  return text.length > 100 ? `${text.slice(0, 100)}…` : text;
}

function trimmedHeader(header: readonly string[]): string[] {
  const cells = header.map(normalizeHeader);
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return cells;
}

/** A stable id (17 characters) of a header row: the same header, ignoring case, spacing and trailing empty cells, gives the same key. */
export function headerKey(header: readonly string[]): string {
  const text = trimmedHeader(header).join('\u0001');
  return `h${fingerprint(text)}`;
}

function looksLikeValue(cell: string): boolean {
  const t = cell.trim();
  return readDecimal(t) !== null || /^[-+(]?[$€£¥]?\s?\d/.test(t) || parseDate(t).ok;
}

/** The header row of an unknown layout: the first of the first 40 rows with ≥2 non-empty cells, mostly not numbers or dates, followed by a row at least as wide. -1 if none. */
export function guessHeaderRow(rows: readonly CsvRow[]): number {
  const end = Math.min(rows.length - 1, 40);
  for (let i = 0; i < end; i++) {
    const cells = rows[i]!.cells.filter((c) => c.trim() !== '');
    if (cells.length < 2) continue;
    const values = cells.filter(looksLikeValue).length;
    if (values * 2 >= cells.length) continue;
    if (rows[i + 1]!.cells.length >= trimmedHeader(rows[i]!.cells).length) return i;
  }
  return -1;
}

/** The best guess of a mapping from the header's names. Columns are named as the file writes them. */
export function suggestMapping(header: readonly string[]): ColumnMapping {
  const found = matchColumns(header, ['date', 'symbol', 'quantity', 'price', 'amount', 'debit', 'credit', 'description', 'currency', 'category', 'account', 'side']);
  const name = (role: ColumnRole) => (found[role] === undefined ? undefined : header[found[role]!]!.trim());
  const trade = found.symbol !== undefined && found.quantity !== undefined;
  const columns: ColumnMapping['columns'] = { date: name('date') ?? '' };
  const roles: ColumnRole[] = trade
    ? ['description', 'amount', 'currency', 'account', 'symbol', 'quantity', 'price', 'side']
    : found.amount !== undefined
      ? ['description', 'amount', 'currency', 'category', 'account']
      : ['description', 'debit', 'credit', 'currency', 'category', 'account'];
  for (const role of roles) {
    const n = name(role);
    if (n !== undefined) columns[role] = n;
  }
  return { kind: trade ? 'trade' : 'transaction', columns };
}

/** What stops a mapping from reading this header, in plain words (empty when it can). */
export function checkMapping(mapping: ColumnMapping, header: readonly string[]): string[] {
  const problems: string[] = [];
  const present = new Set(header.map(normalizeHeader));
  const c = mapping.columns;
  if (!c.date || c.date.trim() === '') problems.push('Choose the column that holds each row’s date.');
  for (const [role, name] of Object.entries(c)) {
    if (name && name.trim() !== '' && !present.has(normalizeHeader(name))) {
      problems.push(`The ${role} column "${name}" is not in the file’s header.`);
    }
  }
  if (c.debit && !c.credit) problems.push(`Choose the credit (money in) column that goes with "${c.debit}", or one amount column.`);
  else if (c.credit && !c.debit) problems.push(`Choose the debit (money out) column that goes with "${c.credit}", or one amount column.`);
  else if (mapping.kind !== 'trade' && !c.amount && !c.debit) {
    problems.push('Choose an amount column, or a debit (money out) and a credit (money in) column.');
  }
  if (mapping.kind === 'trade') {
    const missing = (['symbol', 'quantity', 'price'] as const).filter((r) => !c[r]);
    if (missing.length) problems.push(`A trade needs a ${missing.join(', a ')} column; choose ${missing.length === 1 ? 'it' : 'them'}.`);
  }
  if (mapping.kind === 'income') {
    if (!mapping.source || mapping.source.trim() === '') problems.push('Name the income stream (the source) these rows are from, such as "Etsy shop".');
    if (mapping.incomeKind && !(INCOME_KINDS as readonly string[]).includes(mapping.incomeKind)) {
      problems.push(`"${mapping.incomeKind}" is not a kind of income Strata knows.`);
    }
  }
  if (mapping.currency !== undefined && !isCurrencyCode(mapping.currency)) {
    problems.push(`"${mapping.currency}" is not a currency code such as USD or EUR.`);
  }
  return problems;
}

const TOTAL = /^(total|totals|sum|summe|saldo|balance|opening balance|closing balance|ending balance|beginning balance|anfangssaldo|endsaldo|kontostand|solde)\b/i;

const KIND_WORDS = { transaction: 'transactions', trade: 'trades', income: 'income' } as const;


/** Reads the rows under `headerIndex` as the mapping says: transactions, trades or income. */
export function parseWithMapping(table: CsvTable, headerIndex: number, mapping: ColumnMapping, options: FormatOptions): FormatOutput {
  const header = table.rows[headerIndex];
  if (!header) return { records: [], errors: [{ line: 0, column: '', reason: 'The file has no header row to read its columns from.' }], notes: [] };
  const problems = checkMapping(mapping, header.cells);
  if (problems.length) return { records: [], errors: problems.map((reason) => ({ line: header.line, column: '', reason })), notes: [] };

  const t = new Table(header);
  const c = mapping.columns;
  const col = (name?: string) => (name ? t.column(name) : -1);
  const at = {
    date: col(c.date), description: col(c.description), amount: col(c.amount), debit: col(c.debit), credit: col(c.credit),
    currency: col(c.currency), account: col(c.account), category: col(c.category), symbol: col(c.symbol),
    quantity: col(c.quantity), price: col(c.price), side: col(c.side),
  };
  const rows = table.rows.slice(headerIndex + 1);
  const notes: string[] = [];
  if (rows.length === 0) return { records: [], errors: [{ line: 0, column: '', reason: 'The file has a header but no rows.' }], notes };

  const resolution = t.resolveDates(rows, [at.date], undefined, options.dateOrder ?? mapping.dateOrder);
  if (resolution.assumed && !resolution.conflict) notes.push(resolution.explanation);
  t.resolveDecimals(rows, [at.amount, at.debit, at.credit, at.price]);
  let conflictPending = resolution.conflict !== undefined;

  const fallbackCurrency = mapping.currency ?? options.currency ?? 'USD';
  const headerCells = trimmedHeader(header.cells).join('\u0001');
  const width = trimmedHeader(header.cells).length;
  const records: ImportedRecord[] = [];
  let textLines = 0;
  let totals = 0;
  let repeats = 0;
  const sign = mapping.invertSign ? -1 : 1;
  const flip = (m: Money): Money => ({ ...m, minor: m.minor === 0 ? 0 : sign * m.minor });

  const amountOf = (row: CsvRow, currency: string, optional = false): Money | undefined | null => {
    if (at.amount >= 0) {
      const before = t.errors.length;
      const m = t.money(row, at.amount, currency, { optional });
      return m ? flip(m) : t.errors.length > before ? null : undefined;
    }
    if (at.debit < 0) return undefined;
    const before = t.errors.length;
    const debit = t.money(row, at.debit, currency, { optional: true });
    const credit = t.money(row, at.credit, currency, { optional: true });
    if (t.errors.length > before) return null;
    if (!debit && !credit) {
      if (optional) return undefined;
      t.fail(row.line, -1, `neither "${t.columnName(at.debit)}" nor "${t.columnName(at.credit)}" has an amount`);
      return null;
    }
    const minor = Math.abs(credit?.minor ?? 0) - Math.abs(debit?.minor ?? 0);
    return flip({ minor, currency: (credit ?? debit)!.currency });
  };

  const firstHeaderCell = (header.cells[0] ?? '').trim().toLowerCase();
  for (const row of rows) {
    // Cheap tests first: most rows are plain data (100,000-row files).
    const firstCell = row.cells[0] ?? '';
    if (row.cells.length >= width && firstCell.trim().toLowerCase() === firstHeaderCell && trimmedHeader(row.cells).join('\u0001') === headerCells) {
      repeats++;
      continue;
    }
    let nonEmptyCount = 0;
    let firstNonEmpty = '';
    for (const cell of row.cells) {
      if (cell.trim() === '') continue;
      if (nonEmptyCount++ === 0) firstNonEmpty = cell.trim();
      if (nonEmptyCount > 1) break;
    }
    if (nonEmptyCount === 1 && !/^[\d(+-]/.test(firstNonEmpty) && !parseDate(firstNonEmpty).ok) {
      textLines++;
      continue;
    }
    const dateCell = t.cell(row, at.date);
    if ((TOTAL.test(dateCell) || TOTAL.test(firstNonEmpty)) && !parseDate(dateCell, t.dateOrder).ok) {
      totals++;
      continue;
    }
    if (row.cells.length < width && row.cells.some((cell) => cell.includes('\n') || cell.includes(table.delimiter))) {
      t.fail(row.line, -1, 'the line opens a quote that is never closed, so the rest of the file ran into one cell: the file may be cut off here');
      continue;
    }
    if (!t.complete(row)) continue;
    const before = t.errors.length;
    const date = t.date(row, at.date);
    if (date === undefined) {
      if (conflictPending && t.errors.length > before) {
        t.errors.splice(before, 1, { line: row.line, column: t.columnName(at.date), reason: `${resolution.conflict} Choose the date order to read them.` });
        conflictPending = false;
      }
      continue;
    }
    let currency = fallbackCurrency;
    if (at.currency >= 0) {
      const code = t.cell(row, at.currency).toUpperCase();
      if (code !== '' && !isCurrencyCode(code)) {
        t.fail(row.line, at.currency, `"${t.cell(row, at.currency)}" is not a currency code such as USD or EUR`);
        continue;
      }
      if (code !== '') currency = code;
    }
    const base: { line: number; account?: string } = { line: row.line };
    const account = t.cell(row, at.account);
    if (account !== '') base.account = account;
    const description = t.cell(row, at.description);

    if (mapping.kind === 'trade') {
      const symbol = t.text(row, at.symbol, 'the symbol');
      const quantity = t.quantity(row, at.quantity);
      const price = t.money(row, at.price, currency, { round: true });
      let side: 'buy' | 'sell' | undefined = t.sign(row, at.quantity) < 0 ? 'sell' : 'buy';
      if (at.side >= 0) {
        const word = t.cell(row, at.side);
        side = /\b(buy|bought|purchase|kauf)/i.test(word) ? 'buy' : /\b(sell|sold|sale|verkauf)/i.test(word) ? 'sell' : t.fail(row.line, at.side, `"${word}" is neither a buy nor a sell`);
      }
      const amount = amountOf(row, currency, true);
      if (!symbol || quantity === undefined || !price || !side || amount === null) continue;
      records.push({ ...base, kind: 'trade', date, side, symbol: symbol.toUpperCase(), quantity, price, ...(amount ? { amount } : {}), ...(description ? { description } : {}) });
      continue;
    }
    const amount = amountOf(row, currency);
    if (!amount) continue;
    if (mapping.kind === 'income') {
      const symbol = t.cell(row, at.symbol);
      records.push({
        ...base, kind: 'income', date, amount, incomeKind: mapping.incomeKind ?? 'other', source: mapping.source!.trim(),
        ...(symbol ? { symbol: symbol.toUpperCase() } : {}), ...(description ? { description } : {}),
      });
    } else {
      const category = t.cell(row, at.category);
      records.push({ ...base, kind: 'transaction', date, amount, description, ...(category ? { category } : {}) });
    }
  }
  if (conflictPending) t.errors.push({ line: header.line, column: t.columnName(at.date), reason: `${resolution.conflict} Choose the date order to read them.` });
  if (repeats) notes.push(`The header was repeated on ${plural(repeats, 'line', 'lines')}; ${repeats === 1 ? 'it was' : 'they were'} skipped.`);
  if (textLines) notes.push(`${plural(textLines, 'line', 'lines')} of text outside the table ${textLines === 1 ? 'was' : 'were'} skipped.`);
  if (totals) notes.push(`${plural(totals, 'total or balance line was', 'total or balance lines were')} skipped: they are not ${KIND_WORDS[mapping.kind]}.`);
  if (t.roundedCount) notes.push(`${plural(t.roundedCount, 'price', 'prices')} had more decimals than the currency has and ${t.roundedCount === 1 ? 'was' : 'were'} rounded half to even.`);
  return { records, errors: t.errors, notes, dateOrder: resolution };
}
