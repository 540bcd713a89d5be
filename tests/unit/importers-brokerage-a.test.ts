/**
 * Brokerage layouts A (Charles Schwab, Fidelity, Vanguard, Robinhood, TD
 * Ameritrade) on hand-made files in tests/fixtures/imports, written in each
 * real layout with figures worked out by hand (the arithmetic is in the
 * comments). Every record is checked through a one-line summary (line, kind,
 * day, side, quantity, symbol, price, fees, amount, account); the refusal
 * files check each refused row's line, column and reason.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from '@/utils/importers/csv';
import { toDecimalString } from '@/utils/money';
import type { CsvTable, FormatOutput, ImportedRecord, ImportFormat } from '@/utils/importers/types';
import { schwabLots, schwabPositions, schwabTransactions } from '@/utils/importers/formats/schwab';
import { fidelityActivity, fidelityPositions } from '@/utils/importers/formats/fidelity';
import { vanguardCsv } from '@/utils/importers/formats/vanguard';
import { robinhoodActivity } from '@/utils/importers/formats/robinhood';
import { tdameritradeTransactions } from '@/utils/importers/formats/tdameritrade';

const MINE: ImportFormat[] = [schwabTransactions, schwabPositions, schwabLots, fidelityActivity, fidelityPositions, vanguardCsv, robinhoodActivity, tdameritradeTransactions];
const dir = path.resolve(__dirname, '../fixtures/imports');
const read = (name: string): CsvTable => readCsv(readFileSync(path.join(dir, name), 'utf8'));
const parse = (format: ImportFormat, name: string): FormatOutput => format.parse(read(name), {});
const m = (money?: { minor: number; currency: string }) => (money ? toDecimalString(money) : '-');

/** One line per record: enough to see every figure at a glance. */
function summary(r: ImportedRecord): string {
  const acct = r.account ? ` {${r.account}}` : '';
  switch (r.kind) {
    case 'trade':
      return `L${r.line} trade ${r.date} ${r.side} ${r.quantity} ${r.symbol} @ ${m(r.price)} fees ${m(r.fees)} = ${m(r.amount)}${acct}`;
    case 'income':
      return `L${r.line} income ${r.date} ${r.incomeKind} ${m(r.amount)} ${r.symbol ?? '-'}${acct}`;
    case 'transaction':
      return `L${r.line} transaction ${r.date} ${m(r.amount)}${acct}`;
    case 'position':
      return `L${r.line} position ${r.date ?? '-'} ${r.quantity} ${r.symbol} @ ${m(r.price)} value ${m(r.marketValue)} cost ${m(r.costBasis)}${acct}`;
    case 'balance':
      return `L${r.line} balance ${r.date ?? '-'} ${m(r.amount)}${acct}`;
    case 'lot':
      return `L${r.line} lot ${r.symbol} ${r.acquired} ${r.quantity} cost ${m(r.costBasis)} value ${m(r.marketValue)}${acct}`;
  }
}

describe('detection', () => {
  it.each([
    ['schwab-transactions.csv', 'schwab-transactions'],
    ['schwab-transactions-refusals.csv', 'schwab-transactions'],
    ['schwab-positions.csv', 'schwab-positions'],
    ['schwab-positions-2024.csv', 'schwab-positions'],
    ['schwab-lots.csv', 'schwab-lots'],
    ['fidelity-activity.csv', 'fidelity-activity'],
    ['fidelity-history.csv', 'fidelity-activity'],
    ['fidelity-positions.csv', 'fidelity-positions'],
    ['vanguard-brokerage.csv', 'vanguard-csv'],
    ['robinhood-activity.csv', 'robinhood-activity'],
    ['tdameritrade-transactions.csv', 'tdameritrade-transactions'],
  ])('%s is read as %s, and no other of these layouts claims it', (name, id) => {
    const rows = read(name).rows;
    const scores = MINE.map((f) => ({ id: f.id, score: f.detect(rows) }));
    expect(scores.filter((s) => s.score > 0).map((s) => s.id)).toEqual([id]);
  });

  it('a file with no header it knows gives a refusal on its first line', () => {
    const out = schwabTransactions.parse(read('tdameritrade-transactions.csv'), {});
    expect(out.records).toEqual([]);
    expect(out.errors).toEqual([
      { line: 1, column: '', reason: 'no line names the columns Date, Action, Symbol, Description, Quantity, Price, Fees & Comm, Amount: this is not a Charles Schwab transactions export' },
    ]);
  });
});

