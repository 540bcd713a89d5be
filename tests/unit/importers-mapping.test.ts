import { describe, expect, it } from 'vitest';
import { readCsv } from '@/utils/importers/csv';
import { checkMapping, guessHeaderRow, headerCurrency, headerKey, matchColumns, parseWithMapping, suggestMapping } from '@/utils/importers/mapping';
import type { ColumnMapping } from '@/utils/importers/types';

const usd = (minor: number) => ({ minor, currency: 'USD' });

describe('headerKey', () => {
  it('is the same for the same header whatever the case, spacing and trailing empty cells', () => {
    const key = headerKey(['Date', 'Description', 'Amount']);
    expect(key).toMatch(/^h[0-9a-f]{16}$/);
    expect(headerKey([' date ', 'DESCRIPTION', 'Amount', '', ''])).toBe(key);
    expect(headerKey(['"Date"', 'Description', 'Amount\r'])).toBe(key);
  });

  it('differs for other headers, including the same cells in another order or joined differently', () => {
    const key = headerKey(['Date', 'Description', 'Amount']);
    expect(headerKey(['Description', 'Date', 'Amount'])).not.toBe(key);
    expect(headerKey(['Date', 'Description', 'Amount', 'Balance'])).not.toBe(key);
    expect(headerKey(['Date Description', 'Amount'])).not.toBe(headerKey(['Date', 'Description Amount']));
  });

  it('stays at most 64 characters for a very wide header', () => {
    const wide = Array.from({ length: 500 }, (_, i) => `Column number ${i}`);
    expect(headerKey(wide).length).toBeLessThanOrEqual(64);
    expect(headerKey(wide)).toBe(headerKey([...wide]));
  });
});

describe('guessHeaderRow', () => {
  it('skips a title, blank-cell rows and finds the first text row followed by a row as wide', () => {
    const t = readCsv('Statement for account 1234\n,,\nWhen,What,Value\n2026-03-01,Tea,3.00\n');
    expect(t.rows.map((r) => r.line)).toEqual([1, 3, 4]); // the ",," line has no text: readCsv drops it
    expect(guessHeaderRow(t.rows)).toBe(1);
    expect(t.rows[1]!.cells).toEqual(['When', 'What', 'Value']);
  });

  it('does not take a row of numbers and dates for a header, nor a last row', () => {
    expect(guessHeaderRow(readCsv('2026-03-01,Tea,3.00\n2026-03-02,Cake,4.00\n').rows)).toBe(-1);
    expect(guessHeaderRow(readCsv('When,What,Value\n').rows)).toBe(-1);
    // A header wider than the next row (a cut-off line) is not taken; the later one is.
    expect(guessHeaderRow(readCsv('A,B,C\nx\nWhen,What\n1,2\n').rows)).toBe(2);
  });
});

describe('matchColumns and headerCurrency', () => {
  it('takes the most specific name first and gives each cell one role', () => {
    const header = ['Transaction Date', 'Post Date', 'Description', 'Memo', 'Amount (EUR)'];
    expect(matchColumns(header, ['date', 'description', 'amount'])).toEqual({ date: 0, description: 2, amount: 4 });
    expect(headerCurrency('Amount (EUR)')).toBe('EUR');
    expect(headerCurrency('Amount ($)')).toBe('USD');
    expect(headerCurrency('Betrag in EUR')).toBe('EUR');
    expect(headerCurrency('Amount')).toBeUndefined();
    expect(headerCurrency('Amount (abc)')).toBeUndefined();
  });
});

