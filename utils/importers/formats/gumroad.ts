/**
 * Gumroad — the sales export (Sales → Export as CSV). Its columns come from
 * Gumroad's own code, antiwork/gumroad app/services/exports/
 * purchase_export_service.rb (PURCHASE_FIELDS): `Purchase ID,Item Name,
 * Buyer Name,Purchase Email,Buyer Email,Do not contact?,Purchase Date,
 * Purchase Time (UTC timezone),Subtotal ($),Taxes ($),…,Sale Price ($),
 * Fees ($),Net Total ($),Tip ($),…,Refunded?,Partial Refund ($),
 * Fully Refunded?,Disputed?,Dispute Won?,…,Variants,Discount Code,
 * Recurring Charge?,Free trial purchase?,Pre-order authorization?,
 * Product ID,Order Number,…,Recurrence,…` then the seller's custom fields;
 * the last line starts "Totals". Amounts are US dollars ("($)"), flags are
 * 1/0, Purchase Date is YYYY-MM-DD.
 *
 * One income record per sale, source "Gumroad", description = the product
 * (with its variant): date = Purchase Date, amount = Net Total (the sale
 * after Gumroad's fees), gross = Sale Price. incomeKind
 * 'subscription-revenue' for a subscription product (Recurrence set — the
 * first charge — or Recurring Charge? = 1, a renewal), else 'product-sale'.
 * A partly refunded sale keeps Net Total minus Partial Refund (and gross
 * minus it). Skipped on purpose, each counted in one note: fully refunded
 * sales, chargebacks not won, pre-order authorizations (the card is charged
 * later, in a sale of its own), free-trial sign-ups and free products (no
 * money moved), and the Totals line.
 */
import { formatMoneyPlain } from '../../money';
import { findHeader, headerMatches, Table } from '../table';
import type { CsvRow, CsvTable, FormatOptions, FormatOutput, ImportFormat, IncomeRecord } from '../types';
import { plural } from '../words';

const REQUIRED = ['Purchase ID', 'Item Name', 'Purchase Date', 'Sale Price ($)', 'Net Total ($)'];
const OPTIONAL = [
  'Fees ($)', 'Refunded?', 'Partial Refund ($)', 'Fully Refunded?', 'Recurring Charge?', 'Order Number',
  'Buyer Email', 'Purchase Email', 'Subtotal ($)', 'Taxes ($)', 'Disputed?', 'Product ID',
];
const CURRENCY = 'USD';
const NUMERIC_DATE = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/;


function flag(t: Table, row: CsvRow, col: number): boolean {
  return /^(1|true|yes)$/i.test(t.cell(row, col));
}

function detect(rows: readonly CsvRow[]): number {
  const at = findHeader(rows, REQUIRED);
  return at === -1 ? 0 : REQUIRED.length + headerMatches(rows[at]!, OPTIONAL);
}

function parse(table: CsvTable, options: FormatOptions): FormatOutput {
  const at = findHeader(table.rows, REQUIRED);
  if (at === -1) {
    return {
      records: [],
      errors: [{ line: table.rows[0]?.line ?? 1, column: '', reason: `no line has the Gumroad sales header (${REQUIRED.join(', ')})` }],
      notes: [],
    };
  }
  const t = new Table(table.rows[at]!);
  const cols = {
    id: t.column('Purchase ID'),
    item: t.column('Item Name'),
    variants: t.column('Variants'),
    date: t.column('Purchase Date'),
    sale: t.column('Sale Price ($)'),
    net: t.column('Net Total ($)'),
    partial: t.column('Partial Refund ($)'),
    fully: t.column('Fully Refunded?'),
    disputed: t.column('Disputed?'),
    won: t.column('Dispute Won?'),
    recurring: t.column('Recurring Charge?'),
    recurrence: t.column('Recurrence'),
    preorder: t.column('Pre-order authorization?'),
  };
  const skipped = { totals: 0, refunded: 0, chargeback: 0, preorder: 0, free: 0 };
  const data: CsvRow[] = [];
  for (const row of table.rows.slice(at + 1)) {
    if (/^totals?$/i.test(t.cell(row, 0))) skipped.totals++;
    else data.push(row);
  }
  const resolution = t.resolveDates(data, [cols.date], 'MDY', options.dateOrder);

  const records: IncomeRecord[] = [];
  for (const row of data) {
    if (!t.complete(row)) continue;
    if (flag(t, row, cols.fully)) {
      skipped.refunded++;
      continue;
    }
    if (flag(t, row, cols.disputed) && !flag(t, row, cols.won)) {
      skipped.chargeback++;
      continue;
    }
    if (flag(t, row, cols.preorder)) {
      skipped.preorder++;
      continue;
    }
    const date = t.date(row, cols.date);
    const sale = t.money(row, cols.sale, CURRENCY);
    const net = t.money(row, cols.net, CURRENCY);
    const refund = t.money(row, cols.partial, CURRENCY, { optional: true });
    if (date === undefined || sale === undefined || net === undefined) continue;
    if (cols.partial !== -1 && refund === undefined && t.cell(row, cols.partial) !== '') continue;
    if (sale.minor === 0 && net.minor === 0) {
      skipped.free++;
      continue;
    }
    const refunded = refund?.minor ?? 0;
    const item = t.cell(row, cols.item) || t.cell(row, cols.id) || 'Gumroad sale';
    const variants = t.cell(row, cols.variants);
    // Gumroad writes the variants already in parentheses: "(Pro)".
    let description = variants === '' ? item : variants.startsWith('(') ? `${item} ${variants}` : `${item} (${variants})`;
    if (refunded !== 0) description += ` — partly refunded ${formatMoneyPlain({ minor: refunded, currency: CURRENCY })}`;
    const subscription = flag(t, row, cols.recurring) || t.cell(row, cols.recurrence) !== '';
    records.push({
      kind: 'income',
      line: row.line,
      date,
      amount: { minor: net.minor - refunded, currency: CURRENCY },
      gross: { minor: sale.minor - refunded, currency: CURRENCY },
      incomeKind: subscription ? 'subscription-revenue' : 'product-sale',
      source: 'Gumroad',
      description,
    });
  }
  const notes: string[] = [];
  if (skipped.refunded > 0) notes.push(`${plural(skipped.refunded, 'fully refunded sale was', 'fully refunded sales were')} skipped.`);
  if (skipped.chargeback > 0) notes.push(`${plural(skipped.chargeback, 'disputed sale', 'disputed sales')} not won ${skipped.chargeback === 1 ? 'was' : 'were'} skipped: the buyer got the money back.`);
  if (skipped.preorder > 0) notes.push(`${plural(skipped.preorder, 'pre-order authorization was', 'pre-order authorizations were')} skipped: the card is charged on release, in a sale of its own.`);
  if (skipped.free > 0) notes.push(`${plural(skipped.free, 'sale', 'sales')} of 0.00 (free products or free-trial sign-ups) ${skipped.free === 1 ? 'was' : 'were'} skipped.`);
  if (skipped.totals > 0) notes.push(`The "Totals" line is a total, not a sale.`);
  const numeric = data.some((r) => NUMERIC_DATE.test(t.cell(r, cols.date)));
  return { records, errors: t.errors, notes, ...(numeric ? { dateOrder: resolution } : {}) };
}

export const gumroadSales: ImportFormat = {
  id: 'gumroad-sales',
  label: 'Gumroad — sales',
  group: 'income',
  institution: 'Gumroad',
  detect,
  parse,
};
