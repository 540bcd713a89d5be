/**
 * Interactive Brokers activity statement CSV: every line starts with its
 * section's name and the row kind ("Trades,Header,…", "Trades,Data,…",
 * "Trades,SubTotal,…"), and each section has its own columns. Read:
 * Trades (Order rows; Trade rows when a section has no Order rows),
 * Dividends, Payment In Lieu Of Dividends, Withholding Tax, Deposits &
 * Withdrawals, Interest, Fees, and the Transaction History section of the
 * newer transaction-history report. Statement, Account Information and
 * Summary give the account and base currency. Total and SubTotal rows (and
 * Data rows whose first cell is "Total…") are skipped; every other section
 * is named in one note.
 */
import type { Money } from '../../money';
import { Table } from '../table';
import type { CsvRow, CsvTable, FormatOptions, FormatOutput, ImportedRecord, ImportFormat } from '../types';
import { cashKind, INSTITUTION, neg, plural, roundingNote, SOURCE, sumCells, symbolFromDescription, taxDescription, taxIncomeKind, type CashKind } from './ibkr-common';

const CASH_SECTIONS: Record<string, CashKind> = {
  Dividends: 'dividend',
  'Payment In Lieu Of Dividends': 'dividend',
  'Withholding Tax': 'tax',
  'Deposits & Withdrawals': 'transaction',
  Interest: 'interest',
  Fees: 'transaction',
};
const META_SECTIONS = new Set(['Statement', 'Account Information', 'Summary']);
const SKIPPED_KINDS = new Set(['total', 'subtotal']);

interface Block {
  section: string;
  header: CsvRow;
  rows: CsvRow[];
}

interface Context {
  options: FormatOptions;
  /** The account named by the last "Account Information,Data,Account,…" line before each data line (multi-account statements repeat it). */
  accountAt: Map<number, string>;
  baseCurrency?: string;
  records: ImportedRecord[];
  skipped: Map<string, number>;
}

function skip(ctx: Context, reason: string): void {
  ctx.skipped.set(reason, (ctx.skipped.get(reason) ?? 0) + 1);
}

function isTotal(t: Table, row: CsvRow): boolean {
  return /^total\b/i.test(t.cell(row, 0));
}

function readTrades(t: Table, rows: CsvRow[], ctx: Context): void {
  const c = {
    disc: t.column('DataDiscriminator'), asset: t.column('Asset Category'), currency: t.column('Currency'), account: t.column('Account'),
    symbol: t.column('Symbol'), date: t.column('Date/Time', 'Date'), qty: t.column('Quantity'), price: t.column('T. Price', 'Trade Price'),
    proceeds: t.column('Proceeds'), comm: t.column('Comm/Fee', 'Comm in USD', 'Commission'),
  };
  const kinds = new Set(rows.map((r) => t.cell(r, c.disc).toLowerCase()));
  const wanted = kinds.has('order') ? 'order' : 'trade';
  for (const row of rows) {
    const disc = t.cell(row, c.disc).toLowerCase();
    if (disc !== wanted && c.disc >= 0) {
      skip(ctx, disc === 'closedlot' ? 'closed-lot' : disc === 'trade' ? 'execution' : 'other-trade-row');
      continue;
    }
    const asset = t.cell(row, c.asset);
    if (/forex/i.test(asset)) {
      skip(ctx, 'forex');
      continue;
    }
    if (!t.complete(row)) continue;
    const currency = t.cell(row, c.currency) || ctx.baseCurrency || ctx.options.currency || 'USD';
    const symbol = t.text(row, c.symbol, 'the symbol');
    const date = t.date(row, c.date);
    const quantity = t.quantity(row, c.qty);
    const price = t.money(row, c.price, currency, { round: true });
    const comm = t.cell(row, c.comm) !== '' ? t.money(row, c.comm, currency, { round: true }) : undefined;
    const amount = t.cell(row, c.proceeds) !== '' ? sumCells(t, row, [{ at: c.proceeds }, { at: c.comm }], currency) : undefined;
    if (!symbol || !date || !quantity || !price) continue;
    const account = t.cell(row, c.account) || ctx.accountAt.get(row.line);
    if (/option|future|warrant/i.test(asset)) skip(ctx, 'derivative');
    ctx.records.push({
      kind: 'trade', line: row.line, ...(account ? { account } : {}), date, side: t.sign(row, c.qty) < 0 ? 'sell' : 'buy', symbol, quantity, price,
      ...(comm ? { fees: neg(comm) } : {}), ...(amount ? { amount } : {}),
    });
  }
}

function pushCash(ctx: Context, line: number, account: string | undefined, date: string, amount: Money, kind: CashKind, description: string, symbol?: string): void {
  const base = { line, ...(account ? { account } : {}), date };
  if (kind === 'transaction') ctx.records.push({ kind: 'transaction', ...base, amount, description });
  else {
    ctx.records.push({
      kind: 'income', ...base, amount, incomeKind: kind === 'tax' ? taxIncomeKind(description) : kind, source: SOURCE,
      ...(symbol ? { symbol } : {}), description: kind === 'tax' ? taxDescription(amount, description) : description,
    });
  }
}