describe('suggestMapping', () => {
  it('guesses a card export, naming columns as the file writes them', () => {
    expect(suggestMapping(['Transaction Date', 'Posted Date', 'Card No.', 'Description', 'Category', 'Debit', 'Credit'])).toEqual({
      kind: 'transaction',
      columns: { date: 'Transaction Date', description: 'Description', debit: 'Debit', credit: 'Credit', category: 'Category', account: 'Card No.' },
    });
    expect(suggestMapping(['Buchungstag', 'Verwendungszweck', ' Betrag ', 'Währung'])).toEqual({
      kind: 'transaction',
      columns: { date: 'Buchungstag', description: 'Verwendungszweck', amount: 'Betrag', currency: 'Währung' },
    });
  });

  it('guesses trades when a symbol and a quantity are there', () => {
    expect(suggestMapping(['Trade Date', 'Ticker', 'Action', 'Shares', 'Price', 'Net Amount'])).toEqual({
      kind: 'trade',
      columns: { date: 'Trade Date', symbol: 'Ticker', quantity: 'Shares', price: 'Price', amount: 'Net Amount', side: 'Action' },
    });
  });

  it('leaves the date empty when it finds none (checkMapping then says so)', () => {
    const m = suggestMapping(['When', 'What', 'Value']);
    expect(m).toEqual({ kind: 'transaction', columns: { date: '' } });
    expect(checkMapping(m, ['When', 'What', 'Value'])).toEqual([
      'Choose the column that holds each row’s date.',
      'Choose an amount column, or a debit (money out) and a credit (money in) column.',
    ]);
  });
});

describe('checkMapping', () => {
  const header = ['When', 'What', 'Value', 'Out', 'In'];

  it('accepts a complete mapping', () => {
    expect(checkMapping({ kind: 'transaction', columns: { date: 'When', description: 'What', amount: 'value' } }, header)).toEqual([]);
    expect(checkMapping({ kind: 'transaction', columns: { date: 'When', debit: 'Out', credit: 'In' } }, header)).toEqual([]);
  });

  it('names a column not in the header, a lone debit, a trade and income missing parts, a bad currency', () => {
    expect(checkMapping({ kind: 'transaction', columns: { date: 'Datum', amount: 'Value' } }, header)).toEqual(['The date column "Datum" is not in the file’s header.']);
    expect(checkMapping({ kind: 'transaction', columns: { date: 'When', debit: 'Out' } }, header)).toEqual([
      'Choose the credit (money in) column that goes with "Out", or one amount column.',
    ]);
    expect(checkMapping({ kind: 'trade', columns: { date: 'When', quantity: 'Value' } }, header)).toEqual(['A trade needs a symbol, a price column; choose them.']);
    expect(checkMapping({ kind: 'income', columns: { date: 'When', amount: 'Value' } }, header)).toEqual([
      'Name the income stream (the source) these rows are from, such as "Etsy shop".',
    ]);
    expect(checkMapping({ kind: 'transaction', columns: { date: 'When', amount: 'Value' }, currency: 'dollars' }, header)).toEqual([
      '"dollars" is not a currency code such as USD or EUR.',
    ]);
  });
});

