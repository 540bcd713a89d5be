/**
 * Interactive Brokers Flex Query CSV: the Trades section (the full column
 * set or any subset with Buy/Sell or Quantity, TradeDate or DateTime,
 * TradePrice) and the Cash Transactions section (Type, a date, Amount,
 * CurrencyPrimary). One file may hold several tables — one per section, a
 * header repeated per account, or the "HEADER"/"DATA" rows of a Flex file
 * with header and trailer records — and every table either layout knows is
 * read, whichever of the two detected the file.
 *
 * The activity statement (multi-section "Trades,Header,…") is in
 * ibkr-statement.ts.
 */
import { detectByHeader, normalizeHeader, Table } from '../table';
import type { CsvRow, CsvTable, FormatOptions, FormatOutput, ImportedRecord, ImportFormat } from '../types';
import {
  cashKind, hasNumericDates, INSTITUTION, neg, plural, roundingNote, SOURCE, sumCells, symbolFromDescription, taxDescription, taxIncomeKind,
} from './ibkr-common';

export { ibkrActivityStatement } from './ibkr-statement';

const TRADE_REQUIRED = ['Quantity', 'TradePrice', 'CurrencyPrimary'];
const TRADE_OPTIONAL = ['Buy/Sell', 'TradeDate', 'DateTime', 'IBCommission', 'IBCommissionCurrency', 'TradeMoney', 'ISIN', 'Symbol', 'ClientAccountID', 'NetCash', 'Proceeds', 'AssetClass', 'LevelOfDetail'];
const CASH_REQUIRED = ['Type', 'Amount', 'CurrencyPrimary'];
const CASH_OPTIONAL = ['SettleDate', 'DateTime', 'Date', 'ReportDate', 'Description', 'ISIN', 'Symbol', 'ClientAccountID'];
/** Cells only a Flex header row has. */
const HEADER_MARKS = new Set(['currencyprimary', 'clientaccountid', 'assetclass', 'tradeprice', 'tradedate', 'settledate', 'levelofdetail', 'buy/sell', 'ibcommission']);
const WRAPPERS = new Set(['BOF', 'BOA', 'BOS', 'EOS', 'EOA', 'EOF']);
const MULTIPLIED = new Set(['OPT', 'FOP', 'FUT', 'WAR', 'FSFOP']);

/** Rows with a Flex file's "HEADER"/"DATA" prefixes removed and its BOF/BOS/EOS… lines dropped. */
function unwrap(rows: readonly CsvRow[]): { rows: CsvRow[]; wrappers: number } {
  const wrapped = rows.slice(0, 10).some((r) => ['BOF', 'HEADER', 'BOS'].includes((r.cells[0] ?? '').trim().toUpperCase()));
  if (!wrapped) return { rows: [...rows], wrappers: 0 };
  const out: CsvRow[] = [];
  let wrappers = 0;
  for (const row of rows) {
    const first = (row.cells[0] ?? '').trim().toUpperCase();
    if (first === 'HEADER' || first === 'DATA') out.push({ line: row.line, cells: row.cells.slice(2) });
    else if (WRAPPERS.has(first)) wrappers++;
    else out.push(row);
  }
  return { rows: out, wrappers };
}

function isHeader(row: CsvRow): boolean {
  return row.cells.some((c) => HEADER_MARKS.has(normalizeHeader(c)));
}

function sameCells(a: CsvRow, b: CsvRow): boolean {
  return a.cells.length === b.cells.length && a.cells.every((c, i) => normalizeHeader(c) === normalizeHeader(b.cells[i]!));
}

interface Counts {
  forex: number;
  multiplied: number;
  levels: Map<string, number>;
  summary: number;
}

