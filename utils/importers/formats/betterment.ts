/**
 * Betterment exports.
 *
 * - Transactions (2015 layout: Goal Name, Account Name, Transaction
 *   Description, Amount, Ending Balance, Date Created, Date Completed with a
 *   time and UTC offset). Deposits, withdrawals, transfers and fees → cash
 *   transactions; "Dividend…" → dividend income; "Interest…" → interest
 *   income; "Market Change" lines are changes in value, not money moved, and
 *   are not imported. Each account's balance per day is the Ending Balance of
 *   its latest line that day (by Date Completed; the file lists newest first,
 *   so on a tie the line listed first).
 * - Open tax lots / cost basis (Account, Account #, Symbol, Shares,
 *   PurchaseDate, MarketValue, CostBasis, …) → lots.
 */
import { detectByHeader, findHeader, Table } from '../table';
import type { CsvRow, CsvTable, FormatOptions, FormatOutput, ImportedRecord, ImportFormat } from '../types';
import { plural } from '../words';

const INSTITUTION = 'Betterment';
const SOURCE = 'Dividends and interest';
const TX_REQUIRED = ['Transaction Description', 'Amount', 'Ending Balance'];
const TX_OPTIONAL = ['Goal Name', 'Account Name', 'Date Created', 'Date Completed'];
const LOT_REQUIRED = ['Symbol', 'Shares', 'PurchaseDate', 'CostBasis'];
const LOT_OPTIONAL = ['Account', 'Account #', 'MarketValue', '$UnrealizedGain/Loss', '%UnrealizedGain/Loss'];


/** True when a date cell is numeric (03/04/2026), where the order matters. */
function numericDates(rows: readonly CsvRow[], cols: number[]): boolean {
  return rows.some((r) => cols.some((c) => c >= 0 && /^\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/.test(r.cells[c] ?? '')));
}

function roundingNote(n: number): string[] {
  return n === 0 ? [] : [`${plural(n, 'figure', 'figures')} had more decimals than the currency has and ${n === 1 ? 'was' : 'were'} rounded half to even.`];
}

/** "House Fund (Some Random Dude's Account)", or whichever part the file gives. */
function label(name: string, detail: string): string | undefined {
  if (name && detail) return `${name} (${detail})`;
  return name || detail || undefined;
}

function headerOrError(table: CsvTable, required: string[], what: string): { t: Table; rows: CsvRow[]; before: number } | FormatOutput {
  const at = findHeader(table.rows, required);
  if (at < 0) {
    return { records: [], errors: [{ line: 0, column: '', reason: `no header row with ${required.join(', ')} was found: this is not a Betterment ${what} export` }], notes: [] };
  }
  return { t: new Table(table.rows[at]!), rows: table.rows.slice(at + 1), before: at };
}

