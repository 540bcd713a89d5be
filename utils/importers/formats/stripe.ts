/**
 * Stripe — two exports.
 *
 * Balance (stripeBalance), either of:
 * - the itemized balance report (Reports → Balance → itemized;
 *   simonmichael/hledger examples/csv/other/stripe.csv @ f986e21):
 *   `balance_transaction_id,created_utc,available_on_utc,currency,gross,fee,net,reporting_category,description`
 *   (larger report versions add created, source_id, customer columns…);
 * - the Dashboard's Balance → "Balance history" export:
 *   `id,Type,Source,Amount,Fee,Net,Currency,Created (UTC),Available On (UTC),Description,…`.
 * Amounts are decimal major units ("12.00", "-0.77"); currency codes are
 * lower-case ("usd") and are upper-cased. What each row becomes, by
 * reporting_category (itemized) or Type (Dashboard):
 * - a charge/payment: income, amount = net (after Stripe's fee), gross =
 *   gross; incomeKind 'subscription-revenue' when the description, category
 *   or a subscription column says subscription, else 'product-sale';
 * - a refund, dispute, or their reversals: the same kinds, with the file's
 *   sign (a refund is negative income, a won dispute positive);
 * - a Stripe fee billed on its own (fee, stripe_fee, network_cost, tax on
 *   fees): negative income of kind 'other' — decided so the stream's total
 *   is what actually reached the person; their description says which fee;
 * - payouts, transfers, top-ups and reserves: skipped, with a note — they
 *   move the person's own money between Stripe and a bank, they are not
 *   earned;
 * - anything else (adjustment, platform_earning, contribution…): income
 *   'other' with the file's sign, and a note naming the categories.
 * Dates are the creation day (the "created" column when the report has one,
 * else created_utc / Created (UTC)).
 *
 * Payouts (stripePayouts): the Dashboard's Balance → Payouts export
 * (`id,Amount,Created (UTC),Currency,Livemode,Arrival Date (UTC),Source Type,Destination,Status,Type,Method,Description,…`,
 * as in a public reconciliation test built on real Stripe exports). Each
 * paid payout is income 'other' from the stream "Stripe payouts" on its
 * arrival day. Failed and canceled payouts never left Stripe; pending and
 * in-transit ones have not arrived: both are skipped with a note. A payout
 * is the same money as the sales of a balance report, so the preview warns
 * against importing both for the same period.
 */
import { findHeader, headerMatches, Table } from '../table';
import type { CsvRow, CsvTable, FormatOptions, FormatOutput, ImportFormat, IncomeRecord } from '../types';
import type { IncomeKind } from '../../db/schema';
import { plural } from '../words';

const ITEMIZED = ['balance_transaction_id', 'gross', 'fee', 'net', 'reporting_category'];
const ITEMIZED_OPTIONAL = ['created_utc', 'created', 'available_on_utc', 'currency', 'description', 'source_id'];
const HISTORY = ['id', 'Type', 'Amount', 'Fee', 'Net', 'Currency', 'Created (UTC)'];
const HISTORY_OPTIONAL = ['Source', 'Available On (UTC)', 'Description'];
const PAYOUTS = ['id', 'Amount', 'Currency', 'Status'];
const PAYOUTS_OPTIONAL = [
  'Created (UTC)', 'Livemode', 'Source Type', 'Destination', 'Type', 'Method', 'Description', 'Balance Transaction',
  'Failure Message', 'Statement Descriptor', 'Trace ID',
];
const ARRIVAL = ['Arrival Date (UTC)', 'Arrival Date'];
const NUMERIC_DATE = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/;

const SALES = new Set(['charge', 'payment', 'charge_failure', 'partial_capture_reversal']);
const REFUNDS = new Set([
  'refund', 'payment_refund', 'refund_failure', 'payment_failure_refund', 'dispute', 'dispute_reversal',
]);
const FEES = new Set(['fee', 'stripe_fee', 'network_cost', 'tax']);
/** Money moving between the person's Stripe balance and elsewhere, by kind (for the note). */
const MOVES: Record<string, string> = {
  payout: 'payout', payout_reversal: 'payout', payout_failure: 'payout', payout_cancel: 'payout',
  payout_minimum_balance_hold: 'payout', payout_minimum_balance_release: 'payout',
  transfer: 'transfer', transfer_reversal: 'transfer', transfer_failure: 'transfer', transfer_cancel: 'transfer',
  topup: 'top-up', topup_reversal: 'top-up',
  connect_reserved_funds: 'reserve', risk_reserved_funds: 'reserve', reserve_transaction: 'reserve',
  reserved_funds: 'reserve', anticipation_repayment: 'reserve',
};
const MOVE_NOTES: Record<string, [string, string]> = {
  payout: ['payout to the bank', 'payouts to the bank'],
  transfer: ['transfer', 'transfers'],
  'top-up': ['top-up from the bank', 'top-ups from the bank'],
  reserve: ['reserve hold or release', 'reserve holds or releases'],
};