describe('Charles Schwab', () => {
  it('transactions: trades, reinvestment, income, tax, options, cash; splits, expiries and the total are notes', () => {
    const out = parse(schwabTransactions, 'schwab-transactions.csv');
    expect(out.errors).toEqual([]);
    const a = '{Individual ...876}';
    expect(out.records.map(summary)).toEqual([
      // 10 × 245.125 = 2451.25; the price rounds half to even: 245.125 → 245.12
      `L3 trade 2024-02-28 buy 10 VTI @ 245.12 fees - = -2451.25 ${a}`,
      // 5 × 181.16 = 905.80 − 0.02 fees = 905.78
      `L4 trade 2024-02-26 sell 5 AAPL @ 181.16 fees 0.02 = 905.78 ${a}`,
      // "02/20/2024 as of 02/16/2024" → the first day
      `L5 income 2024-02-20 interest 1.27 - ${a}`,
      // 0.3106 × 77.035 = 23.927 → 23.93; 77.035 → 77.04 (half to even: 7703.5 → 7704)
      `L6 trade 2024-02-15 buy 0.3106 SCHD @ 77.04 fees - = -23.93 ${a}`,
      `L7 income 2024-02-15 dividend 23.93 SCHD ${a}`,
      `L8 income 2024-02-14 dividend -1.05 VXUS ${a}`,
      // 1 contract × 2.35 × 100 = 235.00 + 0.66 = 235.66, symbol as written
      `L9 trade 2024-02-12 buy 1 AAPL 03/15/2024 190.00 C @ 2.35 fees 0.66 = -235.66 ${a}`,
      `L11 transaction 2024-02-05 1500.00 ${a}`,
      `L13 income 2024-01-30 dividend 8.61 VTI ${a}`,
      `L14 transaction 2024-01-25 -0.40 ${a}`,
    ]);
    expect(out.records.find((r) => r.line === 8)).toMatchObject({ description: 'Tax withheld: NRA Tax Adj: VANGUARD TOTAL INTL STOCK ETF', source: 'Dividends and interest' });
    expect(out.notes).toEqual([
      '2 per-share prices had more than 2 decimals and were rounded half to even to the cent.',
      'The "Transactions Total" line is a total, not a transaction.',
      '1 corporate action (splits, mergers) was not imported: they change shares, not cash.',
      '1 option expired with no price or cash and was not imported.',
    ]);
    expect(out.dateOrder).toMatchObject({ order: 'MDY', assumed: false });
  });

  it('transactions (2020 header with a trailing comma): refuses a bad date, text in an amount and a cut-off line', () => {
    const out = parse(schwabTransactions, 'schwab-transactions-refusals.csv');
    expect(out.errors).toEqual([
      { line: 3, column: 'Date', reason: '"11/31/2020" is not a real date (2020-11 has 30 days)' },
      { line: 4, column: 'Amount', reason: '"$12.3O" is not an amount: "$12.3O" has letters mixed into the digits' },
      { line: 5, column: '', reason: 'the line has 4 cells where the header has 8: it may be cut off or use another delimiter' },
    ]);
    expect(out.records.map(summary)).toEqual(['L6 income 2020-11-02 interest 0.04 - {Brokerage XXXX-1234}']);
  });

  it('positions: a section per account, cash left to the "Account Total" balance, on the title\'s day', () => {
    const out = parse(schwabPositions, 'schwab-positions.csv');
    expect(out.errors).toEqual([]);
    expect(out.records.map(summary)).toEqual([
      // 40 × 248.3075 = 9932.30; the price rounds 24830.75 → 248.31
      'L5 position 2024-03-01 40 VTI @ 248.31 value 9932.30 cost 8800.00 {Individual ...876}',
      // 1 × 0.45 × 100 = 45.00
      'L6 position 2024-03-01 1 AAPL 03/15/2024 190.00 C @ 0.45 value 45.00 cost 235.66 {Individual ...876}',
      // 9932.30 + 45.00 + 2458.12 cash = 12435.42
      'L8 balance 2024-03-01 12435.42 {Individual ...876}',
      // 120.3106 × 77.12 = 9278.353 → 9278.35
      'L13 position 2024-03-01 120.3106 SCHD @ 77.12 value 9278.35 cost 9025.50 {Roth IRA ...555}',
      'L15 balance 2024-03-01 9278.35 {Roth IRA ...555}',
    ]);
    expect(out.notes).toEqual([
      '2 "Cash & Cash Investments" rows were not imported as a holding: cash is part of each account\'s "Account Total" balance.',
    ]);
  });

  it('positions, newer single-account layout ("Qty (Quantity)", "Mkt Val (Market Value)"): the account is the title\'s', () => {
    const out = parse(schwabPositions, 'schwab-positions-2024.csv');
    expect(out.errors).toEqual([]);
    expect(out.records.map(summary)).toEqual([
      // 0.05 × 222.185 = 11.109 → 11.11 as written; the price rounds 22218.5 → 222.18 (half to even)
      'L4 position 2024-03-01 0.05 NVDA @ 222.18 value 11.11 cost 11.10 {Individual ...876}',
      // 11.11 + 9988.89 cash = 10000.00
      'L6 balance 2024-03-01 10000.00 {Individual ...876}',
    ]);
    expect(out.notes).toEqual([
      '1 per-share price had more than 2 decimals and was rounded half to even to the cent.',
      '1 "Cash & Cash Investments" row was not imported as a holding: cash is part of each account\'s "Account Total" balance.',
    ]);
  });

  it('positions: refuses an impossible title day, text in a quantity or a value, and a cut-off line', () => {
    const out = parse(schwabPositions, 'schwab-positions-refusals.csv');
    expect(out.errors).toEqual([
      { line: 1, column: '', reason: 'the title\'s day "02/30/2024" is not a real date (2024-02 has 29 days)' },
      { line: 5, column: 'Quantity', reason: '"4O" is not a number of shares' },
      { line: 6, column: 'Market Value', reason: '"$1,5x2.40" is not an amount: "$1,5x2.40" has letters mixed into the digits' },
      { line: 7, column: '', reason: 'the line has 4 cells where the header has 25: it may be cut off or use another delimiter' },
    ]);
    expect(out.records.map(summary)).toEqual([
      'L8 position - 10 BND @ 72.45 value 724.50 cost 700.00 {Individual ...876}',
      'L9 balance - 12379.30 {Individual ...876}',
    ]);
  });

  it('lot details: the symbol and account come from the title; the Total line is a note', () => {
    const out = parse(schwabLots, 'schwab-lots.csv');
    expect(out.errors).toEqual([]);
    expect(out.records.map(summary)).toEqual([
      // 25 × 248.31 = 6207.75; 25 × 200.00 = 5000.00
      'L4 lot VTI 2023-01-10 25 cost 5000.00 value 6207.75 {Individual ...876}',
      // 15 × 248.31 = 3724.65
      'L5 lot VTI 2023-08-14 15 cost 3400.00 value 3724.65 {Individual ...876}',
    ]);
    expect(out.notes).toEqual(['The "Total" line is a total of the lots, not a lot.']);
  });

  it('lot details: refuses a bad open date, text in a cost basis and a cut-off line', () => {
    const out = parse(schwabLots, 'schwab-lots-refusals.csv');
    expect(out.errors).toEqual([
      { line: 4, column: 'Open Date', reason: '"02/30/2023" is not a real date (2023-02 has 28 days)' },
      { line: 5, column: 'Cost Basis', reason: '"$3,4OO.00" is not an amount: "$3,4OO.00" has letters mixed into the digits' },
      { line: 6, column: '', reason: 'the line has 3 cells where the header has 9: it may be cut off or use another delimiter' },
    ]);
    expect(out.records.map(summary)).toEqual(['L7 lot VTI 2023-11-20 2.5 cost 575.00 value 620.78 {Individual ...876}']);
  });

  it('uses the currency it is given when the file names none', () => {
    const out = schwabTransactions.parse(read('schwab-transactions.csv'), { currency: 'CAD' });
    expect(out.records[0]).toMatchObject({ price: { minor: 24512, currency: 'CAD' }, amount: { minor: -245125, currency: 'CAD' } });
  });
});

