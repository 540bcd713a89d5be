/**
 * Charles Schwab exports: brokerage transactions (three header variants:
 * a title row over a quoted header, the 2020 header with a trailing comma,
 * and a bare unquoted header), the All-Accounts positions report (one
 * section per account with its "Account Total"), and per-symbol lot details.
 */
import { detectByHeader, findHeader, headerMatches, Table } from '../table';
import { parseDate } from '../dates';
import type { CsvRow, CsvTable, FormatOptions, FormatOutput, ImportedRecord, ImportFormat } from '../types';
import { plural } from '../words';

const INSTITUTION = 'Charles Schwab';
const SOURCE = 'Dividends and interest';

const blank = (row: CsvRow) => row.cells.every((c) => c.trim() === '');

function roundingNote(n: number): string[] {
  return n > 0 ? [`${plural(n, 'per-share price')} had more than 2 decimals and ${n === 1 ? 'was' : 'were'} rounded half to even to the cent.`] : [];
}

function noHeader(table: CsvTable, what: string, columns: readonly string[]): FormatOutput {
  return {
    records: [],
    errors: [{ line: table.rows[0]?.line ?? 1, column: '', reason: `no line names the columns ${columns.join(', ')}: this is not a ${what}` }],
    notes: [],
  };
}

// ---------------------------------------------------------------- transactions

const TX_COLUMNS = ['Date', 'Action', 'Symbol', 'Description', 'Quantity', 'Price', 'Fees & Comm', 'Amount'];

type TxKind = 'buy' | 'sell' | 'option-close' | 'shares' | 'tax' | 'dividend' | 'interest' | 'cash';

const BUYS = new Set(['buy', 'reinvest shares', 'buy to open', 'buy to close', 'cover short']);
const SELLS = new Set(['sell', 'sell to open', 'sell to close', 'sell short']);
const OPTION_CLOSES = new Set(['expired', 'assigned', 'exercised', 'exchange or exercise']);
const SHARE_ACTIONS = new Set([
  'stock split', 'reverse split', 'stock merger', 'stock plan activity', 'spin-off', 'name change', 'conversion',
  'stock div dist', 'stock dividend', 'journaled shares', 'security transfer', 'mandatory reorg exc', 'tender',
]);
const KNOWN_CASH = new Set([
  'moneylink transfer', 'moneylink deposit', 'moneylink withdrawal', 'journal', 'wire sent', 'wire received', 'wire funds',
  'wire funds received', 'adr mgmt fee', 'service fee', 'advisor fee', 'internal transfer', 'funds received', 'funds paid',
  'promotional award', 'cash in lieu', 'margin interest', 'misc cash entry', 'bank transfer', 'bank interest adj',
]);

function classifyAction(action: string): TxKind {
  const a = action.toLowerCase().replace(/\s+/g, ' ');
  if (BUYS.has(a)) return 'buy';
  if (SELLS.has(a)) return 'sell';
  if (OPTION_CLOSES.has(a)) return 'option-close';
  if (SHARE_ACTIONS.has(a)) return 'shares';
  if (KNOWN_CASH.has(a)) return 'cash';
  if (/\bnra\b|foreign tax|withholding/.test(a)) return 'tax';
  if (/div|cap gain/.test(a)) return 'dividend';
  if (/interest/.test(a) && !/margin/.test(a)) return 'interest';
  return 'cash';
}

/** "Transactions  for account General Investing ...XXX as of 05/03/2023 ..." → "General Investing ...XXX". */
function accountFromTitle(rows: readonly CsvRow[], headerAt: number): string | undefined {
  for (let i = 0; i < headerAt; i++) {
    const m = /for account\s+(.+?)\s+as of\b/i.exec(rows[i]!.cells[0] ?? '');
    if (m) return m[1]!.trim();
  }
  return undefined;
}