function parseTransactions(table: CsvTable, options: FormatOptions): FormatOutput {
  const found = headerOrError(table, TX_REQUIRED, 'transactions');
  if ('records' in found) return found;
  const { t, rows } = found;
  const currency = options.currency ?? 'USD';
  const c = {
    goal: t.column('Goal Name'), account: t.column('Account Name'), description: t.column('Transaction Description'), amount: t.column('Amount'),
    balance: t.column('Ending Balance'), created: t.column('Date Created'), completed: t.column('Date Completed'),
  };
  if (c.created < 0 && c.completed < 0) {
    return { records: [], errors: [{ line: t.header.line, column: '', reason: 'the file has neither a Date Completed nor a Date Created column' }], notes: [] };
  }
  const dateOrder = t.resolveDates(rows, [c.completed, c.created], 'MDY', options.dateOrder);
  const records: ImportedRecord[] = [];
  let marketChanges = 0;
  /** The latest line per account and day: its time text and balance. */
  const balances = new Map<string, { account?: string; date: string; time: string; line: number; amount: { minor: number; currency: string } }>();

  for (const row of rows) {
    if (!t.complete(row)) continue;
    const description = t.text(row, c.description, 'the transaction description');
    const dateCol = t.cell(row, c.completed) !== '' ? c.completed : c.created;
    const date = t.date(row, dateCol);
    const amount = t.money(row, c.amount, currency, { round: true });
    const balance = t.money(row, c.balance, currency, { round: true, optional: true });
    if (!description || !date || !amount) continue;
    const account = label(t.cell(row, c.goal), t.cell(row, c.account));
    if (balance) {
      const key = `${account ?? ''}\u0000${date}`;
      const time = /\d{1,2}:\d{2}(:\d{2})?/.exec(t.cell(row, dateCol))?.[0]?.padStart(8, '0') ?? '';
      const held = balances.get(key);
      if (!held || time > held.time) balances.set(key, { ...(account ? { account } : {}), date, time, line: row.line, amount: balance });
    }
    const base = { line: row.line, ...(account ? { account } : {}), date };
    if (/market change/i.test(description)) marketChanges++;
    else if (/dividend/i.test(description)) records.push({ kind: 'income', ...base, amount, incomeKind: 'dividend', source: SOURCE, description });
    else if (/^interest/i.test(description)) records.push({ kind: 'income', ...base, amount, incomeKind: 'interest', source: SOURCE, description });
    else records.push({ kind: 'transaction', ...base, amount, description });
  }
  for (const b of balances.values()) records.push({ kind: 'balance', line: b.line, ...(b.account ? { account: b.account } : {}), date: b.date, amount: b.amount });

  const notes: string[] = [];
  if (marketChanges > 0) {
    notes.push(`${plural(marketChanges, '"Market Change" line was', '"Market Change" lines were')} not imported: ${marketChanges === 1 ? 'it is a change' : 'they are changes'} in the value of the holdings, not money moved (the Ending Balance figures include ${marketChanges === 1 ? 'it' : 'them'}).`);
  }
  if (balances.size > 0) {
    notes.push(`${plural(balances.size, 'balance was', 'balances were')} recorded: for each account and day, the Ending Balance of its latest line that day (by Date Completed; on the same time, the line listed first, as the file lists newest first).`);
  }
  notes.push(...roundingNote(t.roundedCount));
  return { records, errors: t.errors, notes, ...(numericDates(rows, [c.completed, c.created]) ? { dateOrder } : {}) };
}

function parseLots(table: CsvTable, options: FormatOptions): FormatOutput {
  const found = headerOrError(table, LOT_REQUIRED, 'cost basis (tax lots)');
  if ('records' in found) return found;
  const { t, rows } = found;
  const currency = options.currency ?? 'USD';
  const c = {
    account: t.column('Account'), number: t.column('Account #'), symbol: t.column('Symbol'), shares: t.column('Shares'),
    date: t.column('PurchaseDate'), value: t.column('MarketValue'), basis: t.column('CostBasis'),
  };
  const dateOrder = t.resolveDates(rows, [c.date], 'MDY', options.dateOrder);
  const records: ImportedRecord[] = [];
  let totals = 0;
  for (const row of rows) {
    if (/^total/i.test(t.cell(row, 0))) {
      totals++;
      continue;
    }
    if (!t.complete(row)) continue;
    const symbol = t.text(row, c.symbol, 'the symbol');
    const quantity = t.quantity(row, c.shares);
    const acquired = t.date(row, c.date);
    const costBasis = t.money(row, c.basis, currency, { round: true });
    const marketValue = t.money(row, c.value, currency, { round: true, optional: true });
    if (!symbol || !quantity || !acquired || !costBasis) continue;
    const account = label(t.cell(row, c.account), t.cell(row, c.number));
    records.push({ kind: 'lot', line: row.line, ...(account ? { account } : {}), symbol, acquired, quantity, costBasis, ...(marketValue ? { marketValue } : {}) });
  }
  const notes = totals > 0 ? [`${plural(totals, 'total line was', 'total lines were')} skipped.`] : [];
  notes.push(...roundingNote(t.roundedCount));
  return { records, errors: t.errors, notes, dateOrder };
}

export const bettermentTransactions: ImportFormat = {
  id: 'betterment-transactions',
  label: 'Betterment — transactions',
  group: 'brokerage',
  institution: INSTITUTION,
  detect: (rows) => detectByHeader(rows, TX_REQUIRED, TX_OPTIONAL),
  parse: parseTransactions,
};

export const bettermentLots: ImportFormat = {
  id: 'betterment-lots',
  label: 'Betterment — cost basis (open tax lots)',
  group: 'brokerage',
  institution: INSTITUTION,
  detect: (rows) => detectByHeader(rows, LOT_REQUIRED, LOT_OPTIONAL),
  parse: parseLots,
};
