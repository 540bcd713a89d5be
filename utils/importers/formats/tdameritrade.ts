/**
 * TD Ameritrade's transactions CSV: "DATE,TRANSACTION ID,DESCRIPTION,QUANTITY,
 * SYMBOL,PRICE,COMMISSION,AMOUNT,REG FEE,..." with a "***END OF FILE***"
 * footer. What a row is shows in its description: "Bought 10 VTI @ 200.5",
 * "Sold ...", "ORDINARY DIVIDEND (VTI)", "CLIENT REQUESTED ELECTRONIC FUNDING
 * RECEIPT", "FREE BALANCE INTEREST ADJUSTMENT", "REBATE".
 */
import { detectByHeader, findHeader, Table } from '../table';
import type { CsvRow, CsvTable, FormatOptions, FormatOutput, ImportedRecord, ImportFormat } from '../types';
import { plural, was } from '../words';

const COLUMNS = ['DATE', 'TRANSACTION ID', 'DESCRIPTION', 'QUANTITY', 'SYMBOL', 'PRICE', 'AMOUNT'];
const OPTIONAL = ['COMMISSION', 'REG FEE', 'SHORT-TERM RDM FEE', 'FUND REDEMPTION FEE', 'DEFERRED SALES CHARGE'];
const FEE_COLUMNS = OPTIONAL;

const blank = (row: CsvRow) => row.cells.every((c) => c.trim() === '');

type Kind = 'buy' | 'sell' | 'dividend' | 'interest' | 'tax' | 'cash';

function classify(description: string): Kind {
  const d = description.toUpperCase();
  if (/^BOUGHT\b/.test(d)) return 'buy';
  if (/^SOLD\b/.test(d)) return 'sell';
  if (/WITHHOLDING|FOREIGN TAX/.test(d)) return 'tax';
  if (/DIVIDEND|GAIN DISTRIBUTION|CAPITAL GAIN/.test(d)) return 'dividend';
  if (/INTEREST/.test(d) && !/MARGIN INTEREST/.test(d)) return 'interest';
  return 'cash';
}

function parse(table: CsvTable, options: FormatOptions): FormatOutput {
  const at = findHeader(table.rows, COLUMNS);
  if (at === -1) {
    return {
      records: [],
      errors: [{ line: table.rows[0]?.line ?? 1, column: '', reason: `no line names the columns ${COLUMNS.join(', ')}: this is not a TD Ameritrade transactions export` }],
      notes: [],
    };
  }
  const t = new Table(table.rows[at]!);
  const currency = options.currency ?? 'USD';
  const c = {
    date: t.column('DATE'), description: t.column('DESCRIPTION'), quantity: t.column('QUANTITY'), symbol: t.column('SYMBOL'),
    price: t.column('PRICE'), amount: t.column('AMOUNT'), fees: FEE_COLUMNS.map((name) => t.column(name)).filter((i) => i >= 0),
  };
  const isEnd = (row: CsvRow) => /^\*+\s*end of file\s*\*+$/i.test(t.cell(row, c.date));
  const body = table.rows.slice(at + 1).filter((r) => !blank(r));
  const dateOrder = t.resolveDates(body.filter((r) => !isEnd(r)), [c.date], 'MDY', options.dateOrder);
  const records: ImportedRecord[] = [];
  let footer = 0;
  let shareRows = 0;

  for (const row of body) {
    if (isEnd(row)) {
      footer++;
      continue;
    }
    if (!t.complete(row)) continue;
    const line = row.line;
    const description = t.cell(row, c.description);
    const kind = classify(description);
    // Shares moved without cash (a split, a name change, shares received).
    if (kind === 'cash' && t.cell(row, c.amount) === '' && t.cell(row, c.quantity) !== '') {
      shareRows++;
      continue;
    }
    const before = t.errors.length;
    const date = t.date(row, c.date);
    const amount = t.money(row, c.amount, currency);
    // "ORDINARY DIVIDEND (VTI)": the symbol column, else the name in brackets.
    const symbol = t.cell(row, c.symbol) || (/\(([A-Z0-9.\-]+)\)\s*$/.exec(description)?.[1] ?? '');

    if (kind === 'buy' || kind === 'sell') {
      if (symbol === '') t.fail(line, c.symbol, 'the symbol is empty');
      const quantity = t.quantity(row, c.quantity);
      const price = t.money(row, c.price, currency, { round: true });
      let fees = 0;
      for (const col of c.fees) fees += Math.abs(t.money(row, col, currency, { optional: true })?.minor ?? 0);
      if (t.errors.length > before || !date || !amount || !quantity || !price) continue;
      records.push({
        kind: 'trade', line, date, side: kind, symbol, quantity, price, ...(fees ? { fees: { minor: fees, currency } } : {}), amount, description,
      });
      continue;
    }
    if (t.errors.length > before || !date || !amount) continue;
    if (kind === 'cash') {
      records.push({ kind: 'transaction', line, date, amount, description });
      continue;
    }
    records.push({
      kind: 'income', line, date, amount, incomeKind: kind === 'interest' ? 'interest' : 'dividend', source: 'Dividends and interest',
      ...(symbol ? { symbol } : {}), description: kind === 'tax' ? `Tax withheld: ${description}` : description,
    });
  }

  const notes: string[] = [];
  if (t.roundedCount) notes.push(`${plural(t.roundedCount, 'per-share price')} had more than 2 decimals and ${was(t.roundedCount)} rounded half to even to the cent.`);
  if (shareRows) notes.push(`${plural(shareRows, 'row')} that moved shares but no cash (splits, name changes, transfers) ${was(shareRows)} not imported.`);
  if (footer) notes.push('The "***END OF FILE***" line marks the end of the file, not a transaction.');
  return { records, errors: t.errors, notes, dateOrder };
}

export const tdameritradeTransactions: ImportFormat = {
  id: 'tdameritrade-transactions',
  label: 'TD Ameritrade — transactions',
  group: 'brokerage',
  institution: 'TD Ameritrade',
  detect: (rows) => detectByHeader(rows, COLUMNS, OPTIONAL),
  parse,
};