function parseTransactions(table: CsvTable, options: FormatOptions): FormatOutput {
  const at = findHeader(table.rows, TX_COLUMNS);
  if (at === -1) return noHeader(table, 'Charles Schwab transactions export', TX_COLUMNS);
  const t = new Table(table.rows[at]!);
  const account = accountFromTitle(table.rows, at);
  const currency = options.currency ?? 'USD';
  const c = {
    date: t.column('Date'), action: t.column('Action'), symbol: t.column('Symbol'), description: t.column('Description'),
    quantity: t.column('Quantity'), price: t.column('Price'), fees: t.column('Fees & Comm'), amount: t.column('Amount'),
  };
  const body = table.rows.slice(at + 1).filter((r) => !blank(r));
  const dateOrder = t.resolveDates(body, [c.date], 'MDY', options.dateOrder);
  const records: ImportedRecord[] = [];
  let totals = 0;
  let shareRows = 0;
  let transferRows = 0;
  let expired = 0;
  const unknown = new Map<string, number>();

  for (const row of body) {
    if (/^transactions total$/i.test(t.cell(row, c.date))) {
      totals++;
      continue;
    }
    if (!t.complete(row)) continue;
    const action = t.cell(row, c.action);
    let kind = classifyAction(action);
    const hasAmount = t.cell(row, c.amount) !== '';
    const hasPrice = t.cell(row, c.price) !== '';
    if (kind === 'cash' && !hasAmount && t.cell(row, c.quantity) !== '') kind = 'shares';
    if (kind === 'shares') {
      if (/transfer|journal/i.test(action)) transferRows++;
      else shareRows++;
      continue;
    }
    if (kind === 'option-close' && !hasAmount && !hasPrice) {
      expired++;
      continue;
    }
    const before = t.errors.length;
    const date = t.date(row, c.date);
    const symbol = t.cell(row, c.symbol);
    const description = t.cell(row, c.description);
    const line = row.line;

    if (kind === 'buy' || kind === 'sell' || kind === 'option-close') {
      if (symbol === '') t.fail(line, c.symbol, 'the symbol is empty');
      const quantity = t.quantity(row, c.quantity);
      const price = t.money(row, c.price, currency, { round: true });
      const fees = t.money(row, c.fees, currency, { optional: true });
      const amount = t.money(row, c.amount, currency, { optional: true });
      if (t.errors.length > before || !date || !quantity || !price) continue;
      const side = kind === 'option-close' ? ((amount ? amount.minor < 0 : t.sign(row, c.quantity) > 0) ? 'buy' : 'sell') : kind;
      records.push({
        kind: 'trade', line, account, date, side, symbol, quantity, price,
        ...(fees && fees.minor !== 0 ? { fees: { minor: Math.abs(fees.minor), currency } } : {}),
        ...(amount ? { amount } : {}),
        description: kind === 'option-close' ? `${action}: ${description}` : description,
      });
      continue;
    }

    const amount = t.money(row, c.amount, currency);
    if (t.errors.length > before || !date || !amount) continue;
    const text = description ? `${action}: ${description}` : action;
    if (kind === 'cash') {
      if (!KNOWN_CASH.has(action.toLowerCase())) unknown.set(action, (unknown.get(action) ?? 0) + 1);
      records.push({ kind: 'transaction', line, account, date, amount, description: text });
      continue;
    }
    records.push({
      kind: 'income', line, account, date, amount,
      incomeKind: kind === 'interest' ? 'interest' : 'dividend',
      source: SOURCE,
      ...(symbol ? { symbol } : {}),
      description: kind === 'tax' ? `Tax withheld: ${text}` : text,
    });
  }

  const notes = [...roundingNote(t.roundedCount)];
  if (totals) notes.push(`The "Transactions Total" line is a total, not a transaction.`);
  if (shareRows) notes.push(`${plural(shareRows, 'corporate action')} (splits, mergers) ${shareRows === 1 ? 'was' : 'were'} not imported: they change shares, not cash.`);
  if (transferRows) notes.push(`${plural(transferRows, 'share transfer')} ${transferRows === 1 ? 'was' : 'were'} not imported: they move shares, not cash.`);
  if (expired) notes.push(`${plural(expired, 'option')} expired with no price or cash and ${expired === 1 ? 'was' : 'were'} not imported.`);
  if (unknown.size) {
    const n = [...unknown.values()].reduce((a, b) => a + b, 0);
    notes.push(`${plural(n, 'row')} with actions Strata does not know (${[...unknown.keys()].join(', ')}) ${n === 1 ? 'was' : 'were'} imported as cash transactions.`);
  }
  return { records, errors: t.errors, notes, dateOrder };
}