describe('Fidelity', () => {
  it('activity (2025, all accounts): account "Name Number", fees = commission + fees, a split skipped, the footer noted', () => {
    const out = parse(fidelityActivity, 'fidelity-activity.csv');
    expect(out.errors).toEqual([]);
    const i = '{Individual Z12345678}';
    const r = '{ROTH IRA 238765432}';
    expect(out.records.map(summary)).toEqual([
      // 20 × 248.3075 = 4966.15 + 0.50 + 0.02 = 4966.67; price 24830.75 → 248.31
      `L2 trade 2024-03-01 buy 20 VTI @ 248.31 fees 0.52 = -4966.67 ${i}`,
      // 5 × 181.16 = 905.80 − 0.03 = 905.77
      `L3 trade 2024-02-28 sell 5 AAPL @ 181.16 fees 0.03 = 905.77 ${i}`,
      `L4 income 2024-02-15 dividend 23.93 SCHD ${i}`,
      // 0.3106 × 77.04 = 23.9286 → 23.93
      `L5 trade 2024-02-15 buy 0.3106 SCHD @ 77.04 fees - = -23.93 ${i}`,
      `L6 income 2024-02-12 dividend -1.05 VXUS ${r}`,
      `L7 income 2024-02-01 interest 4.12 SPAXX ${r}`,
      `L8 transaction 2024-01-31 7000.00 ${r}`,
    ]);
    expect(out.records[4]).toMatchObject({ description: 'Tax withheld: FOREIGN TAX PAID VANGUARD TOTAL INTL STOCK ETF (VXUS) (Cash)' });
    expect(out.notes).toEqual([
      '1 per-share price had more than 2 decimals and was rounded half to even to the cent.',
      '1 corporate action (splits, mergers) was not imported: they change shares, not cash.',
      '1 line of disclaimer text after the table was skipped.',
      'The "Date downloaded" line is not a transaction.',
    ]);
  });

  it('history for one account (2023): blank preamble, "($)" headers, no account, disclaimer footer', () => {
    const out = parse(fidelityActivity, 'fidelity-history.csv');
    expect(out.errors).toEqual([]);
    expect(out.records.map(summary)).toEqual([
      // 5.123 × 175.21 = 897.6008 → 897.60
      'L7 trade 2024-02-20 buy 5.123 FXAIX @ 175.21 fees - = -897.60',
      'L8 income 2024-02-15 dividend 12.40 FXAIX',
      'L9 transaction 2024-02-01 2500.00',
    ]);
    expect(out.notes).toEqual(['2 lines of disclaimer text after the table were skipped.', 'The "Date downloaded" line is not a transaction.']);
  });

  it('activity: refuses a bad date, text in an amount and a cut-off line', () => {
    const out = parse(fidelityActivity, 'fidelity-activity-refusals.csv');
    expect(out.errors).toEqual([
      { line: 2, column: 'Run Date', reason: '"02/30/2024" is not a real date (2024-02 has 29 days)' },
      { line: 3, column: 'Amount', reason: '"12.4O" is not an amount: "12.4O" has letters mixed into the digits' },
      { line: 4, column: '', reason: 'the line has 8 cells where the header has 18: it may be cut off or use another delimiter' },
    ]);
    expect(out.records.map(summary)).toEqual(['L5 income 2024-02-01 interest 4.12 SPAXX {ROTH IRA 238765432}']);
  });

  it('positions: holdings per account; money market and pending activity only in the balance (sum of Current Value)', () => {
    const out = parse(fidelityPositions, 'fidelity-positions.csv');
    expect(out.errors).toEqual([]);
    const i = '{Individual Z12345678}';
    const r = '{ROTH IRA 238765432}';
    expect(out.records.map(summary)).toEqual([
      `L3 position 2024-03-01 40 VTI @ 248.31 value 9932.40 cost 8400.00 ${i}`,
      // 12.5 × 179.665 = 2245.81; the price rounds 17966.5 → 179.66 (half to even)
      `L4 position 2024-03-01 12.5 AAPL @ 179.66 value 2245.81 cost 2000.00 ${i}`,
      // 50.25 × 179.12 = 9000.78
      `L6 position 2024-03-01 50.25 FXAIX @ 179.12 value 9000.78 cost 8000.00 ${r}`,
      // 1523.40 SPAXX + 9932.40 + 2245.81 − 65.00 pending = 13636.61
      `L2 balance 2024-03-01 13636.61 ${i}`,
      // 9000.78 + 179.00 FDRXX = 9179.78
      `L6 balance 2024-03-01 9179.78 ${r}`,
    ]);
    expect(out.notes).toEqual([
      '1 price had more than 2 decimals and was rounded half to even to the cent.',
      'Each account\'s balance is the sum of its rows\' "Current Value" (holdings, money-market cash and pending activity); the file gives no account total.',
      '2 money-market core positions (such as SPAXX**) were counted as cash in the balance, not as holdings.',
      '1 "Pending Activity" row was counted in the balance, not as a holding.',
      'The values are dated 2024-03-01, the day of the "Date downloaded" line.',
      '2 lines of disclaimer text after the table were skipped.',
    ]);
  });

  it('positions: refuses text in a value or a quantity and a cut-off line', () => {
    const out = parse(fidelityPositions, 'fidelity-positions-refusals.csv');
    expect(out.errors).toEqual([
      { line: 2, column: 'Current Value', reason: '"$1523.4O" is not an amount: "$1523.4O" has letters mixed into the digits' },
      { line: 3, column: 'Quantity', reason: '"forty" is not a number of shares' },
      { line: 4, column: '', reason: 'the line has 6 cells where the header has 16: it may be cut off or use another delimiter' },
    ]);
    expect(out.records.map(summary)).toEqual([
      'L5 position 2024-03-01 10 BND @ 72.45 value 724.50 cost 700.00 {Individual Z12345678}',
      'L5 balance 2024-03-01 724.50 {Individual Z12345678}',
    ]);
  });
});

