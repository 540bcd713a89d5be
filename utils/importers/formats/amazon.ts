/**
 * Amazon Associates — the Fee-Earnings report (Reports → Fee-Earnings →
 * Download report, CSV).
 *
 * Layout (header as in gpsmith21/affiliate_youtube ingestion/s3_schema.json
 * @ f22b72c; the title row is the convention several public parsers skip):
 *
 *   Fee-Earnings reports from 2026-11-01 to 2026-11-30
 *   Category,Name,ASIN,Seller,Tracking ID,Date Shipped,Price($),Items Shipped,Returns,Revenue($),Ad Fees($),Device Type Group
 *
 * (some exports add a trailing Direct/Indirect column). One income record
 * per row: date = Date Shipped, amount = Ad Fees — the commission, negative
 * on a return — incomeKind 'affiliate-commission', description
 * "Name (ASIN) via Tracking ID". Revenue is what the buyer paid Amazon, not
 * the person's money, so it is not the record's gross. Dates come ISO
 * ("2026-11-03"), with month names ("November 03, 2026") or US-numeric; the
 * currency follows the "($)" of the fee column ("$" = the chosen account's
 * currency, else USD: amazon.com and amazon.ca both write "$").
 */
import { findHeader, headerMatches, normalizeHeader, Table } from '../table';
import type { CsvRow, CsvTable, FormatOptions, FormatOutput, ImportFormat, IncomeRecord } from '../types';
import { plural } from '../words';

const REQUIRED = ['Category', 'Name', 'ASIN', 'Tracking ID', 'Date Shipped'];
const OPTIONAL = ['Seller', 'Items Shipped', 'Returns', 'Device Type Group', 'Direct/Indirect'];
/** "ad fees($)", "ad fees (£)": the commission column and its currency sign. */
const FEES = /^ad fees\s*\((.+)\)$/;
const TITLE = /^fee-earnings reports? from /i;
const NUMERIC_DATE = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/;

const SYMBOLS: Record<string, string> = { '£': 'GBP', '€': 'EUR', '¥': 'JPY', '₹': 'INR', 'r$': 'BRL' };

function feesColumn(row: CsvRow): { at: number; unit: string } | undefined {
  for (let i = 0; i < row.cells.length; i++) {
    const m = FEES.exec(normalizeHeader(row.cells[i]!));
    if (m) return { at: i, unit: m[1]!.trim() };
  }
  return undefined;
}

function currencyFor(unit: string, options: FormatOptions): string {
  if (/^[a-z]{3}$/.test(unit)) return unit.toUpperCase();
  return SYMBOLS[unit] ?? options.currency ?? 'USD';
}


function detect(rows: readonly CsvRow[]): number {
  const at = findHeader(rows, REQUIRED);
  if (at === -1 || !feesColumn(rows[at]!)) return 0;
  const header = rows[at]!;
  const priced = header.cells.filter((c) => /^(price|revenue)\s*\(/.test(normalizeHeader(c))).length;
  const titled = rows.slice(0, at).some((r) => TITLE.test((r.cells[0] ?? '').trim())) ? 1 : 0;
  return REQUIRED.length + 1 + headerMatches(header, OPTIONAL) + priced + titled;
}

function parse(table: CsvTable, options: FormatOptions): FormatOutput {
  const at = findHeader(table.rows, REQUIRED);
  const fees = at === -1 ? undefined : feesColumn(table.rows[at]!);
  if (at === -1 || !fees) {
    return {
      records: [],
      errors: [{ line: table.rows[0]?.line ?? 1, column: '', reason: 'no line has the Fee-Earnings header (Category, Name, ASIN, Tracking ID, Date Shipped, Ad Fees($))' }],
      notes: [],
    };
  }
  const t = new Table(table.rows[at]!);
  const currency = currencyFor(fees.unit, options);
  const cols = {
    date: t.column('Date Shipped'),
    name: t.column('Name'),
    asin: t.column('ASIN'),
    tracking: t.column('Tracking ID'),
    returns: t.column('Returns'),
  };
  const notes: string[] = [];
  const title = table.rows.slice(0, at).find((r) => TITLE.test((r.cells[0] ?? '').trim()));
  if (title) notes.push(`${title.cells[0]!.trim()}.`);

  let totals = 0;
  const data: CsvRow[] = [];
  for (const row of table.rows.slice(at + 1)) {
    if (/^totals?:?$/i.test(t.cell(row, 0))) totals++;
    else data.push(row);
  }
  const resolution = t.resolveDates(data, [cols.date], 'MDY', options.dateOrder);

  const records: IncomeRecord[] = [];
  for (const row of data) {
    if (!t.complete(row)) continue;
    const date = t.date(row, cols.date);
    const amount = t.money(row, fees.at, currency);
    if (date === undefined || amount === undefined) continue;
    const name = t.cell(row, cols.name);
    const asin = t.cell(row, cols.asin);
    const tracking = t.cell(row, cols.tracking);
    let description = name && asin ? `${name} (${asin})` : name || asin || 'Amazon item';
    if (tracking) description += ` via ${tracking}`;
    const returns = Number(t.cell(row, cols.returns));
    if (amount.minor < 0 && returns > 0) description += ' — return';
    records.push({ kind: 'income', line: row.line, date, amount, incomeKind: 'affiliate-commission', source: 'Amazon Associates', description });
  }
  if (totals > 0) notes.push(`${plural(totals, 'total line was', 'total lines were')} skipped: a total is not an item shipped.`);
  const numeric = data.some((r) => NUMERIC_DATE.test(t.cell(r, cols.date)));
  return { records, errors: t.errors, notes, ...(numeric ? { dateOrder: resolution } : {}) };
}

export const amazonAssociatesEarnings: ImportFormat = {
  id: 'amazon-associates-earnings',
  label: 'Amazon Associates — Fee-Earnings report',
  group: 'income',
  institution: 'Amazon Associates',
  detect,
  parse,
};