/** Dividends, Withholding Tax, Deposits & Withdrawals, Interest, Fees: Currency, (Account,) Date, Description, Amount. */
function readCashSection(t: Table, rows: CsvRow[], ctx: Context, sectionKind: CashKind): void {
  const c = {
    currency: t.column('Currency'), account: t.column('Account'), date: t.column('Date', 'Settle Date', 'Date/Time'),
    description: t.column('Description'), amount: t.column('Amount'), subtitle: t.column('Subtitle'),
  };
  for (const row of rows) {
    if (isTotal(t, row) || /^total\b/i.test(t.cell(row, c.currency))) {
      skip(ctx, 'total');
      continue;
    }
    if (!t.complete(row)) continue;
    const currency = t.cell(row, c.currency) || ctx.baseCurrency || ctx.options.currency || 'USD';
    const date = t.date(row, c.date);
    const amount = t.money(row, c.amount, currency, { round: true });
    if (!date || !amount) continue;
    const description = t.cell(row, c.description) || t.cell(row, c.subtitle);
    // Debit (margin) interest is money paid, not income.
    const kind = sectionKind === 'interest' && /debit|borrow/i.test(description) ? 'transaction' : sectionKind;
    pushCash(ctx, row.line, t.cell(row, c.account) || ctx.accountAt.get(row.line), date, amount, kind, description, symbolFromDescription(description));
  }
}

/** The Transaction History report: Date, Account, Description, Transaction Type, Symbol, Quantity, Price, Gross Amount, Commission, Net Amount; amounts in the base currency. */
function readHistory(t: Table, rows: CsvRow[], ctx: Context): void {
  const c = {
    date: t.column('Date'), account: t.column('Account'), description: t.column('Description'), type: t.column('Transaction Type'),
    symbol: t.column('Symbol'), qty: t.column('Quantity'), price: t.column('Price'), priceCurrency: t.column('Price Currency'),
    gross: t.column('Gross Amount'), comm: t.column('Commission'), net: t.column('Net Amount'),
  };
  const base = ctx.baseCurrency ?? ctx.options.currency ?? 'USD';
  const value = (row: CsvRow, at: number) => (t.cell(row, at) === '-' ? '' : t.cell(row, at));
  for (const row of rows) {
    if (!t.complete(row)) continue;
    const type = t.text(row, c.type, 'the transaction type');
    if (!type) continue;
    const description = t.cell(row, c.description);
    if (/forex/i.test(type)) {
      skip(ctx, 'forex');
      continue;
    }
    if (/^adjustment$/i.test(type) && /fx translation/i.test(description)) {
      skip(ctx, 'fx-translation');
      continue;
    }
    const date = t.date(row, c.date);
    const amountCol = value(row, c.net) !== '' ? c.net : c.gross;
    const amount = t.money(row, amountCol, base, { round: true });
    if (!date || !amount) continue;
    const account = value(row, c.account) || ctx.accountAt.get(row.line);
    const symbol = value(row, c.symbol) || symbolFromDescription(description);
    if (/^(buy|sell)$/i.test(type)) {
      const quantity = t.quantity(row, c.qty);
      const price = t.money(row, c.price, value(row, c.priceCurrency) || base, { round: true });
      const comm = value(row, c.comm) !== '' ? t.money(row, c.comm, base, { round: true }) : undefined;
      if (!symbol) t.fail(row.line, c.symbol, 'the symbol is empty');
      if (!quantity || !price || !symbol) continue;
      ctx.records.push({
        kind: 'trade', line: row.line, ...(account ? { account } : {}), date, side: /^sell$/i.test(type) || t.sign(row, c.qty) < 0 ? 'sell' : 'buy',
        symbol, quantity, price, ...(comm ? { fees: neg(comm) } : {}), amount, ...(description ? { description } : {}),
      });
      continue;
    }
    const kind = /credit interest/i.test(type) ? 'interest' : /debit interest/i.test(type) ? 'transaction' : cashKind(type);
    pushCash(ctx, row.line, account, date, amount, kind, description || type, symbol);
  }
}