describe('Vanguard', () => {
  it('brokerage download: holdings, one balance per account, trades, dividends; sweeps and a split are notes', () => {
    const out = parse(vanguardCsv, 'vanguard-brokerage.csv');
    expect(out.errors).toEqual([]);
    const a = '{12345678}';
    const b = '{87654321}';
    expect(out.records.map(summary)).toEqual([
      `L2 position - 1523.4 VMFXX @ 1.00 value 1523.40 cost - ${a}`,
      `L3 position - 40 VTI @ 248.31 value 9932.40 cost - ${a}`,
      // 100.5 × 58.475 = 5876.7375 → 5876.74; price 5847.5 → 58.48 (half to even)
      `L4 position - 100.5 VXUS @ 58.48 value 5876.74 cost - ${b}`,
      `L9 trade 2024-02-28 buy 10 VTI @ 245.12 fees - = -2451.25 ${a}`,
      // 5 × 181.16 = 905.80 − 0.02 = 905.78
      `L11 trade 2024-02-26 sell 5 AAPL @ 181.16 fees 0.02 = 905.78 ${a}`,
      `L12 income 2023-12-27 dividend 34.40 VTI ${a}`,
      // 0.14212 × 242.05 = 34.3999 → 34.40
      `L13 trade 2023-12-27 buy 0.14212 VTI @ 242.05 fees - = -34.40 ${a}`,
      `L14 income 2023-12-20 dividend 12.06 VXUS ${b}`,
      `L15 transaction 2023-12-01 5000.00 ${a}`,
      `L16 income 2023-11-30 dividend 6.52 VMFXX ${a}`,
      // 1523.40 + 9932.40 = 11455.80
      `L2 balance - 11455.80 ${a}`,
      `L4 balance - 5876.74 ${b}`,
    ]);
    expect(out.notes).toEqual([
      '2 per-share prices had more than 2 decimals and were rounded half to even to the cent.',
      'Each account\'s balance is the sum of its holdings\' "Total Value".',
      'The file does not say which day the holdings are for: they are dated the day of the import.',
      '1 sweep into or out of the settlement fund was not imported: they move money inside the account.',
      '1 row that moved no cash (splits, conversions, share transfers) was not imported.',
    ]);
  });

  it('refuses a bad trade date, text in an amount and a cut-off line', () => {
    const out = parse(vanguardCsv, 'vanguard-refusals.csv');
    expect(out.errors).toEqual([
      { line: 5, column: 'Trade Date', reason: '"02/30/2024" is not a real date (2024-02 has 29 days)' },
      { line: 6, column: 'Net Amount', reason: '"34.4O" is not an amount: "34.4O" has letters mixed into the digits' },
      { line: 7, column: '', reason: 'the line has 5 cells where the header has 14: it may be cut off or use another delimiter' },
    ]);
    expect(out.records.map(summary)).toEqual([
      'L2 position - 40 VTI @ 248.31 value 9932.40 cost - {12345678}',
      'L8 income 2023-11-30 dividend 6.52 VMFXX {12345678}',
      'L2 balance - 9932.40 {12345678}',
    ]);
  });
});