function readTrades(t: Table, rows: CsvRow[], options: FormatOptions, records: ImportedRecord[], counts: Counts): void {
  const c = {
    side: t.column('Buy/Sell'), date: t.column('TradeDate'), dateTime: t.column('DateTime', 'Date/Time'), qty: t.column('Quantity'),
    price: t.column('TradePrice'), currency: t.column('CurrencyPrimary', 'Currency'), symbol: t.column('Symbol'), isin: t.column('ISIN'),
    cusip: t.column('CUSIP'), account: t.column('ClientAccountID'), description: t.column('Description'), asset: t.column('AssetClass'),
    lod: t.column('LevelOfDetail'), comm: t.column('IBCommission'), commCurrency: t.column('IBCommissionCurrency'),
    netCash: t.column('NetCash'), proceeds: t.column('Proceeds'), tradeMoney: t.column('TradeMoney'),
  };
  if (c.date < 0 && c.dateTime < 0) return void t.fail(t.header.line, -1, 'the table has no TradeDate or DateTime column, so its trades have no date');
  const levels = new Set(rows.map((r) => t.cell(r, c.lod).toUpperCase()));
  const level = levels.has('EXECUTION') ? 'EXECUTION' : levels.has('ORDER') ? 'ORDER' : undefined;
  for (const row of rows) {
    if (!t.complete(row)) continue;
    const lod = t.cell(row, c.lod).toUpperCase();
    if (level && lod !== level) {
      counts.levels.set(lod || '(empty)', (counts.levels.get(lod || '(empty)') ?? 0) + 1);
      continue;
    }
    const asset = t.cell(row, c.asset).toUpperCase();
    if (asset === 'CASH') {
      counts.forex++;
      continue;
    }
    const currency = t.cell(row, c.currency) || options.currency || 'USD';
    const symbol = t.cell(row, c.symbol) || t.cell(row, c.isin) || t.cell(row, c.cusip);
    if (!symbol) {
      // A subset without Symbol or AssetClass: a line without an ISIN is a currency conversion (EUR.USD has none).
      if (c.symbol < 0 && c.asset < 0) counts.forex++;
      else t.fail(row.line, c.symbol >= 0 ? c.symbol : c.isin, 'the symbol is empty');
      continue;
    }
    const sideText = t.cell(row, c.side).toUpperCase();
    const side = sideText.startsWith('BUY') ? 'buy' : sideText.startsWith('SELL') ? 'sell' : t.sign(row, c.qty) < 0 ? 'sell' : 'buy';
    const dateCol = c.date >= 0 && t.cell(row, c.date) !== '' ? c.date : c.dateTime >= 0 ? c.dateTime : c.date;
    const date = t.date(row, dateCol);
    const quantity = t.quantity(row, c.qty);
    const price = t.money(row, c.price, currency, { round: true });
    const commText = t.cell(row, c.comm);
    const commCurrency = t.cell(row, c.commCurrency) || currency;
    const commission = c.comm >= 0 && commText !== '' ? t.money(row, c.comm, commCurrency, { round: true }) : undefined;
    const commSameCurrency = commCurrency === currency ? [{ at: c.comm }] : [];
    const amount =
      t.cell(row, c.netCash) !== '' ? t.money(row, c.netCash, currency, { round: true })
      : t.cell(row, c.proceeds) !== '' ? sumCells(t, row, [{ at: c.proceeds }, ...commSameCurrency], currency)
      : t.cell(row, c.tradeMoney) !== '' ? sumCells(t, row, [{ at: c.tradeMoney, negate: true }, ...commSameCurrency], currency)
      : undefined;
    if (!date || !quantity || !price) continue;
    const account = t.cell(row, c.account);
    const description = t.cell(row, c.description);
    if (MULTIPLIED.has(asset)) counts.multiplied++;
    records.push({
      kind: 'trade', line: row.line, ...(account ? { account } : {}), date, side, symbol, quantity, price,
      ...(commission ? { fees: neg(commission) } : {}), ...(amount ? { amount } : {}), ...(description ? { description } : {}),
    });
  }
}

function readCash(t: Table, rows: CsvRow[], options: FormatOptions, records: ImportedRecord[], counts: Counts): void {
  const c = {
    type: t.column('Type'), amount: t.column('Amount'), currency: t.column('CurrencyPrimary', 'Currency'), description: t.column('Description'),
    symbol: t.column('Symbol'), isin: t.column('ISIN'), account: t.column('ClientAccountID'), lod: t.column('LevelOfDetail'),
    dates: [t.column('DateTime', 'Date/Time'), t.column('Date'), t.column('SettleDate'), t.column('ReportDate')].filter((i) => i >= 0),
  };
  if (c.dates.length === 0) return void t.fail(t.header.line, -1, 'the table has no DateTime, Date, SettleDate or ReportDate column, so its lines have no date');
  for (const row of rows) {
    if (!t.complete(row)) continue;
    if (t.cell(row, c.lod).toUpperCase() === 'SUMMARY') {
      counts.summary++;
      continue;
    }
    const type = t.text(row, c.type, 'the type');
    const currency = t.cell(row, c.currency) || options.currency || 'USD';
    const date = t.date(row, c.dates.find((i) => t.cell(row, i) !== '') ?? c.dates[0]!);
    const amount = t.money(row, c.amount, currency, { round: true });
    if (!type || !date || !amount) continue;
    const description = t.cell(row, c.description);
    const symbol = t.cell(row, c.symbol) || symbolFromDescription(description) || t.cell(row, c.isin);
    const account = t.cell(row, c.account);
    const base = { line: row.line, ...(account ? { account } : {}), date };
    const kind = cashKind(type);
    if (kind === 'transaction') {
      records.push({ kind: 'transaction', ...base, amount, description: description || type });
    } else {
      records.push({
        kind: 'income', ...base, amount, incomeKind: kind === 'tax' ? taxIncomeKind(description) : kind, source: SOURCE,
        ...(symbol ? { symbol } : {}), description: kind === 'tax' ? taxDescription(amount, description || type) : description || type,
      });
    }
  }
}