const SKIP_NOTES: Record<string, (n: number) => string> = {
  total: (n) => `${plural(n, 'total or subtotal line was', 'total and subtotal lines were')} skipped.`,
  'closed-lot': (n) => `${plural(n, 'ClosedLot line was', 'ClosedLot lines were')} skipped: ${n === 1 ? 'it names' : 'they name'} the tax lots a sale closed, not trades of their own.`,
  execution: (n) => `${plural(n, 'execution line repeats', 'execution lines repeat')} an Order line and ${n === 1 ? 'was' : 'were'} skipped.`,
  'other-trade-row': (n) => `${plural(n, 'line', 'lines')} of the Trades section that ${n === 1 ? 'is' : 'are'} not an order ${n === 1 ? 'was' : 'were'} skipped.`,
  forex: (n) => `${plural(n, 'currency conversion (forex) line was', 'currency conversion (forex) lines were')} not imported as ${n === 1 ? 'a trade' : 'trades'}.`,
  derivative: (n) => `${plural(n, 'option or futures trade keeps', 'option or futures trades keep')} IBKR's figures: the quantity in contracts and the price per share (or unit); the amount is the cash moved.`,
  'fx-translation': (n) => `${plural(n, 'FX translation adjustment was', 'FX translation adjustments were')} not imported: ${n === 1 ? 'it is a change' : 'they are changes'} in value in the base currency, not money moved.`,
};

export function parseStatement(table: CsvTable, options: FormatOptions): FormatOutput {
  const ctx: Context = { options, accountAt: new Map(), records: [], skipped: new Map() };
  let account: string | undefined;
  const errors: FormatOutput['errors'] = [];
  const unread: string[] = [];
  let rounded = 0;
  const blocks: Block[] = [];
  const current = new Map<string, Block>();
  for (const row of table.rows) {
    const section = (row.cells[0] ?? '').replace(/^\uFEFF/, '').trim();
    const kind = (row.cells[1] ?? '').trim().toLowerCase();
    const cells = { line: row.line, cells: row.cells.slice(2) };
    if (kind === 'header') {
      const block = { section, header: cells, rows: [] };
      blocks.push(block);
      current.set(section, block);
    } else if (kind === 'data') {
      const block = current.get(section);
      if (section === 'Account Information' && cells.cells[0]?.trim() === 'Account') account = cells.cells[1]?.trim() || account;
      if (account) ctx.accountAt.set(row.line, account);
      if (block) block.rows.push(cells);
      else errors.push({ line: row.line, column: '', reason: `the "${section}" line comes before its section's Header line, so its columns are unknown` });
    } else if (SKIPPED_KINDS.has(kind)) skip(ctx, 'total');
    else if (kind !== 'notes' && kind !== '') errors.push({ line: row.line, column: '', reason: `the line is neither Header, Data, Total nor SubTotal ("${row.cells[1] ?? ''}")` });
  }
  // The base currency first: later sections use it.
  for (const block of blocks) {
    if (!META_SECTIONS.has(block.section)) continue;
    for (const row of block.rows) {
      const [field = '', value = ''] = row.cells.map((c) => c.trim());
      if (/^base currency$/i.test(field) && /^[A-Z]{3}$/.test(value)) ctx.baseCurrency ??= value;
    }
  }
  for (const block of blocks) {
    if (META_SECTIONS.has(block.section)) continue;
    const t = new Table(block.header);
    t.resolveDates(block.rows, [t.column('Date/Time', 'Date', 'Settle Date')], 'MDY', options.dateOrder);
    if (block.section === 'Trades') readTrades(t, block.rows, ctx);
    else if (block.section === 'Transaction History') readHistory(t, block.rows, ctx);
    else if (block.section in CASH_SECTIONS) readCashSection(t, block.rows, ctx, CASH_SECTIONS[block.section]!);
    else if (!unread.includes(block.section)) unread.push(block.section);
    errors.push(...t.errors);
    rounded += t.roundedCount;
  }
  if (blocks.length === 0) errors.push({ line: 0, column: '', reason: 'no section Header line (such as "Trades,Header,…") was found' });
  const notes: string[] = [];
  for (const [reason, n] of ctx.skipped) notes.push(SKIP_NOTES[reason]!(n));
  if (unread.length > 0) notes.push(`${unread.length === 1 ? 'This section of the statement was' : 'These sections of the statement were'} not read: ${unread.join(', ')}.`);
  notes.push(...roundingNote(rounded));
  return { records: ctx.records, errors: errors.sort((a, b) => a.line - b.line), notes };
}

/** Known section names, for detection. */
const KNOWN = new Set(['Statement', 'Account Information', 'Trades', 'Transaction History', 'Net Asset Value', 'Open Positions', ...Object.keys(CASH_SECTIONS)]);

export const ibkrActivityStatement: ImportFormat = {
  id: 'ibkr-activity-statement',
  label: 'Interactive Brokers — activity statement',
  group: 'brokerage',
  institution: INSTITUTION,
  detect(rows) {
    let score = 0;
    for (const row of rows.slice(0, 60)) {
      if ((row.cells[1] ?? '').trim() !== 'Header') continue;
      const section = (row.cells[0] ?? '').replace(/^\uFEFF/, '').trim();
      if (section === 'Statement') score = Math.max(score, 10);
      else if (KNOWN.has(section)) score = Math.max(score, 8);
    }
    return score;
  },
  parse: parseStatement,
};