function numericDates(t: Table, rows: readonly CsvRow[], col: number): boolean {
  return rows.some((r) => NUMERIC_DATE.test(t.cell(r, col)));
}

function currencyOf(t: Table, row: CsvRow, col: number, options: FormatOptions): string | undefined {
  if (col === -1) return options.currency ?? 'USD';
  const code = t.cell(row, col).toUpperCase();
  if (code === '') return options.currency ?? 'USD';
  return /^[A-Z]{3}$/.test(code) ? code : t.fail(row.line, col, `"${t.cell(row, col)}" is not a currency code such as usd`);
}

function balanceHeader(rows: readonly CsvRow[]): number {
  const itemized = findHeader(rows, ITEMIZED);
  return itemized !== -1 ? itemized : findHeader(rows, HISTORY);
}

function detectBalance(rows: readonly CsvRow[]): number {
  const itemized = findHeader(rows, ITEMIZED);
  if (itemized !== -1) return ITEMIZED.length + headerMatches(rows[itemized]!, ITEMIZED_OPTIONAL);
  const history = findHeader(rows, HISTORY);
  if (history !== -1) return HISTORY.length + headerMatches(rows[history]!, HISTORY_OPTIONAL);
  return 0;
}

function parseBalance(table: CsvTable, options: FormatOptions): FormatOutput {
  const at = balanceHeader(table.rows);
  if (at === -1) {
    return {
      records: [],
      errors: [{ line: table.rows[0]?.line ?? 1, column: '', reason: 'no line has a Stripe balance header (balance_transaction_id, gross, fee, net, reporting_category — or id, Type, Amount, Fee, Net, Currency, Created (UTC))' }],
      notes: [],
    };
  }
  const t = new Table(table.rows[at]!);
  const cols = {
    id: t.column('balance_transaction_id', 'id'),
    date: t.column('created', 'created_utc', 'Created (UTC)', 'Created'),
    currency: t.column('currency'),
    gross: t.column('gross', 'Amount'),
    fee: t.column('fee'),
    net: t.column('net'),
    category: t.column('reporting_category', 'Type'),
    description: t.column('description'),
    subscription: t.column('subscription_id', 'subscription'),
  };
  const data = table.rows.slice(at + 1);
  const resolution = t.resolveDates(data, [cols.date], 'MDY', options.dateOrder);

  const records: IncomeRecord[] = [];
  const moved = new Map<string, number>();
  const others = new Set<string>();
  for (const row of data) {
    if (!t.complete(row)) continue;
    const category = t.cell(row, cols.category).toLowerCase();
    const move = MOVES[category];
    if (move) {
      moved.set(move, (moved.get(move) ?? 0) + 1);
      continue;
    }
    const refused = t.errors.length;
    const date = t.date(row, cols.date);
    const currency = currencyOf(t, row, cols.currency, options);
    if (currency === undefined) continue;
    const net = t.money(row, cols.net, currency);
    const gross = t.money(row, cols.gross, currency, { optional: true });
    if (date === undefined || net === undefined || t.errors.length > refused) continue;
    const text = t.cell(row, cols.description);
    let incomeKind: IncomeKind;
    let description: string;
    if (SALES.has(category) || REFUNDS.has(category)) {
      const subscription = /subscri/i.test(`${text} ${category}`) || t.cell(row, cols.subscription) !== '';
      incomeKind = subscription ? 'subscription-revenue' : 'product-sale';
      description = text || (category === 'charge' || category === 'payment' ? 'Charge' : category.replace(/_/g, ' ').replace(/^\w/, (c) => c.toUpperCase()));
    } else if (FEES.has(category)) {
      incomeKind = 'other';
      description = text ? `Stripe fee: ${text}` : 'Stripe fee';
    } else {
      incomeKind = 'other';
      others.add(category || '(none)');
      description = text || category || 'Stripe balance change';
    }
    const id = t.cell(row, cols.id);
    records.push({
      kind: 'income',
      line: row.line,
      date,
      amount: net,
      incomeKind,
      source: 'Stripe',
      ...(gross !== undefined ? { gross } : {}),
      description: id ? `${description} (${id})` : description,
    });
  }
  const notes: string[] = [];
  for (const [kind, n] of moved) {
    const [one, many] = MOVE_NOTES[kind]!;
    notes.push(`${plural(n, one, many)} ${n === 1 ? 'was' : 'were'} skipped: moving your own money in or out of Stripe is not income.`);
  }
  if (others.size > 0) {
    notes.push(`Lines of the kinds ${[...others].map((c) => `"${c}"`).join(', ')} were read as other income, with the file's sign.`);
  }
  return { records, errors: t.errors, notes, ...(numericDates(t, data, cols.date) ? { dateOrder: resolution } : {}) };
}