describe('Robinhood', () => {
  it('activity report: multi-line descriptions keep the row\'s first line; codes decide the kind', () => {
    const out = parse(robinhoodActivity, 'robinhood-activity.csv');
    expect(out.errors).toEqual([]);
    expect(out.records.map(summary)).toEqual([
      // 10 × 245.125 = 2451.25, written "($2,451.25)"
      'L2 trade 2024-03-01 buy 10 VTI @ 245.12 fees - = -2451.25',
      'L4 transaction 2024-02-28 3000.00',
      'L5 trade 2024-02-26 sell 5 AAPL @ 181.16 fees - = 905.80',
      // 31.0629 × 0.7 = 21.744 → 21.74
      'L7 income 2024-02-15 dividend 21.74 SCHD',
      'L8 income 2024-02-15 dividend -3.26 SCHD',
      // an option: the description's first line is its symbol; 1 × 2.35 × 100 = 235.00
      'L9 trade 2024-02-12 buy 1 AAPL 3/15/2024 Call $190.00 @ 2.35 fees - = -235.00',
      'L10 transaction 2024-02-10 -5.00',
      'L11 income 2024-02-05 interest 1.27 -',
      'L12 income 2024-02-02 other 0.38 NVDA',
    ]);
    expect(out.records[0]).toMatchObject({ description: 'Vanguard Total Stock Market ETF — CUSIP: 922908769' });
    expect(out.records[8]).toMatchObject({ source: 'Stock lending' });
    expect(out.notes).toEqual([
      '1 per-share price had more than 2 decimals and was rounded half to even to the cent.',
      '1 corporate action (splits, mergers, share transfers) was not imported: they change shares, not cash.',
      '1 line of disclaimer text after the table was skipped.',
    ]);
  });

  it('refuses a bad date, text in an amount and a cut-off line', () => {
    const out = parse(robinhoodActivity, 'robinhood-refusals.csv');
    expect(out.errors).toEqual([
      { line: 2, column: 'Activity Date', reason: '"2/30/2024" is not a real date (2024-02 has 29 days)' },
      { line: 4, column: 'Amount', reason: '"$21.7A" is not an amount: "$21.7A" has letters mixed into the digits' },
      { line: 5, column: '', reason: 'the line has 4 cells where the header has 9: it may be cut off or use another delimiter' },
    ]);
    expect(out.records.map(summary)).toEqual(['L6 income 2024-02-05 interest 1.27 -']);
  });
});

