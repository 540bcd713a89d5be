/** One table as CSV: RFC 4180 quoting, flattened columns, money and times, and formula neutralization. */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvFileName, tableToCsv } from '@/utils/backup/csv-export';

const CRLF = '\r\n';

describe('tableToCsv', () => {
  it('writes transactions with quotes, commas, line breaks, money, times and neutralized formulas', () => {
    const transactions = [
      {
        id: 't1',
        accountId: 'acct-1',
        at: Date.UTC(2026, 10, 24, 9, 30), // 2026-11-24T09:30:00.000Z
        amount: { minor: -123_456, currency: 'USD' }, // -1234.56 USD
        description: 'Coffee, "large"\nand cake',
        merchant: 'Café Nero',
        category: 'food',
        source: 'import',
        provenance: { description: 'Imported from card.csv row 2', importId: 'imp-1', row: 2 },
      },
      {
        id: 't2',
        at: Date.UTC(2026, 10, 1), // 2026-11-01T00:00:00.000Z
        amount: { minor: 1_234, currency: 'JPY' }, // JPY has no minor unit: 1234
        description: '=HYPERLINK("http://evil.example","click")',
        source: 'manual',
        provenance: { description: 'Entered by hand' },
      },
      {
        id: 't3',
        accountId: 'acct-1',
        at: Date.UTC(2026, 10, 2, 23, 59, 59, 999),
        amount: { minor: 5, currency: 'USD' }, // 0.05
        description: '-Refund',
        merchant: '@SUM',
        category: '+1 555',
        source: 'manual',
        provenance: { description: ' padded ' },
      },
    ];
    const expected = [
      'id,accountId,at,amount,amount.currency,description,merchant,category,source,provenance.description,provenance.importId,provenance.row',
      't1,acct-1,2026-11-24T09:30:00.000Z,-1234.56,USD,"Coffee, ""large""\nand cake",Café Nero,food,import,Imported from card.csv row 2,imp-1,2',
      `t2,,2026-11-01T00:00:00.000Z,1234,JPY,"'=HYPERLINK(""http://evil.example"",""click"")",,,manual,Entered by hand,,`,
      `t3,acct-1,2026-11-02T23:59:59.999Z,0.05,USD,'-Refund,'@SUM,'+1 555,manual," padded ",,`,
    ];
    expect(tableToCsv('transactions', transactions)).toBe(expected.join(CRLF) + CRLF);
  });

  it('prefixes a cell starting with TAB or CR, and quotes what needs it', () => {
    const csv = tableToCsv('categoryRules', [
      { id: 'r1', pattern: '\tTAB', category: 'x', createdAt: 0 },
      { id: 'r2', pattern: '\rCR', category: 'a "b"', createdAt: -1 },
    ]);
    expect(csv).toBe(
      ['id,pattern,category,createdAt', "r1,'\tTAB,x,1970-01-01T00:00:00.000Z", `r2,"'\rCR","a ""b""",1969-12-31T23:59:59.999Z`].join(CRLF) + CRLF,
    );
  });

  it('writes records and arrays as JSON in one cell, nested objects and nested money as columns', () => {
    const settings = tableToCsv('settings', [{ key: 'app', baseCurrency: 'USD', rates: { EUR: '1.08' }, locale: '', theme: 'dark', captureJumpFactor: '3' }]);
    expect(settings).toBe(['key,baseCurrency,rates,locale,theme,captureJumpFactor', 'app,USD,"{""EUR"":""1.08""}",,dark,3'].join(CRLF) + CRLF);

    const option = tableToCsv('optionPositions', [
      {
        id: 'opt-1',
        accountId: 'lab-1',
        symbol: 'KO',
        strike: { minor: 5_000, currency: 'USD' },
        premium: { minor: 12_000, currency: 'USD' },
        outcome: { kind: 'closed', on: '2026-02-02', cost: { minor: 3_000, currency: 'USD' } },
        createdAt: Date.UTC(2026, 0, 5),
      },
    ]);
    expect(option).toBe(
      [
        'id,accountId,symbol,strike,strike.currency,premium,premium.currency,outcome.kind,outcome.on,outcome.cost,outcome.cost.currency,createdAt',
        'opt-1,lab-1,KO,50.00,USD,120.00,USD,closed,2026-02-02,30.00,USD,2026-01-05T00:00:00.000Z',
      ].join(CRLF) + CRLF,
    );

    // The portfolio's cash is keyed by account id: one JSON cell, not a column per account.
    const portfolio = tableToCsv('portfolioSettings', [{ key: 'portfolio', cash: { 'acct-1': 50_000 }, identical: [['VTI', 'ITOT']], lastDriftCheck: { at: 0, outside: ['bonds'] } }]);
    expect(portfolio).toBe(
      ['key,cash,identical,lastDriftCheck.at,lastDriftCheck.outside', 'portfolio,"{""acct-1"":50000}","[[""VTI"",""ITOT""]]",1970-01-01T00:00:00.000Z,"[""bonds""]"'].join(CRLF) + CRLF,
    );
  });

  it('leaves numbers and decimal text as they are, even when negative', () => {
    const csv = tableToCsv('holdings', [
      { id: 'h1', symbol: 'VTI', quantity: '-0.5', marketValue: { minor: -7, currency: 'BHD' }, asOf: Date.UTC(2024, 2, 31), provenance: { description: '-5 shares', row: 3 } },
    ]);
    // BHD has 3 decimals: -7 fils = -0.007. "-5 shares" is text, so it is prefixed; "-0.5" is a number.
    expect(csv).toBe(['id,symbol,quantity,marketValue,marketValue.currency,asOf,provenance.description,provenance.row', "h1,VTI,-0.5,-0.007,BHD,2024-03-31T00:00:00.000Z,'-5 shares,3"].join(CRLF) + CRLF);
  });

  it('takes the union of the columns in the order first seen, blank where a record has none', () => {
    const csv = tableToCsv('leakMarks', [{ id: 'netflix', mark: 'unused' }, { id: 'spotify', createdAt: Date.UTC(2026, 0, 1), mark: 'ignored' }]);
    expect(csv).toBe(['id,mark,createdAt', 'netflix,unused,', 'spotify,ignored,2026-01-01T00:00:00.000Z'].join(CRLF) + CRLF);
  });

  it('writes an empty table as an empty file', () => {
    expect(tableToCsv('trades', [])).toBe('');
  });

  it('reads back with a CSV parser to the same text (after the formula prefix)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', ' ', ',', '"', '\r', '\n', '=', '-', '+', '@', '\t', '1', '.', "'") });
    fc.assert(
      fc.property(text, text, (description, merchant) => {
        const csv = tableToCsv('transactions', [{ id: 'x', description, merchant }]);
        const parsed = Papa.parse<string[]>(csv, { newline: '\r\n' });
        expect(parsed.errors).toEqual([]);
        const unprefix = (cell: string, original: string) => (/^[=+\-@\t\r]/.test(original) && !/^-?\d+(\.\d+)?$/.test(original) ? cell.slice(1) : cell);
        const row = parsed.data[1]!;
        expect(parsed.data[0]).toEqual(['id', 'description', 'merchant']);
        expect(row).toHaveLength(3);
        expect(unprefix(row[1]!, description)).toBe(description);
        expect(unprefix(row[2]!, merchant)).toBe(merchant);
        // A dangerous first character never reaches the spreadsheet unprefixed.
        for (const cell of row) expect(/^[=+@\t\r]/.test(cell) || /^-(?!\d+(\.\d+)?$)/.test(cell)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('csvFileName', () => {
  it('names the table and the UTC day', () => {
    expect(csvFileName('transactions', Date.UTC(2026, 10, 24, 12))).toBe('strata-transactions-2026-11-24.csv');
    expect(csvFileName('incomeEvents', Date.UTC(2026, 10, 24, 23, 59, 59, 999))).toBe('strata-incomeEvents-2026-11-24.csv');
  });
});