function payoutsHeader(rows: readonly CsvRow[]): number {
  for (const arrival of ARRIVAL) {
    const at = findHeader(rows, [...PAYOUTS, arrival]);
    if (at !== -1) return at;
  }
  return -1;
}

function detectPayouts(rows: readonly CsvRow[]): number {
  const at = payoutsHeader(rows);
  return at === -1 ? 0 : PAYOUTS.length + 1 + headerMatches(rows[at]!, PAYOUTS_OPTIONAL);
}

function parsePayouts(table: CsvTable, options: FormatOptions): FormatOutput {
  const at = payoutsHeader(table.rows);
  if (at === -1) {
    return {
      records: [],
      errors: [{ line: table.rows[0]?.line ?? 1, column: '', reason: 'no line has the Stripe payouts header (id, Amount, Currency, Arrival Date (UTC), Status)' }],
      notes: [],
    };
  }
  const t = new Table(table.rows[at]!);
  const cols = {
    id: t.column('id'),
    amount: t.column('Amount'),
    currency: t.column('Currency'),
    arrival: t.column(...ARRIVAL),
    status: t.column('Status'),
    description: t.column('Description'),
  };
  const data = table.rows.slice(at + 1);
  const resolution = t.resolveDates(data, [cols.arrival], 'MDY', options.dateOrder);
  const records: IncomeRecord[] = [];
  let stopped = 0;
  let pending = 0;
  for (const row of data) {
    if (!t.complete(row)) continue;
    const status = t.cell(row, cols.status).toLowerCase();
    if (status === 'failed' || status === 'canceled' || status === 'cancelled') {
      stopped++;
      continue;
    }
    if (status === 'pending' || status === 'in_transit' || status === 'in transit') {
      pending++;
      continue;
    }
    if (status !== 'paid') {
      t.fail(row.line, cols.status, `"${t.cell(row, cols.status)}" is not a payout status Strata knows (paid, pending, in_transit, failed, canceled)`);
      continue;
    }
    const date = t.date(row, cols.arrival);
    const currency = currencyOf(t, row, cols.currency, options);
    if (currency === undefined) continue;
    const amount = t.money(row, cols.amount, currency);
    if (date === undefined || amount === undefined) continue;
    const id = t.cell(row, cols.id);
    const text = t.cell(row, cols.description) || 'Payout';
    records.push({
      kind: 'income',
      line: row.line,
      date,
      amount,
      incomeKind: 'other',
      source: 'Stripe payouts',
      description: id ? `${text} (${id})` : text,
    });
  }
  const notes = [
    'A payout is money your Stripe sales already earned: importing a Stripe balance report and these payouts for the same period counts the same money twice.',
  ];
  if (stopped > 0) notes.push(`${plural(stopped, 'failed or canceled payout was', 'failed or canceled payouts were')} skipped: the money stayed in Stripe.`);
  if (pending > 0) notes.push(`${plural(pending, 'payout', 'payouts')} not yet paid (pending or in transit) ${pending === 1 ? 'was' : 'were'} skipped: import again once ${pending === 1 ? 'it has' : 'they have'} arrived.`);
  return { records, errors: t.errors, notes, ...(numericDates(t, data, cols.arrival) ? { dateOrder: resolution } : {}) };
}

export const stripeBalance: ImportFormat = {
  id: 'stripe-balance',
  label: 'Stripe — balance report or balance history',
  group: 'income',
  institution: 'Stripe',
  detect: detectBalance,
  parse: parseBalance,
};

export const stripePayouts: ImportFormat = {
  id: 'stripe-payouts',
  label: 'Stripe — payouts',
  group: 'income',
  institution: 'Stripe',
  detect: detectPayouts,
  parse: parsePayouts,
};