export const schwabTransactions: ImportFormat = {
  id: 'schwab-transactions',
  label: 'Charles Schwab — transactions',
  group: 'brokerage',
  institution: INSTITUTION,
  detect: (rows) => detectByHeader(rows, TX_COLUMNS),
  parse: parseTransactions,
};

// ------------------------------------------------------------------- positions

// The 2020 header ("Quantity", "Market Value", "Security Type") and the newer one ("Qty (Quantity)", "Mkt Val (Market Value)").
const POS_2020 = ['Symbol', 'Description', 'Quantity', 'Price', 'Market Value', 'Cost Basis', 'Security Type'];
const POS_NEWER = ['Symbol', 'Description', 'Qty (Quantity)', 'Price', 'Mkt Val (Market Value)'];
const POS_OPTIONAL = ['Price Change $', 'Gain/Loss $', 'Reinvest Dividends?', '% Of Account', 'Cost Basis', 'Security Type', 'Asset Type', 'Gain $ (Gain/Loss $)', '% of Acct (% of Account)'];
const isPositionsHeader = (row: CsvRow) => headerMatches(row, POS_2020) === POS_2020.length || headerMatches(row, POS_NEWER) === POS_NEWER.length;

/** The day of a Schwab title ("... as of 06:04 PM ET, 11/15/2020"): the text after its last comma. */
function titleDate(title: string, options: FormatOptions): { date?: string; reason?: string } {
  const m = /as of\b.*,\s*([^,]+)$/i.exec(title);
  if (!m) return {};
  const parsed = parseDate(m[1]!, options.dateOrder ?? 'MDY');
  return parsed.ok ? { date: parsed.date } : { reason: parsed.reason };
}

function parsePositions(table: CsvTable, options: FormatOptions): FormatOutput {
  if (!table.rows.slice(0, 40).some(isPositionsHeader)) return noHeader(table, 'Charles Schwab positions export', POS_NEWER);
  const currency = options.currency ?? 'USD';
  const records: ImportedRecord[] = [];
  const errors: FormatOutput['errors'] = [];
  const notes: string[] = [];
  const title = table.rows[0]?.cells[0] ?? '';
  const { date, reason } = titleDate(title, options);
  if (reason) errors.push({ line: table.rows[0]!.line, column: '', reason: `the title's day ${reason}` });
  else if (!date) notes.push('The file does not say which day its values are for: they are dated the day of the import.');
  let account = /positions for account\s+(.+?)\s+as of\b/i.exec(title)?.[1];
  let t: Table | undefined;
  let cashRows = 0;
  let rounded = 0;
  let c = { symbol: -1, description: -1, quantity: -1, price: -1, value: -1, cost: -1, type: -1 };

  for (const [i, row] of table.rows.entries()) {
    if (blank(row) || (i === 0 && /^positions for\b/i.test(title))) continue;
    if (isPositionsHeader(row)) {
      if (t) {
        errors.push(...t.errors);
        rounded += t.roundedCount;
      }
      t = new Table(row);
      c = {
        symbol: t.column('Symbol'), description: t.column('Description'), quantity: t.column('Quantity', 'Qty (Quantity)'),
        price: t.column('Price'), value: t.column('Market Value', 'Mkt Val (Market Value)'), cost: t.column('Cost Basis'),
        type: t.column('Security Type', 'Asset Type'),
      };
      continue;
    }
    const oneCell = row.cells.filter((cell) => cell.trim() !== '').length === 1 && row.cells[0]!.trim() !== '';
    const next = oneCell ? table.rows.slice(i + 1, i + 4).find((r) => !blank(r)) : undefined;
    if (next && isPositionsHeader(next)) {
      // An account's name line ("Brokerage XXXX-1234") opens its section, just above its header.
      account = row.cells[0]!.trim();
      t = undefined;
      continue;
    }
    if (!t) continue;
    const first = t.cell(row, c.symbol);
    if (/^cash & cash investments$/i.test(first) || /^cash and money market$/i.test(t.cell(row, c.type))) {
      cashRows++;
      continue;
    }
    if (/^(account|positions) total$/i.test(first)) {
      const amount = t.money(row, c.value, currency);
      if (amount) records.push({ kind: 'balance', line: row.line, ...(account ? { account } : {}), ...(date ? { date } : {}), amount });
      continue;
    }
    if (!t.complete(row)) continue;
    const before = t.errors.length;
    const quantity = t.quantity(row, c.quantity);
    const price = t.money(row, c.price, currency, { optional: true, round: true });
    const marketValue = t.money(row, c.value, currency, { optional: true });
    const costBasis = t.money(row, c.cost, currency, { optional: true });
    if (t.errors.length > before || !quantity) continue;
    records.push({
      kind: 'position', line: row.line, ...(account ? { account } : {}), ...(date ? { date } : {}),
      symbol: first, quantity, ...(price ? { price } : {}), ...(marketValue ? { marketValue } : {}), ...(costBasis ? { costBasis } : {}),
      description: t.cell(row, c.description),
    });
  }
  if (t) {
    errors.push(...t.errors);
    rounded += t.roundedCount;
  }
  notes.unshift(...roundingNote(rounded));
  if (cashRows) notes.push(`${plural(cashRows, '"Cash & Cash Investments" row')} ${cashRows === 1 ? 'was' : 'were'} not imported as a holding: cash is part of each account's "Account Total" balance.`);
  return { records, errors, notes };
}

