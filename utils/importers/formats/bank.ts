/**
 * The generic bank and card layouts: a date, a description and either one
 * signed amount column or money out / money in columns, under any of the
 * names banks use (mapping.ts COLUMN_SYNONYMS: "Transaction Date",
 * "Buchungstag", "Payee", "Verwendungszweck", "Betrag", "Paid out"…). The
 * file decides its date order and decimal separator. Scores stay low (1–3)
 * so that a brokerage or income layout with a more specific header wins.
 *
 * Card exports that write charges as positive amounts (American Express,
 * Apple Card) are recognised by their Type column or header and read with
 * charges as money out.
 */
import { delimiterHint, firstLineText, headerCurrency, matchColumns, parseWithMapping, type ColumnRole } from '../mapping';
import { normalizeHeader, readDecimal } from '../table';
import type { ColumnMapping, CsvRow, CsvTable, FormatOptions, FormatOutput, ImportFormat } from '../types';

type Layout = 'signed' | 'debit-credit';

const ROLES: readonly ColumnRole[] = ['date', 'amount', 'debit', 'credit', 'description', 'currency', 'category', 'account', 'symbol', 'quantity'];

interface BankHeader {
  index: number;
  columns: Partial<Record<ColumnRole, number>>;
  score: number;
}

/** The first header row (within the first 40) of the layout, with its columns; null if none. */
function findBankHeader(rows: readonly CsvRow[], layout: Layout): BankHeader | null {
  const end = Math.min(rows.length, 40);
  for (let index = 0; index < end; index++) {
    const columns = matchColumns(rows[index]!.cells, ROLES);
    if (columns.date === undefined || columns.description === undefined) continue;
    // A symbol or a share quantity makes it a brokerage layout, not a bank's.
    if (columns.symbol !== undefined || columns.quantity !== undefined) continue;
    const fits = layout === 'signed' ? columns.amount !== undefined : columns.amount === undefined && columns.debit !== undefined && columns.credit !== undefined;
    if (!fits) continue;
    const score = 1 + (columns.category !== undefined ? 1 : 0) + (columns.currency !== undefined || columns.account !== undefined ? 1 : 0);
    return { index, columns, score };
  }
  return null;
}

const OUT_TYPES = /^(sale|purchase|debit|charge|fee|withdrawal|installment)/i;
const IN_TYPES = /^(payment|credit|return|refund|deposit)/i;
const CARD_PAYMENT = /payment.*thank|autopay|online payment|mobile payment/i;

/**
 * Whether the file writes card charges as positive amounts: its Type column
 * says "Sale"/"Purchase" on positive amounts and "Payment" on negative ones
 * (Apple Card), or, without a Type column, an American Express header
 * ("Card Member") or its "payment — thank you" lines are negative while most
 * others are positive.
 */
function chargesArePositive(rows: readonly CsvRow[], header: readonly string[], amountAt: number, descriptionAt: number): boolean {
  const typeAt = header.findIndex((cell) => normalizeHeader(cell) === 'type');
  let agree = 0;
  let disagree = 0;
  let paymentsNegative = 0;
  let paymentsPositive = 0;
  let othersPositive = 0;
  let othersNegative = 0;
  for (const row of rows) {
    const value = readDecimal(row.cells[amountAt] ?? '');
    if (!value || /^0*$/.test(value.digits)) continue;
    const type = typeAt >= 0 ? (row.cells[typeAt] ?? '').trim() : '';
    if (OUT_TYPES.test(type)) value.negative ? agree++ : disagree++;
    else if (IN_TYPES.test(type)) value.negative ? disagree++ : agree++;
    if (CARD_PAYMENT.test(row.cells[descriptionAt] ?? '')) value.negative ? paymentsNegative++ : paymentsPositive++;
    else value.negative ? othersNegative++ : othersPositive++;
  }
  if (agree + disagree > 0) return disagree > agree;
  if (header.some((cell) => normalizeHeader(cell) === 'card member')) return true;
  return paymentsNegative > 0 && paymentsPositive === 0 && othersPositive > othersNegative;
}

function describeMissing(layout: Layout): string {
  return layout === 'signed' ? 'a date, a description and an amount column' : 'a date, a description, and money out and money in columns (such as Debit and Credit)';
}

function parseBank(layout: Layout, table: CsvTable, options: FormatOptions): FormatOutput {
  const found = findBankHeader(table.rows, layout);
  if (!found) {
    return {
      records: [],
      errors: [{
        line: table.rows[0]?.line ?? 0,
        column: '',
        reason: `The file does not have a bank export's header (${describeMissing(layout)}) in its first 40 lines. Its first line reads: ${firstLineText(table)}.${delimiterHint(table)}`,
      }],
      notes: [],
    };
  }
  const header = table.rows[found.index]!.cells;
  const name = (role: ColumnRole) => (found.columns[role] === undefined ? undefined : header[found.columns[role]!]!.trim());
  const columns: ColumnMapping['columns'] = { date: name('date')! };
  for (const role of ['description', 'amount', 'debit', 'credit', 'currency', 'category', 'account'] as const) {
    const n = layout === 'signed' && (role === 'debit' || role === 'credit') ? undefined : name(role);
    if (n !== undefined) columns[role] = n;
  }
  const mapping: ColumnMapping = { kind: 'transaction', columns };
  const moneyAt = found.columns.amount ?? found.columns.debit ?? found.columns.credit!;
  const fromHeader = headerCurrency(header[moneyAt] ?? '');
  if (fromHeader && found.columns.currency === undefined) mapping.currency = fromHeader;
  const notes: string[] = [];
  if (layout === 'signed' && chargesArePositive(table.rows.slice(found.index + 1), header, found.columns.amount!, found.columns.description!)) {
    mapping.invertSign = true;
    notes.push('This card export writes charges as positive amounts and payments as negative ones: charges were read as money out and payments as money in.');
  }
  const out = parseWithMapping(table, found.index, mapping, options);
  return { ...out, notes: [...notes, ...out.notes] };
}

export const bankSignedAmount: ImportFormat = {
  id: 'bank-signed-amount',
  label: 'Bank or card — one amount column',
  group: 'bank',
  institution: 'Bank',
  detect: (rows) => findBankHeader(rows, 'signed')?.score ?? 0,
  parse: (table, options) => parseBank('signed', table, options),
};

export const bankDebitCredit: ImportFormat = {
  id: 'bank-debit-credit',
  label: 'Bank or card — money out and money in columns',
  group: 'bank',
  institution: 'Bank',
  detect: (rows) => findBankHeader(rows, 'debit-credit')?.score ?? 0,
  parse: (table, options) => parseBank('debit-credit', table, options),
};
