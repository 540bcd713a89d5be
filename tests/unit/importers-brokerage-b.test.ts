/**
 * Brokerage layouts B (Interactive Brokers Flex Query and activity
 * statement, Betterment) on hand-made files in tests/fixtures/imports,
 * written in each real layout with figures worked out by hand (the
 * arithmetic is in the comments). Every record is checked through a
 * one-line summary; refusals by line, column and reason.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from '@/utils/importers/csv';
import { toDecimalString } from '@/utils/money';
import type { CsvTable, FormatOutput, ImportedRecord, ImportFormat } from '@/utils/importers/types';
import { ibkrActivityStatement, ibkrFlexCash, ibkrFlexTrades } from '@/utils/importers/formats/ibkr';
import { bettermentLots, bettermentTransactions } from '@/utils/importers/formats/betterment';

const MINE: ImportFormat[] = [ibkrFlexTrades, ibkrFlexCash, ibkrActivityStatement, bettermentTransactions, bettermentLots];
const dir = path.resolve(__dirname, '../fixtures/imports');
const read = (name: string): CsvTable => readCsv(readFileSync(path.join(dir, name), 'utf8'));
const parse = (format: ImportFormat, name: string): FormatOutput => format.parse(read(name), {});
const m = (money?: { minor: number; currency: string }) => (money ? `${toDecimalString(money)}${money.currency === 'USD' ? '' : ` ${money.currency}`}` : '-');

function summary(r: ImportedRecord): string {
  const acct = r.account ? ` {${r.account}}` : '';
  switch (r.kind) {
    case 'trade':
      return `L${r.line} trade ${r.date} ${r.side} ${r.quantity} ${r.symbol} @ ${m(r.price)} fees ${m(r.fees)} = ${m(r.amount)}${acct}`;
    case 'income':
      return `L${r.line} income ${r.date} ${r.incomeKind} ${m(r.amount)} ${r.symbol ?? '-'}${acct}`;
    case 'transaction':
      return `L${r.line} transaction ${r.date} ${m(r.amount)} ${r.description}${acct}`;
    case 'position':
      return `L${r.line} position ${r.date ?? '-'} ${r.quantity} ${r.symbol} @ ${m(r.price)} value ${m(r.marketValue)}${acct}`;
    case 'balance':
      return `L${r.line} balance ${r.date ?? '-'} ${m(r.amount)}${acct}`;
    case 'lot':
      return `L${r.line} lot ${r.symbol} ${r.acquired} ${r.quantity} cost ${m(r.costBasis)} value ${m(r.marketValue)}${acct}`;
  }
}

describe('detection', () => {
  it.each([
    ['ibkr-flex-trades.csv', 'ibkr-flex-trades'],
    ['ibkr-flex-refusals.csv', 'ibkr-flex-trades'],
    ['ibkr-flex-cash.csv', 'ibkr-flex-cash'],
    ['ibkr-activity-statement.csv', 'ibkr-activity-statement'],
    ['ibkr-transaction-history.csv', 'ibkr-activity-statement'],
    ['betterment-transactions.csv', 'betterment-transactions'],
    ['betterment-refusals.csv', 'betterment-transactions'],
    ['betterment-lots.csv', 'betterment-lots'],
  ])('%s is read as %s, and no other of these layouts claims it', (name, id) => {
    const rows = read(name).rows;
    expect(MINE.filter((f) => f.detect(rows) > 0).map((f) => f.id)).toEqual([id]);
  });

  it('group and institution', () => {
    expect(MINE.map((f) => `${f.group} ${f.institution}`)).toEqual([
      'brokerage Interactive Brokers', 'brokerage Interactive Brokers', 'brokerage Interactive Brokers', 'brokerage Betterment', 'brokerage Betterment',
    ]);
  });
});

describe('Interactive Brokers Flex Query', () => {
  it('trades: executions only, forex left out, a repeated header per account, options in contracts', () => {
    const out = parse(ibkrFlexTrades, 'ibkr-flex-trades.csv');
    expect(out.errors).toEqual([]);
    expect(out.records.map(summary)).toEqual([
      // 10 × 235.1234 = 2351.234; NetCash −2352.234 → −2352.23; the price rounds to 235.12
      'L2 trade 2024-01-03 buy 10 VTI @ 235.12 fees 1.00 = -2352.23 {U7654321}',
      // 5 × 187.655 = 938.275; 187.655 → 187.66 (half to even: 18765.5 → 18766); NetCash 938.275 − 1.0038 = 937.2712 → 937.27
      'L3 trade 2024-02-12 sell 5 AAPL @ 187.66 fees 1.00 = 937.27 {U7654321}',
      // 2 contracts × 100 × 1.55 = 310 − 1.30 = 308.70 (line 4, the ORDER line, repeats line 3)
      'L5 trade 2024-03-05 sell 2 AAPL  240621C00200000 @ 1.55 fees 1.30 = 308.70 {U7654321}',
      // 2 × 890.40 = 1780.80 + 3 = 1783.80, in EUR
      'L7 trade 2024-02-20 buy 2 ASML @ 890.40 EUR fees 3.00 EUR = -1783.80 EUR {U7654321}',
      // line 8 repeats the header for the second account; TradeDate empty → DateTime 20240110;100000; 3 × 58.10 = 174.30 + 0.35
      'L9 trade 2024-01-10 buy 3 VXUS @ 58.10 fees 0.35 = -174.65 {U7654322}',
    ]);
    expect(out.notes).toEqual([
      '1 repeated header row (one per account or section) was skipped.',
      '1 line is a currency conversion (forex: no ISIN or symbol, or asset class CASH) and was not imported as a trade.',
      '1 line at level of detail ORDER repeats trades already read at another level and was skipped.',
      "1 option or futures trade keeps IBKR's figures: the quantity in contracts and the price per share (or unit); the amount is the cash moved.",
      // VTI price and NetCash, AAPL price, commission and NetCash
      '5 figures (per-share prices and commissions, mostly) had more decimals than the currency has and were rounded half to even.',
    ]);
    expect(out.dateOrder).toBeUndefined();
  });

  it('cash transactions: dividends, tax withheld (on dividends and on interest), interest, fees, deposits', () => {
    const out = parse(ibkrFlexCash, 'ibkr-flex-cash.csv');
    expect(out.errors).toEqual([]);
    expect(out.records.map(summary)).toEqual([
      // DateTime 20240327 wins over SettleDate 20240328
      'L2 income 2024-03-27 dividend 9.14 VTI {U7654321}',
      // 15 % of 9.14 = 1.371 → 1.37
      'L3 income 2024-03-27 dividend -1.37 VTI {U7654321}',
      'L4 income 2024-02-05 interest 4.21 - {U7654321}',
      // 20 % of 4.21 = 0.842 → 0.84, withheld on interest
      'L5 income 2024-02-05 interest -0.84 - {U7654321}',
      'L6 transaction 2024-03-05 -0.35 USD DEBIT INT FOR FEB-2024 {U7654321}',
      'L7 transaction 2024-01-02 5000.00 CASH RECEIPTS / ELECTRONIC FUND TRANSFERS {U7654321}',
      'L8 transaction 2024-03-03 -10.00 M******1:US SNAPSHOT VALUE BUNDLE FOR FEB 2024 {U7654321}',
      // the symbol comes from the description "4543.T(JP3546800008) …"; yen have no minor unit
      'L9 income 2024-06-28 dividend 455 JPY 4543.T {U7654321}',
    ]);
    expect(out.records[1]).toMatchObject({ description: 'Tax withheld: VTI(US9229087690) Cash Dividend USD 0.9137 per Share - US Tax', source: 'Dividends and interest' });
    expect(out.notes).toEqual([]);
  });

  it('refuses an impossible date, text as a price, an empty symbol and a cut-off line; the others still read', () => {
    const out = parse(ibkrFlexTrades, 'ibkr-flex-refusals.csv');
    expect(out.errors).toEqual([
      { line: 2, column: 'TradeDate', reason: '"20240230" is not a real date (2024-02 has 29 days)' },
      { line: 3, column: 'TradePrice', reason: '"n/a" is not an amount' },
      { line: 4, column: 'Symbol', reason: 'the symbol is empty' },
      { line: 6, column: '', reason: 'the line has 4 cells where the header has 9: it may be cut off or use another delimiter' },
    ]);
    // 3 × 240.00 = 720 + 1 commission = 721
    expect(out.records.map(summary)).toEqual(['L5 trade 2024-03-04 buy 3 VTI @ 240.00 fees 1.00 = -721.00 {U7654321}']);
  });

  it('a Flex file with header and trailer records (BOF, HEADER, DATA, EOS…): both sections are read', () => {
    const text = [
      '"BOF","U7654321","Quarter","2","20240101","20240331","20240401;120000","1"',
      '"BOA","U7654321"',
      '"BOS","TRNT","Trades; trade date basis","20240101","20240331"',
      '"HEADER","TRNT","ClientAccountID","CurrencyPrimary","Symbol","TradeDate","Quantity","TradePrice","IBCommission","Buy/Sell"',
      '"DATA","TRNT","U7654321","USD","VTI","20240103","10","235.12","-1","BUY"',
      '"EOS","TRNT","1","-2351.2"',
      '"BOS","CTRN","Cash Transactions","20240101","20240331"',
      '"HEADER","CTRN","ClientAccountID","CurrencyPrimary","Type","DateTime","Description","Amount"',
      '"DATA","CTRN","U7654321","USD","Dividends","20240327;202000","VTI(US9229087690) Cash Dividend USD 0.9137 per Share (Ordinary Dividend)","9.14"',
      '"EOS","CTRN","1","9.14"',
      '"EOA","U7654321"',
      '"EOF","U7654321"',
    ].join('\n');
    const table = readCsv(text);
    expect(ibkrFlexTrades.detect(table.rows)).toBeGreaterThan(0);
    const out = ibkrFlexTrades.parse(table, {});
    expect(out.errors).toEqual([]);
    // No NetCash, Proceeds or TradeMoney column: the trade has no cash amount.
    expect(out.records.map(summary)).toEqual([
      'L5 trade 2024-01-03 buy 10 VTI @ 235.12 fees 1.00 = - {U7654321}',
      'L9 income 2024-03-27 dividend 9.14 VTI {U7654321}',
    ]);
    expect(out.notes).toEqual(['8 Flex header and trailer lines (BOF, BOS, EOS…) were skipped.']);
  });

  it('day-first dates (a Flex query set to dd/MM/yyyy) are read as the file shows', () => {
    const text = '"Buy/Sell","TradeDate","Symbol","Quantity","TradePrice","CurrencyPrimary"\n"BUY","15/01/2024","VTI","1","230","USD"\n"BUY","02/03/2024","VTI","1","240","USD"\n';
    const out = ibkrFlexTrades.parse(readCsv(text), {});
    expect(out.records.map((r) => ('date' in r ? r.date : ''))).toEqual(['2024-01-15', '2024-03-02']);
    expect(out.dateOrder).toMatchObject({ order: 'DMY', assumed: false });
  });

  it('a table with no date column is refused on its header line', () => {
    const out = ibkrFlexTrades.parse(readCsv('"Symbol","Quantity","TradePrice","CurrencyPrimary"\n"VTI","1","230","USD"\n'), {});
    expect(out.errors).toEqual([{ line: 1, column: '', reason: 'the table has no TradeDate or DateTime column, so its trades have no date' }]);
  });
});

describe('Interactive Brokers activity statement', () => {
  it('classic statement: trades (orders), dividends, tax withheld, deposits, interest; totals, closed lots and forex skipped', () => {
    const out = parse(ibkrActivityStatement, 'ibkr-activity-statement.csv');
    expect(out.errors).toEqual([]);
    const a = '{U7654321}';
    expect(out.records.map(summary)).toEqual([
      // Proceeds −2351.234 + Comm/Fee −1 = −2352.234 → −2352.23; 235.1234 → 235.12
      `L12 trade 2024-01-03 buy 10 VTI @ 235.12 fees 1.00 = -2352.23 ${a}`,
      // 938.275 − 1.0038 = 937.2712 → 937.27; 187.655 → 187.66 (half to even)
      `L13 trade 2024-02-12 sell 5 AAPL @ 187.66 fees 1.00 = 937.27 ${a}`,
      // 2 × 100 × 1.55 = 310 − 1.30 = 308.70
      `L17 trade 2024-03-05 sell 2 AAPL 21JUN24 200 C @ 1.55 fees 1.30 = 308.70 ${a}`,
      `L23 income 2024-03-15 dividend 3.50 EUR ASML ${a}`,
      // 10 shares × 0.9137 = 9.137 → 9.14
      `L26 income 2024-03-27 dividend 9.14 VTI ${a}`,
      `L30 income 2024-03-27 dividend -1.37 VTI ${a}`,
      `L33 transaction 2024-01-02 5000.00 Electronic Fund Transfer ${a}`,
      `L34 transaction 2024-03-01 -500.00 Disbursement Initiated by Jane Example ${a}`,
      `L37 income 2024-02-05 interest 4.21 - ${a}`,
      `L38 transaction 2024-03-05 -0.35 USD Debit Interest for Feb-2024 ${a}`,
    ]);
    expect(out.notes).toEqual([
      // lines 15, 16, 18, 19 (SubTotal/Total rows), 24, 25, 27, 28 (Dividends "Total…" data rows), 31, 35, 39
      '11 total and subtotal lines were skipped.',
      '1 ClosedLot line was skipped: it names the tax lots a sale closed, not trades of their own.',
      "1 option or futures trade keeps IBKR's figures: the quantity in contracts and the price per share (or unit); the amount is the cash moved.",
      '1 currency conversion (forex) line was not imported as a trade.',
      'These sections of the statement were not read: Open Positions, Codes.',
      // VTI price and amount, AAPL price, commission and amount
      '5 figures (per-share prices and commissions, mostly) had more decimals than the currency has and were rounded half to even.',
    ]);
  });

  it('Transaction History report: amounts in the base currency from the Summary, "-" for empty cells', () => {
    const out = parse(ibkrActivityStatement, 'ibkr-transaction-history.csv');
    expect(out.errors).toEqual([]);
    const a = '{U***12345}';
    expect(out.records.map(summary)).toEqual([
      `L8 transaction 2024-06-28 -250.00 Disbursement ${a}`,
      // 5 × 80.125 = 400.625 − 1.0012 = 399.6238 → 399.62; 80.125 → 80.12 (half to even: 8012.5 → 8012)
      `L9 trade 2024-06-20 sell 5 SCHD @ 80.12 fees 1.00 = 399.62 ${a}`,
      // 20 × 0.61 = 12.20; 15 % tax = 1.83
      `L10 income 2024-06-14 dividend 12.20 SCHD ${a}`,
      `L11 income 2024-06-14 dividend -1.83 SCHD ${a}`,
      // 20 × 78.455 = 1569.10 + 1 = 1570.10; 78.455 → 78.46 (7845.5 → 7846)
      `L12 trade 2024-05-02 buy 20 SCHD @ 78.46 fees 1.00 = -1570.10 ${a}`,
      `L14 income 2024-04-01 interest 2.47 - ${a}`,
      `L16 transaction 2024-01-02 2000.00 Electronic Fund Transfer ${a}`,
    ]);
    expect(out.notes).toEqual([
      '1 currency conversion (forex) line was not imported as a trade.',
      '1 FX translation adjustment was not imported: it is a change in value in the base currency, not money moved.',
      '4 figures (per-share prices and commissions, mostly) had more decimals than the currency has and were rounded half to even.',
    ]);
  });

  it('a multi-account statement: each line takes the account named last before it', () => {
    const text = [
      'Statement,Header,Field Name,Field Value',
      'Account Information,Header,Field Name,Field Value',
      'Account Information,Data,Account,U1111111',
      'Dividends,Header,Currency,Date,Description,Amount',
      'Dividends,Data,USD,2024-02-16,AAPL(US0378331005) Cash Dividend USD 0.24 per Share (Ordinary Dividend),2.40',
      'Account Information,Data,Account,U2222222',
      'Dividends,Data,USD,2024-05-16,AAPL(US0378331005) Cash Dividend USD 0.25 per Share (Ordinary Dividend),5.00',
      'Dividends,Data,Total,,,7.40',
    ].join('\n');
    const out = ibkrActivityStatement.parse(readCsv(text), {});
    expect(out.errors).toEqual([]);
    expect(out.records.map(summary)).toEqual(['L5 income 2024-02-16 dividend 2.40 AAPL {U1111111}', 'L7 income 2024-05-16 dividend 5.00 AAPL {U2222222}']);
    expect(out.notes).toEqual(['1 total or subtotal line was skipped.']);
  });

  it('refuses a bad date, text as an amount, a data line before its header and an unknown row kind', () => {
    const text = [
      'Statement,Header,Field Name,Field Value',
      'Interest,Data,USD,2024-02-05,USD Credit Interest for Jan-2024,4.21',
      'Interest,Header,Currency,Date,Description,Amount',
      'Interest,Data,USD,2024-02-30,USD Credit Interest for Jan-2024,4.21',
      'Interest,Data,USD,2024-03-05,USD Credit Interest for Feb-2024,four',
      'Interest,Data,USD,2024-04-05,USD Credit Interest for Mar-2024,3.99',
      'Interest,Footer,x',
    ].join('\n');
    const out = ibkrActivityStatement.parse(readCsv(text), {});
    expect(out.errors).toEqual([
      { line: 2, column: '', reason: 'the "Interest" line comes before its section\'s Header line, so its columns are unknown' },
      { line: 4, column: 'Date', reason: '"2024-02-30" is not a real date (2024-02 has 29 days)' },
      { line: 5, column: 'Amount', reason: expect.stringMatching(/^"four" is not an amount/) },
      { line: 7, column: '', reason: 'the line is neither Header, Data, Total nor SubTotal ("Footer")' },
    ]);
    expect(out.records.map(summary)).toEqual(['L6 income 2024-04-05 interest 3.99 -']);
  });
});

describe('Betterment', () => {
  it('transactions: deposits, fee, dividend; market changes left out; a balance per account and day', () => {
    const out = parse(bettermentTransactions, 'betterment-transactions.csv');
    expect(out.errors).toEqual([]);
    const s = "{Safety Net (Jane's Account)}";
    const r = "{Retirement (Jane's IRA)}";
    expect(out.records.map(summary)).toEqual([
      `L3 transaction 2015-12-02 -0.50 Advisory Fee ${s}`,
      // Date Completed (2015-12-02) is the day, not Date Created (2015-12-01)
      `L5 transaction 2015-12-02 500.00 Deposit ${s}`,
      `L7 transaction 2015-11-30 1000.00 Deposit ${s}`,
      `L8 income 2015-12-02 dividend 12.34 - ${r}`,
      `L9 transaction 2015-12-01 -100.00 Withdrawal ${r}`,
      `L10 transaction 2015-11-27 2600.00 Deposit ${r}`,
      // 1000 + 1.00 market = 1001.00; + 500 deposit = 1501.00; + 2.00 = 1503.00; − 0.50 fee at 20:10 (the day's latest) = 1502.50; + 3.12 = 1505.62
      `L2 balance 2015-12-03 1505.62 ${s}`,
      `L3 balance 2015-12-02 1502.50 ${s}`,
      `L6 balance 2015-12-01 1001.00 ${s}`,
      `L7 balance 2015-11-30 1000.00 ${s}`,
      // 2600 − 100 = 2500; + 12.34 = 2512.34
      `L8 balance 2015-12-02 2512.34 ${r}`,
      `L9 balance 2015-12-01 2500.00 ${r}`,
      `L10 balance 2015-11-27 2600.00 ${r}`,
    ]);
    expect(out.notes).toEqual([
      '3 "Market Change" lines were not imported: they are changes in the value of the holdings, not money moved (the Ending Balance figures include them).',
      '7 balances were recorded: for each account and day, the Ending Balance of its latest line that day (by Date Completed; on the same time, the line listed first, as the file lists newest first).',
    ]);
    expect(out.dateOrder).toBeUndefined();
  });

  it('transactions: refuses text as an amount, an impossible date, an empty description and a cut-off line', () => {
    const out = parse(bettermentTransactions, 'betterment-refusals.csv');
    expect(out.errors).toEqual([
      { line: 2, column: 'Amount', reason: expect.stringMatching(/^"abc" is not an amount/) },
      { line: 3, column: 'Date Completed', reason: '"2015-11-31 15:00:00 -0500" is not a real date (2015-11 has 30 days)' },
      { line: 4, column: 'Transaction Description', reason: 'the transaction description is empty' },
      { line: 6, column: '', reason: 'the line has 4 cells where the header has 7: it may be cut off or use another delimiter' },
    ]);
    expect(out.records.map(summary)).toEqual([
      "L5 transaction 2015-12-02 40.00 Deposit {Safety Net (Jane's Account)}",
      "L5 balance 2015-12-02 1300.00 {Safety Net (Jane's Account)}",
    ]);
  });

  it('open tax lots: purchase day, shares, cost basis and market value per lot', () => {
    const out = parse(bettermentLots, 'betterment-lots.csv');
    expect(out.errors).toEqual([]);
    const a = "{Jane's Taxable (123456789)}";
    expect(out.records.map(summary)).toEqual([
      // 812.50 − 690.88 = 121.62 gain, as the file says
      `L2 lot VTI 2021-03-15 3.25 cost 690.88 value 812.50 ${a}`,
      // 12/02/2022 read month first: 03/15/2021 can only be month first
      `L3 lot VEA 2022-12-02 10.500125 cost 472.51 value 525.01 ${a}`,
      `L4 lot BND 2023-07-01 2.000001 cost 150.00 value 145.20 ${a}`,
    ]);
    expect(out.dateOrder).toMatchObject({ order: 'MDY', assumed: false });
  });

  it('a file without the header is refused for the whole file', () => {
    const out = bettermentLots.parse(read('betterment-transactions.csv'), {});
    expect(out.records).toEqual([]);
    expect(out.errors).toEqual([
      { line: 0, column: '', reason: 'no header row with Symbol, Shares, PurchaseDate, CostBasis was found: this is not a Betterment cost basis (tax lots) export' },
    ]);
  });
});