describe('TD Ameritrade', () => {
  it('transactions: side from the description, fees from every fee column, END OF FILE a note', () => {
    const out = parse(tdameritradeTransactions, 'tdameritrade-transactions.csv');
    expect(out.errors).toEqual([]);
    expect(out.records.map(summary)).toEqual([
      'L2 transaction 2023-01-03 5000.00',
      // 10 × 190.125 = 1901.25; 19012.5 → 190.12 (half to even)
      'L3 trade 2023-01-04 buy 10 VTI @ 190.12 fees - = -1901.25',
      // 4 × 201.50 = 806.00 − 0.02 reg fee = 805.98
      'L4 trade 2023-02-15 sell 4 VTI @ 201.50 fees 0.02 = 805.98',
      'L5 income 2023-03-24 dividend 5.61 VTI',
      // 15 % of 5.61 = 0.84
      'L6 income 2023-03-24 dividend -0.84 VTI',
      'L7 income 2023-03-31 interest 0.37 -',
      'L8 transaction 2023-04-03 1.50',
      'L9 transaction 2023-04-10 -250.00',
    ]);
    expect(out.notes).toEqual([
      '1 per-share price had more than 2 decimals and was rounded half to even to the cent.',
      '1 row that moved shares but no cash (splits, name changes, transfers) was not imported.',
      'The "***END OF FILE***" line marks the end of the file, not a transaction.',
    ]);
  });

  it('refuses a bad date, text in an amount and a cut-off line', () => {
    const out = parse(tdameritradeTransactions, 'tdameritrade-refusals.csv');
    expect(out.errors).toEqual([
      { line: 2, column: 'DATE', reason: '"02/29/2023" is not a real date (2023-02 has 28 days)' },
      { line: 3, column: 'AMOUNT', reason: '"5.6l" is not an amount: "5.6l" has letters mixed into the digits' },
      { line: 4, column: '', reason: 'the line has 3 cells where the header has 12: it may be cut off or use another delimiter' },
    ]);
    expect(out.records.map(summary)).toEqual(['L5 transaction 2023-04-03 1.50']);
  });
});
