/**
 * Lemon Squeezy — the orders export (Store → Orders → Export, CSV).
 *
 * Provenance: no real orders export (nor Lemon Squeezy's own header list)
 * was found in public code or documentation. The columns below follow the
 * order object Lemon Squeezy documents for its API (docs.lemonsqueezy.com
 * /api/orders: order_number, identifier, user_name, user_email, currency,
 * subtotal, discount_total, tax, total, status paid / pending / failed /
 * refunded / partial_refund, refunded, refunded_amount, created_at) written
 * the way its dashboard titles them, and public export readers that key on
 * "Order ID", "Order Number", "Customer Email", "Product Name", "Variant Name",
 * "Refunded":
 *
 *   Order ID,Order Number,Customer Name,Customer Email,Product,Variant,Status,Currency,Subtotal,Discount,Tax,Total,Refunded,Refunded Amount,Created At
 *
 * Header names are matched loosely (either spelling of each column), in any
 * order. Amounts are decimal major units ("49.00"); the API's snake_case
 * names are not accepted because the API gives integer cents, and reading
 * those as dollars would multiply every sale by 100.
 *
 * One 'product-sale' record per paid order, source "Lemon Squeezy",
 * description = the product (and variant). Lemon Squeezy is the merchant of
 * record: the Total includes the sales tax/VAT it collects and pays on, so
 * the seller's revenue is chosen as amount = Total − Tax. The export lists
 * no Lemon Squeezy fee, so the amount is before that fee (the preview says
 * so); when a "Fee" column is present it is taken off too and gross =
 * Total − Tax. A partly refunded order keeps its amount minus Refunded
 * Amount; refunded orders, and pending or failed ones, are skipped with a
 * note.
 */
import { formatMoneyPlain } from '../../money';
import { headerMatches, normalizeHeader, Table } from '../table';
import type { CsvRow, CsvTable, FormatOptions, FormatOutput, ImportFormat, IncomeRecord } from '../types';
import { plural } from '../words';

const ORDER = ['Order Number', 'Order ID', 'Order #', 'Identifier'];
const DATE = ['Created At', 'Created', 'Order Date', 'Date'];
const PRODUCT = ['Product', 'Product Name'];
const VARIANT = ['Variant', 'Variant Name'];
const STATUS = ['Status', 'Order Status'];
const REQUIRED_GROUPS = [ORDER, DATE, PRODUCT, STATUS, ['Total'], ['Tax']];
const OPTIONAL = ['Customer Name', 'Customer Email', 'Subtotal', 'Discount', 'Currency', 'Refunded', 'Refunded Amount', 'Variant', 'Variant Name'];
const NUMERIC_DATE = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/;


function findOrdersHeader(rows: readonly CsvRow[]): number {
  const end = Math.min(rows.length, 40);
  for (let at = 0; at < end; at++) {
    const cells = new Set(rows[at]!.cells.map(normalizeHeader));
    if (REQUIRED_GROUPS.every((group) => group.some((name) => cells.has(normalizeHeader(name))))) return at;
  }
  return -1;
}

function detect(rows: readonly CsvRow[]): number {
  const at = findOrdersHeader(rows);
  return at === -1 ? 0 : REQUIRED_GROUPS.length + headerMatches(rows[at]!, OPTIONAL);
}