describe('parseWithMapping', () => {
  const table = readCsv('Export from MyBank\nWhen,What,Value,Cur\n03/04/2026,Coffee,4.50,USD\n03/05/2026,Refund,-2.00,\n03/06/2026,Euro lunch,12.00,EUR\n');

  it('reads transactions under the header, inverting the sign and forcing the date order', () => {
    const mapping: ColumnMapping = {
      kind: 'transaction', columns: { date: 'When', description: 'What', amount: 'Value', currency: 'Cur' }, invertSign: true, dateOrder: 'DMY', currency: 'CAD',
    };
    const out = parseWithMapping(table, 1, mapping, {});
    expect(out.errors).toEqual([]);
    expect(out.records).toEqual([
      { kind: 'transaction', line: 3, date: '2026-04-03', amount: usd(-450), description: 'Coffee' },
      // No currency in the cell → the mapping's CAD.
      { kind: 'transaction', line: 4, date: '2026-05-03', amount: { minor: 200, currency: 'CAD' }, description: 'Refund' },
      { kind: 'transaction', line: 5, date: '2026-06-03', amount: { minor: -1200, currency: 'EUR' }, description: 'Euro lunch' },
    ]);
    expect(out.dateOrder).toMatchObject({ order: 'DMY', assumed: false });
  });

  it('resolves the date order from the file when the mapping has none (assumed, with a note)', () => {
    const out = parseWithMapping(table, 1, { kind: 'transaction', columns: { date: 'When', amount: 'Value' } }, { currency: 'GBP' });
    expect(out.dateOrder).toMatchObject({ order: 'MDY', assumed: true });
    expect(out.notes).toHaveLength(1);
    expect(out.records.map((r) => (r.kind === 'transaction' ? [r.date, r.amount.minor, r.amount.currency, r.description] : null))).toEqual([
      ['2026-03-04', 450, 'GBP', ''],
      ['2026-03-05', -200, 'GBP', ''],
      ['2026-03-06', 1200, 'GBP', ''],
    ]);
  });

  it('reads trades: side from the Action column or the quantity sign, prices rounded half to even', () => {
    const trades = readCsv(
      'Trade Date,Ticker,Action,Shares,Price,Net Amount\n2026-01-05,vti,Bought,10,250.125,-2501.25\n2026-01-06,VXUS,Sold,-3.5,61.115,213.90\n2026-01-07,BND,Transfer,1,70,\n',
    );
    const out = parseWithMapping(trades, 0, suggestMapping(trades.rows[0]!.cells), {});
    // 250.125 → 250.12 (the 2 before the tie is even); 61.115 → 61.12 (1 is odd, rounds up to 2).
    expect(out.records).toEqual([
      { kind: 'trade', line: 2, date: '2026-01-05', side: 'buy', symbol: 'VTI', quantity: '10', price: usd(25012), amount: usd(-250125) },
      { kind: 'trade', line: 3, date: '2026-01-06', side: 'sell', symbol: 'VXUS', quantity: '3.5', price: usd(6112), amount: usd(21390) },
    ]);
    expect(out.errors).toEqual([{ line: 4, column: 'Action', reason: '"Transfer" is neither a buy nor a sell' }]);
    expect(out.notes).toEqual(['2 prices had more decimals than the currency has and were rounded half to even.']);
    const noSide = parseWithMapping(trades, 0, { kind: 'trade', columns: { date: 'Trade Date', symbol: 'Ticker', quantity: 'Shares', price: 'Price' } }, {});
    expect(noSide.records.map((r) => (r.kind === 'trade' ? r.side : ''))).toEqual(['buy', 'sell', 'buy']);
  });

  it('reads income with the stream name and kind (default other)', () => {
    const sales = readCsv('Date,Item,Net\n2026-02-01,Sticker pack,9.50\n2026-02-02,Refund,-9.50\n');
    const out = parseWithMapping(sales, 0, { kind: 'income', columns: { date: 'Date', description: 'Item', amount: 'Net' }, source: ' Etsy shop ' }, {});
    expect(out.records).toEqual([
      { kind: 'income', line: 2, date: '2026-02-01', amount: usd(950), incomeKind: 'other', source: 'Etsy shop', description: 'Sticker pack' },
      { kind: 'income', line: 3, date: '2026-02-02', amount: usd(-950), incomeKind: 'other', source: 'Etsy shop', description: 'Refund' },
    ]);
    const ads = parseWithMapping(sales, 0, { kind: 'income', columns: { date: 'Date', amount: 'Net' }, source: 'Blog', incomeKind: 'ad-revenue' }, {});
    expect(ads.records[0]).toMatchObject({ incomeKind: 'ad-revenue', source: 'Blog' });
  });

  it('refuses to read with a broken mapping, naming each problem at the header line', () => {
    const out = parseWithMapping(table, 1, { kind: 'transaction', columns: { date: 'Datum', amount: 'Value' } }, {});
    expect(out.records).toEqual([]);
    expect(out.errors).toEqual([{ line: 2, column: '', reason: 'The date column "Datum" is not in the file’s header.' }]);
  });

  it('skips a repeated header with a note, and refuses a bad currency cell', () => {
    const t = readCsv('Date,Amount,Currency\n2026-01-01,1.00,USD\nDate,Amount,Currency\n2026-01-02,2.00,XX\n');
    const out = parseWithMapping(t, 0, { kind: 'transaction', columns: { date: 'Date', amount: 'Amount', currency: 'Currency' } }, {});
    expect(out.records).toHaveLength(1);
    expect(out.notes).toEqual(['The header was repeated on 1 line; it was skipped.']);
    expect(out.errors).toEqual([{ line: 4, column: 'Currency', reason: '"XX" is not a currency code such as USD or EUR' }]);
  });
});