/** Reads every Flex table in the file: trades tables and cash-transaction tables. */
function parseFlex(table: CsvTable, options: FormatOptions): FormatOutput {
  const { rows, wrappers } = unwrap(table.rows);
  const records: ImportedRecord[] = [];
  const errors: FormatOutput['errors'] = [];
  const notes: string[] = [];
  const counts: Counts = { forex: 0, multiplied: 0, levels: new Map(), summary: 0 };
  let rounded = 0;
  let repeated = 0;
  let unknownTables = 0;
  const dateValues: string[] = [];
  let dateResolution: FormatOutput['dateOrder'];

  // Split into tables, each under its own header row.
  const blocks: { header: CsvRow; rows: CsvRow[] }[] = [];
  let before = 0;
  for (const row of rows) {
    const current = blocks[blocks.length - 1];
    if (isHeader(row)) {
      if (current && sameCells(current.header, row)) repeated++;
      else blocks.push({ header: row, rows: [] });
    } else if (current) current.rows.push(row);
    else before++;
  }
  if (blocks.length === 0) errors.push({ line: 0, column: '', reason: 'no Flex Query header row (with CurrencyPrimary, TradePrice or Type and Amount) was found' });

  for (const block of blocks) {
    const t = new Table(block.header);
    const isTrades = t.column('TradePrice') >= 0 && t.column('Quantity') >= 0;
    const isCash = !isTrades && t.column('Type') >= 0 && t.column('Amount') >= 0;
    if (!isTrades && !isCash) {
      unknownTables++;
      continue;
    }
    const dateCols = isTrades ? [t.column('TradeDate'), t.column('DateTime')] : [t.column('DateTime'), t.column('Date'), t.column('SettleDate'), t.column('ReportDate')];
    const resolution = t.resolveDates(block.rows, dateCols, 'MDY', options.dateOrder);
    for (const r of block.rows) for (const col of dateCols) if (col >= 0 && r.cells[col]) dateValues.push(r.cells[col]!);
    if (isTrades) readTrades(t, block.rows, options, records, counts);
    else readCash(t, block.rows, options, records, counts);
    errors.push(...t.errors);
    rounded += t.roundedCount;
    dateResolution ??= resolution;
  }

  if (wrappers > 0) notes.push(`${plural(wrappers, 'Flex header or trailer line', 'Flex header and trailer lines')} (BOF, BOS, EOS…) ${wrappers === 1 ? 'was' : 'were'} skipped.`);
  if (before > 0) notes.push(`${plural(before, 'line', 'lines')} before the first header row ${before === 1 ? 'was' : 'were'} skipped.`);
  if (repeated > 0) notes.push(`${plural(repeated, 'repeated header row', 'repeated header rows')} (one per account or section) ${repeated === 1 ? 'was' : 'were'} skipped.`);
  if (unknownTables > 0) notes.push(`${plural(unknownTables, 'table', 'tables')} in the file ${unknownTables === 1 ? 'is' : 'are'} neither trades nor cash transactions and ${unknownTables === 1 ? 'was' : 'were'} not read.`);
  if (counts.forex > 0) notes.push(`${plural(counts.forex, 'line is a currency conversion', 'lines are currency conversions')} (forex: no ISIN or symbol, or asset class CASH) and ${counts.forex === 1 ? 'was' : 'were'} not imported as ${counts.forex === 1 ? 'a trade' : 'trades'}.`);
  for (const [lod, n] of counts.levels) notes.push(`${plural(n, 'line', 'lines')} at level of detail ${lod} ${n === 1 ? 'repeats' : 'repeat'} trades already read at another level and ${n === 1 ? 'was' : 'were'} skipped.`);
  if (counts.summary > 0) notes.push(`${plural(counts.summary, 'SUMMARY line', 'SUMMARY lines')} of cash transactions ${counts.summary === 1 ? 'repeats' : 'repeat'} the detail lines and ${counts.summary === 1 ? 'was' : 'were'} skipped.`);
  if (counts.multiplied > 0) notes.push(`${plural(counts.multiplied, 'option or futures trade keeps', 'option or futures trades keep')} IBKR's figures: the quantity in contracts and the price per share (or unit); the amount is the cash moved.`);
  notes.push(...roundingNote(rounded));
  return { records, errors, notes, ...(dateResolution && hasNumericDates(dateValues) ? { dateOrder: dateResolution } : {}) };
}

export const ibkrFlexTrades: ImportFormat = {
  id: 'ibkr-flex-trades',
  label: 'Interactive Brokers — Flex Query trades',
  group: 'brokerage',
  institution: INSTITUTION,
  detect: (rows) => detectByHeader(unwrap(rows).rows, TRADE_REQUIRED, TRADE_OPTIONAL),
  parse: parseFlex,
};

export const ibkrFlexCash: ImportFormat = {
  id: 'ibkr-flex-cash',
  label: 'Interactive Brokers — Flex Query cash transactions',
  group: 'brokerage',
  institution: INSTITUTION,
  detect: (rows) => detectByHeader(unwrap(rows).rows, CASH_REQUIRED, CASH_OPTIONAL),
  parse: parseFlex,
};