function parse(table: CsvTable, options: FormatOptions): FormatOutput {
  const at = findOrdersHeader(table.rows);
  if (at === -1) {
    return {
      records: [],
      errors: [{ line: table.rows[0]?.line ?? 1, column: '', reason: 'no line has the Lemon Squeezy orders header (Order Number, Product, Status, Tax, Total, Created At)' }],
      notes: [],
    };
  }
  const t = new Table(table.rows[at]!);
  const cols = {
    order: t.column(...ORDER),
    date: t.column(...DATE),
    product: t.column(...PRODUCT),
    variant: t.column(...VARIANT),
    status: t.column(...STATUS),
    currency: t.column('Currency'),
    tax: t.column('Tax'),
    total: t.column('Total'),
    fee: t.column('Fee', 'Fees', 'Platform Fee'),
    refunded: t.column('Refunded'),
    refundedAmount: t.column('Refunded Amount', 'Refund Amount'),
  };
  const data = table.rows.slice(at + 1);
  const resolution = t.resolveDates(data, [cols.date], 'MDY', options.dateOrder);
  const records: IncomeRecord[] = [];
  const skipped = { refunded: 0, unpaid: 0 };
  for (const row of data) {
    if (!t.complete(row)) continue;
    const status = t.cell(row, cols.status).toLowerCase().replace(/[\s-]+/g, '_');
    const refundedFlag = /^(1|true|yes)$/i.test(t.cell(row, cols.refunded));
    if (status === 'refunded' || (refundedFlag && status !== 'partial_refund' && status !== 'partially_refunded')) {
      skipped.refunded++;
      continue;
    }
    if (status === 'pending' || status === 'failed') {
      skipped.unpaid++;
      continue;
    }
    const partial = status === 'partial_refund' || status === 'partially_refunded';
    if (status !== 'paid' && !partial) {
      t.fail(row.line, cols.status, `"${t.cell(row, cols.status)}" is not an order status Strata knows (paid, partial refund, refunded, pending, failed)`);
      continue;
    }
    const refused = t.errors.length;
    const date = t.date(row, cols.date);
    let currency = options.currency ?? 'USD';
    if (cols.currency !== -1 && t.cell(row, cols.currency) !== '') {
      currency = t.cell(row, cols.currency).toUpperCase();
      if (!/^[A-Z]{3}$/.test(currency)) t.fail(row.line, cols.currency, `"${t.cell(row, cols.currency)}" is not a currency code such as USD`);
    }
    if (t.errors.length > refused) continue;
    const total = t.money(row, cols.total, currency);
    const tax = t.money(row, cols.tax, currency, { optional: true });
    const fee = t.money(row, cols.fee, currency, { optional: true });
    if (partial && cols.refundedAmount === -1) {
      t.fail(row.line, cols.status, 'the order is partly refunded but the file has no "Refunded Amount" column to say how much');
      continue;
    }
    const refund = partial ? t.money(row, cols.refundedAmount, currency) : undefined;
    if (date === undefined || total === undefined || t.errors.length > refused) continue;
    const revenue = total.minor - (tax?.minor ?? 0);
    const amount = revenue - Math.abs(fee?.minor ?? 0) - Math.abs(refund?.minor ?? 0);
    const product = t.cell(row, cols.product) || `Order ${t.cell(row, cols.order)}`;
    const variant = t.cell(row, cols.variant);
    let description = variant && variant.toLowerCase() !== 'default' ? `${product} (${variant})` : product;
    if (refund) description += ` — partly refunded ${formatMoneyPlain({ minor: Math.abs(refund.minor), currency })}`;
    records.push({
      kind: 'income',
      line: row.line,
      date,
      amount: { minor: amount, currency },
      ...(fee !== undefined ? { gross: { minor: revenue, currency } } : {}),
      incomeKind: 'product-sale',
      source: 'Lemon Squeezy',
      description,
    });
  }
  const notes: string[] = ['Amounts are each order\'s Total less its Tax: the tax Lemon Squeezy collects as merchant of record is not your revenue.'];
  if (cols.fee === -1) notes.push('The export lists no Lemon Squeezy fees: amounts are before them.');
  if (skipped.refunded > 0) notes.push(`${plural(skipped.refunded, 'refunded order was', 'refunded orders were')} skipped.`);
  if (skipped.unpaid > 0) notes.push(`${plural(skipped.unpaid, 'pending or failed order was', 'pending or failed orders were')} skipped: no money was received.`);
  const numeric = data.some((r) => NUMERIC_DATE.test(t.cell(r, cols.date)));
  return { records, errors: t.errors, notes, ...(numeric ? { dateOrder: resolution } : {}) };
}

export const lemonsqueezyOrders: ImportFormat = {
  id: 'lemonsqueezy-orders',
  label: 'Lemon Squeezy — orders',
  group: 'income',
  institution: 'Lemon Squeezy',
  detect,
  parse,
};