export const schwabPositions: ImportFormat = {
  id: 'schwab-positions',
  label: 'Charles Schwab — positions',
  group: 'brokerage',
  institution: INSTITUTION,
  detect: (rows) => Math.max(detectByHeader(rows, POS_2020, POS_OPTIONAL), detectByHeader(rows, POS_NEWER, POS_OPTIONAL)),
  parse: parsePositions,
};

// ------------------------------------------------------------------------ lots

const LOT_COLUMNS = ['Open Date', 'Quantity', 'Cost/Share', 'Cost Basis', 'Holding Period'];
const LOT_OPTIONAL = ['Price', 'Market Value', 'Gain/Loss $', 'Gain/Loss %'];

function parseLots(table: CsvTable, options: FormatOptions): FormatOutput {
  const at = findHeader(table.rows, LOT_COLUMNS);
  if (at === -1) return noHeader(table, 'Charles Schwab lot details export', LOT_COLUMNS);
  const t = new Table(table.rows[at]!);
  const currency = options.currency ?? 'USD';
  // "SCHA Lot Details for XXXX-4321 as of 02:45 AM ET, 10/25/2020"
  const titleRow = table.rows.slice(0, at).find((r) => /lot details/i.test(r.cells[0] ?? ''));
  const title = /^\s*(\S+)\s+lot details(?:\s+for\s+(.+?))?(?:\s+as of\b|$)/i.exec(titleRow?.cells[0] ?? '');
  if (!title) {
    return {
      records: [],
      errors: [{ line: table.rows[0]!.line, column: '', reason: 'the title line ("SCHA Lot Details for ...") is missing, so the symbol of these lots is unknown' }],
      notes: [],
    };
  }
  const symbol = title[1]!;
  const account = title[2]?.trim();
  const c = { open: t.column('Open Date'), quantity: t.column('Quantity'), value: t.column('Market Value'), cost: t.column('Cost Basis') };
  const body = table.rows.slice(at + 1).filter((r) => !blank(r));
  const dateOrder = t.resolveDates(body, [c.open], 'MDY', options.dateOrder);
  const records: ImportedRecord[] = [];
  let totals = 0;
  for (const row of body) {
    if (/^total$/i.test(t.cell(row, c.open))) {
      totals++;
      continue;
    }
    if (!t.complete(row)) continue;
    const before = t.errors.length;
    const acquired = t.date(row, c.open);
    const quantity = t.quantity(row, c.quantity);
    const costBasis = t.money(row, c.cost, currency);
    const marketValue = t.money(row, c.value, currency, { optional: true });
    if (t.errors.length > before || !acquired || !quantity || !costBasis) continue;
    records.push({ kind: 'lot', line: row.line, ...(account ? { account } : {}), symbol, acquired, quantity, costBasis, ...(marketValue ? { marketValue } : {}) });
  }
  const notes = totals ? [`The "Total" line is a total of the lots, not a lot.`] : [];
  return { records, errors: t.errors, notes, dateOrder };
}

export const schwabLots: ImportFormat = {
  id: 'schwab-lots',
  label: 'Charles Schwab — lot details',
  group: 'brokerage',
  institution: INSTITUTION,
  detect: (rows) => detectByHeader(rows, LOT_COLUMNS, LOT_OPTIONAL),
  parse: parseLots,
};
